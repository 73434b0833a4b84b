"""Elke opdracht in de ```sh-blokken van README.md en CONTRIBUTING.md werkt: een test voert ze uit, in een kopie van
het project (met de .venv van deze map).

Niets wordt stil overgeslagen. Wat niet echt kan draaien binnen een test, staat in ``DROOG`` met de reden; daarvan
controleert ``make -n`` dat het doel bestaat en wat het zou doen. ``make serve`` (draait tot Ctrl+C) wordt gestart,
gevraagd om de startpagina en dan gestopt. Plaatsaanduidingen (``OUD NIEUW``, ``[--json]``) staan in ``INVULLEN``.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, kopieer_project

pytestmark = pytest.mark.build

DOCS = ("README.md", "CONTRIBUTING.md")
# make-doelen die hier alleen droog (make -n) draaien, met de reden.
DROOG = {
    "test": "voert zelf alle tests uit (ook deze): binnen een test zou dat zichzelf starten",
    "check": "voert zelf alle tests zonder browser uit (ook deze)",
    "build": "maakt de PDF met Chromium (een halve minuut); de browsertests bouwen en lezen de PDF al",
    "bench": "de prestatiemeting bouwt de site tientallen keren met drie bouwers (ongeveer drie kwartier)",
    "lock": "haalt de nieuwste gegevens uit het pakketregister (netwerk); de lock zelf test test_toeleveringsketen.py",
    "lock-bewijs": "downloadt honderden megabytes uit het pakketregister; de uitkomst staat in CONTRIBUTING.md",
    "motoren": "installeert ProperDocs en Zensical in eigen venvs en bouwt de site drie keer (een paar minuten)",
    "publiceer": "is make build voor de echte site (PDF met Chromium); zie build",
    "mutatie": "de mutatietest duurt lang en staat bewust buiten make test",
}
# Plaatsaanduidingen in een opdracht -> wat de test invult.
INVULLEN = {
    "[--json]": ["", "--json"],
    "OUD NIEUW": ["{oud} {nieuw}"],
}


def opdrachten() -> list[tuple[str, str]]:
    uit = []
    for doc in DOCS:
        tekst = (ROOT / doc).read_text(encoding="utf-8")
        for blok in re.findall(r"^```sh\n(.*?)^```", tekst, re.M | re.S):
            for regel in blok.splitlines():
                opdracht = re.sub(r"\s+#.*$", "", regel).strip()
                if opdracht:
                    uit.append((doc, opdracht))
    return uit


def _varianten(opdracht: str) -> list[str]:
    for plek, vullingen in INVULLEN.items():
        if plek in opdracht:
            return [re.sub(r"\s+", " ", opdracht.replace(plek, v)).strip() for v in vullingen]
    return [opdracht]


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _kopie(map_: Path) -> Path:
    project = kopieer_project(map_ / "project")
    shutil.copytree(ROOT / "tools", project / "tools", ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    for naam in ("Makefile", "requirements.in", "requirements.bestanden", "README.md", "CONTRIBUTING.md", "publiccode.yml"):
        shutil.copy2(ROOT / naam, project / naam)
    for lock in ROOT.glob("requirements*.lock"):  # ook die van de andere bouwers (make build MOTOR=…)
        shutil.copy2(lock, project / lock.name)
    (project / ".venv").symlink_to(ROOT / ".venv")
    return project


def test_de_docs_tonen_opdrachten():
    gevonden = opdrachten()
    assert len(gevonden) >= 15, gevonden
    assert ("README.md", "make serve") in gevonden


def _draai(kopie: Path, opdracht: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    opdracht = opdracht.format(oud=tmp_path / "oud", nieuw=tmp_path / "nieuw")
    woorden = shlex.split(opdracht)
    if "make" in woorden:  # ook achter 'python -m tools.klok DATUM --'
        i = woorden.index("make")
        doel = next((w for w in woorden[i + 1:] if "=" not in w), "")
        assert doel in DROOG, f"make {doel}: niet in DROOG en ook niet anders getest"
        woorden.insert(i + 1, "-n")
    return subprocess.run(woorden, cwd=kopie, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("doc", DOCS)
def test_elke_opdracht_uit_de_docs_werkt(doc: str, tmp_path: Path):
    # In de volgorde van het document, in één kopie: 'nieuw loonwaarde-en-regime' komt vóór 'controleer' ervan.
    kopie = _kopie(tmp_path)
    (tmp_path / "oud").mkdir()
    (tmp_path / "nieuw").mkdir()
    gedaan = 0
    for _, opdracht in [o for o in opdrachten() if o[0] == doc and o[1] != "make serve"]:
        for variant in _varianten(opdracht):
            resultaat = _draai(kopie, variant, tmp_path)
            assert resultaat.returncode == 0, f"{doc}: {variant}\n{resultaat.stdout[-2000:]}\n{resultaat.stderr[-2000:]}"
            gedaan += 1
    assert gedaan >= 4, gedaan


def test_make_serve_start_en_toont_de_startpagina(tmp_path: Path):
    kopie = _kopie(tmp_path)
    poort = _vrije_poort()
    # -o: de .venv is die van deze map (een koppeling); make mag hem vanuit de kopie niet opnieuw installeren.
    proces = subprocess.Popen(["make", "-o", ".venv/.geinstalleerd", "serve", f"SERVE_ARGS=-a 127.0.0.1:{poort}"], cwd=kopie,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        einde = time.monotonic() + 120
        while True:
            assert proces.poll() is None, f"make serve stopte:\n{proces.stdout.read()[-3000:]}"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{poort}/", timeout=5) as antwoord:
                    html = antwoord.read().decode("utf-8")
                break
            except OSError:
                assert time.monotonic() < einde, "make serve gaf na 120 s nog geen startpagina"
                time.sleep(0.5)
        assert "Leidraad Jobcoach" in html
    finally:
        os.killpg(proces.pid, signal.SIGINT)
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait()


def _opdrachten_in_hulp(*prog: str) -> list[str]:
    hulp = subprocess.run([*prog, "--help"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert hulp.returncode == 0, hulp.stderr
    return re.findall(r"^    (\w+)\s", hulp.stdout, re.M)


def test_python_m_jobcoach_en_de_opdracht_jobcoach_kennen_dezelfde_opdrachten(tmp_path: Path):
    console = _opdrachten_in_hulp(str(ROOT / ".venv" / "bin" / "jobcoach"))
    module = _opdrachten_in_hulp(str(ROOT / ".venv" / "bin" / "python"), "-m", "jobcoach")
    assert {"bereken", "controleer", "schema", "nieuw", "verouderd"} <= set(console), console
    assert module == console
    kopie = _kopie(tmp_path)
    nieuw = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "jobcoach", "nieuw", "via-de-module",
                            "--datum", "2026-11-26"], cwd=kopie, capture_output=True, text=True, timeout=120)
    assert nieuw.returncode == 0, nieuw.stderr
    assert (kopie / "casussen" / "via-de-module.yml").is_file()
