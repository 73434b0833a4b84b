#!/usr/bin/env python3
"""Prestatiemeting van de sitebouw: ``make bench``.

Wat het script doet, per aantal casussen N (standaard 10, 100 en 1000):

1. een tijdelijke kopie van het project maken, met N synthetische (maar geldige) casussen en voor
   elke casus een pagina die de echte macro's aanroept; de pagina's staan in navigatiesecties van
   25 (en blokken van 10 secties) en de navigatie wordt gesnoeid (``navigation.prune``);
2. de site één keer bouwen met een haak die de Markdown na de macro's bewaart; daaruit komt een
   'statische' variant: dezelfde pagina's met de tabellen al ingevuld, zonder macro-plugin;
3. beide varianten om en om bouwen (``--herhalingen`` keer) en per bouw de tijd (wand en CPU),
   het piekgeheugen, de grootte van de site en van de zoekindex meten.

Daarna meet het script de echte site (bouwtijd, en de startpagina in Chromium: alle bytes die de
browser ophaalt, ook gecomprimeerd) en ``mkdocs serve`` bij de grootste N: hoe lang duurt het na het
wijzigen van een casusbestand tot de pagina het nieuwe getal toont?

Voortgang staat op stderr, een samenvatting op stdout. De uitkomsten gaan naar een JSON-bestand
(standaard ``docs/prestaties/resultaten.json``); de pagina Prestaties toont ze.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import html
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from urllib.parse import urlparse

import yaml
from jinja2 import FileSystemBytecodeCache

ROOT = Path(__file__).resolve().parent.parent
from tools import synthetisch
from leidraadsite.nabouw.chromium import CHROMIUM, CHROMIUM_VLAGGEN, bestandsserver

from jobcoach import Bestandsfout, bereken, laad_casus, laad_regels
from jobcoach.opmaak import getal, uren
from leidraadsite.inhoud.config import lees_mkdocs_yml
from leidraadsite.inhoud.prestaties import (
    Bestand,
    Bouw,
    Doelen,
    Fasen,
    Machine,
    Resultaten,
    Schaalmeting,
    ServeMeting,
    Startpagina,
    Tijden,
    doeluitkomsten,
    laad_resultaten,
)

GROEPSGROOTTE = 25  # casuspagina's per navigatiesectie
BLOKGROOTTE = 10  # secties per blok, als er meer dan zoveel secties zijn
GZIP_NIVEAU = 6  # het gangbare niveau van een webserver (nginx gzip_comp_level, Apache mod_deflate)
SEED = 20111108
NIET_KOPIEREN = shutil.ignore_patterns(
    ".git", ".venv*", "site", "__pycache__", ".pytest_cache", "*.egg-info", "build", "artefacten", "tests"
)

# De doelen uit issue 8. Ze staan in het resultatenbestand, zodat de pagina ze naast de metingen toont.
DOELEN = Doelen(
    n_groot=1000,
    verhouding_live_statisch_max=1.15,
    bouw_groot_max_s=10.0,
    groei_per_pagina_max=1.25,
    echte_site_max_s=3.0,
    serve_max_s=2.0,
    startpagina_max_kb=250.0,
    zoekindex_spreiding_max=1.25,
)


class BenchFout(Exception):
    """Een meting lukt niet; de melding zegt waarom."""


def meld(tekst: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {tekst}", file=sys.stderr, flush=True)


def s(seconden: float) -> str:
    return f"{getal(seconden, 2)} s"


# --------------------------------------------------------------------------------------------
# Bouwen en meten
# --------------------------------------------------------------------------------------------


def omgeving() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def bouw(project: Path, config: str, doel: Path) -> tuple[float, float, float]:
    """Bouw streng; geef (wandtijd, CPU-tijd, piekgeheugen in MB) van het kindproces."""
    if doel.exists():
        shutil.rmtree(doel)
    log = project / f".bouw-{config}.log"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(doel)]
    with open(log, "wb") as uit:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, stdout=uit, stderr=subprocess.STDOUT, env=omgeving())
        _, status, gebruik = os.wait4(proc.pid, 0)
        wand = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        staart = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchFout(f"mkdocs build -f {config} faalde (code {proc.returncode}) in {project}:\n{staart}")
    return wand, gebruik.ru_utime + gebruik.ru_stime, gebruik.ru_maxrss / 1024


def tijden(waarden: list[float]) -> Tijden:
    return Tijden(min_s=round(min(waarden), 3), mediaan_s=round(statistics.median(waarden), 3),
                  alle_s=[round(w, 3) for w in waarden])


_ARTIKEL = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_WIT = re.compile(r"\s+")


def site_maten(site: Path) -> dict[str, int]:
    """Grootte van de hele site, van de zoekindex, en van de leesbare tekst van alle pagina's."""
    totaal = tekst = paginas = 0
    for pad in site.rglob("*"):
        if not pad.is_file():
            continue
        totaal += pad.stat().st_size
        if pad.name == "index.html":
            paginas += 1
            gevonden = _ARTIKEL.search(pad.read_text(encoding="utf-8"))
            if gevonden:
                schoon = _TAG.sub(" ", _SCRIPT.sub(" ", gevonden.group(1)))
                tekst += len(_WIT.sub(" ", html.unescape(schoon)).strip().encode("utf-8"))
    index = site / "search" / "search_index.json"
    if not index.is_file():
        raise BenchFout(f"geen zoekindex gevonden in {site}")
    return {"site_bytes": totaal, "zoekindex_bytes": index.stat().st_size, "tekst_bytes": tekst, "paginas": paginas}


def meet_bouw(project: Path, config: str, doel: Path, herhalingen: int, naam: str) -> Bouw:
    wand, cpu, geheugen = [], [], []
    for i in range(herhalingen):
        w, c, m = bouw(project, config, doel)
        wand.append(w), cpu.append(c), geheugen.append(m)
        meld(f"  {naam} {i + 1}/{herhalingen}: {s(w)} (CPU {s(c)}, {getal(m, 0)} MB)")
    return Bouw(wand=tijden(wand), cpu=tijden(cpu), piekgeheugen_mb=round(max(geheugen), 1), **site_maten(doel))


# --------------------------------------------------------------------------------------------
# Het proefproject
# --------------------------------------------------------------------------------------------


def lees_config(pad: Path) -> dict:
    return lees_mkdocs_yml(pad.read_text(encoding="utf-8")) or {}


def is_macros(plugin: object) -> bool:
    return plugin == "macros" or (isinstance(plugin, dict) and "macros" in plugin)




def navigatiegroepen(paginas: list[str]) -> list[dict]:
    """Casuspagina's in secties van ``GROEPSGROOTTE``; meer dan ``BLOKGROOTTE`` secties gaan in blokken.

    Met ``navigation.prune`` toont elke pagina alleen de kopjes van de blokken, de secties in het eigen
    blok en de pagina's in de eigen sectie. Zo blijft de navigatie per pagina klein, ook bij 1000
    casussen. Elk item in de navigatie kost bij elke pagina rendertijd in het thema.
    """
    items: list[tuple[int, int, object]] = [(i + 1, i + 1, pad) for i, pad in enumerate(paginas)]
    eerste_laag = True
    grootte = GROEPSGROOTTE
    while eerste_laag or len(items) > BLOKGROOTTE:
        groepen = []
        for start in range(0, len(items), grootte):
            deel = items[start : start + grootte]
            van, tot = deel[0][0], deel[-1][1]
            kinderen = [
                {f"Proefcasus {a}": inhoud} if eerste_laag else {f"Casussen {a}–{b}": inhoud}
                for a, b, inhoud in deel
            ]
            groepen.append((van, tot, kinderen))
        items, eerste_laag, grootte = groepen, False, BLOKGROOTTE
    return [{f"Casussen {a}–{b}": inhoud} for a, b, inhoud in items]


def kopieer_project(doel: Path) -> Path:
    """Kopie van het project. Is het resultatenbestand ongeldig (eerste meting, of het formaat is
    veranderd), dan laat de kopie de pagina Prestaties weg: die kan dan niet gebouwd worden."""
    shutil.copytree(ROOT, doel, ignore=NIET_KOPIEREN)
    try:
        laad_resultaten(doel / "docs" / "prestaties" / "resultaten.json")
    except Bestandsfout as fout:
        config = doel / "mkdocs.yml"
        tekst = config.read_text(encoding="utf-8")
        regel = "  - Prestaties: prestaties.md\n"
        if regel not in tekst:
            raise BenchFout(f"resultatenbestand ongeldig en '{regel.strip()}' niet gevonden in mkdocs.yml") from None
        config.write_text(tekst.replace(regel, ""), encoding="utf-8")
        (doel / "docs" / "prestaties.md").unlink()
        meld(f"let op: resultatenbestand ongeldig ({fout.problemen[0]}); de kopie bouwt zonder de pagina Prestaties")
    return doel


def maak_project(werkmap: Path, n: int) -> tuple[Path, list[str]]:
    """Kopie van het project met ``n`` synthetische casussen en drie configuraties.

    - ``mkdocs.bench.yml``: de echte configuratie plus de casuspagina's (live, met macro's);
    - ``mkdocs.dump.yml``: idem, plus een haak die de Markdown na de macro's bewaart;
    - ``mkdocs.statisch.yml``: de bewaarde Markdown, zonder macro-plugin.
    """
    project = kopieer_project(werkmap / f"n{n}")
    paginas = synthetisch.schrijf_casussen(project, n, seed=SEED)
    basis = lees_config(project / "mkdocs.yml")

    nav = list(basis.get("nav") or []) + [{"Proefcasussen": navigatiegroepen(paginas)}]

    thema = basis.get("theme", {})
    thema = {"name": thema} if isinstance(thema, str) else dict(thema)
    functies = list(thema.get("features") or [])
    if "navigation.prune" not in functies:
        functies.append("navigation.prune")
    haken = list(basis.get("hooks") or [])
    plugins = list(basis.get("plugins") or [])
    if not any(is_macros(p) for p in plugins):
        raise BenchFout("de macro-plugin staat niet in mkdocs.yml; dan valt er niets te vergelijken")

    def schrijf(naam: str, gegevens: dict) -> None:
        (project / naam).write_text(yaml.safe_dump(gegevens, allow_unicode=True, sort_keys=False), encoding="utf-8")

    schrijf("mkdocs.bench.yml", {"INHERIT": "mkdocs.yml", "nav": nav, "theme": {"features": functies}})
    schrijf("mkdocs.dump.yml", {"INHERIT": "mkdocs.bench.yml",
                                "hooks": haken + [str(Path(__file__).with_name("markdown_bewaren.py"))]})
    schrijf(
        "mkdocs.statisch.yml",
        {
            "INHERIT": "mkdocs.bench.yml",
            "docs_dir": "docs-statisch",
            "plugins": [p for p in plugins if not is_macros(p)],
        },
    )
    return project, paginas


def maak_statisch(project: Path) -> None:
    """Zet de bewaarde Markdown (na de macro's) in ``docs-statisch``, naast de andere bestanden van docs/."""
    bron, dump, doel = project / "docs", project / "_dump", project / "docs-statisch"
    shutil.copytree(bron, doel)
    origineel = sorted(p.relative_to(bron) for p in bron.rglob("*.md"))
    bewaard = sorted(p.relative_to(dump) for p in dump.rglob("*.md"))
    if origineel != bewaard:
        ontbreekt = sorted(set(map(str, origineel)) - set(map(str, bewaard)))
        raise BenchFout(f"de dump mist pagina's: {', '.join(ontbreekt[:10])}")
    for rel in bewaard:
        shutil.copyfile(dump / rel, doel / rel)


def meet_fasen(project: Path, n: int) -> Fasen:
    """Eén extra bouw met tools/fasen.py: CPU-tijd per fase van de bouw."""
    meld(f"N={n}: bouw met meting per fase")
    uit = project / "_fasen.json"
    cmd = [sys.executable, str(ROOT / "tools" / "fasen.py"), str(uit), "--", "build", "--strict", "-q", "-f",
           "mkdocs.bench.yml", "-d", str(project / "_fasen-site")]
    resultaat = subprocess.run(cmd, cwd=project, capture_output=True, text=True, env=omgeving())
    if resultaat.returncode != 0:
        raise BenchFout(f"bouw met meting per fase faalde:\n{resultaat.stdout[-2000:]}{resultaat.stderr[-2000:]}")
    shutil.rmtree(project / "_fasen-site")
    return Fasen(n=n, cpu_s=json.loads(uit.read_text(encoding="utf-8")))


def vergelijk_inhoud(live: Path, statisch: Path) -> int:
    """Controleer dat live en statisch dezelfde pagina-inhoud geven; geef het aantal vergeleken pagina's."""
    aantal = 0
    for pagina in sorted(live.rglob("index.html")):
        andere = statisch / pagina.relative_to(live)
        a = _ARTIKEL.search(pagina.read_text(encoding="utf-8"))
        b = _ARTIKEL.search(andere.read_text(encoding="utf-8")) if andere.is_file() else None
        if a is None or b is None or _WIT.sub(" ", a.group(1)) != _WIT.sub(" ", b.group(1)):
            raise BenchFout(f"live en statisch verschillen op {pagina.relative_to(live)}: de vergelijking klopt niet")
        aantal += 1
    return aantal


def meet_schaal(werkmap: Path, n: int, herhalingen: int) -> tuple[Schaalmeting, Path]:
    meld(f"N={n}: project met {n} casussen maken")
    project, _ = maak_project(werkmap, n)
    meld(f"N={n}: voorbereidende bouw (Markdown na de macro's bewaren)")
    os.environ["JOBCOACH_BENCH_DUMP"] = str(project / "_dump")  # voor tools/markdown_bewaren.py
    bouw(project, "mkdocs.dump.yml", werkmap / "dump-site")
    shutil.rmtree(werkmap / "dump-site")
    maak_statisch(project)
    live_site, statisch_site = werkmap / f"site-n{n}-live", werkmap / f"site-n{n}-statisch"
    # Eén bouw zonder bewaarde Jinja-code (zoals de eerste bouw op een schone machine, bijvoorbeeld in CI).
    # Jinja's cachemap bevat alleen gecompileerde sjablonen; leegmaken kost andere bouwen hooguit één
    # keer compileren.
    FileSystemBytecodeCache().clear()
    koud_wand, koud_cpu, _ = bouw(project, "mkdocs.bench.yml", live_site)
    meld(f"N={n}: live zonder Jinja-cache: {s(koud_wand)} (CPU {s(koud_cpu)})")
    wand = {"live": [], "statisch": []}
    cpu = {"live": [], "statisch": []}
    geheugen = {"live": [], "statisch": []}
    # Om en om bouwen, zodat wisselende drukte op de machine beide varianten even hard raakt.
    for i in range(herhalingen):
        for variant, config, doel in (
            ("live", "mkdocs.bench.yml", live_site),
            ("statisch", "mkdocs.statisch.yml", statisch_site),
        ):
            w, c, m = bouw(project, config, doel)
            wand[variant].append(w), cpu[variant].append(c), geheugen[variant].append(m)
            meld(f"N={n}: {variant} {i + 1}/{herhalingen}: {s(w)} (CPU {s(c)}, {getal(m, 0)} MB)")
    metingen = {
        v: Bouw(wand=tijden(wand[v]), cpu=tijden(cpu[v]), piekgeheugen_mb=round(max(geheugen[v]), 1), **site_maten(d))
        for v, d in (("live", live_site), ("statisch", statisch_site))
    }
    vergeleken = vergelijk_inhoud(live_site, statisch_site)
    meld(f"N={n}: inhoud van live en statisch gelijk ({vergeleken} pagina's vergeleken)")
    for d in (live_site, statisch_site):
        shutil.rmtree(d)
    meting = Schaalmeting(n=n, live_koud_s=round(koud_wand, 3),
                          live_koud_cpu_s=round(koud_cpu, 3), **metingen)
    meld(
        f"N={n}: live {s(meting.live.wand.mediaan_s)}, statisch {s(meting.statisch.wand.mediaan_s)}, "
        f"verhouding {getal(meting.verhouding, 2)}"
    )
    return meting, project


# --------------------------------------------------------------------------------------------
# mkdocs serve
# --------------------------------------------------------------------------------------------


def vrije_poort() -> int:
    with socket.socket() as sok:
        sok.bind(("127.0.0.1", 0))
        return sok.getsockname()[1]


def haal(url: str, timeout: float = 120) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as antwoord:
            return antwoord.status, antwoord.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as fout:
        return fout.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wijzig_casus(pad: Path, stap: int) -> str:
    """Verhoog de uren van de eerste rij van de jobcoach; geef het nieuwe totaal zoals de pagina het toont."""
    gegevens = yaml.safe_load(pad.read_text(encoding="utf-8"))
    rij = next(r for r in gegevens["schema"] if r["door"] == "jobcoach")
    rij["uren"] = float(rij["uren"]) + 0.25 * stap
    # Het tijdelijke bestand staat buiten de bewaakte mappen: anders ziet serve twee wijzigingen.
    tijdelijk = pad.parent.parent / "_bench_tmp" / pad.name
    tijdelijk.parent.mkdir(exist_ok=True)
    tijdelijk.write_text(yaml.safe_dump(gegevens, allow_unicode=True, sort_keys=False), encoding="utf-8")
    verwacht = uren(bereken(laad_casus(tijdelijk, regels := laad_regels()), regels).begeleidingsuren)
    os.replace(tijdelijk, pad)
    return verwacht


@contextlib.contextmanager
def serve(project: Path, args: list[str], log: Path, *, make_serve: bool = False,
          env: dict[str, str] | None = None) -> Iterator[tuple[subprocess.Popen, str]]:
    """Start ``mkdocs serve`` (of met ``make_serve`` de voorvertoning van ``make serve``, ``leidraadsite.mkdocs.serve``)
    in ``project`` op een vrije poort; geef het proces en de basis-URL.

    Uitvoer gaat naar ``log``. Na afloop stopt het proces zoals bij Ctrl+C (en anders hard).
    """
    poort = vrije_poort()
    opdracht = ["leidraadsite.mkdocs.serve"] if make_serve else ["mkdocs", "serve"]
    cmd = [sys.executable, "-m", *opdracht, "-a", f"127.0.0.1:{poort}", *args]
    with open(log, "wb") as uit:
        proc = subprocess.Popen(cmd, cwd=project, stdout=uit, stderr=subprocess.STDOUT, env={**omgeving(), **(env or {})})
    try:
        yield proc, f"http://127.0.0.1:{poort}"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wacht_op(url: str, teken: str, proc: subprocess.Popen, log: Path, wachttijd: float) -> float:
    """Wacht tot ``url`` antwoordt (HTTP 200) met ``teken`` erin; geef hoe lang dat duurde.

    Stopt ``mkdocs serve`` onderweg, of duurt het langer dan ``wachttijd`` seconden, dan volgt een
    BenchFout met het eind van het logboek.
    """
    begin = time.perf_counter()
    while True:
        status, tekst = haal(url, timeout=5)
        if status == 200 and teken in tekst:
            return time.perf_counter() - begin
        if proc.poll() is not None:
            raise BenchFout(f"mkdocs serve stopte (code {proc.returncode}):\n" + log.read_text(errors="replace")[-3000:])
        if time.perf_counter() - begin > wachttijd:
            raise BenchFout(f"na {wachttijd:.0f} s staat {teken!r} nog niet op {url}:\n"
                            + log.read_text(errors="replace")[-3000:])
        time.sleep(0.05)


def meet_serve(project: Path, n: int, extra: list[str], modus: str, herhalingen: int,
               wachttijd: float = 300) -> ServeMeting:
    naam = synthetisch.naam(max(1, n // 2))
    log = project / f".serve-{modus}.log"
    meld(f"serve ({modus}, N={n}): starten")
    with serve(project, ["-f", "mkdocs.bench.yml", "--livereload", *extra], log) as (proc, basis):
        url = f"{basis}/proefcasussen/{naam}/"
        opstart = wacht_op(url, "", proc, log, 600)
        meld(f"serve ({modus}): eerste pagina na {s(opstart)}")
        time.sleep(1.0)  # laat de bestandswachter zijn eerste rondgang afmaken
        vertragingen = []
        for stap in range(1, herhalingen + 1):
            verwacht = wijzig_casus(project / "casussen" / f"{naam}.yml", stap)
            vertraging = wacht_op(url, f'<span class="meting-totaal">{verwacht}</span>', proc, log, wachttijd)
            vertragingen.append(round(vertraging, 3))
            meld(f"serve ({modus}): wijziging {stap}/{herhalingen} zichtbaar na {s(vertraging)}")
            time.sleep(1.0)
    return ServeMeting(modus=modus, opdracht=" ".join(["mkdocs", "serve", "--livereload", *extra]), n=n,
                       start_s=round(opstart, 3), vertraging_s=vertragingen)


# --------------------------------------------------------------------------------------------
# De startpagina in de browser
# --------------------------------------------------------------------------------------------


def soort_van(pad: str, type_: str) -> str:
    ext = pad.rsplit(".", 1)[-1].lower() if "." in pad.rsplit("/", 1)[-1] else ""
    if pad.endswith("search_index.json"):
        return "zoekindex"
    if type_ == "document" or ext == "html" or pad.endswith("/"):
        return "html"
    if ext == "css":
        return "css"
    if ext in {"js", "mjs"}:
        return "js"
    if ext in {"woff", "woff2", "ttf", "otf", "eot"}:
        return "lettertype"
    if ext in {"png", "svg", "ico", "jpg", "jpeg", "gif", "webp", "avif"}:
        return "afbeelding"
    return "overig"


def meet_startpagina(site: Path, tekst_bytes: int) -> Startpagina:
    """Laad de startpagina in Chromium en tel alle bytes die de browser ophaalt (ook gecomprimeerd)."""
    from playwright.sync_api import sync_playwright

    if shutil.which(CHROMIUM) is None:
        raise BenchFout(f"Chromium ontbreekt op {CHROMIUM}; voer tools/chromium.sh uit")
    verzoeken: list[tuple[str, str]] = []
    with bestandsserver(site) as basis, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_VLAGGEN)
        pagina = browser.new_page()
        pagina.on("request", lambda v: verzoeken.append((v.url, v.resource_type)))
        pagina.goto(basis + "/", wait_until="networkidle")
        pagina.wait_for_timeout(500)
        browser.close()
    vreemd = sorted({u for u, _ in verzoeken if urlparse(u).netloc != urlparse(basis).netloc
                     and not u.startswith(("data:", "blob:"))})
    if vreemd:
        raise BenchFout(f"de startpagina haalt iets van een andere host: {', '.join(vreemd)}")
    bestanden: dict[str, Bestand] = {}
    for url, type_ in verzoeken:
        if url.startswith(("data:", "blob:")):
            continue
        pad = urlparse(url).path
        bestand = site / pad.lstrip("/")
        if pad.endswith("/"):
            bestand = bestand / "index.html"
        if not bestand.is_file():
            continue  # bijvoorbeeld favicon.ico dat niet bestaat: er komt niets over
        inhoud = bestand.read_bytes()
        bestanden[pad] = Bestand(pad=pad, soort=soort_van(pad, type_), bytes=len(inhoud),
                                 gzip_bytes=len(gzip.compress(inhoud, compresslevel=GZIP_NIVEAU, mtime=0)))
    if not any(b.soort == "zoekindex" for b in bestanden.values()):
        raise BenchFout("de startpagina laadde geen zoekindex; klopt de meting nog?")
    return Startpagina(bestanden=sorted(bestanden.values(), key=lambda b: (b.soort, b.pad)),
                       gzip_niveau=GZIP_NIVEAU, tekst_bytes=tekst_bytes)


# --------------------------------------------------------------------------------------------
# Hoofdprogramma
# --------------------------------------------------------------------------------------------


def versies() -> dict[str, str]:
    uit = {"python": platform.python_version()}
    for pakket in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "pymdown-extensions",
                   "Jinja2", "PyYAML", "pydantic"):
        uit[pakket] = metadata.version(pakket)
    return uit


def samenvatting(res: Resultaten) -> str:
    regels = [
        "",
        f"Prestatiemeting {res.gemeten_op:%Y-%m-%d %H:%M} ({res.machine.cpus} cores, "
        f"belasting vooraf {getal(res.machine.belasting_voor, 1)}), {res.herhalingen} herhalingen",
        "",
        f"{'N':>6} {'pag.':>6} {'live min/med':>14} {'statisch med':>13} {'live/stat':>9} "
        f"{'ms/pag.':>8} {'marg. ms':>9} {'geheugen':>9} {'site':>9} {'zoekindex':>10}",
    ]
    for m, marginaal in zip(res.schaal, res.marginale_kosten_ms()):
        regels.append(
            f"{m.n:>6} {m.live.paginas:>6} {getal(m.live.wand.min_s, 2):>6} / {getal(m.live.wand.mediaan_s, 2):>5} "
            f"{getal(m.statisch.wand.mediaan_s, 2):>13} {getal(m.verhouding, 2):>9} "
            f"{getal(m.ms_per_pagina, 1):>8} {'' if marginaal is None else getal(marginaal, 1):>9} "
            f"{getal(m.live.piekgeheugen_mb, 0) + ' MB':>9} {getal(m.live.site_bytes / 1e6, 1) + ' MB':>9} "
            f"{getal(m.live.zoekindex_bytes / 1e6, 2) + ' MB':>10}"
        )
    e = res.echte_site
    regels += [
        "",
        f"Echte site: {e.paginas} pagina's, {getal(e.wand.min_s, 2)} / {getal(e.wand.mediaan_s, 2)} s "
        f"(min/mediaan), CPU {getal(e.cpu.mediaan_s, 2)} s, {getal(e.piekgeheugen_mb, 0)} MB",
    ]
    for sm in res.serve:
        regels.append(
            f"{sm.opdracht} (N={sm.n}): start {getal(sm.start_s, 1)} s, wijziging zichtbaar na "
            + ", ".join(getal(v, 2) for v in sm.vertraging_s) + " s"
        )
    sp = res.startpagina
    regels += [
        f"Startpagina: {getal(sp.totaal_gzip_bytes / 1000, 1)} kB gzip-{sp.gzip_niveau} "
        f"({getal(sp.totaal_bytes / 1000, 1)} kB onverpakt, zonder zoekindex); zoekindex "
        f"{getal(sp.zoekindex.bytes / 1000, 1)} kB ({getal(sp.zoekindex.gzip_bytes / 1000, 1)} kB gzip), "
        f"{getal(sp.zoekindex_per_tekst, 2)} × de tekst",
        "",
        "Doelen:",
    ]
    for d in doeluitkomsten(res):
        oordeel = {True: "gehaald", False: "NIET gehaald", None: "niet gemeten"}[d.gehaald]
        regels.append(f"  - {d.doel}: {d.gemeten} → {oordeel}")
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Prestatiemeting van de sitebouw (make bench).")
    ap.add_argument("--n", type=int, nargs="+", default=[10, 100, 1000], help="aantallen casussen (10 100 1000)")
    ap.add_argument("--herhalingen", type=int, default=3, help="bouwen per variant (3)")
    ap.add_argument("--serve-herhalingen", type=int, default=3, help="wijzigingen per serve-meting (3)")
    ap.add_argument("--uitvoer", type=Path, default=ROOT / "docs" / "prestaties" / "resultaten.json")
    ap.add_argument("--bewaar", action="store_true", help="de tijdelijke projecten niet opruimen")
    ap.add_argument("--geen-serve", action="store_true", help="mkdocs serve niet meten (snelle proefrun)")
    ap.add_argument("--wachttijd", type=float, default=300, help="seconden wachten op een wijziging in serve (300)")
    args = ap.parse_args(argv)
    if args.herhalingen < 1 or any(n < 1 for n in args.n):
        ap.error("--n en --herhalingen moeten minstens 1 zijn")
    aantallen = sorted(set(args.n))

    belasting_voor = os.getloadavg()[0]
    werkmap = Path(tempfile.mkdtemp(prefix="jobcoach-bench-"))
    meld(f"werkmap {werkmap}; N = {', '.join(map(str, aantallen))}; {args.herhalingen} herhalingen")
    try:
        meld("echte site bouwen")
        echte_map = kopieer_project(werkmap / "echt")
        echte_site = meet_bouw(echte_map, "mkdocs.yml", werkmap / "site-echt", args.herhalingen, "echte site")
        meld("startpagina in Chromium laden")
        startpagina = meet_startpagina(werkmap / "site-echt", echte_site.tekst_bytes)

        schaal = []
        grootste = None
        for n in aantallen:
            meting, project = meet_schaal(werkmap, n, args.herhalingen)
            schaal.append(meting)
            if grootste is not None:
                shutil.rmtree(grootste)
            grootste = project

        fasen = meet_fasen(grootste, aantallen[-1])
        serve = []
        if not args.geen_serve:
            serve = [
                meet_serve(grootste, aantallen[-1], [], "volledig", args.serve_herhalingen, args.wachttijd),
                meet_serve(grootste, aantallen[-1], ["--dirty"], "dirty", args.serve_herhalingen,
                           args.wachttijd),
            ]
        res = Resultaten(
            gemeten_op=dt.datetime.now().astimezone().replace(microsecond=0),
            machine=Machine(
                cpus=os.cpu_count() or 0,
                systeem=f"{platform.system()} {platform.machine()}",
                belasting_voor=round(belasting_voor, 2),
                belasting_na=round(os.getloadavg()[0], 2),
            ),
            versies=versies(),
            herhalingen=args.herhalingen,
            seed=SEED,
            groepsgrootte=GROEPSGROOTTE,
            blokgrootte=BLOKGROOTTE,
            doelen=DOELEN,
            echte_site=echte_site,
            schaal=schaal,
            fasen=fasen,
            serve=serve,
            startpagina=startpagina,
        )
    finally:
        if args.bewaar:
            meld(f"tijdelijke bestanden bewaard in {werkmap}")
        else:
            shutil.rmtree(werkmap, ignore_errors=True)

    args.uitvoer.parent.mkdir(parents=True, exist_ok=True)
    args.uitvoer.write_text(res.model_dump_json(indent=2) + "\n", encoding="utf-8")
    meld(f"uitkomsten geschreven naar {args.uitvoer}")
    print(samenvatting(res))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        sys.exit(1)
