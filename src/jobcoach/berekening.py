"""De urenberekening: van schema begeleidingsbehoefte naar uren per doel en per periode, percentage en bevindingen.

Alle rekenwerk gebeurt met exacte breuken (``Fraction``), zodat 0,1 + 0,2 precies 0,3 is en
het afkappen van het percentage nooit een afrondingsfout van de computer overneemt.

Rekenregels (zoals in de casus "Vaststellen begeleidingsbehoefte en regime jobcoaching"):

- contractweken = maanden x weken per maand (4, tenzij de casus een ander aantal noemt), of het aantal weken
  uit het contract;
- contracturen = uren per week x contractweken;
- een rij geeft begeleiding over het hele contract, of in fasen na elkaar (elk met eigen weken, intensiteit
  en eventueel uren per keer); na de laatste fase geen begeleiding meer;
- uren per week in een fase: wekelijks = uren, tweewekelijks = uren / 2, maandelijks = uren / weken per
  maand; een eenmalige fase telt één keer, in de week waarin zij begint;
- totaal van een rij = de som over de fasen van uren per week x weken (eenmalig: de uren zelf);
- alleen rijen die de jobcoach geeft (``door: jobcoach``) tellen mee;
- vaste extra uren tellen mee zoals ze zijn, in de eerste periode;
- perioden: blokken van zes maanden (6 x weken per maand) vanaf het begin van het contract; het eerste blok
  is de periode uit de casus (``periode``), het volgende de periode daarna;
- percentage = begeleidingsuren / contracturen x 100, getoond afgekapt op twee decimalen.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

from .casus import Casus, SchemaRij, breuk
from .controles import controleer_uitkomst
from .regels import Regels
from .uitkomst import Deel, PeriodeUitkomst, RijUitkomst, Uitkomst


def contractweken(casus: Casus, regels: Regels) -> Fraction:
    return casus.contractweken(regels)


# Om de hoeveel weken de begeleiding is (maandelijks: de weken per maand van de casus). De rekenhulp in de browser
# krijgt dit via jobcoach.browser, zodat het getal op één plek staat.
ELKE_N_WEKEN: dict[str, int] = {"wekelijks": 1, "tweewekelijks": 2}


def _elke_n_weken(intensiteit: str, weken_per_maand: Fraction) -> Fraction:
    return weken_per_maand if intensiteit == "maandelijks" else Fraction(ELKE_N_WEKEN[intensiteit])


def delen(rij: SchemaRij, weken: Fraction, weken_per_maand: Fraction) -> list[Deel]:
    """De fasen van een rij die meetelt, met hun begin, duur, uren per keer en aantal keren."""
    assert rij.telt_mee
    if rij.fasen is None:
        assert rij.uren is not None and rij.intensiteit is not None  # afgedwongen door het model
        fasen = [(weken, rij.intensiteit, breuk(rij.uren))]
    else:
        fasen = [(breuk(f.weken), f.intensiteit, breuk(f.uren if f.uren is not None else rij.uren))
                 for f in rij.fasen]
    uit: list[Deel] = []
    begin = Fraction(0)
    for duur, intensiteit, uren in fasen:
        keren = Fraction(1) if intensiteit == "eenmalig" else duur / _elke_n_weken(intensiteit, weken_per_maand)
        uit.append(Deel(begin, duur, intensiteit, uren, keren))
        begin += duur
    return uit


def _in_blok(deel: Deel, van: Fraction, tot: Fraction) -> Fraction:
    """De uren van een fase die vallen in de weken [van, tot)."""
    if deel.intensiteit == "eenmalig":
        return deel.uren if van <= deel.begin < tot else Fraction(0)
    overlap = min(tot, deel.begin + deel.weken) - max(van, deel.begin)
    return deel.uren * deel.keren * overlap / deel.weken if overlap > 0 else Fraction(0)


def bereken(casus: Casus, regels: Regels) -> Uitkomst:
    """Reken de casus door met deze regels en controleer de uitkomst (zie ``controles``)."""
    kader, protocol = regels.kader_en_protocol(casus.kader, casus.protocol)
    wpm = casus.weken_per_maand_van(regels)
    weken = casus.contractweken(regels)
    contracturen = breuk(casus.contract.uren_per_week) * weken
    doelen = sorted(regels.coachingsdoelen)

    rijen: list[RijUitkomst] = []
    per_doel = {doel: Fraction(0) for doel in doelen}
    for nummer, rij in enumerate(casus.schema_rijen, start=1):
        if rij.telt_mee:
            fasen = delen(rij, weken, wpm)
            totaal = sum((d.uren * d.keren for d in fasen), Fraction(0))
            keren = sum((d.keren for d in fasen), Fraction(0))
            per_doel[rij.doel] += totaal  # type: ignore[index]
            rijen.append(RijUitkomst(nummer, rij, totaal / weken, keren, totaal, tuple(fasen)))
        else:
            rijen.append(RijUitkomst(nummer, rij, Fraction(0), Fraction(0), Fraction(0)))
    for extra in casus.extra:
        per_doel[extra.doel] += breuk(extra.uren)

    # Perioden van zes maanden vanaf het begin van het contract.
    blok = regels.rekenregels.periode_maanden * wpm
    perioden: list[PeriodeUitkomst] = []
    van = Fraction(0)
    while van < weken:
        tot = min(van + blok, weken)
        uren_doel = {doel: Fraction(0) for doel in doelen}
        for r in rijen:
            for deel in r.fasen:
                uren_doel[r.rij.doel] += _in_blok(deel, van, tot)  # type: ignore[index]
        if not perioden:
            for extra in casus.extra:
                uren_doel[extra.doel] += breuk(extra.uren)
        perioden.append(PeriodeUitkomst(
            nummer=casus.periode + len(perioden), van=van, tot=tot,
            contracturen=breuk(casus.contract.uren_per_week) * (tot - van), uren_per_doel=uren_doel))
        van = tot

    begeleidingsuren = sum(per_doel.values(), Fraction(0))
    zonder_bevindingen = Uitkomst(
        casus=casus,
        kader=kader,
        protocol=protocol,
        doelen=dict(regels.coachingsdoelen),
        weken_per_maand=wpm,
        weken=weken,
        contracturen=contracturen,
        rijen=rijen,
        extra=list(casus.extra),
        begeleidingsuren=begeleidingsuren,
        uren_per_week=begeleidingsuren / weken,
        uren_per_doel=per_doel,
        percentage=begeleidingsuren / contracturen * 100,
        perioden=perioden,
    )
    return dataclasses.replace(zonder_bevindingen, bevindingen=controleer_uitkomst(zonder_bevindingen, regels))
