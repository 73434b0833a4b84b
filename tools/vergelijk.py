"""Vergelijk twee gebouwde sites: welke bestanden verschillen, en hoe.

Gebruik: ``python -m tools.vergelijk OUDE_SITE NIEUWE_SITE [--toon N]``

Zo laat een herindeling van de code zien dat de site gelijk blijft. Per bestand:

- gelijk als de bytes gelijk zijn;
- een Word-bestand (``.docx``, een zip) is gelijk als elk bestand in de zip gelijk is (de tijden in
  de zip tellen niet);
- bij een HTML- of tekstbestand toont het script de regels die verschillen, met ``--toon`` regels
  per bestand (0: alleen de namen).

Het script eindigt met 0 als alles gelijk is, anders met 1.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import zipfile
from pathlib import Path


def _zip_inhoud(pad: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pad) as z:
        return {naam: z.read(naam) for naam in sorted(z.namelist())}


def verschillen(oud: Path, nieuw: Path) -> tuple[list[str], list[str], list[str]]:
    """(alleen in oud, alleen in nieuw, in allebei maar anders), als paden binnen de site."""
    oude = {p.relative_to(oud).as_posix() for p in oud.rglob("*") if p.is_file()}
    nieuwe = {p.relative_to(nieuw).as_posix() for p in nieuw.rglob("*") if p.is_file()}
    anders = []
    for pad in sorted(oude & nieuwe):
        a, b = (oud / pad).read_bytes(), (nieuw / pad).read_bytes()
        if a == b:
            continue
        if pad.endswith(".docx") and _zip_inhoud(oud / pad) == _zip_inhoud(nieuw / pad):
            continue
        anders.append(pad)
    return sorted(oude - nieuwe), sorted(nieuwe - oude), anders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.vergelijk", description=__doc__.splitlines()[0])
    parser.add_argument("oud", type=Path)
    parser.add_argument("nieuw", type=Path)
    parser.add_argument("--toon", type=int, default=12, help="zoveel verschillende regels per bestand")
    args = parser.parse_args(argv)
    alleen_oud, alleen_nieuw, anders = verschillen(args.oud, args.nieuw)
    for pad in alleen_oud:
        print(f"weg:     {pad}")
    for pad in alleen_nieuw:
        print(f"nieuw:   {pad}")
    for pad in anders:
        print(f"anders:  {pad}")
        if args.toon and not pad.endswith((".docx", ".pdf", ".png")):
            a = (args.oud / pad).read_text(encoding="utf-8", errors="replace").splitlines()
            b = (args.nieuw / pad).read_text(encoding="utf-8", errors="replace").splitlines()
            regels = [r for r in difflib.unified_diff(a, b, lineterm="", n=0) if r[:1] in "+-" and r[:3] not in ("+++", "---")]
            for regel in regels[: args.toon]:
                print(f"    {regel[:200]}")
            if len(regels) > args.toon:
                print(f"    … en nog {len(regels) - args.toon} regels")
    totaal = len(alleen_oud) + len(alleen_nieuw) + len(anders)
    print(f"{totaal} bestand(en) verschillen." if totaal else "De sites zijn gelijk.")
    return 1 if totaal else 0


if __name__ == "__main__":
    sys.exit(main())
