"""De voorvertoning van ``make serve`` (``mkdocs serve --dirty`` met src/leidraadsite/hooks/voorvertoning.py) toont na een
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
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT

from tools.bench import haal, serve, wacht_op, wijzig_casus  # make bench meet serve op dezelfde manier

CASUS = "casussen/begeleidingsbehoefte-en-regime.yml"
CASUS_PAGINA = "/casussen/begeleidingsbehoefte-en-regime/"
# mkdocs serve zet dit script vlak voor </body> in elke HTML-pagina die hij uitlevert (niet in de bestanden).
LIVERELOAD = re.compile(r"<script>\nvar livereload = function\(epoch, requestId\) \{.*?\nlivereload\(\d+, \d+\);\n</script>"
                        r"(?=</body>)", re.S)


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
        status, geserveerd = haal(basis + pad)
        bestand = doel / (pad.lstrip("/") + ("index.html" if pad.endswith("/") else ""))
        verwacht = bestand.read_text(encoding="utf-8")
        if status != 200 or LIVERELOAD.sub("", geserveerd) != verwacht:
            verschillen.append(pad)
    assert not verschillen, f"voorvertoning wijkt af van een volledige bouw op: {verschillen}"
    _, index = haal(basis + "/search/search_index.json")
    verwacht_index = json.loads((doel / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert json.loads(index) == verwacht_index, "de zoekindex van de voorvertoning wijkt af van een volledige bouw"
    return len(paden)


def test_snelle_yaml_lezer_geeft_dezelfde_configuratie(project: Path, monkeypatch):
    """De voorvertoning leest mkdocs.yml met libyaml (C); de configuratie is dezelfde als met de Python-lezer,
    ook met een navigatie van 1000 casussen erbij (zoals make bench)."""
    import mkdocs.utils.yaml as mkdocs_yaml
    import yaml
    from mkdocs.config import load_config

    from leidraadsite import aanpassingen

    nav = "\n".join(f"      - Proef {i}: proef/p{i}.md" for i in range(1000))
    (project / "mkdocs.groot.yml").write_text(
        f"INHERIT: mkdocs.yml\nnav:\n  - Start: index.md\n  - Proef:\n{nav}\n", encoding="utf-8")

    def lees(naam: str) -> dict:
        c = load_config(config_file=str(project / naam))
        return {k: c[k] for k in ("nav", "extra", "markdown_extensions", "mdx_configs", "site_name", "copyright",
                                  "extra_css", "extra_javascript", "watch", "validation")} | {"thema": dict(c["theme"])}

    monkeypatch.setattr(mkdocs_yaml.get_yaml_loader, "__defaults__", (yaml.Loader, None))
    python = [lees("mkdocs.yml"), lees("mkdocs.groot.yml")]
    assert aanpassingen.mkdocs_yaml_c(), "de C-lezer van PyYAML (libyaml) ontbreekt"
    assert mkdocs_yaml.get_yaml_loader.__defaults__[0] is yaml.CLoader
    assert [lees("mkdocs.yml"), lees("mkdocs.groot.yml")] == python
    assert len(python[1]["nav"][1]["Proef"]) == 1000


def test_voorvertoning_na_wijziging_is_gelijk_aan_volledige_bouw(project: Path, tmp_path: Path):
    # Geen bouw vooraf: de eerste bouw van serve vult de Word-cache, en de volledige bouwen hieronder lezen daaruit
    # dezelfde Word-bestanden (getest met een lege cache: TMPDIR naar een lege map).
    log = tmp_path / "serve.log"
    with serve(project, ["--dirty", "--livereload"], log) as (proces, basis):
        wacht_op(basis + CASUS_PAGINA, "In totaal komt dit neer op", proces, log, 180)
        time.sleep(1)  # de bestandswachter zijn eerste rondgang laten maken

        # 1. Meer uren in de casus; het nieuwe totaal rekent jobcoach.bereken uit (tools/bench.py).
        totaal = wijzig_casus(project / CASUS, 1)
        duur = wacht_op(basis + CASUS_PAGINA, f"In totaal komt dit neer op {totaal} uur", proces, log, 60)
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
        wacht_op(basis + "/wijzigingen/", "(proef voorvertoning)", proces, log, 60)
        paginas = _vergelijk_met_volledige_bouw(project, basis, tmp_path / "volledig-1")
        print(f"\nwijziging ({totaal} uur) zichtbaar na {duur:.2f} s; {aantal} pagina's opnieuw gebouwd; "
              f"{paginas} pagina's gelijk")

        # 2. Nieuwe pagina in de navigatie: alle pagina's opnieuw, ook het menu van pagina's die niet veranderden.
        (project / "docs" / "proefpagina.md").write_text("# Proefpagina voorvertoning\n\nTekst.\n", encoding="utf-8")
        config = project / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace("  - Begrippen: begrippen.md\n",
                                                       "  - Begrippen: begrippen.md\n  - Proefpagina: proefpagina.md\n"),
            encoding="utf-8",
        )
        wacht_op(basis + "/begrippen/", 'href="../proefpagina/"', proces, log, 60)
        assert "alles wordt opnieuw gebouwd" in log.read_text(errors="replace")
        _vergelijk_met_volledige_bouw(project, basis, tmp_path / "volledig-2")
