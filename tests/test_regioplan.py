"""Regioplan (2014): de tabellen komen uit de data, het model vangt scanfouten, de pagina typt niets over."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT
from jobcoach.fouten import Bestandsfout
from leidraadsite.inhoud.regioplan import REGIOPLAN_MAP, Tabel, grafiek_svg, laad_regioplan

PAGINA_MD = ROOT / "docs/achtergrond/jobcoaches-sw-sector.md"
PAGINA_HTML = Path("achtergrond/jobcoaches-sw-sector/index.html")
VERWACHT = {"2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.2", "3.3", "4.1", "5.1", "5.2", "B1.1", "B1.2", "B1.3"}


def cel(waarde: float | None) -> str:
    """Zoals de bron een percentage schrijft; onafhankelijk van de opmaakcode van het pakket."""
    if waarde is None:
        return "onleesbaar"
    return (f"{int(waarde)}" if float(waarde).is_integer() else f"{waarde}".replace(".", ",")) + "%"


def tabel_uit(map_: Path, naam: str) -> dict:
    return yaml.safe_load((map_ / naam).read_text(encoding="utf-8"))


def schrijf(tmp_path: Path, gegevens: dict) -> Path:
    onderzoek = REGIOPLAN_MAP / "onderzoek.yml"
    (tmp_path / onderzoek.name).write_text(onderzoek.read_text(encoding="utf-8"), encoding="utf-8")
    pad = tmp_path / ("tabel-" + gegevens["nummer"].lower().replace(".", "-") + ".yml")
    pad.write_text(yaml.safe_dump(gegevens, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad


def schrijf_en_laad(tmp_path: Path, gegevens: dict) -> None:
    schrijf(tmp_path, gegevens)
    laad_regioplan.cache_clear()
    try:
        laad_regioplan(tmp_path)
    finally:
        laad_regioplan.cache_clear()


def test_alle_tabellen_uit_de_opdracht_staan_in_de_data():
    assert set(laad_regioplan().tabellen) == VERWACHT


def test_een_beschadigd_cijfer_laat_de_somcontrole_falen(tmp_path):
    gegevens = tabel_uit(REGIOPLAN_MAP, "tabel-2-5.yml")
    gegevens["blokken"][0]["rijen"][1]["waarden"] = [4]  # '42' met een weggevallen cijfer
    pad = schrijf(tmp_path, gegevens)
    regel = next(i for i, r in enumerate(pad.read_text(encoding="utf-8").splitlines(), start=1) if "som_100" in r)
    with pytest.raises(Bestandsfout, match=rf"tabel-2-5\.yml:{regel}: blokken\[1\]\.som_100: kolom 'Jobcoaches': "
                                        r"de waarden tellen op tot 63%, niet tot ongeveer 100% \(marge 2\); staat er een "
                                        r"scanfout in een cijfer\?$"):
        schrijf_en_laad(tmp_path, gegevens)


def test_een_lege_waarde_zonder_opmerking_mag_niet(tmp_path):
    gegevens = tabel_uit(REGIOPLAN_MAP, "tabel-2-4.yml")
    gegevens["blokken"][1]["rijen"][0]["waarden"] = [None]
    with pytest.raises(Bestandsfout, match="waarde is leeg \\(onleesbaar\\) zonder opmerking"):
        schrijf_en_laad(tmp_path, gegevens)


def test_opmerking_bij_een_rij_die_niet_bestaat_mag_niet(tmp_path):
    gegevens = tabel_uit(REGIOPLAN_MAP, "tabel-2-4.yml")
    gegevens["opmerkingen"] = [{"blok": 1, "rij": "Onbekend", "soort": "hersteld", "uitleg": "x"}]
    with pytest.raises(Bestandsfout, match="opmerking bij rij 'Onbekend' in blok 1, maar die rij bestaat niet"):
        schrijf_en_laad(tmp_path, gegevens)


def test_verkeerd_aantal_waarden_in_een_rij(tmp_path):
    gegevens = tabel_uit(REGIOPLAN_MAP, "tabel-5-2.yml")
    gegevens["blokken"][0]["rijen"][0]["waarden"] = [53]
    with pytest.raises(Bestandsfout, match="rij '\\(Zeer\\) sterke mate': 1 waarden, maar de tabel heeft 2 kolom"):
        schrijf_en_laad(tmp_path, gegevens)


def test_elke_onleesbare_of_afgeleide_waarde_heeft_een_uitleg():
    for tabel in laad_regioplan().tabellen.values():
        for b, blok in enumerate(tabel.blokken, start=1):
            for rij in blok.rijen:
                for k, waarde in enumerate(rij.waarden, start=1):
                    opm = tabel.opmerking(b, rij.label, k)
                    if waarde is None:
                        assert opm is not None and opm.soort == "onleesbaar", (tabel.nummer, rij.label)
    t = laad_regioplan().tabel("3.2")
    assert t.waarde("61 tot en met 80%", blok=1) is None, "de scan toont hier alleen '%': onleesbaar, niet geraden"


def _tabellen_op_pagina(site: Path) -> dict[str, BeautifulSoup]:
    soep = BeautifulSoup((site / PAGINA_HTML).read_text(encoding="utf-8"), "html.parser")
    return {t["id"]: t for t in soep.select("div.regioplan table")}


def test_cellen_op_de_pagina_zijn_de_waarden_uit_de_data(site):
    op_pagina = _tabellen_op_pagina(site)
    for nummer, tabel in laad_regioplan().tabellen.items():
        html = op_pagina.get(tabel.anker)
        assert html is not None, f"tabel {nummer} staat niet op de pagina"
        assert html.caption.get_text().startswith(f"Tabel {nummer} "), html.caption
        koppen = [th.get_text(" ", strip=True) for th in html.thead.find_all("th")][1:]
        assert koppen == [k.naam + (f" (n={k.n})" if k.n else "") for k in tabel.kolommen], koppen
        rijen = [r for r in html.select("tbody tr") if not set(r.get("class", [])) & {"regioplan-blok", "regioplan-totaal"}]
        data = [r for b in tabel.blokken for r in b.rijen]
        assert len(rijen) == len(data), f"tabel {nummer}: {len(rijen)} rijen op de pagina, {len(data)} in de data"
        for html_rij, rij in zip(rijen, data):
            assert html_rij.th.get_text() == rij.label, (nummer, html_rij.th.get_text(), rij.label)
            cellen = []
            for td in html_rij.find_all("td"):
                for sup in td.find_all("sup"):
                    sup.decompose()
                cellen.append(td.get_text())
            assert cellen == [cel(w) for w in rij.waarden], (nummer, rij.label, cellen)


def test_pagina_markdown_bevat_geen_overgetypte_percentages():
    tekst = PAGINA_MD.read_text(encoding="utf-8")
    zonder_macros = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", tekst, flags=re.S)
    gevonden = re.findall(r"\d+(?:,\d+)?\s*(?:%|procent)", zonder_macros)
    assert not gevonden, f"percentages met de hand getypt in {PAGINA_MD.name}: {gevonden}"
    for nummer in VERWACHT:
        assert f"regioplan_tabel('{nummer}')" in tekst and f"regioplan_grafiek('{nummer}')" in tekst, nummer


def test_percentages_in_lopende_tekst_komen_uit_de_data(site, gewijzigde_bouw):
    artikel = BeautifulSoup((site / PAGINA_HTML).read_text(encoding="utf-8"), "html.parser").select_one("article")
    tekst = re.sub(r"\s+", " ", artikel.get_text(""))
    assert "Bijna alle jobcoaches (98%) begeleiden cliënten op de werkvloer." in tekst
    # Verander het cijfer in de data (conftest.GewijzigdeBouw, wijziging 5: 98 wordt 97 in tabel 2.1 van de kopie):
    # de zin op de pagina verandert mee.
    nieuw = BeautifulSoup((gewijzigde_bouw.site / PAGINA_HTML).read_text(encoding="utf-8"), "html.parser")
    assert "Bijna alle jobcoaches (97%) begeleiden" in re.sub(r"\s+", " ", nieuw.select_one("article").get_text(""))


def test_grafiek_heeft_tekstalternatief_en_een_staaf_per_bekende_waarde():
    for nummer, tabel in laad_regioplan().tabellen.items():
        svg = BeautifulSoup(grafiek_svg(tabel), "html.parser").find("svg")
        assert svg["role"] == "img", nummer
        titel_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=titel_id).get_text().startswith(f"Grafiek bij tabel {nummer}:"), nummer
        assert "tabel hierboven" in svg.find("desc", id=desc_id).get_text(), nummer
        bekend = [w for b in tabel.blokken for r in b.rijen for w in r.waarden if w is not None]
        staven = [r for r in svg.find_all("rect") if "regioplan-legenda" not in r.get("class", [])]
        assert len(staven) == len(bekend), f"tabel {nummer}: {len(staven)} staven, {len(bekend)} bekende waarden"
        onleesbaar = sum(1 for b in tabel.blokken for r in b.rijen for w in r.waarden if w is None)
        assert len(svg.find_all("text", class_="regioplan-onleesbaar")) == onleesbaar, nummer


def test_tekst_uit_de_data_wordt_geescaped():
    tabel = laad_regioplan().tabel("2.4")
    kwaad = tabel.model_copy(update={"titel": "<script>x</script>"})
    assert isinstance(kwaad, Tabel)
    assert "<script>" not in grafiek_svg(kwaad) and "&lt;script&gt;" in grafiek_svg(kwaad)
