"""Issue 22: de PDF hangt niet af van de lettertypen van de computer.

print.css gebruikt in print de lettertypen van de site zelf (docs/fonts/, DejaVu uit npm via tools/fonts.sh). Eerst
stopte make build op een computer met fonts-liberation ("breder dan de bladspiegel"): Arial werd Liberation Sans,
met andere maten. Deze test maakt de PDF met een lettertypeconfiguratie (fontconfig) waarin de lettertypen van de
computer heel andere maten hebben, en eist dezelfde PDF: evenveel bladzijden, en alleen de lettertypen van de site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
    from leidraadsite.inhoud.config import lees_editie

    editie = lees_editie(ROOT / "mkdocs.yml")
    gewoon = site_met_pdf / editie.pdf_bestand
    # Een kopie van de gebouwde site, en een fontconfig waarin de lettertypen van de computer heel andere maten
    # hebben: elk schreefloos lettertype (Arial, Helvetica, sans-serif, ook DejaVu Sans) wordt een letter met vaste
    # breedte, en monospace een schreefloze. Gebruikte de PDF lettertypen van de computer, dan liep alles anders.
    kopie = tmp_path / "site"
    shutil.copytree(site_met_pdf, kopie)
    (kopie / editie.pdf_bestand).unlink()
    conf = tmp_path / "fonts.conf"
    anders = "".join(
        f"<match target='pattern'><test name='family'><string>{familie}</string></test>"
        f"<edit name='family' mode='assign' binding='strong'><string>{doel}</string></edit></match>"
        for familie, doel in (("sans-serif", "DejaVu Sans Mono"), ("Arial", "DejaVu Sans Mono"),
                              ("Helvetica", "DejaVu Sans Mono"), ("DejaVu Sans", "DejaVu Sans Mono"),
                              ("monospace", "DejaVu Sans"), ("DejaVu Sans Mono", "DejaVu Sans")))
    conf.write_text(f'<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f"{anders}<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n", encoding="utf-8")
    resultaat = subprocess.run([sys.executable, "-m", "leidraadsite.nabouw.pdf", "--site", str(kopie)], cwd=ROOT,
                               capture_output=True, text=True, timeout=600,
                               env={**os.environ, "FONTCONFIG_FILE": str(conf)})
    assert resultaat.returncode == 0, resultaat.stdout[-3000:] + resultaat.stderr[-3000:]
    zonder = kopie / editie.pdf_bestand
    assert len(PdfReader(zonder).pages) == len(PdfReader(gewoon).pages), (
        f"met andere lettertypen op de computer {len(PdfReader(zonder).pages)} bladzijden, gewoon "
        f"{len(PdfReader(gewoon).pages)}")
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
