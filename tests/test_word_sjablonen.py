"""De Word-sjablonen zoals een lezer ze ziet: omgezet naar PDF door LibreOffice (Debian, zonder scherm) en gelezen.

Elke test hier leest de PDF's die LibreOffice van de vier Word-bestanden maakt (één keer per run, samen in één aanroep):
huisstijl (schreefloze letter), kop met editie, voet met 'pagina x van y' (de velden moeten echt ingevuld worden),
niets buiten de bladspiegel. De eerste bladzijde van elk sjabloon komt als PNG in artefacten/sjablonen/ om naar te
kijken. LibreOffice installeert ``make test`` zelf (tools/libreoffice.sh).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader

from conftest import ROOT
from jobcoach.regels import laad_regels
from leidraadsite.inhoud.config import lees_editie
from leidraadsite.weergave.sjablonen import SJABLONEN, downloads

SOFFICE = os.environ.get("SOFFICE", "/usr/bin/soffice")
ARTEFACTEN = ROOT / "artefacten" / "sjablonen"
MARGE_PT = 2 / 2.54 * 72  # 2 cm, de marge van de Word-bestanden
A4_BREED_PT = 21 / 2.54 * 72

pytestmark = pytest.mark.browser  # heeft een geïnstalleerd programma nodig (zoals de browsertests); niet in make check


@pytest.fixture(scope="module")
def editie() -> str:
    return lees_editie(ROOT / "mkdocs.yml").editie


@pytest.fixture(scope="module")
def word_pdfs(tmp_path_factory: pytest.TempPathFactory, editie: str) -> dict[str, Path]:
    assert Path(SOFFICE).is_file(), f"LibreOffice ontbreekt ({SOFFICE}); make test installeert het met tools/libreoffice.sh"
    map_ = tmp_path_factory.mktemp("word")
    namen = []
    for download in downloads(laad_regels(), editie):
        if download.soort == "Word":
            (map_ / download.bestandsnaam).write_bytes(download.inhoud)
            namen.append(download.bestandsnaam)
    profiel = tmp_path_factory.mktemp("lo-profiel")
    uit = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profiel}", "--headless", "--norestore", "--convert-to", "pdf",
         "--outdir", str(map_), *namen],
        cwd=map_, capture_output=True, text=True, timeout=180,
    )
    assert uit.returncode == 0, uit.stderr
    pdfs = {naam: map_ / Path(naam).with_suffix(".pdf").name for naam in namen}
    ontbreekt = [n for n, p in pdfs.items() if not p.is_file()]
    assert not ontbreekt, f"LibreOffice maakte geen PDF van {ontbreekt}: {uit.stdout} {uit.stderr}"
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    for naam, pdf in pdfs.items():
        shutil.copy2(pdf, ARTEFACTEN / pdf.name)
        document = pypdfium2.PdfDocument(pdf)
        document[0].render(scale=1.5).to_pil().save(ARTEFACTEN / f"{Path(naam).stem}-1.png")
        document.close()
    return pdfs


def _teksten(pdf: Path) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [" ".join(pagina.get_textpage().get_text_range().split()) for pagina in document]
    finally:
        document.close()


def test_er_is_een_word_bestand_van_elk_markdown_sjabloon(word_pdfs):
    verwacht = {Path(b).with_suffix(".docx").name for b in SJABLONEN if b.endswith(".md")}
    assert set(word_pdfs) == verwacht


def test_elke_bladzijde_heeft_kop_met_editie_en_voet_met_paginanummer(word_pdfs, editie):
    for naam, pdf in word_pdfs.items():
        teksten = _teksten(pdf)
        titel = SJABLONEN[Path(naam).with_suffix(".md").name]
        for i, tekst in enumerate(teksten):
            assert f"Leidraad Jobcoach online · {titel} · editie {editie}" in tekst, f"{naam}, blad {i + 1}: geen kop"
            assert f"pagina {i + 1} van {len(teksten)}" in tekst, f"{naam}, blad {i + 1}: geen paginanummer: {tekst[-120:]}"


def test_de_letter_is_schreefloos(word_pdfs):
    for naam, pdf in word_pdfs.items():
        fonts = set()
        for pagina in PdfReader(pdf).pages:
            for font in (pagina.get("/Resources", {}).get("/Font") or {}).values():
                fonts.add(str(font.get_object().get("/BaseFont")))
        assert fonts, f"{naam}: geen lettertype in de PDF"
        schreef = [f for f in fonts if any(s in f for s in ("Times", "Serif", "Cambria", "Georgia"))
                   and "Sans" not in f]
        assert not schreef, f"{naam}: letter met schreef: {schreef} (alle: {sorted(fonts)})"
        assert any("Sans" in f or "Arial" in f or "Liberation" in f for f in fonts), sorted(fonts)


def test_niets_steekt_buiten_de_bladspiegel(word_pdfs):
    """Een te brede tabel zou over de rechtermarge lopen; elke letter staat binnen de marges van 2 cm."""
    for naam, pdf in word_pdfs.items():
        document = pypdfium2.PdfDocument(pdf)
        try:
            for nummer, pagina in enumerate(document, start=1):
                laag = pagina.get_textpage()
                for i in range(laag.count_chars()):
                    links, _, rechts, _ = laag.get_charbox(i)
                    if rechts - links <= 0:
                        continue
                    assert links >= MARGE_PT - 3 and rechts <= A4_BREED_PT - MARGE_PT + 3, (
                        f"{naam}, blad {nummer}: teken '{laag.get_text_range(i, 1)}' op x {links:.0f}–{rechts:.0f} pt, "
                        f"buiten de bladspiegel {MARGE_PT:.0f}–{A4_BREED_PT - MARGE_PT:.0f} pt")
        finally:
            document.close()


def test_logboek_heeft_ruimte_voor_een_periode_van_zes_maanden(word_pdfs):
    """26 lege rijen (een per week) in 'Uren per doel per datum'; in de PDF staan ze over meer dan één blad."""
    teksten = _teksten(word_pdfs["logboek.docx"])
    assert len(teksten) >= 3, f"het logboek is maar {len(teksten)} bladzijde(n)"
    kop = "Datum Doel (nr.) Wat heeft de jobcoach gedaan? Met wie? Uren"
    # De kopregel van de tabel wordt op elk blad herhaald waar de tabel doorloopt.
    assert sum(t.count(kop) for t in teksten) >= 2, "de kopregel van de urentabel staat niet op een tweede blad"


def test_geen_woord_van_een_kolomkop_wordt_afgebroken(word_pdfs):
    """Een smalle kolom brak 'Motivering' af als 'Moti/verin/g' (casusrapport, schema begeleidingsbehoefte). Elk woord
    van een kolomkop staat heel in de PDF die LibreOffice maakt."""
    import io
    import re

    from docx import Document

    from jobcoach.regels import laad_regels as regels_laden

    afgebroken = []
    documenten = {d.bestandsnaam: d for d in downloads(regels_laden(), "1")}
    for naam, pdf in word_pdfs.items():
        tekst = " ".join(_teksten(pdf))
        for tabel in Document(io.BytesIO(documenten[naam].inhoud)).tables:
            for cel in tabel.rows[0].cells:
                for woord in re.findall(r"\S{3,}", cel.text):
                    if woord not in tekst:
                        afgebroken.append(f"{naam}: '{woord}' ({cel.text})")
    assert not afgebroken, "afgebroken in een kolomkop:\n" + "\n".join(sorted(set(afgebroken)))
