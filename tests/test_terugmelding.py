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
from leidraadsite.inhoud.config import lees_mkdocs_yml
from leidraadsite.inhoud.terugmelding import fout_in_adres, is_gereserveerd, lijkt_voorbeeld, onderhoudsadres


CONFIG = lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
ADRES = CONFIG["extra"]["onderhoudsgroep"]["email"]
VOORLOPIG = CONFIG["extra"]["onderhoudsgroep"].get("voorlopig") is True
# Een definitief adres voor de bouw met een ingevuld adres (alleen in een kopie van het project; er gaat geen mail).
ECHT = "meldingen@leidraad-jobcoach.nl"
ECHTE_SITE = "https://leidraad-jobcoach.nl/"


@pytest.fixture(scope="module")
def definitieve_site(tmp_path_factory) -> Path:
    """Het project met een ingevuld adres (zonder 'voorlopig'), streng gebouwd."""
    from conftest import kopieer_project, mkdocs_build

    project = kopieer_project(tmp_path_factory.mktemp("definitief") / "project")
    yml = project / "mkdocs.yml"
    tekst = yml.read_text(encoding="utf-8")
    for oud, nieuw in ((f"email: {ADRES}\n    voorlopig: true", f"email: {ECHT}"),
                       (f"site_url: {CONFIG['site_url']}", f"site_url: {ECHTE_SITE}")):
        assert tekst.count(oud) == 1, oud
        tekst = tekst.replace(oud, nieuw)
    yml.write_text(tekst, encoding="utf-8")
    resultaat = mkdocs_build(project, project / "site")
    assert resultaat.returncode == 0, resultaat.stderr[-3000:]
    return project / "site"


def _paginas(site: Path) -> list[Path]:
    """Elke gebouwde HTML-pagina die een lezer opent: alles behalve de printversie (de bron van de PDF)."""
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] not in ("printversie", "assets")]


def test_elke_pagina_heeft_klopt_er_iets_niet_met_het_ingestelde_adres(definitieve_site):
    site = definitieve_site
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
        assert doel.scheme == "mailto" and unquote(doel.path) == ECHT, (str(pad), link["href"])
        assert link.get_text(strip=True) == ECHT, (str(pad), link)
    assert not zonder, f"pagina's zonder 'Klopt er iets niet?' met een mailto-link: {zonder}"


def test_de_mail_noemt_de_pagina(definitieve_site):
    soep = BeautifulSoup((definitieve_site / "leidraad/opstellen/matching/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    link = soep.select_one("aside.pagina-voet a[href^='mailto:']")
    vraag = parse_qs(urlparse(link["href"]).query)
    assert vraag["subject"] == ["Leidraad Jobcoach online: Matching"], vraag
    assert vraag["body"][0].startswith(f"Pagina: {ECHTE_SITE}leidraad/opstellen/matching/"), vraag
    wijzig = soep.select_one("aside.pagina-voet a[rel='edit']")
    assert wijzig is not None, "met een ingevuld adres staat 'Wijzig deze pagina' er weer"


def test_voorlopig_adres_toont_nog_in_te_vullen_en_geen_link(site):
    """Issue 22: zolang het adres voorlopig is, staat er op geen pagina een mailto- of wijzig-link naar een plaatshouder."""
    assert VOORLOPIG, "mkdocs.yml heeft een definitief adres; deze test hoort dan bij de voorlopige kopie"
    fout = []
    for pad in _paginas(site):
        html = pad.read_text(encoding="utf-8")
        voet = BeautifulSoup(html, "html.parser").select_one("aside.pagina-voet")
        if voet is None or "nog in te vullen" not in voet.get_text(" "):
            fout.append(f"{pad.relative_to(site)}: geen 'nog in te vullen' in de voet")
        if "mailto:" in html or 'rel="edit"' in html or "md-content__button" in html:
            fout.append(f"{pad.relative_to(site)}: nog een mailto- of wijzig-link")
        if "example.nl" in html:
            fout.append(f"{pad.relative_to(site)}: example.nl (geen gereserveerd domein)")
    assert not fout, "\n".join(fout)


@pytest.mark.parametrize(("domein", "gereserveerd"), [
    ("example.org", True), ("leidraad-jobcoach.example.org", True), ("EXAMPLE.COM", True), ("a.example.net", True),
    ("site.test", True), ("x.invalid", True), ("localhost", True), ("iets.example", True),
    ("example.nl", False), ("example.org.nl", False), ("myexample.org", False), ("nvva.nl", False),
])
def test_gereserveerde_domeinen_volgens_rfc_2606(domein, gereserveerd):
    assert is_gereserveerd(domein) is gereserveerd


@pytest.mark.parametrize(("domein", "voorbeeld"), [
    ("example.nl", True), ("leidraad-jobcoach.example.nl", True), ("voorbeeld.nl", True),
    ("example.org", False), ("nvva.nl", False), ("examples.nl", False),
])
def test_voorbeelddomein_dat_niet_gereserveerd_is(domein, voorbeeld):
    assert lijkt_voorbeeld(domein) is voorbeeld


def _extra(email: str, voorlopig: bool | None) -> dict:
    groep = {"email": email} | ({"voorlopig": voorlopig} if voorlopig is not None else {})
    return {"onderhoudsgroep": groep}


@pytest.mark.parametrize(("email", "voorlopig", "site_url", "productie", "melding"), [
    # voorlopig op een gereserveerd domein: goed om te testen, niet om te publiceren
    ("a@leidraad.example.org", True, "https://leidraad.example.org/", False, None),
    ("a@leidraad.example.org", True, "https://leidraad.example.org/", True, "wordt niet gepubliceerd"),
    # een voorbeeldadres moet als voorlopig gemarkeerd zijn (anders toont de site het als echt adres)
    ("a@leidraad.example.org", None, "https://leidraad.example.org/", False, "Zet eronder 'voorlopig: true'"),
    ("a@leidraad.example.org", False, "https://leidraad.example.org/", False, "Zet eronder 'voorlopig: true'"),
    # example.nl is geen gereserveerd domein: altijd een fout
    ("a@leidraad.example.nl", True, "https://leidraad.example.org/", False, "gereserveerd testdomein"),
    (ECHT, None, "https://leidraad.example.nl/", False, "site_url: 'https://leidraad.example.nl/'"),
    # in productie: ook site_url mag niet voorlopig zijn, en 'voorlopig: true' bij een echt adres ook niet
    (ECHT, None, "https://leidraad.example.org/", True, "site_url (https://leidraad.example.org/)"),
    (ECHT, True, ECHTE_SITE, True, f"{ECHT}"),
    (ECHT, None, ECHTE_SITE, True, None),
    (ECHT, None, None, True, None),
])
def test_plaatshouders_kunnen_niet_weglekken(email, voorlopig, site_url, productie, melding):
    extra = _extra(email, voorlopig)
    if melding is None:
        assert onderhoudsadres(extra, site_url=site_url, productie_=productie) == email
        return
    with pytest.raises(ValueError) as fout:
        onderhoudsadres(extra, site_url=site_url, productie_=productie)
    assert melding in str(fout.value) and str(fout.value).startswith("mkdocs.yml: "), str(fout.value)


def test_productiebouw_weigert_het_voorlopige_adres(project, monkeypatch):
    """make publiceer zet LEIDRAAD_PRODUCTIE=1: met het voorlopige adres van nu stopt de bouw met een Nederlandse melding."""
    from conftest import mkdocs_build

    monkeypatch.setenv("LEIDRAAD_PRODUCTIE", "1")
    resultaat = mkdocs_build(project, project / "site")
    uitvoer = resultaat.stdout + resultaat.stderr
    assert resultaat.returncode != 0, uitvoer[-2000:]
    assert "de site wordt niet gepubliceerd: nog een voorlopig adres in extra.onderhoudsgroep.email" in uitvoer, uitvoer
    assert not (project / "site" / "index.html").exists()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "publiceer: export LEIDRAAD_PRODUCTIE := 1" in makefile
    assert "run: make publiceer" in (ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8")


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
    """De controle van leidraadsite.weergave.statusblok (onder elke bouwer; de plugin roept haar ook al bij het laden aan)."""
    from leidraadsite.weergave.statusblok import StatusFout, gegevens, wis_gegevens

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
