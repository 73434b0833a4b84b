"""Trouw aan de bron: elke alinea van de drie getranscribeerde bronnen staat op de gebouwde pagina.

De bronteksten staan letterlijk in ``bronnen/``. Na het normaliseren van witruimte en
opsommingstekens, en na de herstellingen en weglatingen uit ``src/leidraadsite/data/transcripties.yml``,
moet elke alinea woordelijk in de tekst van de pagina staan.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from leidraadsite.inhoud.transcripties import (
    Herstelling,
    Transcriptie,
    alineas,
    laad_transcripties,
    normaliseer,
    verwachte_alineas,
)

BLOKKEN = ["p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "br", "tr", "caption", "dt", "dd",
           "blockquote", "table", "ul", "ol", "aside"]
TRANSCRIPTIES = laad_transcripties().transcripties


def pagina_html(site: Path, pagina: str) -> str:
    pad = pagina.removesuffix(".md")
    pad = pad.removesuffix("index") if pad.endswith("index") else pad + "/"
    return (site / pad / "index.html").read_text(encoding="utf-8")


def zichtbare_tekst(html: str) -> str:
    """De tekst van het artikel zoals een lezer hem ziet: blokken gescheiden door een spatie."""
    artikel = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    assert artikel is not None, "geen artikel op de pagina"
    for weg in artikel.select("a.headerlink, a.md-content__button, svg, script, style"):
        weg.decompose()
    for blok in artikel.find_all(BLOKKEN):
        blok.insert_before(" ")
        blok.insert_after(" ")
    return normaliseer(artikel.get_text(""))


def ontbrekende_alineas(transcriptie: Transcriptie, tekst: str) -> list[str]:
    bron = (ROOT / transcriptie.bronbestand).read_text(encoding="utf-8")
    return [a for a in verwachte_alineas(bron, transcriptie) if a not in tekst]


@pytest.mark.parametrize("transcriptie", TRANSCRIPTIES, ids=[t.id for t in TRANSCRIPTIES])
def test_elke_alinea_van_de_bron_staat_op_de_pagina(site, transcriptie):
    tekst = zichtbare_tekst(pagina_html(site, transcriptie.pagina))
    ontbreekt = ontbrekende_alineas(transcriptie, tekst)
    assert not ontbreekt, f"{transcriptie.pagina}: {len(ontbreekt)} alinea('s) van de bron ontbreken:\n" + "\n".join(
        f"- {a}" for a in ontbreekt)


def test_de_drie_bronnen_uit_de_opdracht_zijn_gedekt():
    assert {t.akc for t in TRANSCRIPTIES} == {189913, 189863, 196635}
    for t in TRANSCRIPTIES:
        bron = (ROOT / t.bronbestand).read_text(encoding="utf-8")
        assert len(alineas(bron)) >= 10, f"{t.bronbestand} lijkt leeg of afgekapt"
        assert (ROOT / "docs" / t.pagina).is_file(), f"pagina {t.pagina} bestaat niet"


def test_check_vindt_een_weggelaten_alinea_en_een_gewijzigd_woord(site):
    t = next(x for x in TRANSCRIPTIES if x.id == "doel-van-de-leidraad")
    html = pagina_html(site, t.pagina)
    zin = "Zó werken arbeidsdeskundigen."
    assert zin in html, "testzin staat niet (meer) op de pagina"
    zonder = ontbrekende_alineas(t, zichtbare_tekst(html.replace("Zó werken", "Zo werken")))
    assert len(zonder) == 1 and zin in zonder[0], zonder
    soep = BeautifulSoup(html, "html.parser")
    soep.find("h2", id="handvatten").find_next_sibling("p").decompose()
    weg = ontbrekende_alineas(t, zichtbare_tekst(str(soep)))
    assert len(weg) == 1 and weg[0].startswith("De Leidraad Jobcoach biedt arbeidsdeskundigen handvatten"), weg


def test_herstelling_die_niet_in_de_bron_staat_is_een_fout():
    t = next(x for x in TRANSCRIPTIES if x.id == "advies-toetsingscommissie")
    fout = t.model_copy(update={"herstellingen": [*t.herstellingen, Herstelling(van="bestaat niet", naar="x", reden="test")]})
    bron = (ROOT / t.bronbestand).read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="staat niet in de bron: \\['bestaat niet'\\]"):
        verwachte_alineas(bron, fout)


def test_opsommingstekens_en_nummers_vallen_weg_bij_normaliseren():
    assert normaliseer(" • van goede kwaliteit is;\n") == "van goede kwaliteit is;"
    assert normaliseer("-Instrueren begeleider") == "Instrueren begeleider"
    assert normaliseer(" 1. Hoe ziet het\n   werknemersprofiel er uit?") == "Hoe ziet het werknemersprofiel er uit?"
    assert normaliseer("In 2010 zijn") == "In 2010 zijn", "een getal zonder punt is geen nummer"


def _cellen_in_leesvolgorde(tabel) -> list[str]:
    """De niet-lege cellen van een tabel, in leesvolgorde; een lijst in een cel telt per punt."""
    cellen = []
    for cel in tabel.find_all(["th", "td"]):
        punten = cel.find_all("li")
        teksten = [li.get_text(" ") for li in punten] if punten else [cel.get_text(" ")]
        cellen += [normaliseer(t) for t in teksten if normaliseer(t)]
    return cellen


def test_getranscribeerd_schema_bevat_precies_de_cellen_van_de_bron(site):
    """Niets ontbreekt en niets is toegevoegd: dezelfde cellen in dezelfde volgorde als in de casus (bron 003).
    Hoofdletters tellen niet (de bron schrijft 'jobcoach' en 'Jobcoach' door elkaar)."""
    t = next(x for x in TRANSCRIPTIES if x.akc == 196635)
    bron = verwachte_alineas((ROOT / t.bronbestand).read_text(encoding="utf-8"), t)
    begin = bron.index("Aard van de begeleiding")
    einde = bron.index("Het betreft zeer eenvoudige werkzaamheden die passen bij het niveau van de klant.") + 1
    soep = BeautifulSoup(pagina_html(site, t.pagina), "html.parser")
    tabel = soep.find("caption", string=lambda s: s and s.startswith("Schema begeleidingsbehoefte")).find_parent("table")
    tabel.find("caption").decompose()  # het bijschrift is van de site (toegankelijkheid), geen cel van het schema
    assert [c.casefold() for c in _cellen_in_leesvolgorde(tabel)] == [c.casefold() for c in bron[begin:einde]]
