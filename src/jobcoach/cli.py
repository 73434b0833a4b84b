"""Opdrachtregel: ``python -m jobcoach OPDRACHT``.

- ``bereken BESTAND [--json]``: de uren en het percentage van één casus;
- ``controleer [PAD…]``: casusbestanden controleren (standaard de map ``casussen/``);
- ``schema [--schrijf]``: het JSON Schema van een casusbestand;
- ``nieuw NAAM [--titel TITEL]``: een nieuwe casus (gegevens en pagina) uit de sjablonen, in het menu;
- ``verouderd [--datum JJJJ-MM-DD] [--docs MAP]``: pagina's waarvan de herzieningsdatum voorbij is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .berekening import Uitkomst, bereken
from .casus import json_schema, laad_casus
from .fouten import CasusFout
from .opmaak import procent_afgekapt
from .regels import laad_regels
from .tabellen import samenvatting_tekst
from .yamlbron import toon_pad

STANDAARD_MAP = Path("casussen")
SCHEMA_PAD = Path("docs/schema/casus.schema.json")


def uitkomst_json(uitkomst: Uitkomst) -> dict:
    """De uitkomst als JSON-object. Getallen zijn niet afgerond; ``percentage_tekst`` is zoals de site hem toont."""
    return {
        "titel": uitkomst.casus.titel,
        "protocol": uitkomst.protocol.id,
        "weken": float(uitkomst.weken),
        "contracturen": float(uitkomst.contracturen),
        "begeleidingsuren": float(uitkomst.begeleidingsuren),
        "uren_per_week": float(uitkomst.uren_per_week),
        "uren_per_doel": {str(d): float(u) for d, u in uitkomst.uren_per_doel.items()},
        "rijen": [
            {"rij": r.nummer, "telt_mee": r.telt_mee, "uren_per_week": float(r.uren_per_week),
             "totaal": float(r.totaal)}
            for r in uitkomst.rijen
        ],
        "percentage": float(uitkomst.percentage),
        "percentage_tekst": procent_afgekapt(uitkomst.percentage),
        "regime_aangevraagd": uitkomst.regime_aangevraagd,
        "regime_advies": uitkomst.regime_advies,
        "bevindingen": [{"code": b.code, "veld": b.veld, "tekst": b.tekst} for b in uitkomst.bevindingen],
    }


def _bereken(args: argparse.Namespace) -> int:
    uitkomst = bereken(laad_casus(args.bestand))
    if args.json:
        print(json.dumps(uitkomst_json(uitkomst), ensure_ascii=False, indent=2))
    else:
        print(samenvatting_tekst(uitkomst))
    return 0


def casusbestanden(paden: Sequence[Path]) -> list[Path]:
    """Alle casusbestanden (``*.yml``) in de gegeven paden; een map wordt doorzocht."""
    bestanden: list[Path] = []
    for pad in paden:
        if pad.is_dir():
            bestanden += sorted(pad.glob("*.yml"))
        else:
            bestanden.append(pad)
    return bestanden


def _controleer(args: argparse.Namespace) -> int:
    paden = args.paden or [STANDAARD_MAP]
    bestanden = casusbestanden(paden)
    if not bestanden:
        print(f"Geen casusbestanden (*.yml) gevonden in: {', '.join(map(str, paden))}", file=sys.stderr)
        return 1
    regels = laad_regels()
    fouten = 0
    for bestand in bestanden:
        try:
            uitkomst = bereken(laad_casus(bestand, regels), regels)
        except CasusFout as fout:
            fouten += 1
            print(fout.tekst(), file=sys.stderr)
            continue
        print(f"{toon_pad(bestand)}: in orde ({procent_afgekapt(uitkomst.percentage)} van de contracturen)")
        for b in uitkomst.bevindingen:
            print(f"{toon_pad(bestand)}: let op: {b.veld}: {b.tekst}")
    totaal = len(bestanden)
    if fouten:
        print(f"{fouten} van {totaal} casusbestanden {'is' if fouten == 1 else 'zijn'} ongeldig.", file=sys.stderr)
        return 1
    print(f"Alle {totaal} casusbestanden zijn geldig." if totaal > 1 else "Het casusbestand is geldig.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    tekst = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.schrijf:
        SCHEMA_PAD.parent.mkdir(parents=True, exist_ok=True)
        SCHEMA_PAD.write_text(tekst, encoding="utf-8")
        print(f"Geschreven: {SCHEMA_PAD}")
    else:
        print(tekst, end="")
    return 0


def _nieuw(args: argparse.Namespace) -> int:
    from .nieuw import NieuwFout, maak_casus  # hier: alleen deze opdracht heeft python-docx nodig

    try:
        gemaakt = maak_casus(Path.cwd(), args.naam, args.titel)
    except NieuwFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 1
    uitkomst = bereken(laad_casus(gemaakt.casusbestand))
    print(f"Gemaakt: {toon_pad(gemaakt.casusbestand)} (de gegevens)")
    print(f"Gemaakt: {toon_pad(gemaakt.pagina)} (de pagina)")
    print(f"Toegevoegd aan het menu in {toon_pad(gemaakt.menu)}: {gemaakt.titel}")
    print(f"Het voorbeeld rekent: {procent_afgekapt(uitkomst.percentage)} van de contracturen.")
    print(f"Vul nu de gegevens en de tekst in, en controleer met: python -m jobcoach controleer {toon_pad(gemaakt.casusbestand)}")
    return 0


def _datum(tekst: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ongeldige datum '{tekst}'; schrijf jaar-maand-dag, bijvoorbeeld 2027-01-31") from None


def _verouderd(args: argparse.Namespace) -> int:
    from .paginas import paginas_zonder_herzieningsdatum, verouderde_paginas

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


_ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
}
# argparse haalt zijn vaste teksten op via gettext; zo worden ze Nederlands.
argparse._ = lambda tekst: _ARGPARSE_NL.get(tekst, tekst)  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # Nederlandse melding, geen Engelse
        self.print_usage(sys.stderr)
        vertaald = (
            message.replace("the following arguments are required", "deze argumenten ontbreken")
            .replace("invalid choice", "onbekende opdracht")
            .replace("choose from", "kies uit")
            .replace("unrecognized arguments", "onbekende argumenten")
        )
        self.exit(2, f"{self.prog}: fout: {vertaald}\n")


def maak_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m jobcoach", description="Rekenen en controleren met casussen van de Leidraad Jobcoach.")
    sub = parser.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT", parser_class=_Parser)

    p = sub.add_parser("bereken", help="bereken de uren en het percentage van één casus")
    p.add_argument("bestand", type=Path, metavar="BESTAND", help="het casusbestand (.yml)")
    p.add_argument("--json", action="store_true", help="geef de uitkomst als JSON")
    p.set_defaults(functie=_bereken)

    p = sub.add_parser("controleer", help="controleer casusbestanden (standaard: de map casussen/)")
    p.add_argument("paden", type=Path, nargs="*", metavar="PAD", help="bestanden of mappen")
    p.set_defaults(functie=_controleer)

    p = sub.add_parser("schema", help="toon het JSON Schema van een casusbestand")
    p.add_argument("--schrijf", action="store_true", help=f"schrijf het naar {SCHEMA_PAD}")
    p.set_defaults(functie=_schema)

    p = sub.add_parser("nieuw", help="maak een nieuwe casus (gegevens en pagina) uit de sjablonen en zet hem in het menu")
    p.add_argument("naam", metavar="NAAM", help="kleine letters, cijfers en '-', bijvoorbeeld loonwaarde-en-regime")
    p.add_argument("--titel", help="de titel van de casus (standaard: gemaakt uit de naam)")
    p.set_defaults(functie=_nieuw)

    p = sub.add_parser("verouderd", help="toon de pagina's waarvan de herzieningsdatum (herzien_voor) voorbij is")
    p.add_argument("--datum", type=_datum, metavar="JJJJ-MM-DD", help="peildatum (standaard: vandaag)")
    p.add_argument("--docs", type=Path, default=Path("docs"), metavar="MAP", help="de map met pagina's (standaard: docs)")
    p.set_defaults(functie=_verouderd)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = maak_parser().parse_args(argv)
    try:
        return args.functie(args)
    except CasusFout as fout:
        print(fout.tekst(), file=sys.stderr)
        return 1
    except BrokenPipeError:  # bijvoorbeeld bij '| head'
        return 0
