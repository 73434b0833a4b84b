"""De pagina Toegankelijkheid volgt het model van een toegankelijkheidsverklaring (issue 16).

Het model van de overheid (digitoegankelijk.nl) vraagt: voor welke site, de status op de schaal A–E, hoe getest is,
elke afwijking met gevolg, maatregel en datum, en een contactadres. Deze test leest de gebouwde pagina.
"""

from __future__ import annotations

import datetime as dt
import re

from bs4 import BeautifulSoup

from conftest import ROOT
from test_terugmelding import ADRES


def _pagina(site):
    html = (site / "toegankelijkheid/index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


def _deel(artikel, anker: str) -> str:
    """De tekst van een kop tot de volgende kop van hetzelfde of een hoger niveau."""
    kop = artikel.find(id=anker)
    assert kop is not None and kop.name in {"h2", "h3"}, f"kop #{anker} ontbreekt"
    delen = []
    for el in kop.find_next_siblings():
        if el.name in {"h1", "h2"} or (kop.name == "h3" and el.name == "h3"):
            break
        delen.append(el.get_text(" "))
    return re.sub(r"\s+", " ", " ".join(delen))


def test_status_noemt_de_schaal_a_tot_e_en_de_bron(site):
    artikel = _pagina(site)
    status = artikel.find(id="status")
    schaal = status.find_next("ul")
    rijen = [li.find("strong").get_text(" ", strip=True).rstrip(".") for li in schaal.find_all("li", recursive=False)]
    assert rijen == ["A: voldoet volledig", "B: voldoet gedeeltelijk", "C: eerste maatregelen genomen",
                     "D: voldoet niet", "E: geen verklaring"], rijen
    tekst = _deel(artikel, "status")
    assert "WCAG-EM" in tekst and "onzeker" in tekst, tekst
    assert re.search(r"Onze inschatting: status [CD]", tekst), "de pagina zegt niet welke status nu geldt"
    bron = artikel.find("a", href="https://www.digitoegankelijk.nl/toegankelijkheidsverklaring/status")
    assert bron is not None, "de bron van de statussen (digitoegankelijk.nl) ontbreekt"


def test_zegt_wat_getest_is_en_wat_nog_niet(site):
    artikel = _pagina(site)
    getest = _deel(artikel, "getest")
    for woord in ("axe-core", "1280", "375", "Tab-toets"):
        assert woord in getest, f"'Wat we hebben getest' noemt {woord!r} niet"
    niet = _deel(artikel, "niet-getest")
    assert "schermlezer" in niet and "WCAG-EM" in niet and "deskundige" in niet, niet


def test_elke_afwijking_heeft_gevolg_maatregel_en_datum(site):
    artikel = _pagina(site)
    koppen = artikel.select("h3[id^='afwijking-']")
    assert len(koppen) >= 2, f"maar {len(koppen)} afwijkingen"
    for kop in koppen:
        tekst = _deel(artikel, kop["id"])
        for veld in ("Gevolg:", "Maatregel:", "Gepland:"):
            assert veld in tekst, f"afwijking #{kop['id']} mist {veld!r}"
        tijd = kop.find_next("time")
        assert tijd is not None and tijd.find_previous("h3") == kop, f"afwijking #{kop['id']} heeft geen datum"
        dt.date.fromisoformat(tijd["datetime"])  # een echte datum


def test_noemt_het_adres_van_de_onderhoudsgroep(site):
    """Een voorlopig adres (extra.onderhoudsgroep.voorlopig) toont 'nog in te vullen', geen mailto (issue 22)."""
    from leidraadsite.inhoud.config import lees_mkdocs_yml

    groep = lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["onderhoudsgroep"]
    contact = _pagina(site).find(id="contact").find_next("p")
    if groep.get("voorlopig") is True:
        assert "nog in te vullen" in contact.get_text(" ") and contact.find("a", href=True) is None, contact
    else:
        assert contact.find("a", href=f"mailto:{ADRES}") is not None, contact
