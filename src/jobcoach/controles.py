"""Controles op een berekende casus. Ze leveren bevindingen op, geen fouten: de casus blijft geldig."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from .opmaak import getal, procent, procent_afgekapt

if TYPE_CHECKING:
    from .berekening import Bevinding, Uitkomst
    from .regels import Regels


def controleer_uitkomst(uitkomst: Uitkomst, regels: Regels) -> list[Bevinding]:
    from .berekening import Bevinding, breuk

    casus = uitkomst.casus
    protocol = uitkomst.protocol
    bevindingen: list[Bevinding] = []
    berekend = procent_afgekapt(uitkomst.percentage)

    if casus.advies is not None and breuk(casus.advies.regime) < uitkomst.percentage:
        bevindingen.append(
            Bevinding(
                "advies-onder-berekening",
                f"Het geadviseerde regime ({procent(casus.advies.regime)}) is lager dan het "
                f"berekende percentage ({berekend}).",
                "advies.regime",
            )
        )

    maximum = protocol.maximum
    for veld, regime, wie in (
        ("aanvraag.regime", casus.aanvraag, "aangevraagde"),
        ("advies.regime", casus.advies, "geadviseerde"),
    ):
        if regime is not None and maximum is not None and regime.regime > maximum:
            bevindingen.append(
                Bevinding(
                    f"{veld.split('.')[0]}-boven-maximum",
                    f"Het {wie} regime ({procent(regime.regime)}) is hoger dan het maximum van "
                    f"{protocol.naam} ({procent(maximum)}).",
                    veld,
                )
            )

    eerste = protocol.eerste_periode
    if eerste is not None and eerste.normaal_max is not None:
        for veld, regime, wie in (
            ("aanvraag.regime", casus.aanvraag, "aangevraagde"),
            ("advies.regime", casus.advies, "geadviseerde"),
        ):
            if regime is None or regime.regime <= eerste.normaal_max:
                continue
            if maximum is not None and regime.regime > maximum:
                continue  # al gemeld als boven het maximum
            bevindingen.append(
                Bevinding(
                    f"{veld.split('.')[0]}-vraagt-onderbouwing",
                    f"Het {wie} regime ({procent(regime.regime)}) is hoger dan de "
                    f"{procent(eerste.normaal_max)} die in de eerste periode normaal is. Dat kan alleen "
                    "met een uitdrukkelijke onderbouwing.",
                    veld,
                )
            )

    standaard = protocol.standaard
    contract = casus.contract
    if standaard is not None:
        if standaard.min_maanden is not None and not (standaard.proefplaatsing_telt and contract.proefplaatsing):
            min_weken = breuk(standaard.min_maanden) * regels.rekenregels.weken_per_maand
            if uitkomst.weken < min_weken:
                bevindingen.append(
                    Bevinding(
                        "contract-te-kort",
                        f"Het contract duurt {getal(uitkomst.weken)} weken. De standaardsituatie van "
                        f"{protocol.naam} vraagt minstens {getal(standaard.min_maanden)} maanden "
                        f"({getal(min_weken)} weken)"
                        + (" of een proefplaatsing." if standaard.proefplaatsing_telt else "."),
                        "contract",
                    )
                )
        if standaard.min_uren_per_week is not None and contract.uren_per_week < standaard.min_uren_per_week:
            bevindingen.append(
                Bevinding(
                    "contract-te-weinig-uren",
                    f"Het contract heeft {getal(contract.uren_per_week)} uur per week. De standaardsituatie "
                    f"vraagt minstens {getal(standaard.min_uren_per_week)} uur per week.",
                    "contract.uren_per_week",
                )
            )
        if (
            standaard.min_loonwaarde_wml is not None
            and contract.loonwaarde_wml is not None
            and contract.loonwaarde_wml < standaard.min_loonwaarde_wml
        ):
            bevindingen.append(
                Bevinding(
                    "loonwaarde-te-laag",
                    f"De loonwaarde is {procent(contract.loonwaarde_wml)} van het WML. De "
                    f"standaardsituatie vraagt minstens {procent(standaard.min_loonwaarde_wml)}.",
                    "contract.loonwaarde_wml",
                )
            )

    if casus.datum is not None and not protocol.geldig_op(casus.datum):
        tot = protocol.geldig_tot.isoformat() if protocol.geldig_tot else "heden"
        bevindingen.append(
            Bevinding(
                "datum-buiten-protocol",
                f"De datum van de casus ({casus.datum.isoformat()}) valt buiten de geldigheid van "
                f"{protocol.naam} ({protocol.geldig_van.isoformat()} tot en met {tot}).",
                "datum",
            )
        )
    if uitkomst.begeleidingsuren == Fraction(0):
        bevindingen.append(
            Bevinding("geen-uren", "Geen enkele rij van de jobcoach telt uren: het percentage is 0.", "schema")
        )
    return bevindingen
