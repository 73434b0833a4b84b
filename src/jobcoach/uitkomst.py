"""De uitkomst van een berekening: uren per rij, per doel en in totaal, het percentage en de bevindingen.

Alleen gegevens, geen rekenwerk: ``berekening`` maakt een ``Uitkomst``, ``controles`` leest er een.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

from .casus import Casus, Extra, SchemaRij
from .regels import Protocol


@lru_cache(maxsize=4096)  # dezelfde uren (0.5, 1, 40 …) komen in elke casus terug; Fraction is onveranderlijk
def breuk(getal: float | int) -> Fraction:
    """Een getal uit YAML als exacte breuk: 0.1 wordt 1/10, niet 0,1000000000000000055…"""
    return Fraction(str(getal)) if isinstance(getal, float) else Fraction(getal)


@dataclass(frozen=True)
class RijUitkomst:
    nummer: int  # vanaf 1, zoals in de foutmeldingen
    rij: SchemaRij
    uren_per_week: Fraction  # 0 als de rij niet meetelt
    keren: Fraction  # hoe vaak de uren worden gegeven over de contractperiode
    totaal: Fraction

    @property
    def telt_mee(self) -> bool:
        return self.rij.telt_mee


@dataclass(frozen=True)
class Bevinding:
    """Een uitkomst van een controle: geen fout in het bestand, maar iets om op te letten."""

    code: str
    tekst: str
    veld: str = ""


@dataclass(frozen=True)
class Uitkomst:
    casus: Casus
    protocol: Protocol
    doelen: dict[int, str]
    weken: Fraction
    contracturen: Fraction
    rijen: list[RijUitkomst]
    extra: list[Extra]
    begeleidingsuren: Fraction
    uren_per_week: Fraction
    uren_per_doel: dict[int, Fraction]
    percentage: Fraction
    bevindingen: list[Bevinding] = field(default_factory=list)

    @property
    def percentage_afgekapt(self) -> Fraction:
        """Het percentage afgekapt (niet afgerond) op twee decimalen: 4,375 wordt 4,37."""
        return Fraction(math.floor(self.percentage * 100), 100)

    @property
    def regime_aangevraagd(self) -> float:
        return self.casus.aanvraag.regime

    @property
    def regime_advies(self) -> float | None:
        return self.casus.advies.regime if self.casus.advies else None
