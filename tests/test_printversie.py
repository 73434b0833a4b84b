"""Links in de printversie: de plugin maakt sommige stuk; jobcoach.printversie herstelt ze."""

from __future__ import annotations

from pathlib import Path

from jobcoach.printversie import herstel_links


def test_anker_naar_element_zonder_voorvoegsel_en_markdown_download_worden_hersteld(tmp_path: Path):
    (tmp_path / "sjablonen" / "downloads").mkdir(parents=True)
    (tmp_path / "sjablonen" / "downloads" / "logboek.md").write_text("# Logboek\n", encoding="utf-8")
    pagina = tmp_path / "printversie" / "index.html"
    html = (
        '<h2 id="achtergrond-tabel">Tabel</h2><p id="tabel-3-2-opm-1">Opmerking</p>'
        '<a href="#achtergrond-x-tabel-3-2-opm-1">1</a>'
        '<a href="#achtergrond-tabel">kop</a>'
        '<a download="logboek.md" href="#sjablonen-downloads-logboek.md">md</a>'
        '<a href="#bestaat-nergens">weg</a>'
    )
    nieuw, aantal = herstel_links(html, tmp_path, pagina)
    assert aantal == 2
    assert '<a href="#tabel-3-2-opm-1">1</a>' in nieuw
    assert '<a href="#achtergrond-tabel">kop</a>' in nieuw  # bestond al: ongemoeid
    assert '<a download="logboek.md" href="../sjablonen/downloads/logboek.md">md</a>' in nieuw
    assert '<a href="#bestaat-nergens">weg</a>' in nieuw  # niet te herstellen: blijft, de linkcontrole meldt hem
