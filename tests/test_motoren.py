"""De kern van de site hangt niet van de bouwer af: geen inhoud die alleen een hook of plugin van MkDocs maakt.

- Een fout in een macro (een casusnaam met een tikfout) laat de bouw stoppen, met bestand, regel en casus, ook als
  ``mkdocs.yml`` geen enkele hook laadt (zoals onder Zensical, dat hooks overslaat).
- De tabellen uit de macro's zet een Markdown-extensie terug (``leidraadsite.weergave.htmlblok``), niet een hook; een
  merkteken dat blijft staan, vindt de controle na de bouw (``python -m leidraadsite.nabouw``).
"""

from __future__ import annotations

import functools
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, mkdocs_build, vervang_precies_een_keer


def zonder_hooks(config: Path) -> None:
    """Haal alle hooks en de plugin van de site uit ``mkdocs.yml``: de kern moet ook zonder goed zijn (zoals onder
    Zensical, dat hooks en onbekende plugins overslaat)."""
    tekst = config.read_text(encoding="utf-8")
    zonder = re.sub(r"^hooks:\n(?:(?:[ #].*)?\n)*", "", tekst, flags=re.M)
    zonder = re.sub(r"^  - jobcoach\n", "", zonder, flags=re.M)
    assert "hooks:" not in zonder and "src/leidraadsite/hooks/" not in zonder and "- jobcoach\n" not in zonder, \
        "mkdocs.yml laadt nog een hook of de plugin van de site"
    assert zonder != tekst, "mkdocs.yml laadt geen hook en geen plugin van de site meer op de verwachte plek"
    config.write_text(zonder, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Een fout in een macro stopt de bouw, met en zonder hooks
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("hooks", ["met hooks", "zonder hooks"])
def test_tikfout_in_casusnaam_laat_de_bouw_falen(project: Path, tmp_path: Path, hooks: str) -> None:
    if hooks == "zonder hooks":
        zonder_hooks(project / "mkdocs.yml")
    pagina = project / "docs/casussen/zo-rekent-de-site.md"
    oud = "{% set c = casus('begeleidingsbehoefte-en-regime') %}"
    regel = pagina.read_text(encoding="utf-8").splitlines().index(oud) + 1
    vervang_precies_een_keer(pagina, oud, "{% set c = casus('begeleidingsbehoefte-en-regiem') %}")
    uit = mkdocs_build(project, tmp_path / "site")
    melding = uit.stdout + uit.stderr
    assert uit.returncode != 0, f"{hooks}: de bouw slaagde met een onbekende casus:\n{melding[-2000:]}"
    assert f"docs/casussen/zo-rekent-de-site.md:{regel}: Casus 'begeleidingsbehoefte-en-regiem' bestaat niet" \
        in melding, melding[-3000:]
    assert "Traceback" not in melding, melding[-3000:]


def test_onbekende_naam_zonder_hooks_noemt_bestand_en_regel(project: Path, tmp_path: Path) -> None:
    zonder_hooks(project / "mkdocs.yml")
    pagina = project / "docs/casussen/zo-rekent-de-site.md"
    regels = pagina.read_text(encoding="utf-8").splitlines()
    regel = next(i for i, r in enumerate(regels, start=1) if r.startswith("Het totaal is de som"))
    vervang_precies_een_keer(pagina, "Het totaal is de som", "Het totaal {{ c.onbekend }} is de som")
    uit = mkdocs_build(project, tmp_path / "site")
    melding = uit.stdout + uit.stderr
    assert uit.returncode != 0, melding[-2000:]
    assert f"docs/casussen/zo-rekent-de-site.md:{regel}: onbekende naam 'onbekend'" in melding, melding[-3000:]


# ---------------------------------------------------------------------------------------------
# Tabellen uit de macro's: een Markdown-extensie, geen hook
# ---------------------------------------------------------------------------------------------


def _md(tekst: str, *extensies: str) -> str:
    return markdown.markdown(tekst, extensions=["pymdownx.superfences", *extensies])


def test_htmlblok_zet_de_html_ongewijzigd_terug() -> None:
    from leidraadsite.weergave.htmlblok import merkteken

    html = '<table><tr><td data-x="1">*geen nadruk* [geen](link)</td></tr></table>'
    uit = _md(f"Tekst.\n\n{merkteken(html)}\n\nMeer tekst.", "leidraadsite.weergave.htmlblok")
    assert html in uit, uit
    assert "<p><table>" not in uit and "jobcoach-html" not in uit, uit


def test_htmlblok_in_een_codeblok_geeft_een_fout() -> None:
    from leidraadsite.weergave.htmlblok import MerktekenFout, merkteken

    with pytest.raises(MerktekenFout, match="codeblok"):
        _md(f"```text\n{merkteken('<table></table>')}\n```\n", "leidraadsite.weergave.htmlblok")


def test_zonder_de_extensie_blijft_het_merkteken_staan_en_ziet_de_controle_het(tmp_path: Path) -> None:
    from leidraadsite.weergave.htmlblok import merkteken

    uit = _md(f"Tekst.\n\n{merkteken('<table></table>')}\n")
    assert "<table>" not in uit, uit
    site = tmp_path / "site"
    (site / "casussen/x").mkdir(parents=True)
    (site / "casussen/x/index.html").write_text(f"<html><head></head><body>{uit}</body></html>", encoding="utf-8")
    (site / "index.html").write_text("<html><head></head><body><p>goed</p></body></html>", encoding="utf-8")
    proces = subprocess.run([sys.executable, "-m", "leidraadsite.nabouw", "--alleen-controle", str(site)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proces.returncode != 0, proces.stdout + proces.stderr
    assert "casussen/x/index.html" in proces.stderr and "merkteken" in proces.stderr, proces.stderr
    assert "Traceback" not in proces.stderr, proces.stderr


def test_de_gebouwde_site_heeft_geen_merktekens(site: Path) -> None:
    for pagina in site.rglob("*.html"):
        assert "jobcoach-html" not in pagina.read_text(encoding="utf-8"), pagina.relative_to(site)


def test_zonder_hooks_staan_alle_tabellen_er(project: Path, tmp_path: Path, site: Path) -> None:
    """Zonder één hook (zoals onder Zensical) heeft elke pagina dezelfde tabellen als de gewone bouw, en er blijft
    geen merkteken staan."""
    zonder_hooks(project / "mkdocs.yml")
    uit = mkdocs_build(project, tmp_path / "site")
    assert uit.returncode == 0, uit.stderr[-3000:]
    paginas = sorted(p.relative_to(site) for p in site.rglob("index.html") if p.parts[-2] != "printversie")
    met_tabellen = 0
    for pagina in paginas:
        zonder_tekst = (tmp_path / "site" / pagina).read_text(encoding="utf-8")
        assert "jobcoach-html" not in zonder_tekst, f"{pagina}: merkteken blijft staan zonder hooks"

        def tabellen(tekst: str) -> list[str]:
            soep = _artikel(tekst)
            if soep is None:
                return []
            return [re.sub(r"\s+", " ", t.get_text(" ")) for t in soep.find_all(["table", "svg"])]

        met = tabellen((site / pagina).read_text(encoding="utf-8"))
        assert tabellen(zonder_tekst) == met, f"{pagina}: tabellen verschillen zonder hooks"
        met_tabellen += bool(met)
    assert met_tabellen >= 8, f"maar {met_tabellen} pagina's met tabellen"
    # Met de stap na de bouw (zoals make build hem altijd zet) is het dezelfde site: downloads, CSP, labels, tekst.
    na = subprocess.run([sys.executable, "-m", "leidraadsite.nabouw", str(tmp_path / "site"), "-f",
                         str(project / "mkdocs.yml")], capture_output=True, text=True, cwd=project, timeout=300)
    assert na.returncode == 0, na.stderr[-3000:]
    verschil = _verschillen(site, tmp_path / "site")
    assert not verschil, "zonder de plugin van de site:\n" + "\n".join(f"- {k}: {v}" for k, v in verschil.items())


# ---------------------------------------------------------------------------------------------
# Drie bouwers, één site (alleen met -m motoren: make motoren; bouwt de site met ProperDocs en Zensical)
# ---------------------------------------------------------------------------------------------

# Verschillen die we kennen en (nog) accepteren, per bouwer: (soort of pagina, soort) -> (datum, reden). Elk ander
# verschil laat de test falen. Een uitzondering die niet meer nodig is, ook: haal haar dan weg.
UITZONDERINGEN: dict[str, dict[str, tuple[str, str]]] = {
    "properdocs": {},
    "zensical": {
        "printversie": ("2026-12-07", "Zensical 0.0.73 draait geen plugins, dus ook mkdocs-print-site-plugin niet: geen "
                                      "printversie en geen PDF (make build MOTOR=zensical meldt dat); de link 'Download "
                                      "als PDF' op elke pagina wijst dan naar een bestand dat er niet is"),
        "zoekindex": ("2026-12-07", "Zensical heeft een eigen zoekfunctie (search.json), Engels, zonder Nederlandse "
                                    "stemming; zoeken_nl en de instelling lang: nl werken daar niet"),
    },
}

MOTOREN = {
    "properdocs": [".venv-properdocs/bin/python", "-m", "properdocs", "build", "--strict", "-f", "{config}", "-d", "{site}"],
    "zensical": [".venv-zensical/bin/zensical", "build", "--strict", "--clean", "-f", "{config}"],
}


def _bouw_met(motor: str, project: Path, doel: Path) -> float:
    """Bouw ``project`` met ``motor`` naar ``doel`` plus de stap na de bouw; geeft de tijd van de bouw (s)."""
    import os
    import shutil
    import time

    python = ROOT / f".venv-{motor}/bin/python"
    assert python.is_file(), f"{python} ontbreekt; start de vergelijking met make motoren"
    config = project / "mkdocs.yml"
    gebouwd = project / "site" if motor == "zensical" else doel  # Zensical kent geen -d en bouwt alleen in het project
    opdracht = [str(ROOT / d) if d.startswith(".venv") else d.format(config=config, site=doel) for d in MOTOREN[motor]]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "")}
    env = {k: v for k, v in env.items() if v != ""}
    begin = time.perf_counter()
    uit = subprocess.run(opdracht, cwd=project, capture_output=True, text=True, env=env, timeout=900)
    duur = time.perf_counter() - begin
    assert uit.returncode == 0, f"{motor}: de bouw faalde:\n{uit.stdout[-3000:]}\n{uit.stderr[-3000:]}"
    if gebouwd != doel:
        shutil.move(gebouwd, doel)
    na = subprocess.run([str(python), "-m", "leidraadsite.nabouw", str(doel), "-f", str(project / "mkdocs.yml")],
                        cwd=project, capture_output=True, text=True, env=env, timeout=300)
    assert na.returncode == 0, f"{motor}: na de bouw:\n{na.stderr[-3000:]}"
    shutil.rmtree(project / ".cache", ignore_errors=True)
    return duur


def _artikel(tekst: str):
    """Het element <article> van een gebouwde pagina (of None). Alleen dat stuk wordt gelezen: het menu eromheen is
    groter dan de inhoud, en elke pagina lezen met BeautifulSoup was het grootste deel van deze tests."""
    begin, einde = tekst.find("<article"), tekst.rfind("</article>")
    if begin < 0 or einde < begin:
        return None
    return BeautifulSoup(tekst[begin:einde + len("</article>")], "html.parser").select_one("article")


CSP_META = re.compile(r"<meta\s[^>]*http-equiv=[\"']?Content-Security-Policy", re.I)


def _inhoud(pad: Path) -> dict[str, object]:
    """De hoofdinhoud van een gebouwde pagina, zoals een lezer hem ziet (niet het thema eromheen)."""
    stat = pad.stat()
    return _inhoud_van(str(pad), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=512)  # de site van MkDocs wordt per run één keer gelezen, ook als meer tests vergelijken
def _inhoud_van(pad: str, _mtime: int, _grootte: int) -> dict[str, object]:
    tekst = Path(pad).read_text(encoding="utf-8")
    kop = tekst[: max(tekst.find("</head>"), 0)]
    csp = CSP_META.search(kop) is not None
    artikel = _artikel(tekst)
    if artikel is None:
        return {"artikel": "ontbreekt", "csp": csp}
    wijzig = artikel.select_one("a[rel=edit]") is not None
    for weg in artikel.select("a.headerlink, script, .md-content__button, .pagina-voet__wijzig"):
        weg.decompose()

    def tekst(el) -> str:
        return re.sub(r"\s+", " ", el.get_text(" ")).strip() if el is not None else ""

    return {
        "csp": csp,
        "wijzig": wijzig,
        "tekst": tekst(artikel),
        "tabellen": [re.sub(r"\s+", " ", str(t)) for t in artikel.find_all("table")],
        "labels": len(artikel.select("td[data-label], th[data-label]")),
        "figuren": [tekst(f) for f in artikel.find_all(["svg", "figure"])],
        "tijdvak": tekst(artikel.select_one(".pagina-status__tijdvak")),
        "status": tekst(artikel.select_one(".pagina-status")),
        "voet": tekst(artikel.select_one(".pagina-voet")),
        "downloadlinks": sorted(posixpath.normpath(a.get("href", "")) for a in artikel.select("a[download]")),
    }


def _verschillen(site: Path, ander: Path) -> dict[str, str]:
    """Per pagina en soort: wat anders is in ``ander`` dan in de site van MkDocs."""
    verschil: dict[str, str] = {}
    for pagina in sorted(site.rglob("index.html")):
        rel = pagina.relative_to(site).as_posix()
        if rel.startswith(("printversie/", "assets/", "search/")):
            continue
        doel = ander / rel
        if not doel.is_file():
            verschil[f"{rel}: pagina"] = "ontbreekt"
            continue
        a, b = _inhoud(pagina), _inhoud(doel)
        for sleutel in a:
            if a[sleutel] != b.get(sleutel):
                if sleutel == "wijzig":  # een link van het thema op elke pagina: één verschil voor de hele site
                    verschil["wijzig-link"] = "geen link 'Wijzig deze pagina'"
                    continue
                verschil[f"{rel}: {sleutel}"] = f"MkDocs {str(a[sleutel])[:300]!r} <> {str(b.get(sleutel))[:300]!r}"
    for soort, pad in (("printversie", "printversie/index.html"), ("404", "404.html")):
        if (site / pad).is_file() and not (ander / pad).is_file():
            verschil[soort] = "ontbreekt"
    downloads = site / "sjablonen/downloads"
    for bestand in sorted(downloads.iterdir()):
        anders = ander / "sjablonen/downloads" / bestand.name
        if not anders.is_file():
            verschil[f"download {bestand.name}"] = "ontbreekt"
        elif bestand.suffix != ".docx" and anders.read_bytes() != bestand.read_bytes():
            verschil[f"download {bestand.name}"] = "andere inhoud"
    zoek = site / "search/search_index.json"
    if zoek.is_file() and not (ander / "search/search_index.json").is_file():
        verschil["zoekindex"] = "geen zoekindex van Material (search/search_index.json)"
    return verschil


@pytest.mark.motoren
@pytest.mark.parametrize("motor", ["properdocs", "zensical"])
def test_elke_bouwer_geeft_dezelfde_site(motor: str, site: Path, tmp_path: Path) -> None:
    from conftest import kopieer_project

    project = kopieer_project(tmp_path / "project")
    duur = _bouw_met(motor, project, tmp_path / "site")
    verschil = _verschillen(site, tmp_path / "site")
    uitzonderingen = UITZONDERINGEN[motor]
    onverwacht = {k: v for k, v in verschil.items() if k not in uitzonderingen}
    over = sorted(set(uitzonderingen) - set(verschil))
    print(f"\n{motor}: bouw {duur:.1f} s; {len(verschil)} verschillen, waarvan {len(onverwacht)} onverwacht")
    assert not onverwacht, f"{motor}: verschillen met MkDocs:\n" + "\n".join(f"- {k}: {v}" for k, v in onverwacht.items())
    assert not over, f"{motor}: uitzonderingen die niet meer nodig zijn: {over}"


@pytest.mark.motoren
@pytest.mark.parametrize("motor", ["properdocs", "zensical"])
def test_tikfout_in_casusnaam_laat_elke_bouwer_falen(motor: str, project: Path, tmp_path: Path) -> None:
    pagina = project / "docs/casussen/zo-rekent-de-site.md"
    oud = "{% set c = casus('begeleidingsbehoefte-en-regime') %}"
    regel = pagina.read_text(encoding="utf-8").splitlines().index(oud) + 1
    vervang_precies_een_keer(pagina, oud, "{% set c = casus('begeleidingsbehoefte-en-regiem') %}")
    opdracht = [str(ROOT / d) if d.startswith(".venv") else d.format(config=project / "mkdocs.yml", site=tmp_path / "s")
                for d in MOTOREN[motor]]
    uit = subprocess.run(opdracht, cwd=project, capture_output=True, text=True, timeout=900,
                         env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
    melding = uit.stdout + uit.stderr
    assert uit.returncode != 0, f"{motor}: de bouw slaagde met een onbekende casus:\n{melding[-2000:]}"
    assert f"docs/casussen/zo-rekent-de-site.md:{regel}: Casus 'begeleidingsbehoefte-en-regiem' bestaat niet" \
        in melding, melding[-3000:]


# ---------------------------------------------------------------------------------------------
# ProperDocs: de versiecontrole van de aanpassingen kijkt naar de bouwer die draait
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("properdocs", "goed"), [("1.6.7", True), ("1.6.7.1", True), ("1.7.0", False)])
def test_aanpassingen_controleren_de_versie_van_properdocs_als_die_draait(monkeypatch, properdocs, goed) -> None:
    import types
    from importlib import metadata

    from mkdocs.exceptions import PluginError

    from leidraadsite import aanpassingen

    motor = types.ModuleType("properdocs")  # ProperDocs zet zichzelf ook onder de naam mkdocs
    monkeypatch.setitem(sys.modules, "properdocs", motor)
    monkeypatch.setitem(sys.modules, "mkdocs", motor)
    versies = {"properdocs": properdocs, "mkdocs": "0.0.0"}  # een mkdocs die niet past: telt niet mee
    monkeypatch.setattr(metadata, "version", lambda pakket: versies[pakket])
    monkeypatch.delenv(aanpassingen.SCHAKELAAR, raising=False)
    assert aanpassingen.motor() == "properdocs"
    if goed:
        assert aanpassingen.aan("thema-bytecode") is True
    else:
        with pytest.raises(PluginError, match=f"getest met properdocs 1.6.7, maar {properdocs} is"):
            aanpassingen.aan("thema-bytecode")
