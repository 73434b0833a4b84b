"""Vijandige en kapotte casusbestanden (tests/vijandig.py) geven op de opdrachtregel en bij de bouw elk één
duidelijke Nederlandse melding met de bestandsnaam: binnen enkele seconden, zonder traceback, en zonder de
inhoud van een bestand buiten het project te tonen.

De tabel invoer → melding → tijd komt in ``artefacten/vijandig.md`` (voor het verslag van een wijziging).
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from conftest import ROOT, kopieer_project, mkdocs_build
from leidraadsite.cli import main
from vijandig import GEVALLEN, PAGINA_AANVALLEN, maak, pagina_aanval

pytestmark = pytest.mark.build  # bouwt een kopie van het project

TIJDSLIMIET = 10  # seconden per bestand; daarna breekt de test het af (een 'bom' mag niet blijven hangen)


class _TeLang(Exception):
    pass


def _binnen_de_tijd(functie, *args):  # noqa: ANN001, ANN002, ANN202
    def op_tijd(signum, frame):  # noqa: ANN001, ARG001
        raise _TeLang

    oud = signal.signal(signal.SIGALRM, op_tijd)
    signal.alarm(TIJDSLIMIET)
    begin = time.perf_counter()
    try:
        return functie(*args), time.perf_counter() - begin
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, oud)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    project = kopieer_project(tmp_path_factory.mktemp("vijandig") / "project")
    return project, maak(project / "casussen", project)


@pytest.mark.parametrize("opdracht", [["controleer"], ["bereken", "--json"]], ids=["controleer", "bereken"])
def test_opdrachtregel_geeft_per_bestand_een_nederlandse_melding(corpus, opdracht, capsys, monkeypatch):
    project, paden = corpus
    monkeypatch.chdir(project)
    tabel = []
    for geval in GEVALLEN:
        relatief = f"casussen/{geval.naam}.yml"
        try:
            code, tijd = _binnen_de_tijd(main, [*opdracht, relatief])
        except _TeLang:
            pytest.fail(f"{relatief}: geen antwoord binnen {TIJDSLIMIET} s")
        uit = capsys.readouterr()
        regels = uit.err.strip().splitlines()
        assert code == 1 and uit.out == "", f"{relatief}: code {code}, uitvoer {uit.out!r}"
        assert regels and all(r.startswith(relatief) for r in regels if r and not r.startswith(("1 van", "Alle"))), \
            f"{relatief}: melding zonder bestandsnaam:\n{uit.err}"
        assert geval.melding in regels[0], f"{relatief}: verwacht '{geval.melding}' in:\n{uit.err}"
        assert "Traceback" not in uit.err and "Error" not in uit.err, uit.err
        if geval.geheim:
            assert geval.geheim not in uit.err, f"{relatief}: de melding toont de inhoud van een bestand buiten het project"
        tabel.append((geval.naam, regels[0][len(relatief) + 1:].strip(), tijd))
    if opdracht == ["controleer"]:
        artefacten = ROOT / "artefacten"
        artefacten.mkdir(exist_ok=True)
        (artefacten / "vijandig.md").write_text(
            "| invoer | melding | tijd |\n|---|---|---|\n"
            + "".join(f"| {n} | {m.replace('|', '/')} | {1000 * t:.0f} ms |\n" for n, m, t in tabel), encoding="utf-8")


def test_bouw_noemt_elk_vijandig_bestand_en_stopt(corpus, tmp_path):
    project, paden = corpus
    begin = time.perf_counter()
    resultaat = mkdocs_build(project, tmp_path / "site")
    duur = time.perf_counter() - begin
    uitvoer = resultaat.stdout + resultaat.stderr
    assert resultaat.returncode != 0, "de bouw had moeten stoppen"
    assert "Ongeldige casus; de site wordt niet gebouwd" in uitvoer, uitvoer[-2000:]
    for geval in GEVALLEN:
        regels = [r for r in uitvoer.splitlines() if r.startswith(f"casussen/{geval.naam}.yml")]
        assert regels, f"geen melding over casussen/{geval.naam}.yml:\n{uitvoer[-3000:]}"
        assert any(geval.melding in r for r in regels), f"{geval.naam}: verwacht '{geval.melding}' in {regels}"
        if geval.geheim:
            assert geval.geheim not in uitvoer
    assert "Traceback" not in uitvoer, uitvoer[-3000:]
    with (ROOT / "artefacten" / "vijandig.md").open("a", encoding="utf-8") as f:
        f.write(f"\nBouw met alle {len(GEVALLEN)} bestanden samen: gestopt na {duur:.1f} s, één melding per bestand.\n")


# --- Pagina's zijn geen code ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def macros_van_de_site(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """De echte plugin mkdocs-macros van een kopie van het project, ingesteld zoals bij ``mkdocs build``, met een
    bestand buiten het project (``geheim``) en een link ernaartoe in docs/."""
    from mkdocs.config import load_config

    basis = tmp_path_factory.mktemp("paginas")
    project = kopieer_project(basis / "project")
    geheim = basis / "geheim.txt"
    geheim.write_text("GEHEIM-789\n", encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["macros"]
    plugin.on_config(config)
    return project, config, plugin, geheim


def _vul_in(macros_van_de_site, markdown: str, titel: str = "Aanval"):  # noqa: ANN001, ANN202
    """Laat mkdocs-macros een pagina docs/aanval.md invullen; geeft (uitvoer, de melding van de Paginafout of None)."""
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    from leidraadsite import jinja

    project, config, plugin, _ = macros_van_de_site
    (project / "docs" / "aanval.md").write_text(markdown, encoding="utf-8")
    pagina = Page(titel, File("aanval.md", config["docs_dir"], str(project / "site"), True), config)
    pagina.meta = {}
    jinja.wis_laatste_fout()
    try:
        uit = plugin.on_page_markdown(markdown, page=pagina, config=config)
    except SystemExit:  # een fout in de pagina: mkdocs-macros stopt de bouw (on_error_fail) na een Paginafout
        return "\n" + str(pagina.title), jinja.laatste_fout()
    return uit + "\n" + str(pagina.title), None


@pytest.mark.parametrize("geval", PAGINA_AANVALLEN, ids=[g.naam for g in PAGINA_AANVALLEN])
def test_jinja_in_een_pagina_voert_geen_code_uit_en_leest_niets(macros_van_de_site, geval, tmp_path):
    merk = tmp_path / "uitgevoerd"
    aanval = pagina_aanval(geval, merk, macros_van_de_site[3])
    if geval.in_titel:
        uit, melding = _vul_in(macros_van_de_site, "Tekst.\n", titel=aanval)
    else:
        uit, melding = _vul_in(macros_van_de_site, f"# Aanval\n\n{aanval}\n")
    assert not merk.exists(), f"{geval.naam}: de opdracht is uitgevoerd"
    assert not geval.spoor or geval.spoor not in uit, f"{geval.naam}: de aanval werkte: {uit[:300]!r}"
    assert melding is not None, f"{geval.naam}: geen melding; de pagina werd: {uit[:300]!r}"
    plaats = "docs/aanval.md:" if geval.in_titel else "docs/aanval.md:3: "
    assert melding.startswith(plaats), melding
    assert geval.melding in melding, f"{geval.naam}: verwacht '{geval.melding}' in: {melding}"
    assert "Traceback" not in melding and "is undefined" not in melding and "unsafe" not in melding, melding


def test_wat_paginas_wel_doen_blijft_werken(macros_van_de_site):
    """Macro's, filters, gegevens van een casus, .items(), config.extra, een eigen {% macro %} en loop.index."""
    uit, melding = _vul_in(macros_van_de_site, (
        "{% set c = casus('begeleidingsbehoefte-en-regime') %}{% set rp = regioplan_cijfer %}"
        "{% macro dubbel(x) %}{{ x }}{{ x }}{% endmacro %}\n"
        "A {{ c.casus.titel }} B {{ c.begeleidingsuren | uren }} C {{ config.extra.editie }} D {{ config.site_url }}\n"
        "{% for d, naam in coachingsdoelen().items() %}{{ loop.index }}={{ d }};{% endfor %} E {{ dubbel('zo') }}"
        " F {{ einde_protocollen().year }} G {{ editie }}\n"))
    assert melding is None, melding
    assert "C 2026.1 D https&#58;//leidraad&#45;jobcoach.example.org/" in uit, uit  # als tekst (jinja.als_tekst)
    assert "1=1;" in uit and "E zozo" in uit and "F 2019" in uit and "G 2026.1" in uit, uit


def test_bouw_stopt_bij_code_in_een_pagina_met_bestand_en_regel(project, tmp_path):
    merk = tmp_path / "uitgevoerd"
    pagina = project / "docs" / "casussen" / "zo-rekent-de-site.md"
    tekst = pagina.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    regel = tekst.count("\n") + 1
    pagina.write_text(tekst + pagina_aanval(PAGINA_AANVALLEN[0], merk, tmp_path / "geen") + "\n", encoding="utf-8")
    resultaat = mkdocs_build(project, tmp_path / "site")
    uitvoer = resultaat.stdout + resultaat.stderr
    assert not merk.exists(), "de opdracht in de pagina is uitgevoerd"
    assert resultaat.returncode != 0, "de bouw had moeten stoppen"
    assert f"docs/casussen/zo-rekent-de-site.md:{regel}: onbekende naam 'cycler'" in uitvoer, uitvoer[-2000:]
    assert "GEP42WND" not in uitvoer and "Traceback" not in uitvoer, uitvoer[-2000:]
