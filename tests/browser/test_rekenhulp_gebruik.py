"""De rekenhulp in dagelijks gebruik (issue 16 en 13): stil tot u iets invult, Nederlandse getallen en datums,
bevindingen over wat niet aannemelijk is, en een uitkomst om mee te sturen (Word en afdrukken).

De verwachte getallen komen uit de casus (42 uur, 1,75 uur per week, 4,37%) of zijn met de hand uitgerekend
in de test; datums en grenzen komen uit regels.yml en staan bij de test.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import docx
from playwright.sync_api import Page, expect

from jobcoach.teksten import TEKSTEN
from leidraadsite.inhoud.config import lees_editie

from rekenhulp_gevallen import ROOT, SEED_CASUS

MELDINGEN = [t.split("{")[0].strip(" (;:") for t in TEKSTEN.meldingen.values()]
MELDINGEN = [t for t in MELDINGEN if len(t) > 8 and " " in t]  # de vaste stukken van elke foutmelding (geen los woord)


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


def _niet_bedekt(pagina: Page, selector: str) -> None:
    """Het element staat helemaal onder de vaste kopbalk en niet onder de knop 'Terug naar boven' (als die er is)."""
    vlakken = pagina.evaluate("""s => {
        const r = (el) => { if (!el) return null; const b = el.getBoundingClientRect(); const st = getComputedStyle(el);
          return st.display === 'none' || st.visibility === 'hidden' || st.opacity === '0' || b.height === 0 ? null
            : {top: b.top, bottom: b.bottom, left: b.left, right: b.right}; };
        return {doel: r(document.querySelector(s)), kop: r(document.querySelector('.md-header')),
                boven: r(document.querySelector('.md-top:not([hidden])')), hoogte: innerHeight};
    }""", selector)
    doel, kop, boven = vlakken["doel"], vlakken["kop"], vlakken["boven"]
    assert doel and doel["top"] >= kop["bottom"] and doel["top"] < vlakken["hoogte"], vlakken
    if boven:  # de knop en de samenvatting overlappen niet
        assert boven["bottom"] <= doel["top"] or boven["right"] <= doel["left"] or boven["left"] >= doel["right"], vlakken


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

    # Bereken (onderaan het formulier): bovenaan een samenvatting (GOV.UK-patroon) in de volgorde van het formulier,
    # met wat u moet doen. Verplicht in een leeg formulier van nu: titel, contracturen en een rij van het schema (de
    # lege rij telt niet mee). Geen protocol en geen regime: die horen bij de geschiedenis.
    pagina.get_by_role("button", name="Bereken").click()
    samenvatting = pagina.locator("#rh-foutsamenvatting")
    expect(samenvatting).to_be_visible()
    assert pagina.evaluate("document.activeElement.id") == "rh-foutsamenvatting", "de focus staat niet op de samenvatting"
    assert samenvatting.get_attribute("role") == "alert"
    leeg = TEKSTEN.formulier["leeg"]
    assert samenvatting.locator("a").all_inner_texts() == [leeg["titel"], leeg["contract.uren_per_week"], leeg["schema"]]
    assert leeg["contract.uren_per_week"] == "Vul de contracturen per week in"
    _niet_bedekt(pagina, "#rh-foutsamenvatting")
    for link in samenvatting.locator("a").all()[:2]:
        doel = link.get_attribute("href")
        assert pagina.locator(doel).count() == 1 and pagina.get_attribute(doel, "aria-invalid") == "true", doel
    expect(pagina.locator("#rh-contract-uren_per_week-melding")).to_have_text(leeg["contract.uren_per_week"])
    samenvatting.get_by_role("link", name=leeg["contract.uren_per_week"]).click()
    assert pagina.evaluate("document.activeElement.id") == "rh-contract-uren_per_week"
    _niet_bedekt(pagina, "#rh-contract-uren_per_week")
    assert not fouten, fouten


def test_samenvatting_op_een_telefoon_onder_de_kopbalk(telefoon, server):
    telefoon.goto(f"{server}/rekenhulp/")
    telefoon.get_by_role("button", name="Bereken").click()
    expect(telefoon.locator("#rh-foutsamenvatting")).to_be_visible()
    _niet_bedekt(telefoon, "#rh-foutsamenvatting")


def test_een_lege_rij_telt_niet_en_een_halve_rij_krijgt_een_melding_met_rijnummer(pagina, server):
    fouten = _fouten(pagina)
    pagina.goto(f"{server}/rekenhulp/")
    _vul(pagina, "#rh-titel", "Lege rijen")
    _vul(pagina, "#rh-contract-uren_per_week", "40")
    _vul(pagina, "#rh-contract-duur", "6")
    pagina.get_by_role("button", name="Rij toevoegen").click()  # rij 1 blijft leeg, rij 2 vullen we
    pagina.select_option("#rh-schema-2-aard", "persoonlijk")
    _vul(pagina, "#rh-schema-2-knelpunt", "Aansturing")
    pagina.select_option("#rh-schema-2-door", "jobcoach")
    _vul(pagina, "#rh-schema-2-uren", "1")
    pagina.select_option("#rh-schema-2-intensiteit", "wekelijks")
    pagina.get_by_role("button", name="Rij toevoegen").click()  # rij 3 leeg
    pagina.get_by_role("button", name="Bereken").click()
    # Rij 2 mist het doel: de melding staat bij rij 2 (niet bij rij 1, die leeg is en niet meetelt).
    samenvatting = pagina.locator("#rh-foutsamenvatting")
    doel = TEKSTEN.formulier["leeg"]["schema.doel"] + TEKSTEN.formulier["in_rij"].format(rij=2)
    assert samenvatting.locator("a").all_inner_texts() == [doel], samenvatting.inner_text()
    assert samenvatting.locator("a").get_attribute("href") == "#rh-schema-2-doel"
    pagina.select_option("#rh-schema-2-doel", "1")
    pagina.get_by_role("button", name="Bereken").click()
    # 1 uur per week × 24 weken = 24 uur; de lege rijen 1 en 3 tellen niet mee en geven geen melding.
    expect(pagina.locator(".rh-status")).to_contain_text("24 uur")
    assert pagina.locator("[aria-invalid=true]").count() == 0
    assert not fouten, fouten


def test_een_onzichtbaar_stuurteken_wordt_geweigerd_met_het_teken(pagina, server):
    """Tekst uit een PDF kan stuurtekens (U+000B) of tekens voor de schrijfrichting (U+202E) bevatten."""
    fouten = _fouten(pagina)
    _open_seed(pagina, server)
    for teken, code in (("\u000b", "U+000B"), ("\u0085", "U+0085"), ("\u202e", "U+202E"), ("\u2066", "U+2066")):
        pagina.locator("#rh-schema-1-knelpunt").fill(f"Aansturing{teken}sbehoefte")
        pagina.locator("#rh-schema-1-knelpunt").press("Tab")
        verwacht = TEKSTEN.formulier["stuurteken"].format(teken=code)
        expect(pagina.locator("#rh-schema-1-knelpunt-melding")).to_have_text(verwacht)
        expect(pagina.locator(".rh-status")).not_to_contain_text("42 uur")
    # Ook in een veld dat alleen in het Word-bestand komt; dan komt er geen Word-bestand.
    pagina.locator("#rh-schema-1-knelpunt").fill("Aansturingsbehoefte")
    pagina.locator("#rh-plan-werkgever").fill("Bakkerij\u000b De Korenschoof")
    pagina.get_by_role("button", name="Word-bestand maken").click()
    samenvatting = pagina.locator("#rh-foutsamenvatting")
    expect(samenvatting).to_contain_text("U+000B")
    # Tab en een nieuwe regel zijn gewone tekens.
    pagina.locator("#rh-plan-werkgever").fill("Bakkerij De Korenschoof")
    pagina.locator("#rh-schema-1-motivering").fill("Eerste\tpunt\nTweede punt")
    pagina.get_by_role("button", name="Bereken").click()
    expect(samenvatting).to_be_hidden()
    expect(pagina.locator(".rh-status")).to_contain_text("42 uur")
    # Wat XML 1.0 verbiedt, haalt de schrijver van het Word-bestand ook zelf weg (de tweede grendel).
    assert pagina.evaluate("async () => (await rekenhulp.laadWord()).xmlTekst('a\\u000bb\\u0000c\\ud800d\\uffffe<&')") == "abcde&lt;&amp;"
    assert not fouten, fouten


def test_een_word_bestand_openen_zegt_dat_het_een_word_bestand_is(pagina, server, tmp_path):
    pagina.goto(f"{server}/rekenhulp/")
    document = docx.Document()
    document.add_paragraph("Coachingsplan")
    for naam in ("plan.docx", "zonder-extensie"):  # ook aan de inhoud te zien (een .docx is een zip: PK)
        pad = tmp_path / naam
        document.save(str(pad))
        pagina.set_input_files("#rh-openen", str(pad))
        melding = pagina.locator(".rh-bestand")
        expect(melding).to_have_text(TEKSTEN.formulier["word_bestand"].format(bestand=naam))
        assert "dit is een Word-bestand" in melding.inner_text()


def test_nederlandse_getallen_en_datums(pagina, server):
    fouten = _fouten(pagina)
    _open_seed(pagina, server)
    status = pagina.locator(".rh-status")
    # De seed-casus heeft 36 uur in het schema en 6 vaste uren; met 1.000,5 vaste uren: 36 + 1000,5 = 1036,5.
    _vul(pagina, "#rh-extra-1-uren", "1.000,5")
    expect(status).to_contain_text("Begeleidingsuren voor deze aanvraag: 1.036,5 uur")
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
    assert "De begeleiding loopt tot en met week 192 vanaf het begin van periode 1." in tekst, tekst
    assert "hoogstens 3 jaar (144 weken" in tekst, tekst
    assert "De berekening loopt over 192 weken." in tekst and "perioden van 6 maanden (24 weken)" in tekst, tekst
    _vul(pagina, "#rh-contract-duur", "6")
    expect(pagina.locator("#rh-uitkomst .admonition")).not_to_contain_text("weken")
    assert not fouten, fouten


def test_protocolkeuze_zegt_welke_waarden_bekend_zijn(pagina, server):
    pagina.goto(f"{server}/rekenhulp/")
    # Een aanvraag van nu: geen protocol en geen regime in het formulier, tot u de geschiedenis aanvinkt.
    assert pagina.locator("#rh-protocol, #rh-aanvraag-regime, #rh-advies-regime").count() == 0
    pagina.locator("#rh-historie-aan").check()
    opties = pagina.locator("#rh-protocol option").all_inner_texts()
    # In regels.yml heeft protocol-2012 geen waarden, protocol-2011 wel (normaal hoogstens 10%).
    assert any(o.startswith("Protocol Jobcoach 2012") and "(geen waarden bekend)" in o for o in opties), opties
    assert any(o.startswith("Beleidsregels Protocol Jobcoach (wijziging 1 juli 2011)") and "geen waarden" not in o for o in opties)
    pagina.select_option("#rh-protocol", "protocol-2012")
    expect(pagina.locator("#rh-protocol-hint")).to_have_text(TEKSTEN.rekenhulp["protocol_onbekend"])
    pagina.select_option("#rh-protocol", "protocol-2011")
    expect(pagina.locator("#rh-protocol-hint")).to_contain_text("voor de meeste Wajongers volstaat 10%")
    assert pagina.evaluate("document.activeElement.id") == "rh-protocol"


def _tekst_van_word(pad: Path) -> tuple[str, list[str]]:
    """Alle tekst van word/document.xml (alinea voor alinea) en de namen van de delen in het zip-bestand."""
    with zipfile.ZipFile(pad) as z:
        assert z.testzip() is None
        xml = z.read("word/document.xml").decode("utf-8")
        namen = z.namelist()
    alineas = [re.sub(r"<[^>]+>", "", a) for a in re.findall(r"<w:p>.*?</w:p>", xml)]
    return "\n".join(alineas), namen


def _word_naar_pdf(docx_pad: Path, map_: Path) -> list[str]:
    """Het Word-bestand zoals een lezer het ziet: LibreOffice maakt er een PDF van; de tekst per bladzijde. De eerste
    bladzijde komt als PNG in artefacten/rekenhulp/ om naar te kijken."""
    import shutil
    import subprocess

    import pypdfium2

    soffice = os.environ.get("SOFFICE", "/usr/bin/soffice")
    assert Path(soffice).is_file(), f"LibreOffice ontbreekt ({soffice}); make test installeert het met tools/libreoffice.sh"
    uit = subprocess.run([soffice, f"-env:UserInstallation=file://{map_ / 'lo-profiel'}", "--headless", "--norestore",
                          "--convert-to", "pdf", "--outdir", str(map_), str(docx_pad)], capture_output=True, text=True, timeout=180)
    pdf = map_ / docx_pad.with_suffix(".pdf").name
    assert uit.returncode == 0 and pdf.is_file(), f"LibreOffice kon het Word-bestand niet openen: {uit.stdout} {uit.stderr}"
    artefacten = ROOT / "artefacten" / "rekenhulp"
    artefacten.mkdir(parents=True, exist_ok=True)
    shutil.copy2(pdf, artefacten / pdf.name)
    document = pypdfium2.PdfDocument(pdf)
    try:
        for i, blad in enumerate(document):
            blad.render(scale=1.5).to_pil().save(artefacten / f"{pdf.stem}-{i + 1}.png")
        return [blad.get_textpage().get_text_range() for blad in document]
    finally:
        document.close()


def _controleer_plan(bestand: Path, tmp_path: Path) -> tuple[str, "docx.document.Document", list[str]]:
    """Wat elk Word-bestand van de rekenhulp heeft: de delen, kop en voet met echte velden, kolommen naar hun inhoud,
    en in LibreOffice op elke bladzijde 'pagina x van y', zonder een woord dat midden in breekt."""
    uitgave = lees_editie(ROOT / "mkdocs.yml")
    tekst, namen = _tekst_van_word(bestand)
    assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/header1.xml",
            "word/footer1.xml"} <= set(namen), namen
    with zipfile.ZipFile(bestand) as z:
        voet = z.read("word/footer1.xml").decode("utf-8")
        for naam in z.namelist():  # elk deel is XML 1.0 zonder verboden tekens
            assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", z.read(naam).decode("utf-8")), naam
    assert "PAGE" in voet and "NUMPAGES" in voet and "fldChar" in voet, voet
    document = docx.Document(str(bestand))
    for tabel in document.tables:  # kolommen naar hun inhoud: niet allemaal even breed (behalve bij twee gelijke)
        breedtes = [int(k.get(docx.oxml.ns.qn("w:w"))) for k in tabel._tbl.tblGrid.findall(docx.oxml.ns.qn("w:gridCol"))]
        assert abs(sum(breedtes) - 9638) <= len(breedtes), breedtes  # samen de bladspiegel (17 cm)
        assert len(set(breedtes)) > 1, f"alle kolommen even breed: {breedtes} ({tabel.rows[0].cells[0].text})"
    bladen = _word_naar_pdf(bestand, tmp_path)
    kop = TEKSTEN.plan["kop"].format(site=uitgave.site_naam, titel=TEKSTEN.plan["titel"], editie=uitgave.editie)
    for i, blad in enumerate(bladen, start=1):
        plat = " ".join(blad.split())
        assert kop in plat, f"blad {i}: geen kop met de editie: {plat[:200]}"
        assert f"pagina {i} van {len(bladen)}" in plat, f"blad {i}: geen paginanummer: {plat[-160:]}"
    # Geen woord midden in gebroken: elk woord uit de tabellen staat heel in de tekst van de PDF (een woord dat over
    # twee regels breekt, staat er in twee stukken).
    pdf_woorden = {w.strip(".,:;()'\"•") for blad in bladen for w in blad.split()}
    woorden = {w.strip(".,:;()'\"•") for t in document.tables for r in t.rows for c in r.cells for w in c.text.split()}
    gebroken = sorted(w for w in woorden if len(w) >= 4 and w not in pdf_woorden)
    assert not gebroken, f"woorden die in de PDF niet heel staan: {gebroken}"
    return tekst, document, bladen


def test_word_bestand_van_de_seed_casus(pagina, server, tmp_path):
    fouten = _fouten(pagina)
    pagina.clock.set_fixed_time(dt.datetime(2027, 12, 15, 10, 0))
    _open_seed(pagina, server)
    pagina.fill("#rh-plan-referentie", "WN-2027-017")
    pagina.fill("#rh-plan-werkgever", "Bakkerij De Korenschoof")
    pagina.fill("#rh-plan-periode_van", "01-02-2027")
    pagina.fill("#rh-plan-periode_tot", "31-07-2027")
    with pagina.expect_download() as download:
        pagina.get_by_role("button", name="Word-bestand maken").click()
    bestand = tmp_path / download.value.suggested_filename
    download.value.save_as(bestand)
    assert bestand.name == "coachingsplan-vaststellen-begeleidingsbehoefte-en-regime-jobcoaching.docx", bestand.name
    tekst, document, _ = _controleer_plan(bestand, tmp_path)
    # Het sjabloon Coachingsplan ingevuld: gegevens (referentie, geen naam), uren per doel en periode, onderbouwing,
    # motivering, bevindingen, ondertekening; de casus van 2011 ook met het percentage als geschiedenis.
    for kop in ("titel", "gegevens", "uren_kop", "onderbouwing", "motivering", "ondertekening"):
        assert TEKSTEN.plan[kop] in tekst, kop
    for waarde in ("WN-2027-017", "Bakkerij De Korenschoof", "01-02-2027", "31-07-2027", "Aansturingsbehoefte"):
        assert waarde in tekst, waarde
    assert "Het is ingevuld met de rekenhulp op 15-12-2027" in tekst, tekst
    assert TEKSTEN.bevindingen["titel"] in tekst and TEKSTEN.rekenhulp["historisch_kop"] in tekst and "4,37%" in tekst
    assert len(document.tables) == 5, len(document.tables)  # gegevens, uren, onderbouwing, geschiedenis, ondertekening
    uren = document.tables[1]
    assert [c.text for c in uren.rows[-1].cells] == [TEKSTEN.plan["uren_totaal"], "42", "42"]  # één periode: 42 uur
    onderbouwing = document.tables[2]
    assert [c.text for c in onderbouwing.rows[0].cells] == TEKSTEN.plan["onderbouwing_koppen"]
    assert onderbouwing.rows[-1].cells[-1].text == "42"
    assert [r.cells[0].text for r in document.tables[-1].rows[1:]] == TEKSTEN.plan["rollen"]
    assert {p.style.name for p in document.paragraphs} >= {"Heading 1", "Heading 2"}  # echte koppen (python-docx-namen)
    # Niets verstuurd: alle verzoeken gingen naar de eigen server.
    assert {urlparse(u).netloc for u in pagina.verzoeken if u.startswith("http")} == {urlparse(server).netloc}
    assert not fouten, fouten


def test_word_bestand_van_een_aanvraag_van_nu(pagina, server, tmp_path):
    """Een aanvraag van nu (zonder protocol en regime, met afbouw in fasen): uren per doel en per periode, en geen
    waarschuwing over vervallen regels."""
    fouten = _fouten(pagina)
    pagina.goto(f"{server}/rekenhulp/")
    _vul(pagina, "#rh-titel", "Voorbeeld: orderpicker, eerste aanvraag")
    _vul(pagina, "#rh-contract-uren_per_week", "32")
    _vul(pagina, "#rh-contract-duur", "12")
    _vul(pagina, "#rh-datum", "01-02-2027")
    pagina.select_option("#rh-schema-1-aard", "functioneel")
    _vul(pagina, "#rh-schema-1-knelpunt", "Inwerken in het orderpicken met de scanner")
    pagina.select_option("#rh-schema-1-door", "jobcoach")
    _vul(pagina, "#rh-schema-1-uren", "2")
    _vul(pagina, "#rh-schema-1-fasen", "12 weken wekelijks\n12 weken tweewekelijks 1,5 uur\n24 weken maandelijks 1 uur")
    pagina.select_option("#rh-schema-1-doel", "2")
    _vul(pagina, "#rh-schema-1-motivering", "Werkt nog niet zelfstandig met de scanner.")
    pagina.get_by_role("button", name="Bereken").click()
    # 2 × 12 + 1,5 × 6 + 1 × 6 = 39 uur: 24 + 9 = 33 in periode 1 (week 1 t/m 24), 6 in periode 2.
    expect(pagina.locator(".rh-status")).to_have_text(TEKSTEN.rekenhulp["status"].format(uren="39", per_week="0,81"))
    with pagina.expect_download() as download:
        pagina.get_by_role("button", name="Word-bestand maken").click()
    bestand = tmp_path / "nu.docx"
    download.value.save_as(bestand)
    tekst, document, _ = _controleer_plan(bestand, tmp_path)
    uren = document.tables[1]
    assert [c.text for c in uren.rows[0].cells][1:3] == ["Periode 1 (jaar 1)", "Periode 2 (jaar 1)"]
    assert [c.text for c in uren.rows[2].cells] == ["2. Inwerken/trainen van de klant", "33", "6", "39"]
    for vervallen in ("geldt geen Protocol Jobcoach meer", "gelden niet voor een aanvraag van nu", "valt buiten de geldigheid",
                      TEKSTEN.rekenhulp["historisch_kop"]):
        assert vervallen not in tekst, vervallen
    assert len(document.tables) == 4, len(document.tables)  # zonder de geschiedenis
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


def test_axe_in_elke_stand_van_het_formulier(pagina, telefoon, server):
    """De rondgang langs alle pagina's ziet alleen het lege formulier; hier ook de foutsamenvatting, de geschiedenis
    en een uitkomst, op 1280 en 375 px."""
    from .hulp import AXE_JS, JS_ANIMATIES_KLAAR, axe_fouten, meld_fouten
    from .rondgang import AXE_OPTIES

    fouten = []
    for scherm in (pagina, telefoon):
        scherm.goto(f"{server}/rekenhulp/")
        scherm.get_by_role("button", name="Bereken").click()
        expect(scherm.locator("#rh-foutsamenvatting")).to_be_visible()
        scherm.locator("#rh-historie-aan").check()
        scherm.evaluate(AXE_JS)
        scherm.wait_for_function(JS_ANIMATIES_KLAAR)  # axe meet anders kleuren halverwege het vervagen
        fouten += axe_fouten("rekenhulp met meldingen", scherm.evaluate("opties => axe.run(document, opties)", AXE_OPTIES))
        scherm.set_input_files("#rh-openen", str(SEED_CASUS))
        expect(scherm.locator(".rh-status")).to_contain_text("42 uur")
        scherm.wait_for_function(JS_ANIMATIES_KLAAR)
        fouten += axe_fouten("rekenhulp met uitkomst", scherm.evaluate("opties => axe.run(document, opties)", AXE_OPTIES))
    assert not fouten, meld_fouten("axe-core", fouten)
