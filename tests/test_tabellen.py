"""Tabellen: kolomnamen bij elke cel, rollen, datums heel.

Twee kanten, dezelfde uitkomst: de tabellen die Python maakt krijgen het meteen (``jobcoach.html.Kolommen``: casussen,
protocollen, prestaties, Regioplan, herstellingen), de gewone Markdown-tabellen van de extensie
``leidraadsite.weergave.tabellen`` op de boom van Python-Markdown. Geen van beide leest de HTML van een pagina opnieuw.
"""

from __future__ import annotations

import html.parser
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown

from jobcoach import laad_regels
from jobcoach.html import LABEL_MAX, protocollen_html, tabel_html
from jobcoach.tabeldata import Html, Tabel
from leidraadsite.inhoud.config import lees_mkdocs_yml
from leidraadsite.weergave.htmlblok import merkteken
from leidraadsite.inhoud.regioplan import laad_regioplan
from leidraadsite.inhoud.regioplan import tabel_html as regioplan_html
from leidraadsite.inhoud.transcripties import herstellingen_html, laad_transcripties

ROOT = Path(__file__).resolve().parent.parent

PYTHON = Tabel(
    "Proef",
    ["Rij", Html('Knelpunt <abbr title="x">AD</abbr>'), "Totaal uren"],
    [["1", "Van 01-07-2011 tot en met 14-12-2012", "12"]],
    voet=[["Totaal", "", "42"]],
    rechts=frozenset({0, 2}),
)
MARKDOWN = """Voor 01-01-2020 geen span.

| Rij | Knelpunt <abbr title="x">AD</abbr> | Totaal uren |
|--:|---|--:|
| 1 | Van 01-07-2011 tot en met 14-12-2012 | 12 |
"""


def markdown(tekst: str) -> str:
    return Markdown(extensions=["tables", "md_in_html", "leidraadsite.weergave.tabellen"]).convert(tekst)


def maak(soort: str) -> str:
    return tabel_html(PYTHON) if soort == "python" else markdown(MARKDOWN)


def _soep(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _tabel(koppen: list[str], rij: list[str]) -> Tabel:
    return Tabel("Proef", koppen, [rij])


def _markdowntabel(koppen: list[str], rij: list[str]) -> str:
    return markdown("| " + " | ".join(koppen) + " |\n|" + "---|" * len(koppen) + "\n| " + " | ".join(rij) + " |\n")


@pytest.mark.parametrize("soort", ["python", "markdown"])
def test_elke_datacel_krijgt_de_naam_van_haar_kolom(soort):
    soep = _soep(maak(soort))
    assert [td["data-label"] for td in soep.select("tbody td")] == ["Rij", "Knelpunt AD", "Totaal uren"]
    assert soep.select_one("tbody td")["class" if soort == "python" else "style"], "bestaande kenmerken blijven"


def test_na_een_colspan_telt_de_kolom_door():
    soep = _soep(tabel_html(PYTHON))
    assert soep.select_one("tfoot th")["colspan"] == "2"  # de kop van de totaalrij beslaat twee kolommen
    assert soep.select_one("tfoot td")["data-label"] == "Totaal uren"
    assert not soep.select_one("tfoot th").has_attr("data-label")


@pytest.mark.parametrize("soort", ["python", "markdown"])
def test_de_tabel_houdt_zijn_betekenis_voor_een_schermlezer(soort):
    soep = _soep(maak(soort))
    assert soep.table["role"] == "table" and soep.table.has_attr("data-blokken")
    assert not soep.table.has_attr("class"), "een klasse zou de opmaak van Material uitzetten (table:not([class]))"
    assert {t["role"] for t in soep.select("thead, tbody, tfoot")} == {"rowgroup"}
    assert {t["role"] for t in soep.select("tr")} == {"row"}
    assert {t["role"] for t in soep.select("thead th")} == {"columnheader"}
    assert {t["role"] for t in soep.select("td")} == {"cell"}
    if soort == "python":
        assert soep.select_one("tfoot th")["role"] == "rowheader"


@pytest.mark.parametrize("soort", ["python", "markdown"])
def test_datums_in_cellen_breken_niet_af_en_de_tekst_blijft_gelijk(soort):
    soep = _soep(maak(soort))
    assert [s.get_text() for s in soep.select("td .tabel-heel")] == ["01-07-2011", "14-12-2012"]
    assert not soep.select("p .tabel-heel"), "alleen in tabellen"
    assert "Van 01-07-2011 tot en met 14-12-2012" in soep.get_text()


@pytest.mark.parametrize("maker", [lambda k, r: tabel_html(_tabel(k, r)), _markdowntabel])
def test_een_schuine_streep_tussen_twee_woorden_mag_afbreken(maker):
    soep = _soep(maker(["a", "b"], ["HRM/Personeelsbeleid", "1/2 en a / b"]))
    eerste, tweede = soep.select("td")
    assert [str(x) for x in eerste.contents] == ["HRM/", "<wbr/>", "Personeelsbeleid"]
    assert tweede.get_text() == "1/2 en a / b" and not tweede.select("wbr"), "alleen tussen twee letters"


@pytest.mark.parametrize("maker", [lambda k, r: tabel_html(_tabel(k, r)), _markdowntabel])
def test_een_kolom_geen_blokken_twee_kolommen_wel(maker):
    een = _soep(maker(["A"], ["x"]))
    assert not een.table.attrs and not een.td.attrs and not een.tr.attrs
    twee = _soep(maker(["A", "B"], ["x", "y"]))
    assert twee.table.has_attr("data-blokken")
    assert markdown("geen tabel") == "<p>geen tabel</p>"


@pytest.mark.parametrize("maker", [lambda k, r: tabel_html(_tabel(k, r)), _markdowntabel])
def test_vanaf_zeven_kolommen_een_kleinere_letter_op_papier(maker):
    zes = _soep(maker([f"k{i}" for i in range(6)], ["x"] * 6))
    zeven = _soep(maker([f"k{i}" for i in range(7)], ["x"] * 7))
    assert zes.table.has_attr("data-blokken") and not zes.table.has_attr("data-veel-kolommen")
    assert zeven.table.has_attr("data-veel-kolommen")


@pytest.mark.parametrize("maker", [lambda k, r: tabel_html(_tabel(k, r)), _markdowntabel])
def test_een_label_is_hoogstens_tachtig_tekens(maker):
    assert LABEL_MAX == 80
    for lengte, verwacht in ((79, 79), (80, 80), (81, 80)):
        kop = "k" * lengte
        assert len(_soep(maker([kop, "b"], ["x", "y"])).td["data-label"]) == verwacht


def test_tekst_in_een_kop_blijft_tekst_in_het_label():
    uit = tabel_html(_tabel(['<script>"x"</script> & co', "b"], ["x", "y"]))
    assert "<script>" not in uit
    assert _soep(uit).td["data-label"] == '<script>"x"</script> & co'


def test_markdown_kop_met_html_entiteit_en_code_geeft_de_tekst_als_label():
    soep = _soep(markdown("| A &amp; B | <span>C</span>  D | `x<y` |\n|---|---|---|\n| 1 | 2 | 3 |\n"))
    assert [td["data-label"] for td in soep.select("td")] == ["A & B", "C D", "x<y"]


def test_de_protocoltabel_van_het_pakket_heeft_haar_labels_zonder_extensie():
    soep = _soep(protocollen_html(laad_regels()))
    koppen = [th.get_text() for th in soep.select("thead th")]
    for rij in soep.select("tbody tr"):
        assert [td["data-label"] for td in rij.select("td")] == koppen
    assert not soep.table.has_attr("data-veel-kolommen"), f"{len(koppen)} kolommen is nog geen kleine letter op papier"


def test_regioplan_en_herstellingen_hebben_hun_labels_zonder_extensie():
    regioplan = laad_regioplan()
    tabel = next(iter(regioplan.tabellen.values()))
    soep = _soep(regioplan_html(tabel, regioplan.onderzoek))
    assert soep.table["id"] == tabel.anker and soep.table["role"] == "table"
    koppen = [" ".join(th.get_text().split()) for th in soep.select("thead th")]
    for rij in soep.select("tbody tr"):
        assert [td["data-label"] for td in rij.select("td")] == koppen[1:len(rij.select("td")) + 1]
        if "regioplan-blok" in (rij.get("class") or []):
            assert rij.th["role"] == "columnheader"  # scope="colgroup"
    herstel = _soep(herstellingen_html(laad_transcripties()))
    assert {td["data-label"] for td in herstel.select("td")} == {"Soort", "In de bron", "Op de site", "Reden"}


def test_een_pagina_wordt_niet_nog_eens_als_html_gelezen(monkeypatch):
    """Met alle Markdown-extensies van mkdocs.yml: geen HTMLParser over de HTML van de pagina (dat was de duurste
    stap bij veel casussen), en toch labels in de Markdown-tabel en in de tabel uit een macro."""
    config = lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    namen, instellingen = [], {}
    for ext in config["markdown_extensions"]:
        naam = ext if isinstance(ext, str) else next(iter(ext))
        if naam == "leidraadsite.weergave.statusblok":  # wil de voorkant van een echte pagina
            continue
        namen.append(naam)
        if isinstance(ext, dict):
            instellingen[naam] = ext[naam] or {}
    assert "leidraadsite.weergave.tabellen" in namen

    def verboden(self, data):
        raise AssertionError("de pagina wordt opnieuw als HTML gelezen")

    monkeypatch.setattr(html.parser.HTMLParser, "feed", verboden)
    tekst = MARKDOWN + "\n" + merkteken(protocollen_html(laad_regels())) + "\n"
    uit = Markdown(extensions=namen, extension_configs=instellingen).convert(tekst)
    monkeypatch.undo()  # BeautifulSoup hieronder gebruikt HTMLParser wel
    soep = _soep(uit)
    tabellen = soep.select("table")
    assert len(tabellen) == 2 and all(t["role"] == "table" for t in tabellen)
    assert all(td.has_attr("data-label") for td in soep.select("td"))


def test_elke_tabel_van_de_gebouwde_site_heeft_labels_en_rollen(site: Path):
    """Ook HTML die als blok in een pagina staat (die ziet de extensie niet): elke tabel van twee of meer kolommen
    heeft haar rollen, en elke datacel die niet de hele breedte beslaat de naam van haar kolom."""
    gezien = 0
    for pad in sorted(site.rglob("*.html")):
        if "<table" not in (tekst := pad.read_text(encoding="utf-8")):
            continue
        for tabel in _soep(tekst).select("table"):
            if tabel.find_parent("td") or "highlighttable" in (tabel.get("class") or []):
                continue
            koprijen = tabel.select("thead tr")
            breedte = sum(int(c.get("colspan", 1)) for c in koprijen[-1].select("th, td")) if koprijen else 0
            if breedte < 2:
                continue
            gezien += 1
            waar = f"{pad.relative_to(site)}: {tabel.caption.get_text() if tabel.caption else tabel.get('id')}"
            assert tabel.get("role") == "table" and tabel.has_attr("data-blokken"), waar
            for td in tabel.select("td"):
                if td.find_parent("table") is tabel and int(td.get("colspan", 1)) < breedte:
                    assert td.get("role") == "cell" and td.get("data-label"), f"{waar}: {td}"
    assert gezien >= 100, f"maar {gezien} tabellen gezien"


# --- Kolommen.cellen op zijn grenzen (rol en label per cel), uitgeschreven verwacht ------------------------------

_A, _B, _C = ' role="cell" data-label="A"', ' role="cell" data-label="B"', ' role="cell" data-label="C"'


@pytest.mark.parametrize(("cellen", "deel", "verwacht"), [
    # gewone rij: elke datacel de naam van haar kolom
    ([("x", False, ()), ("y", False, ()), ("z", False, ())], "tbody",
     [f"<td{_A}>x</td>", f"<td{_B}>y</td>", f"<td{_C}>z</td>"]),
    # colspan 2 (onder het aantal kolommen): de naam van de eerste kolom; de volgende cel telt door naar C
    ([("x", False, (("colspan", "2"),)), ("z", False, ())], "tbody",
     [f'<td colspan="2"{_A}>x</td>', f"<td{_C}>z</td>"]),
    # colspan 3 (precies alle kolommen) en colspan 4 (meer): geen kolomnaam, alleen de rol
    ([("x", False, (("colspan", "3"),))], "tbody", ['<td colspan="3" role="cell">x</td>']),
    ([("x", False, (("colspan", "4"),))], "tbody", ['<td colspan="4" role="cell">x</td>']),
    # een vierde cel in een tabel met drie kolommen: rol zonder naam (en geen fout)
    ([("w", False, ()), ("x", False, ()), ("y", False, ()), ("z", False, ())], "tbody",
     [f"<td{_A}>w</td>", f"<td{_B}>x</td>", f"<td{_C}>y</td>", '<td role="cell">z</td>']),
    # colspan 1 of een colspan die geen getal is: de cel telt als één kolom
    ([("x", False, (("colspan", "1"),)), ("y", False, ())], "tbody", [f'<td colspan="1"{_A}>x</td>', f"<td{_B}>y</td>"]),
    ([("x", False, (("colspan", "twee"),)), ("y", False, ())], "tbody",
     [f'<td colspan="twee"{_A}>x</td>', f"<td{_B}>y</td>"]),
    # koppen: in thead of met scope col/colgroup een kolomkop, anders een rijkop
    ([("k", True, ())], "thead", ['<th role="columnheader">k</th>']),
    ([("k", True, (("scope", "col"),))], "tbody", ['<th scope="col" role="columnheader">k</th>']),
    ([("k", True, (("scope", "colgroup"),))], "tfoot", ['<th scope="colgroup" role="columnheader">k</th>']),
    ([("k", True, ()), ("y", False, ())], "tbody", ['<th role="rowheader">k</th>', f"<td{_B}>y</td>"]),
    ([("k", True, (("scope", "row"),))], "tfoot", ['<th scope="row" role="rowheader">k</th>']),
])
def test_kolommen_geven_elke_cel_haar_rol_en_kolomnaam(cellen, deel, verwacht):
    from jobcoach.html import HtmlCel, Kolommen

    kolommen = Kolommen([HtmlCel("A", True), HtmlCel("B", True), HtmlCel("C", True)])
    assert kolommen.cellen([HtmlCel(t, k, kenm) for t, k, kenm in cellen], deel) == verwacht


@pytest.mark.parametrize(("koppen", "blokken"), [(["A"], False), (["A", "B"], True)])
def test_kolommen_onder_de_grens_geen_rollen(koppen, blokken):
    """Eén kolom: geen blokken op een telefoon, dus geen rollen en geen labels; twee kolommen wel (MIN_KOLOMMEN)."""
    from jobcoach.html import HtmlCel, Kolommen

    kolommen = Kolommen([HtmlCel(k, True) for k in koppen])
    assert kolommen.cellen([HtmlCel("x")]) == (['<td role="cell" data-label="A">x</td>'] if blokken else ["<td>x</td>"])
    assert kolommen.groep("tbody") == ('<tbody role="rowgroup">' if blokken else "<tbody>")


def test_kolom_zonder_naam_geeft_geen_leeg_label_en_een_kolom_geen_rijrol():
    from jobcoach.html import HtmlCel, Kolommen

    zonder_naam = Kolommen([HtmlCel("", True), HtmlCel("B", True)])
    assert zonder_naam.cellen([HtmlCel("x"), HtmlCel("y")]) == ['<td role="cell">x</td>', '<td role="cell" data-label="B">y</td>']
    assert Kolommen([HtmlCel("A", True)]).rij([HtmlCel("x")]) == "<tr><td>x</td></tr>"
    assert Kolommen([HtmlCel("A", True), HtmlCel("B", True)]).rij([HtmlCel("x")]) == \
        '<tr role="row"><td role="cell" data-label="A">x</td></tr>'


def test_tabel_met_rijkoppen_en_tabel_met_een_kolom_precies():
    """De hele HTML van een tabel met een kop per rij (onderdeel → uitkomst) en van een tabel met één kolom (geen
    blokken, dus geen rollen), met de hand uitgeschreven."""
    rijkoppen = Tabel("B", ["Onderdeel", "Uitkomst"], [["Uren", "12"]], rechts=frozenset({1}), rijkoppen=True)
    assert tabel_html(rijkoppen) == "\n".join([
        '<table data-blokken="" role="table">',
        "<caption>B</caption>",
        '<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">Onderdeel</th>'
        '<th scope="col" role="columnheader">Uitkomst</th></tr></thead><tbody role="rowgroup">',
        '<tr role="row"><th scope="row" role="rowheader">Uren</th><td role="cell" data-label="Uitkomst">12</td></tr>',
        "</tbody>",
        "</table>",
    ])
    een_kolom = Tabel("B", ["A"], [["x"]])
    assert tabel_html(een_kolom) == "\n".join([
        "<table>", "<caption>B</caption>", "<thead><tr>", '<th scope="col">A</th>', "</tr></thead><tbody>",
        "<tr><td>x</td></tr>", "</tbody>", "</table>",
    ])
