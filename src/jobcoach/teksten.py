"""De teksten van de berekening (``data/teksten.yml``): één bron voor de site en de rekenhulp in de browser."""

from __future__ import annotations

from pathlib import Path

from .lezer import TEKSTEN_PAD, Strikt, laad_yaml_model


class Veldtekst(Strikt):
    label: str
    hint: str | None = None


class Hint(Strikt):
    patroon: str  # reguliere expressie, dezelfde in Python en JavaScript
    tekst: str


class Teksten(Strikt):
    aard: dict[str, str]
    intensiteit: dict[str, str]
    duur_per: dict[str, str]
    tabellen: dict[str, dict[str, str | list[str]]]
    bevindingen: dict[str, str]
    meldingen: dict[str, str]  # ook gelezen door ``lezer`` (MELDINGEN)
    waarden: dict[str, str]  # een gevonden waarde in een melding (ook gelezen door ``lezer``)
    velden: dict[str, Veldtekst]
    rekenhulp: dict[str, str]  # alleen de rekenhulp: de urenonderbouwing (scherm, papier, Word)
    hints: list[Hint]  # raad bij een getal dat geen getal is (ook gelezen door ``lezer``)
    formulier: dict[str, str | dict[str, str]]  # alleen het formulier van de rekenhulp (meldingen)
    plan: dict[str, str | list[str]]  # alleen het Word-bestand van de rekenhulp (het ingevulde coachingsplan)

    def tabel(self, naam: str, sleutel: str, **waarden: str) -> str:
        tekst = self.tabellen[naam][sleutel]
        assert isinstance(tekst, str), f"tabellen.{naam}.{sleutel} is geen tekst"
        return tekst.format(**waarden) if waarden else tekst

    def koppen(self, naam: str) -> list[str]:
        koppen = self.tabellen[naam]["koppen"]
        assert isinstance(koppen, list), f"tabellen.{naam}.koppen is geen lijst"
        return koppen

    def bevinding(self, sleutel: str, **waarden: str) -> str:
        return self.bevindingen[sleutel].format(**waarden)


def laad_teksten(pad: Path = TEKSTEN_PAD) -> Teksten:
    return laad_yaml_model(pad, Teksten)


# Vaste gegevens van het pakket, één keer gelezen (een fout erin is een fout in het pakket zelf).
TEKSTEN = laad_teksten()
