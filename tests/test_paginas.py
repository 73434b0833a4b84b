"""Voorkant, statusblok en paginavoet: het pakket zelf (leidraadsite.inhoud.paginas), zonder MkDocs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jobcoach.fouten import Bestandsfout
from leidraadsite.inhoud.paginas import (
    LeidraadEditie,
    PaginaVoorkant,
    laad_licenties,
    pagina_voorkant,
    status_markdown,
    voeg_na_titel,
    voet_html,
)

EDITIE = LeidraadEditie(naam="Leidraad Jobcoach", editie="2011", stand="oranje", uitleg="over.md#editie-en-status",
                        protocol="Protocol Jobcoach", protocol_vervallen=dt.date(2019, 10, 1), nu="wat-geldt-nu.md")
ROLNAMEN = {"adviseur": "AD als adviseur", "jobcoach": "Jobcoach"}


def schrijf(tmp_path: Path, voorkant: str, naam: str = "pagina.md") -> Path:
    pad = tmp_path / naam
    pad.write_text(f"---\n{voorkant}---\n\n# Titel\n", encoding="utf-8")
    return pad


def test_statusblok_toont_editie_datums_en_rollen_met_relatieve_links():
    v = PaginaVoorkant(beoordeeld=dt.date(2026, 11, 26), herzien_voor=dt.date(2027, 11, 26),
                       rollen=["adviseur", "jobcoach"])
    blok = status_markdown(v, EDITIE, ROLNAMEN, "leidraad/opstellen/matching.md", dt.date(2027, 1, 1))
    assert "[editie 2011, oranje stand](../../over.md#editie-en-status)" in blok, blok
    assert '<time datetime="2026-11-26">26 november 2026</time>' in blok, blok
    assert '<time datetime="2027-11-26">26 november 2027</time>' in blok, blok
    assert "[AD als adviseur](../../rollen/adviseur.md) · [Jobcoach](../../rollen/jobcoach.md)" in blok, blok
    assert "aan herziening toe" not in blok, "pagina is nog niet verouderd"
    assert "Online tekst gecontroleerd op:" in blok and "Laatst beoordeeld" not in blok, blok


def test_statusblok_waarschuwt_na_de_herzieningsdatum_en_niet_op_de_dag_zelf():
    v = PaginaVoorkant(beoordeeld=dt.date(2020, 1, 1), herzien_voor=dt.date(2021, 1, 1))
    op_de_dag = status_markdown(v, EDITIE, ROLNAMEN, "doel.md", dt.date(2021, 1, 1))
    erna = status_markdown(v, EDITIE, ROLNAMEN, "doel.md", dt.date(2021, 1, 2))
    assert "aan herziening toe" not in op_de_dag, op_de_dag
    assert '!!! warning "Deze pagina is aan herziening toe"' in erna, erna
    assert "vóór 1 januari 2021 opnieuw gecontroleerd" in erna, erna


def test_pagina_zonder_status_en_rollen_krijgt_geen_blok():
    assert status_markdown(PaginaVoorkant(), EDITIE, ROLNAMEN, "over.md", dt.date(2027, 1, 1)) == ""


def test_blok_komt_onder_de_eerste_kop_en_niet_in_een_codeblok():
    markdown = "```\n# geen kop\n```\n\n# Echte titel { #titel }\n\nTekst."
    uit = voeg_na_titel(markdown, "BLOK")
    assert uit.index("BLOK") > uit.index("# Echte titel"), uit
    assert uit.index("BLOK") < uit.index("Tekst."), uit
    assert voeg_na_titel("Geen kop.", "BLOK").startswith("BLOK\n\n"), "zonder kop komt het blok bovenaan"


def test_onbekende_rol_geeft_bestand_regel_en_veld(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pad = schrijf(tmp_path, "title: X\nrollen:\n  - adviseur\n  - toezichthouder\n")
    with pytest.raises(Bestandsfout) as fout:
        pagina_voorkant(pad, ["adviseur", "jobcoach"], ["cc-by-4.0"])
    assert str(fout.value) == (
        "pagina.md:5: rollen[2]: onbekende rol 'toezichthouder'; bekende rollen: adviseur, jobcoach"
    ), str(fout.value)


def test_onbekende_licentie_en_verkeerde_datums_worden_gemeld(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pad = schrijf(tmp_path, "licentie: cc-by-5\n")
    with pytest.raises(Bestandsfout, match=r"pagina.md:2: licentie: onbekende licentie 'cc-by-5'"):
        pagina_voorkant(pad, ["adviseur"], ["cc-by-4.0"])
    pad = schrijf(tmp_path, "beoordeeld: 2027-01-01\nherzien_voor: 2026-01-01\n")
    with pytest.raises(Bestandsfout, match="herzien_voor moet na beoordeeld liggen"):
        pagina_voorkant(pad, ["adviseur"], ["cc-by-4.0"])
    pad = schrijf(tmp_path, "bronnen:\n  - titel: X\n    akc: zes\n")
    with pytest.raises(Bestandsfout, match=r"pagina.md:4: bronnen\[1\]\.akc"):
        pagina_voorkant(pad, ["adviseur"], ["cc-by-4.0"])


def test_voet_noemt_bron_met_akc_link_werkwijze_en_licentie_en_escapet_tekst():
    v = PaginaVoorkant(
        bronnen=[{"titel": "Leidraad <Jobcoach> & co", "akc": 189865}, {"titel": "Zonder link"}],
        werkwijze="transcriptie", licentie="cc-by-4.0",
    )
    html = voet_html(v, laad_licenties())
    assert '<a href="https://arbeidsdeskundigen.nl/akc/kennis/leidraden-en-richtlijnen/document/189865">' in html, html
    assert "Leidraad &lt;Jobcoach&gt; &amp; co</a> (AKC, pagina 189865)" in html, html
    assert "<li>Zonder link</li>" in html, html
    assert "Alleen kennelijke scan- en tikfouten zijn hersteld." in html, html
    assert 'rel="license">Creative Commons Naamsvermelding 4.0 (CC BY 4.0)</a>' in html, html
    assert "vervalt zes maanden" in html, html
    assert voet_html(PaginaVoorkant(), laad_licenties()) == "", "geen bron en geen licentie: geen voet"


def test_alle_pagina_voorkanten_van_de_site_zijn_geldig():
    from leidraadsite.inhoud.rollen import laad_rolkaart

    root = Path(__file__).resolve().parent.parent
    rollen = laad_rolkaart().rol_ids
    licenties = list(laad_licenties())
    geteld = 0
    for pad in sorted((root / "docs").rglob("*.md")):
        pagina_voorkant(pad, rollen, licenties)
        geteld += 1
    assert geteld > 25, f"maar {geteld} pagina's gevonden"


def test_datum_in_het_nederlands():
    from leidraadsite.inhoud.paginas import datum_tekst

    assert datum_tekst(dt.date(2019, 9, 30)) == "30 september 2019"
    assert datum_tekst(dt.date(2027, 12, 15)) == "15 december 2027"  # een vaste datum, niet vandaag


def test_verouderde_pagina_toont_een_waarschuwing_in_de_gebouwde_site(gewijzigde_bouw):
    from bs4 import BeautifulSoup

    # In de gedeelde gewijzigde kopie (conftest.GewijzigdeBouw, wijziging 3) moest het logboek vóór 2021-03-01
    # opnieuw beoordeeld zijn; de bouwdatum is de editiedatum (conftest.BOUWDATUM).
    site = gewijzigde_bouw.site
    artikel = BeautifulSoup((site / "leidraad/logboek/index.html").read_text(encoding="utf-8"),
                            "html.parser").select_one("article")
    waarschuwing = artikel.select_one(".admonition.warning")
    assert waarschuwing is not None, "geen waarschuwing op een verouderde pagina"
    assert waarschuwing.select_one(".admonition-title").get_text() == "Deze pagina is aan herziening toe"
    assert "vóór 1 maart 2021 opnieuw gecontroleerd" in waarschuwing.get_text(), waarschuwing.get_text()
    assert waarschuwing.find_previous_sibling("div", class_="pagina-status") is not None, "niet bij de status"
    andere = BeautifulSoup((site / "leidraad/verlenging/index.html").read_text(encoding="utf-8"),
                           "html.parser").select_one("article")
    assert "aan herziening toe" not in andere.get_text(), "een pagina die niet verouderd is, krijgt geen waarschuwing"


def test_achtergrondpagina_noemt_geen_editie_van_de_leidraad():
    v = PaginaVoorkant(leidraad=False, beoordeeld=dt.date(2026, 11, 26), herzien_voor=dt.date(2027, 11, 26),
                       rollen=["jobcoach"])
    blok = status_markdown(v, EDITIE, ROLNAMEN, "achtergrond/x.md", dt.date(2027, 1, 1))
    assert "editie" not in blok and "oranje" not in blok, blok
    assert "**Achtergrond**, geen tekst van de leidraad" in blok, blok
    assert "Online tekst gecontroleerd op" in blok and "[Jobcoach](../rollen/jobcoach.md)" in blok, blok
    assert "geldt sinds" not in blok and "wat-geldt-nu" not in blok, "een achtergrondpagina rekent niet met de regels van 2011"


def test_leidraadpagina_zegt_dat_het_protocol_niet_meer_geldt_met_link_naar_wat_geldt_nu():
    v = PaginaVoorkant(beoordeeld=dt.date(2026, 11, 26), herzien_voor=dt.date(2027, 11, 26), rollen=["adviseur"])
    blok = status_markdown(v, EDITIE, ROLNAMEN, "leidraad/opstellen/matching.md", dt.date(2027, 1, 1))
    # Eén korte regel (issue 22): de editie en de stand staan al in de eerste regel van het statusblok.
    assert ('**Regels van 2011:** het Protocol Jobcoach geldt sinds <time datetime="2019-10-01">1 oktober 2019</time> '
            "niet meer. Zie [Wat geldt nu](../../wat-geldt-nu.md).") in blok, blok
    assert blok.count("niet meer") == 1, blok


def test_casus_zonder_datums_krijgt_alleen_de_melding_over_het_tijdvak():
    blok = status_markdown(PaginaVoorkant(leidraad=False, tijdvak=True), EDITIE, ROLNAMEN, "casussen/x.md",
                           dt.date(2027, 1, 1))
    assert "**Gaat uit van de Leidraad Jobcoach van 2011 (oranje stand):** het Protocol Jobcoach geldt sinds" in blok, blok
    assert "[Wat geldt nu](../wat-geldt-nu.md)" in blok, blok
    assert "Achtergrond" not in blok and "editie 2011, oranje stand" not in blok, blok


def test_tijdvak_false_zet_de_melding_uit_ook_op_een_leidraadpagina():
    v = PaginaVoorkant(beoordeeld=dt.date(2026, 11, 26), tijdvak=False)
    blok = status_markdown(v, EDITIE, ROLNAMEN, "doel.md", dt.date(2027, 1, 1))
    assert "Online tekst gecontroleerd op" in blok and "geldt sinds" not in blok, blok


def test_bouwdatum_komt_uit_source_date_epoch(monkeypatch):
    from leidraadsite.inhoud.paginas import bouwdatum

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1828828800")  # 2027-12-15 00:00 UTC
    assert bouwdatum() == dt.date(2027, 12, 15)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH is geen aantal seconden"):
        bouwdatum()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert bouwdatum() == dt.date.today()


def test_statusblok_staat_niet_in_de_zoekindex():
    """Issue 22: anders begon elk zoekresultaat met dezelfde melding over 2011 in plaats van met de tekst zelf."""
    v = PaginaVoorkant(beoordeeld=dt.date(2026, 11, 26), rollen=["adviseur"])
    blok = status_markdown(v, EDITIE, ROLNAMEN, "leidraad/doel.md", dt.date(2027, 1, 1))
    assert blok.startswith('<div class="pagina-status" data-search-exclude markdown>'), blok
