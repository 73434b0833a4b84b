"""De sjabloonpagina in een echte browser: de kopieerknop kopieert het sjabloon, de download werkt."""

from __future__ import annotations

from leidraadsite.weergave.sjablonen import SJABLONEN_MAP


def test_kopieerknop_kopieert_het_logboek(pagina, server):
    pagina.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    pagina.goto(f"{server}/sjablonen/logboek/")
    # De tekst om te kopiëren staat in een dicht blok onder het voorbeeld: eerst openen, zoals een lezer doet.
    blok = pagina.locator("article details").first
    assert blok.get_attribute("open") is None, "het blok met de tekst hoort dicht te staan"
    assert not pagina.locator("article pre").first.is_visible(), "de Markdown is zichtbaar zonder het blok te openen"
    blok.locator("summary").click()
    knop = pagina.locator("article .md-code__button[data-md-type='copy']").first
    knop.wait_for(state="attached")
    assert knop.get_attribute("title"), "de kopieerknop heeft geen titel (voor schermlezers)"
    pagina.locator("article pre").first.hover()
    knop.click()
    gekopieerd = pagina.evaluate("navigator.clipboard.readText()")
    bron = (SJABLONEN_MAP / "logboek.md").read_text(encoding="utf-8")
    assert gekopieerd.strip() == bron.strip(), f"gekopieerd:\n{gekopieerd[:300]}"


def test_word_download_komt_als_bestand_binnen(pagina, server, tmp_path):
    pagina.goto(f"{server}/sjablonen/coachingsplan/")
    with pagina.expect_download() as info:
        pagina.locator("article a[download='coachingsplan.docx']").click()
    download = info.value
    assert download.suggested_filename == "coachingsplan.docx"
    pad = tmp_path / download.suggested_filename
    download.save_as(pad)
    assert pad.read_bytes()[:2] == b"PK", "een .docx is een zip-bestand; dit niet"
