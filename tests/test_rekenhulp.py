"""De gegevens voor de rekenhulp: regels en model als JSON in de pagina, zonder eigen kopie in JavaScript."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from bs4 import BeautifulSoup
from pydantic import ValidationError

from jobcoach import Casus, laad_regels
from jobcoach.browser import ELEMENT_ID, rekenhulp_gegevens, rekenhulp_json
from leidraadsite.rekenhulp import rekenhulp_html

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
PLAATS = {"Casus": (), "Contract": ("contract",), "Regime": ("aanvraag",), "SchemaRij": ("schema", 0), "Extra": ("extra", 0)}


def _met(pad: tuple, veld: str, waarde: Any) -> dict[str, Any]:
    gegevens = json.loads(json.dumps(GELDIG))
    doel = gegevens
    for deel in pad:
        doel = doel[deel]
    doel[veld] = waarde
    if veld == "weken":  # maanden óf weken
        del doel["maanden"]
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
    assert json.loads(blok.string) == json.loads(json.dumps(rekenhulp_gegevens(laad_regels())))
    bronnen = [s.get("src") for s in pagina.find_all("script") if s.get("src")]
    assert "../javascripts/js-yaml.min.js" in bronnen and "../javascripts/rekenhulp.js" in bronnen, bronnen
    assert bronnen.index("../javascripts/js-yaml.min.js") < bronnen.index("../javascripts/rekenhulp.js")
    assert (site / "javascripts" / "rekenhulp.js").is_file() and (site / "javascripts" / "js-yaml.min.js").is_file()
    for html in site.rglob("*.html"):
        if html.parent.name != "rekenhulp":
            assert "rekenhulp.js" not in html.read_text(encoding="utf-8"), f"script ook geladen op {html}"


@pytest.mark.parametrize("bestand", ["rekenhulp.js", "js-yaml.min.js"])
def test_scripts_halen_niets_van_andere_hosts(bestand):
    from conftest import ROOT

    tekst = (ROOT / "docs" / "javascripts" / bestand).read_text(encoding="utf-8")
    assert not re.search(r"\b(fetch|XMLHttpRequest|sendBeacon|WebSocket|importScripts)\s*\(", tekst), bestand
    # De namen van XML-naamruimten in het Word-bestand zijn geen adressen: de browser haalt ze nooit op.
    zonder_naamruimten = tekst.replace("http://schemas.openxmlformats.org/", "")
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
