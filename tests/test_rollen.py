"""De rolkaart: van rol via opdracht naar pagina, op de startpagina en boven elke leidraadpagina."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from bouwhulp import bouw_met_eigen_pakket
from conftest import ROOT
from jobcoach.fouten import Bestandsfout
from leidraadsite.inhoud.paginas import lees_voorkant
from leidraadsite.inhoud.rollen import laad_rolkaart, relatief

DOCS = ROOT / "docs"
ROLLEN = {"adviseur", "toetser", "gemeente", "jobcoach", "werkgever"}


def leidraadpaginas() -> list[Path]:
    return sorted([*(DOCS / "leidraad").rglob("*.md"), DOCS / "toetsingsadvies.md", DOCS / "verantwoording.md"])


def test_rolkaart_heeft_de_vijf_rollen_met_opdrachten_en_bestaande_paginas():
    kaart = laad_rolkaart(docs=DOCS)
    assert set(kaart.rol_ids) == ROLLEN, kaart.rol_ids
    for rol in kaart.rollen:
        assert len(rol.opdrachten) >= 2, f"rol {rol.id} heeft te weinig opdrachten"
    alle_leidraad = {str(p.relative_to(DOCS)) for p in leidraadpaginas()}
    ontbreekt = alle_leidraad - kaart.paginas()
    assert not ontbreekt, f"leidraadpagina's die geen rol naar zich toe leidt: {sorted(ontbreekt)}"


def test_voorkant_rollen_komen_overeen_met_de_rolkaart():
    kaart = laad_rolkaart()
    for pad in sorted(DOCS.rglob("*.md")):
        rel = str(pad.relative_to(DOCS))
        rollen = lees_voorkant(pad).get("rollen")
        if rollen is None:
            continue
        assert rollen == kaart.rollen_van(rel), (
            f"{rel}: rollen in de voorkant {rollen}, maar de rolkaart leidt hier heen vanuit {kaart.rollen_van(rel)}"
        )


def test_elke_leidraadpagina_noemt_rollen_datums_bron_en_licentie():
    for pad in leidraadpaginas():
        v = lees_voorkant(pad)
        for veld in ("rollen", "beoordeeld", "herzien_voor", "bronnen", "licentie", "werkwijze"):
            assert v.get(veld), f"{pad.relative_to(ROOT)}: veld '{veld}' ontbreekt in de voorkant"


def test_relatieve_links():
    assert relatief("index.md", "leidraad/doel.md") == "leidraad/doel.md"
    assert relatief("leidraad/opstellen/matching.md", "index.md#wat-is-uw-rol") == "../../index.md#wat-is-uw-rol"
    assert relatief("rollen/jobcoach.md", "leidraad/logboek.md") == "../leidraad/logboek.md"
    assert relatief("leidraad/doel.md", "leidraad/logboek.md") == "logboek.md"


def test_pagina_in_rolkaart_die_niet_bestaat_geeft_bestand_regel_en_veld(tmp_path):
    rollen = ROOT / "src/leidraadsite/data/rollen.yml"
    kopie = tmp_path / "rollen.yml"
    tekst = rollen.read_text(encoding="utf-8")
    kopie.write_text(tekst.replace("- pagina: leidraad/logboek.md", "- pagina: leidraad/logbook.md", 1), encoding="utf-8")
    regel = kopie.read_text(encoding="utf-8").splitlines().index("          - pagina: leidraad/logbook.md") + 1
    with pytest.raises(Bestandsfout) as fout:
        laad_rolkaart(kopie, docs=DOCS)
    melding = str(fout.value)
    assert re.fullmatch(
        rf".*rollen\.yml:{regel}: rollen\[1\]\.opdrachten\[\d\]\.paginas\[\d\]\.pagina: "
        r"pagina 'leidraad/logbook\.md' bestaat niet in docs/",
        melding,
    ), melding


def test_bouw_faalt_bij_onbekende_rol_in_een_pagina(project, tmp_path):
    pagina = project / "docs/leidraad/doel.md"
    pagina.write_text(pagina.read_text(encoding="utf-8").replace(
        "rollen: [adviseur, toetser, werkgever]", "rollen: [adviseur, toezichthouder]"), encoding="utf-8")
    resultaat = bouw_met_eigen_pakket(project, tmp_path / "site")
    uitvoer = resultaat.stdout + resultaat.stderr
    assert resultaat.returncode != 0, uitvoer
    assert ("docs/leidraad/doel.md:4: rollen[2]: onbekende rol 'toezichthouder'; "
            "bekende rollen: adviseur, toetser, gemeente, jobcoach, werkgever") in uitvoer, uitvoer
    assert "Traceback" not in uitvoer, uitvoer


def test_bouw_faalt_als_de_rolkaart_naar_een_ontbrekende_pagina_wijst(project, tmp_path):
    (project / "docs/leidraad/verlenging.md").unlink()
    resultaat = bouw_met_eigen_pakket(project, tmp_path / "site")
    uitvoer = resultaat.stdout + resultaat.stderr
    assert resultaat.returncode != 0, uitvoer
    assert re.search(r"src/leidraadsite/data/rollen\.yml:\d+: rollen\[1\]\.opdrachten\[\d\]\.paginas\[\d\]\.pagina: "
                     r"pagina 'leidraad/verlenging\.md' bestaat niet in docs/", uitvoer), uitvoer
    assert "Traceback" not in uitvoer, uitvoer


@functools.lru_cache(maxsize=None)
def _artikel(site: Path, url: str) -> BeautifulSoup:
    pad = site / url.lstrip("/").split("#")[0]
    if pad.is_dir() or not pad.suffix:
        pad = pad / "index.html"
    return BeautifulSoup(pad.read_text(encoding="utf-8"), "html.parser").select_one("article")


def _url(pagina: str) -> str:
    """De gebouwde URL (zonder / vooraan) van een pagina onder docs/."""
    pad = pagina.removesuffix(".md")
    return pad.removesuffix("index") if pad == "index" or pad.endswith("/index") else pad + "/"


def _koptekst(kop) -> str:
    return re.sub(r"\s+", " ", "".join(kop.find_all(string=True)).replace("¶", "")).strip()


def test_startpagina_leidt_in_een_tik_naar_de_rolpagina_en_daar_naar_elke_pagina(site):
    kaart = laad_rolkaart()
    start = _artikel(site, "/")
    assert any("Wat is uw rol?" in h.get_text() for h in start.find_all("h2")), "vraag 'Wat is uw rol?' ontbreekt"
    kaarten = start.select(".rolkeuze a")
    assert [a["href"] for a in kaarten] == [f"rollen/{r}/" for r in kaart.rol_ids], [a["href"] for a in kaarten]
    for rol, a in zip(kaart.rollen, kaarten):
        assert a.get_text(" ", strip=True) == rol.naam, a
        # tik 1: de kaart leidt naar de pagina van de rol
        rolpagina = _artikel(site, "/" + a["href"])
        assert rolpagina is not None, f"rolpagina {a['href']} is niet gebouwd"
        assert _koptekst(rolpagina.find("h1")) == rol.naam, rolpagina.find("h1")
        koppen = [_koptekst(h) for h in rolpagina.find_all("h2") if h.get("id", "").startswith("opdracht-")]
        assert koppen == [o.naam for o in rol.opdrachten], koppen
        for opdracht in rol.opdrachten:
            kop = rolpagina.find(id=f"opdracht-{opdracht.id}")
            links: set[str] = set()
            for el in kop.find_next_siblings():
                if el.name == "h2":
                    break
                links |= {a["href"] for a in el.find_all("a", href=True) if not a["href"].startswith("#")}
            for v in opdracht.paginas:
                url = urljoin(f"/rollen/{rol.id}/", "../../" + _url(v.pagina))
                gevonden = {urljoin(f"/rollen/{rol.id}/", h) for h in links}
                assert url in gevonden, f"rol {rol.id}, {opdracht.id}: geen link naar {v.pagina}; gevonden {sorted(gevonden)}"
                # tik 2: de link komt uit op een gebouwde pagina
                assert _artikel(site, url) is not None, f"{url} is niet gebouwd"


def test_startpagina_noemt_de_rollen_niet_uitgebreid(site):
    """De opdrachten staan op de rolpagina's, niet op de startpagina (die moet op een telefoon kort blijven)."""
    start = _artikel(site, "/")
    kaart = laad_rolkaart()
    tekst = start.get_text(" ")
    for rol in kaart.rollen:
        for opdracht in rol.opdrachten:
            assert opdracht.omschrijving not in tekst, f"de startpagina toont de opdracht {rol.id}/{opdracht.id} nog"


def test_rekenhulp_staat_bij_de_opdrachten_van_aanvrager_toetser_en_jobcoach(site):
    kaart = laad_rolkaart()
    for rol_id in ("adviseur", "toetser", "jobcoach"):
        rolpagina = _artikel(site, f"/rollen/{rol_id}/")
        links = [urljoin(f"/rollen/{rol_id}/", a["href"]) for a in rolpagina.find_all("a", href=True)]
        assert "/rekenhulp/" in links, f"de pagina van rol {rol_id} linkt niet naar de rekenhulp: {links}"
        assert any(v.pagina == "rekenhulp.md" for o in kaart.rol(rol_id).opdrachten for v in o.paginas), rol_id


def test_elke_rol_heeft_een_eigen_pagina_anders_faalt_het_laden(tmp_path):
    docs = tmp_path / "docs"
    for pad in DOCS.rglob("*.md"):
        doel = docs / pad.relative_to(DOCS)
        doel.parent.mkdir(parents=True, exist_ok=True)
        doel.write_text("", encoding="utf-8")
    laad_rolkaart(docs=docs)  # compleet: geen fout
    (docs / "rollen/jobcoach.md").unlink()
    (docs / "rollen/toezichthouder.md").write_text("", encoding="utf-8")
    with pytest.raises(Bestandsfout) as fout:
        laad_rolkaart(docs=docs)
    melding = str(fout.value)
    assert "rollen[4].id: rol 'jobcoach' heeft geen pagina docs/rollen/jobcoach.md" in melding, melding
    assert "docs/rollen/toezichthouder.md hoort bij geen rol in de rolkaart" in melding, melding


def test_leidraadpagina_toont_rollen_datums_en_editie_onder_de_titel(site):
    artikel = _artikel(site, "/leidraad/opstellen/matching/")
    h1 = artikel.find("h1")
    status = h1.find_next_sibling()
    assert "pagina-status" in status.get("class", []), f"na de titel komt {status}"
    tekst = re.sub(r"\s+", " ", status.get_text(" "))
    assert "Leidraad Jobcoach , editie 2011, oranje stand" in tekst, tekst
    assert ("Online tekst gecontroleerd op: 26 november 2026" in tekst
            and "Volgende controle vóór: 26 november 2027" in tekst), tekst
    rollen = [(a.get_text().strip(), a["href"]) for a in status.select("a[href*='rollen/']")]
    assert rollen == [("AD als adviseur", "../../../rollen/adviseur/"), ("Gemeente", "../../../rollen/gemeente/"),
                      ("Jobcoach", "../../../rollen/jobcoach/")], rollen


def test_paginavoet_noemt_bron_licentie_en_wijzig_link(site):
    html = (site / "leidraad/toepassingsgebied/index.html").read_text(encoding="utf-8")
    voet = BeautifulSoup(html, "html.parser").select_one("aside.pagina-voet")
    assert voet is not None, "geen paginavoet"
    bron = voet.find("a", href="https://arbeidsdeskundigen.nl/akc/kennis/leidraden-en-richtlijnen/document/189865")
    assert bron is not None, voet
    assert voet.find("a", rel="license", href="https://creativecommons.org/licenses/by/4.0/deed.nl"), voet
    # De plek van de bron is nog voorlopig (extra.onderhoudsgroep.voorlopig): dan geen link 'Wijzig deze pagina'
    # (tests/test_terugmelding.py toont hem terug bij een ingevuld adres).
    assert voet.find("a", string="Wijzig deze pagina") is None, voet
    assert "nog in te vullen" in voet.get_text(" "), voet
