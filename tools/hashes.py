"""Zet bij elke regel van requirements.lock de controlesom (sha256) van het bestand dat pip installeert.

Gebruik: ``python -m tools.hashes [requirements.lock]`` (``make lock`` doet dit na het vastzetten). Daarna
installeert ``make`` met ``--require-hashes``: een pakket met een andere inhoud dan toen wordt geweigerd.
De controlesommen komen uit pip's eigen rapport (``pip install --dry-run --report``); er wordt niets
geïnstalleerd.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REGEL = re.compile(r"^(?P<naam>[A-Za-z0-9_.-]+)==(?P<versie>[^\s;\\]+)")


def _sleutel(naam: str) -> str:
    return re.sub(r"[-_.]+", "-", naam).lower()


def main(argv: list[str] | None = None) -> int:
    pad = Path((argv or sys.argv[1:] or ["requirements.lock"])[0])
    regels = pad.read_text(encoding="utf-8").splitlines()
    pakketten = [m.group(0) for r in regels if (m := REGEL.match(r))]
    with tempfile.TemporaryDirectory() as tmp:
        lijst = Path(tmp) / "pakketten.txt"
        lijst.write_text("\n".join(pakketten) + "\n", encoding="utf-8")
        rapport = Path(tmp) / "rapport.json"
        subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-deps", "--quiet",
                        "--disable-pip-version-check", "--report", str(rapport), "-r", str(lijst)], check=True)
        gegevens = json.loads(rapport.read_text(encoding="utf-8"))
    sommen = {(_sleutel(i["metadata"]["name"]), i["metadata"]["version"]): i["download_info"]["archive_info"]["hashes"]["sha256"]
              for i in gegevens["install"]}
    uit = []
    for r in regels:
        m = REGEL.match(r)
        if not m:
            uit.append(r)
            continue
        som = sommen.get((_sleutel(m.group("naam")), m.group("versie")))
        if som is None:
            print(f"Geen controlesom gevonden voor {m.group(0)}", file=sys.stderr)
            return 1
        uit.append(f"{m.group(0)} --hash=sha256:{som}")
    pad.write_text("\n".join(uit) + "\n", encoding="utf-8")
    print(f"{pad}: {len(sommen)} pakketten met controlesom.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
