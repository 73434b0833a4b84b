"""De opdracht ``jobcoach``: de opdrachten van het domein (bereken, controleer, schema) en die van de site.

- ``nieuw NAAM [--titel TITEL] [--datum JJJJ-MM-DD]``: een nieuwe casus (gegevens en pagina) uit de sjablonen, in het menu;
- ``verouderd [--datum JJJJ-MM-DD] [--docs MAP]``: pagina's waarvan de herzieningsdatum voorbij is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from jobcoach import bereken, laad_casus, laad_regels
from jobcoach.cli import maak_parser, voer_uit
from jobcoach.opmaak import procent_afgekapt, uren
from jobcoach.lezer import toon_pad


def _nieuw(args: argparse.Namespace) -> int:
    from leidraadsite.nieuw import NieuwFout, maak_casus  # hier: alleen deze opdracht heeft python-docx nodig

    try:
        gemaakt = maak_casus(Path.cwd(), args.naam, args.titel, args.datum)
    except NieuwFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 1
    regels = laad_regels()
    uitkomst = bereken(laad_casus(gemaakt.casusbestand, regels), regels)
    print(f"Gemaakt: {toon_pad(gemaakt.casusbestand)} (de gegevens)")
    print(f"Gemaakt: {toon_pad(gemaakt.pagina)} (de pagina)")
    print(f"Toegevoegd aan het menu in {toon_pad(gemaakt.menu)}: {gemaakt.titel}")
    rekent = f"{uren(uitkomst.begeleidingsuren)} uur begeleiding"
    if uitkomst.historisch:  # alleen bij de regels van het Protocol Jobcoach telt het percentage (historisch)
        rekent += f", {procent_afgekapt(uitkomst.percentage)} van de contracturen"
    print(f"Het voorbeeld rekent: {rekent}.")
    print(f"Vul nu de gegevens en de tekst in, en controleer met: jobcoach controleer {toon_pad(gemaakt.casusbestand)}")
    return 0


def _datum(tekst: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ongeldige datum '{tekst}'; schrijf jaar-maand-dag, bijvoorbeeld 2027-01-31") from None


def _verouderd(args: argparse.Namespace) -> int:
    from leidraadsite.inhoud.paginas import paginas_zonder_herzieningsdatum, verouderde_paginas

    if not args.docs.is_dir():
        print(f"Map niet gevonden: {args.docs}", file=sys.stderr)
        return 1
    datum = args.datum or dt.date.today()
    verouderd = verouderde_paginas(args.docs, datum)
    if verouderd:
        print(f"Verouderde pagina's op {datum.isoformat()} (oudste eerst):")
        for pagina in verouderd:
            dagen = (datum - pagina.herzien_voor).days
            print(f"{toon_pad(pagina.pad)}: herzien vóór {pagina.herzien_voor.isoformat()} ({dagen} {'dag' if dagen == 1 else 'dagen'} te laat)")
        aantal = "1 pagina is" if len(verouderd) == 1 else f"{len(verouderd)} pagina's zijn"
        print(f"{aantal} verouderd.")
    else:
        print(f"Geen verouderde pagina's op {datum.isoformat()}.")
    zonder = paginas_zonder_herzieningsdatum(args.docs)
    if zonder:
        aantal = "1 pagina" if len(zonder) == 1 else f"{len(zonder)} pagina's"
        print(f"Zonder herzieningsdatum (herzien_voor): {aantal}:")
        for pad in zonder:
            print(f"  {toon_pad(pad)}")
    return 0


def parser() -> argparse.ArgumentParser:
    parser, sub = maak_parser(prog="jobcoach")
    p = sub.add_parser("nieuw", help="maak een nieuwe casus (gegevens en pagina) uit de sjablonen en zet hem in het menu")
    p.add_argument("naam", metavar="NAAM", help="kleine letters, cijfers en '-', bijvoorbeeld loonwaarde-en-regime")
    p.add_argument("--titel", help="de titel van de casus (standaard: gemaakt uit de naam)")
    p.add_argument("--datum", type=_datum, metavar="JJJJ-MM-DD",
                   help="datum van beoordeling op de nieuwe pagina; herzien een jaar later (standaard: vandaag)")
    p.set_defaults(functie=_nieuw)

    p = sub.add_parser("verouderd", help="toon de pagina's waarvan de herzieningsdatum (herzien_voor) voorbij is")
    p.add_argument("--datum", type=_datum, metavar="JJJJ-MM-DD", help="peildatum (standaard: vandaag)")
    p.add_argument("--docs", type=Path, default=Path("docs"), metavar="MAP", help="de map met pagina's (standaard: docs)")
    p.set_defaults(functie=_verouderd)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return voer_uit(parser(), argv)


if __name__ == "__main__":
    sys.exit(main())
