"""De rekenhulp zoals een gebruiker hem gebruikt: met de hand invullen, opslaan, openen, herladen.

De verwachte getallen komen uit de tekst van de casus: 42 uur, 1,75 uur per week, 4,37%.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from playwright.sync_api import Page, expect

from jobcoach.cli import main
from jobcoach.teksten import TEKSTEN

from rekenhulp_gevallen import SEED_CASUS

# Eerst de uren voor de periode (wat een professional nu aanvraagt), dan het percentage als historische context.
UITKOMST = ("Begeleidingsuren voor deze aanvraag: 42 uur, gemiddeld 1,75 uur per week. "
            "Historisch, als percentage van de contracturen: 4,37%.")
LEEG = "Vul het formulier in. De uitkomst komt hier."
# De tabellen die ook op de casuspagina staan. (De rekenhulp toont eerst de uren voor deze aanvraag en per periode, en
# het percentage als geschiedenis; de samenvatting van de casuspagina vergelijkt tests/browser/test_rekenhulp_pariteit.py.)
GEDEELDE_TABELLEN = ("Schema begeleidingsbehoefte", "Urenberekening per rij", "Begeleidingsuren per urengroep", "bevindingen")


def _bewaak(pagina: Page) -> list[str]:
    fouten: list[str] = []
    pagina.on("pageerror", lambda fout: fouten.append(str(fout)))
    pagina.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    return fouten


def _typ(pagina: Page, selector: str, tekst: str) -> None:
    """Klik in het veld en typ toets voor toets (getallen en korte teksten)."""
    veld = pagina.locator(selector)
    veld.click()
    veld.press_sequentially(tekst)


def _plak(pagina: Page, selector: str, tekst: str) -> None:
    """Klik in het veld en plak een lange tekst (één invoer, zoals plakken; toets voor toets duurt te lang)."""
    pagina.locator(selector).click()
    pagina.keyboard.insert_text(tekst)


def _nl(getal: float) -> str:
    return str(getal).replace(".", ",")


def _tabellen(pagina: Page) -> dict[str, str]:
    """De tabellen op een pagina (HTML), per bijschrift, en de tekst van de bevindingen."""
    uit = pagina.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('article table')]
              .map(t => [t.querySelector('caption').textContent, t.outerHTML]))"""
    )
    uit["bevindingen"] = pagina.locator("article .admonition.warning, article .admonition.success").last.inner_text()
    return uit


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    """``python -m jobcoach ARGS`` in dit proces (dezelfde code als de opdrachtregel, zonder opstarttijd)."""
    capsys.readouterr()
    code = main(list(args))
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def _vul_seed_casus_in(pagina: Page) -> None:
    """Vul de casus in zoals een arbeidsdeskundige: veld voor veld typen en kiezen."""
    seed = yaml.safe_load(SEED_CASUS.read_text(encoding="utf-8"))
    _plak(pagina, "#rh-titel", seed["titel"])
    # Een casus van toen: protocol en regime staan achter het vinkje geschiedenis.
    pagina.locator("#rh-historie-aan").check()
    pagina.select_option("#rh-protocol", seed["protocol"])
    _plak(pagina, "#rh-bron", seed["bron"])
    _typ(pagina, "#rh-contract-uren_per_week", "40")  # "Halfjaarcontract voor veertig uur per week"
    pagina.get_by_label("maanden", exact=True).check()
    _typ(pagina, "#rh-contract-duur", "6")
    _typ(pagina, "#rh-aanvraag-regime", "15")
    _typ(pagina, "#rh-advies-regime", "6")
    for i, rij in enumerate(seed["schema"], start=1):
        if i > 1:
            pagina.get_by_role("button", name="Rij toevoegen").click()
        pagina.select_option(f"#rh-schema-{i}-aard", rij["aard"])
        _plak(pagina, f"#rh-schema-{i}-knelpunt", rij["knelpunt"])
        if "door" in rij:
            pagina.select_option(f"#rh-schema-{i}-door", rij["door"])
        if "uren" in rij:
            _typ(pagina, f"#rh-schema-{i}-uren", _nl(rij["uren"]))
            pagina.select_option(f"#rh-schema-{i}-intensiteit", rij["intensiteit"])
            pagina.select_option(f"#rh-schema-{i}-doel", str(rij["doel"]))
        if "motivering" in rij:
            motivering = rij["motivering"]
            _plak(pagina, f"#rh-schema-{i}-motivering", "\n".join(motivering) if isinstance(motivering, list) else motivering)
    extra = seed["extra"][0]
    pagina.get_by_role("button", name="Vaste uren toevoegen").click()
    _plak(pagina, "#rh-extra-1-omschrijving", extra["omschrijving"])
    _plak(pagina, "#rh-extra-1-herkomst", extra["herkomst"])
    _typ(pagina, "#rh-extra-1-uren", _nl(extra["uren"]))
    pagina.select_option("#rh-extra-1-doel", str(extra["doel"]))


def _open_bestand(pagina: Page, pad: Path) -> None:
    with pagina.expect_file_chooser() as kiezer:
        pagina.get_by_role("button", name="Casus openen").click()
    kiezer.value.set_files(str(pad))


def test_seed_casus_met_de_hand_invullen_opslaan_en_weer_openen(pagina, browser, server, tmp_path, capsys):
    fouten = _bewaak(pagina)
    pagina.goto(f"{server}/rekenhulp/")
    begin = time.perf_counter()
    _vul_seed_casus_in(pagina)
    print(f"\nde casus met de hand ingevuld in {time.perf_counter() - begin:.1f} s")

    expect(pagina.locator(".rh-status")).to_contain_text(UITKOMST)
    assert pagina.get_attribute(".rh-status", "aria-live") == "polite"
    berekening = pagina.locator("table", has=pagina.locator("caption", has_text="Urenberekening per rij"))
    assert berekening.locator("tfoot td").last.inner_text().strip() == "42"
    percentage = pagina.locator("tr", has=pagina.locator("th", has_text=TEKSTEN.rekenhulp["historie_percentage"]))
    assert percentage.locator("td").inner_text().strip() == "(42/960) × 100% = 4,37%"
    assert pagina.locator("[aria-invalid=true]").count() == 0, "er staan nog meldingen bij velden"

    # Dezelfde tabellen (HTML) en bevindingen als op de casuspagina, die Python bij de bouw maakt.
    rekenhulp_tabellen = _tabellen(pagina)
    kern = pagina.locator("table", has=pagina.locator("caption", has_text=TEKSTEN.rekenhulp["kerncijfers"]))
    assert "42 uur" in kern.inner_text() and "1,75 uur" in kern.inner_text(), kern.inner_text()
    casuspagina = pagina.context.new_page()
    scripts: list[str] = []
    casuspagina.on("request", lambda verzoek: scripts.append(verzoek.url) if verzoek.resource_type == "script" else None)
    casuspagina.goto(f"{server}/casussen/begeleidingsbehoefte-en-regime/")
    casus_tabellen = _tabellen(casuspagina)
    assert len(casus_tabellen) == 5, sorted(casus_tabellen)
    gedeeld = {k: v for k, v in rekenhulp_tabellen.items() if k.startswith(GEDEELDE_TABELLEN)}
    assert len(gedeeld) == 4 and gedeeld == {k: v for k, v in casus_tabellen.items() if k.startswith(GEDEELDE_TABELLEN)}, \
        "tabellen verschillen van de casuspagina"
    assert scripts and not any(u.endswith(("rekenhulp.js", "js-yaml.min.js")) for u in scripts), f"scripts van de rekenhulp op een andere pagina: {scripts}"
    casuspagina.close()

    # Opslaan als casus: een bestand dat de opdrachtregel accepteert, met dezelfde uitkomst als de casus.
    with pagina.expect_download() as download:
        pagina.get_by_role("button", name="Opslaan als casus").click()
    bestand = tmp_path / download.value.suggested_filename
    download.value.save_as(bestand)
    assert bestand.suffix == ".yml", bestand.name
    code, uit, fout = _cli(capsys, "controleer", str(bestand))
    assert code == 0 and "Het casusbestand is geldig." in uit, uit + fout
    opgeslagen = json.loads(_cli(capsys, "bereken", "--json", str(bestand))[1])
    origineel = json.loads(_cli(capsys, "bereken", "--json", str(SEED_CASUS))[1])
    assert opgeslagen == origineel, (opgeslagen, origineel)
    assert (opgeslagen["begeleidingsuren"], opgeslagen["uren_per_week"], opgeslagen["percentage_tekst"]) == (42, 1.75, "4,37%")

    # Openen in een nieuwe browser (lege opslag): dezelfde uitkomst en tabellen.
    context = browser.new_context(locale="nl-NL")
    nieuw = context.new_page()
    nieuwe_fouten = _bewaak(nieuw)
    nieuw.goto(f"{server}/rekenhulp/")
    expect(nieuw.locator(".rh-status")).to_have_text(LEEG)
    _open_bestand(nieuw, bestand)
    expect(nieuw.locator(".rh-status")).to_contain_text(UITKOMST)
    assert _tabellen(nieuw) == rekenhulp_tabellen

    # Een fout bestand: een Nederlandse melding met regel en veld; het formulier blijft zoals het was.
    fout_bestand = tmp_path / "fout.yml"
    fout_bestand.write_text(bestand.read_text(encoding="utf-8").replace("uren: 0.5", "uren: -1", 1), encoding="utf-8")
    python_melding = _cli(capsys, "controleer", str(fout_bestand))[2].strip().splitlines()[0]
    _open_bestand(nieuw, fout_bestand)
    melding = nieuw.locator(".rh-bestand")
    expect(melding).to_contain_text("Dit bestand kan niet worden geopend")
    assert "schema[1].uren: moet 0 of meer zijn (gevonden: -1)" in melding.inner_text()
    assert python_melding.split(": ", 1)[1] in melding.inner_text(), (python_melding, melding.inner_text())
    assert nieuw.input_value("#rh-schema-1-uren") == "0,5", "het formulier veranderde na een fout bestand"
    kapot = tmp_path / "kapot.yml"
    kapot.write_bytes(b"titel: [\n\x00\xff\xfe")
    _open_bestand(nieuw, kapot)
    expect(melding).to_contain_text("kapot.yml")
    expect(nieuw.locator(".rh-status")).to_contain_text(UITKOMST)

    # Herladen: de invoer staat nog in de browser.
    nieuw.reload()
    expect(nieuw.locator(".rh-status")).to_contain_text(UITKOMST)
    assert nieuw.input_value("#rh-titel") == "Vaststellen begeleidingsbehoefte en regime jobcoaching"
    context.close()

    assert not fouten and not nieuwe_fouten, fouten + nieuwe_fouten
    hosts = {urlparse(u).netloc for u in pagina.verzoeken if not u.startswith(("data:", "blob:"))}
    assert hosts == {urlparse(server).netloc}, hosts


def test_alleen_met_het_toetsenbord(pagina, server):
    fouten = _bewaak(pagina)
    pagina.goto(f"{server}/rekenhulp/")

    def tab_naar(controle, maximaal: int = 60) -> None:
        for _ in range(maximaal):
            pagina.keyboard.press("Tab")
            if pagina.evaluate(controle):
                return
        pytest.fail(f"niet bereikt met Tab: {controle}")

    # Begin bij de laatste link vóór het formulier (zoals na het lezen van de uitleg) en ga verder met Tab.
    pagina.locator("article a[href$='casusbestand/']").last.focus()
    tab_naar("() => document.activeElement.id === 'rh-titel'", maximaal=3)
    pagina.keyboard.type("Toetsenbord")
    tab_naar("() => document.activeElement.textContent === 'Rij toevoegen'")
    pagina.keyboard.press("Enter")
    assert pagina.evaluate("document.activeElement.id") == "rh-schema-2-aard", "focus niet op de nieuwe rij"
    assert pagina.locator("fieldset.rh-rij").count() == 2
    tab_naar("() => document.activeElement.textContent === 'Rij 2 verwijderen'")
    pagina.keyboard.press("Enter")
    assert pagina.locator("fieldset.rh-rij").count() == 1
    assert pagina.evaluate("document.activeElement.id") == "rh-schema-1-aard", "focus niet terug in het formulier"
    assert pagina.input_value("#rh-titel") == "Toetsenbord"
    # Elk veld heeft een label; meldingen hangen aan hun veld.
    zonder_label = pagina.evaluate(
        """() => [...document.querySelectorAll('#rekenhulp-invoer input, #rekenhulp-invoer select, #rekenhulp-invoer textarea')]
              .filter(el => el.type !== 'file' && el.labels.length === 0).map(el => el.outerHTML)"""
    )
    assert zonder_label == [], zonder_label
    # Langs lege velden tabben geeft geen meldingen; een veld dat u invult en verlaat, wordt gecontroleerd.
    assert pagina.locator("[aria-invalid=true]").count() == 0
    pagina.locator("#rh-contract-uren_per_week").focus()
    pagina.keyboard.type("veertig")
    pagina.keyboard.press("Tab")
    assert pagina.get_attribute("#rh-contract-uren_per_week", "aria-invalid") == "true"
    expect(pagina.locator("#rh-contract-uren_per_week-melding")).to_have_text(TEKSTEN.meldingen["getal-formulier"])
    assert "rh-contract-uren_per_week-melding" in pagina.get_attribute("#rh-contract-uren_per_week", "aria-describedby")
    assert not fouten, fouten


def test_op_een_telefoon(telefoon, server):
    fouten = _bewaak(telefoon)
    telefoon.goto(f"{server}/rekenhulp/")
    # Rommel in de opslag van de browser (bijvoorbeeld van een oudere versie) laat de pagina niet vastlopen.
    telefoon.evaluate("localStorage.setItem('leidraad-jobcoach-rekenhulp-3', JSON.stringify({v: {titel: 3}, schema: 5, extra: [null, {uren: 2}], plan: 7}))")
    telefoon.reload()
    expect(telefoon.locator(".rh-status")).to_have_text(LEEG)
    assert telefoon.locator("fieldset.rh-rij").count() == 2, "één lege rij en één rij vaste uren"
    telefoon.set_input_files("#rh-openen", str(SEED_CASUS))
    expect(telefoon.locator(".rh-status")).to_contain_text(UITKOMST)
    breedte = telefoon.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 375, f"de pagina is breder dan het scherm: {breedte} px"
    assert not fouten, fouten


def test_openen_en_opslaan_houdt_elke_tekst_precies(pagina, server, tmp_path):
    """Een casus openen en meteen weer opslaan verliest niets: spaties aan het begin en eind van een tekst blijven, en
    een punt van de motivering met een regeleinde blijft één punt (het formulier toont één punt per regel)."""
    import yaml

    from jobcoach import laad_casus, laad_regels

    bron = yaml.safe_load(SEED_CASUS.read_text(encoding="utf-8"))
    bron["titel"] = "  Titel met spaties  "
    bron["schema"][0]["knelpunt"] = " Aansturingsbehoefte "
    bron["schema"][0]["motivering"] = ["Eerste regel\ntweede regel van hetzelfde punt", "Tweede punt"]
    bestand = tmp_path / "precies.yml"
    bestand.write_text(yaml.safe_dump(bron, allow_unicode=True, sort_keys=False), encoding="utf-8")
    pagina.goto(f"{server}/rekenhulp/")
    _open_bestand(pagina, bestand)
    expect(pagina.locator("#rh-titel")).to_have_value("  Titel met spaties  ")
    with pagina.expect_download() as download:
        pagina.get_by_role("button", name="Opslaan als casus").click()
    terug = tmp_path / "terug.yml"
    download.value.save_as(terug)
    regels = laad_regels()
    voor, na = laad_casus(bestand, regels), laad_casus(terug, regels)
    assert na.titel == voor.titel and na.schema_rijen[0].knelpunt == " Aansturingsbehoefte "
    assert na.schema_rijen[0].motivering == voor.schema_rijen[0].motivering, na.schema_rijen[0].motivering
    assert na == voor, "de casus veranderde bij openen en opslaan"
