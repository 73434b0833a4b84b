"""Maak requirements.lock: vaste versies, met de controlesommen (sha256) van de bestanden voor elk doelplatform.

``make lock`` roept dit aan; ``make`` installeert daarna met ``--require-hashes``. De lock moet installeren op
Linux (x86-64 en aarch64), macOS (arm64 en x86-64) en Windows (amd64), met elke Python-versie die de Makefile
toestaat (``PYTHON_VERSIES`` hieronder; de Makefile, README en een test houden dezelfde grenzen aan).

Stappen:

1. uv lost ``requirements.in`` op voor alle platforms tegelijk (``uv pip compile --universal``). De versies
   die al in ``requirements.lock`` staan, blijven staan (uv leest ze als voorkeur); zo geeft ``make lock``
   zonder wijziging in ``requirements.in`` dezelfde lock. Een pakket bijwerken:
   ``python -m tools.hashes --uv PAD --bijwerken naam``.
2. uv schrijft voor die versies een ``pylock.toml`` (PEP 751) met elk bestand en zijn controlesom.
3. Van elk pakket blijven de wielen over die op minstens één doel passen (volgens ``packaging.tags``), plus
   de broncode (sdist) als een doel geen wiel heeft. Die controlesommen komen in ``requirements.lock``;
   ``requirements.bestanden`` noemt bij elke controlesom het bestand (voor de test, zonder netwerk).

``python -m tools.hashes --bewijs`` downloadt met pip alle bestanden van de lock voor elk platform en elke
Python-versie (``pip download --only-binary=:all: --platform … --python-version … --require-hashes --no-deps``)
en drukt een tabel af. Een pakket zonder wiel voor een doel (alleen broncode) wordt apart als broncode
gedownload, met dezelfde controlesom-eis.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterable
from pathlib import Path

from packaging import tags
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
BESTANDEN = ROOT / "requirements.bestanden"
IN = ROOT / "requirements.in"
# uv zelf, voor make lock: dezelfde doelen, geen requirements.bestanden.
UV_VERSIE = "0.13.8"
UV_LOCK = ROOT / "tools" / "uv.lock"

# De Python-versies die de Makefile toestaat (ook in README en CONTRIBUTING). Ondergrens 3.11.0: Debian 12
# heeft 3.11.2; requirements.in houdt pymdown-extensions en soupsieve daarvoor onder 13 en 3.
PYTHON_VERSIES = [(3, 11), (3, 12), (3, 13), (3, 14), (3, 15)]
# Linux: glibc 2.28 of nieuwer (Debian 10+, Ubuntu 20.04+); macOS 13 of nieuwer (pypdfium2 en actionlint).
GLIBC = (2, 28)
MACOS = (13, 0)
PLATFORMS = {
    "linux-x86_64": ("linux", "x86_64"),
    "linux-aarch64": ("linux", "aarch64"),
    "macos-arm64": ("macos", "arm64"),
    "macos-x86_64": ("macos", "x86_64"),
    "windows-amd64": ("windows", "amd64"),
}
LOCK_KOP = ("# Vaste versies van alle pakketten, met de controlesommen van de bestanden voor Linux (x86-64, aarch64),\n"
            "# macOS (arm64, x86-64) en Windows (amd64), Python {versies}. Opnieuw maken: make lock\n"
            "# (tools/hashes.py). Welk bestand bij welke controlesom hoort: requirements.bestanden.\n")


def platformlabels(soort: str, arch: str) -> list[str]:
    """De platformlabels van wielen die op dit doel installeren, het beste eerst (zoals pip ze zoekt)."""
    if soort == "windows":
        return ["win_amd64"]
    if soort == "macos":
        return list(tags.mac_platforms(MACOS, arch))
    labels = [f"manylinux_2_{m}_{arch}" for m in range(GLIBC[1], 4, -1)]
    oud = {17: "manylinux2014", 12: "manylinux2010", 5: "manylinux1"}
    return labels + [f"{naam}_{arch}" for m, naam in oud.items() if arch == "x86_64" or m == 17]


def doeltags(versie: tuple[int, int], soort: str, arch: str) -> set[tags.Tag]:
    platforms = platformlabels(soort, arch)
    abi = f"cp{versie[0]}{versie[1]}"
    return (set(tags.cpython_tags(versie, [abi, "abi3", "none"], platforms))
            | set(tags.compatible_tags(versie, abi, platforms)))


def doelen() -> Iterable[tuple[str, tuple[int, int], set[tags.Tag]]]:
    for naam, (soort, arch) in PLATFORMS.items():
        for versie in PYTHON_VERSIES:
            yield naam, versie, doeltags(versie, soort, arch)


def _bestandsnaam(item: dict) -> str:
    return item.get("name") or item["url"].rsplit("/", 1)[1]


def kies_bestanden(pakket: dict) -> list[tuple[str, str]]:
    """(bestandsnaam, sha256) van de wielen die op een doel passen, plus de sdist als een doel geen wiel heeft."""
    wielen = [(_bestandsnaam(w), w["hashes"]["sha256"]) for w in pakket.get("wheels", [])]
    gekozen: dict[str, str] = {}
    zonder_wiel = []
    for naam, versie, doel in doelen():
        passend = [(b, s) for b, s in wielen if parse_wheel_filename(b)[3] & doel]
        if not passend:
            zonder_wiel.append(f"{naam} Python {versie[0]}.{versie[1]}")
        gekozen.update(passend)
    if zonder_wiel:
        if "sdist" not in pakket:
            raise SystemExit(f"{pakket['name']} {pakket['version']}: geen wiel en geen broncode voor "
                             + ", ".join(zonder_wiel))
        sdist = pakket["sdist"]
        gekozen[_bestandsnaam(sdist)] = sdist["hashes"]["sha256"]
    return sorted(gekozen.items())


def schrijf_lock(pylock: dict, lock: Path = LOCK, bestanden: Path | None = BESTANDEN) -> int:
    versies = f"{PYTHON_VERSIES[0][0]}.{PYTHON_VERSIES[0][1]} t/m {PYTHON_VERSIES[-1][0]}.{PYTHON_VERSIES[-1][1]}"
    regels = [LOCK_KOP.format(versies=versies) if bestanden else
              "# uv voor make lock, met de controlesommen voor dezelfde platforms. Opnieuw maken: make lock\n"]
    lijst = ["# Bestand bij elke controlesom in requirements.lock (sha256, twee spaties, bestandsnaam). Maak: make lock\n"]
    for pakket in sorted(pylock["packages"], key=lambda p: canonicalize_name(p["name"])):
        if "marker" in pakket:
            raise SystemExit(f"{pakket['name']}: alleen onder voorwaarde ({pakket['marker']}); "
                             "tools/hashes.py kent alleen pakketten voor alle doelen")
        gekozen = kies_bestanden(pakket)
        sommen = sorted({s for _, s in gekozen})
        regels.append(f"{pakket['name']}=={pakket['version']} \\\n"
                      + " \\\n".join(f"    --hash=sha256:{s}" for s in sommen) + "\n")
        lijst.extend(f"{s}  {b}\n" for b, s in gekozen)
    lock.write_text("".join(regels), encoding="utf-8")
    if bestanden is not None:
        bestanden.write_text("".join(lijst), encoding="utf-8")
    return len(pylock["packages"])


def vastgezet(lock: Path) -> str:
    """Alleen 'naam==versie' per pakket uit een lock (voor uv als voorkeur)."""
    tekst = lock.read_text(encoding="utf-8") if lock.exists() else ""
    return "".join(f"{m.group(1)}\n" for m in re.finditer(r"^([A-Za-z0-9_.-]+==[^\s\\;]+)", tekst, re.M))


def maak(uv: str, bijwerken: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        pins = Path(tmp) / "requirements.txt"
        pins.write_text(vastgezet(LOCK), encoding="utf-8")
        basis = [uv, "pip", "compile", "--universal", "--python-version", "3.11", "--no-header", "--quiet"]
        subprocess.run([*basis, str(IN), "--no-annotate", "-o", str(pins),
                        *(a for naam in bijwerken for a in ("--upgrade-package", naam))], check=True)
        subprocess.run([*basis, str(pins), "--no-deps", "--format", "pylock.toml", "-o", str(Path(tmp) / "pylock.toml")],
                       check=True)
        pylock = tomllib.loads((Path(tmp) / "pylock.toml").read_text(encoding="utf-8"))
        (Path(tmp) / "uv.txt").write_text(f"uv=={UV_VERSIE}\n", encoding="utf-8")
        subprocess.run([*basis, str(Path(tmp) / "uv.txt"), "--no-deps", "--format", "pylock.toml",
                        "-o", str(Path(tmp) / "pylock.uv.toml")], check=True)
        schrijf_lock(tomllib.loads((Path(tmp) / "pylock.uv.toml").read_text(encoding="utf-8")), UV_LOCK, None)
    aantal = schrijf_lock(pylock)
    print(f"{LOCK.name}: {aantal} pakketten, controlesommen voor {len(PLATFORMS)} platforms × "
          f"{len(PYTHON_VERSIES)} Python-versies; bestanden in {BESTANDEN.name}.")
    return 0


def lees_bestanden(pad: Path = BESTANDEN) -> dict[str, str]:
    """sha256 -> bestandsnaam."""
    uit = {}
    for regel in pad.read_text(encoding="utf-8").splitlines():
        if regel and not regel.startswith("#"):
            som, naam = regel.split("  ", 1)
            uit[som] = naam
    return uit


def lees_lock(pad: Path = LOCK) -> dict[str, tuple[str, list[str]]]:
    """naam -> (versie, controlesommen)."""
    tekst = re.sub(r"\\\n", " ", pad.read_text(encoding="utf-8"))
    uit = {}
    for regel in tekst.splitlines():
        if regel.strip() and not regel.startswith("#"):
            naam, rest = regel.split("==", 1)
            uit[naam.strip()] = (rest.split()[0], re.findall(r"--hash=sha256:([0-9a-f]{64})", rest))
    return uit


def bewijs(pip: list[str], map_: Path) -> int:
    """Download de lock met pip voor elk doel; druk een tabel af. Geeft 1 als één doel faalt."""
    lock = lees_lock()
    bestanden = lees_bestanden()
    map_.mkdir(parents=True, exist_ok=True)
    fouten = 0
    print(f"{'platform':<15} {'Python':<7} {'wielen':>6} {'broncode':>8}  uitkomst")
    for naam, (soort, arch) in PLATFORMS.items():
        for versie in PYTHON_VERSIES:
            doel = doeltags(versie, soort, arch)
            wiel, bron = [], []
            for pakket, (v, sommen) in lock.items():
                namen = [bestanden[s] for s in sommen]
                regel = f"{pakket}=={v} " + " ".join(f"--hash=sha256:{s}" for s in sommen) + "\n"
                if any(n.endswith(".whl") and parse_wheel_filename(n)[3] & doel for n in namen):
                    wiel.append(regel)
                else:
                    bron.append(regel)
            with tempfile.TemporaryDirectory() as tmp:
                uitslag = []
                for soort_, regels, extra in (("wielen", wiel, ["--only-binary=:all:", "--implementation", "cp",
                                                                   "--python-version", f"{versie[0]}.{versie[1]}",
                                                                   "--abi", f"cp{versie[0]}{versie[1]}",
                                                                   *(a for p in platformlabels(soort, arch)
                                                                     for a in ("--platform", p))]),
                                              ("broncode", bron, ["--no-binary=:all:"])):
                    if not regels:
                        continue
                    req = Path(tmp) / f"{soort_}.txt"
                    req.write_text("".join(regels), encoding="utf-8")
                    proces = subprocess.run([*pip, "download", "--quiet", "--disable-pip-version-check", "--no-deps",
                                             "--require-hashes", "-d", str(map_), "-r", str(req), *extra],
                                            capture_output=True, text=True)
                    if proces.returncode:
                        uitslag.append(f"{soort_} MISLUKT: {proces.stderr.strip().splitlines()[-1:]}")
                        fouten += 1
            print(f"{naam:<15} {versie[0]}.{versie[1]:<5} {len(wiel):>6} {len(bron):>8}  "
                  + ("; ".join(uitslag) or "gelukt" + (f" (broncode: {', '.join(r.split('==')[0] for r in bron)})"
                                                          if bron else "")), flush=True)
    return 1 if fouten else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.hashes", description=__doc__.splitlines()[0])
    p.add_argument("--uv", default="uv", help="het programma uv (make lock installeert het in .venv-lock)")
    p.add_argument("--bijwerken", action="append", default=[], metavar="PAKKET", help="dit pakket naar de nieuwste versie")
    p.add_argument("--bewijs", metavar="MAP", type=Path, help="download alles voor elk doel naar MAP; tabel")
    a = p.parse_args(argv)
    if a.bewijs:
        return bewijs([sys.executable, "-m", "pip"], a.bewijs)
    return maak(a.uv, a.bijwerken)


if __name__ == "__main__":
    sys.exit(main())
