"""Zoeken in een echte browser: een Nederlands woord typen in het zoekvak vindt de juiste pagina's.

Welke pagina's 'goed' zijn, volgt uit de gebouwde zoekindex (search/search_index.json): de test typt het
woord, wacht op het antwoord van de zoek-webworker van het thema, en vergelijkt de gevonden pagina's
met de pagina's waarin het woord (of een vorm ervan) echt staat.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from .hulp import AXE_JS, AXE_OPTIES, BREED, JS_ANIMATIES_KLAAR, axe_fouten, meld_fouten

CASUS = "/casussen/begeleidingsbehoefte-en-regime/"

# Houdt bij welke zoekvragen de pagina naar de zoek-webworker stuurt en hoeveel antwoorden terugkomen
# (berichttype 2 = vraag, 3 = antwoord, zoals het thema ze gebruikt).
JS_VOLG_ZOEKWORKER = """() => {
  window.__vragen = []; window.__antwoorden = 0;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (bericht, ...rest) {
    if (!this.__gevolgd) {
      this.__gevolgd = true;
      this.addEventListener('message', e => { if (e.data && e.data.type === 3) window.__antwoorden++; });
    }
    if (bericht && bericht.type === 2) window.__vragen.push(bericht.data);
    return post.call(this, bericht, ...rest);
  };
}"""

JS_RESULTATEN = """() => [...document.querySelectorAll('.md-search-result__item > a.md-search-result__link')]
  .map(a => a.href)"""


def _pagina_van(locatie: str) -> str:
    return urlparse(urljoin("http://site/", locatie)).path


@pytest.fixture(scope="module")
def index_per_pagina(site: Path) -> dict[str, str]:
    """De tekst van elke pagina zoals de zoekindex hem kent (titels en tekst van alle secties samen)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    teksten: dict[str, list[str]] = {}
    for doc in index["docs"]:
        tekst = unescape(re.sub(r"<[^>]+>", " ", f"{doc.get('title', '')} {doc.get('text', '')}"))
        teksten.setdefault(_pagina_van(doc["location"]), []).append(tekst.lower())
    return {pagina: " ".join(delen) for pagina, delen in teksten.items()}


def _titels(site: Path) -> dict[str, str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {_pagina_van(d["location"]): d["title"].lower() for d in index["docs"] if "#" not in d["location"]}


def _zoek(p, woord: str, smal: bool = False, met_anker: bool = False) -> list[str]:
    """Typ ``woord`` in het zoekvak zoals een mens (toets voor toets); geef de gevonden pagina's in volgorde.

    Met ``met_anker`` elk resultaat zoals het er staat (pagina of kop: pad met ``#anker``), in de volgorde op het scherm.
    """
    if not p.evaluate("() => '__vragen' in window"):
        p.evaluate(JS_VOLG_ZOEKWORKER)
    vak = p.locator("input.md-search__input")
    if not vak.is_visible():
        if smal:
            p.locator('label.md-header__button[for="__search"]').tap()
        else:
            vak.click()
    vak.click()
    vak.press("Control+a")
    vak.press("Delete")
    vak.press_sequentially(woord)  # elke toets een eigen gebeurtenis; een vraag per toets, zoals bij typen
    # Klaar als de laatste vraag het hele woord is en op elke vraag een antwoord kwam.
    p.wait_for_function(
        "woord => window.__vragen.at(-1) === woord && window.__antwoorden >= window.__vragen.length", arg=woord
    )
    p.wait_for_function(JS_ANIMATIES_KLAAR)
    gevonden = []
    for href in p.evaluate(JS_RESULTATEN):
        if met_anker:
            deel = urlparse(href)
            gevonden.append(deel.path + (f"#{deel.fragment}" if deel.fragment else ""))
            continue
        pad = urlparse(href).path
        if pad not in gevonden:
            gevonden.append(pad)
    return gevonden


@pytest.fixture(scope="module")
def zoekpagina(browser, server):
    """Eén desktoppagina voor alle zoekvragen (de zoekindex wordt dan één keer opgebouwd)."""
    context, p, verzoeken = _nieuwe_pagina(browser, server)
    yield p, verzoeken
    context.close()


def _nieuwe_pagina(browser, server: str):
    context = browser.new_context(viewport=BREED, locale="nl-NL")
    verzoeken: list[str] = []
    context.on("request", lambda v: verzoeken.append(v.url))
    p = context.new_page()
    p.goto(server + "/")
    return context, p, verzoeken


def _alleen_eigen_server(server: str, verzoeken: list[str]) -> None:
    vreemd = [u for u in verzoeken if not u.startswith(("data:", "blob:")) and urlparse(u).netloc != urlparse(server).netloc]
    assert not vreemd, f"Zoeken deed verzoeken naar andere hosts: {vreemd}"


# (getypt woord, vorm die in minstens één gevonden pagina moet staan, vorm die in élke gevonden pagina moet
# staan, uitleg). De tweede vorm is ruimer: het zoekvak zoekt op de stam ('berekeningen' → 'bereken*'), dus ook
# een pagina met 'berekend' is een goede treffer.
ZOEKWOORDEN = [
    ("regime", r"\bregim", r"\bregim", "gewoon woord"),
    # 'berekening' hoort bij dezelfde groep als 'rekenen' en 'rekenhulp' (synoniemen in zoeken_nl.js, issue 22).
    ("berekeningen", r"\bberekening", r"\b(be|uit)?reken", "meervoud vindt enkelvoud (stemming)"),
    ("logboek", r"\blogboek", r"\blogboek", "pagina afgeleid uit de zoekindex"),
]


@pytest.mark.parametrize(("woord", "vorm", "stamvorm", "uitleg"), ZOEKWOORDEN, ids=[w[0] for w in ZOEKWOORDEN])
def test_zoeken_vindt_de_paginas_waar_het_woord_staat(zoekpagina, server, site, index_per_pagina, woord, vorm,
                                                       stamvorm, uitleg):
    met_vorm = {pagina for pagina, tekst in index_per_pagina.items() if re.search(vorm, tekst)}
    assert met_vorm, f"Geen enkele pagina in de zoekindex bevat {vorm!r}: er valt voor {woord!r} niets te vinden"
    met_stam = {pagina for pagina, tekst in index_per_pagina.items() if re.search(stamvorm, tekst)}
    in_titel = {pagina for pagina, titel in _titels(site).items() if re.search(vorm, titel)}

    p, verzoeken = zoekpagina
    gevonden = _zoek(p, woord)

    assert gevonden, f"Zoeken op {woord!r} ({uitleg}) vindt niets; verwacht een van {sorted(met_vorm)}"
    # Pagina's met het woord in de titel horen er allemaal bij; anders minstens één pagina met het woord.
    if in_titel:
        mist = in_titel - set(gevonden)
        assert not mist, f"Zoeken op {woord!r} mist pagina's met het woord in de titel: {sorted(mist)}; gevonden: {gevonden}"
    else:
        assert set(gevonden) & met_vorm, f"Zoeken op {woord!r} vindt geen pagina met {vorm!r}; gevonden: {gevonden}"
    # Alles wat gevonden wordt, bevat het woord (of een vorm met dezelfde stam) echt: geen ruis.
    ruis = [pagina for pagina in gevonden if pagina not in met_stam]
    assert not ruis, f"Zoeken op {woord!r} geeft pagina's zonder {stamvorm!r}: {ruis}"
    _alleen_eigen_server(server, verzoeken)
    print(f"\nZoeken op {woord!r} ({uitleg}): {gevonden}")


def test_paginas_met_het_woord_in_de_titel_staan_bovenaan(zoekpagina, site):
    """'regime' vindt de casus, en pagina's met het woord in de titel komen vóór pagina's met het woord in de tekst."""
    gevonden = _zoek(zoekpagina[0], "regime")
    assert CASUS in gevonden, f"Zoeken op 'regime' vindt de casus niet: {gevonden}"
    titels = _titels(site)
    in_titel = [bool(re.search(r"\bregim", titels.get(pagina, ""))) for pagina in gevonden]
    assert in_titel[: sum(in_titel)] == [True] * sum(in_titel), (
        f"Zoeken op 'regime': pagina's met het woord in de titel staan niet bovenaan: "
        f"{[(pagina, titels.get(pagina)) for pagina in gevonden]}"
    )


def test_meervoud_vindt_pagina_met_alleen_het_enkelvoud(zoekpagina, index_per_pagina):
    """Stemming echt aangetoond: een gevonden pagina bevat 'berekening' maar nergens 'berekeningen'."""
    alleen_enkelvoud = {
        pagina
        for pagina, tekst in index_per_pagina.items()
        if re.search(r"\bberekening\b", tekst) and not re.search(r"\bberekeningen\b", tekst)
    }
    assert alleen_enkelvoud, "Geen pagina met alleen 'berekening' (zonder 'berekeningen'): stemming is niet te toetsen"
    gevonden = _zoek(zoekpagina[0], "berekeningen")
    assert set(gevonden) & alleen_enkelvoud, (
        f"'berekeningen' vindt geen pagina die alleen 'berekening' bevat ({sorted(alleen_enkelvoud)}); gevonden: {gevonden}"
    )


@pytest.mark.parametrize("scherm", ["breed", "smal"])
def test_zoekresultaten_zijn_toegankelijk(request, server, zoekpagina, scherm):
    """axe-core op het open zoekvak met resultaten (de kleuren van het thema faalden hier)."""
    smal = scherm == "smal"
    if smal:
        # Het tabblad van een telefoon (conftest.telefoon); ook de verzoeken van de zoek-webworker tellen mee.
        p = request.getfixturevalue("telefoon")
        verzoeken: list[str] = []
        volg = lambda v: verzoeken.append(v.url)  # noqa: E731
        p.context.on("request", volg)
        request.addfinalizer(lambda: p.context.remove_listener("request", volg))
        p.goto(server + "/")
    else:
        p, verzoeken = zoekpagina
    gevonden = _zoek(p, "regime", smal=smal)
    assert CASUS in gevonden, f"Zoeken op 'regime' ({scherm}) vindt de casus niet: {gevonden}"
    p.evaluate(AXE_JS)
    uitslag = p.evaluate("opties => axe.run(document, opties)", AXE_OPTIES)
    fouten = axe_fouten(f"zoekresultaten 'regime' ({scherm})", uitslag)
    assert not fouten, meld_fouten("Overtredingen van WCAG 2.1 AA in de zoekresultaten", fouten)
    _alleen_eigen_server(server, verzoeken)


# Elk zoekresultaat op het scherm: adres (met anker), score van de zoekfunctie (0 bij de kop van een groep, die
# alleen de pagina noemt) en de tekst van de kop van het resultaat.
JS_RESULTATEN_MET_SCORE = """() => [...document.querySelectorAll('.md-search-result__item > a.md-search-result__link')]
  .map(a => { const art = a.querySelector('article');
    return {href: a.href, score: parseFloat(art.dataset.mdScore || '0'),
            kop: (art.querySelector('h1, h2') || {}).textContent || ''}; })"""


@pytest.mark.parametrize("term", ["Loonwaarde", "Loondispensatie"])
def test_zoeken_op_een_begrip_geeft_eerst_dat_begrip(zoekpagina, term):
    """Typ een begrip uit de begrippenlijst: het eerste resultaat is het begrip zelf, met zijn anker en uitleg."""
    from leidraadsite.inhoud.begrippen import laad_begrippen

    begrip = next(b for b in laad_begrippen().begrippen if b.term == term)
    p = zoekpagina[0]
    _zoek(p, term.lower())
    resultaten = [r for r in p.evaluate(JS_RESULTATEN_MET_SCORE) if r["score"] > 0]
    assert resultaten, f"zoeken op {term.lower()!r} vindt niets"
    eerste = resultaten[0]
    deel = urlparse(eerste["href"])
    assert (deel.path, deel.fragment) == ("/begrippen/", begrip.anker), (
        f"zoeken op {term.lower()!r}: het eerste resultaat is {deel.path}#{deel.fragment} ({eerste['kop']!r}), "
        f"niet het begrip /begrippen/#{begrip.anker}; alle: {[(r['href'], r['kop']) for r in resultaten[:5]]}")
    assert eerste["kop"].strip() == begrip.kop, eerste


# Issue 22: de tien vragen die een professional het eerst typt, met de pagina (en waar nodig de kop) die bovenaan
# hoort. Elke vraag wordt toets voor toets getypt, zoals een mens dat doet.
BESTE_ANTWOORDEN = [
    ("hoeveel uur jobcoach", "/rekenhulp/"),
    ("uren berekenen", "/rekenhulp/"),
    ("verlenging", "/leidraad/verlenging/"),
    ("logboek", "/leidraad/logboek/"),
    ("interne jobcoach", "/wat-geldt-nu/#intern"),
    ("tarief", "/wat-geldt-nu/#tarief"),
    ("aanvraag toetsen", "/leidraad/toetsing/"),
    ("gemeente", "/wat-geldt-nu/#gemeente"),
    ("jobcoachportaal", "/wat-geldt-nu/#routes"),
    ("sjabloon coachingsplan", "/sjablonen/coachingsplan/"),
]


def _eerste_groep(resultaten: list[str]) -> list[str]:
    """De resultaten van de eerste pagina in de lijst (het thema groepeert per pagina: pagina, dan haar koppen)."""
    pad = resultaten[0].split("#")[0]
    groep = []
    for r in resultaten:
        if r.split("#")[0] != pad:
            break
        groep.append(r)
    return groep


@pytest.mark.parametrize(("vraag", "verwacht"), BESTE_ANTWOORDEN, ids=[v for v, _ in BESTE_ANTWOORDEN])
def test_beste_antwoord_staat_bovenaan(zoekpagina, server, vraag, verwacht):
    p, verzoeken = zoekpagina
    resultaten = _zoek(p, vraag, met_anker=True)
    assert resultaten, f"zoeken op {vraag!r} vindt niets"
    groep = _eerste_groep(resultaten)
    assert resultaten[0].split("#")[0] == verwacht.split("#")[0] and verwacht in groep, (
        f"zoeken op {vraag!r}: bovenaan staat {groep}, verwacht {verwacht}; alle: {resultaten[:8]}")
    _alleen_eigen_server(server, verzoeken)


@pytest.mark.parametrize(("getypt", "alleen_in", "niet_in"), [
    # Alleen vormen met weinig treffers: het thema toont eerst tien pagina's. Voor 'uur'/'uren' en
    # 'rekenen'/'berekening' telt test_beide_vormen_geven_evenveel_treffers alle treffers.
    ("rekenen", r"\bberekening", r"\brekenen\b"),
    ("afbouwen", r"\bafbouw\b", r"\bafbouwen\b"),
])
def test_een_vorm_vindt_ook_paginas_met_alleen_de_andere_vorm(zoekpagina, index_per_pagina, getypt, alleen_in,
                                                               niet_in):
    """Issue 22: 'uur' (11 treffers) en 'uren' (30) waren voor het zoekvak verschillende woorden; 'afbouw' vond niets.

    Bewijs dat het zoekvak ze nu samen neemt: tussen de treffers staat een pagina met alleen de andere vorm."""
    alleen = {pagina for pagina, tekst in index_per_pagina.items()
              if re.search(alleen_in, tekst) and not re.search(niet_in, tekst)}
    assert alleen, f"geen pagina met {alleen_in!r} zonder {niet_in!r}: niets te toetsen"
    gevonden = _zoek(zoekpagina[0], getypt)
    assert set(gevonden) & alleen, f"{getypt!r} vindt geen pagina met alleen {alleen_in!r}: {gevonden}"


def _aantal(p) -> str:
    return p.locator(".md-search-result__meta").inner_text()


@pytest.mark.parametrize(("een", "ander", "vormen"), [
    ("uur", "uren", r"\b(uur|uren)\b"),
    ("afbouw", "afbouwen", r"\bafbouw(en)?\b"),
    ("rekenen", "berekening", r"\b(rekenen|berekening|rekenhulp)\b"),
])
def test_beide_vormen_geven_evenveel_treffers(zoekpagina, site, een, ander, vormen):
    """Het thema noemt boven de resultaten hoeveel er zijn; voor twee vormen van één woord is dat nu hetzelfde, en
    minstens het aantal pagina's in de zoekindex waarin een van de vormen staat."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    # het thema telt pagina's (een groep per pagina), niet de koppen erin
    met_vorm = len({d["location"].split("#")[0] for d in index["docs"]
                    if re.search(vormen, unescape(re.sub(r"<[^>]+>", " ", f"{d['title']} {d['text']}")).lower())})
    p = zoekpagina[0]
    _zoek(p, een)
    eerst = _aantal(p)
    _zoek(p, ander)
    dan = _aantal(p)
    assert re.search(r"\d", eerst) and eerst == dan, f"{een!r}: {eerst!r}; {ander!r}: {dan!r}"
    assert int(re.search(r"\d+", eerst).group()) >= met_vorm, f"{een!r}: {eerst!r}; in de index: {met_vorm}"


@pytest.mark.parametrize(("tikfout", "bedoeld"), [("jobcoch", r"\bjobcoach"), ("verlening", r"\bverlenging"),
                                                  ("logbok", r"\blogboek")])
def test_een_tikfout_vindt_toch_het_woord(zoekpagina, index_per_pagina, tikfout, bedoeld):
    p = zoekpagina[0]
    gevonden = _zoek(p, tikfout)
    assert gevonden, f"zoeken op {tikfout!r} vindt niets"
    met_woord = {pagina for pagina, tekst in index_per_pagina.items() if re.search(bedoeld, tekst)}
    assert set(gevonden) <= met_woord, f"{tikfout!r} vindt pagina's zonder {bedoeld!r}: {set(gevonden) - met_woord}"
