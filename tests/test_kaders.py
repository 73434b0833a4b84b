"""Het nu-spoor in het domein: kaders, perioden, fasen en de bevindingen van een toetser, op hun grenzen.

Elke grens en elke datum wordt getoetst net eronder, precies erop en net erboven. De verwachte waarden zijn met
de hand uitgerekend in de test (een contract van 40 uur per week en 24 weken is 960 contracturen; 10% daarvan is
96 uur, dus 4 uur per week), niet overgenomen uit de uitvoer van de code.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from pydantic import ValidationError

from jobcoach import Bestandsfout, Casus, bereken, laad_casus
from jobcoach.browser import rekenhulp_gegevens
from jobcoach.opmaak import getal, procent_afgekapt

from conftest import SEED_CASUS
from casushulp import REGELS, casus, rij

VERVALLEN = ("gelden niet voor een aanvraag van nu", "valt buiten de geldigheid", "geldt geen Protocol Jobcoach meer")



def codes(c: Casus) -> list[str]:
    return [b.code for b in bereken(c, REGELS).bevindingen]


# --- Het model: protocol en regime zijn niet nodig ------------------------------------------------------------


def test_casus_zonder_protocol_en_regime_rekent_onder_het_kader_van_nu():
    uitkomst = bereken(casus(), REGELS)
    assert uitkomst.kader.id == "uwv-extern" and uitkomst.protocol is None and not uitkomst.historisch
    assert uitkomst.begeleidingsuren == 24 and uitkomst.contracturen == 960
    assert uitkomst.regime_aangevraagd is None


@pytest.mark.parametrize("gegevens", [
    {},
    {"kader": "uwv-extern", "datum": "2026-12-01"},
    {"kader": "uwv-intern", "datum": "2026-12-01", "periode": 3},
    {"kader": "gemeente", "verordening": "Verordening Participatiewet (verzonnen gemeente) 2024", "datum": "2026-12-01"},
    {"protocol": "interne-jobcoach-2015", "datum": "2026-12-01"},
])
def test_casus_van_nu_krijgt_nooit_een_waarschuwing_over_vervallen_regels(gegevens):
    uitkomst = bereken(casus(advies={"uren": 24}, **gegevens), REGELS)
    teksten = " ".join(b.tekst for b in uitkomst.bevindingen)
    assert not any(z in teksten for z in VERVALLEN), teksten
    assert not {"protocol-vervallen", "datum-buiten-protocol", "datum-ontbreekt", "geldigheid-onbekend"} & \
        {b.code for b in uitkomst.bevindingen}


def test_interne_jobcoach_is_niet_vervallen():
    p = REGELS.protocol("interne-jobcoach-2015")
    assert p.geldig_tot == "geldend" and "Stcrt. 2014, 36771" in p.bron
    assert p.max_per_jaar == [15, 7.5, 6] and p.max_jaren == 3
    assert REGELS.geldig_op(p, __import__("datetime").date(2026, 12, 1)) is True
    assert REGELS.kader_en_protocol("uwv-intern", None)[1] == p


@pytest.mark.parametrize(("gegevens", "veld", "stuk"), [
    ({"kader": "uwv-extern", "protocol": "protocol-2011"}, "protocol", "past niet bij kader uwv-extern"),
    ({"kader": "uwv-intern", "protocol": "protocol-2011"}, "protocol", "past niet bij kader uwv-intern"),
    ({"kader": "protocol-jobcoach"}, "protocol", "bij kader protocol-jobcoach hoort een protocolversie"),
    ({"kader": "gemeente"}, "verordening", "verordening"),
    ({"verordening": "X"}, "verordening", "alleen bij kader: gemeente"),
    ({"vorige_uren": 10}, "vorige_uren", "alleen bij een verlenging"),
    ({"kader": "uwv-exterm"}, "kader", "onbekend kader 'uwv-exterm'"),
    ({"periode": 0}, "periode", "1 of meer"),
    ({"aanvraag": {}}, "aanvraag.regime", "vul een regime of uren in"),
])
def test_kader_en_velden_die_niet_samengaan_geven_een_melding_bij_het_veld(tmp_path, gegevens, veld, stuk):
    import yaml

    pad = tmp_path / "casus.yml"
    pad.write_text(yaml.safe_dump({"titel": "T", "contract": {"uren_per_week": 40, "weken": 24}, "schema": [rij()],
                                   **gegevens}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(Bestandsfout) as fout:
        laad_casus(pad, REGELS)
    tekst = fout.value.tekst()
    assert f": {veld}:" in tekst and stuk in tekst, tekst
    assert "casus.yml:" in tekst  # bestand en regel


# --- Grenzen van de invoer: geen getallen van tientallen cijfers ------------------------------------------------


@pytest.mark.parametrize(("contract", "geldig"), [
    ({"uren_per_week": 0.00005, "weken": 24}, False),
    ({"uren_per_week": 0.999, "weken": 24}, False),
    ({"uren_per_week": 1, "weken": 24}, True),
    ({"uren_per_week": 40, "weken": 0.999}, False),
    ({"uren_per_week": 40, "weken": 1}, True),
    ({"uren_per_week": 40, "maanden": 0.249}, False),
    ({"uren_per_week": 40, "maanden": 0.25}, True),
])
def test_een_onaannemelijk_klein_contract_wordt_geweigerd(contract, geldig):
    if geldig:
        casus(contract=contract)
    else:
        with pytest.raises(ValidationError):
            casus(contract=contract)


def test_het_grootste_percentage_heeft_geen_tientallen_cijfers():
    # Het kleinste contract (1 uur, 1 week) met het meeste dat het model toelaat: 200 rijen van 40 uur eenmalig
    # en 50 keer 2000 vaste uren = 108.000 uur op 1 contractuur.
    c = casus(contract={"uren_per_week": 1, "weken": 1}, schema=[rij(40, "eenmalig")] * 200,
              extra=[{"omschrijving": "x", "uren": 2000, "doel": 1}] * 50)
    uitkomst = bereken(c, REGELS)
    assert uitkomst.percentage == 10_800_000
    assert len(procent_afgekapt(uitkomst.percentage)) <= 20
    assert "uren-boven-contract" in codes(c)


# --- Fasen, perioden en weken per maand --------------------------------------------------------------------------


def test_fasen_rekenen_afbouw_en_verdelen_de_uren_over_perioden():
    # 48 weken: 12 weken elke week 1 uur (12 uur), dan 36 weken om de week een half uur (18 keer, 9 uur).
    # Periode 1 (week 1-24): 12 + 12 weken x 0,25 = 15; periode 2 (week 25-48): 24 x 0,25 = 6.
    c = casus(contract={"uren_per_week": 32, "maanden": 12},
              schema=[rij(1, fasen=[{"weken": 12, "intensiteit": "wekelijks"},
                                    {"weken": 36, "intensiteit": "tweewekelijks", "uren": 0.5}])])
    uitkomst = bereken(c, REGELS)
    assert uitkomst.weken == 48 and uitkomst.begeleidingsuren == 21
    assert uitkomst.rijen[0].keren == 30
    assert [(p.nummer, p.van, p.tot, p.begeleidingsuren) for p in uitkomst.perioden] == [(1, 0, 24, 15), (2, 24, 48, 6)]


def test_fasen_korter_dan_het_contract_stoppen_na_de_laatste_fase():
    c = casus(schema=[rij(2, fasen=[{"weken": 10, "intensiteit": "wekelijks"}])])
    assert bereken(c, REGELS).begeleidingsuren == 20


@pytest.mark.parametrize(("weken", "geldig"), [(23.99, True), (24, True), (24.01, False)])
def test_fasen_mogen_niet_langer_duren_dan_het_contract(weken, geldig):
    gegevens = {"schema": [rij(1, fasen=[{"weken": 10, "intensiteit": "wekelijks"},
                                         {"weken": weken - 10, "intensiteit": "tweewekelijks"}])]}
    if geldig:
        casus(**gegevens)
    else:
        with pytest.raises(ValidationError, match="langer dan het contract"):
            casus(**gegevens)


def test_fasen_en_intensiteit_samen_is_een_fout():
    with pytest.raises(ValidationError, match="intensiteit óf fasen"):
        casus(schema=[{**rij(1, fasen=[{"weken": 10, "intensiteit": "wekelijks"}]), "intensiteit": "wekelijks"}])


def test_eenmalige_fase_telt_in_de_periode_waarin_zij_begint():
    # 52 weken: 25 weken niets (0 uur per keer), dan in week 26 eenmalig 5 uur: periode 2.
    c = casus(contract={"uren_per_week": 40, "weken": 52},
              schema=[rij(0, fasen=[{"weken": 25, "intensiteit": "wekelijks"},
                                    {"weken": 1, "intensiteit": "eenmalig", "uren": 5}])])
    assert [p.begeleidingsuren for p in bereken(c, REGELS).perioden] == [0, 5, 0]


def test_vaste_uren_tellen_in_de_eerste_periode():
    c = casus(contract={"uren_per_week": 40, "weken": 48}, extra=[{"omschrijving": "x", "uren": 6, "doel": 2}])
    assert [p.uren_per_doel[2] for p in bereken(c, REGELS).perioden] == [6, 0]


def test_eigen_weken_per_maand():
    # 12 maanden met 4,33 weken per maand = 51,96 weken; een periode is 6 x 4,33 = 25,98 weken.
    c = casus(contract={"uren_per_week": 40, "maanden": 12}, weken_per_maand=4.33, schema=[rij(2, "maandelijks")])
    uitkomst = bereken(c, REGELS)
    assert uitkomst.weken == Fraction("51.96")
    assert uitkomst.begeleidingsuren == 24  # 2 uur per maand, 12 maanden
    assert [p.tot for p in uitkomst.perioden] == [Fraction("25.98"), Fraction("51.96")]
    samenvatting = {r[0]: r[1] for r in __import__("jobcoach.tabeldata", fromlist=["x"]).samenvatting(uitkomst).rijen}
    assert samenvatting["Contract"] == "40 uur per week × 51,96 weken (12 maanden × 4,33 weken per maand)"


def test_twaalf_maanden_worden_niet_stil_48_weken():
    from jobcoach import tabeldata

    uitkomst = bereken(casus(contract={"uren_per_week": 40, "maanden": 12}), REGELS)
    tabellen = tabeldata.berekening(uitkomst)
    assert "48 weken (12 maanden × 4 weken per maand)" in tabellen[0].bijschrift
    assert "een maand telt als 4 weken" in tabellen[1].bijschrift  # de tabel per periode
    assert [r[0] for r in tabellen[1].rijen] == ["Periode 1 (jaar 1)", "Periode 2 (jaar 1)"]


# --- Bevinding: advies tegen de berekende behoefte ------------------------------------------------------------


@pytest.mark.parametrize(("advies", "verwacht"), [
    ({"regime": 2.49}, "advies-onder-berekening"),
    ({"regime": 2.5}, None),  # gelijk aan de berekening (24/960 = 2,5%): geen bevinding
    ({"regime": 2.51}, "advies-boven-berekening"),
    ({"uren": 23.99}, "advies-onder-berekening"),
    ({"uren": 24}, None),
    ({"uren": 24.01}, "advies-boven-berekening"),
])
@pytest.mark.parametrize("kader", [{}, {"protocol": "protocol-2011", "datum": "2012-01-01"}])
def test_advies_onder_gelijk_of_boven_de_berekening(advies, verwacht, kader):
    gevonden = {c for c in codes(casus(advies=advies, **kader)) if c.startswith("advies-") and "berekening" in c}
    assert gevonden == ({verwacht} if verwacht else set())


def test_advies_boven_berekening_vraagt_de_reden_met_bron():
    (b,) = [b for b in bereken(casus(advies={"uren": 30}), REGELS).bevindingen if b.code == "advies-boven-berekening"]
    assert b.veld == "advies.uren"
    assert b.tekst.startswith("Het advies (30 uur) is hoger dan de berekende behoefte (24 uur). Wat is de reden?")
    assert b.tekst.endswith("Bron: de Leidraad Jobcoach (2011), toetsing van de aanvraag: de goedkoopste adequate "
                            "voorziening.")


# --- Bevinding: het berekende percentage en de regimes tegen de regels van juli 2011 ------------------------


@pytest.mark.parametrize(("per_week", "verwacht"), [
    (3.99, None),  # 9,975%
    (4, None),  # precies 10%: volstaat
    (4.01, "berekend-vraagt-onderbouwing"),  # 10,025%
    (6, "berekend-vraagt-onderbouwing"),  # precies 15%: met onderbouwing
    (6.01, "berekend-boven-maximum"),  # 15,025%
])
def test_berekend_percentage_tegen_de_grenzen_van_2011(per_week, verwacht):
    gevonden = {c for c in codes(casus(protocol="protocol-2011", datum="2012-01-01", schema=[rij(per_week)]))
                if c.startswith("berekend-")}
    assert gevonden == ({verwacht} if verwacht else set())


@pytest.mark.parametrize(("regime", "verwacht"), [
    (9.99, None), (10, None), (10.01, "aanvraag-vraagt-onderbouwing"),
    (15, "aanvraag-vraagt-onderbouwing"), (15.01, "aanvraag-boven-maximum"),
])
def test_aangevraagd_regime_tegen_de_grenzen_van_2011(regime, verwacht):
    gevonden = {c for c in codes(casus(protocol="protocol-2011", datum="2012-01-01", aanvraag={"regime": regime}))
                if c.startswith("aanvraag-")}
    assert gevonden == ({verwacht} if verwacht else set())


def test_de_regels_van_2011_volgen_de_woorden_van_de_bron():
    uitkomst = bereken(casus(protocol="protocol-2011", datum="2012-01-01", aanvraag={"regime": 12},
                             schema=[rij(5)]), REGELS)
    teksten = {b.code: b.tekst for b in uitkomst.bevindingen}
    for code in ("aanvraag-vraagt-onderbouwing", "berekend-vraagt-onderbouwing"):
        assert "Volgens de regels van juli 2011 zal voor de meeste Wajongers 10% van de contracturen volstaan" \
            in teksten[code], teksten[code]
        assert "uitdrukkelijke onderbouwing op het aanvraagformulier" in teksten[code]
        assert "eerste periode" not in teksten[code]
        assert teksten[code].endswith("Bron: de regels van juli 2011, Kamervragen 2011Z09242.")


def test_kader_van_nu_zonder_bekende_grens_geeft_geen_verzonnen_percentagebevinding():
    # 20 uur per week van 40: 50%. UWV noemt sinds 1-10-2019 geen percentage; de site verzint er geen.
    assert not [c for c in codes(casus(schema=[rij(20)])) if "maximum" in c or "onderbouwing" in c]


# --- Bevinding: de interne jobcoach, per jaar (periode 1-2 jaar 1, 3-4 jaar 2, 5-6 jaar 3) -------------------


@pytest.mark.parametrize(("periode", "per_week", "verwacht"), [
    (1, 6, False), (1, 6.01, True),  # jaar 1: 15% = 6 uur per week van 40
    (2, 6, False), (2, 6.01, True),
    (3, 6, True), (3, 3, False), (3, 3.01, True),  # jaar 2: 7,5% = 3 uur per week
    (4, 3, False), (4, 3.01, True),
    (5, 3, True), (5, 2.4, False), (5, 2.41, True),  # jaar 3: 6% = 2,4 uur per week
    (6, 2.4, False), (6, 2.41, True),
])
def test_interne_jobcoach_maximum_per_jaar_volgt_de_periode(periode, per_week, verwacht):
    gevonden = codes(casus(kader="uwv-intern", periode=periode, schema=[rij(per_week)],
                           **({"vorige_uren": 1000} if periode > 1 else {})))
    assert ("berekend-boven-jaarmaximum" in gevonden) == verwacht, gevonden


@pytest.mark.parametrize(("periode", "verwacht"), [(5, False), (6, False), (7, True), (8, True)])
def test_interne_jobcoach_na_jaar_drie(periode, verwacht):
    gevonden = codes(casus(kader="uwv-intern", periode=periode, vorige_uren=1000, schema=[rij(0.5)]))
    assert ("na-max-jaren" in gevonden) == verwacht, gevonden


def test_interne_jobcoach_een_contract_over_twee_jaren_krijgt_per_periode_het_eigen_maximum():
    # Periode 2 en 3 (48 weken): 5 uur per week is 12,5%: onder 15% (jaar 1), boven 7,5% (jaar 2).
    uitkomst = bereken(casus(kader="uwv-intern", periode=2, vorige_uren=1000,
                             contract={"uren_per_week": 40, "weken": 48}, schema=[rij(5)]), REGELS)
    (b,) = [b for b in uitkomst.bevindingen if b.code == "berekend-boven-jaarmaximum"]
    assert b.tekst.startswith("In periode 3 (jaar 2) is de berekende behoefte 12,50% van de gewerkte uren. Volgens het "
                              "Protocol Interne Jobcoach UWV 2015 is dat in jaar 2 hoogstens 7,5%.")
    assert "Stcrt. 2014, 36771" in b.tekst


@pytest.mark.parametrize(("periode", "regime", "verwacht"), [(2, 15, False), (2, 15.5, True), (3, 7.5, False),
                                                             (3, 7.51, True), (5, 6, False), (5, 6.01, True)])
def test_interne_jobcoach_aangevraagd_regime_tegen_het_jaar(periode, regime, verwacht):
    gevonden = codes(casus(kader="uwv-intern", periode=periode, vorige_uren=1000, schema=[rij(0.5)],
                           aanvraag={"regime": regime}))
    assert ("aanvraag-boven-jaarmaximum" in gevonden) == verwacht, gevonden
    assert "aanvraag-boven-maximum" not in gevonden and "aanvraag-vraagt-onderbouwing" not in gevonden


def test_interne_jobcoach_standaardsituatie_met_bron():
    gevonden = {b.code: b.tekst for b in bereken(
        casus(kader="uwv-intern", contract={"uren_per_week": 40, "weken": 23, "loonwaarde_wml": 34}), REGELS).bevindingen}
    assert "contract-te-kort" in gevonden and "loonwaarde-te-laag" in gevonden
    assert "Protocol Interne Jobcoach UWV 2015" in gevonden["contract-te-kort"]


# --- Bevinding: een verlenging zonder minder uren ----------------------------------------------------------------


@pytest.mark.parametrize(("vorige", "verwacht"), [(24.01, False), (24, True), (23.99, True)])
def test_verlenging_zonder_minder_uren_vraagt_waarom(vorige, verwacht):
    # Deze periode: 24 uur. Minder dan vorige keer is afbouw; evenveel of meer vraagt een reden.
    uitkomst = bereken(casus(periode=2, vorige_uren=vorige), REGELS)
    gevonden = {b.code: b.tekst for b in uitkomst.bevindingen}
    assert ("verlenging-zonder-afbouw" in gevonden) == verwacht, gevonden
    if verwacht:
        assert f"niet minder dan in de vorige periode ({getal(vorige)} uur)" in gevonden["verlenging-zonder-afbouw"]
        assert "Waarom nemen de uren niet af?" in gevonden["verlenging-zonder-afbouw"]


@pytest.mark.parametrize(("periode", "verwacht"), [(1, False), (2, True), (3, True)])
def test_verlenging_zonder_uren_van_de_vorige_periode(periode, verwacht):
    assert ("verlenging-zonder-vorige-uren" in codes(casus(periode=periode))) == verwacht


def test_verlenging_vergelijkt_de_eerste_periode_van_de_aanvraag():
    # Periode 2 en 3: 12 weken 2 uur (24), dan 36 weken 0,5 uur (18). Periode 2 = 24 + 12 x 0,5 = 30 uur.
    c = casus(periode=2, vorige_uren=30, contract={"uren_per_week": 40, "weken": 48},
              schema=[rij(2, fasen=[{"weken": 12, "intensiteit": "wekelijks"},
                                    {"weken": 36, "intensiteit": "wekelijks", "uren": 0.5}])])
    assert "verlenging-zonder-afbouw" in codes(c)
    assert "verlenging-zonder-afbouw" not in codes(c.model_copy(update={"vorige_uren": 30.01}))


# --- Datums: de laatste dag van het protocol en de dag erna ------------------------------------------------------


@pytest.mark.parametrize(("gegevens", "datum", "verwacht"), [
    ({"protocol": "protocol-2016"}, "2019-09-30", set()),
    ({"protocol": "protocol-2016"}, "2019-10-01", {"protocol-vervallen", "datum-buiten-protocol"}),
    ({"protocol": "protocol-2016"}, "2015-12-31", {"datum-buiten-protocol"}),
    ({"protocol": "protocol-2016"}, "2016-01-01", set()),
    ({"protocol": "protocol-2011"}, "2011-06-30", {"datum-buiten-protocol"}),
    ({"protocol": "protocol-2011"}, "2011-07-01", set()),
    ({"protocol": "protocol-2011"}, "2012-12-14", set()),
    ({"protocol": "protocol-2011"}, "2012-12-15", {"datum-buiten-protocol"}),
    ({}, "2019-09-30", {"datum-voor-kader"}),
    ({}, "2019-10-01", set()),
    ({"kader": "uwv-intern"}, "2014-12-31", {"datum-voor-kader"}),
    ({"kader": "uwv-intern"}, "2015-01-01", set()),
])
def test_datumbevindingen_op_de_grens(gegevens, datum, verwacht):
    datumcodes = {"protocol-vervallen", "datum-buiten-protocol", "datum-voor-kader", "geldigheid-onbekend",
                  "datum-ontbreekt"}
    assert set(codes(casus(datum=datum, **gegevens))) & datumcodes == verwacht


def test_protocol_vervallen_op_de_eerste_dag_zonder_protocol_noemt_die_dag():
    (b,) = [b for b in bereken(casus(protocol="protocol-2016", datum="2019-10-01"), REGELS).bevindingen
            if b.code == "protocol-vervallen"]
    assert b.tekst.startswith("Sinds 01-10-2019 geldt geen Protocol Jobcoach meer.")
    assert "BWBR0037573" in b.tekst


def test_contract_te_lang_telt_eerdere_perioden_mee():
    # protocol-2011: hoogstens 3 jaar = 144 weken. Periode 6 begint na 5 x 24 = 120 weken.
    gegevens = {"protocol": "protocol-2011", "datum": "2012-01-01", "periode": 6, "vorige_uren": 1000}
    assert "contract-te-lang" not in codes(casus(contract={"uren_per_week": 40, "weken": 24}, **gegevens))
    assert "contract-te-lang" in codes(casus(contract={"uren_per_week": 40, "weken": 24.01}, **gegevens))


# --- Elke bevinding noemt kader en bron --------------------------------------------------------------------------


def test_elke_bevinding_van_de_seed_casus_noemt_kader_en_bron():
    uitkomst = bereken(laad_casus(SEED_CASUS, REGELS), REGELS)
    gevonden = {b.code: b for b in uitkomst.bevindingen}
    # Het advies (6%) is hoger dan de berekende 4,37%: de toetser vraagt waarom.
    assert set(gevonden) == {"advies-boven-berekening", "aanvraag-vraagt-onderbouwing", "datum-ontbreekt"}
    assert all(" Bron: " in b.tekst and b.kader.startswith("Bron: ") for b in uitkomst.bevindingen)
    assert "de regels van juli 2011" in gevonden["aanvraag-vraagt-onderbouwing"].tekst


def test_elke_bevinding_heeft_een_bron():
    c = casus(kader="uwv-intern", periode=7, contract={"uren_per_week": 70, "weken": 23, "loonwaarde_wml": 30},
              schema=[rij(80 / 2, "wekelijks")], advies={"uren": 1})
    uitkomst = bereken(c, REGELS)
    assert len(uitkomst.bevindingen) >= 5
    for b in uitkomst.bevindingen:
        assert " Bron: " in b.tekst and b.tekst.endswith("."), b


# --- De rekenhulp krijgt elke grens, elk kader en elke tekst uit de JSON ------------------------------------


def test_de_json_voor_de_browser_draagt_kaders_en_alle_grenzen():
    gegevens = json.loads(json.dumps(rekenhulp_gegevens(REGELS)))
    assert gegevens["standaard_kader"] == "uwv-extern" and gegevens["periode_maanden"] == 6
    kaders = {k["id"]: k for k in gegevens["kaders"]}
    assert set(kaders) == {"uwv-extern", "uwv-intern", "gemeente", "protocol-jobcoach"}
    assert kaders["uwv-intern"]["protocol"] == "interne-jobcoach-2015" and kaders["gemeente"]["verordening"] is True
    assert kaders["protocol-jobcoach"]["protocol_soort"] == "extern" and kaders["uwv-extern"]["geldig_van"] == "2019-10-01"
    protocollen = {p["id"]: p for p in gegevens["protocollen"]}
    assert (protocollen["protocol-2011"]["normaal_max"], protocollen["protocol-2011"]["max_met_onderbouwing"]) == (10, 15)
    assert protocollen["protocol-2011"]["label"] == "de regels van juli 2011"
    assert protocollen["interne-jobcoach-2015"]["max_per_jaar"] == [15, 7.5, 6]
    assert protocollen["interne-jobcoach-2015"]["geldend"] is True
    for code in ("advies-boven-berekening", "berekend-boven-jaarmaximum", "verlenging-zonder-afbouw", "na-max-jaren",
                 "datum-voor-kader", "bron"):
        assert code in gegevens["teksten"]["bevindingen"], code
    velden = {v["naam"]: v for v in gegevens["modellen"]["Contract"]}
    assert velden["uren_per_week"]["ge"] == 1 and velden["weken"]["ge"] == 1
    assert {v["naam"] for v in gegevens["modellen"]["Fase"]} == {"weken", "intensiteit", "uren"}


def test_opdrachtregel_rekent_een_casus_van_nu(tmp_path):
    import subprocess
    import sys

    pad = tmp_path / "nu.yml"
    pad.write_text("titel: Nu\ncontract: {uren_per_week: 40, maanden: 12}\nschema:\n"
                   "  - {aard: persoonlijk, knelpunt: K, door: jobcoach, uren: 1, intensiteit: wekelijks, doel: 1}\n",
                   encoding="utf-8")
    uit = subprocess.run([sys.executable, "-m", "jobcoach", "bereken", str(pad)], capture_output=True, text=True,
                         timeout=60, cwd=Path(__file__).parent.parent)
    assert uit.returncode == 0, uit.stderr
    assert "Periode 2 (jaar 1)" in uit.stdout and "Kader" in uit.stdout
    assert not any(z in uit.stdout for z in VERVALLEN)
    data = json.loads(subprocess.run([sys.executable, "-m", "jobcoach", "bereken", str(pad), "--json"],
                                     capture_output=True, text=True, timeout=60).stdout)
    assert data["kader"] == "uwv-extern" and data["protocol"] is None
    assert [p["begeleidingsuren"] for p in data["perioden"]] == [24, 24]


# --- Elke bevinding: het juiste veld, het kader en de bron, en alle waarden ingevuld ----------------------------
# (mutatietests lieten zien dat een verkeerd veld, een leeg kader of een lege waarde in de tekst onopgemerkt bleef.)

_TOETSER = "Bron: de Leidraad Jobcoach (2011), toetsing van de aanvraag: de goedkoopste adequate voorziening."
_VERVOLG = "Bron: de Leidraad Jobcoach (2011), vervolgaanvraag met het logboek van de vorige periode."
_JULI_2011 = "Bron: de regels van juli 2011, Kamervragen 2011Z09242."
_INTERN = "Bron: het Protocol Interne Jobcoach UWV 2015, Stcrt. 2014, 36771; uwv.nl voor werkgevers."
_2016_EINDE = ("Bron: het Protocol Jobcoach UWV 2016, wetten.overheid.nl, BWBR0037573: geldend van 28-01-2016 t/m "
               "30-09-2019, vervallen per 01-10-2019.")
_UWV_NU = "Bron: de werkwijze van UWV sinds 1 oktober 2019, uwv.nl."


@pytest.mark.parametrize(("gegevens", "code", "veld", "stukken", "label"), [
    ({"advies": {"regime": 2}}, "advies-onder-berekening", "advies.regime", ["(2%)", "(2,50%)"], _TOETSER),
    ({"advies": {"uren": 30}}, "advies-boven-berekening", "advies.uren", ["(30 uur)", "(24 uur)"], _TOETSER),
    ({"protocol": "protocol-2011", "datum": "2012-01-01", "schema": [rij(7)]}, "berekend-boven-maximum", "schema",
     ["(17,50% van de contracturen)", "dan 15%, het hoogste percentage volgens de regels van juli 2011"], _JULI_2011),
    ({"protocol": "protocol-2011", "datum": "2012-01-01", "schema": [rij(5)]}, "berekend-vraagt-onderbouwing",
     "schema", ["Wajongers 10% van", "(12,50%)"], _JULI_2011),
    ({"protocol": "protocol-2011", "datum": "2012-01-01", "aanvraag": {"regime": 16}}, "aanvraag-boven-maximum",
     "aanvraag.regime", ["Het aangevraagde regime (16%) is hoger dan 15%"], _JULI_2011),
    ({"protocol": "protocol-2011", "datum": "2012-01-01", "advies": {"regime": 12}}, "advies-vraagt-onderbouwing",
     "advies.regime", ["Het geadviseerde regime (12%)", "Wajongers 10% van"], _JULI_2011),
    ({"kader": "uwv-intern", "periode": 3, "vorige_uren": 99, "schema": [rij(4)]}, "berekend-boven-jaarmaximum",
     "schema", ["In periode 3 (jaar 2) is de berekende behoefte 10,00%", "in jaar 2 hoogstens 7,5%"], _INTERN),
    ({"kader": "uwv-intern", "periode": 5, "vorige_uren": 99, "aanvraag": {"regime": 7}},
     "aanvraag-boven-jaarmaximum", "aanvraag.regime",
     ["Het aangevraagde regime (7%) is hoger dan 6%, het hoogste percentage in jaar 3 (periode 5)"], _INTERN),
    ({"kader": "uwv-intern", "periode": 7, "vorige_uren": 99}, "na-max-jaren", "periode",
     ["Periode 7 valt in jaar 4", "hoogstens 3 jaar"], _INTERN),
    ({"kader": "uwv-intern", "contract": {"uren_per_week": 40, "weken": 20}}, "contract-te-kort", "contract",
     ["duurt 20 weken", "minstens 6 maanden (24 weken)."], _INTERN),
    ({"protocol": "protocol-2011", "datum": "2012-01-01", "contract": {"uren_per_week": 40, "weken": 20}},
     "contract-te-kort", "contract", ["duurt 20 weken", "minstens 6 maanden (24 weken) of een proefplaatsing."],
     _JULI_2011),
    ({"kader": "uwv-intern", "contract": {"uren_per_week": 40, "weken": 24, "loonwaarde_wml": 30}},
     "loonwaarde-te-laag", "contract.loonwaarde_wml", ["De loonwaarde is 30% van het WML", "minstens 35%."], _INTERN),
    ({"protocol": "protocol-2011", "datum": "2012-01-01", "contract": {"uren_per_week": 11, "weken": 24}},
     "contract-te-weinig-uren", "contract.uren_per_week", ["heeft 11 uur per week", "minstens 12 uur"], _JULI_2011),
    ({"periode": 2}, "verlenging-zonder-vorige-uren", "vorige_uren", ["(periode 2)"], _VERVOLG),
    ({"periode": 2, "vorige_uren": 20}, "verlenging-zonder-afbouw", "schema", ["(24 uur)", "(20 uur)"], _VERVOLG),
    ({"datum": "2019-09-30"}, "datum-voor-kader", "datum", ["(30-09-2019) ligt vóór 01-10-2019"], _UWV_NU),
    ({"protocol": "protocol-2016", "datum": "2019-10-01"}, "datum-buiten-protocol", "datum",
     ["(01-10-2019) valt buiten de geldigheid van Beleidsregel Protocol Jobcoach UWV 2016: van 01-01-2016 tot en met "
      "30-09-2019."], _2016_EINDE),
    ({"protocol": "protocol-2016", "datum": "2019-10-01"}, "protocol-vervallen", "datum",
     ["Sinds 01-10-2019", "de regels van Beleidsregel Protocol Jobcoach UWV 2016"],
     "Bron: het Protocol Jobcoach UWV 2016, wetten.overheid.nl, BWBR0037573."),
    ({"protocol": "protocol-2016"}, "datum-ontbreekt", "datum", ["of Beleidsregel Protocol Jobcoach UWV 2016 gold"],
     "Bron: het Protocol Jobcoach UWV 2016, BWBR0037573."),
    ({"contract": {"uren_per_week": 1, "weken": 24}, "schema": [rij(2)]}, "uren-boven-contract", "schema",
     ["(48 uur) zijn meer dan de contracturen (24 uur)"],
     "Bron: de controle van de site op aannemelijkheid, geen regel uit een bron."),
    ({"contract": {"uren_per_week": 61, "weken": 24}}, "veel-contracturen", "contract.uren_per_week",
     ["heeft 61 uur per week. Dat is meer dan 60 uur"],
     "Bron: de controle van de site op aannemelijkheid, Arbeidstijdenwet, artikel 5:7 (wetten.overheid.nl, "
     "BWBR0007671)."),
    ({"protocol": "protocol-2011", "datum": "2012-01-01", "periode": 6, "vorige_uren": 99,
      "contract": {"uren_per_week": 40, "weken": 25}}, "contract-te-lang", "contract",
     ["tot en met week 145", "hoogstens 3 jaar (144 weken, met 4 weken per maand)."], _JULI_2011),
    ({"schema": [rij(0)]}, "geen-uren", "schema", ["Geen enkele rij"],
     "Bron: de controle van de site op aannemelijkheid, geen regel uit een bron."),
])
def test_elke_bevinding_heeft_het_juiste_veld_kader_en_waarden(gegevens, code, veld, stukken, label):
    (b,) = [b for b in bereken(casus(**gegevens), REGELS).bevindingen if b.code == code]
    assert b.veld == veld
    assert b.kader == label and b.tekst.endswith(" " + label), b.tekst
    for stuk in stukken:
        assert stuk in b.tekst, (stuk, b.tekst)
    assert "None" not in b.tekst and "{" not in b.tekst


@pytest.mark.parametrize(("contract", "verwacht"), [
    ({"uren_per_week": 40, "weken": 24, "loonwaarde_wml": 34.99}, {"loonwaarde-te-laag"}),
    ({"uren_per_week": 40, "weken": 24, "loonwaarde_wml": 35}, set()),  # precies de ondergrens: in orde
    ({"uren_per_week": 40, "weken": 24, "loonwaarde_wml": 35.01}, set()),
    ({"uren_per_week": 11.99, "weken": 24}, {"contract-te-weinig-uren"}),
    ({"uren_per_week": 12, "weken": 24}, set()),
    ({"uren_per_week": 40, "weken": 23.99}, {"contract-te-kort"}),
    ({"uren_per_week": 40, "weken": 24}, set()),
])
def test_standaardsituatie_van_2011_op_de_grens(contract, verwacht):
    standaard = {"loonwaarde-te-laag", "contract-te-weinig-uren", "contract-te-kort"}
    assert set(codes(casus(protocol="protocol-2011", datum="2012-01-01", contract=contract))) & standaard == verwacht
