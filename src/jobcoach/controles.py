"""Controles op een berekende casus. Ze leveren bevindingen op, geen fouten: de casus blijft geldig.

De zinnen van de bevindingen staan in ``data/teksten.yml`` (één bron met de rekenhulp in de browser).
"""

from __future__ import annotations

from fractions import Fraction

from .opmaak import datum, getal, procent, procent_afgekapt, uren
from .regels import Regels
from .teksten import TEKSTEN
from .uitkomst import Bevinding, Uitkomst, breuk


def controleer_uitkomst(uitkomst: Uitkomst, regels: Regels) -> list[Bevinding]:
    casus = uitkomst.casus
    protocol = uitkomst.protocol
    tekst = TEKSTEN.bevinding
    bevindingen: list[Bevinding] = []

    if casus.advies is not None and breuk(casus.advies.regime) < uitkomst.percentage:
        bevindingen.append(Bevinding(
            "advies-onder-berekening",
            tekst("advies-onder-berekening", advies=procent(casus.advies.regime),
                  berekend=procent_afgekapt(uitkomst.percentage)),
            "advies.regime"))

    regimes = (("aanvraag", casus.aanvraag, TEKSTEN.bevindingen["aangevraagde"]),
               ("advies", casus.advies, TEKSTEN.bevindingen["geadviseerde"]))
    maximum = protocol.maximum
    for veld, regime, wie in regimes:
        if regime is not None and maximum is not None and regime.regime > maximum:
            bevindingen.append(Bevinding(
                f"{veld}-boven-maximum",
                tekst("boven-maximum", wie=wie, regime=procent(regime.regime), protocol=protocol.naam,
                      maximum=procent(maximum)),
                f"{veld}.regime"))

    eerste = protocol.eerste_periode
    if eerste is not None and eerste.normaal_max is not None:
        for veld, regime, wie in regimes:
            if regime is None or regime.regime <= eerste.normaal_max:
                continue
            if maximum is not None and regime.regime > maximum:
                continue  # al gemeld als boven het maximum
            bevindingen.append(Bevinding(
                f"{veld}-vraagt-onderbouwing",
                tekst("vraagt-onderbouwing", wie=wie, regime=procent(regime.regime), normaal=procent(eerste.normaal_max)),
                f"{veld}.regime"))

    standaard = protocol.standaard
    contract = casus.contract
    if standaard is not None:
        if standaard.min_maanden is not None and not (standaard.proefplaatsing_telt and contract.proefplaatsing):
            min_weken = breuk(standaard.min_maanden) * regels.rekenregels.weken_per_maand
            if uitkomst.weken < min_weken:
                slot = TEKSTEN.bevindingen["of_proefplaatsing" if standaard.proefplaatsing_telt else "punt"]
                bevindingen.append(Bevinding(
                    "contract-te-kort",
                    tekst("contract-te-kort", weken=getal(uitkomst.weken), protocol=protocol.naam,
                          min_maanden=getal(standaard.min_maanden), min_weken=getal(min_weken), of_proefplaatsing=slot),
                    "contract"))
        if standaard.min_uren_per_week is not None and contract.uren_per_week < standaard.min_uren_per_week:
            bevindingen.append(Bevinding(
                "contract-te-weinig-uren",
                tekst("contract-te-weinig-uren", uren=getal(contract.uren_per_week),
                      min_uren=getal(standaard.min_uren_per_week)),
                "contract.uren_per_week"))
        if (
            standaard.min_loonwaarde_wml is not None
            and contract.loonwaarde_wml is not None
            and contract.loonwaarde_wml < standaard.min_loonwaarde_wml
        ):
            bevindingen.append(Bevinding(
                "loonwaarde-te-laag",
                tekst("loonwaarde-te-laag", loonwaarde=procent(contract.loonwaarde_wml),
                      min_loonwaarde=procent(standaard.min_loonwaarde_wml)),
                "contract.loonwaarde_wml"))

    bevindingen += _geldigheid(uitkomst, regels)
    if uitkomst.begeleidingsuren == Fraction(0):
        bevindingen.append(Bevinding("geen-uren", tekst("geen-uren"), "schema"))
    return bevindingen + aannemelijkheid(uitkomst, regels)


def _geldigheid(uitkomst: Uitkomst, regels: Regels) -> list[Bevinding]:
    """Gold de protocolversie op de datum van de casus? En geldt er sindsdien nog wel een protocol?"""
    casus, protocol = uitkomst.casus, uitkomst.protocol
    tekst = TEKSTEN.bevinding
    if casus.datum is None:
        return [Bevinding("datum-ontbreekt", tekst("datum-ontbreekt", protocol=protocol.naam), "datum")]
    uit: list[Bevinding] = []
    geldig = regels.geldig_op(protocol, casus.datum)
    if geldig is None:
        uit.append(Bevinding("geldigheid-onbekend", tekst("geldigheid-onbekend", protocol=protocol.naam,
                                                          datum=datum(casus.datum)), "datum"))
    elif not geldig:
        einde = regels.einde(protocol)
        uit.append(Bevinding("datum-buiten-protocol", tekst(
            "datum-buiten-protocol", datum=datum(casus.datum), protocol=protocol.naam, van=datum(protocol.geldig_van),
            tot=datum(einde) if einde else TEKSTEN.bevindingen["onbekend"]), "datum"))
    vanaf = regels.einde_protocollen()
    if vanaf is not None and casus.datum >= vanaf:
        uit.append(Bevinding("protocol-vervallen", tekst("protocol-vervallen", vanaf=datum(vanaf), protocol=protocol.naam),
                             "datum"))
    return uit


def aannemelijkheid(uitkomst: Uitkomst, regels: Regels) -> list[Bevinding]:
    """Is de invoer aannemelijk? Meer begeleiding dan werk, een erg lange werkweek, een contract langer dan het
    protocol toestaat, of een andere periode dan die van het protocol."""
    protocol, contract = uitkomst.protocol, uitkomst.casus.contract
    tekst = TEKSTEN.bevinding
    wpm = regels.rekenregels.weken_per_maand
    uit: list[Bevinding] = []
    if uitkomst.begeleidingsuren > uitkomst.contracturen:
        uit.append(Bevinding("uren-boven-contract", tekst(
            "uren-boven-contract", begeleidingsuren=uren(uitkomst.begeleidingsuren),
            contracturen=uren(uitkomst.contracturen)), "schema"))
    grens = regels.aannemelijk
    if contract.uren_per_week > grens.max_uren_per_week:
        uit.append(Bevinding("veel-contracturen", tekst(
            "veel-contracturen", uren=getal(contract.uren_per_week), max=getal(grens.max_uren_per_week),
            reden=grens.reden), "contract.uren_per_week"))
    if protocol.max_jaren is not None and uitkomst.weken > protocol.max_jaren * 12 * wpm:
        uit.append(Bevinding("contract-te-lang", tekst(
            "contract-te-lang", weken=getal(uitkomst.weken), protocol=protocol.naam, jaren=str(protocol.max_jaren),
            max_weken=getal(protocol.max_jaren * 12 * wpm), weken_per_maand=str(wpm)), "contract"))
    if protocol.periode_maanden is not None and uitkomst.weken != protocol.periode_maanden * wpm:
        uit.append(Bevinding("andere-periode", tekst(
            "andere-periode", weken=getal(uitkomst.weken), protocol=protocol.naam,
            maanden=str(protocol.periode_maanden), periode_weken=getal(protocol.periode_maanden * wpm)), "contract"))
    return uit
