"""Vijandige en kapotte casusbestanden (tests/vijandig.py) geven op de opdrachtregel en bij de bouw elk één
duidelijke Nederlandse melding met de bestandsnaam: binnen enkele seconden, zonder traceback, en zonder de
inhoud van een bestand buiten het project te tonen.

De tabel invoer → melding → tijd komt in ``artefacten/vijandig.md`` (voor het verslag van een wijziging).
"""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path

import pytest

from conftest import ROOT, kopieer_project, mkdocs_build
from leidraadsite.cli import main
from vijandig import (BESTAND_AANVALLEN, GEVALLEN, PAGINA_AANVALLEN, SCRIPT_TITEL, maak,
                      pagina_aanval)

pytestmark = pytest.mark.build  # bouwt een kopie van het project

TIJDSLIMIET = 10  # seconden per bestand; daarna breekt de test het af (een 'bom' mag niet blijven hangen)


class _TeLang(Exception):
    pass


def _binnen_de_tijd(functie, *args):
    def op_tijd(signum, frame):
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
        assert regels and all(r.startswith(relatief) for r in regels if r and not r.startswith(("1 van", "Alle", "Het casusbestand is"))), \
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
    (ROOT / "artefacten").mkdir(exist_ok=True)  # ook als deze test als eerste (of alleen) draait
    with (ROOT / "artefacten" / "vijandig.md").open("a", encoding="utf-8") as f:
        f.write(f"\nBouw met alle {len(GEVALLEN)} bestanden samen: gestopt na {duur:.1f} s, één melding per bestand.\n")


# --- Pagina's zijn geen code ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def macros_van_de_site(tmp_path_factory: pytest.TempPathFactory):
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


def _vul_in(macros_van_de_site, markdown: str, titel: str = "Aanval"):
    """Laat mkdocs-macros een pagina docs/aanval.md invullen; geeft (uitvoer, de melding van de Paginafout of None)."""
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    from leidraadsite.weergave import jinja

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


# --- Tekst uit gegevens is tekst -------------------------------------------------------------------------------


def _scripts_en_handlers(html: str) -> list[str]:
    """Elk script, kenmerk of elke link in deze HTML waarin een aanval (XSS…) werkt."""
    from bs4 import BeautifulSoup

    soep = BeautifulSoup(html, "html.parser")
    gevonden = [f"<script>{s.get_text()[:80]}" for s in soep.find_all("script") if "XSS" in s.get_text()]
    for element in soep.find_all(True):
        for naam, waarde in element.attrs.items():
            tekst = " ".join(waarde) if isinstance(waarde, list) else str(waarde)
            if "XSS" in tekst and (naam.startswith("on") or tekst.strip().lower().startswith("javascript:")):
                gevonden.append(f"<{element.name} {naam}={tekst[:80]!r}>")
            if naam == "title" and re.search(r"<[a-zA-Z/!?]", tekst):  # Material toont title als HTML (tooltip)
                gevonden.append(f"<{element.name} title={tekst[:80]!r}>")
        if element.name == "meta" and element.get("http-equiv", "").lower() == "refresh":
            gevonden.append(f"<meta http-equiv=refresh content={element.get('content')!r}>")
    return gevonden


def test_tekst_uit_gegevens_en_voorkant_wordt_nergens_script_of_opmaak(vijandige_bouw):
    """Elke tekst uit TEKST_AANVALLEN in één kopie (conftest.vijandige_bouw; de browsertest leest dezelfde site)."""
    site = vijandige_bouw.site
    resultaat = vijandige_bouw.bouw
    assert resultaat.returncode == 0, (resultaat.stdout + resultaat.stderr)[-3000:]
    fouten = {}
    for html in sorted(site.rglob("*.html")):
        gevonden = _scripts_en_handlers(html.read_text(encoding="utf-8"))
        if gevonden:
            fouten[html.relative_to(site).as_posix()] = gevonden[:4]
    assert not fouten, f"script of opmaak uit tekst in {len(fouten)} bestanden: {dict(list(fouten.items())[:6])}"

    from bs4 import BeautifulSoup

    casus = BeautifulSoup((site / "casussen/begeleidingsbehoefte-en-regime/index.html").read_text(encoding="utf-8"),
                          "html.parser")
    assert casus.title.get_text().startswith(SCRIPT_TITEL + " - "), casus.title
    assert casus.h1.get_text().strip().startswith(SCRIPT_TITEL), casus.h1
    over = BeautifulSoup((site / "over/index.html").read_text(encoding="utf-8"), "html.parser")
    assert over.title.get_text().startswith("Over</title><script>window.XSS2=1</script>"), over.title
    assert over.find("meta", attrs={"name": "description"})["content"].startswith('x"><script>window.XSS3=1'), over
    begrippen = BeautifulSoup((site / "begrippen/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "<script>window.XSS5=1</script> [klik](javascript:window.XSS5b=1) {: onclick=window.XSS5c=1 }" in \
        begrippen.get_text(), "de uitleg van het begrip staat er niet letterlijk"


def test_wijzigingen_met_html_link_of_kenmerk_geven_een_melding_met_regel(tmp_path):
    from jobcoach import Bestandsfout
    from leidraadsite.inhoud.wijzigingen import wijzigingen_markdown

    pad = tmp_path / "CHANGELOG.md"
    goed = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").rstrip("\n")
    regel = goed.count("\n") + 2
    pad.write_text(goed + "\n- <script>window.XSS=1</script> `<b>` is code\n- [klik](javascript:alert(1))\n"
                   "- tekst {: onclick=alert(1) }\n", encoding="utf-8")
    with pytest.raises(Bestandsfout) as fout:
        wijzigingen_markdown(pad)
    meldingen = [str(p) for p in fout.value.problemen]
    assert len(meldingen) == 3, meldingen
    assert meldingen[0].endswith(f"CHANGELOG.md:{regel}: HTML (<…>) kan niet in de wijzigingen; schrijf gewone tekst "
                                 "(zet een naam of teken eventueel tussen `…`)"), meldingen
    assert f"CHANGELOG.md:{regel + 1}: een link ([…](…)) kan niet" in meldingen[1], meldingen
    assert f"CHANGELOG.md:{regel + 2}: een kenmerk ({{: … }}) kan niet" in meldingen[2], meldingen
    pad.write_text(goed + "\n- `<b>` en `{: x }` tussen backticks zijn code\n", encoding="utf-8")
    assert "`<b>` en `{: x }`" in wijzigingen_markdown(pad)


@pytest.mark.parametrize("veld", ["term", "afkorting", "hover", "ook"])
def test_begrip_met_html_bij_aanwijzen_wordt_geweigerd(veld):
    from pydantic import ValidationError

    from leidraadsite.inhoud.begrippen import Begrip

    gegevens = {"term": "Loonwaarde", "afkorting": "LW", "uitleg": "Wat iemand met zijn werk waard is."}
    gegevens[veld] = ["LW<img src=x onerror=alert(1)>"] if veld == "ook" else "LW<img src=x onerror=alert(1)>"
    with pytest.raises(ValidationError, match="mag geen < gevolgd door een letter"):
        Begrip.model_validate(gegevens)
    gegevens[veld] = ["a < b"] if veld == "ook" else "Loonwaarde a < b"  # een < met een spatie is gewone tekst
    Begrip.model_validate(gegevens)


def test_bouw_weigert_links_naar_buiten_en_script_in_docs(project, tmp_path):
    buiten = tmp_path / "buiten"
    buiten.mkdir()
    (buiten / "geheim.txt").write_text("GEHEIM-456\n", encoding="utf-8")
    (project / "docs" / "binnen.txt").symlink_to(project / "docs" / "index.md")  # binnen het project: mag
    for pad, maker, _ in BESTAND_AANVALLEN:
        maker(project / pad, buiten)
    resultaat = mkdocs_build(project, tmp_path / "site")
    uitvoer = resultaat.stdout + resultaat.stderr
    assert resultaat.returncode != 0, "de bouw had moeten stoppen"
    assert "Bestanden die de site niet publiceert; de site wordt niet gebouwd:" in uitvoer, uitvoer[-3000:]
    for pad, _, melding in BESTAND_AANVALLEN:
        regels = [r for r in uitvoer.splitlines() if r.startswith(f"{pad}:")]
        assert regels and melding in regels[0], f"{pad}: verwacht '{melding}' in {regels or uitvoer[-2000:]}"
    assert "binnen.txt" not in uitvoer
    assert "GEHEIM-456" not in uitvoer and "Traceback" not in uitvoer
    assert not (tmp_path / "site" / "hostnaam.txt").exists()
