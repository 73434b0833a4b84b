"""Grenzen van het domein (src/jobcoach) die make mutatie (mutmut) vond: elke test hier doodt een mutatie die geen
andere test merkte. Elke grens en datum net eronder, precies erop en net erboven; de verwachte waarden zijn met de
hand uitgerekend in de test. Het overzicht per module staat in tests/MUTATIES.md.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from casushulp import REGELS, casus, rij

from jobcoach import Casus, bereken, laad_regels




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


# --- tabeldata: de tabellen van een casus, cel voor cel met de hand uitgerekend ------------------------------------

from jobcoach import tabeldata  # noqa: E402
from jobcoach.tabeldata import MetCode  # noqa: E402

DOELEN = REGELS.coachingsdoelen


def verlenging() -> Casus:
    """Een verzonnen verlenging van nu: 32 uur per week, 12 maanden (48 weken), periode 2."""
    return casus(
        contract={"uren_per_week": 32, "maanden": 12}, periode=2, vorige_uren=60, aanvraag={"uren": 80},
        schema=[
            {**rij(1), "aan": "werknemer", "knelpunt": "Plannen", "motivering": "Eén reden"},
            {"aard": "persoonlijk", "knelpunt": "Inwerken", "door": "werkgever", "motivering": ["a", "b"]},
            {**rij(2, doel=2, fasen=[{"weken": 8, "intensiteit": "wekelijks"},
                                     {"weken": 16, "intensiteit": "tweewekelijks", "uren": 1}]),
             "aard": "functioneel", "knelpunt": "Taken"},
            {"aard": "functioneel", "knelpunt": "Overleg"},
        ],
        extra=[{"omschrijving": "Calamiteiten", "herkomst": "uit de conclusie van de AD", "uren": 5, "doel": 3},
               {"omschrijving": "Overleg werkgever", "uren": 2, "doel": 1}])


def test_tabel_schema_cel_voor_cel():
    t = tabeldata.schema(bereken(verlenging(), REGELS))
    assert t.bijschrift == "Schema begeleidingsbehoefte: Test"
    assert t.rijen == [
        ["Persoonlijk", "Plannen", "Jobcoach", "werknemer", "1 uur per week", "Wekelijks", "Eén reden"],
        ["", "Inwerken", "Werkgever", "", "", "", ("a", "b")],  # de aard alleen bij de eerste rij van een groep
        ["Functioneel", "Taken", "Jobcoach", "", "2 uur per week (8 weken), dan 1 uur per 2 weken (16 weken)",
         "Wekelijks, dan tweewekelijks", ""],
        ["", "Overleg", "", "", "", "", ""],
    ]


def test_tabel_per_rij_cel_voor_cel():
    # Rij 1: 48 weken x 1 uur = 48. Rij 3: 8 x 2 uur = 16 plus 16 weken om de week 1 uur = 8 keer, samen 24.
    # Vast: 5 + 2. Totaal 48 + 24 + 5 + 2 = 79.
    t = tabeldata.per_rij(bereken(verlenging(), REGELS))
    assert t.bijschrift == "Urenberekening per rij, contract van 48 weken (12 maanden × 4 weken per maand)"
    assert t.koppen == ["Rij", "Knelpunt", "Door", "Doel", "Berekening", "Totaal uren"]
    assert t.rijen == [
        ["1", "Plannen", "Jobcoach", "1", "1 uur × 48 keer (wekelijks)", "48"],
        ["2", "Inwerken", "Werkgever", "", "telt niet mee (niet door de jobcoach)", ""],
        ["3", "Taken", "Jobcoach", "2", "2 uur × 8 keer (wekelijks) + 1 uur × 8 keer (tweewekelijks)", "24"],
        ["4", "Overleg", "", "", "telt niet mee (geen uren in het schema)", ""],
        ["vast", "Calamiteiten (uit de conclusie van de AD)", "Jobcoach", "3", "Vast aantal uren", "5"],
        ["vast", "Overleg werkgever", "Jobcoach", "1", "Vast aantal uren", "2"],
    ]
    assert t.voet == [["Totaal begeleidingsuren", "", "", "", "", "79"]]
    assert t.rechts == frozenset({0, 5})


def test_tabel_per_doel_en_per_periode_cel_voor_cel():
    uitkomst = bereken(verlenging(), REGELS)
    t = tabeldata.per_doel(uitkomst)
    assert (t.bijschrift, t.koppen) == ("Begeleidingsuren per urengroep", ["Doel", "Omschrijving", "Uren"])
    assert t.rijen == [["1", DOELEN[1], "50"], ["2", DOELEN[2], "24"], ["3", DOELEN[3], "5"]]
    assert (t.voet, t.rechts) == ([["Totaal", "", "79"]], frozenset({0, 2}))
    # Periode 2 (de eerste van deze aanvraag, jaar 1): week 1-24 rij 1 24 uur, rij 3 16 + 8, vast 2 en 5.
    # Periode 3 (jaar 2): week 25-48 alleen rij 1, 24 uur.
    p = tabeldata.per_periode(uitkomst)
    assert p.bijschrift == ("Begeleidingsuren per periode van zes maanden (een maand telt als 4 weken; vaste uren "
                            "tellen in de eerste periode)")
    assert p.koppen == ["Periode", "Weken", "Doel 1", "Doel 2", "Doel 3", "Totaal uren"]
    assert p.rijen == [["Periode 2 (jaar 1)", "week 1 t/m 24", "26", "24", "5", "55"],
                       ["Periode 3 (jaar 2)", "week 25 t/m 48", "24", "0", "0", "24"]]
    assert p.voet == [["Totaal", "", "50", "24", "5", "79"]]
    assert p.rechts == frozenset({2, 3, 4, 5})


def test_tabel_samenvatting_van_een_verlenging_van_nu():
    t = tabeldata.samenvatting(bereken(verlenging(), REGELS))
    assert (t.bijschrift, t.koppen, t.rijkoppen) == ("Samenvatting van de urenberekening", ["Onderdeel", "Uitkomst"],
                                                     True)
    assert t.rijen == [
        ["Kader", "Jobcoach van een jobcoachorganisatie, via UWV"],
        ["Periode", "2 (verlenging)"],
        ["Contract", "32 uur per week × 48 weken (12 maanden × 4 weken per maand)"],
        ["Contracturen", "1.536"],  # 32 x 48
        ["Begeleidingsuren", "79"],
        ["Gemiddeld per week", "1,65 uur"],  # 79 / 48 = 1,6458…
        ["Begeleidingsuren vorige periode", "60"],
        ["Aangevraagd", "80 uur"],
        ["Advies", "nog geen advies"],
    ]


@pytest.mark.parametrize(("gegevens", "eerste_rijen", "percentage"), [
    ({}, [["Kader", "Jobcoach van een jobcoachorganisatie, via UWV"], ["Periode", "1 (eerste aanvraag)"]], False),
    ({"kader": "gemeente", "verordening": "Verordening (verzonnen) 2024"},
     [["Kader", "Jobcoach via de gemeente (Verordening (verzonnen) 2024)"], ["Periode", "1 (eerste aanvraag)"]], False),
    ({"kader": "uwv-intern"}, [["Kader", "Interne jobcoach van de werkgever, met subsidie van UWV"],
                               ["Protocol", "Protocol Interne Jobcoach UWV 2015"], ["Periode", "1 (eerste aanvraag)"]],
     True),
])
def test_tabel_samenvatting_per_kader(gegevens, eerste_rijen, percentage):
    # 40 uur per week, 24 weken: 960 contracturen, 24 begeleidingsuren, 2,5%.
    uitkomst = bereken(casus(advies={"uren": 20}, **gegevens), REGELS)
    rijen = tabeldata.samenvatting(uitkomst).rijen
    assert rijen[:len(eerste_rijen)] == eerste_rijen
    assert (["Percentage van de contracturen", "(24/960) × 100% = 2,50%"] in rijen) == percentage
    assert tabeldata.toont_percentage(uitkomst) == percentage
    assert rijen[-1] == ["Advies", "20 uur"]
    assert tabeldata.toont_perioden(uitkomst)  # een aanvraag van nu toont altijd de perioden
    assert len(tabeldata.berekening(uitkomst)) == 4


@pytest.mark.parametrize(("gegevens", "aangevraagd", "geadviseerd"), [
    ({"aanvraag": {"regime": 12}, "advies": {"regime": 10, "uren": 50}}, "12%", "10%, 50 uur"),
    ({"advies": {"regime": 7.5}}, "niet ingevuld", "7,5%"),
    ({}, "niet ingevuld", "nog geen advies"),
])
def test_tabel_samenvatting_van_een_historische_casus(gegevens, aangevraagd, geadviseerd):
    uitkomst = bereken(casus(protocol="protocol-2011", datum="2012-01-01", **gegevens), REGELS)
    assert tabeldata.samenvatting(uitkomst).rijen == [
        ["Protocol", "Beleidsregels Protocol Jobcoach (wijziging 1 juli 2011)"],
        ["Contract", "40 uur per week × 24 weken"],
        ["Contracturen", "960"],
        ["Begeleidingsuren", "24"],
        ["Gemiddeld per week", "1 uur"],
        ["Percentage van de contracturen", "(24/960) × 100% = 2,50%"],
        ["Aangevraagd regime", aangevraagd],
        ["Geadviseerd regime", geadviseerd],
    ]
    assert tabeldata.toont_percentage(uitkomst)


@pytest.mark.parametrize(("weken", "perioden", "tabellen"), [(24, False, 3), (24.5, True, 4)])
def test_historische_casus_toont_de_perioden_alleen_bij_meer_dan_een_periode(weken, perioden, tabellen):
    uitkomst = bereken(casus(protocol="protocol-2011", datum="2012-01-01",
                             contract={"uren_per_week": 40, "weken": weken}), REGELS)
    assert tabeldata.toont_perioden(uitkomst) == perioden
    assert [t.bijschrift.split(" ")[0] for t in tabeldata.berekening(uitkomst)] == \
        ["Urenberekening", *(["Begeleidingsuren"] if perioden else []), "Begeleidingsuren", "Samenvatting"]
    assert len(tabeldata.berekening(uitkomst)) == tabellen


def test_tabel_protocollen_noemt_geldigheid_en_bekende_regels():
    t = tabeldata.protocollen(REGELS)
    assert (t.bijschrift, t.koppen) == ("Protocolversies in de regels van de site",
                                        ["Versie", "Geldig", "Bekende regels", "Bron"])
    rijen = {r[0].code: r for r in t.rijen if isinstance(r[0], MetCode)}
    assert len(rijen) == len(REGELS.protocollen) == len(t.rijen)
    p2011 = REGELS.protocol("protocol-2011")
    assert rijen["protocol-2011"] == [
        MetCode("Beleidsregels Protocol Jobcoach (wijziging 1 juli 2011)", "protocol-2011"),
        "01-07-2011 tot en met 14-12-2012",
        "voor de meeste Wajongers volstaat 10%; met uitdrukkelijke onderbouwing hoogstens 15%; perioden van 6 maanden; "
        "hoogstens 3 jaar; regimes: licht (percentage onbekend), midden (percentage onbekend), intensief (15%)",
        p2011.bron]
    assert rijen["protocol-2012"][1] == "15-12-2012 tot en met 09-06-2014 (tot de volgende versie)"
    assert rijen["interne-jobcoach-2015"][1] == "01-01-2015 tot en met nu (geldt nog)"
    assert "per jaar hoogstens 15%, 7,5%, 6%; " in rijen["interne-jobcoach-2015"][2]
    assert rijen["interne-jobcoach-2015"][2].endswith("; onzeker: bij welk regime deze maxima horen.")
    assert rijen["protocol-2016"][1:3] == ["01-01-2016 tot en met 30-09-2019", "geen waarden bekend"]


def test_tabel_protocollen_met_een_onbekend_einde(tmp_path):
    regels = regels_met(tmp_path, "geldig_tot: 2019-09-30", "geldig_tot: onbekend")
    rijen = {r[0].code: r for r in tabeldata.protocollen(regels).rijen}
    assert rijen["protocol-2016"][1] == "01-01-2016 tot en met onbekend"


# --- html en terminal: een tabel die met de hand is gemaakt, uitvoer met de hand geschreven -------------------------

from jobcoach import html as jhtml  # noqa: E402
from jobcoach import terminal  # noqa: E402
from jobcoach.tabeldata import Code, Html, Tabel  # noqa: E402

HANDTABEL = Tabel("Uren <b>", ["Rij", "Wat", "Uren"],
                  [["1", MetCode("Naam & co", "id-1"), "10"], ["2", ("a<", "b"), "2,5"]],
                  voet=[["Totaal", "", "12,5"]], rechts=frozenset({0, 2}))


def _zonder_tabelregel(html: str) -> list[str]:
    regels = html.splitlines()
    assert regels[0].startswith("<table") and 'role="table"' in regels[0] and regels[-1] == "</table>"
    return regels[1:-1]


def test_tabel_html_met_kolomkoppen_getallen_rechts_en_totaal_over_lege_cellen():
    # Elke datacel draagt de naam van haar kolom (data-label) en een rol, zodat de tabel op een telefoon als blokken
    # leesbaar blijft; getallen rechts (class getal); de totaalrij heeft een kop over de lege cellen.
    assert _zonder_tabelregel(jhtml.tabel_html(HANDTABEL)) == [
        "<caption>Uren &lt;b&gt;</caption>", '<thead role="rowgroup"><tr role="row">',
        '<th scope="col" class="getal" role="columnheader">Rij</th>', '<th scope="col" role="columnheader">Wat</th>',
        '<th scope="col" class="getal" role="columnheader">Uren</th>',
        '</tr></thead><tbody role="rowgroup">',
        '<tr role="row"><td class="getal" role="cell" data-label="Rij">1</td>'
        '<td role="cell" data-label="Wat">Naam &amp; co<br><code>id-1</code></td>'
        '<td class="getal" role="cell" data-label="Uren">10</td></tr>',
        '<tr role="row"><td class="getal" role="cell" data-label="Rij">2</td>'
        '<td role="cell" data-label="Wat"><ul><li>a&lt;</li><li>b</li></ul></td>'
        '<td class="getal" role="cell" data-label="Uren">2,5</td></tr>',
        "</tbody>", '<tfoot role="rowgroup">',
        '<tr role="row"><th scope="row" colspan="2" role="rowheader">Totaal</th>'
        '<td class="getal" role="cell" data-label="Uren">12,5</td></tr>',
        "</tfoot>"]


@pytest.mark.parametrize(("voet", "html"), [
    # Lege cellen na de kop: de kop beslaat ze; de laatste cel (het getal) nooit.
    ([["Totaal", "", "", "7"]], '<tr role="row"><th scope="row" colspan="3" role="rowheader">Totaal</th>'
                                '<td class="getal" role="cell" data-label="D">7</td></tr>'),
    ([["Totaal", "1", "", "7"]], '<tr role="row"><th scope="row" role="rowheader">Totaal</th>'
                                 '<td role="cell" data-label="B">1</td><td role="cell" data-label="C"></td>'
                                 '<td class="getal" role="cell" data-label="D">7</td></tr>'),
    ([["Totaal", "", "", ""]], '<tr role="row"><th scope="row" colspan="3" role="rowheader">Totaal</th>'
                               '<td class="getal" role="cell" data-label="D"></td></tr>'),
])
def test_totaalrij_beslaat_de_lege_cellen_tot_voor_het_getal(voet, html):
    t = Tabel("B", ["A", "B", "C", "D"], [], voet=voet, rechts=frozenset({3}))
    assert html in jhtml.tabel_html(t).splitlines()


def test_tabel_html_met_rijkoppen_en_cellen_die_al_html_of_code_zijn():
    t = Tabel(Html("Kop <i>x</i>"), [Html("<abbr>A</abbr>"), "B & C"],
              [["Onderdeel", Code("a<b")], ["Twee", Html("<em>al veilig</em>")]], rijkoppen=True)
    html = jhtml.tabel_html(t)
    assert "<caption>Kop <i>x</i></caption>" in html and ">B &amp; C</th>" in html and "<abbr>A</abbr></th>" in html
    assert '<th scope="row"' in html and ">Onderdeel</th>" in html and ">Twee</th>" in html
    assert "><code>a&lt;b</code></td>" in html and "><em>al veilig</em></td>" in html
    assert '<th scope="col"' in html and "<tfoot" not in html


def test_tabel_als_tekst_voor_de_opdrachtregel():
    assert terminal.tabel_tekst(HANDTABEL) == "\n".join([
        "Uren <b>", "",
        "   Rij  Wat" + " " * 15 + "Uren",  # kolombreedtes 6, 16 ('Naam & co (id-1)') en 4, twee spaties ertussen
        "------  " + "-" * 16 + "  ----",
        "     1  Naam & co (id-1)    10",
        "     2  a<; b" + " " * 14 + "2,5",
        "------  " + "-" * 16 + "  ----",
        "Totaal" + " " * 20 + "12,5"])


def test_bevindingen_en_samenvatting_als_html_en_tekst():
    zonder = bereken(casus(), REGELS)  # een casus van nu zonder datum en advies: geen bevindingen
    assert zonder.bevindingen == []
    assert jhtml.bevindingen_html(zonder) == (
        '<div class="admonition success"><p class="admonition-title">Geen bevindingen</p>'
        "<p>De controles vonden niets om op te letten.</p></div>")
    met = bereken(casus(titel="T <1>", advies={"uren": 30}), REGELS)
    (b,) = met.bevindingen
    assert jhtml.bevindingen_html(met) == (
        '<div class="admonition warning"><p class="admonition-title">Bevindingen van de controles</p>'
        f"<ul><li>{b.tekst}</li></ul></div>")
    tekst = terminal.samenvatting_tekst(met)
    assert tekst.startswith("T <1>\n\nUrenberekening per rij, contract van 24 weken\n")
    assert tekst.endswith(f"\nBevindingen van de controles:\n- {b.tekst}")
    assert "\n\nBegeleidingsuren per periode" in tekst and "\n\nSamenvatting van de urenberekening\n" in tekst
    assert not terminal.samenvatting_tekst(zonder).endswith(":")
    assert _zonder_tabelregel(jhtml.schema_html(met))[0] == "<caption>Schema begeleidingsbehoefte: T &lt;1&gt;</caption>"
    assert jhtml.berekening_html(met).count("<table") == 4 and "</table>\n\n<table" in jhtml.berekening_html(met)
    assert jhtml.protocollen_html(REGELS).count("<tr role=\"row\">") == 1 + len(REGELS.protocollen)


# --- browser: wat de rekenhulp van de regels en het model krijgt, veld voor veld ------------------------------------

from jobcoach import browser  # noqa: E402


def test_rekenhulp_krijgt_elk_veld_van_een_protocolversie():
    gegevens = {p["id"]: p for p in browser.rekenhulp_gegevens(REGELS)["protocollen"]}
    p2011 = REGELS.protocol("protocol-2011")
    assert gegevens["protocol-2011"] == {
        "id": "protocol-2011", "naam": "Beleidsregels Protocol Jobcoach (wijziging 1 juli 2011)",
        "label": "de regels van juli 2011", "bron_kort": "Kamervragen 2011Z09242", "bron_einde": p2011.bron_einde,
        "soort": "extern", "geldig_van": "2011-07-01", "geldig_tot": "2012-12-14", "geldend": False,
        "maximum": 15, "normaal_max": 10, "max_met_onderbouwing": 15, "max_per_jaar": None,
        "standaard": {"min_maanden": 6, "proefplaatsing_telt": True, "min_uren_per_week": 12, "min_loonwaarde_wml": 35},
        "periode_maanden": 6, "max_jaren": 3, "bekend": tabeldata.bekende_regels(p2011)}
    intern = gegevens["interne-jobcoach-2015"]
    assert (intern["soort"], intern["geldig_van"], intern["geldig_tot"], intern["geldend"]) == \
        ("intern", "2015-01-01", None, True)
    assert (intern["max_per_jaar"], intern["maximum"], intern["normaal_max"]) == ([15, 7.5, 6], 15, None)
    # Een versie zonder korte bron: de bevindingen noemen de lange.
    assert gegevens["protocol-2006"]["bron_kort"] == (REGELS.protocol("protocol-2006").bron_kort
                                                      or REGELS.protocol("protocol-2006").bron)
    assert gegevens["protocol-2012"]["geldig_tot"] == "2014-06-09"  # de dag vóór de volgende versie


def test_rekenhulp_krijgt_van_een_kader_alleen_wat_hij_gebruikt():
    kaders = {k["id"]: k for k in browser.rekenhulp_gegevens(REGELS)["kaders"]}
    assert kaders["uwv-extern"] == {
        "id": "uwv-extern", "naam": "Jobcoach van een jobcoachorganisatie, via UWV", "soort": "nu",
        "geldig_van": "2019-10-01", "protocol": None, "protocol_soort": None, "verordening": False,
        "label": "de werkwijze van UWV sinds 1 oktober 2019", "bron_kort": "uwv.nl"}
    assert kaders["protocol-jobcoach"]["bron_kort"] == REGELS.kader("protocol-jobcoach").bron  # geen korte bron
    assert kaders["protocol-jobcoach"]["label"] == "Protocol Jobcoach van UWV (historisch, tot 1 oktober 2019)"
    assert (kaders["gemeente"]["verordening"], kaders["uwv-intern"]["protocol"]) == (True, "interne-jobcoach-2015")
    assert browser.rekenhulp_gegevens(REGELS)["einde_protocollen"] == "2019-10-01"


@pytest.mark.parametrize(("python", "javascript"), [
    (r"[\U0001fffe]", r"[\u{1fffe}]"),
    (r"[\U0010FFFF]", r"[\u{10FFFF}]"),
    (r"[\u202e\x00]", r"[\u202e\x00]"),  # korte escapes blijven zoals ze zijn
])
def test_patroon_voor_javascript(python, javascript):
    assert browser._js_patroon(python) == javascript


def test_velden_van_het_model_met_hun_grenzen_voor_de_rekenhulp():
    m = browser.modellen()
    contract = {v["naam"]: v for v in m["Contract"]}
    # Uit casus.Contract: 1 tot en met 80 uur per week; maanden 0,25 tot en met 60, mag leeg.
    assert {k: contract["uren_per_week"][k] for k in ("soort", "ge", "le", "verplicht")} == \
        {"soort": "getal", "ge": 1, "le": 80, "verplicht": True}
    assert "leeg" not in contract["uren_per_week"]
    assert {k: contract["maanden"][k] for k in ("soort", "ge", "le", "verplicht", "leeg")} == \
        {"soort": "getal", "ge": 0.25, "le": 60, "verplicht": False, "leeg": True}
    assert contract["proefplaatsing"] == {"naam": "proefplaatsing", "soort": "janee", "verplicht": False}
    fase = {v["naam"]: v for v in m["Fase"]}
    assert (fase["weken"]["gt"], fase["weken"]["le"]) == (0, 260) and "ge" not in fase["weken"]
    assert fase["intensiteit"]["soort"] == "keuze"
    assert fase["intensiteit"]["keuzes"] == ["wekelijks", "tweewekelijks", "maandelijks", "eenmalig"]
    rij = {v["naam"]: v for v in m["SchemaRij"]}
    assert rij["motivering"]["soort"] == "lijst" and rij["motivering"]["tekst_wordt_lijst"] is True
    assert rij["motivering"]["max_lengte"] == 50
    assert rij["motivering"]["item"] == {"soort": "tekst", "min_lengte": 1, "max_lengte": 5000}
    assert rij["fasen"]["item"] == {"soort": "model", "model": "Fase"} and rij["fasen"]["min_lengte"] == 1
    casusvelden = {v["naam"]: v for v in m["Casus"]}
    assert casusvelden["periode"]["standaard"] == 1 and casusvelden["datum"]["soort"] == "datum"
    assert casusvelden["schema"]["verplicht"] is True  # de alias, niet schema_
    assert list(m) == ["Casus", "Contract", "Regime", "SchemaRij", "Extra", "Fase"]


def test_rekenhulp_krijgt_de_vaste_getallen_onder_hun_eigen_naam():
    from jobcoach.lezer import MAX_GETOOND

    g = browser.rekenhulp_gegevens(REGELS)
    assert (g["weken_per_maand"], g["periode_maanden"], g["perioden_per_jaar"], g["maanden_per_jaar"]) == (4, 6, 2, 12)
    assert g["elke_n_weken"] == {"wekelijks": 1, "tweewekelijks": 2}
    assert g["bron_vervallen"] == "wetten.overheid.nl, BWBR0037573"
    assert g["max_getoond"] == MAX_GETOOND and g["standaard_kader"] == "uwv-extern"
    assert g["tekennamen"]["000B"] == "verticale tab"
    assert "\\U" not in g["verboden_in_tekst"] and "\\u{" in g["verboden_in_tekst"]


def test_json_voor_de_pagina_geeft_dezelfde_gegevens_terug_zonder_scripteinde():
    import json

    tekst = browser.rekenhulp_json(REGELS, {"naam": "a & b <c>"})
    assert not {"<", ">", "&"} & set(tekst)
    terug = json.loads(tekst)
    assert terug["uitgave"] == {"naam": "a & b <c>"}
    assert terug == json.loads(json.dumps({**browser.rekenhulp_gegevens(REGELS), "uitgave": {"naam": "a & b <c>"}}))


# --- casus en teksten: lezen van een casusbestand ---------------------------------------------------------------------

from jobcoach import Bestandsfout, laad_casus  # noqa: E402

CASUS_YAML = """titel: Test
contract:
  uren_per_week: 40
  weken: 24
schema:
  - aard: persoonlijk
    knelpunt: K
    door: jobcoach
    uren: {uren}
    doel: 1
"""


def test_rij_van_de_jobcoach_zonder_intensiteit_noemt_veld_regel_en_reden(tmp_path):
    pad = tmp_path / "casus.yml"
    pad.write_text(CASUS_YAML.format(uren=1), encoding="utf-8")
    with pytest.raises(Bestandsfout) as fout:
        laad_casus(pad, REGELS)
    (p,) = fout.value.problemen
    assert (p.pad, p.regel, p.code) == ("schema[1].intensiteit", 6, "ontbreekt")  # regel 6: het begin van de rij
    assert p.melding == "verplicht veld ontbreekt (een rij van de jobcoach telt mee in de uren)"


@pytest.mark.parametrize(("uren", "geldig"), [("1", True), ("1.5", True), ("1e0", False), ("0x1", False)])
def test_casus_kent_alleen_gewone_decimale_getallen(tmp_path, uren, geldig):
    pad = tmp_path / "casus.yml"
    pad.write_text(CASUS_YAML.format(uren=uren) + "    intensiteit: wekelijks\n", encoding="utf-8")
    if geldig:
        assert laad_casus(pad, REGELS).schema_rijen[0].uren == float(uren)
    else:
        with pytest.raises(Bestandsfout) as fout:
            laad_casus(pad, REGELS)
        assert fout.value.problemen[0].pad == "schema[1].uren"


def test_casus_in_het_project_die_via_een_link_naar_buiten_wijst_wordt_geweigerd(tmp_path):
    buiten, project = tmp_path / "buiten", tmp_path / "project"
    buiten.mkdir()
    project.mkdir()
    (buiten / "echt.yml").write_text(CASUS_YAML.format(uren=1) + "    intensiteit: wekelijks\n", encoding="utf-8")
    (project / "casus.yml").symlink_to(buiten / "echt.yml")
    assert laad_casus(project / "casus.yml", REGELS).titel == "Test"  # zonder 'binnen' geen controle
    with pytest.raises(Bestandsfout):
        laad_casus(project / "casus.yml", REGELS, binnen=project)


def test_casus_zonder_regels_is_een_fout_van_de_programmeur():
    with pytest.raises(TypeError, match=r"^een casus wordt gecontroleerd tegen regels: geef context=\{'regels': regels\}$"):
        Casus.model_validate({"titel": "T", "contract": {"uren_per_week": 40, "weken": 24}, "schema": [rij()]})


def test_json_schema_voor_editors_kent_de_protocollen_en_kaders():
    from jobcoach.casus import json_schema

    schema = json_schema(REGELS)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Casus Leidraad Jobcoach"
    assert schema["properties"]["protocol"]["anyOf"] == [
        {"type": "string", "enum": ["protocol-2006", "protocol-2011", "protocol-2012", "protocol-2014",
                                    "interne-jobcoach-2015", "protocol-2016"]}, {"type": "null"}]
    assert schema["properties"]["kader"]["anyOf"] == [
        {"type": "string", "enum": ["uwv-extern", "uwv-intern", "gemeente", "protocol-jobcoach"]}, {"type": "null"}]
    assert "schema" in schema["properties"] and "schema_" not in schema["properties"]


def test_teksten_lezen_uit_een_bestand(tmp_path):
    from jobcoach.teksten import TEKSTEN, laad_teksten
    from jobcoach.lezer import TEKSTEN_PAD

    assert laad_teksten(TEKSTEN_PAD) == TEKSTEN
    kapot = tmp_path / "teksten.yml"
    kapot.write_text("tabellen: {}\n", encoding="utf-8")
    with pytest.raises(Bestandsfout) as fout:
        laad_teksten(kapot)
    assert "teksten.yml" in str(fout.value)


def test_regels_kennen_geen_onbekend_protocol_of_kader():
    with pytest.raises(KeyError, match="protocol-1999"):
        REGELS.protocol("protocol-1999")
    with pytest.raises(KeyError, match="uwv-onbekend"):
        REGELS.kader("uwv-onbekend")


# --- fouten: een teken zichtbaar maken, op de grenzen van de tekenreeksen ------------------------------------------

from jobcoach.fouten import ontsnapt, zichtbaar  # noqa: E402


@pytest.mark.parametrize(("code", "tekst"), [
    (0xFF, "\\xff"), (0x100, "\\u0100"),  # tot en met U+00FF twee cijfers
    (0xFFFF, "\\uffff"), (0x10000, "\\U00010000"),  # tot en met U+FFFF vier cijfers, daarna acht
])
def test_ontsnapt_op_de_grenzen(code, tekst):
    assert ontsnapt(chr(code)) == tekst


@pytest.mark.parametrize(("code", "beschrijving"), [
    (0x0B, "U+000B (\\x0b, verticale tab)"),
    (0xFDCF, "U+FDCF (\\ufdcf, geen gewone (ASCII-)letter)"),  # net onder de niet-tekens U+FDD0-U+FDEF
    (0xFDD0, "U+FDD0 (\\ufdd0, geen teken)"),
    (0xFDEF, "U+FDEF (\\ufdef, geen teken)"),
    (0xFDF0, "U+FDF0 (\\ufdf0, geen gewone (ASCII-)letter)"),  # net erboven
    (0x1FFFD, "U+1FFFD (\\U0001fffd, onzichtbaar teken)"),  # niet toegekend, maar wel een teken
    (0x1FFFE, "U+1FFFE (\\U0001fffe, geen teken)"),  # de laatste twee van elk vlak
    (0x10FFFF, "U+10FFFF (\\U0010ffff, geen teken)"),
    (0xD7FB, "U+D7FB (\\ud7fb, geen gewone (ASCII-)letter)"),  # de laatste letter onder de surrogaten (Hangul)
    (0xD800, "U+D800 (\\ud800, los surrogaat)"),
    (0xDFFF, "U+DFFF (\\udfff, los surrogaat)"),
    (0xE000, "U+E000 (\\ue000, onzichtbaar teken)"),  # net erboven: privégebruik
    (0x0456, "U+0456 (\\u0456, Cyrillische letter)"),
])
def test_zichtbaar_op_de_grenzen_van_de_tekenreeksen(code, beschrijving):
    assert zichtbaar(chr(code)) == beschrijving


# --- lezer: een bestand dat niet te lezen is, elke reden met haar eigen melding ------------------------------------

from jobcoach.lezer import MAX_BYTES, lees_yaml  # noqa: E402


def _maak(tmp_path, soort):
    doel = tmp_path / "x.yml"
    if soort == "bestaat niet":
        return doel
    if soort == "link naar niets":
        doel.symlink_to(tmp_path / "weg.yml")
    elif soort == "lus":
        doel.symlink_to(tmp_path / "y.yml")
        (tmp_path / "y.yml").symlink_to(doel)
    elif soort == "map":
        doel.mkdir()
    elif soort == "apparaat":
        doel.symlink_to("/dev/null")
    elif soort == "utf-16":
        doel.write_bytes("titel: x\n".encode("utf-16"))
    elif soort == "latin-1":
        doel.write_bytes("a: 1\nb: 2\ntitel: café\n".encode("latin-1"))
    return doel


@pytest.mark.parametrize(("soort", "melding", "regel"), [
    ("bestaat niet", "bestand bestaat niet", None),
    ("link naar niets", "dit is een link naar een bestand dat niet bestaat", None),
    ("lus", "dit is een link die (via andere links) naar zichzelf wijst; vervang hem door het bestand zelf", None),
    ("map", "dit is een map, geen bestand", None),
    ("apparaat", "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat)", None),
    ("utf-16", "bestand is UTF-16-tekst; bewaar het als UTF-8", 1),
    ("latin-1", "bestand is geen UTF-8-tekst (bijvoorbeeld Latin-1 of Windows-1252); bewaar het als UTF-8", 3),
])
def test_een_onleesbaar_bestand_krijgt_zijn_eigen_melding(tmp_path, soort, melding, regel):
    pad = _maak(tmp_path, soort)
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(pad)
    (p,) = fout.value.problemen
    assert (p.pad, p.melding, p.regel) == ("", melding, regel)
    assert p.bestand.endswith("x.yml")


def test_link_naar_buiten_het_project_noemt_de_reden(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "buiten.yml").write_text("a: 1\n", encoding="utf-8")
    (project / "x.yml").symlink_to(tmp_path / "buiten.yml")
    with pytest.raises(Bestandsfout) as fout:
        lees_yaml(project / "x.yml", binnen=project)
    (p,) = fout.value.problemen
    assert (p.pad, p.melding) == ("", "dit is een link naar een bestand buiten het project; de site leest alleen "
                                      "bestanden in het project. Zet het bestand zelf hier neer")
    assert p.bestand.endswith("x.yml")
    assert lees_yaml(project / "x.yml").gegevens == {"a": 1}  # zonder 'binnen': geen controle


@pytest.mark.parametrize(("grootte", "te_groot"), [(MAX_BYTES - 1, False), (MAX_BYTES, False), (MAX_BYTES + 1, True)])
def test_bestand_tot_en_met_een_megabyte(tmp_path, grootte, te_groot):
    pad = tmp_path / "x.yml"
    pad.write_bytes(b"#" * (grootte - 1) + b"\n")  # alleen commentaar: een leeg document
    if te_groot:
        with pytest.raises(Bestandsfout) as fout:
            lees_yaml(pad)
        assert fout.value.problemen[0].melding.startswith("bestand is te groot: meer dan 1 MB.")
    else:
        assert lees_yaml(pad).gegevens is None


# --- fouten en opmaak: veldnamen, vreemde tekens en getallen op hun grenzen -----------------------------------------

from jobcoach.fouten import pad_tekst, vreemde_tekens  # noqa: E402
from jobcoach.opmaak import getal, procent, procent_afgekapt  # noqa: E402


@pytest.mark.parametrize(("lengte", "ingekort"), [(59, False), (60, False), (61, True)])
def test_veldnaam_tot_en_met_zestig_tekens_blijft_heel(lengte, ingekort):
    naam = "v" * lengte
    verwacht = f"{'v' * 40}… ({lengte} tekens)" if ingekort else naam
    assert pad_tekst(("schema", 0, naam)) == f"schema[1].{verwacht}"


@pytest.mark.parametrize(("naam", "tekst"), [
    ("titel ~", ""),  # spatie en tilde zijn de grenzen van gewone ASCII
    ("t\u0456tel", "'\u0456' U+0456 (\\u0456, Cyrillische letter)"),
    ("t\u0456t\u0435l", "'\u0456' U+0456 (\\u0456, Cyrillische letter), '\u0435' U+0435 (\\u0435, Cyrillische letter)"),
    ("ti\u200btel", "U+200B (\\u200b, onzichtbare spatie)"),  # een verboden teken: niet zelf in de melding
    ("a\x7f", "U+007F (\\x7f, wissen)"),  # net boven de tilde
])
def test_vreemde_tekens_in_een_veldnaam(naam, tekst):
    assert vreemde_tekens(naam) == tekst


@pytest.mark.parametrize(("waarde", "tekst"), [
    (1.005, "1,01"),  # de decimale waarde uit het bestand, niet de binaire benadering (1,00499…)
    (-1.5, "-1,5"),
    (10**15 - 1, "999.999.999.999.999"),
    (10**15, "meer dan 1.000.000.000.000.000"),
    (-(10**15), "minder dan -1.000.000.000.000.000"),
])
def test_getal_op_de_grenzen(waarde, tekst):
    assert getal(waarde) == tekst


def test_procent_met_twee_decimalen_en_te_groot():
    assert procent(7.125) == "7,13%" and procent(7.5) == "7,5%"
    assert procent_afgekapt(Fraction(10**15)) == "meer dan 1.000.000.000.000.000%"


def test_meer_bevindingen_als_html_en_tekst_zonder_witregel_aan_het_eind():
    c = casus(advies={"uren": 30}, datum="2019-09-30")  # hoger dan berekend, en vóór het kader van nu
    uitkomst = bereken(c, REGELS)
    a, b = uitkomst.bevindingen
    assert f"<ul><li>{a.tekst}</li><li>{b.tekst}</li></ul>" in jhtml.bevindingen_html(uitkomst)
    assert not terminal.samenvatting_tekst(bereken(casus(), REGELS)).endswith("\n")


@pytest.mark.parametrize(("nummer", "reden"), [
    (2, "het bestand bestaat niet (meer), of is een link naar niets"),  # ENOENT
    (13, "geen toegang; controleer de rechten van het bestand"),  # EACCES
    (21, "dit is een map, geen bestand"),  # EISDIR
    (40, "een link die (via andere links) naar zichzelf wijst; vervang hem door het bestand zelf"),  # ELOOP
    (99, "systeemfout nummer 99"),
    (None, "onbekende reden"),
])
def test_bestandsreden_in_gewone_taal(nummer, reden):
    from jobcoach.fouten import bestandsreden

    assert bestandsreden(OSError(nummer, "Engelse tekst") if nummer else OSError("Engelse tekst")) == reden


def test_geheel_getal_in_het_model_voor_de_rekenhulp():
    casusvelden = {v["naam"]: v for v in browser.modellen()["Casus"]}
    assert casusvelden["periode"]["soort"] == "geheel" and casusvelden["periode"]["ge"] == 1
    assert {v["naam"]: v for v in browser.modellen()["Extra"]}["doel"]["soort"] == "geheel"
