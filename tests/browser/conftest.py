"""Browsertests: de gebouwde site op een gewone bestandsserver op 127.0.0.1, bekeken in Chromium van Debian.

Playwright stuurt ``/usr/bin/chromium`` aan; er wordt nooit een browser gedownload. Eén browser per run.
Elke pagina houdt bij welke verzoeken ze doet (``pagina.verzoeken``), zodat tests kunnen eisen dat
alles naar de eigen server gaat.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from leidraadsite.nabouw.chromium import CHROMIUM, CHROMIUM_VLAGGEN, bestandsserver  # dezelfde start als de PDF

# De rondgang langs alle pagina's (één keer per run; zie rondgang.py): paden, rondgang_breed, rondgang_smal.
from .rondgang import paden, rondgang_breed, rondgang_smal  # noqa: F401


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


@pytest.fixture
def pagina(browser: Browser) -> Iterator[Page]:
    """Een nieuwe pagina (desktop, 1280 px breed) die elk verzoek bijhoudt in ``pagina.verzoeken``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    p = context.new_page()
    p.verzoeken = []  # type: ignore[attr-defined]
    p.on("request", lambda verzoek: p.verzoeken.append(verzoek.url))  # type: ignore[attr-defined]
    yield p
    context.close()


@pytest.fixture
def telefoon(browser: Browser) -> Iterator[Page]:
    """Een pagina zoals op een telefoon: 375 px breed, aanraakscherm."""
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True, locale="nl-NL"
    )
    p = context.new_page()
    p.verzoeken = []  # type: ignore[attr-defined]
    p.on("request", lambda verzoek: p.verzoeken.append(verzoek.url))  # type: ignore[attr-defined]
    yield p
    context.close()
