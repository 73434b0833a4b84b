"""De uitkomst van een berekening: uren per rij, per doel en in totaal, het percentage en de bevindingen.

Alleen gegevens, geen rekenwerk: ``berekening`` maakt een ``Uitkomst``, ``controles`` leest er een.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

from .casus import Casus, Extra, SchemaRij, breuk  # noqa: F401 - breuk: ook vanuit hier te gebruiken
from .regels import Kader, Protocol


MAANDEN_PER_JAAR = 12
PERIODEN_PER_JAAR = 2  # perioden van zes maanden: 1-2 is jaar 1, 3-4 jaar 2, 5-6 jaar 3


@dataclass(frozen=True)
class Deel:
    """Een fase van een rij die meetelt: vanaf week ``begin`` (vanaf 0), ``weken`` lang."""

    begin: Fraction
    weken: Fraction
    intensiteit: str
    uren: Fraction  # per keer
    keren: Fraction


@dataclass(frozen=True)
class PeriodeUitkomst:
    """De uren in één periode van zes maanden (de laatste kan korter zijn, als het contract eerder eindigt)."""

    nummer: int  # 1 = het eerste halfjaar, 2 = het tweede, …
    van: Fraction  # week vanaf 0
    tot: Fraction
    contracturen: Fraction
    uren_per_doel: dict[int, Fraction]

    @property
    def weken(self) -> Fraction:
        return self.tot - self.van

    @property
    def begeleidingsuren(self) -> Fraction:
        return sum(self.uren_per_doel.values(), Fraction(0))

    @property
    def percentage(self) -> Fraction:
        return self.begeleidingsuren / self.contracturen * 100

    @property
    def jaar(self) -> int:
        """Het jaar waarin deze periode valt: perioden 1-2 jaar 1, 3-4 jaar 2, 5-6 jaar 3."""
        return (self.nummer - 1) // PERIODEN_PER_JAAR + 1




@dataclass(frozen=True)
class RijUitkomst:
    nummer: int  # vanaf 1, zoals in de foutmeldingen
    rij: SchemaRij
    uren_per_week: Fraction  # gemiddeld over het contract; 0 als de rij niet meetelt
    keren: Fraction  # hoe vaak de uren worden gegeven over de contractperiode
    totaal: Fraction
    fasen: tuple[Deel, ...] = ()  # leeg als de rij niet meetelt

    @property
    def telt_mee(self) -> bool:
        return self.rij.telt_mee


@dataclass(frozen=True)
class Bevinding:
    """Een uitkomst van een controle: geen fout in het bestand, maar iets om op te letten."""

    code: str
    tekst: str
    veld: str = ""
    kader: str = ""  # het kader en de bron waaruit de regel komt, zoals het in de tekst staat


@dataclass(frozen=True)
class Uitkomst:
    casus: Casus
    kader: Kader
    protocol: Protocol | None  # None: een kader zonder protocol (een aanvraag van nu)
    doelen: dict[int, str]
    weken_per_maand: Fraction
    weken: Fraction
    contracturen: Fraction
    rijen: list[RijUitkomst]
    extra: list[Extra]
    begeleidingsuren: Fraction
    uren_per_week: Fraction
    uren_per_doel: dict[int, Fraction]
    percentage: Fraction
    perioden: list[PeriodeUitkomst] = field(default_factory=list)
    bevindingen: list[Bevinding] = field(default_factory=list)

    @property
    def historisch(self) -> bool:
        """Rekent de casus met een vervallen Protocol Jobcoach (zoals de casus bij de leidraad)?"""
        return self.kader.soort == "historisch"

    @property
    def verlenging(self) -> bool:
        return self.casus.periode >= 2

    @property
    def percentage_afgekapt(self) -> Fraction:
        """Het percentage afgekapt (niet afgerond) op twee decimalen: 4,375 wordt 4,37."""
        return Fraction(math.floor(self.percentage * 100), 100)

    @property
    def regime_aangevraagd(self) -> float | None:
        return self.casus.aanvraag.regime if self.casus.aanvraag else None

    @property
    def regime_advies(self) -> float | None:
        return self.casus.advies.regime if self.casus.advies else None

    @property
    def uren_aangevraagd(self) -> float | None:
        return self.casus.aanvraag.uren if self.casus.aanvraag else None

    @property
    def uren_advies(self) -> float | None:
        return self.casus.advies.uren if self.casus.advies else None
