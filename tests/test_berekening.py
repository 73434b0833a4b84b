"""De rekenregels, getoetst aan de casus en aan randgevallen.

De verwachte getallen komen uit de tekst van de casus zelf (42 uur, 1,75 uur per week, 960 uur,
4,37%) of zijn met de hand uitgerekend in de test, niet overgenomen uit de uitvoer van de code.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from jobcoach import Casus, bereken, laad_casus, laad_regels
from jobcoach.opmaak import getal, procent, procent_afgekapt, uren

from conftest import SEED_CASUS

REGELS = laad_regels()


def maak_casus(**wijzigingen) -> Casus:
    gegevens = {
        "titel": "Test",
        "protocol": "protocol-2011",
        "contract": {"uren_per_week": 40, "maanden": 6},
        "aanvraag": {"regime": 10},
        "schema": [
            {"aard": "persoonlijk", "knelpunt": "A", "door": "jobcoach", "uren": 1, "intensiteit": "wekelijks", "doel": 1}
        ],
    }
    gegevens.update(wijzigingen)
    return Casus.model_validate(gegevens, context={"regels": REGELS})


def rij(uren: float, intensiteit: str, doel: int = 1, door: str = "jobcoach") -> dict:
    return {"aard": "persoonlijk", "knelpunt": "K", "door": door, "uren": uren, "intensiteit": intensiteit, "doel": doel}


def test_seed_casus_geeft_de_getallen_uit_de_casustekst():
    uitkomst = bereken(laad_casus(SEED_CASUS, REGELS), REGELS)
    # "6 maanden × 4 weken × 40 uur = 960 uur"; "In totaal komt dit neer op 42 uur (1,75 uur per week"
    assert uitkomst.weken == 24
    assert uitkomst.contracturen == 960
    assert uitkomst.begeleidingsuren == 42
    assert uren(uitkomst.uren_per_week) == "1,75"
    # "(42/960) *100% = 4,37%"
    assert procent_afgekapt(uitkomst.percentage) == "4,37%"
    # Een half uur per week (doel 1), een half uur per week (doel 3), een uur per twee weken (doel 2),
    # plus zes uur calamiteiten (doel 1): 12 + 6, 12, 12.
    assert [r.totaal for r in uitkomst.rijen] == [12, 12, 12, 0, 0, 0]
    assert uitkomst.uren_per_doel == {1: 18, 2: 12, 3: 12}
    assert uitkomst.regime_aangevraagd == 15 and uitkomst.regime_advies == 6


@pytest.mark.parametrize(
    ("intensiteit", "uren_per_keer", "per_week", "totaal"),
    [
        ("wekelijks", 2, Fraction(2), Fraction(48)),
        ("tweewekelijks", 2, Fraction(1), Fraction(24)),
        ("maandelijks", 2, Fraction(1, 2), Fraction(12)),  # een maand telt als 4 weken
        ("eenmalig", 3, Fraction(3, 24), Fraction(3)),  # telt één keer
    ],
)
def test_intensiteiten(intensiteit, uren_per_keer, per_week, totaal):
    uitkomst = bereken(maak_casus(schema=[rij(uren_per_keer, intensiteit)]), REGELS)
    assert uitkomst.rijen[0].uren_per_week == per_week
    assert uitkomst.rijen[0].totaal == totaal
    assert uitkomst.begeleidingsuren == totaal


def test_weken_in_plaats_van_maanden():
    uitkomst = bereken(maak_casus(contract={"uren_per_week": 20, "weken": 10}), REGELS)
    assert uitkomst.weken == 10 and uitkomst.contracturen == 200
    assert uitkomst.begeleidingsuren == 10
    assert procent_afgekapt(uitkomst.percentage) == "5,00%"


def test_rijen_van_anderen_tellen_niet_mee():
    uitkomst = bereken(maak_casus(schema=[rij(1, "wekelijks"), rij(5, "wekelijks", door="werkgever")]), REGELS)
    assert uitkomst.begeleidingsuren == 24
    assert uitkomst.rijen[1].totaal == 0 and not uitkomst.rijen[1].telt_mee


def test_extra_uren_tellen_bij_hun_doel():
    uitkomst = bereken(maak_casus(extra=[{"omschrijving": "calamiteiten", "uren": 6, "doel": 3}]), REGELS)
    assert uitkomst.uren_per_doel == {1: 24, 2: 0, 3: 6}
    assert uitkomst.begeleidingsuren == 30


def test_percentage_wordt_afgekapt_niet_afgerond():
    # 0,999 uur per week van 10 uur: 9,99%; 0,9999 → 9,999% → afgekapt 9,99% (afronden zou 10,00% geven)
    uitkomst = bereken(maak_casus(contract={"uren_per_week": 10, "weken": 1}, schema=[rij(0.9999, "wekelijks")]), REGELS)
    assert procent_afgekapt(uitkomst.percentage) == "9,99%"


def test_exacte_rekenkunde_zonder_computerafronding():
    # 0,1 + 0,2 is met gewone computergetallen 0,30000000000000004; hier precies 0,3.
    # 0,3 uur per week van 10 uur = 3%, precies; met drijvende komma zou 2,99% kunnen verschijnen.
    uitkomst = bereken(
        maak_casus(contract={"uren_per_week": 10, "weken": 1}, schema=[rij(0.1, "wekelijks"), rij(0.2, "wekelijks")]),
        REGELS,
    )
    assert uitkomst.begeleidingsuren == Fraction(3, 10)
    assert procent_afgekapt(uitkomst.percentage) == "3,00%"


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [(Fraction(42), "42"), (Fraction(7, 4), "1,75"), (0.5, "0,5"), (1000, "1.000"), (Fraction(1, 3), "0,33"),
     (Fraction(5, 8), "0,63")],
)
def test_nederlandse_notatie(waarde, tekst):
    assert uren(waarde) == tekst


def test_procent_notatie():
    assert procent(6) == "6%"
    assert procent(7.5) == "7,5%"
    assert procent_afgekapt(Fraction(35, 8)) == "4,37%"
    assert procent_afgekapt(Fraction(1234567, 100)) == "12.345,67%"
    assert getal(Fraction(24)) == "24"


def codes(casus: Casus) -> list[str]:
    return [b.code for b in bereken(casus, REGELS).bevindingen]


def test_bevinding_advies_onder_berekening():
    # 1 uur per week van 40 uur = 2,5%; advies 2% is lager.
    assert "advies-onder-berekening" in codes(maak_casus(advies={"regime": 2}))
    assert "advies-onder-berekening" not in codes(maak_casus(advies={"regime": 3}))


def test_bevinding_boven_maximum_van_protocol():
    gevonden = codes(maak_casus(aanvraag={"regime": 20}, advies={"regime": 16}))
    assert "aanvraag-boven-maximum" in gevonden and "advies-boven-maximum" in gevonden
    assert "aanvraag-vraagt-onderbouwing" not in gevonden  # niet dubbel melden


def test_bevinding_eerste_periode_vraagt_onderbouwing():
    assert "aanvraag-vraagt-onderbouwing" in codes(maak_casus(aanvraag={"regime": 15}))
    assert "aanvraag-vraagt-onderbouwing" not in codes(maak_casus(aanvraag={"regime": 10}))


def test_bevindingen_contract_buiten_standaard():
    kort = codes(maak_casus(contract={"uren_per_week": 10, "maanden": 3, "loonwaarde_wml": 30}))
    assert {"contract-te-kort", "contract-te-weinig-uren", "loonwaarde-te-laag"} <= set(kort)
    proef = codes(maak_casus(contract={"uren_per_week": 12, "maanden": 3, "proefplaatsing": True}))
    assert "contract-te-kort" not in proef and "contract-te-weinig-uren" not in proef


def test_protocol_zonder_bekend_maximum_geeft_geen_verzonnen_bevinding():
    assert codes(maak_casus(protocol="protocol-2016", datum="2017-03-01", aanvraag={"regime": 50})) == []


def test_bevinding_datum_buiten_protocol():
    assert "datum-buiten-protocol" in codes(maak_casus(datum="2015-01-01"))
    assert "datum-buiten-protocol" not in codes(maak_casus(datum="2012-01-01"))


# --- Geldigheid van de protocolversie op de datum van de casus --------------------------------------------


@pytest.mark.parametrize("protocol_id", [p.id for p in REGELS.protocollen if p.soort == "extern"])
def test_casus_van_2026_krijgt_onder_elke_versie_een_bevinding(protocol_id):
    """Geen enkele versie van het Protocol Jobcoach geldt nog: een casus van nu die er toch mee rekent, krijgt te horen
    dat de regels niet meer gelden. (Het Protocol Interne Jobcoach geldt volgens UWV nog; zie test_kaders.py.)"""
    uitkomst = bereken(maak_casus(protocol=protocol_id, datum="2026-12-01"), REGELS)
    gevonden = {b.code: b.tekst for b in uitkomst.bevindingen}
    assert "protocol-vervallen" in gevonden, gevonden
    assert "Sinds 01-10-2019 geldt geen Protocol Jobcoach meer" in gevonden["protocol-vervallen"]
    assert ("datum-buiten-protocol" in gevonden) != ("geldigheid-onbekend" in gevonden), gevonden


def test_einde_van_elke_versie_volgt_uit_de_bronnen():
    einde = {p.id: REGELS.einde(p) for p in REGELS.protocollen}
    import datetime as dt

    assert einde["protocol-2016"] == dt.date(2019, 9, 30)  # BWBR0037573: vervallen per 01-10-2019
    assert einde["protocol-2014"] == dt.date(2015, 12, 31)  # ingetrokken door de regel van 2016, die terugwerkt tot 1-1-2016
    assert einde["protocol-2012"] == dt.date(2014, 6, 9)  # tot het protocol van 2014 (10-6-2014)
    assert einde["interne-jobcoach-2015"] is None  # geldt nog (UWV, pagina's voor werkgevers)
    assert REGELS.einde_protocollen() == dt.date(2019, 10, 1)


def test_casus_zonder_datum_krijgt_een_bevinding():
    gevonden = {b.code: b for b in bereken(maak_casus(), REGELS).bevindingen}
    assert gevonden["datum-ontbreekt"].veld == "datum"
    assert "kan de site niet nagaan" in gevonden["datum-ontbreekt"].tekst


def test_onbekend_einde_geeft_geldigheid_onbekend_met_nederlandse_datum(tmp_path):
    # Geen versie in de regels heeft nu een onbekend einde; maak er één (protocol-2016) in een kopie van de regels.
    from jobcoach.regels import REGELS_PAD

    pad = tmp_path / "regels.yml"
    pad.write_text(REGELS_PAD.read_text(encoding="utf-8").replace("geldig_tot: 2019-09-30", "geldig_tot: onbekend"),
                   encoding="utf-8")
    regels = laad_regels(pad)
    casus = Casus.model_validate({**maak_casus().model_dump(by_alias=True, exclude_none=True),
                                  "protocol": "protocol-2016", "datum": "2020-05-04"}, context={"regels": regels})
    gevonden = {b.code: b for b in bereken(casus, regels).bevindingen}
    tekst = {c: b.tekst for c, b in gevonden.items()}
    assert tekst["geldigheid-onbekend"] == (
        "Van Beleidsregel Protocol Jobcoach UWV 2016 is niet bekend tot wanneer het gold. Of het op 04-05-2020 nog gold, "
        "kan de site niet nagaan. Bron: het Protocol Jobcoach UWV 2016, BWBR0037573."), tekst
    assert gevonden["geldigheid-onbekend"].veld == "datum"
    assert "protocol-vervallen" not in tekst


def test_datum_in_de_periode_geeft_geen_datumbevinding():
    for protocol_id, datum in [("protocol-2011", "2012-01-01"), ("protocol-2014", "2015-12-31"),
                               ("protocol-2016", "2016-01-01"), ("protocol-2012", "2014-06-09")]:
        gevonden = codes(maak_casus(protocol=protocol_id, datum=datum))
        assert not {"datum-buiten-protocol", "geldigheid-onbekend", "protocol-vervallen", "datum-ontbreekt"} & set(gevonden), \
            (protocol_id, datum, gevonden)
