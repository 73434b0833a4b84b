"""Browsertests: de gebouwde site op een gewone bestandsserver op 127.0.0.1, bekeken in Chromium van Debian.

Playwright stuurt ``/usr/bin/chromium`` aan; er wordt nooit een browser gedownload. Eén browser per run.
Elke pagina houdt bij welke verzoeken ze doet (``pagina.verzoeken``), zodat tests kunnen eisen dat
alles naar de eigen server gaat.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from leidraadsite.nabouw.chromium import CHROMIUM, CHROMIUM_VLAGGEN, bestandsserver  # dezelfde start als de PDF

# De rondgang langs alle pagina's (één keer per run; zie rondgang.py): paden, rondgang_breed, rondgang_smal.
from .rondgang import paden, rondgang_breed, rondgang_smal  # noqa: F401

# expect() kijkt steeds opnieuw tot het klopt, en wacht dus nooit langer dan nodig; de grens is alleen wanneer het
# opgeeft. Playwright geeft 5 s; op een drukke machine (CI, twee werkers en Chromium op twee kernen) is dat krap voor
# bijvoorbeeld het eerste casusbestand openen (de YAML-lezer laadt dan pas). 15 s.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """Een gewone statische bestandsserver voor de gebouwde site; geeft de basis-URL."""
    with bestandsserver(site) as basis:
        yield basis


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium van Debian. Playwright geeft elke start een nieuw, leeg profiel."""
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"Chromium ontbreekt op {CHROMIUM}; voer tools/chromium.sh uit (make test doet dat zelf).")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_VLAGGEN)
        yield b
        b.close()


# Eén context per soort scherm voor de hele run, en per test een nieuw tabblad daarin. Een nieuwe context kost
# ruim een seconde processortijd per test (een lege cache: elk script opnieuw laden en compileren); een nieuw tabblad
# in dezelfde context een tiende daarvan. Wat een test in de browser achterlaat, gaat na de test weg
# (``_ruim_op`` en het volgende ``_nieuw_tabblad``): de opgeslagen gegevens van elke bezochte oorsprong
# (localStorage van de rekenhulp, cookies), gegeven rechten en extra tabbladen. Alleen de HTTP-cache blijft, zoals bij een lezer die een tweede pagina opent.
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "locale": "nl-NL"}
TELEFOON = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True,
            "locale": "nl-NL"}
OPSLAG = "cookies,local_storage,session_storage,indexeddb,websql,service_workers,cache_storage,file_systems"


@pytest.fixture(scope="session")
def _desktopcontext(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(**DESKTOP)
    yield context
    context.close()


@pytest.fixture(scope="session")
def _telefooncontext(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(**TELEFOON)
    yield context
    context.close()


# Oorsprongen waarvan de opgeslagen gegevens nog weg moeten, per context. ``_ruim_op`` sluit eerst de tabbladen en
# wist daarna; het wissen zelf gebeurt in het volgende nieuwe tabblad, voor dat iets laadt. Zo komt wat een pagina bij
# het sluiten nog opslaat (de rekenhulp bewaart bij ``focusout`` en 150 ms na het typen) er niet na het wissen bij.
_TE_WISSEN: dict[BrowserContext, set[str]] = {}


def _nieuw_tabblad(context: BrowserContext) -> Page:
    p = context.new_page()
    oorsprongen = _TE_WISSEN.pop(context, set())
    if oorsprongen:
        cdp = context.new_cdp_session(p)
        for oorsprong in sorted(oorsprongen):
            cdp.send("Storage.clearDataForOrigin", {"origin": oorsprong, "storageTypes": OPSLAG})
        cdp.detach()
    p.verzoeken = []  # type: ignore[attr-defined]
    p.on("request", lambda verzoek: p.verzoeken.append(verzoek.url))  # type: ignore[attr-defined]
    return p


def _ruim_op(context: BrowserContext, p: Page) -> None:
    """Laat de context achter zoals een nieuwe, op de HTTP-cache na: alle tabbladen dicht, rechten en cookies weg, en de
    opgeslagen gegevens van elke oorsprong die het tabblad bezocht weg voor het volgende tabblad iets laadt."""
    oorsprongen = {"{0.scheme}://{0.netloc}".format(urlsplit(url)) for url in p.verzoeken}  # type: ignore[attr-defined]
    for tabblad in context.pages:  # eerst dicht: wat een pagina bij het sluiten nog opslaat, staat er dan al
        tabblad.close()
    assert context.pages == []
    context.clear_cookies()
    context.clear_permissions()
    _TE_WISSEN.setdefault(context, set()).update(o for o in oorsprongen if o.startswith("http"))


@pytest.fixture
def pagina(_desktopcontext: BrowserContext) -> Iterator[Page]:
    """Een nieuw tabblad (desktop, 1280 px breed) dat elk verzoek bijhoudt in ``pagina.verzoeken``."""
    p = _nieuw_tabblad(_desktopcontext)
    yield p
    _ruim_op(_desktopcontext, p)


@pytest.fixture
def telefoon(_telefooncontext: BrowserContext) -> Iterator[Page]:
    """Een tabblad zoals op een telefoon: 375 px breed, aanraakscherm."""
    p = _nieuw_tabblad(_telefooncontext)
    yield p
    _ruim_op(_telefooncontext, p)
