"""Begrippen en afkortingen: elke afkorting op de site staat in de lijst en toont haar betekenis."""

from __future__ import annotations

import functools
import json
import re
from html import unescape
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pydantic import ValidationError

from jobcoach.fouten import Bestandsfout
from leidraadsite.inhoud.begrippen import BEGRIPPEN_PAD, Begrip, begrippen_markdown, laad_begrippen

BEGRIPPEN = laad_begrippen()
AFKORTINGEN = BEGRIPPEN.afkortingen()


@functools.lru_cache(maxsize=2)
def artikelen(site: Path) -> tuple:
    """(pad, artikel) van elke gebouwde pagina; één keer gelezen per testrun."""
    uit = []
    for pad in sorted(site.rglob("*.html")):
        # 404 en de printversie (een samenvoeging van alle pagina's, met een voorblad uit een sjabloon)
        # tellen niet als eigen pagina; hun inhoud wordt op de echte pagina's gecontroleerd.
        if pad.name == "404.html" or pad.relative_to(site).parts[0] == "printversie":
            continue
        artikel = BeautifulSoup(pad.read_text(encoding="utf-8"), "html.parser").select_one("article.md-content__inner")
        if artikel is not None:
            uit.append((pad.relative_to(site), artikel))
    return tuple(uit)


def lopende_tekst(artikel) -> str:
    kopie = BeautifulSoup(str(artikel), "html.parser")  # kopie: het gedeelde artikel blijft heel
    # Code en letterlijk geciteerde brontekst (met de schrijfwijze van de bron) tellen niet mee.
    for weg in kopie.select("pre, code, svg, a.headerlink, a.md-content__button, .letterlijk"):
        weg.decompose()
    return kopie.get_text(" ")


def kandidaten(tekst: str) -> set[str]:
    """Woorden(delen) met twee of meer hoofdletters (zoals UWV, NVvA, RI&E); codes met cijfers niet."""
    gevonden = set()
    for woord in re.findall(r"[\wÀ-ÿ&]+(?:[-/'][\wÀ-ÿ&]+)*", tekst):
        if woord in AFKORTINGEN or any(c.isdigit() for c in woord):
            continue
        for deel in re.split(r"[-/']", woord):
            if sum(c.isupper() for c in deel) >= 2:
                gevonden.add(deel)
    return gevonden


def bekend(woord: str) -> bool:
    if woord in AFKORTINGEN:
        return True
    # onderdelen van een afkorting met streepje of spatie (CG-Raad, CC BY 4.0, EUPL-1.2)
    onderdelen = {d for a in AFKORTINGEN for d in re.split(r"[- ]", a)}
    termen = {w for b in BEGRIPPEN.begrippen for w in b.term.split()}  # eigennamen in een term (JavaScript)
    if woord in onderdelen or woord in termen:
        return True
    # een woord dat bestaat uit een bekende afkorting plus een woorddeel (SMART-doelen)
    return any(woord.startswith(a + "-") for a in AFKORTINGEN)


def test_elke_afkorting_op_de_site_staat_in_de_begrippenlijst(site):
    onbekend: dict[str, set[str]] = {}
    for pad, artikel in artikelen(site):
        for woord in kandidaten(lopende_tekst(artikel)):
            if not bekend(woord):
                onbekend.setdefault(woord, set()).add(str(pad))
    assert not onbekend, "afkortingen zonder uitleg (zet ze in src/leidraadsite/data/begrippen.yml):\n" + "\n".join(
        f"- {w}: {', '.join(sorted(p)[:3])}" for w, p in sorted(onbekend.items()))


def test_afkortingen_tonen_hun_betekenis_op_elke_pagina(site):
    gecontroleerd = 0
    for pad, artikel in artikelen(site):
        abbrs = artikel.find_all("abbr")
        for abbr in abbrs:
            assert abbr.get("title") == AFKORTINGEN[abbr.get_text()], (str(pad), abbr)
        # Elke afkorting die in gewone tekst (Markdown) staat, is een <abbr>.
        for p in artikel.select("p, li, h1, h2, h3, dd"):
            if p.find_parent(["table", "aside", "figure"]) or p.find_parent(class_="regioplan-onder"):
                continue
            tekst_zonder_abbr = "".join(t for t in p.find_all(string=True, recursive=True)
                                        if t.parent.name not in ("abbr", "code"))
            for afk in ("UWV", "AD", "FML", "SFB", "NVvA", "AKC", "Wajong", "WIA", "Wsw"):
                assert not re.search(rf"\b{re.escape(afk)}\b", tekst_zonder_abbr), (
                    f"{pad}: '{afk}' staat zonder <abbr> in: {p.get_text()[:120]}")
        # Elke afkorting is met het toetsenbord te bereiken: de eerste buiten een link heeft tabindex.
        buiten_link = [a for a in abbrs if not a.find_parent("a")]
        for tekst in {a.get_text() for a in buiten_link}:
            eerste = next(a for a in buiten_link if a.get_text() == tekst)
            assert eerste.get("tabindex") == "0", (str(pad), tekst)
        assert all(a.get("tabindex") is None for a in abbrs if a.find_parent("a")), f"{pad}: tabstop binnen een link"
        gecontroleerd += bool(abbrs)
    assert gecontroleerd > 25, f"maar {gecontroleerd} pagina's met afkortingen"


def _koptekst(kop) -> str:
    return re.sub(r"\s+", " ", "".join(kop.find_all(string=True)).replace("¶", "")).strip()


def _pagina(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_elk_begrip_is_een_eigen_kop_met_vast_anker_op_zijn_pagina(site):
    paginas = {"iedereen": _pagina(site, "begrippen"), "onderhoud": _pagina(site, "onderhoud")}
    for begrip in BEGRIPPEN.begrippen:
        pagina = paginas[begrip.voor]
        kop = pagina.select_one(f"article h3#{begrip.anker}")
        assert kop is not None, f"{begrip.term}: geen kop h3#{begrip.anker} op de pagina voor {begrip.voor}"
        assert _koptekst(kop) == begrip.kop, (_koptekst(kop), begrip.kop)
        assert begrip.uitleg.split(".")[0] in kop.find_next_sibling("p").get_text(), begrip.term
        ander = paginas["onderhoud" if begrip.voor == "iedereen" else "iedereen"]
        assert ander.find(id=begrip.anker) is None, f"{begrip.term} staat op beide pagina's"
    for soort in ("CSS", "HTML", "JSON", "YAML", "VS Code"):
        assert paginas["iedereen"].find("h3", id=f"begrip-{soort.lower().replace(' ', '-')}") is None, soort
        assert paginas["onderhoud"].find("h3", id=f"begrip-{soort.lower().replace(' ', '-')}") is not None, soort
    assert paginas["onderhoud"].find("h3", id="begrip-mkdocs") and paginas["onderhoud"].find("h3", id="begrip-pyyaml")


def test_begrippen_staan_op_alfabet_onder_hun_letter_met_een_lijst_a_tot_z(site):
    pagina = _pagina(site, "begrippen").select_one("article")
    termen = pagina.select("h3.begrip")
    assert len(termen) == sum(b.voor == "iedereen" for b in BEGRIPPEN.begrippen), f"{len(termen)} termen"
    namen = [_koptekst(h).lower() for h in termen]
    assert namen == sorted(namen, key=lambda n: re.sub(r"[^a-z0-9 ]", "", n.replace("ë", "e").replace("é", "e"))), \
        "de lijst staat niet op alfabet"
    letters = pagina.select("h2.begrippen-letter")
    for kop in letters:
        onder = []
        for el in kop.find_next_siblings():
            if el.name == "h2":
                break
            if el.name == "h3":
                onder.append(_koptekst(el))
        assert onder, f"letter {_koptekst(kop)} zonder begrippen"
        assert all(n[0].upper() == _koptekst(kop) for n in onder), (_koptekst(kop), onder)
    az = pagina.select("nav.begrippen-az a")
    assert [a["href"] for a in az] == [f"#{k['id']}" for k in letters], [a["href"] for a in az]
    assert [a.get_text() for a in az] == [_koptekst(k) for k in letters]
    assert len(az) >= 15, f"maar {len(az)} letters"
    # de lijst A–Z staat boven het eerste begrip
    assert pagina.find("nav", class_="begrippen-az").find_next("h3") == termen[0]


def test_elk_begrip_is_een_eigen_zoekresultaat(site):
    """De zoekindex heeft per begrip een eigen stuk met het anker en de kop als titel (niet één muur tekst)."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    stukken = {d["location"]: d for d in index["docs"]}
    for begrip in BEGRIPPEN.begrippen:
        pagina = "begrippen" if begrip.voor == "iedereen" else "onderhoud"
        stuk = stukken.get(f"{pagina}/#{begrip.anker}")
        assert stuk is not None, f"geen eigen zoekresultaat voor {begrip.term}"
        titel = unescape(re.sub(r"<[^>]+>", "", stuk["title"]))
        assert titel == begrip.kop, (titel, begrip.kop)
        assert begrip.uitleg.split(".")[0].split(":")[0] in unescape(re.sub(r"<[^>]+>", "", stuk["text"])), begrip.term
    # de tekst van de pagina zelf (zonder kop) bevat de begrippen niet nog een keer
    assert "minimumloon" not in stukken["begrippen/"]["text"], "de pagina Begrippen is nog één muur tekst"


def test_geen_begrip_herhaalt_alleen_zichzelf():
    for begrip in BEGRIPPEN.begrippen:
        if begrip.afkorting:
            assert begrip.term.lower() != begrip.afkorting.lower(), begrip.kop
        assert begrip.uitleg.strip(" .").lower() not in {begrip.term.lower(), (begrip.afkorting or "").lower()}


@pytest.mark.parametrize(("velden", "melding"), [
    ({"term": "APE", "afkorting": "APE", "uitleg": "Onderzoeksbureau."}, "term en afkorting zijn gelijk ('APE')"),
    ({"term": "CEC", "afkorting": "C.E.C.", "uitleg": "Onderdeel van UWV."}, "term en afkorting zijn gelijk"),
    ({"term": "Loonwaarde", "uitleg": "Loonwaarde."}, "herhaalt alleen de term"),
    ({"term": "Voluit", "afkorting": "VL", "uitleg": "VL"}, "herhaalt alleen de term"),
    ({"term": "Iets", "uitleg": "Uitleg.", "voor": "ontwikkelaars"}, "voor"),
])
def test_het_model_weigert_een_begrip_zonder_betekenis(velden, melding):
    with pytest.raises(ValidationError) as fout:
        Begrip.model_validate(velden)
    assert melding in str(fout.value), str(fout.value)


def test_de_bouw_weigert_een_begrip_dat_zichzelf_herhaalt(tmp_path):
    kopie = tmp_path / "begrippen.yml"
    tekst = BEGRIPPEN_PAD.read_text(encoding="utf-8")
    kopie.write_text(tekst.replace("  - term: Aarts De Jong Wilms Goudriaan Public Economics\n    afkorting: APE\n",
                                   "  - term: APE\n    afkorting: APE\n", 1), encoding="utf-8")
    assert "term: APE\n" in kopie.read_text(encoding="utf-8")
    regel = kopie.read_text(encoding="utf-8").splitlines().index("  - term: APE") + 1
    with pytest.raises(Bestandsfout) as fout:
        laad_begrippen.__wrapped__(kopie)
    assert f"begrippen.yml:{regel}:" in str(fout.value) and "term en afkorting zijn gelijk ('APE')" in str(fout.value), \
        str(fout.value)


def test_onbekende_groep_begrippen_geeft_een_melding():
    with pytest.raises(ValueError, match="onbekende groep begrippen 'ontwikkelaars'"):
        begrippen_markdown(BEGRIPPEN, "ontwikkelaars")


@pytest.mark.parametrize("term", ["Interne jobcoach", "Participatiewet", "Loonkostensubsidie", "Jobcoachportaal",
                                  "eHerkenning", "Normbedrag", "Breed offensief", "Discrepantie", "Plausibiliteit",
                                  "Urengroep"])
def test_woorden_van_nu_staan_in_de_begrippen(term):
    """Issue 22: woorden die de site gebruikt maar niet uitlegde."""
    assert any(b.term == term for b in BEGRIPPEN.begrippen), term


def test_ape_heeft_zijn_volledige_naam_en_coachingsdoel_een_betekenis():
    ape = next(b for b in BEGRIPPEN.begrippen if b.afkorting == "APE")
    assert ape.term == "Aarts De Jong Wilms Goudriaan Public Economics", ape.term
    doel = next(b for b in BEGRIPPEN.begrippen if b.term == "Coachingsdoel")
    assert "matching" in doel.uitleg and "urengroep" in doel.uitleg, doel.uitleg
