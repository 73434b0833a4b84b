"""De meldingen van de lezer (src/jobcoach/lezer.py) bij een kapotte casus: bestand, regel, veld en de Nederlandse
zin, precies. Elke verwachte melding is met de hand geschreven uit teksten.yml (meldingen) en het model van de casus,
zoals een gebruiker hem moet lezen; het overzicht van de mutaties staat in tests/MUTATIES.md.

Elk geval is een kleine wijziging van dezelfde verzonnen casus (BASIS, geen echte klant), zodat de regelnummers
hieronder met het oog te tellen zijn.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import pytest
import yaml
from casushulp import REGELS
from pydantic import BaseModel, Field, field_validator
from pydantic_core import PydanticCustomError

from jobcoach import Bestandsfout, Casus
from jobcoach.fouten import Probleem
from jobcoach.lezer import (MAX_BYTES, Strikt, YamlDocument, _Gegevenslezer, _gebeurtenissen, _Menslezer, _cijfers,
                            _sleutel_geen_tekst, _teken, _waarde, _yaml_uitleg, bestanden_in_map, laad_yaml_model,
                            lees_yaml, valideer)

# Een verzonnen casus; regel 1 is commentaar, zodat 'regel 1' nooit toevallig klopt.
BASIS = """\
# verzonnen casus voor de tests
titel: Test
contract:
  uren_per_week: 40
  weken: 24
schema:
  - aard: persoonlijk
    knelpunt: K
    door: jobcoach
    uren: 1
    intensiteit: wekelijks
    doel: 1
"""
# regel:  2 titel, 3 contract, 4 uren_per_week, 5 weken, 6 schema, 7 aard (de rij), 8 knelpunt, 9 door, 10 uren,
#        11 intensiteit, 12 doel


def _met(oud: str, nieuw: str) -> str:
    assert BASIS.count(oud) == 1, oud
    return BASIS.replace(oud, nieuw)


def meldingen(tekst: str) -> list[tuple[str, str]]:
    """De problemen van een casus als (tekst zoals de gebruiker hem ziet, code), in de volgorde van de melding."""
    with pytest.raises(Bestandsfout) as fout:
        valideer(lees_yaml(Path("casus.yml"), tekst, mens=True), Casus, {"regels": REGELS})
    return [(str(p), p.code) for p in fout.value.problemen]


def test_basis_is_een_geldige_casus():
    assert valideer(lees_yaml(Path("casus.yml"), BASIS, mens=True), Casus, {"regels": REGELS}).titel == "Test"


# --- ontbrekende en onbekende velden ------------------------------------------------------------------------------

VELDEN = [
    pytest.param(_met("titel: Test\n", ""), [
        # de groep begint nu op regel 2 (contract): daar hoort het ontbrekende veld
        ("casus.yml:2: titel: verplicht veld ontbreekt", "ontbreekt"),
    ], id="titel-ontbreekt"),
    pytest.param(_met("titel: Test", "titl: Test"), [
        ("casus.yml:2: titel: verplicht veld ontbreekt; staat er een tikfout in 'titl'?", "ontbreekt"),
        ("casus.yml:2: titl: onbekend veld; bedoelt u 'titel'?", "onbekend_veld"),
    ], id="tikfout-in-titel"),
    pytest.param(_met("    knelpunt: K\n", ""), [
        ("casus.yml:7: schema[1].knelpunt: verplicht veld ontbreekt", "ontbreekt"),
    ], id="knelpunt-ontbreekt-in-rij"),
    pytest.param(_met("  uren_per_week: 40", "  uren_per_weak: 40"), [
        ("casus.yml:3: contract.uren_per_week: verplicht veld ontbreekt; staat er een tikfout in 'uren_per_weak'?",
         "ontbreekt"),
        ("casus.yml:4: contract.uren_per_weak: onbekend veld; bedoelt u 'uren_per_week'?", "onbekend_veld"),
    ], id="tikfout-in-contract"),
    pytest.param(_met("schema:", "schemas:"), [
        # 'schema' is de naam in het bestand (de alias van het veld schema_)
        ("casus.yml:2: schema: verplicht veld ontbreekt; staat er een tikfout in 'schemas'?", "ontbreekt"),
        ("casus.yml:6: schemas: onbekend veld; bedoelt u 'schema'?", "onbekend_veld"),
    ], id="tikfout-in-schema"),
    pytest.param(_met("  weken: 24", "  weken: 24\n  kleur: rood"), [
        ("casus.yml:6: contract.kleur: onbekend veld; toegestaan zijn: uren_per_week, maanden, weken, proefplaatsing, "
         "loonwaarde_wml", "onbekend_veld"),
    ], id="onbekend-veld-in-contract"),
    pytest.param(_met("    doel: 1", "    doel: 1\n    kleur: rood"), [
        ("casus.yml:13: schema[1].kleur: onbekend veld; toegestaan zijn: aard, knelpunt, door, aan, uren, "
         "intensiteit, fasen, doel, motivering", "onbekend_veld"),
    ], id="onbekend-veld-in-rij"),
    pytest.param(_met("    intensiteit: wekelijks", "    fasen:\n      - weken: 4\n        intensiteit: wekelijks\n"
                                                    "        kleur: rood"), [
        ("casus.yml:14: schema[1].fasen[1].kleur: onbekend veld; toegestaan zijn: weken, intensiteit, uren",
         "onbekend_veld"),
    ], id="onbekend-veld-in-fase"),
    pytest.param(_met("titel: Test", "titel: Test\nopmerking: rood"), [
        ("casus.yml:3: opmerking: onbekend veld; toegestaan zijn: titel, kader, verordening, protocol, periode, "
         "vorige_uren, weken_per_maand, datum, bron, contract, aanvraag, schema, extra, advies", "onbekend_veld"),
    ], id="onbekend-veld-bovenaan"),
    pytest.param(_met("  weken: 24", "  weken: 24\n  proefplaats\u0456ng: true"), [
        ("casus.yml:6: contract.proefplaats\u0456ng: onbekend veld (de naam bevat 'і' U+0456 (\\u0456, Cyrillische "
         "letter); typ de naam opnieuw met gewone letters); bedoelt u 'proefplaatsing'?", "onbekend_veld"),
    ], id="vreemde-letter-in-veldnaam"),
]


@pytest.mark.parametrize(("tekst", "verwacht"), VELDEN)
def test_ontbrekend_of_onbekend_veld(tekst, verwacht):
    assert meldingen(tekst) == verwacht


# --- meldingen uit het model zelf: al Nederlands en compleet, zonder '(gevonden: …)' erachter ---------------------

EIGEN = [
    pytest.param(_met("titel: Test", "titel: Test\nkader: gemeente"), [
        ("casus.yml:2: verordening: verplicht veld ontbreekt (bij een jobcoach via de gemeente hoort de naam van de "
         "verordening)", "ontbreekt"),
    ], id="gemeente-zonder-verordening"),
    pytest.param(_met("    doel: 1\n", ""), [
        ("casus.yml:7: schema[1].doel: verplicht veld ontbreekt (een rij van de jobcoach telt mee in de uren)",
         "ontbreekt"),
    ], id="rij-van-de-jobcoach-zonder-doel"),
    pytest.param(_met("  weken: 24", "  weken: 24\n  maanden: 6"), [
        ("casus.yml:5: contract.weken: vul maanden óf weken in, niet allebei", "dubbel"),
    ], id="maanden-en-weken"),
    pytest.param(_met("titel: Test", "titel: Test\nprotocol: protocol-1999"), [
        ("casus.yml:3: protocol: onbekende protocolversie 'protocol-1999'; kies uit protocol-2006, protocol-2011, "
         "protocol-2012, protocol-2014, interne-jobcoach-2015, protocol-2016", "onbekend_protocol"),
    ], id="onbekend-protocol"),
    pytest.param(_met("titel: Test", "titel: Test\nkader: uwv"), [
        ("casus.yml:3: kader: onbekend kader 'uwv'; kies uit uwv-extern, uwv-intern, gemeente, protocol-jobcoach",
         "onbekend_kader"),
    ], id="onbekend-kader"),
    pytest.param(_met("titel: Test", "titel: Test\nprotocol: protocol-2011\nkader: uwv-intern"), [
        ("casus.yml:3: protocol: protocolversie protocol-2011 past niet bij kader uwv-intern", "kader_protocol"),
    ], id="protocol-past-niet-bij-kader"),
    pytest.param(_met("titel: Test", "titel: Test\nverordening: Verordening Voorbeeld 2024"), [
        ("casus.yml:3: verordening: een verordening hoort alleen bij kader: gemeente", "alleen_bij"),
    ], id="verordening-zonder-gemeente"),
    pytest.param(_met("titel: Test", "titel: Test\nvorige_uren: 30"), [
        ("casus.yml:3: vorige_uren: vorige uren horen alleen bij een verlenging (periode 2 of later)", "alleen_bij"),
    ], id="vorige-uren-in-periode-1"),
    pytest.param(_met("    intensiteit: wekelijks", "    fasen:\n      - weken: 20\n        intensiteit: wekelijks\n"
                                                    "      - weken: 5\n        intensiteit: maandelijks"), [
        ("casus.yml:11: schema[1].fasen: de fasen duren samen 25 weken, langer dan het contract (24 weken)",
         "fasen_te_lang"),
    ], id="fasen-langer-dan-het-contract"),
]


@pytest.mark.parametrize(("tekst", "verwacht"), EIGEN)
def test_melding_uit_het_model_staat_er_precies(tekst, verwacht):
    assert meldingen(tekst) == verwacht


# --- een veldnaam die geen tekst is ---------------------------------------------------------------------------------

SLEUTELS = [
    pytest.param(_met("titel: Test", "titel: Test\n1: een"), [
        ("casus.yml:3: een veldnaam (vóór de ':') moet tekst zijn (gevonden: 1)", "sleutel_geen_tekst"),
    ], id="getal-bovenaan"),
    pytest.param(_met("  weken: 24", "  weken: 24\n  2011-11-08: x"), [
        ("casus.yml:6: contract: een veldnaam (vóór de ':') moet tekst zijn (gevonden: 2011-11-08)",
         "sleutel_geen_tekst"),
    ], id="datum-in-contract"),
    pytest.param(_met("    doel: 1", "    doel: 1\n    true: x"), [
        ("casus.yml:13: schema[1]: een veldnaam (vóór de ':') moet tekst zijn (gevonden: ja)", "sleutel_geen_tekst"),
    ], id="ja-in-rij"),
]


@pytest.mark.parametrize(("tekst", "verwacht"), SLEUTELS)
def test_veldnaam_die_geen_tekst_is_noemt_zijn_eigen_regel(tekst, verwacht):
    assert meldingen(tekst) == verwacht


def test_lijst_als_veldnaam_noemt_de_regel_van_die_sleutel():
    tekst = _met("titel: Test", "titel: Test\n? [a, b]\n: c")
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("casus.yml"), tekst, mens=True)
    assert str(fout.value) == "casus.yml:3: een sleutel (vóór de ':') mag geen lijst of groep zijn"


@pytest.mark.parametrize(("tekst", "verwacht"), [
    ("a: 1\nb:\n  c: 2\n  ? [x]\n  : 3\n", "casus.yml:4: een sleutel (vóór de ':') mag geen lijst of groep zijn"),
    ("- a: 1\n- b: 2\n  ? {x: 1}\n  : 3\n", "casus.yml:3: een sleutel (vóór de ':') mag geen lijst of groep zijn"),
    # de groep met de foute sleutel staat vóór andere velden of vóór een lijst: ook die wordt doorzocht
    ("a:\n  ? [x]\n  : 3\nb: 1\n", "casus.yml:2: een sleutel (vóór de ':') mag geen lijst of groep zijn"),
    ("k:\n  ? [y]\n  : 1\nl:\n  - x\n", "casus.yml:2: een sleutel (vóór de ':') mag geen lijst of groep zijn"),
    ("a: 1\n", "casus.yml: een sleutel (vóór de ':') mag geen lijst of groep zijn"),  # niets gevonden: zonder regel
])
def test_sleutel_die_geen_tekst_is_ook_als_het_opbouwen_een_typefout_geeft(monkeypatch, tekst, verwacht):
    # PyYAML meldt een lijst of groep als sleutel nu zelf ('found unhashable key'); gooit een andere versie een
    # TypeError bij het opbouwen, dan zoekt de lezer de sleutel zelf op.
    def typefout(self, knoop):
        raise TypeError("unhashable type: 'list'")

    monkeypatch.setattr(_Menslezer, "construct_document", typefout)
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("casus.yml"), tekst, mens=True)
    assert str(fout.value) == verwacht


def test_sleutel_geen_tekst_in_een_groep_binnen_een_lijst():
    knoop = yaml.compose("lijst:\n  - a: 1\n  - b: 2\n    ? [x]\n    : 3\n")
    probleem = _sleutel_geen_tekst("x.yml", knoop)
    assert (probleem.bestand, probleem.pad, probleem.regel) == ("x.yml", "", 4)


# --- een waarde van de verkeerde soort of buiten de grenzen ---------------------------------------------------------

WAARDEN = [
    pytest.param(_met("uren_per_week: 40", "uren_per_week: veertig"), [
        ("casus.yml:4: contract.uren_per_week: moet een getal zijn (gevonden: 'veertig')", "getal"),
    ], id="tekst-waar-een-getal-hoort"),
    pytest.param(_met("    uren: 1", "    uren: 0,5"), [
        ("casus.yml:10: schema[1].uren: moet een getal zijn (gevonden: '0,5'); schrijf het getal met een punt, "
         "zoals 0.5", "getal"),
    ], id="komma-in-getal"),
    pytest.param(_met("    uren: 1", '    uren: " 0,5 "'), [
        ("casus.yml:10: schema[1].uren: moet een getal zijn (gevonden: ' 0,5 '); schrijf het getal met een punt, "
         "zoals 0.5", "getal"),
    ], id="komma-in-getal-met-spaties"),
    pytest.param(_met("    uren: 1", "    uren: 1:30"), [
        ("casus.yml:10: schema[1].uren: moet een getal zijn (gevonden: '1:30'); schrijf uren als decimaal getal: 1.5 "
         "is anderhalf uur (1:30 betekent in YAML 90)", "getal"),
    ], id="uren-en-minuten"),
    pytest.param(_met("    doel: 1", "    doel: 01"), [
        ("casus.yml:12: schema[1].doel: moet een geheel getal zijn (gevonden: '01'); schrijf het getal zonder 0 "
         "vooraan", "geheel"),
    ], id="nul-vooraan-in-geheel-getal"),
    pytest.param(_met("uren_per_week: 40", "uren_per_week: 1e3"), [
        ("casus.yml:4: contract.uren_per_week: moet een getal zijn (gevonden: '1e3'); schrijf een gewoon getal, "
         "zonder e", "getal"),
    ], id="exponent"),
    pytest.param(_met("  - aard: persoonlijk", "  - aard: 0,5"), [
        # een hint over getallen hoort alleen bij een veld dat een getal vraagt
        ("casus.yml:7: schema[1].aard: onbekende waarde; kies uit 'persoonlijk', 'functioneel' (gevonden: '0,5')",
         "keuze"),
    ], id="geen-getalhint-bij-een-keuze"),
    pytest.param(_met("    intensiteit: wekelijks", "    intensiteit: dagelijks"), [
        ("casus.yml:11: schema[1].intensiteit: onbekende waarde; kies uit 'wekelijks', 'tweewekelijks', "
         "'maandelijks', 'eenmalig' (gevonden: 'dagelijks')", "keuze"),
    ], id="onbekende-intensiteit"),
    pytest.param(_met("    doel: 1", "    doel: 4"), [
        ("casus.yml:12: schema[1].doel: mag niet meer dan 3 zijn (gevonden: 4)", "le"),
    ], id="doel-boven-de-grens"),
    pytest.param(_met("    doel: 1", "    doel: 0"), [
        ("casus.yml:12: schema[1].doel: moet 1 of meer zijn (gevonden: 0)", "ge"),
    ], id="doel-onder-de-grens"),
    pytest.param(_met("uren_per_week: 40", "uren_per_week: 81"), [
        ("casus.yml:4: contract.uren_per_week: mag niet meer dan 80 zijn (gevonden: 81): meer dan 80 uur per week is "
         "geen werkweek; minder dan 1 uur per week is geen aannemelijk contract", "le"),
    ], id="werkweek-boven-de-grens-met-uitleg"),
    pytest.param(_met("  weken: 24", "  maanden: 0.2"), [
        ("casus.yml:5: contract.maanden: moet 0,25 of meer zijn (gevonden: 0.2)", "ge"),
    ], id="grens-met-komma"),
    pytest.param(_met("    uren: 1", "    uren: 40.5"), [
        ("casus.yml:10: schema[1].uren: mag niet meer dan 40 zijn (gevonden: 40.5): meer dan 40 uur begeleiding in "
         "één keer is een werkweek", "le"),
    ], id="uren-per-keer-boven-de-grens-met-uitleg"),
    pytest.param(_met("    intensiteit: wekelijks", "    fasen:\n      - weken: 4\n        intensiteit: wekelijks\n"
                                                    "        uren: 41"), [
        ("casus.yml:14: schema[1].fasen[1].uren: mag niet meer dan 40 zijn (gevonden: 41): meer dan 40 uur "
         "begeleiding in één keer is een werkweek", "le"),
    ], id="uren-in-fase-boven-de-grens-met-uitleg"),
    pytest.param(_met("    intensiteit: wekelijks", "    fasen:\n      - weken: 0\n        intensiteit: wekelijks"), [
        ("casus.yml:12: schema[1].fasen[1].weken: moet meer dan 0 zijn (gevonden: 0)", "gt"),
    ], id="fase-van-nul-weken"),
    pytest.param(_met("    intensiteit: wekelijks", "    fasen:\n      - weken: 261\n        intensiteit: wekelijks"), [
        # de uitleg van Fase.weken (een rij zelf heeft geen weken)
        ("casus.yml:12: schema[1].fasen[1].weken: mag niet meer dan 260 zijn (gevonden: 261): een fase van meer dan "
         "vijf jaar is niet aannemelijk", "le"),
    ], id="fase-van-meer-dan-vijf-jaar-met-uitleg"),
    pytest.param(_met("titel: Test", "titel: Test\nperiode: 1.5"), [
        ("casus.yml:3: periode: moet een geheel getal zijn (gevonden: 1.5)", "geheel"),
    ], id="halve-periode"),
    pytest.param(_met("  weken: 24", "  weken: 24\n  proefplaatsing: ja"), [
        ("casus.yml:6: contract.proefplaatsing: moet true (ja) of false (nee) zijn (gevonden: 'ja')", "janee"),
    ], id="ja-als-tekst"),
    pytest.param(_met("titel: Test", "titel: Test\ndatum: 8-11-2011"), [
        ("casus.yml:3: datum: moet een datum zijn zoals 2011-11-08 (gevonden: '8-11-2011')", "datum"),
    ], id="datum-in-de-verkeerde-volgorde"),
    pytest.param(_met("titel: Test", "titel: 12"), [
        ("casus.yml:2: titel: moet tekst zijn (gevonden: 12)", "tekst"),
    ], id="getal-als-titel"),
    pytest.param(_met("titel: Test", "titel: true"), [
        ("casus.yml:2: titel: moet tekst zijn (gevonden: ja)", "tekst"),
    ], id="ja-als-titel"),
    pytest.param(_met("titel: Test", "titel: false"), [
        ("casus.yml:2: titel: moet tekst zijn (gevonden: nee)", "tekst"),
    ], id="nee-als-titel"),
    pytest.param(_met("titel: Test", "titel:"), [
        ("casus.yml:2: titel: moet tekst zijn (gevonden: leeg)", "tekst"),
    ], id="titel-zonder-waarde"),
    pytest.param(_met("titel: Test", "titel: {a: b}"), [
        ("casus.yml:2: titel: moet tekst zijn (gevonden: een groep velden)", "tekst"),
    ], id="groep-als-titel"),
    pytest.param(_met("titel: Test", "titel: [a]"), [
        ("casus.yml:2: titel: moet tekst zijn (gevonden: een lijst)", "tekst"),
    ], id="lijst-als-titel"),
    pytest.param(_met("titel: Test", 'titel: ""'), [
        ("casus.yml:2: titel: mag niet leeg zijn", "leeg"),
    ], id="lege-titel"),
    pytest.param(_met("titel: Test", "titel: " + "x" * 5001), [
        ("casus.yml:2: titel: tekst is te lang: hoogstens 5000 tekens", "te_lang"),
    ], id="titel-te-lang"),
    pytest.param(BASIS.split("schema:")[0] + "schema: []\n", [
        ("casus.yml:6: schema: mag niet leeg zijn", "leeg"),
    ], id="leeg-schema"),
    pytest.param(BASIS.split("schema:")[0] + "schema:\n" + "  - aard: functioneel\n    knelpunt: x\n" * 201, [
        ("casus.yml:6: schema: heeft te veel items: hoogstens 200", "te_veel"),
    ], id="te-veel-rijen"),
    pytest.param(_met("    doel: 1", "    doel: 1\n    motivering:\n" + "      - m\n" * 51), [
        ("casus.yml:13: schema[1].motivering: heeft te veel items: hoogstens 50", "te_veel"),
    ], id="te-veel-motiveringen"),
    pytest.param(BASIS.split("schema:")[0] + "schema: rijen\n", [
        ("casus.yml:6: schema: moet een lijst zijn (gevonden: 'rijen')", "lijst"),
    ], id="tekst-als-schema"),
    pytest.param(_met("contract:\n  uren_per_week: 40\n  weken: 24", "contract: 40"), [
        ("casus.yml:3: contract: moet een groep velden zijn (sleutel: waarde) (gevonden: 40)", "groep"),
    ], id="getal-als-contract"),
]


@pytest.mark.parametrize(("tekst", "verwacht"), WAARDEN)
def test_verkeerde_waarde_noemt_regel_veld_en_wat_er_staat(tekst, verwacht):
    assert meldingen(tekst) == verwacht


# --- de gevonden waarde in een melding: kort genoeg om te lezen ------------------------------------------------------

@pytest.mark.parametrize(("invoer", "verwacht"), [
    ("x" * 58, "'" + "x" * 58 + "'"),  # met de aanhalingstekens 60 tekens: heel
    ("x" * 59, "'" + "x" * 20 + "'… (59 tekens)"),  # 61 met de aanhalingstekens: ingekort, het aantal van de tekst
    ("x" * 61, "'" + "x" * 20 + "'… (61 tekens)"),
    (10**60 - 1, "9" * 60),  # 60 cijfers: heel
    (10**60, "een getal van 61 cijfers"),
    (-(10**60), "een getal van 61 cijfers"),
    (-(10**59), "-1" + "0" * 18 + "… (61 tekens)"),  # 60 cijfers en een min: 61 tekens
    (10**4299, "een getal van 4300 cijfers"),
    (0.5, "0.5"),
    (True, "ja"),
    (False, "nee"),
    (None, "leeg"),
    ({}, "een groep velden"),
    ([], "een lijst"),
])
def test_gevonden_waarde_wordt_ingekort(invoer, verwacht):
    assert _waarde(invoer) == verwacht


def test_aantal_cijfers_op_elke_macht_van_tien():
    # 10^k - 1 heeft k cijfers (allemaal negens), 10^k heeft er k + 1; tot voorbij de grens van str() (4300)
    for k in range(1, 4402):
        assert _cijfers(10**k - 1) == k, k
        assert _cijfers(10**k) == k + 1, k
    assert (_cijfers(1), _cijfers(2), _cijfers(0)) == (1, 1, 1)


@pytest.mark.parametrize(("cijfers", "verwacht"), [
    (60, "(gevonden: " + "9" * 60 + ")"),
    (61, "(gevonden: een getal van 61 cijfers)"),
    (308, "(gevonden: een getal van 308 cijfers)"),  # nog net een kommagetal (tot ongeveer 1,8 x 10^308)
])
def test_een_lang_getal_in_de_casus(cijfers, verwacht):
    assert meldingen(_met("uren_per_week: 40", "uren_per_week: " + "9" * cijfers)) == [
        (f"casus.yml:4: contract.uren_per_week: mag niet meer dan 80 zijn {verwacht}: meer dan 80 uur per week is "
         "geen werkweek; minder dan 1 uur per week is geen aannemelijk contract", "le")]


@pytest.mark.parametrize("cijfers", [309, 4300])
def test_een_getal_te_groot_voor_een_kommagetal(cijfers):
    # niet 'moet een getal zijn (gevonden: een getal van …)': dat spreekt zichzelf tegen
    assert meldingen(_met("uren_per_week: 40", "uren_per_week: " + "9" * cijfers)) == [
        (f"casus.yml:4: contract.uren_per_week: getal met {cijfers} cijfers; dat is geen getal dat iemand bedoelt",
         "veel_cijfers")]


# --- een waarde die PyYAML niet kan omzetten -----------------------------------------------------------------------

ONMOGELIJK = [
    pytest.param(_met("titel: Test", "titel: Test\ndatum: 2011-02-30"),
                 "casus.yml:3: datum: datum bestaat niet (gevonden: '2011-02-30')", id="datum-bovenaan"),
    pytest.param(_met("    knelpunt: K", "    knelpunt: 2011-13-01"),
                 "casus.yml:8: schema[1].knelpunt: datum bestaat niet (gevonden: '2011-13-01')", id="datum-in-rij"),
    pytest.param(_met("    doel: 1", "    doel: 1\n    motivering:\n      - a\n      - 2011-02-29"),
                 "casus.yml:15: schema[1].motivering[2]: datum bestaat niet (gevonden: '2011-02-29')",
                 id="datum-in-lijst-in-rij"),
    pytest.param(_met("    uren: 1", "    uren: " + "9" * 4301),
                 "casus.yml:10: schema[1].uren: getal met 4301 cijfers; dat is geen getal dat iemand bedoelt",
                 id="getal-boven-de-grens-van-python"),
    # een getal van meer dan 100 cijfers is zelf al het probleem, ook als verderop een datum niet bestaat
    # (de lezer zoekt laag voor laag: contract.uren_per_week ligt minder diep dan schema[1].knelpunt)
    pytest.param(_met("uren_per_week: 40", "uren_per_week: " + "9" * 101).replace("knelpunt: K", "knelpunt: 2011-02-30"),
                 "casus.yml:4: contract.uren_per_week: getal met 101 cijfers; dat is geen getal dat iemand bedoelt",
                 id="getal-van-101-cijfers-eerst"),
    pytest.param(_met("uren_per_week: 40", "uren_per_week: " + "9" * 100).replace("knelpunt: K", "knelpunt: 2011-02-30"),
                 "casus.yml:8: schema[1].knelpunt: datum bestaat niet (gevonden: '2011-02-30')",
                 id="getal-van-100-cijfers-niet"),
]


@pytest.mark.parametrize(("tekst", "verwacht"), ONMOGELIJK)
def test_waarde_die_niet_bestaat_noemt_veld_en_regel(tekst, verwacht):
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("casus.yml"), tekst, mens=True)
    assert str(fout.value) == verwacht


# --- dubbele sleutels -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("tekst", "verwacht"), [
    (_met("titel: Test", "titel: Test\ntitel: Ander"),
     ["casus.yml:3: titel: sleutel staat twee keer in dezelfde groep (eerder op regel 2)"]),
    (_met("  weken: 24", "  weken: 24\n  weken: 25"),
     ["casus.yml:6: contract.weken: sleutel staat twee keer in dezelfde groep (eerder op regel 5)"]),
    (_met("    doel: 1", "    doel: 1\n    uren: 2\n    doel: 2"),
     ["casus.yml:13: schema[1].uren: sleutel staat twee keer in dezelfde groep (eerder op regel 10)",
      "casus.yml:14: schema[1].doel: sleutel staat twee keer in dezelfde groep (eerder op regel 12)"]),
])
def test_dubbele_sleutel_noemt_het_hele_veld_en_beide_regels(tekst, verwacht):
    with pytest.raises(Bestandsfout) as fout:
        valideer(lees_yaml(Path("casus.yml"), tekst, mens=True), Casus, {"regels": REGELS})
    assert [str(p) for p in fout.value.problemen] == verwacht


# --- ongeldige YAML: de regel en een Nederlandse uitleg, met en zonder libyaml -------------------------------------

ALGEMEEN = "het bestand is geen geldige YAML op deze plek; vergelijk het met het sjabloon (docs/sjablonen/casus.md)"
SLEUTEL = "verwachtte hier een nieuwe sleutel; klopt het inspringen?"
INSPRINGEN = "het inspringen klopt niet"
LIJSTITEM = "verwachtte een nieuw lijstitem ('- '); klopt het inspringen?"
TEKEN = "dit teken kan hier niet staan; zet de tekst tussen aanhalingstekens"
EINDE = "het bestand houdt midden in een tekst op; ontbreekt een aanhalingsteken?"

YAML_FOUTEN = [
    # (tekst, regel, uitleg van de lezer met libyaml, uitleg van de lezer van PyYAML zelf)
    pytest.param("titel: T\ncontract:\n  uren_per_week: 40\n weken: 24\n", 4, SLEUTEL, INSPRINGEN, id="inspringen"),
    pytest.param("titel: T\nschema:\n  - knelpunt: Let op: dit\n", 3,
                 "hier mag geen ':' staan; staat er een ':' in een tekst? Zet de tekst dan tussen aanhalingstekens",
                 "hier mag geen 'sleutel: waarde' staan; klopt het inspringen, of staat er een ':' in tekst zonder "
                 "aanhalingstekens?", id="dubbele-punt-in-tekst"),
    pytest.param("titel: T\nmotivering: [a, b\n", 3, "een lijst tussen [ en ] is niet goed afgesloten",
                 "een lijst tussen [ en ] is niet goed afgesloten", id="lijst-niet-afgesloten"),
    pytest.param("titel: T\ncontract: {weken: 24\n", 3, "een groep tussen { en } is niet goed afgesloten",
                 "een groep tussen { en } is niet goed afgesloten", id="groep-niet-afgesloten"),
    pytest.param('titel: T\nbron: "abc\n', 3, EINDE, EINDE, id="aanhalingsteken-niet-afgesloten"),
    pytest.param("schema:\n  - a: 1\n  b: 2\n", 3, LIJSTITEM, INSPRINGEN, id="lijstitem-verwacht"),
    pytest.param('titel: "a\\qb"\n', 1, "onbekend teken na een '\\' in tekst tussen dubbele aanhalingstekens",
                 "onbekend teken na een '\\' in tekst tussen dubbele aanhalingstekens", id="onbekende-escape"),
    pytest.param("titel: @x\n", 1, TEKEN, TEKEN, id="apenstaartje-vooraan"),
    pytest.param("titel: `x\n", 1, TEKEN, TEKEN, id="backtick-vooraan"),
    pytest.param("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", 2, ALGEMEEN, ALGEMEEN, id="onbekende-fout"),
]


@pytest.mark.parametrize(("tekst", "regel", "uitleg", "uitleg_zonder_libyaml"), YAML_FOUTEN)
def test_kapotte_yaml_in_gewone_taal(tekst, regel, uitleg, uitleg_zonder_libyaml):
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("casus.yml"), tekst, mens=True)
    assert str(fout.value) == f"casus.yml:{regel}: ongeldige YAML: {uitleg}"
    # Zonder libyaml (PyYAML zonder C-deel) leest de lezer van PyYAML zelf, met andere Engelse meldingen.
    with pytest.raises(yaml.MarkedYAMLError) as engels:
        yaml.load(tekst, Loader=yaml.SafeLoader)
    assert _yaml_uitleg(engels.value) == uitleg_zonder_libyaml


def test_tweede_document_zonder_libyaml():
    # met libyaml ziet de lezer het tweede document al eerder (zie test_wat_nooit_mag_noemt_de_regel)
    with pytest.raises(yaml.MarkedYAMLError) as engels:
        yaml.load("a: 1\n---\nb: 2\n", Loader=yaml.SafeLoader)
    assert _yaml_uitleg(engels.value) == "het bestand bevat meer dan één document; zet alles in één document"


@pytest.mark.parametrize(("tekst", "regel"), [
    ("titel: T\ncontract:\n\tweken: 24\n", 3),  # libyaml: 'found character that cannot start any token'
    ("titel: T\ncontract:\n  weken: 24\n\t\n  uren_per_week: x\n  :\n", 4),
])
def test_tab_om_in_te_springen(tekst, regel):
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("casus.yml"), tekst, mens=True)
    assert str(fout.value) == f"casus.yml:{regel}: ongeldige YAML: tab gevonden; spring in met spaties"


@pytest.mark.parametrize(("tekst", "regel", "teken"), [
    ("abc", 0, "a"), ("abc", 0, "c"), ("abc\nde", 1, "e"),
])
def test_teken_op_regel_en_kolom(tekst, regel, teken):
    kolom = tekst.splitlines()[regel].index(teken)
    assert _teken(tekst, regel, kolom) == teken


@pytest.mark.parametrize(("regel", "kolom"), [(-1, 0), (2, 0), (0, -1), (0, 3), (1, 2)])
def test_teken_buiten_de_tekst_is_leeg(regel, kolom):
    assert _teken("abc\nde", regel, kolom) == ""


# --- wat nooit mag: & en *, tags, twee documenten, te diep, stuurtekens, verkeerde codering ----------------------

@pytest.mark.parametrize(("tekst", "verwacht"), [
    ("a: 1\nb: &x 2\nc: *x\n", "casus.yml:2: gebruik geen & en * (ankers en verwijzingen van YAML); schrijf elke "
                               "waarde voluit"),
    ("a: 1\nb: *y\n", "casus.yml:2: gebruik geen & en * (ankers en verwijzingen van YAML); schrijf elke waarde voluit"),
    ("a: 1\nb: !x 2\n", "casus.yml:2: gebruik geen YAML-tag ('!x'); schrijf gewone tekst of getallen"),
    ("a: 1\n---\nb: 2\n", "casus.yml:2: het bestand bevat meer dan één document (een tweede '---'); zet alles in één "
                          "document"),
    ("a: 1\nb: " + "[" * 50 + "]" * 50 + "\n",  # met de groep bovenaan 51 in elkaar
     "casus.yml:2: lijsten of groepen meer dan 50 keer in elkaar; zo diep is geen gegevensbestand"),
    ("a: 1\n\nb: x\x07y\n", "casus.yml:3: onzichtbaar stuurteken U+0007 in het bestand; haal het weg"),
    # een BOM vooraan een regel, behalve één helemaal vooraan: twee bestanden aan elkaar, een BOM aan het eind
    ("a: 1\n\ufeffb: 2\n", "casus.yml:2: een bytevolgordeteken (BOM) midden in het bestand; haal het weg"),
    ("a: 1\nb: 2\n\ufeff", "casus.yml:3: een bytevolgordeteken (BOM) midden in het bestand; haal het weg"),
    ("\ufeff\ufeffa: 1\n", "casus.yml:1: een bytevolgordeteken (BOM) midden in het bestand; haal het weg"),
    ("\ufeff\na: 1\n\ufeff", "casus.yml:3: een bytevolgordeteken (BOM) midden in het bestand; haal het weg"),
    ("a: 1\n\ufeffb: 2\n\ufeffc: 3\n", "casus.yml:2: een bytevolgordeteken (BOM) midden in het bestand; haal het weg"),
    ("\n\ufeffa: 1\n", "casus.yml:2: een bytevolgordeteken (BOM) midden in het bestand; haal het weg"),
    # een BOM als tweede teken staat niet vooraan een regel: die melding geeft de controle van veldnamen
    ("a\ufeff: 1\n", "casus.yml:1: a\\ufeff: onzichtbaar stuurteken U+FEFF (\\ufeff, onzichtbare spatie (BOM)) in de "
                     "veldnaam; typ de naam opnieuw met gewone letters"),
    ("a: 1\nb: x\x7fy\n", "casus.yml:2: onzichtbaar stuurteken U+007F in het bestand; haal het weg"),
    # een lege eerste regel telt mee: het stuurteken staat op regel 2
    ("\na: x\x07y\n", "casus.yml:2: onzichtbaar stuurteken U+0007 in het bestand; haal het weg"),
    # een stuurteken dat pas na het lezen bestaat (een escape tussen dubbele aanhalingstekens), in een veldnaam: de
    # naam zelf, met het teken zichtbaar gemaakt, bovenaan en in een groep
    ('a: 1\n"b\\u202Ec": 2\n', "casus.yml:2: b\\u202ec: onzichtbaar stuurteken U+202E (\\u202e, tekstrichting omgedraaid) "
                               "in de veldnaam; typ de naam opnieuw met gewone letters"),
    ('a:\n  "b\\u200Bc": 2\n', "casus.yml:2: a.b\\u200bc: onzichtbaar stuurteken U+200B (\\u200b, onzichtbare spatie) "
                              "in de veldnaam; typ de naam opnieuw met gewone letters"),
])
def test_wat_nooit_mag_noemt_de_regel(tekst, verwacht):
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("casus.yml"), tekst, mens=True)
    assert str(fout.value) == verwacht


@pytest.mark.parametrize(("tekst", "verwijzingen", "tag"), [
    # de tag zoals u hem typte, niet zoals PyYAML hem uitschrijft (tag:yaml.org,2002:python/object/apply:os.system)
    ("a: !!python/object/apply:os.system [ls]\n", False, "!!python/object/apply:os.system"),
    ("a: [1, !!int 2]\n", False, "!!int"),
    ("a: {b: !x 2}\n", False, "!x"),
    ("a: !<tag:yaml.org,2002:str> 5\n", False, "!<tag:yaml.org,2002:str>"),
    ("a: &anker !!str 5\n", True, "!!str"),  # na een anker (alleen in de eigen gegevens van de site)
])
def test_een_tag_staat_in_de_melding_zoals_hij_in_het_bestand_staat(tekst, verwijzingen, tag):
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("x.yml"), tekst, verwijzingen=verwijzingen)
    assert str(fout.value) == f"x.yml:1: gebruik geen YAML-tag ('{tag}'); schrijf gewone tekst of getallen"


def test_vijftig_lagen_in_elkaar_mag_net():
    assert lees_yaml(Path("casus.yml"), "a: " + "[" * 49 + "]" * 49 + "\n").gegevens is not None


def test_ankers_alleen_waar_ze_mogen():
    assert lees_yaml(Path("x.yml"), "a: &x 1\nb: *x\n", verwijzingen=True).gegevens == {"a": 1, "b": 1}


def test_een_document_met_drie_streepjes_vooraan_is_een_document():
    assert lees_yaml(Path("x.yml"), "---\na: 1\n").gegevens == {"a": 1}


@pytest.mark.parametrize(("ruw", "verwacht"), [
    ("a: 1\n".encode("utf-16-le").join([b"\xff\xfe", b""]), "x.yml:1: bestand is UTF-16-tekst; bewaar het als UTF-8"),
    ("a: 1\n".encode("utf-16-be").join([b"\xfe\xff", b""]), "x.yml:1: bestand is UTF-16-tekst; bewaar het als UTF-8"),
    (b"a: 1\nb: 2\nc: caf\xe9\n", "x.yml:3: bestand is geen UTF-8-tekst (bijvoorbeeld Latin-1 of Windows-1252); "
                                  "bewaar het als UTF-8"),
    (b"\xe9: 1\n", "x.yml:1: bestand is geen UTF-8-tekst (bijvoorbeeld Latin-1 of Windows-1252); bewaar het als UTF-8"),
    (b"\nc: caf\xe9\n", "x.yml:2: bestand is geen UTF-8-tekst (bijvoorbeeld Latin-1 of Windows-1252); bewaar het als "
                       "UTF-8"),  # ook de lege eerste regel telt
])
def test_verkeerde_codering_noemt_de_regel(tmp_path, ruw, verwacht, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.yml").write_bytes(ruw)
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("x.yml"))
    assert str(fout.value) == verwacht


def test_bom_van_utf8_is_geen_inhoud(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.yml").write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert lees_yaml(Path("x.yml")).gegevens == {"a": 1}


# --- een bestand dat geen casus is -------------------------------------------------------------------------------

@pytest.mark.parametrize(("tekst", "verwacht"), [
    ("", ["casus.yml: bestand is leeg"]),
    ("# alleen commentaar\n", ["casus.yml: bestand is leeg"]),
    ("- titel: Test\n", ["casus.yml:1: het bestand moet bestaan uit velden met een naam (sleutel: waarde)"]),
    ("Test\n", ["casus.yml:1: het bestand moet bestaan uit velden met een naam (sleutel: waarde)"]),
])
def test_bestand_zonder_velden(tekst, verwacht):
    assert [m for m, _ in meldingen(tekst)] == verwacht


def test_problemen_bij_het_lezen_komen_voor_de_melding_dat_het_bestand_leeg_is():
    eerder = Probleem("casus.yml", "a", "sleutel staat twee keer in dezelfde groep (eerder op regel 1)", 2)
    with pytest.raises(Bestandsfout) as fout:
        valideer(YamlDocument("casus.yml", None, None, [eerder]), Casus, {"regels": REGELS})
    assert [str(p) for p in fout.value.problemen] == [
        "casus.yml:2: a: sleutel staat twee keer in dezelfde groep (eerder op regel 1)", "casus.yml: bestand is leeg"]


def test_meldingen_op_volgorde_van_regel_en_dan_veld():
    tekst = _met("  weken: 24", "  weken: 24\n  zz: 1\n  aa: 2").replace("titel: Test", "titel: 5")
    assert [m for m, _ in meldingen(tekst)] == [
        "casus.yml:2: titel: moet tekst zijn (gevonden: 5)",
        "casus.yml:6: contract.zz: onbekend veld; toegestaan zijn: uren_per_week, maanden, weken, proefplaatsing, "
        "loonwaarde_wml",
        "casus.yml:7: contract.aa: onbekend veld; toegestaan zijn: uren_per_week, maanden, weken, proefplaatsing, "
        "loonwaarde_wml",
    ]


@pytest.mark.parametrize(("maak", "reden"), [
    (lambda p: None, "de map bestaat niet"),
    (lambda p: p.write_text("x"), "dit is geen map"),
    (lambda p: p.symlink_to(p), "de map is een link die (via andere links) naar zichzelf wijst"),
])
def test_map_die_niet_te_lezen_is(tmp_path, monkeypatch, maak, reden):
    monkeypatch.chdir(tmp_path)
    maak(tmp_path / "casussen")
    with pytest.raises(Bestandsfout) as fout:
        bestanden_in_map(Path("casussen"))
    assert str(fout.value) == f"casussen: {reden}"


def test_bestanden_in_een_map_op_naam_met_het_achtervoegsel(tmp_path):
    for naam in ("b.yml", "a.yml", "c.yaml", "d.yml.bak"):
        (tmp_path / naam).write_text("a: 1\n")
    assert bestanden_in_map(tmp_path) == [tmp_path / "a.yml", tmp_path / "b.yml"]
    assert bestanden_in_map(tmp_path, ".yaml") == [tmp_path / "c.yaml"]


def test_map_met_een_te_lange_naam(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    naam = "c" * 300  # langer dan een bestandssysteem toestaat (255)
    with pytest.raises(Bestandsfout) as fout:
        bestanden_in_map(Path(naam))
    assert str(fout.value) == f"{naam}: de naam van de map is te lang"


# --- grenzen van het lezen en de volgorde van de meldingen -----------------------------------------------------------

def test_tot_tweehonderdduizend_yaml_gebeurtenissen():
    # Een lijst van n getallen: begin van stroom, document en lijst, n getallen, drie keer een einde = n + 6.
    # 199.995 getallen: 200.001 gebeurtenissen (0 t/m 200.000): net goed. De grens staat in _gebeurtenissen; het hele
    # bestand opbouwen (1,7 s) toetst hier niets meer.
    assert _gebeurtenissen("- 1\n" * 199_994, "x.yml", _Gegevenslezer, False) == []  # eronder
    assert _gebeurtenissen("- 1\n" * 199_995, "x.yml", _Gegevenslezer, False) == []  # erop
    # 200.000 getallen: gebeurtenis 200.001 is getal 199.999 (vanaf 1), op regel 199.999.
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("x.yml"), "- 1\n" * 200_000)
    assert str(fout.value) == ("x.yml:199999: bestand heeft meer dan 200000 waarden; dat is geen casus of "
                               "gegevensbestand meer")


def test_dubbele_sleutels_op_volgorde_van_regel():
    tekst = _met("  weken: 24", "  weken: 24\n  weken: 25").replace("    doel: 1", "    doel: 1\n    doel: 2")
    with pytest.raises(Bestandsfout) as fout:
        valideer(lees_yaml(Path("casus.yml"), tekst, mens=True), Casus, {"regels": REGELS})
    assert [str(p) for p in fout.value.problemen] == [
        "casus.yml:6: contract.weken: sleutel staat twee keer in dezelfde groep (eerder op regel 5)",
        "casus.yml:14: schema[1].doel: sleutel staat twee keer in dezelfde groep (eerder op regel 13)",
    ]


def test_dubbele_sleutel_en_een_fout_in_het_model_samen():
    tekst = _met("titel: Test", "titel: Test\ntitel: Ander").replace("    doel: 1", "    doel: 9")
    assert [m for m, _ in meldingen(tekst)] == [
        "casus.yml:3: titel: sleutel staat twee keer in dezelfde groep (eerder op regel 2)",
        "casus.yml:13: schema[1].doel: mag niet meer dan 3 zijn (gevonden: 9)",
    ]


def test_laad_yaml_model_geeft_de_opties_en_de_context_door(tmp_path):
    pad = tmp_path / "casus.yml"
    pad.write_text(_met("uren_per_week: 40", "uren_per_week: 4e1"), encoding="utf-8")
    # Als mens getypt (mens=True) is 4e1 geen getal; de context met de regels is nodig voor het model.
    with pytest.raises(Bestandsfout) as fout:
        laad_yaml_model(pad, Casus, {"regels": REGELS}, mens=True)
    assert [p.melding for p in fout.value.problemen] == [
        "moet een getal zijn (gevonden: '4e1'); schrijf een gewoon getal, zonder e"]
    pad.write_text(BASIS, encoding="utf-8")
    assert laad_yaml_model(pad, Casus, {"regels": REGELS}, mens=True).titel == "Test"


def test_datum_die_niet_bestaat_in_een_lijst_die_naar_zichzelf_verwijst():
    # alleen in de eigen gegevens van de site mogen & en *; de lezer loopt niet rond in een lus
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("x.yml"), "a: &l [*l, 2011-02-30]\n", verwijzingen=True)
    assert str(fout.value) == "x.yml:1: a[2]: datum bestaat niet (gevonden: '2011-02-30')"


# --- fouttypen die een casus niet heeft, maar een ander model van de site wel --------------------------------------


class _Lijst(Strikt):
    namen: Annotated[list[str], Field(min_length=2)]
    kans: Annotated[float, Field(strict=True, lt=1)] = Field(0, json_schema_extra={"grens": "een kans is kleiner dan 1"})
    aantal: float = 0  # niet streng: pydantic probeert tekst als getal te lezen
    keer: int = 0
    code: str = "a"

    @field_validator("namen")
    @classmethod
    def _geen_dubbele(cls, namen: list[str]) -> list[str]:
        if len(set(namen)) < len(namen):
            raise ValueError("een naam staat er twee keer in")
        if "x" in namen:
            raise PydanticCustomError("eigen_zin", "de naam 'x' is gereserveerd")
        return namen

    @field_validator("code")
    @classmethod
    def _zonder_spatie(cls, code: str) -> str:
        if " " in code:
            raise ValueError("mag geen spatie bevatten")
        return code


def _model_meldingen(tekst: str, model: type[BaseModel] = _Lijst) -> list[str]:
    with pytest.raises(Bestandsfout) as fout:
        valideer(lees_yaml(Path("lijst.yml"), tekst), model)
    return [str(p) for p in fout.value.problemen]


@pytest.mark.parametrize(("tekst", "verwacht"), [
    ("namen: [a]\n", "lijst.yml:1: namen: moet minstens 2 items hebben"),
    # een eigen zin over de hele lijst: geen '(gevonden: een lijst)' erachter
    ("namen: [a, a]\n", "lijst.yml:1: namen: een naam staat er twee keer in"),
    ("namen: [a, x]\n", "lijst.yml:1: namen: de naam 'x' is gereserveerd"),
    # een eigen zin over één waarde: wel wat er staat
    ("namen: [a, b]\ncode: a b\n", "lijst.yml:2: code: mag geen spatie bevatten (gevonden: 'a b')"),
    ("namen: [a, b]\nkans: 1\n", "lijst.yml:2: kans: moet minder dan 1 zijn (gevonden: 1): een kans is kleiner dan 1"),
    ("namen: [a, b]\naantal: '0,5'\n", "lijst.yml:2: aantal: moet een getal zijn (gevonden: '0,5'); schrijf het getal "
                                       "met een punt, zoals 0.5"),
    ("namen: [a, b]\nkeer: '1:30'\n", "lijst.yml:2: keer: moet een geheel getal zijn (gevonden: '1:30'); schrijf uren "
                                      "als decimaal getal: 1.5 is anderhalf uur (1:30 betekent in YAML 90)"),
])
def test_fouttypen_van_andere_modellen(tekst, verwacht):
    assert _model_meldingen(tekst) == [verwacht]


def test_stuurteken_in_gegevens_die_niet_uit_yaml_komen():
    document = YamlDocument("x.json", {"titel": "a\x07b", "contract": {"uren_per_week": 40, "weken": 24},
                                       "schema": [{"aard": "functioneel", "knelpunt": "K"}]}, None)
    with pytest.raises(Bestandsfout) as fout:
        valideer(document, Casus, {"regels": REGELS})
    assert [(str(p), p.code) for p in fout.value.problemen] == [
        ("x.json: titel: onzichtbaar stuurteken U+0007 (\\x07, bel) in de tekst; haal het weg (of de escape tussen de "
         "aanhalingstekens)", "stuurteken")]


class _Kind(Strikt):
    naam: str
    namen: list[str] = []


class _Ouder(Strikt):
    kind: _Kind


@pytest.mark.parametrize(("tekst", "verwacht"), [
    # 'namen' is zelf een goed veld: geen 'staat er een tikfout in namen?' bij het ontbrekende 'naam'
    # (een ontbrekend veld staat op de regel van zijn groep, zoals bij contract en schema hierboven)
    ("kind:\n  namen: [a]\n", ["ouder.yml:1: kind.naam: verplicht veld ontbreekt"]),
    ("kind:\n  nam: x\n", ["ouder.yml:1: kind.naam: verplicht veld ontbreekt; staat er een tikfout in 'nam'?",
                            "ouder.yml:2: kind.nam: onbekend veld; bedoelt u 'naam'?"]),
])
def test_tikfout_alleen_bij_een_veld_dat_het_model_niet_kent(tekst, verwacht):
    with pytest.raises(Bestandsfout) as fout:
        valideer(lees_yaml(Path("ouder.yml"), tekst), _Ouder)
    assert [str(p) for p in fout.value.problemen] == verwacht


def test_bestand_dat_niet_te_lezen_is(tmp_path, monkeypatch):
    import jobcoach.lezer as lezer

    def geen_toegang(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.yml").write_text("a: 1\n")
    monkeypatch.setattr(lezer, "open", geen_toegang, raising=False)  # als root geldt chmod 000 niet
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("x.yml"))
    assert str(fout.value) == "x.yml: bestand kan niet worden gelezen (Permission denied)"


def test_bestand_groter_dan_een_megabyte(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.yml").write_bytes(b"a: 1\n" + b"#" * 1_000_000)
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("x.yml"))
    assert str(fout.value) == ("x.yml: bestand is te groot: meer dan 1 MB. Een gegevensbestand is veel kleiner; staat "
                               "er iets anders in?")


def test_diepte_telt_terug_na_een_gesloten_lijst():
    # na 'a: []' is de diepte weer 1 (de groep bovenaan); b met 50 lijsten in elkaar is dan 51 diep
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("x.yml"), "a: []\nb: " + "[" * 50 + "]" * 50 + "\n")
    assert str(fout.value) == "x.yml:2: lijsten of groepen meer dan 50 keer in elkaar; zo diep is geen gegevensbestand"


def test_tekst_tot_en_met_een_megabyte():
    precies = "a: " + "x" * (MAX_BYTES - 4) + "\n"  # precies 1.000.000 bytes: mag
    assert len(precies.encode("utf-8")) == MAX_BYTES
    assert lees_yaml(Path("x.yml"), precies).gegevens == {"a": "x" * (MAX_BYTES - 4)}
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("x.yml"), precies + " ")
    assert str(fout.value) == "x.yml: tekst is te groot: meer dan 1 MB"


def test_zonder_mens_leest_lees_yaml_een_gegevensbestand_van_de_site(tmp_path: Path):
    """Zonder ``mens=True`` is het een gegevensbestand van de site (regels.yml, begrippen.yml): 1e3 is daar een getal.
    Een casus (``mens=True``) kent alleen gewone decimale getallen: daar blijft 1e3 tekst (en de casus meldt dat)."""
    from jobcoach.lezer import lees_yaml

    pad = tmp_path / "gegevens.yml"
    pad.write_text("a: 1e3\nb: 0.5\n", encoding="utf-8")
    assert lees_yaml(pad).gegevens == {"a": 1000.0, "b": 0.5}
    assert lees_yaml(pad, mens=True).gegevens == {"a": "1e3", "b": 0.5}


@pytest.mark.parametrize("tekst", ['a: "x\\u202Ey"\n', '"b\\u202Ec": 2\n'], ids=["in een waarde", "in een veldnaam"])
def test_een_stuurteken_uit_een_escape_heeft_de_code_stuurteken(tekst):
    """De code van het probleem is 'stuurteken': daaraan herkent de rekenhulp (rekenhulp.js) een eigen, volledige zin
    die ze zo toont, in een waarde en in een veldnaam."""
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("casus.yml"), tekst, mens=True)
    assert [p.code for p in fout.value.problemen] == ["stuurteken"]


# --- verborgen tekens en dubbele sleutels: grens, volgorde, ankers, sleutels die geen tekst zijn ------------------

def _escapes(aantal: int) -> str:
    """Een bestand met op elke regel een veld met een stuurteken uit een escape (regel 1 t/m aantal)."""
    return "".join(f'v{i}: "x\\u202Ey"\n' for i in range(1, aantal + 1))


@pytest.mark.parametrize(("aantal", "gemeld"), [(19, 19), (20, 20), (21, 20), (25, 20)])
def test_hoogstens_twintig_verborgen_tekens_gemeld(aantal, gemeld):
    """Na 20 meldingen stopt de lezer: wie er 20 ziet, heeft genoeg te doen. Onder, op en boven de grens."""
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("casus.yml"), _escapes(aantal), mens=True)
    assert [(p.regel, p.pad) for p in fout.value.problemen] == [(i, f"v{i}") for i in range(1, gemeld + 1)]


def test_verborgen_tekens_op_volgorde_van_regel():
    # de veldnaam bovenaan (regel 3) ziet de lezer eerder dan die in de groep a (regel 2); de melding volgt de regels
    tekst = 'a:\n  "b\\u202Ec": 1\n"d\\u202Ee": 2\n'
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("casus.yml"), tekst, mens=True)
    assert [(p.regel, p.pad) for p in fout.value.problemen] == [(2, "a.b\u202ec"), (3, "d\u202ee")]


def test_verborgen_teken_na_een_lijst_wordt_gevonden():
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("casus.yml"), 'a: [1, 2]\nb: "x\\u202Ey"\n', mens=True)
    assert [(p.regel, p.pad) for p in fout.value.problemen] == [(2, "b")]


def test_verborgen_teken_na_een_waarde_die_twee_keer_gebruikt_wordt():
    # met verwijzingen (alleen de eigen gegevens van de site) komt de lezer dezelfde waarde twee keer tegen; hij slaat
    # haar de tweede keer over en zoekt verder
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("x.yml"), 'a: &x "ok"\nb: *x\nc: "x\\u202Ey"\n', verwijzingen=True)
    assert [(p.regel, p.pad) for p in fout.value.problemen] == [(3, "c")]


@pytest.mark.parametrize(("tekst", "verwacht"), [
    # een stuurteken onder een sleutel die een lijst is: het veld heet dan '?'
    ('? [a]\n: "x\\u202Ey"\n', "casus.yml:2: ?: onzichtbaar stuurteken U+202E (\\u202e, tekstrichting omgedraaid) in de "
                               "tekst; haal het weg (of de escape tussen de aanhalingstekens)"),
    # een dubbele sleutel onder zo'n sleutel: de melding over de sleutel, zonder vast te lopen op de naam
    ("? [a]\n: {b: 1, b: 2}\n", "casus.yml:1: een sleutel (vóór de ':') mag geen lijst of groep zijn"),
])
def test_waarde_onder_een_sleutel_die_een_lijst_is(tekst, verwacht):
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("casus.yml"), tekst, mens=True)
    assert str(fout.value) == verwacht


@pytest.mark.parametrize(("fout", "verwacht"), [
    # een fout van PyYAML zonder plaats: geen regelnummer, wel de Nederlandse algemene zin (nooit de Engelse)
    (yaml.YAMLError("something unexpected"), "x.yml: ongeldige YAML: het bestand is geen geldige YAML op deze plek; "
                                             "vergelijk het met het sjabloon (docs/sjablonen/casus.md)"),
    (yaml.MarkedYAMLError(problem="something unexpected"), "x.yml: ongeldige YAML: het bestand is geen geldige YAML op "
                                                           "deze plek; vergelijk het met het sjabloon "
                                                           "(docs/sjablonen/casus.md)"),
    # een bekende fout zonder plaats krijgt haar eigen Nederlandse zin
    (yaml.YAMLError("found undefined alias 'x'"), "x.yml: ongeldige YAML: verwijzing (*naam) naar iets dat niet "
                                                  "bestaat"),
])
def test_fout_van_yaml_zonder_plaats(monkeypatch, fout, verwacht):
    import jobcoach.lezer as lezer

    def gooi(*args, **kwargs):
        raise fout

    monkeypatch.setattr(lezer, "_gebeurtenissen", gooi)
    with pytest.raises(Bestandsfout) as gevangen:
        lees_yaml(Path("x.yml"), "a: 1\n")
    assert str(gevangen.value) == verwacht


def test_bestandsnaam_binnen_en_buiten_de_werkmap(tmp_path, monkeypatch):
    """Binnen de werkmap de naam relatief (zoals de gebruiker hem typt), daarbuiten het volledige pad (geen '../..')."""
    from jobcoach.lezer import toon_pad

    (tmp_path / "werk").mkdir()
    monkeypatch.chdir(tmp_path / "werk")
    assert toon_pad(tmp_path / "werk" / "casussen" / "a.yml") == os.path.join("casussen", "a.yml")
    assert toon_pad(Path("a.yml")) == "a.yml"
    assert toon_pad(tmp_path / "elders" / "a.yml") == str(tmp_path / "elders" / "a.yml")
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(tmp_path / "elders" / "a.yml")
    assert [p.bestand for p in fout.value.problemen] == [str(tmp_path / "elders" / "a.yml")]


def test_dubbele_sleutel_na_een_waarde_die_twee_keer_gebruikt_wordt():
    # de lezer komt de groep &x twee keer tegen (bij c en bij a); hij slaat haar de tweede keer over en zoekt verder
    tekst = "d: {e: 1, e: 2}\na: &x {b: 1}\nc: *x\n"
    assert [str(p) for p in lees_yaml(Path("x.yml"), tekst, verwijzingen=True).problemen] == [
        "x.yml:1: d.e: sleutel staat twee keer in dezelfde groep (eerder op regel 1)"]


def test_dubbele_sleutels_in_het_document_op_volgorde_van_regel():
    # het document zelf (YamlDocument.problemen, vóór het model) houdt de volgorde van de regels aan, ook als de
    # lezer de dubbele sleutel bovenaan (c, regel 8) eerder ziet dan die in de groepen a en b
    tekst = "a:\n  x: 1\n  x: 2\nb:\n  y: 1\n  y: 2\nc: 1\nc: 2\n"
    assert [(p.regel, p.pad) for p in lees_yaml(Path("x.yml"), tekst).problemen] == [(3, "a.x"), (6, "b.y"),
                                                                                       (8, "c")]


def test_diepte_telt_een_stap_terug_na_een_lijst_in_een_lijst():
    # a is een lijst (2 diep met de groep bovenaan); daarin eerst een lege lijst (3, en weer terug naar 2), dan 49
    # lijsten in elkaar: 51 diep
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(Path("x.yml"), "a: [[], " + "[" * 49 + "]" * 49 + "]\n")
    assert str(fout.value) == "x.yml:1: lijsten of groepen meer dan 50 keer in elkaar; zo diep is geen gegevensbestand"
    assert lees_yaml(Path("x.yml"), "a: [[], " + "[" * 48 + "]" * 48 + "]\n").gegevens is not None


def test_bestandsnaam_op_een_ander_station(monkeypatch):
    """Op Windows kan een bestand op een ander station staan dan de werkmap (D: en C:): dan is er geen relatief pad
    (``os.path.relpath`` geeft ValueError) en toont de lezer het pad zoals het gegeven is."""
    import jobcoach.lezer as lezer

    def ander_station(pad, start=None):
        raise ValueError("path is on mount 'D:', start on mount 'C:'")

    monkeypatch.setattr(lezer.os.path, "relpath", ander_station)
    assert lezer.toon_pad(Path("/d/casussen/a.yml")) == str(Path("/d/casussen/a.yml"))


# --- het bestand zelf: een lus van links zoals Python 3.13 hem meldt, een bestand dat intussen verandert, begrensd
# lezen (tests/MUTATIES.md: deze drie takken overleefden mutmut) ----------------------------------------------------

def test_een_lus_van_links_als_oserror_zoals_python_3_13_hem_geeft(tmp_path, monkeypatch):
    """Python 3.11 en 3.12 geven bij een lus van links een RuntimeError; 3.13 en nieuwer een OSError met ELOOP
    (dit project ondersteunt 3.11 tot en met 3.15). Beide geven dezelfde melding; een andere OSError niet."""
    import errno

    pad = tmp_path / "lus.yml"
    pad.write_text("a: 1\n", encoding="utf-8")

    def resolve_met(fout):
        def resolve(self, strict=False):
            raise fout
        return resolve

    monkeypatch.setattr(Path, "resolve", resolve_met(OSError(errno.ELOOP, "Too many levels of symbolic links")))
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(pad)
    assert fout.value.problemen[0].melding == ("dit is een link die (via andere links) naar zichzelf wijst; vervang hem "
                                               "door het bestand zelf")
    monkeypatch.setattr(Path, "resolve", resolve_met(OSError(errno.ENOENT, "No such file or directory")))
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(pad)
    assert fout.value.problemen[0].melding == "bestand bestaat niet"


def test_een_bestand_dat_tussen_controle_en_openen_een_apparaat_wordt(tmp_path, monkeypatch):
    """Het pad is eerst een gewoon bestand; wat er geopend wordt niet meer (intussen vervangen): niet lezen."""
    import stat

    pad = tmp_path / "x.yml"
    pad.write_text("a: 1\n", encoding="utf-8")
    echt = os.fstat

    def fstat(fd):
        uit = echt(fd)
        return os.stat_result((stat.S_IFCHR | 0o644, *tuple(uit)[1:]))

    monkeypatch.setattr("jobcoach.lezer.os.fstat", fstat)
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(pad)
    (probleem,) = fout.value.problemen
    assert (probleem.pad, probleem.melding) == ("", "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat)")
    assert probleem.bestand.endswith("x.yml"), probleem.bestand


def test_van_een_groot_bestand_wordt_niet_meer_dan_een_megabyte_gelezen(tmp_path, monkeypatch):
    """Een bestand van 50 MB (of een schijfkopie van gigabytes) kost geen geheugen: er wordt hoogstens 1 MB en één
    byte gelezen, genoeg om te zien dat het te groot is."""
    import builtins

    pad = tmp_path / "groot.yml"
    with open(pad, "wb") as f:
        f.truncate(50_000_000)  # een leeg (ijl) bestand van 50 MB
    gelezen: list[int | None] = []
    echt_open = builtins.open

    class Teller:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *a):
            self.f.close()

        def fileno(self):
            return self.f.fileno()

        def read(self, n=-1):
            gelezen.append(n)
            return self.f.read(n)

    monkeypatch.setattr("jobcoach.lezer.open", lambda *a, **k: Teller(echt_open(*a, **k)), raising=False)
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(pad)
    assert fout.value.problemen[0].melding.startswith("bestand is te groot: meer dan 1 MB.")
    assert gelezen == [MAX_BYTES + 1]



def test_een_bestand_dat_met_een_bom_eindigt(tmp_path):
    """Van een bestand valt alleen een BOM vooraan weg (zoals Kladblok hem schrijft); een BOM aan het eind blijft staan
    en krijgt de melding, met zijn regel."""
    pad = tmp_path / "x.yml"
    pad.write_bytes("\ufeffa: 1\nb: 2\n".encode("utf-8"))
    assert lees_yaml(pad).gegevens == {"a": 1, "b": 2}
    pad.write_bytes("a: 1\nb: 2\n\ufeff".encode("utf-8"))
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(pad)
    assert [(p.regel, p.melding) for p in fout.value.problemen] == [
        (3, "een bytevolgordeteken (BOM) midden in het bestand; haal het weg")]
