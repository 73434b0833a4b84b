"""Grenzen van het domein (src/jobcoach) die make mutatie (mutmut) vond: elke test hier doodt een mutatie die geen
andere test merkte. Elke grens en datum net eronder, precies erop en net erboven; de verwachte waarden zijn met de
hand uitgerekend in de test. Het overzicht per module staat in tests/MUTATIES.md.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from jobcoach import Casus, bereken, laad_regels

REGELS = laad_regels()


def rij(uren: float = 1, intensiteit: str = "wekelijks", doel: int = 1, **meer: Any) -> dict[str, Any]:
    gegevens = {"aard": "persoonlijk", "knelpunt": "K", "door": "jobcoach", "uren": uren, "intensiteit": intensiteit,
                "doel": doel, **meer}
    if "fasen" in meer:
        del gegevens["intensiteit"]
    return gegevens


def casus(**wijzigingen: Any) -> Casus:
    """Een verzonnen casus van nu: 40 uur per week, 24 weken, 1 uur per week begeleiding (doel 1)."""
    gegevens: dict[str, Any] = {"titel": "Test", "contract": {"uren_per_week": 40, "weken": 24}, "schema": [rij()]}
    gegevens.update(wijzigingen)
    return Casus.model_validate(gegevens, context={"regels": REGELS})


# --- berekening: perioden van 24 weken (6 maanden x 4 weken) ------------------------------------------------------


@pytest.mark.parametrize(("eerste_fase", "periode_1", "periode_2"), [
    # 'eerste_fase' weken elke week 1 uur, daarna één keer 5 uur in de week waarin de eenmalige fase begint.
    (23, 23 + 5, 0),  # de eenmalige fase begint in week 23 (vanaf 0): periode 1
    (24, 24, 5),  # begint precies op de grens (week 24): alleen periode 2, niet in beide
    (25, 24, 1 + 5),  # begint in week 25: periode 2
])
def test_eenmalige_fase_op_de_grens_van_een_periode_telt_een_keer(eerste_fase, periode_1, periode_2):
    c = casus(contract={"uren_per_week": 40, "weken": 48},
              schema=[rij(fasen=[{"weken": eerste_fase, "intensiteit": "wekelijks"},
                                 {"weken": 1, "intensiteit": "eenmalig", "uren": 5}])])
    uitkomst = bereken(c, REGELS)
    assert [p.begeleidingsuren for p in uitkomst.perioden] == [periode_1, periode_2]
    assert uitkomst.begeleidingsuren == eerste_fase + 5


@pytest.mark.parametrize(("weken", "periode_2"), [
    (24.5, Fraction(1, 2)),  # een halve week in periode 2: een half uur
    (25, 1),  # precies één week in periode 2
    (26, 2),
])
def test_een_korte_laatste_periode_krijgt_haar_deel_van_de_uren(weken, periode_2):
    uitkomst = bereken(casus(contract={"uren_per_week": 40, "weken": weken}), REGELS)
    assert [p.begeleidingsuren for p in uitkomst.perioden] == [24, periode_2]


def test_rijen_houden_hun_nummer_en_een_rij_die_niet_meetelt_heeft_nul_uren():
    anderen = {**rij(2), "door": "werkgever"}
    uitkomst = bereken(casus(schema=[rij(1), anderen, rij(3, doel=2)]), REGELS)
    assert [r.nummer for r in uitkomst.rijen] == [1, 2, 3]  # zoals in de meldingen: schema[2]
    niet = uitkomst.rijen[1]
    assert not niet.telt_mee
    assert (niet.uren_per_week, niet.keren, niet.totaal, niet.fasen) == (0, 0, 0, ())
    assert (uitkomst.rijen[2].uren_per_week, uitkomst.rijen[2].keren, uitkomst.rijen[2].totaal) == (3, 24, 72)


def test_vaste_extra_uren_komen_bij_de_uren_van_het_schema_in_de_eerste_periode():
    # Doel 1: 24 weken x 1 uur = 24 uur uit het schema, plus 10 vaste uren; doel 2: alleen 3 vaste uren.
    c = casus(contract={"uren_per_week": 40, "weken": 48},
              extra=[{"omschrijving": "calamiteiten", "uren": 10, "doel": 1},
                     {"omschrijving": "overleg", "uren": 3, "doel": 2}])
    eerste, tweede = bereken(c, REGELS).perioden
    assert eerste.uren_per_doel == {1: 24 + 10, 2: 3, 3: 0}
    assert tweede.uren_per_doel == {1: 24, 2: 0, 3: 0}


# --- controles: datums met regels die een onbekend einde of begin hebben --------------------------------------------


def regels_met(tmp_path, oud: str, nieuw: str):
    """Een kopie van de regels met één wijziging (de echte regels hebben deze gevallen niet)."""
    from jobcoach.regels import REGELS_PAD

    tekst = REGELS_PAD.read_text(encoding="utf-8")
    assert tekst.count(oud) == 1, oud
    pad = tmp_path / "regels.yml"
    pad.write_text(tekst.replace(oud, nieuw), encoding="utf-8")
    return laad_regels(pad)


@pytest.mark.parametrize(("datum", "verwacht"), [
    ("2015-12-31", {"datum-buiten-protocol"}),  # de dag vóór het begin van het Protocol Jobcoach UWV 2016
    ("2016-01-01", {"geldigheid-onbekend"}),  # de eerste dag: het gold, maar tot wanneer is niet bekend
    ("2016-01-02", {"geldigheid-onbekend"}),
])
def test_datum_rond_het_begin_van_een_versie_met_onbekend_einde(tmp_path, datum, verwacht):
    regels = regels_met(tmp_path, "geldig_tot: 2019-09-30", "geldig_tot: onbekend")
    c = Casus.model_validate({"titel": "T", "protocol": "protocol-2016", "datum": datum,
                              "contract": {"uren_per_week": 40, "weken": 24}, "schema": [rij()]},
                             context={"regels": regels})
    gevonden = {b.code: b for b in bereken(c, regels).bevindingen}
    datumcodes = {"datum-buiten-protocol", "geldigheid-onbekend", "protocol-vervallen", "datum-ontbreekt"}
    assert datumcodes & set(gevonden) == verwacht, gevonden
    if "datum-buiten-protocol" in verwacht:
        assert ("De datum van de casus (31-12-2015) valt buiten de geldigheid van Beleidsregel Protocol Jobcoach UWV 2016: "
                "van 01-01-2016 tot en met onbekend.") in gevonden["datum-buiten-protocol"].tekst


@pytest.mark.parametrize("datum", ["2014-12-31", "2015-01-01", "2026-12-01"])
def test_kader_van_nu_zonder_begindatum_en_zonder_protocol_geeft_geen_datumbevinding(tmp_path, datum):
    regels = regels_met(tmp_path, "    verordening: true\n    geldig_van: 2015-01-01\n", "    verordening: true\n")
    c = Casus.model_validate({"titel": "T", "kader": "gemeente", "verordening": "Verordening (verzonnen) 2024",
                              "datum": datum, "contract": {"uren_per_week": 40, "weken": 24}, "schema": [rij()]},
                             context={"regels": regels})
    assert "datum-voor-kader" not in {b.code for b in bereken(c, regels).bevindingen}


@pytest.mark.parametrize(("weken", "bevinding"), [(23, True), (24, False), (25, True)])
def test_historische_casus_met_een_andere_duur_dan_de_periode_van_het_protocol(weken, bevinding):
    # De regels van juli 2011 rekenen met perioden van 6 maanden: 6 x 4 = 24 weken.
    c = casus(protocol="protocol-2011", datum="2012-01-01", contract={"uren_per_week": 40, "weken": weken})
    gevonden = [b for b in bereken(c, REGELS).bevindingen if b.code == "andere-periode"]
    if not bevinding:
        assert gevonden == []
        return
    (b,) = gevonden
    assert b.veld == "contract"
    assert b.kader == "Bron: de regels van juli 2011, Kamervragen 2011Z09242."
    assert b.tekst == (
        f"De berekening loopt over {weken} weken. Beleidsregels Protocol Jobcoach (wijziging 1 juli 2011) rekent met "
        "perioden van 6 maanden (24 weken): vraag de uren per periode aan. "
        "Bron: de regels van juli 2011, Kamervragen 2011Z09242.")
