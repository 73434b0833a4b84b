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

import dataclasses
from fractions import Fraction

from .casus import Casus, SchemaRij
from .controles import controleer_uitkomst
from .regels import Regels
from .uitkomst import RijUitkomst, Uitkomst, breuk


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


def bereken(casus: Casus, regels: Regels) -> Uitkomst:
    """Reken de casus door met deze regels en controleer de uitkomst (zie ``controles``)."""
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
    zonder_bevindingen = Uitkomst(
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
    return dataclasses.replace(zonder_bevindingen, bevindingen=controleer_uitkomst(zonder_bevindingen, regels))
