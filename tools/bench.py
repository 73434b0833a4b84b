#!/usr/bin/env python3
"""Prestatiemeting van de sitebouw met drie bouwers: ``make bench``.

Per site (de echte site, en proefsites met N = 10, 100 en 1000 synthetische casussen) en per bouwer (MkDocs,
ProperDocs, Zensical, elk uit zijn eigen venv) bouwt het script om en om:

- **koud**: zonder cache. Bij MkDocs en ProperDocs is de bytecode-cache van Jinja leeg (de sjablonen van het thema
  worden opnieuw gecompileerd); bij Zensical ook zijn eigen cache (``.cache``, ``zensical build --clean``);
- **met cache**: direct daarna nog eens, met de cache van de vorige bouw (bij Zensical zijn incrementele cache).

Elke meting is de bouw plus de stap na de bouw (``python -m leidraadsite.nabouw site``), zoals ``make build``.
Daarna, bij de grootste N, één koude bouw per bouwer met de profiler (waar gaat de CPU-tijd heen; hoe vaak maken
de macro's hun gegevens op en lezen ze een casus), ``mkdocs serve`` (van opslaan tot zichtbaar) en de startpagina
van de echte site in Chromium.

Voortgang en tussenstanden staan op stderr (met een schatting van de resterende tijd), een samenvatting op stdout.
De uitkomsten gaan naar ``docs/prestaties/resultaten.json``; de pagina Prestaties toont ze.
Snelle proefrun: ``make bench BENCH_ARGS=--snel`` (één herhaling, serve met één wijziging).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import signal
import socket
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

ROOT = Path(__file__).resolve().parent.parent
from tools import synthetisch
from leidraadsite.nabouw.chromium import CHROMIUM, CHROMIUM_VLAGGEN, bestandsserver

from jobcoach import Bestandsfout, bereken, laad_casus, laad_regels
from jobcoach.opmaak import getal, uren
from leidraadsite.inhoud.prestaties import (
    MODUSNAMEN,
    MOTORNAMEN,
    Bestand,
    Bouw,
    Doelen,
    Machine,
    Motor,
    Profiel,
    Resultaten,
    ServeMeting,
    Startpagina,
    Tijden,
    doeluitkomsten,
    laad_resultaten,
    site_naam,
)

MOTOREN = ("mkdocs", "properdocs", "zensical")
GROEPSGROOTTE = 25  # casuspagina's per navigatiesectie
BLOKGROOTTE = 10  # secties per blok, als er meer dan zoveel secties zijn
GZIP_NIVEAU = 6  # het gangbare niveau van een webserver (nginx gzip_comp_level, Apache mod_deflate)
SEED = 20111108
VAST = 120  # de vaste kosten van een bouw, in pagina's (voor de schatting van de resterende tijd)
NIET_KOPIEREN = shutil.ignore_patterns(
    ".git", ".venv*", "site", ".cache", "__pycache__", ".pytest_cache", "*.egg-info", "build", "artefacten", "tests",
    "mutants",
)

# De doelen uit issue 8 en 23. Ze staan in het resultatenbestand, zodat de pagina ze naast de metingen toont.
DOELEN = Doelen(n_groot=1000, bouw_groot_max_s=10.0, echte_site_max_s=3.0, serve_max_s=2.0, startpagina_max_kb=250.0)


class BenchFout(Exception):
    """Een meting lukt niet; de melding zegt waarom."""


def meld(tekst: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {tekst}", file=sys.stderr, flush=True)


def s(seconden: float) -> str:
    return f"{getal(seconden, 2)} s"


# --------------------------------------------------------------------------------------------
# De bouwers
# --------------------------------------------------------------------------------------------


def python_van(motor: str) -> Path:
    return ROOT / (".venv" if motor == "mkdocs" else f".venv-{motor}") / "bin" / "python"


def bouwopdracht(motor: str, koud: bool) -> list[str]:
    """De opdracht van ``make build MOTOR=…`` (Makefile, bouw_*), naar ``site/`` in de huidige map."""
    py = str(python_van(motor))
    if motor == "zensical":
        return [str(python_van(motor).with_name("zensical")), "build", "--strict", *(["--clean"] if koud else []),
                "-f", "mkdocs.yml"]
    return [py, "-m", motor, "build", "--strict", "-q", "-f", "mkdocs.yml", "-d", "site"]


def opdracht_tekst(motor: str) -> str:
    """De bouwopdracht zoals de pagina hem toont (zonder machinepaden)."""
    if motor == "zensical":
        return "zensical build --strict [--clean] -f mkdocs.yml"
    return f"python -m {motor} build --strict -f mkdocs.yml -d site"


def motorversie(motor: str) -> str:
    uit = subprocess.run([str(python_van(motor)), "-c", f"import importlib.metadata as m; print(m.version('{motor}'))"],
                         capture_output=True, text=True)
    if uit.returncode != 0:
        raise BenchFout(f"{motor}: versie onbekend:\n{uit.stderr[-1000:]}")
    return uit.stdout.strip()


def controleer_motoren(motoren: list[str]) -> None:
    for motor in motoren:
        if not python_van(motor).is_file():
            raise BenchFout(f"{python_van(motor)} ontbreekt; make bench maakt hem met make .venv-{motor}/.geinstalleerd")


# --------------------------------------------------------------------------------------------
# Bouwen en meten
# --------------------------------------------------------------------------------------------


class Werk:
    """Houdt bij hoeveel er gebouwd is, voor de voortgang en een schatting van de resterende tijd."""

    def __init__(self, totaal: float) -> None:
        self.totaal, self.gedaan, self.begin = totaal, 0.0, time.perf_counter()

    def stap(self, gewicht: float) -> str:
        self.gedaan += gewicht
        voorbij = time.perf_counter() - self.begin
        deel = min(1.0, self.gedaan / self.totaal) if self.totaal else 1.0
        rest = voorbij / deel - voorbij if deel else 0.0
        return f"{getal(deel * 100, 0)}% klaar na {getal(voorbij / 60, 1)} min, nog ongeveer {getal(rest / 60, 1)} min"


def omgeving(werkmap: Path) -> dict[str, str]:
    # TMPDIR: de bytecode-cache van Jinja (in de tijdelijke map) is zo van deze meting alleen.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": str(werkmap / "tmp")}


def draai(cmd: list[str], project: Path, werkmap: Path, log: Path, wat: str) -> tuple[float, float, float]:
    """Draai ``cmd`` in ``project``; geef (wandtijd, CPU-tijd, piekgeheugen in MB) van het kindproces."""
    with open(log, "ab") as uit:
        uit.write(f"\n$ {' '.join(cmd)}\n".encode())
        uit.flush()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, stdout=uit, stderr=subprocess.STDOUT, env=omgeving(werkmap))
        _, status, gebruik = os.wait4(proc.pid, 0)
        wand = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        staart = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchFout(f"{wat} faalde (code {code}) in {project}:\n{staart}")
    return wand, gebruik.ru_utime + gebruik.ru_stime, gebruik.ru_maxrss / 1024


def maak_koud(motor: str, project: Path, werkmap: Path) -> None:
    shutil.rmtree(werkmap / "tmp", ignore_errors=True)  # de bytecode-cache van Jinja
    (werkmap / "tmp").mkdir()
    if motor == "zensical":
        shutil.rmtree(project / ".cache", ignore_errors=True)


def bouw_een(motor: str, project: Path, werkmap: Path, koud: bool) -> tuple[float, float, float]:
    """Eén bouw plus de stap na de bouw; de site komt in ``project/site``."""
    if koud:
        maak_koud(motor, project, werkmap)
    shutil.rmtree(project / "site", ignore_errors=True)
    log = project / f".bouw-{motor}.log"
    w1, c1, m1 = draai(bouwopdracht(motor, koud), project, werkmap, log, f"{motor}: de bouw")
    w2, c2, m2 = draai([str(python_van(motor)), "-m", "leidraadsite.nabouw", "site"], project, werkmap, log,
                       f"{motor}: de stap na de bouw")
    return w1 + w2, c1 + c2, max(m1, m2)


def tijden(waarden: list[float]) -> Tijden:
    import statistics

    return Tijden(min_s=round(min(waarden), 3), mediaan_s=round(statistics.median(waarden), 3),
                  alle_s=[round(w, 3) for w in waarden])


def site_maten(site: Path) -> tuple[int, int]:
    """(pagina's, bytes) van een gebouwde site."""
    paginas = sum(1 for _ in site.rglob("index.html"))
    grootte = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    if not paginas:
        raise BenchFout(f"geen pagina's in {site}")
    return paginas, grootte


def meet_site(project: Path, werkmap: Path, n: int, motoren: list[str], herhalingen: int, werk: Werk,
              na_bouw: dict[str, object] | None = None) -> list[Bouw]:
    """Bouw de site in ``project`` met elke bouwer, koud en met cache, ``herhalingen`` keer, om en om."""
    metingen: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    maten: dict[tuple[str, str], tuple[int, int]] = {}
    for i in range(herhalingen):
        for motor in motoren:
            for modus in ("koud", "bewaard"):
                w, c, m = bouw_een(motor, project, werkmap, modus == "koud")
                metingen.setdefault((motor, modus), []).append((w, c, m))
                maten[(motor, modus)] = site_maten(project / "site")
                voortgang = werk.stap(n + VAST)
                meld(f"{site_naam(n)}, {MOTORNAMEN[motor]}, {MODUSNAMEN[modus]} {i + 1}/{herhalingen}: {s(w)} "
                     f"(CPU {s(c)}, {getal(m, 0)} MB) — {voortgang}")
                if na_bouw and i == herhalingen - 1 and modus == "bewaard" and motor in na_bouw:
                    na_bouw[motor] = kopie(project / "site", werkmap / f"site-{motor}-{n}")
    uit = []
    for (motor, modus), reeks in metingen.items():
        paginas, grootte = maten[(motor, modus)]
        uit.append(Bouw(motor=motor, n=n, modus=modus, wand=tijden([r[0] for r in reeks]),
                        cpu=tijden([r[1] for r in reeks]), piekgeheugen_mb=round(max(r[2] for r in reeks), 1),
                        paginas=paginas, site_bytes=grootte))
    regel = ", ".join(f"{MOTORNAMEN[b.motor]} {MODUSNAMEN[b.modus]} {s(b.wand.mediaan_s)}" for b in uit)
    meld(f"{site_naam(n)}: mediaan {regel}")
    return uit


def kopie(bron: Path, doel: Path) -> Path:
    shutil.rmtree(doel, ignore_errors=True)
    shutil.copytree(bron, doel)
    return doel


# --------------------------------------------------------------------------------------------
# Waar de tijd heen gaat (profiel)
# --------------------------------------------------------------------------------------------


def meet_profiel(motor: str, project: Path, werkmap: Path, n: int) -> Profiel:
    """Eén koude bouw met cProfile (tools/profiel.py) en de stap na de bouw; CPU-tijd per onderdeel."""
    maak_koud(motor, project, werkmap)
    shutil.rmtree(project / "site", ignore_errors=True)
    log = project / f".profiel-{motor}.log"
    uitvoer = werkmap / f"profiel-{motor}.json"
    bouw = bouwopdracht(motor, True)
    doel = ["--script", bouw[0], *bouw[1:]] if motor == "zensical" else ["--module", *bouw[2:]]
    py = str(python_van(motor))
    _, cpu, _ = draai([py, str(ROOT / "tools" / "profiel.py"), str(uitvoer), *doel], project, werkmap, log,
                      f"{motor}: de bouw met profiler")
    _, cpu_na, _ = draai([py, "-m", "leidraadsite.nabouw", "site"], project, werkmap, log,
                         f"{motor}: de stap na de bouw")
    gegevens = json.loads(uitvoer.read_text(encoding="utf-8"))
    delen = dict(gegevens["delen"])
    buiten = cpu - sum(delen.values())
    if buiten > 0.05 * cpu:
        delen["buiten Python of in andere threads (niet geprofileerd)"] = buiten
    delen["stap na de bouw (leidraadsite.nabouw, eigen proces)"] = cpu_na
    delen = {k: round(v, 3) for k, v in delen.items() if v >= 0.005}
    return Profiel(motor=motor, n=n, cpu_s=round(max(cpu, sum(delen.values()) - cpu_na) + cpu_na, 3), delen=delen,
                   bouw_aanroepen=gegevens["bouw_aanroepen"], bouw_cpu_s=gegevens["bouw_cpu_s"],
                   controles=gegevens["controles"], casussen_gelezen=gegevens["casussen_gelezen"])


# --------------------------------------------------------------------------------------------
# Het proefproject
# --------------------------------------------------------------------------------------------


def navigatiegroepen(paginas: list[str]) -> list[dict]:
    """Casuspagina's in secties van ``GROEPSGROOTTE``; meer dan ``BLOKGROOTTE`` secties gaan in blokken.

    Met ``navigation.prune`` (in mkdocs.yml) toont elke pagina alleen de kopjes van de blokken, de secties in het
    eigen blok en de pagina's in de eigen sectie. Zo blijft de navigatie per pagina klein, ook bij 1000 casussen.
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
        regel = "      - Prestaties: prestaties.md\n"
        if regel not in tekst:
            raise BenchFout(f"resultatenbestand ongeldig en '{regel.strip()}' niet gevonden in mkdocs.yml") from None
        config.write_text(tekst.replace(regel, ""), encoding="utf-8")
        (doel / "docs" / "prestaties.md").unlink()
        meld(f"let op: resultatenbestand ongeldig ({fout.problemen[0]}); de kopie bouwt zonder de pagina Prestaties")
    return doel


def maak_project(werkmap: Path, n: int) -> Path:
    """Kopie van het project met ``n`` synthetische casussen, elk met een pagina, achteraan in de navigatie.

    Alle bouwers lezen dezelfde ``mkdocs.yml`` (Zensical kent geen INHERIT); de navigatie staat daar als laatste.
    """
    project = kopieer_project(werkmap / f"n{n}")
    paginas = synthetisch.schrijf_casussen(project, n, seed=SEED)
    config = project / "mkdocs.yml"
    tekst = config.read_text(encoding="utf-8")
    if not re.search(r"^nav:\n(?:(?:  .*|#.*|)\n)*\Z", tekst, re.M):
        raise BenchFout("nav staat niet als laatste in mkdocs.yml; de proefcasussen kunnen er niet achter")
    extra = yaml.safe_dump([{"Proefcasussen": navigatiegroepen(paginas)}], allow_unicode=True, sort_keys=False)
    config.write_text(tekst.rstrip("\n") + "\n" + "".join("  " + r + "\n" for r in extra.splitlines()),
                      encoding="utf-8")
    return project


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
        proc = subprocess.Popen(cmd, cwd=project, stdout=uit, stderr=subprocess.STDOUT, env={**omgeving(project.parent), **(env or {})})
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
    with serve(project, ["-f", "mkdocs.yml", "--livereload", *extra], log) as (proc, basis):
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


def meet_startpagina(site: Path) -> Startpagina:
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
                       gzip_niveau=GZIP_NIVEAU)


# --------------------------------------------------------------------------------------------
# Hoofdprogramma
# --------------------------------------------------------------------------------------------


def versies() -> dict[str, str]:
    uit = {"python": platform.python_version()}
    for pakket in ("mkdocs-material", "mkdocs-macros-plugin", "Markdown", "pymdown-extensions", "Jinja2", "PyYAML",
                   "pydantic"):
        uit[pakket] = metadata.version(pakket)
    return uit


def samenvatting(res: Resultaten) -> str:
    motoren = [m.naam for m in res.motoren]
    regels = [
        "",
        f"Prestatiemeting {res.gemeten_op:%Y-%m-%d %H:%M} ({res.machine.cpus} cores, belasting "
        f"{getal(res.machine.belasting_voor, 1)} vooraf en {getal(res.machine.belasting_na, 1)} na afloop), "
        f"{res.herhalingen} herhalingen, duur {getal(res.duur_s / 60, 1)} min",
        "Bouwers: " + res.motoren_tekst,
        "",
        "Wandtijd / CPU-tijd (mediaan) van bouw plus stap na de bouw:",
        f"{'site':>12} {'bouw':>10} " + " ".join(f"{MOTORNAMEN[m]:>20}" for m in motoren),
    ]
    for n in res.sites:
        for modus in ("koud", "bewaard"):
            cellen = []
            for m in motoren:
                b = res.bouw(m, n, modus)
                cellen.append(f"{'—' if b is None else s(b.wand.mediaan_s) + ' / ' + s(b.cpu.mediaan_s):>20}")
            regels.append(f"{site_naam(n):>12} {MODUSNAMEN[modus]:>10} " + " ".join(cellen))
    for p in res.profielen:
        regels += ["", f"Profiel {MOTORNAMEN[p.motor]} bij N = {getal(p.n)} (CPU {s(p.cpu_s)}, "
                       f"{p.bouw_aanroepen} × Bouw in {s(p.bouw_cpu_s)}, {p.controles} × gegevens gecontroleerd, "
                       f"{p.casussen_gelezen} casussen gelezen):"]
        regels += [f"  {getal(t, 2):>7} s  {d}" for d, t in sorted(p.delen.items(), key=lambda x: -x[1])]
    regels.append("")
    for sm in res.serve:
        regels.append(f"{sm.opdracht} (N={sm.n}): start {getal(sm.start_s, 1)} s, wijziging zichtbaar na "
                      + ", ".join(getal(v, 2) for v in sm.vertraging_s) + " s")
    if res.startpagina:
        sp = res.startpagina
        regels.append(f"Startpagina: {getal(sp.totaal_gzip_bytes / 1000, 1)} kB gzip-{sp.gzip_niveau} "
                      f"({getal(sp.totaal_bytes / 1000, 1)} kB onverpakt, zonder zoekindex)")
    regels += ["", "Doelen:"]
    for d in doeluitkomsten(res):
        oordeel = {True: "gehaald", False: "NIET gehaald", None: "niet gemeten"}[d.gehaald]
        regels.append(f"  - {d.doel}: {d.gemeten} → {oordeel}")
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Prestatiemeting van de sitebouw met drie bouwers (make bench).")
    ap.add_argument("--n", type=int, nargs="+", default=[10, 100, 1000], help="aantallen casussen (10 100 1000)")
    ap.add_argument("--motoren", nargs="+", choices=MOTOREN, default=list(MOTOREN), help="bouwers (alle drie)")
    ap.add_argument("--herhalingen", type=int, default=3, help="bouwen per bouwer, site en soort (3)")
    ap.add_argument("--serve-herhalingen", type=int, default=3, help="wijzigingen per serve-meting (3)")
    ap.add_argument("--snel", action="store_true", help="proefrun: één herhaling, serve met één wijziging")
    ap.add_argument("--geen-serve", action="store_true", help="mkdocs serve niet meten")
    ap.add_argument("--geen-profiel", action="store_true", help="geen bouw met profiler")
    ap.add_argument("--geen-startpagina", action="store_true", help="de startpagina niet in Chromium laden")
    ap.add_argument("--uitvoer", type=Path, default=ROOT / "docs" / "prestaties" / "resultaten.json")
    ap.add_argument("--bewaar", action="store_true", help="de tijdelijke projecten niet opruimen")
    ap.add_argument("--wachttijd", type=float, default=300, help="seconden wachten op een wijziging in serve (300)")
    args = ap.parse_args(argv)
    if args.snel:
        args.herhalingen, args.serve_herhalingen = 1, 1
    if args.herhalingen < 1 or args.serve_herhalingen < 1 or any(n < 1 for n in args.n):
        ap.error("--n, --herhalingen en --serve-herhalingen moeten minstens 1 zijn")
    aantallen = sorted(set(args.n))
    motoren = [m for m in MOTOREN if m in args.motoren]
    controleer_motoren(motoren)

    begin = time.perf_counter()
    belasting_voor = os.getloadavg()[0]
    werkmap = Path(tempfile.mkdtemp(prefix="jobcoach-bench-"))
    (werkmap / "tmp").mkdir()
    # Gewicht van het werk: pagina's per bouw (en de profielen, serve en startpagina naar schatting).
    bouwen = 2 * args.herhalingen * len(motoren)
    werk = Werk(sum(bouwen * (n + VAST) for n in [0, *aantallen])
                + (0 if args.geen_profiel else 2 * len(motoren) * (aantallen[-1] + VAST))
                + (0 if args.geen_serve else (2 + 2 * args.serve_herhalingen) * (aantallen[-1] + VAST)))
    meld(f"werkmap {werkmap}; bouwers {', '.join(motoren)}; N = {', '.join(map(str, aantallen))}; "
         f"{args.herhalingen} herhalingen ({bouwen * (1 + len(aantallen))} bouwen, plus {len(motoren)} met profiler"
         f"{'' if args.geen_serve else ' en mkdocs serve'}); belasting {getal(belasting_voor, 1)}")
    with contextlib.suppress(Bestandsfout, OSError):
        vorige = laad_resultaten(args.uitvoer)
        meld(f"de vorige meting ({vorige.herhalingen} herhalingen, N = {', '.join(map(str, vorige.aantallen))}, "
             f"belasting {getal(vorige.machine.belasting_voor, 1)}) duurde {getal(vorige.duur_s / 60, 0)} minuten")
    startpagina = None
    profielen: list[Profiel] = []
    serve_metingen: list[ServeMeting] = []
    try:
        meld("de echte site")
        echt = kopieer_project(werkmap / "echt")
        sites: dict[str, object] = {"mkdocs": None} if "mkdocs" in motoren and not args.geen_startpagina else {}
        gemeten = meet_site(echt, werkmap, 0, motoren, args.herhalingen, werk, sites)
        if sites.get("mkdocs"):
            meld("startpagina in Chromium laden")
            startpagina = meet_startpagina(sites["mkdocs"])  # type: ignore[arg-type]
        shutil.rmtree(echt)

        project = None
        for n in aantallen:
            meld(f"N = {n}: project met {n} casussen maken")
            if project is not None:
                shutil.rmtree(project)
            project = maak_project(werkmap, n)
            gemeten += meet_site(project, werkmap, n, motoren, args.herhalingen, werk)

        assert project is not None
        if not args.geen_profiel:
            for motor in motoren:
                meld(f"N = {aantallen[-1]}: {MOTORNAMEN[motor]} met profiler")
                try:
                    profielen.append(meet_profiel(motor, project, werkmap, aantallen[-1]))
                except BenchFout as fout:  # de rest van de meting blijft bruikbaar; de pagina zegt 'niet gemeten'
                    meld(f"  het profiel van {MOTORNAMEN[motor]} lukte niet:\n{fout}")
                    continue
                p = profielen[-1]
                meld(f"  {', '.join(f'{d}: {s(t)}' for d, t in sorted(p.delen.items(), key=lambda x: -x[1])[:4])}; "
                     f"{p.bouw_aanroepen} × Bouw in {s(p.bouw_cpu_s)}, {p.controles} × gecontroleerd, "
                     f"{p.casussen_gelezen} casussen gelezen — "
                     f"{werk.stap(2 * (aantallen[-1] + VAST))}")
        if not args.geen_serve and "mkdocs" in motoren:
            for modus, extra in (("volledig", []), ("dirty", ["--dirty"])):
                try:
                    serve_metingen.append(meet_serve(project, aantallen[-1], extra, modus, args.serve_herhalingen,
                                                     args.wachttijd))
                except BenchFout as fout:
                    meld(f"serve ({modus}) lukte niet:\n{fout}")
                meld(werk.stap((1 + args.serve_herhalingen) * (aantallen[-1] + VAST)))
        res = Resultaten(
            gemeten_op=dt.datetime.now().astimezone().replace(microsecond=0),
            machine=Machine(
                cpus=os.cpu_count() or 0,
                systeem=f"{platform.system()} {platform.machine()}",
                belasting_voor=round(belasting_voor, 2),
                belasting_na=round(os.getloadavg()[0], 2),
            ),
            versies=versies(),
            motoren=[Motor(naam=m, versie=motorversie(m), opdracht=opdracht_tekst(m)) for m in motoren],
            herhalingen=args.herhalingen,
            aantallen=aantallen,
            seed=SEED,
            groepsgrootte=GROEPSGROOTTE,
            blokgrootte=BLOKGROOTTE,
            duur_s=round(time.perf_counter() - begin, 1),
            doelen=DOELEN,
            bouwen=gemeten,
            profielen=profielen,
            serve=serve_metingen,
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
