"""Gevallen voor de pariteitstest van de rekenhulp, en de uitkomst volgens het Python-pakket.

De gevallen komen uit een vaste random-generator (altijd dezelfde reeks) plus randgevallen die
met de hand zijn gekozen: eenmalig, maandelijks, weken of maanden, rijen van anderen dan de
jobcoach, nul uren, grenzen van afkappen en afronden, grote getallen, en elke bevinding.
"""

from __future__ import annotations

import datetime as dt
import random
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

from jobcoach import Bestandsfout, bereken
from jobcoach.casus import Casus
from jobcoach.opmaak import getal, procent_afgekapt, uren
from jobcoach.html import berekening_html, bevindingen_html, schema_html
from jobcoach.lezer import lees_yaml, valideer

# De regels één keer gelezen, zoals elke test ze deelt (casushulp.REGELS): laad_regels() leest en controleert
# regels.yml elke keer opnieuw, en de Python-kant van de pariteitstests vraagt ze voor honderden gevallen.
from casushulp import REGELS

ROOT = Path(__file__).resolve().parents[1]
SEED_CASUS = ROOT / "casussen" / "begeleidingsbehoefte-en-regime.yml"

AARDEN = ["persoonlijk", "functioneel"]
DOOR_ANDEREN = ["werkgever", "leidinggevende", "begeleider", "collega", "anders"]
INTENSITEITEN = ["wekelijks", "tweewekelijks", "maandelijks", "eenmalig"]
KNELPUNTEN = [
    "Aansturingsbehoefte", "Problemen in de privésituatie", "Aanleren handelingen & vaardigheden (inwerken)",
    "Toezicht <direct>", 'Het "werktempo"', "Omgaan met conflicten: 't lukt niet", "yes", "1.5", "2011-11-08",
    "Regel één\nregel twee", "Ünïcödé — ‘aanhalingstekens’", "  spaties  ",
]
# Uren per keer: gewone waarden, afrondgrenzen (x,xx5 en net eronder of erboven) en de grens van het model (40).
UREN = [0, 0.5, 1, 1.5, 2, 0.25, 0.75, 0.005, 0.015, 0.125, 0.375, 1.005, 2.675, 0.9999, 0.33333, 0.1, 0.2,
        0.3, 4.445, 39.999, 40, 38.75, 0.0049999, 0.0050001, 7, 10.1]
# Vaste uren (hoogstens 2000 in het model): ook getallen met duizendtallen.
UREN_EXTRA = UREN + [1234.567, 1999.995, 1000, 2000]


def _getal(rng: random.Random, keuzes: list[float]) -> float:
    """Een keuze uit de lijst, of een willekeurig getal met 0 tot 4 decimalen."""
    if rng.random() < 0.7:
        return rng.choice(keuzes)
    waarde = round(rng.uniform(0, 25), rng.choice([0, 1, 2, 3, 4]))
    return int(waarde) if rng.random() < 0.3 else waarde


def willekeurige_casus(rng: random.Random, nummer: int) -> dict[str, Any]:
    protocollen = REGELS.protocol_ids
    casus: dict[str, Any] = {
        "titel": f"Gegenereerde casus {nummer} & <test>",
        "protocol": rng.choice(protocollen + ["protocol-2011"] * 3),
    }
    if rng.random() < 0.5:  # van vóór het eerste protocol tot ná het laatste (2019) en in 2026
        casus["datum"] = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(0, 22 * 365))
    contract: dict[str, Any] = {"uren_per_week": _getal(rng, [40, 36, 32, 24, 20, 12, 11.5, 8, 0.5, 38.75, 7.3, 60, 60.5, 80])}
    while contract["uren_per_week"] <= 0:
        contract["uren_per_week"] = rng.choice([40, 12, 0.5])
    if rng.random() < 0.6:
        contract["maanden"] = rng.choice([6, 6, 3, 12, 1, 0.5, 6.5, 2.25, 36, 37, 5, 60])
    else:
        contract["weken"] = rng.choice([24, 24, 10, 1, 52, 13, 7.5, 0.3, 3, 7, 144, 145, 260])
    if rng.random() < 0.3:
        contract["proefplaatsing"] = rng.random() < 0.5
    if rng.random() < 0.3:
        contract["loonwaarde_wml"] = rng.choice([30, 35, 50, 34.99, 100, 0])
    casus["contract"] = contract
    casus["aanvraag"] = {"regime": rng.choice([15, 10, 6, 7.5, 20, 0, 100, 12.25, 3.33, 10.01, 15.5])}
    rijen = []
    for _ in range(rng.randint(1, 7)):
        rij: dict[str, Any] = {"aard": rng.choice(AARDEN), "knelpunt": rng.choice(KNELPUNTEN)}
        if rng.random() < 0.65:
            rij.update(door="jobcoach", uren=_getal(rng, UREN), intensiteit=rng.choice(INTENSITEITEN),
                       doel=rng.randint(1, 3))
        elif rng.random() < 0.15:
            pass  # een rij met alleen aard en knelpunt, zoals 'Inspelen op onverwachte gebeurtenissen.' in de casus
        else:
            rij["door"] = rng.choice(DOOR_ANDEREN)
            if rng.random() < 0.4:
                rij.update(uren=_getal(rng, UREN), intensiteit=rng.choice(INTENSITEITEN))
                if rng.random() < 0.5:
                    rij["doel"] = rng.randint(1, 3)
        if rng.random() < 0.3:
            rij["aan"] = rng.choice(["Klant", "Werkgever & begeleider", "<leidinggevende>"])
        keuze = rng.random()
        if keuze < 0.3:
            rij["motivering"] = rng.choice(KNELPUNTEN)
        elif keuze < 0.5:
            rij["motivering"] = rng.sample(KNELPUNTEN, rng.randint(1, 3))
        rijen.append(rij)
    casus["schema"] = rijen
    if rng.random() < 0.5:
        casus["extra"] = [
            {"omschrijving": rng.choice(["Calamiteiten", "Evaluatie & overleg"]), "uren": _getal(rng, UREN_EXTRA),
             "doel": rng.randint(1, 3), **({"herkomst": "uit de <conclusie> & het advies"} if rng.random() < 0.5 else {})}
            for _ in range(rng.randint(1, 3))
        ]
    if rng.random() < 0.6:
        casus["advies"] = {"regime": rng.choice([6, 5, 10, 15, 16, 0, 4.37, 4.38, 12.5, 100])}
    return casus


def _jc(uren: float, intensiteit: str, doel: int = 1, knelpunt: str = "K") -> dict[str, Any]:
    return {"aard": "persoonlijk", "knelpunt": knelpunt, "door": "jobcoach", "uren": uren,
            "intensiteit": intensiteit, "doel": doel}


def randgevallen() -> list[dict[str, Any]]:
    def casus(contract: dict, schema: list, **rest: Any) -> dict[str, Any]:
        return {"titel": "Randgeval", "protocol": rest.pop("protocol", "protocol-2011"), "contract": contract,
                "aanvraag": rest.pop("aanvraag", {"regime": 10}), "schema": schema, **rest}

    return [
        yaml.safe_load(SEED_CASUS.read_text(encoding="utf-8")),
        # 0,9999 uur van 10 uur: 9,999% wordt afgekapt 9,99% (afronden zou 10,00% geven).
        casus({"uren_per_week": 10, "weken": 1}, [_jc(0.9999, "wekelijks")]),
        casus({"uren_per_week": 10, "weken": 1}, [_jc(0.12345, "wekelijks")]),
        # 0,29 van 1 uur: precies 29,00% (in doubles 28,99%).
        casus({"uren_per_week": 1, "weken": 1}, [_jc(0.29, "wekelijks")]),
        # 0,1 + 0,2 van 10 uur: precies 3,00%.
        casus({"uren_per_week": 10, "weken": 1}, [_jc(0.1, "wekelijks"), _jc(0.2, "wekelijks")]),
        casus({"uren_per_week": 3, "weken": 1}, [_jc(0.0999999, "wekelijks")]),
        casus({"uren_per_week": 7, "weken": 3}, [_jc(1, "eenmalig"), _jc(0.21, "wekelijks", 2)]),
        # Geen uren: bevinding geen-uren.
        casus({"uren_per_week": 40, "maanden": 6}, [_jc(0, "wekelijks")]),
        casus({"uren_per_week": 40, "maanden": 6},
              [{"aard": "functioneel", "knelpunt": "Inwerken", "door": "werkgever", "uren": 4, "intensiteit": "wekelijks"}],
              extra=[{"omschrijving": "Calamiteiten", "uren": 6, "doel": 1}]),
        # Grote getallen met duizendtallen (tot de grenzen van het model: 260 weken, 40 uur per keer, 2000 vaste uren).
        casus({"uren_per_week": 40, "weken": 260}, [_jc(39.999, "wekelijks"), _jc(40, "eenmalig", 3)],
              extra=[{"omschrijving": "Veel", "uren": 1999.995, "doel": 2}]),
        casus({"uren_per_week": 0.5, "maanden": 36}, [_jc(37.5, "maandelijks", 2)]),
        # Afronden half naar boven: 1,005 → 1,01; 2,675 → 2,68; 0,125 → 0,13; 0,005 → 0,01.
        casus({"uren_per_week": 40, "weken": 1}, [_jc(1.005, "eenmalig"), _jc(2.675, "eenmalig", 2),
                                                 _jc(0.125, "eenmalig", 3), _jc(0.005, "eenmalig")]),
        casus({"uren_per_week": 40, "maanden": 2.25}, [_jc(1, "maandelijks"), _jc(1, "tweewekelijks", 2)]),
        # Bevindingen: te kort, te weinig uren, loonwaarde te laag, datum buiten protocol, boven het maximum.
        casus({"uren_per_week": 8, "maanden": 3, "loonwaarde_wml": 20}, [_jc(1, "wekelijks")],
              datum=dt.date(2015, 3, 1), aanvraag={"regime": 20}, advies={"regime": 16}),
        casus({"uren_per_week": 8, "maanden": 3, "proefplaatsing": True}, [_jc(1, "wekelijks")],
              protocol="interne-jobcoach-2015", aanvraag={"regime": 15.5}),
        casus({"uren_per_week": 40, "weken": 24}, [_jc(4, "wekelijks")], advies={"regime": 9.99},
              aanvraag={"regime": 12}, protocol="protocol-2006", datum=dt.date(2011, 6, 30)),
        # Aannemelijkheid: meer begeleiding dan werk (en precies even veel), meer dan 60 uur per week (en precies
        # 60), langer dan drie jaar (144 weken bij 4 weken per maand) en een andere periode dan 6 maanden.
        casus({"uren_per_week": 1, "weken": 1}, [_jc(2, "wekelijks")]),
        casus({"uren_per_week": 1, "weken": 1}, [_jc(1, "wekelijks")]),
        casus({"uren_per_week": 60.5, "maanden": 6}, [_jc(1, "wekelijks")]),
        casus({"uren_per_week": 60, "maanden": 6}, [_jc(1, "wekelijks")]),
        casus({"uren_per_week": 40, "weken": 145}, [_jc(1, "wekelijks")]),
        casus({"uren_per_week": 40, "weken": 144}, [_jc(1, "wekelijks")]),
        casus({"uren_per_week": 40, "maanden": 37}, [_jc(1, "wekelijks")], protocol="protocol-2012"),
        casus({"uren_per_week": 40, "maanden": 12}, [_jc(1, "tweewekelijks")], datum=dt.date(2026, 12, 1)),
    ]


def grensgevallen() -> list[dict[str, Any]]:
    """Elke grens en elke datum uit de regels: net eronder, precies erop en net erboven.

    De grenzen komen uit ``regels.yml``, niet uit deze test: verandert een grens in regels.yml, dan schuiven
    de gevallen mee. Zo ziet de pariteitstest elke grens aan beide kanten (Python en de rekenkern in Node).
    """
    regels = REGELS
    wpm = regels.rekenregels.weken_per_maand
    periode_weken = regels.rekenregels.periode_maanden * wpm
    dag = dt.timedelta(days=1)
    uit: list[dict[str, Any]] = []

    def casus(protocol: str | None = None, contract: dict | None = None, schema: list | None = None, **rest: Any) -> None:
        c: dict[str, Any] = {"titel": f"Grens {len(uit) + 1}"}
        if protocol is not None:
            c["protocol"] = protocol
        c.update(contract=contract or {"uren_per_week": 40, "maanden": 6}, schema=schema or [_jc(1, "wekelijks")], **rest)
        uit.append(c)

    def rond(*waarden: float) -> list[float]:
        return [round(w, 4) for w in waarden]

    def per_week(percentage: float) -> list[float]:
        """Uren per week die bij 40 contracturen per week net onder, op en boven dit percentage uitkomen."""
        return rond(0.4 * percentage - 0.01, 0.4 * percentage, 0.4 * percentage + 0.01)

    for p in regels.protocollen:
        einde = regels.einde(p)
        for datum in [p.geldig_van - dag, p.geldig_van] + ([einde, einde + dag] if einde else []):
            casus(p.id, datum=datum)
        grenzen = [g for g in (p.maximum, p.grenzen.normaal_max if p.grenzen else None) if g is not None]
        for grens in grenzen:
            for regime in rond(grens - 0.01, grens, grens + 0.01):
                casus(p.id, aanvraag={"regime": regime}, advies={"regime": regime})
            for u in per_week(grens):  # het berekende percentage tegen dezelfde grens
                casus(p.id, contract={"uren_per_week": 40, "weken": periode_weken}, schema=[_jc(u, "wekelijks")])
        for jaar, grens in enumerate(p.max_per_jaar or [], start=1):  # interne jobcoach: per jaar, beide perioden
            for periode in (2 * jaar - 1, 2 * jaar):
                for u in per_week(grens):
                    casus(p.id, periode=periode, contract={"uren_per_week": 40, "weken": periode_weken},
                          schema=[_jc(u, "wekelijks")], aanvraag={"regime": grens}, **({"vorige_uren": 1000} if periode > 1 else {}))
        s = p.standaard
        if s is not None and s.min_maanden is not None:
            for maanden in rond(s.min_maanden - 0.25, s.min_maanden, s.min_maanden + 0.25):
                for proef in (False, True):
                    casus(p.id, contract={"uren_per_week": 40, "maanden": maanden, "proefplaatsing": proef})
        if s is not None and s.min_uren_per_week is not None:
            for u in rond(s.min_uren_per_week - 0.01, s.min_uren_per_week, s.min_uren_per_week + 0.01):
                casus(p.id, contract={"uren_per_week": u, "maanden": 6})
        if s is not None and s.min_loonwaarde_wml is not None:
            for lw in rond(s.min_loonwaarde_wml - 0.01, s.min_loonwaarde_wml, s.min_loonwaarde_wml + 0.01):
                casus(p.id, contract={"uren_per_week": 40, "maanden": 6, "loonwaarde_wml": lw})
        if p.max_jaren is not None:
            grens_weken = p.max_jaren * 12 * wpm
            for weken in (grens_weken - 1, grens_weken, grens_weken + 1):
                casus(p.id, contract={"uren_per_week": 40, "weken": weken})
            # Met eerdere perioden: periode 3 begint na twee perioden.
            for weken in (grens_weken - 2 * periode_weken - 1, grens_weken - 2 * periode_weken, grens_weken - 2 * periode_weken + 1):
                casus(p.id, periode=3, vorige_uren=1000, contract={"uren_per_week": 40, "weken": weken})
            perioden_max = p.max_jaren * 2
            for periode in (perioden_max, perioden_max + 1):  # de laatste periode binnen de jaren, en de eerste erna
                casus(p.id, periode=periode, vorige_uren=1000, contract={"uren_per_week": 40, "weken": periode_weken})
        if p.periode_maanden is not None:
            for weken in (p.periode_maanden * wpm - 1, p.periode_maanden * wpm, p.periode_maanden * wpm + 1):
                casus(p.id, contract={"uren_per_week": 40, "weken": weken})
    vanaf = regels.einde_protocollen()
    if vanaf is not None:
        for datum in (vanaf - dag, vanaf, vanaf + dag):
            casus("protocol-2016", datum=datum)
    for k in regels.kaders:  # de datum van een casus van nu tegen het begin van haar kader
        if k.soort == "nu" and k.geldig_van is not None:
            extra = {"verordening": "Verordening van een gemeente, 2024"} if k.verordening else {}
            for datum in (k.geldig_van - dag, k.geldig_van, k.geldig_van + dag):
                casus(kader=k.id, datum=datum, **extra)
    a = regels.aannemelijk.max_uren_per_week
    for u in rond(a - 0.01, a, a + 0.01):
        casus(contract={"uren_per_week": u, "maanden": 6})
    # Advies tegen de berekening: 1 uur per week van 40 uur is precies 2,5% en 24 uur in 6 maanden.
    for advies in (2.49, 2.5, 2.51):
        casus("protocol-2011", advies={"regime": advies})
    for advies in (23.99, 24, 24.01):
        casus(advies={"uren": advies})
    # Verlenging: de uren van deze periode (24) tegen de vorige periode.
    for vorige in (23.99, 24, 24.01):
        casus(periode=2, vorige_uren=vorige)
    casus(periode=2)  # verlenging zonder vorige uren
    # Begeleiding tegen contracturen: 10 uur contract, 9,99 / 10 / 10,01 uur begeleiding.
    for u in (9.99, 10, 10.01):
        casus(contract={"uren_per_week": 10, "weken": 1}, schema=[_jc(u, "eenmalig")])
    # Fasen (afbouw): wekelijks, dan tweewekelijks, dan maandelijks; een eenmalige fase op de grens van een periode.
    fasen_rij = {**_jc(1, "wekelijks"), "fasen": [{"weken": 12, "intensiteit": "wekelijks"},
                                                  {"weken": 12, "intensiteit": "tweewekelijks", "uren": 1.5},
                                                  {"weken": 24, "intensiteit": "maandelijks"}]}
    del fasen_rij["intensiteit"]
    casus(contract={"uren_per_week": 32, "maanden": 12}, schema=[fasen_rij])
    eenmalig = {**_jc(2, "wekelijks"), "fasen": [{"weken": periode_weken, "intensiteit": "wekelijks"},
                                                 {"weken": 1, "intensiteit": "eenmalig", "uren": 3}]}
    del eenmalig["intensiteit"]
    casus(contract={"uren_per_week": 32, "maanden": 12}, schema=[eenmalig], weken_per_maand=4.33)
    # Stuur-, richting- en onzichtbare tekens in een tekst worden geweigerd (lezer.Tekst); tab en nieuwe regel niet.
    for teken in ("\x0b", "\x1b", "\x85", "\u202e", "\u2066", "\u200b", "\ufeff", "\ufffe", "\t", "\n"):
        casus(schema=[{**_jc(1, "wekelijks"), "knelpunt": f"Aansturing{teken}sbehoefte", "motivering": [f"punt{teken}"]}])
    casus(titel="Titel\x07", kader="gemeente", verordening="Verordening\u202e 2024")
    return uit


def nu_casus(rng: random.Random, nummer: int) -> dict[str, Any]:
    """Een willekeurige aanvraag van nu: zonder protocol en regime, met kader, periode, fasen en uren."""
    casus = willekeurige_casus(rng, nummer)
    casus["titel"] = f"Aanvraag van nu {nummer}"
    del casus["protocol"]
    kader = rng.choice(["uwv-extern", "uwv-extern", None, "uwv-intern", "gemeente"])
    if kader is not None:
        casus["kader"] = kader
    if kader == "gemeente":
        casus["verordening"] = "Verordening Participatiewet, een gemeente, 2024"
    casus["contract"]["uren_per_week"] = max(1, casus["contract"]["uren_per_week"])
    casus["contract"].pop("proefplaatsing", None) if rng.random() < 0.5 else None
    periode = rng.choice([1, 1, 2, 3, 4, 5, 6, 7])
    if periode > 1:
        casus["periode"] = periode
        if rng.random() < 0.8:
            casus["vorige_uren"] = rng.choice([0, 10, 24, 42, 100.5, 250])
    if rng.random() < 0.3:
        casus["weken_per_maand"] = rng.choice([4, 4.33, 4.345, 5])
    casus.pop("aanvraag", None)
    if rng.random() < 0.4:
        casus["aanvraag"] = {"uren": rng.choice([0, 12, 24, 42, 99.5])}
    if rng.random() < 0.2:
        casus["aanvraag"] = {"regime": rng.choice([5, 6, 7.5, 7.51, 15, 15.01])}
    casus.pop("advies", None)
    if rng.random() < 0.5:
        casus["advies"] = rng.choice([{"uren": rng.choice([10, 24, 42, 41.99, 42.01])}, {"regime": rng.choice([4.37, 6, 7.5])}])
    for rij in casus["schema"]:
        if rij.get("door") == "jobcoach" and rng.random() < 0.4:  # afbouw in fasen
            rij.pop("intensiteit")
            rij["fasen"] = [{"weken": rng.choice([1, 4, 8, 12, 12.5]), "intensiteit": rng.choice(INTENSITEITEN),
                             **({"uren": _getal(rng, UREN)} if rng.random() < 0.5 else {})}
                            for _ in range(rng.randint(1, 3))]
    return casus


def alle_gevallen(aantal: int = 220, zaad: int = 20261126) -> list[dict[str, Any]]:
    rng = random.Random(zaad)
    gevallen = randgevallen() + [willekeurige_casus(rng, i) for i in range(aantal)]
    nu = random.Random(zaad + 1)  # een eigen reeks, zodat de gevallen hierboven niet veranderen
    return gevallen + [nu_casus(nu, i) for i in range(aantal // 2)]


def geldig(casus: dict[str, Any]) -> bool:
    """Accepteert het model deze casus (als gewone JSON-gegevens, zoals het formulier ze geeft)?"""
    import json

    from pydantic import ValidationError

    try:
        Casus.model_validate(json.loads(json.dumps(casus, default=str)), context={"regels": REGELS})
    except ValidationError:
        return False
    return True


def als_yaml(casus: dict[str, Any]) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(casus, Dumper=dumper, sort_keys=False, allow_unicode=True)


def _bt(waarde: Fraction) -> str:
    return f"{waarde.numerator}/{waarde.denominator}"


def python_uitkomst(casus: Casus, html: bool = True) -> dict[str, Any]:
    """De uitkomst volgens het Python-pakket, in dezelfde vorm als ``rekenhulp.verwerk`` in de browser (zonder ``html``:
    zoals de rekenkern in Node, die geen tabellen maakt)."""
    u = bereken(casus, REGELS)
    uit = {
        "weken": _bt(u.weken), "contracturen": _bt(u.contracturen), "begeleidingsuren": _bt(u.begeleidingsuren),
        "uren_per_week": _bt(u.uren_per_week), "percentage": _bt(u.percentage),
        "uren_per_doel": {str(d): _bt(w) for d, w in u.uren_per_doel.items()},
        "kader": u.kader.id, "protocol": u.protocol.id if u.protocol else None, "weken_per_maand": _bt(u.weken_per_maand),
        "rijen": [{"nummer": r.nummer, "telt_mee": r.telt_mee, "uren_per_week": _bt(r.uren_per_week),
                   "keren": _bt(r.keren), "totaal": _bt(r.totaal),
                   "fasen": [{"begin": _bt(d.begin), "weken": _bt(d.weken), "intensiteit": d.intensiteit, "uren": _bt(d.uren),
                              "keren": _bt(d.keren)} for d in r.fasen]} for r in u.rijen],
        "perioden": [{"nummer": p.nummer, "jaar": p.jaar, "van": _bt(p.van), "tot": _bt(p.tot), "contracturen": _bt(p.contracturen),
                      "uren_per_doel": {str(d): _bt(w) for d, w in p.uren_per_doel.items()}, "percentage": _bt(p.percentage)}
                     for p in u.perioden],
        "teksten": {
            "weken": getal(u.weken), "contracturen": uren(u.contracturen), "begeleidingsuren": uren(u.begeleidingsuren),
            "uren_per_week": uren(u.uren_per_week), "percentage": procent_afgekapt(u.percentage),
        },
        "bevindingen": [{"code": b.code, "veld": b.veld, "tekst": b.tekst, "kader": b.kader} for b in u.bevindingen],
    }
    if html:  # zoals de site ze publiceert: de HTML van jobcoach.html, met labels, rollen en hele datums
        uit["html"] = {"schema": schema_html(u), "berekening": berekening_html(u), "bevindingen": bevindingen_html(u)}
    return uit


def python_verwerk_yaml(tekst: str, bestand: str = "casus.yml", html: bool = True) -> dict[str, Any]:
    """Zoals ``jobcoach controleer``: de strenge lezer voor bestanden die mensen typen (mens=True)."""
    try:
        casus = valideer(lees_yaml(Path(bestand), tekst, mens=True), Casus, {"regels": REGELS})
    except Bestandsfout as fout:
        return {"problemen": [{"bestand": p.bestand, "code": p.code, "pad": p.pad, "regel": p.regel, "melding": p.melding}
                              for p in fout.problemen]}
    return {"uitkomst": python_uitkomst(casus, html)}


def plaatsen(uitkomst: dict[str, Any]) -> Any:
    """Wat Python en de browser bij een fout bestand gelijk moeten hebben: per probleem bestand, code, veld en regel.

    De zinnen mogen verschillen (de browser zegt geen 'bedoelt u …?'); beide halen ze uit teksten.yml.
    """
    if "problemen" not in uitkomst:
        return uitkomst
    return sorted((p["bestand"], p["code"], p["pad"], p["regel"] or 0) for p in uitkomst["problemen"])


BASIS = """titel: T
protocol: protocol-2011
contract:
  uren_per_week: 40
  maanden: 6
aanvraag:
  regime: 10
schema:
  - aard: persoonlijk
    knelpunt: A
    door: jobcoach
    uren: 1
    intensiteit: wekelijks
    doel: 1
"""


def foute_bestanden() -> dict[str, str]:
    """Casusbestanden met fouten in de gegevens (geldige YAML), om de meldingen te vergelijken."""
    b = BASIS
    zonder_schema = b.split("schema:")[0]
    return {
        "doel-kommagetal": b.replace("doel: 1", "doel: 1.0"),
        "uren-negatief": b.replace("uren: 1", "uren: -1"),
        "uren-min-half": b.replace("uren: 1", "uren: -0.5"),
        "uren-tekst": b.replace("uren: 1", "uren: 1e3"),
        "uren-ja": b.replace("uren: 1", "uren: yes"),
        "uren-oneindig": b.replace("uren: 1", "uren: .inf"),
        "uren-nan": b.replace("uren: 1", "uren: .nan"),
        "uren-leeg": b.replace("uren: 1", "uren:"),
        "uren-zestigtallig": b.replace("uren: 1", "uren: 1:30") + "advies: {regime: 1.5}\n",
        "uren-groot-geheel": b.replace("uren: 1", "uren: 123456789012345678901234"),
        "uren-309-cijfers": b.replace("uren: 1", "uren: " + "9" * 309),  # te groot voor een kommagetal
        "veldnaam-getal-in-rij": b + "    7: x\n",  # de regel van de sleutel, niet die van de rij
        "uren-underscore": b.replace("uren: 1", "uren: 1_000.5"),
        "uren-hex": b.replace("uren: 1", "uren: 0x1F"),
        "doel-octaal": b.replace("doel: 1", "doel: 01"),
        "doel-ja": b.replace("doel: 1", "doel: true"),
        "doel-tekst": b.replace("doel: 1", "doel: '1'"),
        "doel-4": b + "extra:\n  - {omschrijving: x, uren: 2, doel: 4, foo: 3}\n",
        "tikfout-veld": b.replace("uren: 1", "urn: 1"),
        "tikfout-knelpunt": b.replace("knelpunt: A", "knelpnt: A"),
        "tikfout-motivering": b + "    motiveringen: x\n",
        "tikfout-maanden": b.replace("maanden: 6", "maand: 6"),
        "tikfout-genest": b.replace("regime: 10", "regime: 10\n  regim: 5"),
        "maanden-en-weken": b.replace("maanden: 6", "maanden: 6\n  weken: 3"),
        "geen-duur": b.replace("  maanden: 6\n", ""),
        "maanden-nul": b.replace("maanden: 6", "maanden: 0"),
        "contract-negatief": b.replace("uren_per_week: 40\n  maanden: 6", "uren_per_week: -4"),
        "datum-tekst": b + "datum: 8-11-2011\n",
        "datum-geheel": b + "datum: 86400\n",
        "datum-geheel-scheef": b + "datum: 86401\n",
        "datum-tijd": b + "datum: 2011-11-08 10:00:00\n",
        "datum-ja": b + "datum: yes\n",
        "datum-aanhalingstekens": b + "datum: '2011-11-08'\n",
        "protocol-onbekend": b.replace("protocol-2011", "protocol-2099"),
        "protocol-getal": b.replace("protocol: protocol-2011", "protocol: 2011"),
        "protocol-leeg": b.replace("protocol: protocol-2011", "protocol:"),
        "protocol-weg": b.replace("protocol: protocol-2011\n", ""),
        "dubbele-sleutel": b + "titel: U\n",
        "dubbele-sleutel-rij": b + "    uren: 2\n    uren: 3\n",
        "schema-leeg": zonder_schema + "schema: []\n",
        "schema-groep": zonder_schema + "schema: {a: 1}\n",
        "schema-tekst-item": zonder_schema + "schema:\n  - iets\n",
        "rij-leeg": b + "  - {}\n",
        "rij-werkgever-negatief": b + "  - {aard: functioneel, knelpunt: B, door: werkgever, uren: -2}\n",
        "rij-werkgever-zonder-intensiteit": b + "  - {aard: functioneel, knelpunt: B, door: werkgever, uren: 2}\n",
        "rij-werkgever-doel-5": b + "  - {aard: functioneel, knelpunt: B, door: werkgever, intensiteit: wekelijks, doel: 5}\n",
        "jobcoach-zonder-doel": b.replace("    doel: 1\n", ""),
        "motivering-getal": b + "    motivering: 5\n",
        "motivering-lijst-fout": b + "    motivering: [a, '', 3]\n",
        "extra-zonder-doel": b + "extra:\n  - omschrijving: x\n    uren: 2\n",
        "extra-tekst": b + "extra:\n  - calamiteiten\n",
        "extra-leeg": b + "extra:\n",
        "onbekend-veld": b + "foo: 1\n",
        "aard-onbekend": b.replace("persoonlijk", "persoonlijke"),
        "door-onbekend": b.replace("door: jobcoach", "door: coach"),
        "aan-getal": b.replace("knelpunt: A", "knelpunt: 'it''s'\n    aan: 12"),
        "aan-lijst": b.replace("knelpunt: A", "knelpunt: A\n    aan: [1]"),
        "titel-getal": b.replace("titel: T", "titel: 5"),
        "titel-leeg": b.replace("titel: T", "titel: ''"),
        "titel-null": b.replace("titel: T", "titel:"),
        "titel-aanhalingsteken": b.replace("titel: T", "titel: 12.50"),
        "contract-getal": b.replace("contract:\n  uren_per_week: 40\n  maanden: 6", "contract: 5"),
        "contract-leeg": b.replace("contract:\n  uren_per_week: 40\n  maanden: 6", "contract:"),
        "contract-lijst": b.replace("contract:\n  uren_per_week: 40\n  maanden: 6", "contract: [1]"),
        "proefplaatsing-1": b.replace("maanden: 6", "maanden: 6\n  proefplaatsing: 1") + "advies: {regime: 101}\n",
        "proefplaatsing-2": b.replace("maanden: 6", "maanden: 6\n  proefplaatsing: 2"),
        "proefplaatsing-ja": b.replace("maanden: 6", "maanden: 6\n  proefplaatsing: ja"),
        "proefplaatsing-half": b.replace("maanden: 6", "maanden: 6\n  proefplaatsing: 0.5"),
        "proefplaatsing-leeg": b.replace("maanden: 6", "maanden: 6\n  proefplaatsing:"),
        "loonwaarde-te-hoog": b.replace("maanden: 6", "maanden: 6\n  loonwaarde_wml: 120"),
        "regime-te-hoog": b.replace("regime: 10", "regime: 101"),
        "advies-leeg-groep": b + "advies: {}\n",
        "advies-getal": b + "advies: 6\n",
        "advies-null": b + "advies:\n",
        "tekst-met-repr": b.replace("knelpunt: A", "knelpunt: A\n    aan: 7") + "bron: \"l'enfant\"\n" + "titel: 3\n",
        # Geldige YAML in andere vormen: ankers, expliciete tags, gevouwen tekst, CRLF, BOM, commentaar.
        "anker-en-verwijzing": b + "extra:\n  - &e {omschrijving: x, uren: 1.5, doel: 2}\n  - *e\n",
        "expliciete-tags": b.replace("uren: 1", "uren: !!float 1").replace("titel: T", "titel: !!str 5"),
        "gevouwen-tekst": b.replace("knelpunt: A", "knelpunt: >-\n      lange\n      tekst\n    aan: |\n      a\n      b"),
        "crlf": b.replace("\n", "\r\n"),
        "bom-en-commentaar": "\ufeff# casus\n" + b.replace("uren: 1", "uren: 1  # per week"),
        "sleutel-tussen-aanhalingstekens": b.replace("titel: T", "'titel': \"T\""),
        "flow-stijl": zonder_schema + "schema: [{aard: functioneel, knelpunt: 'a: b', door: jobcoach, uren: 0.25, "
                                      "intensiteit: maandelijks, doel: 2, motivering: [x, y]}]\n",
        "bestand-leeg": "",
        "alleen-commentaar": "# niets\n",
        "bestand-lijst": "- a\n",
        "bestand-tekst": "zomaar wat tekst\n",
        # Vormen die de strenge lezer weigert of als tekst laat (jobcoach/lezer.py), en de grenzen van het model.
        "uren-boven-40": b.replace("uren: 1", "uren: 40.5"),
        "uren-1e20": b.replace("uren: 1", "uren: 100000000000000000000"),
        "maanden-61": b.replace("maanden: 6", "maanden: 61"),
        "contract-81-uur": b.replace("uren_per_week: 40", "uren_per_week: 81"),
        "uren-punt-achteraan": b.replace("uren: 1", "uren: 1."),
        "uren-komma": b.replace("uren: 1", "uren: '0,5'"),
        "proefplaatsing-yes": b.replace("maanden: 6", "maanden: 6\n  proefplaatsing: yes"),
        "schema-201-rijen": b + "  - {aard: functioneel, knelpunt: B, door: werkgever}\n" * 200,
        "tekst-5001-tekens": b.replace("knelpunt: A", "knelpunt: " + "a" * 5001),
        "stuurteken": b.replace("knelpunt: A", "knelpunt: A\x07B"),
        "twee-documenten-impliciet": b + "---\ntitel: tweede\n",
        "anker-op-groep": b + "advies: &a {regime: 6}\n",
        "tag-lokaal": b.replace("titel: T", "titel: !x T"),
        "datum-bestaat-niet-tekst": b + "datum: '2011-02-30'\n",
        # een BOM vooraan een latere regel: twee bestanden aan elkaar, of een BOM aan het eind
        "bom-aan-het-eind": b + "\ufeff",
        "bom-midden": b.replace("\ncontract:", "\n\ufeffcontract:"),
        "twee-boms-vooraan": "\ufeff\ufeff" + b,
        "twee-boms-midden": b.replace("\ncontract:", "\n\ufeffcontract:").replace("\nschema:", "\n\ufeffschema:"),
        "bom-na-een-lege-eerste-regel": "\n\ufeff" + b,
        # een sleutel zonder ':' (js-yaml zegt het op twee manieren; beide krijgen de zin van Python)
        "sleutel-zonder-dubbele-punt": b.replace("titel: T", "titel: T\nkader"),
        "rij-zonder-dubbele-punt": b.replace("    uren: 1", "    uren 1"),
        # een groep als sleutel (de rekenhulp liep hier vast: String() van een groep)
        "groep-als-sleutel": b + "? {a: 1}\n: x\n",
        "lijst-als-sleutel": b + "? [a]\n: x\n",
    }
