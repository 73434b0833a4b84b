"""De urenberekening: van schema begeleidingsbehoefte naar uren, percentage en bevindingen.

Alle rekenwerk gebeurt met exacte breuken (``Fraction``), zodat 0,1 + 0,2 precies 0,3 is en
het afkappen van het percentage nooit een afrondingsfout van de computer overneemt.

Rekenregels (zoals in de casus "Vaststellen begeleidingsbehoefte en regime jobcoaching"):

- contractweken = maanden x weken_per_maand (4), of het aantal weken uit het contract;
- contracturen = uren per week x contractweken;
- uren per week van een rij: wekelijks = uren, tweewekelijks = uren / 2,
  maandelijks = uren / weken_per_maand; een eenmalige rij telt één keer;
- totaal van een rij = uren per week x contractweken (eenmalig: de uren zelf);
- alleen rijen die de jobcoach geeft (``door: jobcoach``) tellen mee;
- vaste extra uren tellen mee zoals ze zijn;
- percentage = begeleidingsuren / contracturen x 100, getoond afgekapt op twee decimalen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

from .casus import Casus, Extra, SchemaRij
from .regels import Protocol, Regels, laad_regels


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


def contractweken(casus: Casus, regels: Regels) -> Fraction:
    if casus.contract.weken is not None:
        return breuk(casus.contract.weken)
    assert casus.contract.maanden is not None  # afgedwongen door het model
    return breuk(casus.contract.maanden) * regels.rekenregels.weken_per_maand


def _per_week_en_keren(rij: SchemaRij, weken: Fraction, regels: Regels) -> tuple[Fraction, Fraction]:
    """Uren per week en het aantal keren over de hele periode, voor een rij die meetelt."""
    assert rij.uren is not None and rij.intensiteit is not None
    uren = breuk(rij.uren)
    if rij.intensiteit == "eenmalig":
        return uren / weken, Fraction(1)
    elke_n_weken = {
        "wekelijks": Fraction(1),
        "tweewekelijks": Fraction(2),
        "maandelijks": Fraction(regels.rekenregels.weken_per_maand),
    }[rij.intensiteit]
    return uren / elke_n_weken, weken / elke_n_weken


def bereken(casus: Casus, regels: Regels | None = None) -> Uitkomst:
    regels = regels or laad_regels()
    protocol = regels.protocol(casus.protocol)
    weken = contractweken(casus, regels)
    contracturen = breuk(casus.contract.uren_per_week) * weken

    rijen: list[RijUitkomst] = []
    per_doel = {doel: Fraction(0) for doel in sorted(regels.coachingsdoelen)}
    for nummer, rij in enumerate(casus.schema_rijen, start=1):
        if rij.telt_mee:
            per_week, keren = _per_week_en_keren(rij, weken, regels)
            totaal = breuk(rij.uren) * keren  # type: ignore[arg-type]
            per_doel[rij.doel] += totaal  # type: ignore[index]
        else:
            per_week = keren = totaal = Fraction(0)
        rijen.append(RijUitkomst(nummer, rij, per_week, keren, totaal))
    for extra in casus.extra:
        per_doel[extra.doel] += breuk(extra.uren)

    begeleidingsuren = sum(per_doel.values(), Fraction(0))
    uitkomst = Uitkomst(
        casus=casus,
        protocol=protocol,
        doelen=dict(regels.coachingsdoelen),
        weken=weken,
        contracturen=contracturen,
        rijen=rijen,
        extra=list(casus.extra),
        begeleidingsuren=begeleidingsuren,
        uren_per_week=begeleidingsuren / weken,
        uren_per_doel=per_doel,
        percentage=begeleidingsuren / contracturen * 100,
    )
    from .controles import controleer_uitkomst  # hier, om een kringverwijzing te vermijden

    return Uitkomst(**{**uitkomst.__dict__, "bevindingen": controleer_uitkomst(uitkomst, regels)})
