"""De tabellen van een berekende casus als gegevens: bijschrift, kolomkoppen, rijen en totalen.

Eén stap tussen de berekening en de weergave: ``html`` maakt er HTML van (voor de site), ``terminal``
tekst (voor de opdrachtregel). Een cel is tekst (:class:`str`), code (:class:`Code`), een naam met code
(:class:`MetCode`), een lijst teksten (:class:`tuple`, zoals een motivering met meer punten) of al veilige HTML
(:class:`Html`). Alle tekst is gewone tekst: de weergave escapet hem.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .casus import Regime, SchemaRij
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
    """De duur zoals het schema hem noemt: '0,5 uur per week', '1 uur per 2 weken'; met fasen:
    '1 uur per week (12 weken), dan 1 uur per 2 weken (12 weken)'."""
    if rij.fasen is not None:
        return TEKSTEN.tabel("schema", "dan").join(
            TEKSTEN.tabel("schema", "fase", duur=f"{uren(f.uren if f.uren is not None else rij.uren)} uur "  # type: ignore[arg-type]
                          f"{TEKSTEN.duur_per[f.intensiteit]}".strip(), weken=getal(f.weken))
            for f in rij.fasen)
    if rij.uren is None:
        return ""
    per = TEKSTEN.duur_per.get(rij.intensiteit or "", "")
    return f"{uren(rij.uren)} uur {per}".strip()


def intensiteit_tekst(rij: SchemaRij) -> str:
    """'Wekelijks'; met fasen: 'Wekelijks, dan tweewekelijks'."""
    if rij.fasen is not None:
        namen = [TEKSTEN.intensiteit[f.intensiteit] for f in rij.fasen]
        return TEKSTEN.tabel("schema", "dan").join([namen[0], *(n.lower() for n in namen[1:])])
    return TEKSTEN.intensiteit.get(rij.intensiteit or "", "")


def weken_tekst(uitkomst: Uitkomst) -> str:
    """Hoe de weken geteld zijn: '24 weken (6 maanden × 4 weken per maand)' of '10 weken'."""
    maanden = uitkomst.casus.contract.maanden
    if maanden is None:
        return TEKSTEN.tabel("samenvatting", "weken", weken=getal(uitkomst.weken))
    return TEKSTEN.tabel("samenvatting", "weken_uit_maanden", weken=getal(uitkomst.weken), maanden=getal(maanden),
                         weken_per_maand=getal(uitkomst.weken_per_maand))


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
                      intensiteit_tekst(rij), _motivering(rij)])
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
            berekening = t.tabel("per_rij", "plus").join(
                t.tabel("per_rij", "berekening", uren=uren(d.uren), keren=getal(d.keren),
                        intensiteit=t.intensiteit[d.intensiteit].lower()) for d in r.fasen)
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
    return Tabel(t.tabel("per_rij", "bijschrift", weken=weken_tekst(uitkomst)), t.koppen("per_rij"), rijen, voet,
                 frozenset({0, 5}))


def per_doel(uitkomst: Uitkomst) -> Tabel:
    t = TEKSTEN
    rijen: list[list[Cel]] = [[str(d), naam, uren(uitkomst.uren_per_doel[d])] for d, naam in uitkomst.doelen.items()]
    return Tabel(t.tabel("per_doel", "bijschrift"), t.koppen("per_doel"), rijen,
                 [[t.tabel("per_doel", "totaal"), "", uren(uitkomst.begeleidingsuren)]], frozenset({0, 2}))


def toont_percentage(uitkomst: Uitkomst) -> bool:
    """Het percentage van de contracturen hoort bij het historische protocol en bij de interne jobcoach (maxima
    per jaar); bij een aanvraag van nu via UWV of de gemeente telt de site uren."""
    return uitkomst.historisch or bool(uitkomst.protocol and uitkomst.protocol.max_per_jaar)


def _regime_of_uren(regime: Regime | None, geen: str) -> str:
    if regime is None:
        return geen
    delen = []
    if regime.regime is not None:
        delen.append(procent(regime.regime))
    if regime.uren is not None:
        delen.append(f"{uren(regime.uren)} uur")
    return ", ".join(delen)


def periode_tekst(uitkomst: Uitkomst) -> str:
    casus = uitkomst.casus
    soort = "verlenging" if uitkomst.verlenging else "eerste"
    return TEKSTEN.tabel("samenvatting", f"periode_{soort}", periode=str(casus.periode))


def samenvatting(uitkomst: Uitkomst) -> Tabel:
    """Kader, periode, contract, uren, (percentage) en aanvraag en advies."""
    t = TEKSTEN
    casus = uitkomst.casus

    def s(sleutel: str, **waarden: str) -> str:
        return t.tabel("samenvatting", sleutel, **waarden)

    kader = uitkomst.kader.naam
    if casus.verordening:
        kader = s("kader_verordening", kader=kader, verordening=casus.verordening)
    rijen: list[list[Cel]] = []
    if uitkomst.historisch and uitkomst.protocol is not None:
        rijen.append([s("protocol"), uitkomst.protocol.naam])
    else:
        rijen.append([s("kader"), kader])
        if uitkomst.protocol is not None:
            rijen.append([s("protocol"), uitkomst.protocol.naam])
        rijen.append([s("periode"), periode_tekst(uitkomst)])
    rijen += [
        [s("contract"), s("contract_waarde", uren_per_week=getal(casus.contract.uren_per_week),
                          weken=weken_tekst(uitkomst))],
        [s("contracturen"), uren(uitkomst.contracturen)],
        [s("begeleidingsuren"), uren(uitkomst.begeleidingsuren)],
        [s("per_week"), s("per_week_waarde", uren=uren(uitkomst.uren_per_week))],
    ]
    if casus.vorige_uren is not None:
        rijen.append([s("vorige_uren"), uren(casus.vorige_uren)])
    if toont_percentage(uitkomst):
        rijen.append([s("percentage"), s("percentage_waarde", begeleidingsuren=uren(uitkomst.begeleidingsuren),
                                         contracturen=uren(uitkomst.contracturen),
                                         percentage=procent_afgekapt(uitkomst.percentage))])
    if uitkomst.historisch:
        rijen += [[s("aangevraagd"), _regime_of_uren(casus.aanvraag, s("geen_aanvraag"))],
                  [s("geadviseerd"), _regime_of_uren(casus.advies, s("geen_advies"))]]
    else:
        if casus.aanvraag is not None:
            rijen.append([s("aanvraag"), _regime_of_uren(casus.aanvraag, "")])
        rijen.append([s("advies"), _regime_of_uren(casus.advies, s("geen_advies"))])
    return Tabel(s("bijschrift"), t.koppen("samenvatting"), rijen, rijkoppen=True)


def per_periode(uitkomst: Uitkomst) -> Tabel:
    """De uren per periode van zes maanden en per urengroep (vaste uren tellen in de eerste periode)."""
    t = TEKSTEN
    rijen: list[list[Cel]] = []
    for p in uitkomst.perioden:
        rijen.append([t.tabel("per_periode", "periode", periode=str(p.nummer), jaar=str(p.jaar)),
                      t.tabel("per_periode", "weken", van=getal(p.van + 1), tot=getal(p.tot)),
                      *(uren(p.uren_per_doel[d]) for d in uitkomst.doelen), uren(p.begeleidingsuren)])
    koppen = [*t.koppen("per_periode")[:2], *(t.tabel("per_periode", "doel", doel=str(d)) for d in uitkomst.doelen),
              t.koppen("per_periode")[2]]
    aantal = len(koppen)
    voet: list[list[Cel]] = [[t.tabel("per_periode", "totaal"), "",
                              *(uren(uitkomst.uren_per_doel[d]) for d in uitkomst.doelen),
                              uren(uitkomst.begeleidingsuren)]]
    return Tabel(t.tabel("per_periode", "bijschrift", weken_per_maand=getal(uitkomst.weken_per_maand)),
                 koppen, rijen, voet, frozenset(range(2, aantal)))


def toont_perioden(uitkomst: Uitkomst) -> bool:
    """De tabel per periode staat er bij een aanvraag van nu, en bij elke casus die over meer dan één periode gaat.
    (De casus bij de leidraad gaat over één periode; daar zou de tabel het totaal alleen herhalen.)"""
    return not uitkomst.historisch or len(uitkomst.perioden) > 1


def berekening(uitkomst: Uitkomst) -> list[Tabel]:
    """De urenberekening: per rij, per periode (zie ``toont_perioden``), per doel en de samenvatting."""
    tabellen = [per_rij(uitkomst)]
    if toont_perioden(uitkomst):
        tabellen.append(per_periode(uitkomst))
    return [*tabellen, per_doel(uitkomst), samenvatting(uitkomst)]


def bekende_regels(p: Protocol) -> str:
    """Wat de site van een protocolversie weet (leeg als niets bekend is), voor de tabel en de rekenhulp."""
    bekend = []
    if p.grenzen and p.grenzen.normaal_max is not None:
        bekend.append(f"voor de meeste Wajongers volstaat {procent(p.grenzen.normaal_max)}")
    if p.grenzen and p.grenzen.max_met_onderbouwing is not None:
        bekend.append(f"met uitdrukkelijke onderbouwing hoogstens {procent(p.grenzen.max_met_onderbouwing)}")
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
        if p.geldig_tot == "geldend":
            tot = "nu (geldt nog)"
        else:
            tot = "onbekend" if einde is None else datum(einde) + (" (tot de volgende versie)" if p.geldig_tot == "opvolger" else "")
        rijen.append([MetCode(p.naam, p.id), f"{datum(p.geldig_van)} tot en met {tot}",
                      bekende_regels(p) or "geen waarden bekend", p.bron])
    return Tabel(TEKSTEN.tabel("protocollen", "bijschrift"), TEKSTEN.koppen("protocollen"), rijen)
