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
from vijandig import GEVALLEN, maak

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
