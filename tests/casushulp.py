"""Een verzonnen casus van nu voor de tests van het domein (test_kaders.py, test_grenzen.py): 40 uur per week,
24 weken (960 contracturen), 1 uur per week begeleiding voor doel 1 (24 uur, 2,5%). ``casus(**wijzigingen)``
vervangt velden; ``rij(...)`` maakt een rij van het schema."""

from __future__ import annotations

from typing import Any

from jobcoach import Casus, laad_regels

REGELS = laad_regels()


def rij(uren: float = 1, intensiteit: str = "wekelijks", doel: int = 1, **meer: Any) -> dict[str, Any]:
    gegevens = {"aard": "persoonlijk", "knelpunt": "K", "door": "jobcoach", "uren": uren, "intensiteit": intensiteit,
                "doel": doel, **meer}
    if "fasen" in meer:
        del gegevens["intensiteit"]
    return gegevens


def casus(**wijzigingen: Any) -> Casus:
    gegevens: dict[str, Any] = {"titel": "Test", "contract": {"uren_per_week": 40, "weken": 24}, "schema": [rij()]}
    gegevens.update(wijzigingen)
    return Casus.model_validate(gegevens, context={"regels": REGELS})
