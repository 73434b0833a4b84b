"""De gegevens voor de rekenhulp: regels en model als JSON in de pagina, zonder eigen kopie in JavaScript."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from bs4 import BeautifulSoup
from pydantic import ValidationError

from jobcoach import Casus, laad_casus, laad_regels
from jobcoach.browser import ELEMENT_ID, rekenhulp_gegevens, rekenhulp_json
from leidraadsite.weergave.rekenhulp import rekenhulp_html

GELDIG: dict[str, Any] = {
    "titel": "T",
    "protocol": "protocol-2011",
    "contract": {"uren_per_week": 40, "maanden": 6, "loonwaarde_wml": 50},
    "aanvraag": {"regime": 10},
    "schema": [{"aard": "persoonlijk", "knelpunt": "A", "door": "jobcoach", "uren": 1, "intensiteit": "wekelijks", "doel": 1}],
    "extra": [{"omschrijving": "x", "uren": 1, "doel": 1}],
    "advies": {"regime": 6},
}
# Waar elk (deel)model in een geldige casus staat.
PLAATS = {"Casus": (), "Contract": ("contract",), "Regime": ("aanvraag",), "SchemaRij": ("schema", 0), "Extra": ("extra", 0),
          "Fase": ("schema", 0, "fasen", 0)}


def _met(pad: tuple, veld: str, waarde: Any) -> dict[str, Any]:
    gegevens = json.loads(json.dumps(GELDIG))
    if "fasen" in pad:  # een rij in fasen (in plaats van één intensiteit), met een contract dat lang genoeg is
        gegevens["contract"] = {"uren_per_week": 40, "weken": 260}
        del gegevens["schema"][0]["intensiteit"]
        gegevens["schema"][0]["fasen"] = [{"weken": 24, "intensiteit": "wekelijks"}]
    if veld == "vorige_uren":  # hoort alleen bij een verlenging
        gegevens["periode"] = 2
    doel = gegevens
    for deel in pad:
        doel = doel[deel]
    doel[veld] = waarde
    if veld == "weken":  # maanden óf weken
        doel.pop("maanden", None)
    return gegevens


def _geldig(gegevens: dict[str, Any]) -> bool:
    try:
        Casus.model_validate(gegevens, context={"regels": laad_regels()})
    except ValidationError:
        return False
    return True


def test_grenzen_in_de_export_zijn_die_van_het_model():
    """Elke grens die de rekenhulp krijgt, is precies de grens die het Python-model afdwingt."""
    gecontroleerd = 0
    for model, velden in rekenhulp_gegevens(laad_regels())["modellen"].items():
        for veld in velden:
            pad, naam = PLAATS[model], veld["naam"]
            if "ge" in veld:
                assert _geldig(_met(pad, naam, veld["ge"])), (model, naam)
                assert not _geldig(_met(pad, naam, veld["ge"] - 0.001)), (model, naam)
                gecontroleerd += 1
            if "gt" in veld:
                assert not _geldig(_met(pad, naam, veld["gt"])), (model, naam)
                assert _geldig(_met(pad, naam, veld["gt"] + 0.001)), (model, naam)
                gecontroleerd += 1
            if "le" in veld:
                assert _geldig(_met(pad, naam, veld["le"])), (model, naam)
                assert not _geldig(_met(pad, naam, veld["le"] + (1 if veld["soort"] == "geheel" else 0.001))), (model, naam)
                gecontroleerd += 1
            if veld["soort"] == "keuze":
                for keuze in veld["keuzes"]:
                    assert _geldig(_met(pad, naam, keuze)), (model, naam, keuze)
                assert not _geldig(_met(pad, naam, veld["keuzes"][0] + "x")), (model, naam)
                gecontroleerd += 1
            if veld["verplicht"]:
                gegevens = _met(pad, naam, None)
                doel = gegevens
                for deel in pad:
                    doel = doel[deel]
                del doel[naam]
                assert not _geldig(gegevens), f"{model}.{naam} is niet verplicht in het model"
                gecontroleerd += 1
    assert gecontroleerd >= 20, gecontroleerd


def test_keuzes_en_velden_komen_uit_het_model():
    modellen = rekenhulp_gegevens(laad_regels())["modellen"]
    rij = {v["naam"]: v for v in modellen["SchemaRij"]}
    assert rij["intensiteit"]["keuzes"] == ["wekelijks", "tweewekelijks", "maandelijks", "eenmalig"]
    assert rij["door"]["keuzes"][0] == "jobcoach"
    assert rij["motivering"]["tekst_wordt_lijst"] is True
    assert [v["naam"] for v in modellen["Casus"]] == [v.alias or n for n, v in Casus.model_fields.items()]


def test_regels_in_de_export():
    gegevens = rekenhulp_gegevens(laad_regels())
    regels = laad_regels()
    assert gegevens["weken_per_maand"] == regels.rekenregels.weken_per_maand == 4
    assert [p["id"] for p in gegevens["protocollen"]] == regels.protocol_ids
    p2011 = next(p for p in gegevens["protocollen"] if p["id"] == "protocol-2011")
    # Uit regels.yml: met onderbouwing hoogstens 15%, normaal 10%, standaard minstens 12 uur per week.
    assert (p2011["maximum"], p2011["normaal_max"], p2011["standaard"]["min_uren_per_week"]) == (15, 10, 12)


def test_json_kan_het_scriptblok_niet_afsluiten():
    regels = laad_regels()
    vals = regels.model_copy(update={"coachingsdoelen": {1: "</script><script>alert(1)</script>", 2: "a & b", 3: "c"}})
    tekst = rekenhulp_json(vals)
    assert "<" not in tekst and ">" not in tekst and "&" not in tekst, tekst[:200]
    assert json.loads(tekst)["coachingsdoelen"]["1"] == "</script><script>alert(1)</script>"
    html = rekenhulp_html(vals)
    assert html.count("</script>") == 1 and html.endswith("</script>"), html[-80:]


def test_pagina_bevat_de_regels_en_laadt_de_scripts_alleen_daar(site):
    pagina = BeautifulSoup((site / "rekenhulp" / "index.html").read_text(encoding="utf-8"), "html.parser")
    blok = pagina.find("script", id=ELEMENT_ID)
    assert blok is not None and blok.get("type") == "application/json"
    from conftest import ROOT
    from leidraadsite.inhoud.config import lees_editie

    uitgave = lees_editie(ROOT / "mkdocs.yml")  # naam en editie van de site, voor het Word-bestand en de printweergave
    verwacht = rekenhulp_gegevens(laad_regels()) | {
        "uitgave": {"naam": uitgave.site_naam, "editie": uitgave.editie, "editiedatum": uitgave.datum.isoformat()}}
    assert json.loads(blok.string) == json.loads(json.dumps(verwacht))
    bronnen = [s.get("src") for s in pagina.find_all("script") if s.get("src")]
    # js-yaml laadt het script pas als u een bestand opent (minder script bij het laden van de pagina).
    # Eerst de rekenkern (rekenen en controleren), dan het formulier dat hem gebruikt.
    kern = bronnen.index("../javascripts/rekenkern.js")
    assert bronnen[kern + 1] == "../javascripts/rekenhulp.js", bronnen
    assert "../javascripts/js-yaml.min.js" not in bronnen, bronnen
    # Het Word-script laadt de rekenhulp pas als er een uitkomst is (zoals js-yaml pas bij 'Casus openen').
    assert "../javascripts/rekenhulp-word.js" not in bronnen, bronnen
    for naam in ("rekenkern.js", "rekenhulp.js", "rekenhulp-word.js", "js-yaml.min.js"):
        assert (site / "javascripts" / naam).is_file(), naam
    for html in site.rglob("*.html"):
        if html.parent.name != "rekenhulp":
            tekst = html.read_text(encoding="utf-8")
            assert "rekenhulp.js" not in tekst and "rekenkern.js" not in tekst, f"script ook geladen op {html}"


@pytest.mark.parametrize("bestand", ["rekenkern.js", "rekenhulp.js", "rekenhulp-word.js", "js-yaml.min.js"])
def test_scripts_halen_niets_van_andere_hosts(bestand):
    from conftest import ROOT

    tekst = (ROOT / "docs" / "javascripts" / bestand).read_text(encoding="utf-8")
    assert not re.search(r"\b(fetch|XMLHttpRequest|sendBeacon|WebSocket|importScripts)\s*\(", tekst), bestand
    # De namen van XML-naamruimten in het Word-bestand zijn geen adressen: de browser haalt ze nooit op.
    zonder_naamruimten = tekst.replace("http://schemas.openxmlformats.org/", "").replace("http://purl.org/dc/elements/1.1/", "")
    assert not re.search(r"""["'`]https?://""", zonder_naamruimten), f"{bestand} noemt een adres op een andere host"


def test_js_yaml_met_licentie_en_versie():
    from conftest import ROOT

    kop = (ROOT / "docs" / "javascripts" / "js-yaml.min.js").read_text(encoding="utf-8")[:1500]
    versie = re.search(r'VERSIE="([0-9.]+)"', (ROOT / "tools" / "js-yaml.sh").read_text(encoding="utf-8")).group(1)
    assert kop.startswith(f"/*! js-yaml {versie} "), kop[:80]
    assert "Permission is hereby granted" in kop and "Copyright (C) 2011-2015 by Vitaly Puzrin" in kop
    assert f"js-yaml</a> {versie}" in (ROOT / "docs" / "rekenhulp.md").read_text(encoding="utf-8").replace(
        "[js-yaml](https://www.npmjs.com/package/js-yaml)", "js-yaml</a>"
    ), "de pagina noemt een andere versie van js-yaml"


# --- Eén bron van teksten en de bevindingen over aannemelijkheid (ook voor de site en de opdrachtregel) ---------

def _bereken(**wijzigingen: Any):
    from jobcoach import bereken

    gegevens = json.loads(json.dumps(GELDIG))
    del gegevens["advies"], gegevens["extra"]
    gegevens["contract"].pop("loonwaarde_wml")
    for sleutel, waarde in wijzigingen.items():
        if sleutel in ("uren_per_week", "maanden", "weken"):
            gegevens["contract"].pop("maanden", None) if sleutel == "weken" else None
            gegevens["contract"][sleutel] = waarde
        else:
            gegevens[sleutel] = waarde
    regels = laad_regels()
    return bereken(Casus.model_validate(gegevens, context={"regels": regels}), regels)


def _codes(**wijzigingen: Any) -> set[str]:
    return {b.code for b in _bereken(**wijzigingen).bevindingen}


def _rij(uren: float) -> list[dict[str, Any]]:
    return [{"aard": "persoonlijk", "knelpunt": "A", "door": "jobcoach", "uren": uren, "intensiteit": "wekelijks", "doel": 1}]


def test_meer_begeleidingsuren_dan_contracturen_is_een_bevinding():
    # 1 uur per week, 1 week: 1 contractuur. 2 uur begeleiding is meer (200%), 1 uur is gelijk (geen bevinding).
    meer = _bereken(uren_per_week=1, weken=1, schema=_rij(2))
    assert [b.tekst for b in meer.bevindingen if b.code == "uren-boven-contract"] == [
        "De begeleidingsuren (2 uur) zijn meer dan de contracturen (1 uur). Kijk de uren per keer en de intensiteit na. "
        "Bron: de controle van de site op aannemelijkheid, geen regel uit een bron."]
    assert "uren-boven-contract" not in _codes(uren_per_week=1, weken=1, schema=_rij(1))


def test_meer_dan_60_contracturen_per_week_is_een_bevinding():
    # De grens staat in regels.yml (aannemelijk, Arbeidstijdenwet): 60 uur mag, 60,5 uur niet.
    assert laad_regels().aannemelijk.max_uren_per_week == 60
    assert "veel-contracturen" not in _codes(uren_per_week=60)
    tekst = [b.tekst for b in _bereken(uren_per_week=60.5).bevindingen if b.code == "veel-contracturen"]
    assert tekst == ["Het contract heeft 60,5 uur per week. Dat is meer dan 60 uur: volgens de Arbeidstijdenwet werkt "
                     "iemand hoogstens 60 uur in een week. Bron: de controle van de site op aannemelijkheid, "
                     "Arbeidstijdenwet, artikel 5:7 (wetten.overheid.nl, BWBR0007671)."], tekst


def test_contract_langer_dan_het_protocol_en_een_andere_periode():
    # protocol-2011: hoogstens 3 jaar = 36 maanden × 4 weken = 144 weken; perioden van 6 maanden = 24 weken.
    assert "contract-te-lang" not in _codes(weken=144) and "contract-te-lang" in _codes(weken=145)
    assert "andere-periode" not in _codes(maanden=6) and "andere-periode" not in _codes(weken=24)
    assert "andere-periode" in _codes(weken=25) and "andere-periode" in _codes(maanden=12)
    # Een versie zonder bekende periode of looptijd (protocol-2012) geeft geen van beide.
    assert not {"contract-te-lang", "andere-periode"} & _codes(maanden=48, protocol="protocol-2012")


def test_bevindingen_noemen_nederlandse_datums_zonder_dubbele_haakjes():
    uitkomst = _bereken(datum="2015-01-01", aanvraag={"regime": 20})
    teksten = " ".join(b.tekst for b in uitkomst.bevindingen)
    assert "De datum van de casus (01-01-2015) valt buiten de geldigheid van Beleidsregels Protocol Jobcoach " \
           "(wijziging 1 juli 2011): van 01-07-2011 tot en met 14-12-2012." in teksten, teksten
    assert "is hoger dan 15%, het hoogste percentage volgens de regels van juli 2011. Bron: de regels van juli 2011, " \
           "Kamervragen 2011Z09242." in teksten, teksten
    assert not re.search(r"\d{4}-\d\d-\d\d|\) \(|\(\(|\)\)", teksten), teksten


def test_elk_veld_van_de_casus_heeft_een_label_en_elk_label_een_veld():
    from jobcoach.teksten import TEKSTEN

    modellen = rekenhulp_gegevens(laad_regels())["modellen"]
    groepen = {"Contract": "contract.", "Regime": None, "SchemaRij": "schema.", "Extra": "extra.", "Casus": "",
               "Fase": "schema.fasen."}
    paden = set()
    for model, voorvoegsel in groepen.items():
        for veld in modellen[model]:
            if voorvoegsel is not None and veld["soort"] not in ("model",) and veld["naam"] not in ("schema", "extra"):
                paden.add(voorvoegsel + veld["naam"])
    paden |= {"aanvraag.regime", "advies.regime", "aanvraag.uren", "advies.uren"}
    assert paden == set(TEKSTEN.velden), (paden ^ set(TEKSTEN.velden))


def test_elke_code_van_de_lezer_heeft_een_zin_in_teksten():
    from jobcoach import lezer
    from jobcoach.teksten import TEKSTEN

    assert set(lezer._CODES.values()) <= set(TEKSTEN.meldingen), set(lezer._CODES.values()) - set(TEKSTEN.meldingen)
    assert lezer.MELDINGEN == TEKSTEN.meldingen  # de lezer leest dezelfde zinnen als de rest van het pakket


def test_meldingen_van_python_komen_uit_teksten(tmp_path, monkeypatch):
    """Verander een zin in teksten.yml: de melding van de opdrachtregel verandert mee (één bron)."""
    from jobcoach import lezer
    from jobcoach.fouten import Bestandsfout

    monkeypatch.setitem(lezer.MELDINGEN, "ge", "is kleiner dan {grens} (test)")
    bestand = tmp_path / "casus.yml"
    from conftest import SEED_CASUS

    tekst = SEED_CASUS.read_text(encoding="utf-8")
    bestand.write_text(tekst.replace("    uren: 0.5\n", "    uren: -1\n", 1), encoding="utf-8")
    with pytest.raises(Bestandsfout) as fout:
        laad_casus(bestand, laad_regels())
    (probleem,) = fout.value.problemen
    assert (probleem.code, probleem.pad, probleem.melding) == ("ge", "schema[1].uren", "is kleiner dan 0 (test) (gevonden: -1)")


def test_export_bevat_de_teksten_de_grenzen_en_de_uitgave():
    import sys

    from jobcoach.lezer import MAX_BYTES, MAX_CIJFERS, MAX_DIEPTE
    from jobcoach.teksten import TEKSTEN

    gegevens = rekenhulp_gegevens(laad_regels())
    alles = json.loads(json.dumps(TEKSTEN.model_dump(exclude_none=True)))
    assert {k: v for k, v in gegevens["teksten"].items() if k not in ("tabellen", "meldingen")} == \
        {k: v for k, v in alles.items() if k not in ("tabellen", "meldingen")}
    assert gegevens["teksten"]["tabellen"] == {k: v for k, v in alles["tabellen"].items() if k != "protocollen"}
    assert set(alles["meldingen"]) - set(gegevens["teksten"]["meldingen"]) == {"tikfout", "bedoelt_u", "vorm", "lt"}
    assert gegevens["grenzen"] == {"max_bytes": MAX_BYTES, "max_diepte": MAX_DIEPTE, "max_cijfers": MAX_CIJFERS,
                                   "max_int_cijfers": sys.get_int_max_str_digits(),
                                   "stuurteken_in_bestand": r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]"}
    assert gegevens["aannemelijk"]["max_uren_per_week"] == 60
    schema = next(v for v in gegevens["modellen"]["Casus"] if v["naam"] == "schema")
    assert schema["max_lengte"] == 200  # de rijgrens van het model
    uren = next(v for v in gegevens["modellen"]["SchemaRij"] if v["naam"] == "uren")
    assert (uren["le"], uren["grens"]) == (40, "meer dan 40 uur begeleiding in één keer is een werkweek")
    p2012 = next(p for p in gegevens["protocollen"] if p["id"] == "protocol-2012")
    p2011 = next(p for p in gegevens["protocollen"] if p["id"] == "protocol-2011")
    assert p2012["bekend"] == "" and "perioden van 6 maanden" in p2011["bekend"] and p2011["max_jaren"] == 3
    uit = json.loads(rekenhulp_json(laad_regels(), {"naam": "N", "editie": "E"}))
    assert uit["uitgave"] == {"naam": "N", "editie": "E"} and "uitgave" not in json.loads(rekenhulp_json(laad_regels()))
