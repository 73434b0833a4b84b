"""De rekenhulp in dagelijks gebruik (issue 16 en 13): stil tot u iets invult, Nederlandse getallen en datums,
bevindingen over wat niet aannemelijk is, en een uitkomst om mee te sturen (Word en afdrukken).

De verwachte getallen komen uit de casus (42 uur, 1,75 uur per week, 4,37%) of zijn met de hand uitgerekend
in de test; datums en grenzen komen uit regels.yml en staan bij de test.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import docx
from playwright.sync_api import Page, expect

from jobcoach.teksten import TEKSTEN
from leidraadsite.config import lees_editie

from rekenhulp_gevallen import ROOT, SEED_CASUS

MELDINGEN = [t.split("{")[0].strip(" (;:") for t in TEKSTEN.meldingen.values()]
MELDINGEN = [t for t in MELDINGEN if len(t) > 8]  # de vaste stukken van elke foutmelding


def _fouten(pagina: Page) -> list[str]:
    fouten: list[str] = []
    pagina.on("pageerror", lambda fout: fouten.append(str(fout)))
    pagina.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    return fouten


def _open_seed(pagina: Page, server: str) -> None:
    pagina.goto(f"{server}/rekenhulp/")
    pagina.set_input_files("#rh-openen", str(SEED_CASUS))
    expect(pagina.locator(".rh-status")).to_contain_text("42 uur")


def _vul(pagina: Page, selector: str, tekst: str) -> None:
    """Een veld leegmaken, invullen en verlaten (zoals een gebruiker met Tab)."""
    pagina.locator(selector).fill(tekst)
    pagina.locator(selector).press("Tab")


def _bevindingen(pagina: Page) -> str:
    return pagina.locator("#rh-uitkomst .admonition").inner_text()


def test_geen_melding_voor_u_iets_invult_en_een_samenvatting_bij_bereken(pagina, server):
    fouten = _fouten(pagina)
    pagina.goto(f"{server}/rekenhulp/")
    invoer = pagina.locator("#rekenhulp-invoer")
    expect(invoer.locator("form")).to_be_visible()

    def geen_meldingen() -> None:
        assert pagina.locator("[aria-invalid=true]").count() == 0
        assert pagina.locator(".rh-melding:visible, .rh-foutsamenvatting:visible").count() == 0
        tekst = invoer.inner_text()
        assert not [m for m in MELDINGEN if m in tekst], [m for m in MELDINGEN if m in tekst]

    geen_meldingen()
    # Met Tab langs de velden zonder iets in te vullen: nog steeds stil.
    pagina.locator("#rh-titel").focus()
    for _ in range(25):
        pagina.keyboard.press("Tab")
    geen_meldingen()

    # Bereken: alle meldingen, en bovenaan een samenvatting met links naar de velden (GOV.UK-patroon).
    pagina.get_by_role("button", name="Bereken").click()
    samenvatting = pagina.locator("#rh-foutsamenvatting")
    expect(samenvatting).to_be_visible()
    assert pagina.evaluate("document.activeElement.id") == "rh-foutsamenvatting", "de focus staat niet op de samenvatting"
    assert samenvatting.get_attribute("role") == "alert"
    links = samenvatting.locator("a")
    # Verplicht in een leeg formulier: titel, protocol, contracturen, regime, en aard en knelpunt van rij 1. ('Door wie?'
    # mag leeg, zoals in het schema van de casus. De duur volgt zodra de contracturen er staan: het model controleert
    # 'maanden of weken' pas als de velden kloppen.)
    assert links.count() == 6, links.all_inner_texts()
    for link in links.all():
        doel = link.get_attribute("href")
        assert pagina.locator(doel).count() == 1 and pagina.get_attribute(doel, "aria-invalid") == "true", doel
    link = samenvatting.get_by_role("link", name=re.compile("^Contracturen per week: "))
    expect(link).to_have_text(f"Contracturen per week: {TEKSTEN.meldingen['ontbreekt']}")
    link.click()
    assert pagina.evaluate("document.activeElement.id") == "rh-contract-uren_per_week"
    assert not fouten, fouten


def test_nederlandse_getallen_en_datums(pagina, server):
    fouten = _fouten(pagina)
    _open_seed(pagina, server)
    status = pagina.locator(".rh-status")
    # De seed-casus heeft 36 uur in het schema en 6 vaste uren; met 1.000,5 vaste uren: 36 + 1000,5 = 1036,5.
    _vul(pagina, "#rh-extra-1-uren", "1.000,5")
    expect(status).to_contain_text("Begeleidingsuren voor deze periode: 1.036,5 uur")
    _vul(pagina, "#rh-extra-1-uren", "6")
    expect(status).to_contain_text("42 uur")

    for onzin in ("1e3", "1:30", "0x10"):
        _vul(pagina, "#rh-schema-1-uren", onzin)
        expect(pagina.locator("#rh-schema-1-uren-melding")).to_have_text(TEKSTEN.meldingen["getal-formulier"])
        expect(status).not_to_contain_text("%")
    _vul(pagina, "#rh-schema-1-uren", "0,5")
    expect(status).to_contain_text("4,37%")

    # Een datum typt u als dd-mm-jjjj; in de bevinding staat hij ook zo (protocol-2011: 01-07-2011 t/m 14-12-2012).
    _vul(pagina, "#rh-datum", "1-1-2015")
    tekst = _bevindingen(pagina)
    assert "De datum van de casus (01-01-2015) valt buiten de geldigheid van" in tekst, tekst
    assert "van 01-07-2011 tot en met 14-12-2012." in tekst, tekst
    assert not re.search(r"\d{4}-\d\d-\d\d|\(\(|\)\)|\) \(", tekst), tekst
    _vul(pagina, "#rh-datum", "31-02-2015")
    expect(pagina.locator("#rh-datum-melding")).to_have_text(TEKSTEN.meldingen["datum-formulier"])
    _vul(pagina, "#rh-datum", "08-11-2011")
    expect(status).to_contain_text("4,37%")
    assert "valt buiten" not in _bevindingen(pagina)
    assert not fouten, fouten


def test_bevindingen_over_wat_niet_aannemelijk_is(pagina, server):
    fouten = _fouten(pagina)
    _open_seed(pagina, server)
    status = pagina.locator(".rh-status")
    # 1e20 uur per keer: geen 300 cijfers of 0,00%, maar een melding met de grens van het model.
    _vul(pagina, "#rh-schema-1-uren", "100000000000000000000")
    melding = pagina.locator("#rh-schema-1-uren-melding")
    expect(melding).to_contain_text("mag niet meer dan 40 zijn")
    expect(melding).to_contain_text("werkweek")
    expect(status).not_to_contain_text("%")
    assert "00000" not in pagina.locator("#rekenhulp-invoer").inner_text().replace("100000000000000000000", "")
    _vul(pagina, "#rh-schema-1-uren", "0,5")

    # 1 uur per week × 24 weken = 24 contracturen, en 42 begeleidingsuren: meer begeleiding dan werk (175%).
    _vul(pagina, "#rh-contract-uren_per_week", "1")
    expect(status).to_contain_text("175,00%")
    assert "De begeleidingsuren (42 uur) zijn meer dan de contracturen (24 uur)." in _bevindingen(pagina)
    # 70 uur per week: meer dan de 60 uur uit regels.yml (Arbeidstijdenwet).
    _vul(pagina, "#rh-contract-uren_per_week", "70")
    assert "Het contract heeft 70 uur per week. Dat is meer dan 60 uur" in _bevindingen(pagina)
    _vul(pagina, "#rh-contract-uren_per_week", "40")
    # 48 maanden = 192 weken: langer dan de 3 jaar van protocol-2011 (144 weken), en niet de periode van 6 maanden.
    _vul(pagina, "#rh-contract-duur", "48")
    tekst = _bevindingen(pagina)
    assert "Het contract duurt 192 weken." in tekst and "hoogstens 3 jaar (144 weken" in tekst, tekst
    assert "De berekening loopt over 192 weken." in tekst and "perioden van 6 maanden (24 weken)" in tekst, tekst
    _vul(pagina, "#rh-contract-duur", "6")
    expect(pagina.locator("#rh-uitkomst .admonition")).not_to_contain_text("weken")
    assert not fouten, fouten


def test_protocolkeuze_zegt_welke_waarden_bekend_zijn(pagina, server):
    pagina.goto(f"{server}/rekenhulp/")
    opties = pagina.locator("#rh-protocol option").all_inner_texts()
    # In regels.yml heeft protocol-2012 geen waarden, protocol-2011 wel (normaal hoogstens 10%).
    assert any(o.startswith("Protocol Jobcoach 2012") and "(geen waarden bekend)" in o for o in opties), opties
    assert any(o.startswith("Beleidsregels Protocol Jobcoach (wijziging 1 juli 2011)") and "geen waarden" not in o for o in opties)
    pagina.select_option("#rh-protocol", "protocol-2012")
    expect(pagina.locator("#rh-protocol-hint")).to_have_text(TEKSTEN.rekenhulp["protocol_onbekend"])
    pagina.select_option("#rh-protocol", "protocol-2011")
    expect(pagina.locator("#rh-protocol-hint")).to_contain_text("eerste periode normaal hoogstens 10%")
    assert pagina.evaluate("document.activeElement.id") == "rh-protocol"


def _tekst_van_word(pad: Path) -> tuple[str, list[str]]:
    """Alle tekst van word/document.xml (alinea voor alinea) en de namen van de delen in het zip-bestand."""
    with zipfile.ZipFile(pad) as z:
        assert z.testzip() is None
        xml = z.read("word/document.xml").decode("utf-8")
        namen = z.namelist()
    alineas = [re.sub(r"<[^>]+>", "", a) for a in re.findall(r"<w:p>.*?</w:p>", xml)]
    return "\n".join(alineas), namen


def test_word_bestand_van_de_seed_casus(pagina, server, tmp_path):
    fouten = _fouten(pagina)
    pagina.clock.set_fixed_time(dt.datetime(2027, 12, 15, 10, 0))
    _open_seed(pagina, server)
    with pagina.expect_download() as download:
        pagina.get_by_role("button", name="Word-bestand maken").click()
    bestand = tmp_path / download.value.suggested_filename
    download.value.save_as(bestand)
    assert bestand.name == "urenonderbouwing-vaststellen-begeleidingsbehoefte-en-regime-jobcoaching.docx", bestand.name
    tekst, namen = _tekst_van_word(bestand)
    assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} <= set(namen), namen
    # De getallen van de casus: 42 uur, 1,75 uur per week, 4,37% (als historisch percentage).
    assert "42 uur" in tekst and "1,75 uur" in tekst and "4,37%" in tekst, tekst
    uitgave = lees_editie(ROOT / "mkdocs.yml")
    assert "Urenonderbouwing: Vaststellen begeleidingsbehoefte en regime jobcoaching" in tekst
    assert f"Gemaakt op 15-12-2027 met de rekenhulp van {uitgave.site_naam}, editie {uitgave.editie}." in tekst, tekst
    assert "Beleidsregels Protocol Jobcoach (wijziging 1 juli 2011)" in tekst  # protocol-2011 in regels.yml
    assert "Historisch" in tekst and "Aansturingsbehoefte" in tekst and "Totaal begeleidingsuren" in tekst
    assert TEKSTEN.bevindingen["titel"] in tekst
    # Een echt Word-bestand: python-docx leest het, met de tabellen van de pagina en koppen met een stijl.
    document = docx.Document(str(bestand))
    assert len(document.tables) == 5, len(document.tables)  # uren voor deze periode, schema, per rij, per doel, samenvatting
    kop = document.tables[2].rows[0].cells
    assert [c.text for c in kop][-1] == "Totaal uren"
    assert document.tables[2].rows[-1].cells[-1].text == "42"
    assert {p.style.name for p in document.paragraphs} >= {"Title", "Heading 2", "Caption"}
    # Niets verstuurd: alle verzoeken gingen naar de eigen server.
    assert {urlparse(u).netloc for u in pagina.verzoeken if u.startswith("http")} == {urlparse(server).netloc}
    assert not fouten, fouten


def test_printweergave_toont_eerst_de_uitkomst_zonder_formulier(pagina, server):
    _open_seed(pagina, server)
    pagina.emulate_media(media="print")
    for weg in ("article h1", "form.rh-formulier", ".rh-knoppen", ".rh-status", "article > .admonition"):
        assert pagina.locator(weg).first.is_hidden(), f"{weg} staat op papier"
    eerste = pagina.evaluate("""() => [...document.querySelectorAll('article *')]
        .find(el => el.offsetParent !== null && el.textContent.trim() && !el.children.length).textContent.trim()""")
    assert eerste == "Urenonderbouwing: Vaststellen begeleidingsbehoefte en regime jobcoaching", eerste
    tekst = pagina.locator("#rh-uitkomst").inner_text()
    assert "42 uur" in tekst and "4,37%" in tekst and "Historisch" in tekst, tekst
    pagina.emulate_media(media="screen")
    expect(pagina.locator("form.rh-formulier")).to_be_visible()
