"""De tabellen van een berekende casus als gegevens: bijschrift, kolomkoppen, rijen en totalen.

Eén stap tussen de berekening en de weergave: ``html`` maakt er HTML van (voor de site), ``terminal``
tekst (voor de opdrachtregel). Een cel is tekst (:class:`str`), code (:class:`Code`), een naam met code
(:class:`MetCode`), een lijst teksten (:class:`tuple`, zoals een motivering met meer punten) of al veilige HTML
(:class:`Html`). Alle tekst is gewone tekst: de weergave escapet hem.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .casus import SchemaRij
from .opmaak import datum, getal, procent, procent_afgekapt, uren
from .regels import Protocol, Regels
from .teksten import TEKSTEN
from .uitkomst import Uitkomst


class Code(str):
    """Een cel die code is (zoals een protocol-id)."""


class Html(str):
    """Een cel met HTML die de maker al veilig heeft gemaakt (de weergave escapet haar niet)."""


@dataclass(frozen=True)
class MetCode:
    """Een cel met een naam en daaronder de code die erbij hoort (zoals een protocolversie en haar id)."""

    tekst: str
    code: str


Cel = str | Code | Html | MetCode | tuple[str, ...]


@dataclass(frozen=True)
class Tabel:
    bijschrift: str
    koppen: list[str]
    rijen: list[list[Cel]]
    voet: list[list[Cel]] = field(default_factory=list)  # totaalrijen; de eerste cel is hun kop
    rechts: frozenset[int] = frozenset()  # kolommen met getallen, rechts uitgelijnd
    rijkoppen: bool = False  # is de eerste cel van elke rij de kop van die rij?


def duur_tekst(rij: SchemaRij) -> str:
    """De duur zoals het schema hem noemt: '0,5 uur per week', '1 uur per 2 weken'."""
    if rij.uren is None:
        return ""
    per = TEKSTEN.duur_per.get(rij.intensiteit or "", "")
    return f"{uren(rij.uren)} uur {per}".strip()


def _motivering(rij: SchemaRij) -> Cel:
    if not rij.motivering:
        return ""
    return rij.motivering[0] if len(rij.motivering) == 1 else tuple(rij.motivering)


def schema(uitkomst: Uitkomst) -> Tabel:
    """Het schema begeleidingsbehoefte zoals in de casus: dezelfde kolommen, alleen wat de casus invult.

    De aard staat alleen bij de eerste rij van een groep (zoals in de bron). Vaste uren bovenop het schema
    staan hier niet; die toont de urenberekening, met hun herkomst.
    """
    t = TEKSTEN
    rijen: list[list[Cel]] = []
    vorige_aard = None
    for r in uitkomst.rijen:
        rij = r.rij
        aard = t.aard[rij.aard] if rij.aard != vorige_aard else ""
        vorige_aard = rij.aard
        rijen.append([aard, rij.knelpunt, rij.door.capitalize() if rij.door else "", rij.aan or "", duur_tekst(rij),
                      t.intensiteit.get(rij.intensiteit or "", ""), _motivering(rij)])
    return Tabel(t.tabel("schema", "bijschrift", titel=uitkomst.casus.titel), t.koppen("schema"), rijen)


def per_rij(uitkomst: Uitkomst) -> Tabel:
    """De urenberekening per rij van het schema, met het totaal.

    Zes kolommen: rij, knelpunt, door, doel, de berekening in woorden ('0,5 uur × 24 keer (wekelijks)') en het
    totaal. Een rij die niet meetelt, zegt in de kolom Berekening waarom.
    """
    t = TEKSTEN
    rijen: list[list[Cel]] = []
    for r in uitkomst.rijen:
        rij = r.rij
        if r.telt_mee:
            berekening = t.tabel("per_rij", "berekening", uren=uren(rij.uren), keren=getal(r.keren),  # type: ignore[arg-type]
                                 intensiteit=t.intensiteit[rij.intensiteit].lower())  # type: ignore[index]
            rijen.append([str(r.nummer), rij.knelpunt, "Jobcoach", str(rij.doel), berekening, uren(r.totaal)])
        else:
            rijen.append([str(r.nummer), rij.knelpunt, rij.door.capitalize() if rij.door else "", "",
                          t.tabel("per_rij", "telt_niet_mee" if rij.door else "geen_uren"), ""])
    for extra in uitkomst.extra:
        omschrijving = t.tabel("per_rij", "herkomst", omschrijving=extra.omschrijving, herkomst=extra.herkomst) \
            if extra.herkomst else extra.omschrijving
        rijen.append([t.tabel("per_rij", "vast"), omschrijving, "Jobcoach", str(extra.doel),
                      t.tabel("schema", "vast_aantal"), uren(extra.uren)])
    voet: list[list[Cel]] = [[t.tabel("per_rij", "totaal"), "", "", "", "", uren(uitkomst.begeleidingsuren)]]
    return Tabel(t.tabel("per_rij", "bijschrift", weken=getal(uitkomst.weken)), t.koppen("per_rij"), rijen, voet,
                 frozenset({0, 5}))


def per_doel(uitkomst: Uitkomst) -> Tabel:
    t = TEKSTEN
    rijen: list[list[Cel]] = [[str(d), naam, uren(uitkomst.uren_per_doel[d])] for d, naam in uitkomst.doelen.items()]
    return Tabel(t.tabel("per_doel", "bijschrift"), t.koppen("per_doel"), rijen,
                 [[t.tabel("per_doel", "totaal"), "", uren(uitkomst.begeleidingsuren)]], frozenset({0, 2}))


def samenvatting(uitkomst: Uitkomst) -> Tabel:
    """Contract, uren, percentage en regimes."""
    t = TEKSTEN
    casus = uitkomst.casus
    weken = getal(uitkomst.weken)

    def s(sleutel: str, **waarden: str) -> str:
        return t.tabel("samenvatting", sleutel, **waarden)

    rijen: list[list[Cel]] = [
        [s("protocol"), uitkomst.protocol.naam],
        [s("contract"), s("contract_waarde", uren_per_week=getal(casus.contract.uren_per_week), weken=weken)],
        [s("contracturen"), uren(uitkomst.contracturen)],
        [s("begeleidingsuren"), uren(uitkomst.begeleidingsuren)],
        [s("per_week"), s("per_week_waarde", uren=uren(uitkomst.uren_per_week))],
        [s("percentage"), s("percentage_waarde", begeleidingsuren=uren(uitkomst.begeleidingsuren),
                            contracturen=uren(uitkomst.contracturen), percentage=procent_afgekapt(uitkomst.percentage))],
        [s("aangevraagd"), procent(casus.aanvraag.regime)],
        [s("geadviseerd"), procent(casus.advies.regime) if casus.advies else s("geen_advies")],
    ]
    return Tabel(s("bijschrift"), t.koppen("samenvatting"), rijen, rijkoppen=True)


def berekening(uitkomst: Uitkomst) -> list[Tabel]:
    """De urenberekening: per rij, per doel en de samenvatting."""
    return [per_rij(uitkomst), per_doel(uitkomst), samenvatting(uitkomst)]


def bekende_regels(p: Protocol) -> str:
    """Wat de site van een protocolversie weet (leeg als niets bekend is), voor de tabel en de rekenhulp."""
    bekend = []
    if p.eerste_periode and p.eerste_periode.normaal_max is not None:
        bekend.append(f"eerste periode normaal hoogstens {procent(p.eerste_periode.normaal_max)}")
    if p.eerste_periode and p.eerste_periode.max_met_onderbouwing is not None:
        bekend.append(f"met onderbouwing hoogstens {procent(p.eerste_periode.max_met_onderbouwing)}")
    if p.periode_maanden:
        bekend.append(f"perioden van {p.periode_maanden} maanden")
    if p.max_jaren:
        bekend.append(f"hoogstens {p.max_jaren} jaar")
    if p.max_per_jaar:
        bekend.append("per jaar hoogstens " + ", ".join(procent(x) for x in p.max_per_jaar))
    regimes = [f"{r.naam} ({procent(r.percentage)})" if r.percentage is not None else f"{r.naam} (percentage onbekend)"
               for r in p.regimes]
    if regimes:
        bekend.append("regimes: " + ", ".join(regimes))
    if p.onzeker:
        bekend.append(f"onzeker: {p.onzeker}")
    return "; ".join(bekend)


def protocollen(regels: Regels) -> Tabel:
    """De protocolversies uit de regels, met bron, geldigheid en de bekende waarden.

    Vier kolommen: de naam met het id eronder (het id is wat een casusbestand noemt), geldig, bekende regels, bron.
    """
    rijen: list[list[Cel]] = []
    for p in regels.protocollen:
        einde = regels.einde(p)
        tot = "onbekend" if einde is None else datum(einde) + (" (tot de volgende versie)" if p.geldig_tot == "opvolger" else "")
        rijen.append([MetCode(p.naam, p.id), f"{datum(p.geldig_van)} tot en met {tot}",
                      bekende_regels(p) or "geen waarden bekend", p.bron])
    return Tabel(TEKSTEN.tabel("protocollen", "bijschrift"), TEKSTEN.koppen("protocollen"), rijen)
