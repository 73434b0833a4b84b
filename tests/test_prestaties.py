"""Snelheid: het meetscript werkt (klein), de pagina Prestaties toont het resultatenbestand, en de
onderdelen die de bouw snel maken houden de site correct (casussen per proces onthouden, tabellen
na Markdown terugzetten). Er zijn hier bewust geen tijdseisen: tijden staan op de pagina Prestaties.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEED_CASUS, mkdocs_build
from jobcoach import Bestandsfout, laad_regels
from leidraadsite.inhoud.casusmap import Casusmap
from jobcoach.opmaak import getal
from leidraadsite.inhoud.prestaties import doeluitkomsten, laad_resultaten

RESULTATEN = ROOT / "docs" / "prestaties" / "resultaten.json"


# ---------------------------------------------------------------------------------------------
# Het meetscript, op kleine schaal
# ---------------------------------------------------------------------------------------------


@pytest.mark.bench  # ongeveer 100 s; alleen met -m bench (make bench), niet in make test
def test_bench_klein_maakt_een_geldig_resultatenbestand(tmp_path: Path) -> None:
    uitvoer = tmp_path / "resultaten.json"
    proces = subprocess.run(
        [sys.executable, "-m", "tools.bench", "--n", "2", "3", "--herhalingen", "1",
         "--serve-herhalingen", "1", "--wachttijd", "120", "--uitvoer", str(uitvoer)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proces.returncode == 0, f"bench.py faalde:\n{proces.stdout[-3000:]}\n{proces.stderr[-3000:]}"
    assert "[bench" in proces.stderr and "Doelen:" in proces.stdout, "voortgang of samenvatting ontbreekt"

    res = laad_resultaten(uitvoer)  # gooit bij een ongeldig bestand
    assert [m.n for m in res.schaal] == [2, 3], res.schaal
    echte_paginas = res.echte_site.paginas
    for m in res.schaal:
        assert m.live.paginas == m.statisch.paginas == echte_paginas + m.n, (m.n, m.live.paginas, m.statisch.paginas)
        assert len(m.live.wand.alle_s) == 1 and m.live.zoekindex_bytes > 0, m
        assert m.live.tekst_bytes > res.echte_site.tekst_bytes, "proefcasussen zouden tekst moeten toevoegen"
    # Een extra casus voegt tekst en zoekindex toe.
    assert res.schaal[1].live.zoekindex_bytes > res.schaal[0].live.zoekindex_bytes, res.schaal
    # Beide manieren van serve lieten de gewijzigde casus zien (anders was het script gestopt).
    assert [s.modus for s in res.serve] == ["volledig", "dirty"], res.serve
    assert all(len(s.vertraging_s) == 1 for s in res.serve), res.serve
    soorten = {b.soort for b in res.startpagina.bestanden}
    assert {"html", "css", "js", "zoekindex"} <= soorten, soorten
    assert res.startpagina.totaal_gzip_bytes < res.startpagina.totaal_bytes, "gzip hoort kleiner te zijn"
    assert res.fasen.n == 3 and res.fasen.cpu_s, res.fasen
    # Zonder N = 1000 kan het script de doelen voor N = 1000 niet beoordelen.
    oordelen = {d.doel: d.gehaald for d in doeluitkomsten(res)}
    assert [v for k, v in oordelen.items() if "N = 1000" in k] == [None, None, None], oordelen


# ---------------------------------------------------------------------------------------------
# De pagina Prestaties
# ---------------------------------------------------------------------------------------------


def test_pagina_prestaties_toont_de_getallen_uit_het_resultatenbestand(site: Path) -> None:
    ruw = json.loads(RESULTATEN.read_text(encoding="utf-8"))
    soep = BeautifulSoup((site / "prestaties" / "index.html").read_text(encoding="utf-8"), "html.parser")
    artikel = soep.select_one("article")
    assert artikel is not None, "geen artikel op de pagina Prestaties"
    tabellen = {t.caption.get_text(strip=True): t for t in artikel.select("table") if t.caption}

    schaal = next(t for naam, t in tabellen.items() if naam.startswith("Bouwtijd"))
    rijen = schaal.select("tbody tr")
    assert len(rijen) == len(ruw["schaal"]), (len(rijen), len(ruw["schaal"]))
    for rij, meting in zip(rijen, ruw["schaal"]):
        cellen = [c.get_text(strip=True) for c in rij.select("td")]
        assert cellen[0] == getal(meting["n"]), cellen
        verwacht = f"{getal(meting['live']['wand']['min_s'])} s / {getal(meting['live']['wand']['mediaan_s'])} s"
        assert cellen[2] == verwacht, (cellen, verwacht)

    echt = {r.select("td")[0].get_text(strip=True): r.select("td")[1].get_text(strip=True)
            for r in tabellen["De echte site"].select("tbody tr")}
    assert echt["Pagina's"] == getal(ruw["echte_site"]["paginas"]), echt
    wand = ruw["echte_site"]["wand"]
    assert echt["Bouwtijd (min / mediaan)"] == f"{getal(wand['min_s'])} s / {getal(wand['mediaan_s'])} s", echt

    doelen = tabellen["Doelen en uitkomsten"].select("tbody tr")
    assert len(doelen) == len(doeluitkomsten(laad_resultaten(RESULTATEN))), len(doelen)
    assert "resultaten.json" in [a["href"].rsplit("/", 1)[-1] for a in artikel.select("a[href]")], "link naar de data"
    assert (site / "prestaties" / "resultaten.json").is_file(), "het resultatenbestand hoort bij de site"


def test_kapot_resultatenbestand_houdt_de_bouw_tegen(project: Path, tmp_path: Path) -> None:
    bestand = project / "docs" / "prestaties" / "resultaten.json"
    gegevens = json.loads(bestand.read_text(encoding="utf-8"))
    del gegevens["echte_site"]
    bestand.write_text(json.dumps(gegevens, indent=2), encoding="utf-8")
    uit = mkdocs_build(project, tmp_path / "site")
    assert uit.returncode != 0, "de bouw had moeten falen"
    melding = uit.stdout + uit.stderr
    assert "resultaten.json" in melding and "echte_site" in melding and "verplicht veld ontbreekt" in melding, melding


# ---------------------------------------------------------------------------------------------
# Casussen per proces onthouden (voor mkdocs serve)
# ---------------------------------------------------------------------------------------------


def _schrijf(pad: Path, tekst: str) -> None:
    pad.write_text(tekst, encoding="utf-8")
    # Zorg dat het tijdstempel echt verandert, ook op bestandssystemen met grove tijden.
    stap = time.time_ns() + 10_000_000
    os.utime(pad, ns=(stap, stap))


def test_casusmap_leest_alleen_gewijzigde_casussen_opnieuw(tmp_path: Path) -> None:
    seed = SEED_CASUS.read_text(encoding="utf-8")
    (tmp_path / "a.yml").write_text(seed, encoding="utf-8")
    (tmp_path / "b.yml").write_text(seed, encoding="utf-8")
    casusmap, regels = Casusmap(tmp_path), laad_regels()

    eerste, veranderd = casusmap.laad(regels)
    assert veranderd == {"a", "b"}, veranderd
    tweede, veranderd = casusmap.laad(regels)
    assert veranderd == set(), veranderd
    assert tweede["a"] is eerste["a"] and tweede["b"] is eerste["b"], "ongewijzigde casussen horen onthouden te zijn"

    _schrijf(tmp_path / "b.yml", seed.replace("regime: 6", "regime: 7"))
    derde, veranderd = casusmap.laad(regels)
    assert veranderd == {"b"}, veranderd
    assert derde["a"] is eerste["a"] and derde["b"].regime_advies == 7, derde["b"].regime_advies

    (tmp_path / "a.yml").unlink()
    vierde, veranderd = casusmap.laad(regels)
    assert veranderd == {"a"} and set(vierde) == {"b"}, (veranderd, set(vierde))


def test_casusmap_onthoudt_geen_ongeldige_casus(tmp_path: Path) -> None:
    seed = SEED_CASUS.read_text(encoding="utf-8")
    pad = tmp_path / "a.yml"
    pad.write_text(seed, encoding="utf-8")
    casusmap, regels = Casusmap(tmp_path), laad_regels()
    casusmap.laad(regels)

    _schrijf(pad, seed.replace("uren_per_week: 40", "uren_per_week: veertig"))
    for _ in range(2):  # ook de tweede keer: een fout wordt niet vergeten
        with pytest.raises(Bestandsfout) as fout:
            casusmap.laad(regels)
        assert "contract.uren_per_week: moet een getal zijn" in fout.value.tekst(), fout.value.tekst()

    _schrijf(pad, seed)
    uitkomsten, veranderd = casusmap.laad(regels)
    assert veranderd == {"a"} and uitkomsten["a"].begeleidingsuren == 42, veranderd


# ---------------------------------------------------------------------------------------------
# Tabellen na Markdown terugzetten (de extensie src/leidraadsite/weergave/htmlblok.py; zonder hooks: tests/test_motoren.py)
# ---------------------------------------------------------------------------------------------


def test_tabellen_staan_op_hun_plek_zonder_merktekens(site: Path) -> None:
    for pagina in site.rglob("*.html"):
        tekst = pagina.read_text(encoding="utf-8")
        assert "jobcoach-html" not in tekst, f"achtergebleven merkteken in {pagina.relative_to(site)}"
    soep = BeautifulSoup((site / "casussen/begeleidingsbehoefte-en-regime/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    kopjes = [h.get("id") for h in soep.select("article h2, article h3, article table caption")]
    # Het schema staat onder 'Beschouwing', de urenberekening onder het kopje 'Urenberekening'.
    schema = soep.find("caption", string=re.compile("Schema begeleidingsbehoefte")).find_parent("table")
    assert schema.find_previous("h4").get("id") == "beschouwing", kopjes
    berekening = soep.find("caption", string=re.compile("Urenberekening per rij")).find_parent("table")
    assert berekening.find_previous("h2").get("id") == "urenberekening", kopjes


def test_macro_in_codeblok_geeft_een_duidelijke_fout(project: Path, tmp_path: Path) -> None:
    pagina = project / "docs" / "casussen" / "casusbestand.md"
    pagina.write_text(
        pagina.read_text(encoding="utf-8")
        + "\n\n```text\n{{ schema_tabel('begeleidingsbehoefte-en-regime') }}\n```\n",
        encoding="utf-8",
    )
    uit = mkdocs_build(project, tmp_path / "site")
    assert uit.returncode != 0, "de bouw had moeten falen"
    melding = uit.stdout + uit.stderr
    assert "casussen/casusbestand.md" in melding and "kon niet worden geplaatst" in melding, melding

