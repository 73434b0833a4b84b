"""Melden zonder account: "Klopt er iets niet?" met het adres van de onderhoudsgroep op elke pagina.

Het adres is een instelling (``extra.onderhoudsgroep.email`` in mkdocs.yml). De tests lezen het daar, niet uit de
code, en eisen het op elke gebouwde pagina, in CONTRIBUTING.md, en een bouw die een ongeldig adres weigert.
"""

from __future__ import annotations

import copy
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from leidraadsite.config import lees_mkdocs_yml
from leidraadsite.terugmelding import fout_in_adres


CONFIG = lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
ADRES = CONFIG["extra"]["onderhoudsgroep"]["email"]


def _paginas(site: Path) -> list[Path]:
    """Elke gebouwde HTML-pagina die een lezer opent: alles behalve de printversie (de bron van de PDF)."""
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] not in ("printversie", "assets")]


def test_elke_pagina_heeft_klopt_er_iets_niet_met_het_ingestelde_adres(site):
    paginas = _paginas(site)
    assert len(paginas) > 40, f"maar {len(paginas)} pagina's"
    zonder = []
    for pad in paginas:
        soep = BeautifulSoup(pad.read_text(encoding="utf-8"), "html.parser")
        voet = soep.select_one("aside.pagina-voet")
        link = voet.find("a", href=lambda h: h and h.startswith("mailto:")) if voet else None
        if link is None or "Klopt er iets niet?" not in voet.get_text(" "):
            zonder.append(str(pad.relative_to(site)))
            continue
        doel = urlparse(link["href"])
        assert doel.scheme == "mailto" and unquote(doel.path) == ADRES, (str(pad), link["href"])
        assert link.get_text(strip=True) == ADRES, (str(pad), link)
    assert not zonder, f"pagina's zonder 'Klopt er iets niet?' met een mailto-link: {zonder}"


def test_de_mail_noemt_de_pagina(site):
    soep = BeautifulSoup((site / "leidraad/opstellen/matching/index.html").read_text(encoding="utf-8"), "html.parser")
    link = soep.select_one("aside.pagina-voet a[href^='mailto:']")
    vraag = parse_qs(urlparse(link["href"]).query)
    assert vraag["subject"] == ["Leidraad Jobcoach online: Matching"], vraag
    assert vraag["body"][0].startswith(f"Pagina: {CONFIG['site_url']}leidraad/opstellen/matching/"), vraag


def test_contributing_noemt_het_adres_en_dat_de_groep_het_moet_invullen():
    tekst = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert ADRES in tekst, "CONTRIBUTING.md noemt het adres uit mkdocs.yml niet"
    assert "Klopt er iets niet?" in tekst and "voorlopig adres" in tekst, "CONTRIBUTING.md legt het adres niet uit"


@pytest.mark.parametrize("adres", ["groep@voorbeeld.nl", "onderhoud.groep+site@post.voorbeeld-site.nl", ADRES])
def test_geldige_adressen(adres):
    assert fout_in_adres(adres) is None, fout_in_adres(adres)


@pytest.mark.parametrize(("adres", "melding"), [
    (None, "geen e-mailadres"),
    ("", "geen e-mailadres"),
    ("groep voorbeeld.nl", "spatie"),
    ("groep@@voorbeeld.nl", "precies één @"),
    ("groep.voorbeeld.nl", "precies één @"),
    ("@voorbeeld.nl", "vóór de @"),
    ("groep..x@voorbeeld.nl", "vóór de @"),
    ("groep@voorbeeld", "domein"),
    ("groep@-voorbeeld.nl", "domein"),
    ("groep@voorbeeld.n1", "domein"),
    ("groep@voorbeeld..nl", "domein"),
    (42, "geen e-mailadres"),
])
def test_ongeldige_adressen(adres, melding):
    fout = fout_in_adres(adres)
    assert fout is not None and melding in fout, fout


@pytest.mark.parametrize("extra_onderhoud", [{"email": "geen adres"}, {}, None])
def test_de_bouw_weigert_een_ongeldig_of_ontbrekend_adres(extra_onderhoud):
    """De controle van leidraadsite.statusblok (onder elke bouwer; de plugin roept haar ook al bij het laden aan)."""
    from leidraadsite.statusblok import StatusFout, gegevens, wis_gegevens

    extra = copy.deepcopy(CONFIG["extra"])
    wis_gegevens()
    assert gegevens(ROOT / "docs", copy.deepcopy(extra)) is not None  # het ingestelde adres is goed
    if extra_onderhoud is None:
        del extra["onderhoudsgroep"]
    else:
        extra["onderhoudsgroep"] = extra_onderhoud
    with pytest.raises(StatusFout) as fout:
        gegevens(ROOT / "docs", extra)
    assert "mkdocs.yml: extra.onderhoudsgroep.email:" in str(fout.value), str(fout.value)
