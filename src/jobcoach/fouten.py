"""Foutmeldingen in het Nederlands: één melding per probleem, met bestand, regel en veld."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Probleem:
    """Eén probleem in een gegevensbestand."""

    bestand: str
    pad: str
    melding: str
    regel: int | None = None
    code: str = ""  # de soort probleem (een sleutel van 'meldingen' in data/teksten.yml); leeg bij een fout in de YAML

    def __str__(self) -> str:
        plaats = self.bestand if self.regel is None else f"{self.bestand}:{self.regel}"
        if self.pad:
            return f"{plaats}: {self.pad}: {self.melding}"
        return f"{plaats}: {self.melding}"


class Bestandsfout(Exception):
    """Een of meer problemen in een gegevensbestand (casus, regels, pagina, CHANGELOG, resultaten …)."""

    def __init__(self, problemen: list[Probleem]):
        if not problemen:
            raise ValueError("Bestandsfout zonder problemen")
        self.problemen = list(problemen)
        super().__init__(self.tekst())

    def tekst(self) -> str:
        return "\n".join(str(p) for p in self.problemen)


def pad_tekst(loc: tuple[str | int, ...]) -> str:
    """Maak van een veldpad een leesbare tekst, zoals ``schema[2].uren``.

    Rijen in een lijst tellen vanaf 1, zoals een mens ze telt.
    """
    tekst = ""
    for deel in loc:
        if isinstance(deel, int):
            tekst += f"[{deel + 1}]"
        else:
            tekst += f".{deel}" if tekst else str(deel)
    return tekst
