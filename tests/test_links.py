"""Geen kapotte interne link of anker in de gebouwde site.

`mkdocs build --strict` controleert de links in de Markdown. Deze test controleert daarnaast de gebouwde
HTML zelf: ook links uit het thema, uit macro's (tabellen) en uit ruwe HTML. Voor elke link naar een
eigen pagina of bestand moet dat bestand bestaan, en een anker (#...) moet op die pagina als id bestaan.
Links naar andere sites worden niet gevolgd (de tests gebruiken geen netwerk).
"""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

from conftest import ROOT
from leidraadsite.inhoud.config import lees_editie, lees_mkdocs_yml

LINK_ATTRIBUTEN = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src", "source": "src",
                   "iframe": "src", "video": "src", "audio": "src"}
NIET_TE_VOLGEN = ("mailto:", "tel:", "data:", "javascript:", "blob:")


def _site_url() -> str:
    return (lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8")) or {}).get("site_url") or "http://localhost/"


def _url_van(site: Path, bestand: Path, basis: str) -> str:
    """Het adres waarop een bestand uit de site te zien is (met use_directory_urls: map/index.html → map/)."""
    rel = bestand.relative_to(site).as_posix()
    if rel == "index.html":
        rel = ""
    elif rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return urljoin(basis, rel)


def _bestand_van(site: Path, pad: str) -> Path:
    doel = site / unquote(pad).lstrip("/")
    if pad.endswith("/") or doel.is_dir():
        doel = doel / "index.html"
    return doel


def test_geen_kapotte_interne_links_of_ankers(site: Path):
    begin = time.perf_counter()
    basis = _site_url()
    basis_deel = urlparse(basis)
    # De site is gebouwd zonder PDF (die maakt leidraadsite.nabouw.pdf daarna, met Chromium): een link naar precies het bestand
    # dat leidraadsite.nabouw.pdf schrijft, is goed. Dat de PDF er na 'make build' ook is en elke pagina ernaar linkt, toetst
    # test_pdf.py::test_elke_pagina_linkt_naar_de_pdf (met de PDF).
    pdf = site / lees_editie(ROOT / "mkdocs.yml").pdf_bestand
    paginas = sorted(site.rglob("*.html"))
    assert paginas, f"Geen HTML-bestanden in {site}"

    soepen = {p: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in paginas}
    ids = {p: {el["id"] for el in s.find_all(id=True)} | {el["name"] for el in s.find_all("a", attrs={"name": True})}
           for p, s in soepen.items()}

    fouten, aantal = [], 0
    for bestand, soep in soepen.items():
        hier = _url_van(site, bestand, basis)
        for tag, attribuut in LINK_ATTRIBUTEN.items():
            for el in soep.find_all(tag, attrs={attribuut: True}):
                waarde = el[attribuut].strip()
                if not waarde or waarde.startswith(NIET_TE_VOLGEN):
                    continue
                doel = urlparse(urljoin(hier, waarde))
                if doel.scheme not in ("http", "https") or doel.netloc != basis_deel.netloc:
                    continue  # andere site: niet volgen
                if not doel.path.startswith(basis_deel.path):
                    fouten.append(f"{bestand.relative_to(site)}: {waarde} valt buiten de site ({basis})")
                    continue
                aantal += 1
                doelbestand = _bestand_van(site, "/" + doel.path[len(basis_deel.path):])
                if not doelbestand.is_file():
                    if doelbestand == pdf:
                        continue  # de PDF komt pas na de bouw (leidraadsite.nabouw.pdf); zie test_pdf.py::test_elke_pagina_linkt_naar_de_pdf
                    fouten.append(f"{bestand.relative_to(site)}: {waarde} → {doelbestand.relative_to(site)} bestaat niet")
                    continue
                anker = unquote(doel.fragment)
                if anker and doelbestand.suffix == ".html" and anker not in ids.get(doelbestand, set()):
                    fouten.append(f"{bestand.relative_to(site)}: {waarde} → anker #{anker} staat niet op "
                                  f"{doelbestand.relative_to(site)}")
    duur = time.perf_counter() - begin
    print(f"\nLinkcontrole: {aantal} interne links en bronnen op {len(paginas)} pagina's in {duur:.1f} s")
    assert aantal > len(paginas), f"Maar {aantal} interne links gevonden op {len(paginas)} pagina's: klopt de test nog?"
    assert not fouten, f"Kapotte interne links of ankers ({len(fouten)}):\n  " + "\n  ".join(fouten)


def test_linkcontrole_vindt_een_kapotte_link_en_een_kapot_anker(gewijzigde_bouw):
    """De controle zelf: een pagina met ruwe HTML-links (die --strict niet ziet) naar iets wat niet bestaat
    (in de gedeelde gewijzigde kopie, conftest.GewijzigdeBouw, wijziging 4; die bouwde streng zonder fout)."""
    try:
        test_geen_kapotte_interne_links_of_ankers(gewijzigde_bouw.site)
    except AssertionError as fout:
        tekst = str(fout)
    else:
        raise AssertionError("De linkcontrole keurde een kapotte link en een kapot anker goed")
    assert "casussen/bestaat-niet/" in tekst and "#geen-anker" in tekst, f"Melding noemt de kapotte links niet:\n{tekst}"
