"""De tabellen-hook (src/leidraadsite/weergave/tabellen.py): kolomnamen bij elke cel, rollen, datums heel."""

from __future__ import annotations

from bs4 import BeautifulSoup

from jobcoach import laad_regels
from jobcoach.html import protocollen_html
from leidraadsite.weergave.tabellen import markeer_tabellen

TABEL = """<p>Voor 01-01-2020 geen span.</p>
<table>
<caption>Proef</caption>
<thead><tr><th scope="col">Rij</th><th scope="col">Knelpunt <abbr title="x">AD</abbr></th><th scope="col" class="getal">Totaal uren</th></tr></thead>
<tbody>
<tr><td class="getal">1</td><td>Van 01-07-2011 tot en met 14-12-2012</td><td class="getal">12</td></tr>
</tbody>
<tfoot><tr><th scope="row" colspan="2">Totaal</th><td class="getal">42</td></tr></tfoot>
</table>"""


def _soep(html: str) -> BeautifulSoup:
    return BeautifulSoup(markeer_tabellen(html), "html.parser")


def test_elke_datacel_krijgt_de_naam_van_haar_kolom_ook_na_een_colspan():
    soep = _soep(TABEL)
    assert [td["data-label"] for td in soep.select("tbody td")] == ["Rij", "Knelpunt AD", "Totaal uren"]
    assert soep.select_one("tfoot td")["data-label"] == "Totaal uren"  # de kop van de totaalrij beslaat twee kolommen
    assert not soep.select_one("tfoot th").has_attr("data-label")
    assert soep.select_one("td")["class"] == ["getal"], "bestaande kenmerken blijven"


def test_de_tabel_houdt_zijn_betekenis_voor_een_schermlezer():
    soep = _soep(TABEL)
    assert soep.table["role"] == "table" and soep.table.has_attr("data-blokken")
    assert not soep.table.has_attr("class"), "een klasse zou de opmaak van Material uitzetten (table:not([class]))"
    assert {t["role"] for t in soep.select("thead, tbody, tfoot")} == {"rowgroup"}
    assert {t["role"] for t in soep.select("tr")} == {"row"}
    assert {t["role"] for t in soep.select("thead th")} == {"columnheader"}
    assert soep.select_one("tfoot th")["role"] == "rowheader"
    assert {t["role"] for t in soep.select("td")} == {"cell"}


def test_datums_in_cellen_breken_niet_af_en_de_tekst_blijft_gelijk():
    soep = _soep(TABEL)
    assert [s.get_text() for s in soep.select("td .tabel-heel")] == ["01-07-2011", "14-12-2012"]
    assert not soep.select("p .tabel-heel"), "alleen in tabellen"
    schuin = str(_soep("<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>HRM/Personeelsbeleid</td>"
                       "<td>1/2 en a / b</td></tr></tbody></table>"))
    assert "HRM/<wbr/>Personeelsbeleid" in schuin or "HRM/<wbr>Personeelsbeleid" in schuin
    assert "1/2 en a / b" in schuin, "alleen een schuine streep tussen twee letters"
    assert soep.get_text() == BeautifulSoup(TABEL, "html.parser").get_text()


def test_tabel_van_een_kolom_en_pagina_zonder_tabel_blijven_zoals_ze_zijn():
    een = "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>"
    assert markeer_tabellen(een) == een
    assert markeer_tabellen("<p>geen tabel</p>") == "<p>geen tabel</p>"


def test_veel_kolommen_en_de_protocoltabel_van_het_pakket():
    html = protocollen_html(laad_regels())
    soep = _soep(html)
    koppen = [th.get_text() for th in soep.select("thead th")]
    for rij in soep.select("tbody tr"):
        assert [td["data-label"] for td in rij.select("td")] == koppen
    assert not soep.table.has_attr("data-veel-kolommen"), f"{len(koppen)} kolommen is nog geen kleine letter op papier"
    zeven = "<table><thead><tr>" + "<th>k</th>" * 7 + "</tr></thead><tbody><tr>" + "<td>x</td>" * 7 + "</tr></tbody></table>"
    assert _soep(zeven).table.has_attr("data-veel-kolommen")
