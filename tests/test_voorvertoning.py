"""De voorvertoning van ``make serve`` (``mkdocs serve --dirty`` met macros/voorvertoning.py) toont na een
wijziging precies dezelfde site als een volledige bouw.

De test start ``mkdocs serve --dirty`` op een kopie van het project, wijzigt een casus, en vergelijkt daarna
elke pagina uit de sitemap, de zoekindex en de printversie met een volledige ``mkdocs build`` van hetzelfde
project; ook na een wijziging in CHANGELOG.md (de bron van de pagina Wijzigingen). Daarna komt er een nieuwe
pagina in de navigatie: die moet ook in het menu van een pagina staan die
zelf niet veranderde.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import ROOT, mkdocs_build

CASUS = "casussen/begeleidingsbehoefte-en-regime.yml"
CASUS_PAGINA = "/casussen/begeleidingsbehoefte-en-regime/"
# mkdocs serve zet dit script vlak voor </body> in elke HTML-pagina die hij uitlevert (niet in de bestanden).
LIVERELOAD = re.compile(r"<script>\nvar livereload = function\(epoch, requestId\) \{.*?\nlivereload\(\d+, \d+\);\n</script>"
                        r"(?=</body>)", re.S)


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _haal(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as antwoord:  # noqa: S310 - alleen 127.0.0.1
            return antwoord.status, antwoord.read()
    except urllib.error.HTTPError as fout:
        return fout.code, b""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, b""


def _wacht_op(url: str, teken: bytes, proces: subprocess.Popen, log: Path, seconden: float = 180) -> float:
    begin = time.perf_counter()
    while time.perf_counter() - begin < seconden:
        status, inhoud = _haal(url)
        if status == 200 and teken in inhoud:
            return time.perf_counter() - begin
        assert proces.poll() is None, f"mkdocs serve stopte:\n{log.read_text(errors='replace')[-3000:]}"
        time.sleep(0.1)
    raise AssertionError(f"na {seconden} s staat {teken!r} nog niet op {url}:\n{log.read_text(errors='replace')[-3000:]}")


def _paden(site: Path) -> list[str]:
    kaart = (site / "sitemap.xml").read_text(encoding="utf-8")
    paden = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", kaart)]
    return paden + ["/404.html", "/printversie/"]  # niet in de sitemap, wel gebouwd


def _vergelijk_met_volledige_bouw(project: Path, basis: str, doel: Path) -> int:
    """Bouw het project volledig (met dezelfde site_url als serve) en vergelijk elke pagina. Geeft het aantal."""
    (project / "mkdocs.volledig.yml").write_text(f"INHERIT: mkdocs.yml\nsite_url: {basis}/\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    bouw = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.volledig.yml", "-d", str(doel)],
        cwd=project, capture_output=True, text=True, env=env, timeout=300,
    )
    assert bouw.returncode == 0, bouw.stderr
    verschillen = []
    paden = _paden(doel)
    for pad in paden:
        status, geserveerd = _haal(basis + pad)
        bestand = doel / (pad.lstrip("/") + ("index.html" if pad.endswith("/") else ""))
        verwacht = bestand.read_text(encoding="utf-8")
        if status != 200 or LIVERELOAD.sub("", geserveerd.decode("utf-8")) != verwacht:
            verschillen.append(pad)
    assert not verschillen, f"voorvertoning wijkt af van een volledige bouw op: {verschillen}"
    _, index = _haal(basis + "/search/search_index.json")
    verwacht_index = json.loads((doel / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert json.loads(index) == verwacht_index, "de zoekindex van de voorvertoning wijkt af van een volledige bouw"
    return len(paden)


def test_snelle_yaml_lezer_geeft_dezelfde_configuratie(project: Path, monkeypatch):
    """De voorvertoning leest mkdocs.yml met libyaml (C); de configuratie is dezelfde als met de Python-lezer,
    ook met een navigatie van 1000 casussen erbij (zoals make bench)."""
    import mkdocs.utils.yaml as mkdocs_yaml
    import yaml
    from mkdocs.config import load_config

    sys.path.insert(0, str(ROOT / "macros"))
    try:
        import voorvertoning
    finally:
        sys.path.remove(str(ROOT / "macros"))
    nav = "\n".join(f"      - Proef {i}: proef/p{i}.md" for i in range(1000))
    (project / "mkdocs.groot.yml").write_text(
        f"INHERIT: mkdocs.yml\nnav:\n  - Start: index.md\n  - Proef:\n{nav}\n", encoding="utf-8")

    def lees(naam: str) -> dict:
        c = load_config(config_file=str(project / naam))
        return {k: c[k] for k in ("nav", "extra", "markdown_extensions", "mdx_configs", "site_name", "copyright",
                                  "extra_css", "extra_javascript", "watch", "validation")} | {"thema": dict(c["theme"])}

    monkeypatch.setattr(mkdocs_yaml.get_yaml_loader, "__defaults__", (yaml.Loader, None))
    python = [lees("mkdocs.yml"), lees("mkdocs.groot.yml")]
    assert voorvertoning.snelle_yaml(), "de C-lezer van PyYAML (libyaml) ontbreekt"
    assert mkdocs_yaml.get_yaml_loader.__defaults__[0] is yaml.CLoader
    assert [lees("mkdocs.yml"), lees("mkdocs.groot.yml")] == python
    assert len(python[1]["nav"][1]["Proef"]) == 1000


def test_voorvertoning_na_wijziging_is_gelijk_aan_volledige_bouw(project: Path, tmp_path: Path):
    mkdocs_build(project, tmp_path / "eerst")  # ook de Word-cache vullen, zoals bij een eerdere bouw
    poort = _vrije_poort()
    basis = f"http://127.0.0.1:{poort}"
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with open(log, "wb") as uit:
        proces = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload", "-a", f"127.0.0.1:{poort}"],
            cwd=project, stdout=uit, stderr=subprocess.STDOUT, env=env,
        )
    try:
        _wacht_op(basis + CASUS_PAGINA, b"4,37%", proces, log)
        time.sleep(1)  # de bestandswachter zijn eerste rondgang laten maken

        # 1. Eén uur meer in de casus: 54 uur, 5,62% (zie tests/test_site.py).
        casus = project / CASUS
        casus.write_text(casus.read_text(encoding="utf-8").replace("    uren: 0.5\n", "    uren: 1\n", 1), encoding="utf-8")
        duur = _wacht_op(basis + CASUS_PAGINA, b"5,62%", proces, log)
        time.sleep(0.5)
        uitvoer = log.read_text(errors="replace")
        assert "voorvertoning: alleen gewijzigde pagina's" in uitvoer, uitvoer[-2000:]
        gebouwd = re.findall(r"voorvertoning: (\d+) pagina\('s\) opnieuw gebouwd", uitvoer)
        assert len(gebouwd) >= 2, f"geen melding van de herbouw in het logboek van serve:\n{uitvoer[-2000:]}"
        aantal = int(gebouwd[-1])
        assert 0 < aantal < 10, f"na een casuswijziging werden {aantal} pagina's gebouwd; verwacht: alleen wie de casus toont"
        assert "A 'dirty' build" not in uitvoer, "de waarschuwing van MkDocs over --dirty hoort weg te zijn (strict)"
        # CHANGELOG.md staat niet in docs/, maar de pagina Wijzigingen komt eruit.
        changelog = project / "CHANGELOG.md"
        changelog.write_text(changelog.read_text(encoding="utf-8").replace(
            "De eerste online editie van de leidraad.", "De eerste online editie van de leidraad (proef voorvertoning)."),
            encoding="utf-8")
        _wacht_op(basis + "/wijzigingen/", b"(proef voorvertoning)", proces, log, seconden=60)
        paginas = _vergelijk_met_volledige_bouw(project, basis, tmp_path / "volledig-1")
        print(f"\nwijziging zichtbaar na {duur:.2f} s; {aantal} pagina's opnieuw gebouwd; {paginas} pagina's gelijk")

        # 2. Nieuwe pagina in de navigatie: alle pagina's opnieuw, ook het menu van pagina's die niet veranderden.
        (project / "docs" / "proefpagina.md").write_text("# Proefpagina voorvertoning\n\nTekst.\n", encoding="utf-8")
        config = project / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace("  - Begrippen: begrippen.md\n",
                                                       "  - Begrippen: begrippen.md\n  - Proefpagina: proefpagina.md\n"),
            encoding="utf-8",
        )
        _wacht_op(basis + "/begrippen/", b'href="../proefpagina/"', proces, log, seconden=60)
        assert "alles wordt opnieuw gebouwd" in log.read_text(errors="replace")
        _vergelijk_met_volledige_bouw(project, basis, tmp_path / "volledig-2")
    finally:
        proces.send_signal(signal.SIGINT)
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proces.kill()
