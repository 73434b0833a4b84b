"""Opdrachtregel van het domein: ``python -m jobcoach OPDRACHT``.

- ``bereken BESTAND [--json]``: de uren en het percentage van één casus;
- ``controleer [PAD…]``: casusbestanden controleren (standaard de map ``casussen/``);
- ``schema [--schrijf]``: het JSON Schema van een casusbestand.

De opdracht ``jobcoach`` (``leidraadsite.cli``) heeft deze opdrachten ook, plus die van de site
(``nieuw`` en ``verouderd``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import NoReturn
from collections.abc import Callable, Sequence
from pathlib import Path

from .berekening import Uitkomst, bereken
from .casus import json_schema, laad_casus
from .fouten import Bestandsfout
from .opmaak import procent_afgekapt, uren
from .regels import laad_regels
from .tabeldata import toont_percentage
from .terminal import samenvatting_tekst, veilige_uitvoer
from .lezer import bestanden_in_map, toon_pad

STANDAARD_MAP = Path("casussen")
SCHEMA_PAD = Path("docs/schema/casus.schema.json")


def uitkomst_json(uitkomst: Uitkomst) -> dict:
    """De uitkomst als JSON-object. Getallen zijn niet afgerond; ``percentage_tekst`` is zoals de site hem toont."""
    return {
        "titel": uitkomst.casus.titel,
        "kader": uitkomst.kader.id,
        "protocol": uitkomst.protocol.id if uitkomst.protocol else None,
        "periode": uitkomst.casus.periode,
        "weken_per_maand": float(uitkomst.weken_per_maand),
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
        "uren_aangevraagd": uitkomst.uren_aangevraagd,
        "uren_advies": uitkomst.uren_advies,
        "perioden": [
            {"periode": p.nummer, "jaar": p.jaar, "van_week": float(p.van), "tot_week": float(p.tot),
             "contracturen": float(p.contracturen), "begeleidingsuren": float(p.begeleidingsuren),
             "uren_per_doel": {str(d): float(u) for d, u in p.uren_per_doel.items()}, "percentage": float(p.percentage)}
            for p in uitkomst.perioden
        ],
        "bevindingen": [{"code": b.code, "veld": b.veld, "tekst": b.tekst} for b in uitkomst.bevindingen],
    }


def _bereken(args: argparse.Namespace) -> int:
    regels = laad_regels()
    uitkomst = bereken(laad_casus(args.bestand, regels, binnen=Path.cwd()), regels)
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
            bestanden += bestanden_in_map(pad)
        else:
            bestanden.append(pad)
    return bestanden


def _controleer(args: argparse.Namespace) -> int:
    paden = args.paden or [STANDAARD_MAP]
    # Zonder pad de map casussen/; bestaat die niet, dan zegt de melding dat (niet: 'bestand bestaat niet').
    bestanden = casusbestanden(paden) if args.paden else bestanden_in_map(STANDAARD_MAP)
    if not bestanden:
        print(f"Geen casusbestanden (*.yml) gevonden in: {', '.join(map(str, paden))}", file=sys.stderr)
        return 1
    regels = laad_regels()
    fouten = 0
    for bestand in bestanden:
        try:
            uitkomst = bereken(laad_casus(bestand, regels, binnen=Path.cwd()), regels)
        except Bestandsfout as fout:
            fouten += 1
            print(fout.tekst(), file=sys.stderr)
            continue
        samen = f"{uren(uitkomst.begeleidingsuren)} uur"
        if toont_percentage(uitkomst):
            samen += f", {procent_afgekapt(uitkomst.percentage)} van de contracturen"
        print(f"{toon_pad(bestand)}: in orde ({samen})")
        for b in uitkomst.bevindingen:
            print(f"{toon_pad(bestand)}: let op: {b.veld}: {b.tekst}")
    totaal = len(bestanden)
    if fouten:
        if totaal == 1:
            print("Het casusbestand is ongeldig.", file=sys.stderr)
        else:
            print(f"{fouten} van {totaal} casusbestanden {'is' if fouten == 1 else 'zijn'} ongeldig.", file=sys.stderr)
        return 1
    print(f"Alle {totaal} casusbestanden zijn geldig." if totaal > 1 else "Het casusbestand is geldig.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    tekst = json.dumps(json_schema(laad_regels()), ensure_ascii=False, indent=2) + "\n"
    if args.schrijf:
        SCHEMA_PAD.parent.mkdir(parents=True, exist_ok=True)
        SCHEMA_PAD.write_text(tekst, encoding="utf-8")
        print(f"Geschreven: {SCHEMA_PAD}")
    else:
        print(tekst, end="")
    return 0


class _Hulpopmaak(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # noqa: ANN001 - vorm van argparse
        return super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """Een ``ArgumentParser`` met Nederlandse hulp en foutmeldingen (alleen met de openbare API van argparse)."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **{**kwargs, "add_help": False, "formatter_class": _Hulpopmaak})
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:  # Nederlandse melding, geen Engelse
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {vertaal(message)}\n")


def _keuzes(gevonden: re.Match[str]) -> str:
    # Niet elke versie van Python zet de keuzes tussen aanhalingstekens (3.11 wel): zonder is korter en overal gelijk.
    keuzes = ", ".join(k.strip("'") for k in gevonden["keuzes"].split(", "))
    return f"argument {gevonden['argument']}: onbekende opdracht: {gevonden['waarde']} (kies uit {keuzes})"


# De meldingen van argparse die een gebruiker van deze opdrachten kan krijgen, in het Nederlands.
_VERTALINGEN: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"the following arguments are required: (.*)"), r"deze argumenten ontbreken: \1"),
    (re.compile(r"argument (?P<argument>\S+): invalid choice: (?P<waarde>.*) \(choose from (?P<keuzes>.*)\)"), _keuzes),
    (re.compile(r"unrecognized arguments: (.*)"), r"onbekende argumenten: \1"),
    (re.compile(r"argument (\S+): expected one argument"), r"argument \1: hier hoort een waarde bij"),
    (re.compile(r"argument (\S+): ignored explicit argument (.*)"), r"argument \1: hier hoort geen waarde bij (gevonden: \2)"),
    (re.compile(r"ambiguous option: (\S+) could match (.*), (\S+)"),
     r"onduidelijke optie \1: dat kan \2 of \3 zijn; schrijf de optie voluit"),
)


def vertaal(melding: str) -> str:
    """Een foutmelding van argparse in het Nederlands (een onbekende melding blijft zoals hij is)."""
    for patroon, vervanging in _VERTALINGEN:
        melding = patroon.sub(vervanging, melding)
    return melding


def voeg_opdrachten_toe(sub: argparse._SubParsersAction) -> None:
    """De opdrachten van het domein: bereken, controleer en schema."""
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


def maak_parser(prog: str = "python -m jobcoach") -> tuple[Parser, argparse._SubParsersAction]:
    parser = Parser(prog=prog, description="Rekenen en controleren met casussen van de Leidraad Jobcoach.")
    sub = parser.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT", parser_class=Parser,
                                title="opdrachten")
    voeg_opdrachten_toe(sub)
    return parser, sub


def voer_uit(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> int:
    with veilige_uitvoer():  # geen rauw stuurteken uit een bestandsnaam, veldnaam of argument naar de terminal
        return _voer_uit(parser, argv)


def _voer_uit(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> int:
    args = parser.parse_args(argv)
    try:
        return args.functie(args)
    except Bestandsfout as fout:
        print(fout.tekst(), file=sys.stderr)
        return 1
    except BrokenPipeError:  # bijvoorbeeld bij '| head'
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    return voer_uit(maak_parser()[0], argv)
