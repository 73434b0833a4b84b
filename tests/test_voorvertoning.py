"""De voorvertoning van ``make serve`` (``mkdocs serve --dirty`` met de plugin src/leidraadsite/mkdocs/plugin.py) toont na een
wijziging precies dezelfde site als een volledige bouw.

De test start ``mkdocs serve --dirty`` op een kopie van het project, wijzigt een casus, en vergelijkt daarna
elke pagina uit de sitemap, de zoekindex en de printversie met een volledige ``mkdocs build`` van hetzelfde
project; ook na een wijziging in CHANGELOG.md (de bron van de pagina Wijzigingen). Daarna komt er een nieuwe
pagina in de navigatie: die moet ook in het menu van een pagina staan die
zelf niet veranderde. Tot slot vijf fouten na elkaar, met één herstel aan het eind.

Volledige bouwen (issue 23: één vuile en één volledige bouw om te vergelijken): de eerste bouw van serve, de
volledige ``mkdocs build`` om mee te vergelijken, de nieuwe pagina en het herstel na de laatste fout. De casus,
CHANGELOG.md en de regels (een gegevensbestand) gaan via de voorvertoning zonder nieuw bouwproces, en worden daarna
met de volledige bouw vergeleken.
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


from tools.bench import haal, serve, wacht_op, wijzig_casus  # make bench meet serve op dezelfde manier

CASUS = "casussen/begeleidingsbehoefte-en-regime.yml"
CASUS_PAGINA = "/casussen/begeleidingsbehoefte-en-regime/"
# mkdocs serve zet dit script vlak voor </body> in elke HTML-pagina die hij uitlevert (niet in de bestanden).
LIVERELOAD = re.compile(r"<script>\nvar livereload = function\(epoch, requestId\) \{.*?\nlivereload\(\d+, \d+\);\n</script>"
                        r"(?=</body>)", re.S)


# De gebouwde site heeft een Content-Security-Policy (leidraadsite.nabouw); de voorvertoning niet, want die zet zelf een
# script in elke pagina om te herladen.
CSP = re.compile(r'\n    <meta http-equiv="Content-Security-Policy" content="[^"]*">')


def _paden(site: Path) -> list[str]:
    kaart = (site / "sitemap.xml").read_text(encoding="utf-8")
    paden = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", kaart)]
    return paden + ["/404.html", "/printversie/"]  # niet in de sitemap, wel gebouwd


def _vergelijk_met_volledige_bouw(project: Path, basis: str, doel: Path) -> int:
    """Bouw het project volledig (met dezelfde site_url als serve) en vergelijk elke pagina. Geeft het aantal."""
    # extra.voorvertoning: zoals serve.py het zet (de PDF-link wijst dan naar de uitleg; de rest is gelijk).
    (project / "mkdocs.volledig.yml").write_text(
        f"INHERIT: mkdocs.yml\nsite_url: {basis}/\nextra:\n  voorvertoning: true\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "src")}  # zoals serve: de regels uit de kopie
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
        verwacht = CSP.sub("", bestand.read_text(encoding="utf-8"))  # de voorvertoning heeft bewust geen CSP
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


def _wacht_op_logboek(log: Path, patroon: str, aantal: int, proces, wachttijd: float = 30) -> str:
    """Wacht tot het logboek van serve ``aantal`` keer ``patroon`` bevat (het schrijft soms net na de pagina)."""
    einde = time.monotonic() + wachttijd
    while True:
        uitvoer = log.read_text(errors="replace")
        if len(re.findall(patroon, uitvoer)) >= aantal:
            return uitvoer
        assert proces.poll() is None and time.monotonic() < einde, \
            f"na {wachttijd} s staat {patroon!r} geen {aantal} keer in het logboek van serve:\n{uitvoer[-2000:]}"
        time.sleep(0.05)


@pytest.mark.voorvertoning
def test_voorvertoning_na_wijziging_is_gelijk_aan_volledige_bouw(project: Path, tmp_path: Path):
    # Geen bouw vooraf: de eerste bouw van serve vult de Word-cache, en de volledige bouwen hieronder lezen daaruit
    # dezelfde Word-bestanden (getest met een lege cache: TMPDIR naar een lege map).
    log = tmp_path / "serve.log"
    # Zoals make serve (python -m leidraadsite.mkdocs.serve), met het pakket uit de kopie: dan telt ook een
    # wijziging van de regels in de kopie (src/jobcoach/data/regels.yml).
    with serve(project, [], log, make_serve=True, env={"PYTHONPATH": str(project / "src")}) as (proces, basis):
        # Geen wachten op de bestandswachter: zijn eerste momentopname is van vóór de eerste bouw (serve.py), dus elke
        # wijziging hierna ziet hij.
        wacht_op(basis + CASUS_PAGINA, "In totaal komt dit neer op", proces, log, 180)

        # 0. Geen PDF in de voorvertoning: de PDF-link van elke pagina geeft geen 404 maar de uitleg.
        _, start = haal(basis + "/")
        pdf_links = re.findall(r'<p class="pdf-link">\s*<a href="([^"]+)"', start)
        assert pdf_links == ["over/#de-pdf"], pdf_links
        status, over = haal(basis + "/over/")
        assert status == 200 and 'id="de-pdf"' in over and "make build" in over, status

        # 1. Meer uren in de casus; het nieuwe totaal rekent jobcoach.bereken uit (tools/bench.py).
        totaal = wijzig_casus(project / CASUS, 1)
        duur = wacht_op(basis + CASUS_PAGINA, f"In totaal komt dit neer op {totaal} uur", proces, log, 60)
        uitvoer = _wacht_op_logboek(log, r"voorvertoning: (\d+) pagina\('s\) opnieuw gebouwd", 2, proces)
        assert "voorvertoning: alleen gewijzigde pagina's" in uitvoer, uitvoer[-2000:]
        gebouwd = re.findall(r"voorvertoning: (\d+) pagina\('s\) opnieuw gebouwd", uitvoer)
        aantal = int(gebouwd[-1])
        assert 0 < aantal < 10, f"na een casuswijziging werden {aantal} pagina's gebouwd; verwacht: alleen wie de casus toont"
        assert "A 'dirty' build" not in uitvoer, "de waarschuwing van MkDocs over --dirty hoort weg te zijn (strict)"
        # CHANGELOG.md staat niet in docs/, maar de pagina Wijzigingen komt eruit.
        changelog = project / "CHANGELOG.md"
        changelog.write_text(changelog.read_text(encoding="utf-8").replace(
            "De eerste online editie van de leidraad.", "De eerste online editie van de leidraad (proef voorvertoning)."),
            encoding="utf-8")
        wacht_op(basis + "/wijzigingen/", "(proef voorvertoning)", proces, log, 60)
        # De regels (src/jobcoach/data/regels.yml, een gegevensbestand): een nieuwe naam van een coachingsdoel is
        # meteen te zien, en ook daarna is de voorvertoning gelijk aan een volledige bouw.
        regels = project / "src/jobcoach/data/regels.yml"
        regels_tekst = regels.read_text(encoding="utf-8")
        regels.write_text(regels_tekst.replace("1: Begeleiden van de klant op het werk", "1: Begeleiden op de werkplek (proef)"),
                          encoding="utf-8")
        wacht_op(basis + CASUS_PAGINA, "Begeleiden op de werkplek (proef)", proces, log, 60)
        assert "alles wordt opnieuw gebouwd" not in log.read_text(errors="replace"), "de regels vroegen geen herstart"
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
        # Eén vergelijking met een volledige bouw (hierboven, na de bouw van alleen de gewijzigde pagina's) is genoeg:
        # na een nieuwe pagina en na elke fout bouwt de voorvertoning alles opnieuw.

        # 3. Fouten tijdens make serve: elke fout geeft meteen een Nederlandse foutpagina (op elk adres), de
        #    terminal noemt haar één keer, en na het herstel komt de juiste site terug, zonder herstart.
        fouten = _fouten_in_de_voorvertoning(project, basis, proces, log, regels_tekst)
        print(f"fouten: {fouten}")


FOUTPAGINA = "De site kan nu niet gebouwd worden"


def _fouten_in_de_voorvertoning(project: Path, basis: str, proces, log: Path, regels_tekst: str) -> dict[str, float]:
    """Vijf fouten na elkaar. Elke stap herstelt de vorige fout en maakt tegelijk de volgende: zo toont de
    voorvertoning elke foutmelding (en noemt de terminal elke fout één keer), en bouwt ze pas na de laatste weer de
    hele site. Die bouw leest elk hersteld bestand (de casus terug, de casus heel, over.md weer UTF-8, de regels
    weer goed): de casuspagina met haar totaal en de oude naam van het coachingsdoel bewijzen het herstel van allemaal
    tegelijk (issue 23: één volledige bouw na de fouten in plaats van vijf)."""
    casus = project / CASUS
    origineel = casus.read_bytes()
    rekenpagina = project / "docs/casussen/zo-rekent-de-site.md"
    reken = rekenpagina.read_text(encoding="utf-8")
    over = project / "docs/over.md"
    over_tekst = over.read_bytes()
    regels = project / "src/jobcoach/data/regels.yml"
    tijden = {}

    def fout(naam: str, verwacht: list[str], pagina: str = CASUS_PAGINA) -> None:
        # Op de melding van deze fout wachten (de foutpagina van de vorige fout staat er al).
        begin = time.perf_counter()
        wacht_op(basis + pagina, verwacht[0], proces, log, 60)
        tijden[naam] = round(time.perf_counter() - begin, 2)
        _, tekst = haal(basis + "/begrippen/")  # ook een andere pagina toont de fout, meteen (geen wachten)
        assert FOUTPAGINA in tekst, f"{naam}: geen foutpagina op /begrippen/:\n{tekst[:3000]}"
        for stuk in verwacht:
            assert stuk in tekst, f"{naam}: '{stuk}' staat niet op de foutpagina:\n{tekst[:3000]}"
        assert "Traceback" not in tekst

    # a. Een tikfout in een macro van een pagina: bestand en de juiste regel. (De regels terug: hun nieuwe naam
    #    hierboven verdwijnt pas na het herstel aan het eind.)
    regels.write_text(regels_tekst, encoding="utf-8")
    regel = next(i for i, r in enumerate(reken.splitlines(), start=1) if r.startswith("Het totaal is de som"))
    rekenpagina.write_text(reken.replace("Het totaal is de som", "Het totaal {{ c.onbekend }} is de som"), encoding="utf-8")
    fout("macro", [f"docs/casussen/zo-rekent-de-site.md:{regel}: onbekende naam &#x27;onbekend&#x27;"])
    # b. Een verwijderde casus (en de macro weer goed).
    rekenpagina.write_text(reken, encoding="utf-8")
    casus.unlink()
    fout("casus weg", ["Casus &#x27;begeleidingsbehoefte-en-regime&#x27; bestaat niet"])
    # c. Een half geschreven casus (een editor die midden in het schrijven is).
    tekst = origineel.decode("utf-8")
    casus.write_text(tekst[: tekst.index("knelpunt: Aansturingsbehoefte") + 10] + '"Aanstu', encoding="utf-8")
    fout("half bestand", ["casussen/begeleidingsbehoefte-en-regime.yml:", "aanhalingsteken"])
    # d. Een pagina die geen UTF-8 is (en de casus weer heel).
    casus.write_bytes(origineel)
    over.write_bytes(over_tekst.replace("Licentie".encode(), "Licentie \xe9".encode("latin-1"), 1))
    fout("geen UTF-8", ["docs/over.md:", "bestand is geen UTF-8-tekst"])
    # e. Omgekeerde datums in de regels (en over.md weer UTF-8).
    over.write_bytes(over_tekst)
    regels.write_text(regels_tekst.replace("    geldig_tot: 2019-09-30", "    geldig_tot: 2015-09-30"), encoding="utf-8")
    fout("regels", ["src/jobcoach/data/regels.yml:", "ligt vóór geldig_van"])
    # Alles hersteld: de hele site komt terug, met de casus en de oude naam van het coachingsdoel.
    regels.write_text(regels_tekst, encoding="utf-8")
    begin = time.perf_counter()
    wacht_op(basis + CASUS_PAGINA, "Begeleiden van de klant op het werk", proces, log, 60)
    tijden["herstel"] = round(time.perf_counter() - begin, 2)
    _, pagina = haal(basis + CASUS_PAGINA)
    assert "In totaal komt dit neer op" in pagina and FOUTPAGINA not in pagina
    for adres, teken in (("/over/", "Licentie"), ("/casussen/zo-rekent-de-site/", "Het totaal is de som")):
        status, inhoud = haal(basis + adres)
        assert status == 200 and teken in inhoud and FOUTPAGINA not in inhoud, f"{adres} na het herstel: {inhoud[:2000]}"
    uitvoer = log.read_text(errors="replace")
    assert uitvoer.count("De site kan niet gebouwd worden; de browser toont de fout") == 5, uitvoer[-4000:]
    assert uitvoer.count("De fout is hersteld") == 1, uitvoer[-4000:]
    assert "Traceback" not in uitvoer, uitvoer[-4000:]
    return tijden
