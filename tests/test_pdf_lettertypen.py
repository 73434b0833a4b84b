"""Issue 22: de PDF hangt niet af van de lettertypen van de computer.

print.css gebruikt in print de lettertypen van de site zelf (docs/fonts/, DejaVu uit npm via tools/fonts.sh). Eerst
stopte make build op een computer met fonts-liberation ("breder dan de bladspiegel"): Arial werd Liberation Sans,
met andere maten. Deze test maakt de PDF met een lettertypeconfiguratie (fontconfig) waarin de lettertypen van de
computer heel andere maten hebben, en eist dezelfde PDF: evenveel bladzijden, en alleen de lettertypen van de site.
"""

from __future__ import annotations

import os
from pathlib import Path

from pypdf import PdfReader

from conftest import ROOT


def _lettertypen(pdf: Path) -> set[str]:
    namen = set()
    for blad in PdfReader(pdf).pages:
        for font in ((blad.get("/Resources") or {}).get("/Font") or {}).values():
            namen.add(str(font.get_object().get("/BaseFont", "")).split("+")[-1])
    return namen


def test_pdf_met_andere_lettertypen_op_de_computer_is_dezelfde(site_met_pdf, tmp_path):
    """De afdruk van leidraadsite.nabouw.pdf (druk_printversie_af: printversie laden, de eigen lettertypen laden, de
    breedte toetsen, de paginanummers van de inhoudsopgave zetten, afdrukken), in een Chromium met de andere
    lettertypeconfiguratie. De paginanummers beginnen bij die van de gewone PDF; dan is één afdruk genoeg, en moet
    elk hoofdstuk en elke kop op dezelfde bladzijde staan als in de gewone PDF."""
    from playwright.sync_api import sync_playwright

    from leidraadsite.inhoud.config import lees_editie
    from leidraadsite.nabouw import pdf as pdfbouw
    from leidraadsite.nabouw.chromium import CHROMIUM, CHROMIUM_VLAGGEN, bestandsserver

    editie = lees_editie(ROOT / "mkdocs.yml")
    gewoon = site_met_pdf / editie.pdf_bestand
    aantal, bladzijden, _ = pdfbouw.bestemmingspaginas(gewoon.read_bytes())
    # Een fontconfig waarin de lettertypen van de computer heel andere maten hebben: elk schreefloos lettertype
    # (Arial, Helvetica, sans-serif, ook DejaVu Sans) wordt een letter met vaste breedte, en monospace een letter met
    # schreef. Gebruikte de PDF lettertypen van de computer, dan liep alles anders. fontconfig past de regels na
    # elkaar toe: daarom eerst die voor monospace (anders werd Arial eerst DejaVu Sans Mono en daarna, door de regel
    # voor monospace, weer iets anders; een eerdere versie van deze test ruilde zo twee keer en veranderde niets).
    regels = (("monospace", "DejaVu Serif"), ("DejaVu Sans Mono", "DejaVu Serif"), ("sans-serif", "DejaVu Sans Mono"),
              ("Arial", "DejaVu Sans Mono"), ("Helvetica", "DejaVu Sans Mono"), ("DejaVu Sans", "DejaVu Sans Mono"))
    conf = tmp_path / "fonts.conf"
    anders = "".join(
        f"<match target='pattern'><test name='family'><string>{familie}</string></test>"
        f"<edit name='family' mode='assign' binding='strong'><string>{doel}</string></edit></match>"
        for familie, doel in regels)
    conf.write_text(f'<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f"{anders}<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n", encoding="utf-8")
    with bestandsserver(site_met_pdf) as basis, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_VLAGGEN,
                                     env={**os.environ, "FONTCONFIG_FILE": str(conf)})
        pagina = browser.new_context(locale="nl-NL").new_page()
        # De ruil werkt echt in deze Chromium: Arial heeft nu letters van vaste breedte (i even breed als M).
        breedtes = pagina.evaluate("""() => ['iiiiiiiiii', 'MMMMMMMMMM'].map(t => {
            const s = document.createElement('span'); s.style.font = '20px Arial'; s.textContent = t;
            document.body.append(s); return s.getBoundingClientRect().width; })""")
        assert breedtes[0] == breedtes[1], f"de andere lettertypen werken niet in Chromium (i en M: {breedtes})"
        # dezelfde stappen als de PDF van de site (stopt met PdfFout als iets breder wordt dan de bladspiegel)
        zonder_pdf = pdfbouw.druk_printversie_af(pagina, basis, editie,
                                                 (site_met_pdf / pdfbouw.VOET_LETTERTYPE).read_bytes(), bladzijden)[0]
        browser.close()
    zonder = tmp_path / "anders.pdf"
    zonder.write_bytes(zonder_pdf)
    aantal_anders, bladzijden_anders, _ = pdfbouw.bestemmingspaginas(zonder_pdf)
    assert aantal_anders == aantal, f"met andere lettertypen op de computer {aantal_anders} bladzijden, gewoon {aantal}"
    verschoven = {i: (bladzijden[i] + 1, bladzijden_anders.get(i, -1) + 1) for i in bladzijden
                  if bladzijden_anders.get(i) != bladzijden[i]}
    assert not verschoven, f"met andere lettertypen op de computer staan koppen op een andere bladzijde (gewoon, anders): {verschoven}"
    eigen = {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique", "DejaVuSansMono",
             "DejaVuSansMono-Bold"}
    assert _lettertypen(gewoon) <= eigen, f"de PDF gebruikt ook lettertypen van de computer: {_lettertypen(gewoon) - eigen}"
    assert _lettertypen(zonder) == _lettertypen(gewoon), (_lettertypen(zonder), _lettertypen(gewoon))


def test_lettertypen_staan_in_de_site_en_komen_uit_npm():
    css = (ROOT / "docs/stylesheets/print.css").read_text(encoding="utf-8")
    for bestand in sorted((ROOT / "docs/fonts").glob("*.woff2")):
        assert f"../fonts/{bestand.name}" in css, f"print.css gebruikt {bestand.name} niet"
    assert (ROOT / "docs/fonts/LICENSE-dejavu.txt").is_file()
    lock = (ROOT / "tools/fonts/package-lock.json").read_text(encoding="utf-8")
    assert '"integrity": "sha512-' in lock and "@fontsource/dejavu-sans" in lock
