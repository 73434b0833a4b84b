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
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEED_CASUS, mkdocs_build
from jobcoach import Bestandsfout, laad_regels
from leidraadsite.inhoud.casusmap import Casusmap
from jobcoach.opmaak import getal
from leidraadsite.inhoud.prestaties import Machine, doeluitkomsten, laad_resultaten

RESULTATEN = ROOT / "docs" / "prestaties" / "resultaten.json"


# ---------------------------------------------------------------------------------------------
# Het meetscript, op kleine schaal
# ---------------------------------------------------------------------------------------------

MOTOREN = ["mkdocs", "properdocs", "zensical"]


@pytest.mark.bench  # een paar minuten; alleen met -m bench (make bench), niet in make test
def test_bench_klein_meet_drie_bouwers_en_maakt_een_geldig_resultatenbestand(tmp_path: Path) -> None:
    uitvoer = tmp_path / "resultaten.json"
    proces = subprocess.run(
        [sys.executable, "-m", "tools.bench", "--n", "2", "--snel", "--wachttijd", "120", "--uitvoer", str(uitvoer)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proces.returncode == 0, f"bench.py faalde:\n{proces.stdout[-3000:]}\n{proces.stderr[-3000:]}"
    assert "[bench" in proces.stderr and "klaar na" in proces.stderr, "voortgang ontbreekt"
    assert "Doelen:" in proces.stdout and "Zensical" in proces.stdout, "samenvatting ontbreekt"

    res = laad_resultaten(uitvoer)  # gooit bij een ongeldig bestand
    assert [m.naam for m in res.motoren] == MOTOREN and all(m.versie for m in res.motoren), res.motoren
    assert res.aantallen == [2] and res.herhalingen == 1 and res.duur_s > 0, res
    # Elke bouwer, elke site, koud en met cache; een proefsite heeft twee pagina's meer dan de echte site.
    for motor in MOTOREN:
        for modus in ("koud", "bewaard"):
            echt, proef = res.bouw(motor, 0, modus), res.bouw(motor, 2, modus)
            assert echt is not None and proef is not None, (motor, modus)
            assert proef.paginas == echt.paginas + 2, (motor, modus, echt.paginas, proef.paginas)
            assert len(proef.wand.alle_s) == 1 and proef.cpu.mediaan_s > 0, proef
    # Het profiel per bouwer: de macro's lezen elk casusbestand één keer. MkDocs en ProperDocs controleren hun gegevens
    # één keer per bouw. Zensical roept define_env voor elke pagina aan; een Bouw neemt dan de controle over die
    # minder dan een seconde oud is (leidraadsite.weergave.bouw): onder de profiler, die alles trager maakt,
    # is dat ongeveer één controle per seconde bouwen, en veel minder dan één per pagina.
    casussen = len(list((ROOT / "casussen").glob("*.yml"))) + 2
    for motor in MOTOREN:
        p = res.profiel(motor)
        assert p is not None and p.n == 2 and p.delen, (motor, p)
        assert p.casussen_gelezen == casussen, (motor, p.casussen_gelezen)
        if motor != "zensical":
            assert p.controles == 1, (motor, p.controles)
    zensical = res.profiel("zensical")
    assert zensical.bouw_aanroepen > 1, "Zensical roept define_env per pagina aan"
    assert 1 <= zensical.controles < zensical.bouw_aanroepen / 4, (zensical.controles, zensical.bouw_aanroepen)
    assert [s.modus for s in res.serve] == ["volledig", "dirty"], res.serve
    assert res.startpagina is not None and res.startpagina.totaal_gzip_bytes < res.startpagina.totaal_bytes
    # Zonder N = 1000 kan het script de doelen voor N = 1000 niet beoordelen.
    oordelen = {d.doel: d.gehaald for d in doeluitkomsten(res)}
    assert [v for k, v in oordelen.items() if "N = 1.000" in k] == [None, None, None], oordelen


# ---------------------------------------------------------------------------------------------
# Het resultatenbestand en de doelen
# ---------------------------------------------------------------------------------------------


def _tijden(*waarden: float) -> dict:
    return {"min_s": min(waarden), "mediaan_s": sorted(waarden)[len(waarden) // 2], "alle_s": list(waarden)}


def _resultaten(bouwen: list[tuple[str, int, str, float]], motoren: tuple[str, ...] = ("mkdocs", "zensical")) -> dict:
    return {
        "gemeten_op": "2026-12-07T15:00:00+00:00",
        "machine": {"cpus": 2, "systeem": "Linux x86_64", "belasting_voor": 0.5, "belasting_na": 1.5},
        "versies": {"python": "3.11.7"},
        "motoren": [{"naam": m, "versie": "1.0", "opdracht": f"{m} build"} for m in motoren],
        "herhalingen": 1, "aantallen": [10, 1000], "seed": 1, "groepsgrootte": 25, "blokgrootte": 10, "duur_s": 90.0,
        "doelen": {"n_groot": 1000, "bouw_groot_max_s": 10.0, "echte_site_max_s": 3.0, "serve_max_s": 2.0,
                   "startpagina_max_kb": 250.0},
        "bouwen": [{"motor": m, "n": n, "modus": modus, "wand": _tijden(w), "cpu": _tijden(w), "piekgeheugen_mb": 80,
                    "paginas": 50 + n, "site_bytes": 1000} for m, n, modus, w in bouwen],
        "profielen": [], "serve": [], "startpagina": None,
    }


def _laad(tmp_path: Path, gegevens: dict):
    pad = tmp_path / "resultaten.json"
    pad.write_text(json.dumps(gegevens), encoding="utf-8")
    return laad_resultaten(pad)


@pytest.mark.parametrize(("voor", "na", "overbelast"), [
    (1.99, 1.99, False), (2.0, 0.5, False), (0.5, 2.0, False), (2.01, 0.5, True), (0.5, 2.01, True)])
def test_overbelast_als_de_belasting_boven_het_aantal_kernen_komt(voor: float, na: float, overbelast: bool) -> None:
    # twee kernen: een belasting van precies 2 is nog niet te veel (niemand wacht), daarboven wel
    assert Machine(cpus=2, systeem="Linux", belasting_voor=voor, belasting_na=na).overbelast is overbelast


@pytest.mark.parametrize(("tijd", "gehaald"), [(9.999, True), (10.0, False), (10.001, False)])
def test_doel_n_groot_per_bouwer_onder_op_en_boven_de_grens(tmp_path: Path, tijd: float, gehaald: bool) -> None:
    res = _laad(tmp_path, _resultaten([("mkdocs", 1000, "bewaard", tijd), ("zensical", 1000, "koud", 1.0)]))
    oordelen = {d.doel: d.gehaald for d in doeluitkomsten(res)}
    mkdocs = [v for k, v in oordelen.items() if k.startswith("MkDocs bouwt N = 1.000")]
    zensical = [v for k, v in oordelen.items() if k.startswith("Zensical bouwt N = 1.000")]
    assert mkdocs == [gehaald], oordelen
    assert zensical == [None], "alleen koud gemeten: het doel (met cache) is niet gemeten"


@pytest.mark.parametrize(("fout", "melding"), [
    (lambda g: g["bouwen"].append(dict(g["bouwen"][0])), "dubbele bouw"),
    (lambda g: g["bouwen"][0].update(motor="properdocs"), "die bouwer staat niet in 'motoren'"),
    (lambda g: g["bouwen"][0].update(n=100), "dat aantal staat niet in 'aantallen'"),
    (lambda g: g["bouwen"][0].update(modus="warm"), "modus"),
    (lambda g: g.update(aantallen=[1000, 10]), "'aantallen' moet oplopen"),
])
def test_ongeldig_resultatenbestand_geeft_een_duidelijke_melding(tmp_path: Path, fout, melding: str) -> None:
    gegevens = _resultaten([("mkdocs", 10, "koud", 5.0)])
    fout(gegevens)
    with pytest.raises(Bestandsfout) as fout_info:
        _laad(tmp_path, gegevens)
    assert melding in fout_info.value.tekst() and "resultaten.json" in fout_info.value.tekst(), fout_info.value.tekst()


def test_profiel_telt_ingebouwde_functies_bij_hun_aanroeper() -> None:
    from tools.profiel import OVERIG, per_onderdeel

    site = ("/x/src/leidraadsite/tabellen.py", 1, "labels")
    md = ("/x/site-packages/markdown/core.py", 1, "convert")
    ingebouwd = ("~", 0, "<method 'sub' of 're.Pattern' objects>")
    kring = ("~", 0, "<built-in method kring>")
    stats = {
        site: (1, 1, 2.0, 5.0, {}),
        md: (1, 1, 1.0, 4.0, {}),
        # 3 s eigen tijd: 1 s vanuit de site, 2 s vanuit Markdown (cumulatieve tijd per aanroeper)
        ingebouwd: (3, 3, 3.0, 3.0, {site: (1, 1, 1.0, 1.0), md: (2, 2, 2.0, 2.0)}),
        kring: (1, 1, 0.5, 0.5, {kring: (1, 1, 0.5, 0.5)}),  # alleen door zichzelf aangeroepen
    }
    delen = per_onderdeel(stats)
    assert delen == pytest.approx({"code van de site (leidraadsite: macro's, extensies, plugin)": 3.0,
                                   "Markdown naar HTML (Python-Markdown en pymdownx)": 3.0, OVERIG: 0.5}), delen


# ---------------------------------------------------------------------------------------------
# De pagina Prestaties
# ---------------------------------------------------------------------------------------------


def _tabellen(site: Path) -> dict[str, object]:
    soep = BeautifulSoup((site / "prestaties" / "index.html").read_text(encoding="utf-8"), "html.parser")
    artikel = soep.select_one("article")
    assert artikel is not None, "geen artikel op de pagina Prestaties"
    return {t.caption.get_text(" ", strip=True): t for t in artikel.select("table") if t.caption}


def test_pagina_prestaties_toont_de_drie_bouwers_naast_elkaar_uit_het_resultatenbestand(site: Path) -> None:
    ruw = json.loads(RESULTATEN.read_text(encoding="utf-8"))
    namen = {"mkdocs": "MkDocs", "properdocs": "ProperDocs", "zensical": "Zensical"}
    tabellen = _tabellen(site)

    wand = next(t for naam, t in tabellen.items() if naam.startswith("Bouwtijd plus stap na de bouw"))
    koppen = [th.get_text(strip=True) for th in wand.select("thead th")]
    assert koppen[2:] == [namen[m["naam"]] for m in ruw["motoren"]], koppen
    rijen = [[c.get_text(strip=True) for c in r.select("th, td")] for r in wand.select("tbody tr")]
    sites = sorted({b["n"] for b in ruw["bouwen"]})
    assert len(rijen) == 2 * len(sites), rijen
    for b in ruw["bouwen"]:
        rij = next(r for r in rijen if r[0] == ("Echte site" if b["n"] == 0 else f"N = {getal(b['n'])}")
                   and r[1] == {"koud": "koud", "bewaard": "met cache"}[b["modus"]])
        kolom = 2 + [m["naam"] for m in ruw["motoren"]].index(b["motor"])
        assert rij[kolom] == f"{getal(b['wand']['mediaan_s'])} s", (b, rij)

    bouwers = tabellen["De bouwers in deze meting"].get_text(" ", strip=True)
    for m in ruw["motoren"]:
        assert namen[m["naam"]] in bouwers and m["versie"] in bouwers, (m, bouwers)

    tekst = BeautifulSoup((site / "prestaties" / "index.html").read_text(encoding="utf-8"), "html.parser").get_text(" ")
    assert f"{ruw['machine']['cpus']} processorkernen" in tekst and getal(ruw["machine"]["belasting_voor"], 1) in tekst
    drukte = ("Op die machine draaide dus ook ander werk", "De machine was dus niet overbelast")
    overbelast = laad_resultaten(RESULTATEN).machine.overbelast
    assert [zin in " ".join(tekst.split()) for zin in drukte] == [overbelast, not overbelast], tekst

    doelen = tabellen["Doelen en uitkomsten"].select("tbody tr")
    assert len(doelen) == len(doeluitkomsten(laad_resultaten(RESULTATEN))), len(doelen)
    artikel = BeautifulSoup((site / "prestaties" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "resultaten.json" in [a["href"].rsplit("/", 1)[-1] for a in artikel.select("article a[href]")], "link"
    assert (site / "prestaties" / "resultaten.json").is_file(), "het resultatenbestand hoort bij de site"


def test_kapot_resultatenbestand_houdt_de_bouw_tegen(project: Path, tmp_path: Path) -> None:
    bestand = project / "docs" / "prestaties" / "resultaten.json"
    gegevens = json.loads(bestand.read_text(encoding="utf-8"))
    del gegevens["bouwen"]
    bestand.write_text(json.dumps(gegevens, indent=2), encoding="utf-8")
    uit = mkdocs_build(project, tmp_path / "site")
    assert uit.returncode != 0, "de bouw had moeten falen"
    melding = uit.stdout + uit.stderr
    assert "resultaten.json" in melding and "bouwen" in melding and "verplicht veld ontbreekt" in melding, melding


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


def _env(conf: dict | None = None) -> SimpleNamespace:
    from leidraadsite.inhoud.config import lees_mkdocs_yml

    if conf is None:
        conf = {**lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8")),
                "config_file_path": str(ROOT / "mkdocs.yml"), "site_dir": "site"}
    return SimpleNamespace(conf=conf, page=None)


@pytest.mark.parametrize(("verstreken", "opnieuw"), [(0.999, False), (1.0, True), (1.001, True)])
def test_bouw_controleert_gegevens_en_casussen_een_keer_per_configuratie(monkeypatch, verstreken: float,
                                                                        opnieuw: bool) -> None:
    """Zensical roept define_env voor elke pagina aan, met hetzelfde configuratie-object: alleen de eerste Bouw
    controleert de mappen en alle casussen; een Bouw binnen een seconde daarna neemt dat over. Een ander
    configuratie-object (MkDocs en ProperDocs maken er een per bouw) controleert altijd opnieuw."""
    from leidraadsite.weergave import bouw as bouwmodule

    nu = [100.0]
    proces = bouwmodule.Proces(klok=lambda: nu[0])
    controles: list[str] = []
    echte_laad, echte_mappen = Casusmap.laad, bouwmodule.mappen_veilig
    monkeypatch.setattr(Casusmap, "laad", lambda self, regels: (controles.append("casussen"), echte_laad(self, regels))[1])
    monkeypatch.setattr(bouwmodule, "mappen_veilig", lambda *a: (controles.append("mappen"), echte_mappen(*a))[1])

    env = _env()
    eerste = bouwmodule.Bouw(env, proces)
    assert controles == ["mappen", "casussen"], controles
    nu[0] += verstreken
    tweede = bouwmodule.Bouw(_env(env.conf), proces)
    assert controles == ["mappen", "casussen"] * (2 if opnieuw else 1), controles
    assert tweede.uitkomsten == eerste.uitkomsten and tweede.regels is eerste.regels
    assert tweede.uitkomsten["begeleidingsbehoefte-en-regime"].begeleidingsuren == 42

    bouwmodule.Bouw(_env(dict(env.conf)), proces)  # een nieuw configuratie-object: een nieuwe bouw
    assert controles == ["mappen", "casussen"] * (3 if opnieuw else 2), controles


def test_bouw_met_dezelfde_configuratie_ziet_een_kapotte_casus_na_een_seconde(tmp_path: Path) -> None:
    from leidraadsite.weergave import bouw as bouwmodule
    from leidraadsite.weergave.motor import Bouwfout

    (tmp_path / "casussen").mkdir()
    seed = SEED_CASUS.read_text(encoding="utf-8")
    (tmp_path / "casussen" / "a.yml").write_text(seed, encoding="utf-8")
    nu = [0.0]
    proces = bouwmodule.Proces(klok=lambda: nu[0])
    env = _env({"config_file_path": str(tmp_path / "mkdocs.yml"), "docs_dir": str(ROOT / "docs"),
                "site_dir": "site"})
    assert bouwmodule.Bouw(env, proces).uitkomsten["a"].begeleidingsuren == 42
    _schrijf(tmp_path / "casussen" / "a.yml", seed.replace("uren_per_week: 40", "uren_per_week: veertig"))
    nu[0] = 0.5
    assert bouwmodule.Bouw(_env(env.conf), proces).uitkomsten["a"].begeleidingsuren == 42  # binnen de seconde
    nu[0] = 1.5
    with pytest.raises(Bouwfout, match="contract.uren_per_week: moet een getal zijn"):
        bouwmodule.Bouw(_env(env.conf), proces)


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

