"""De PDF van de hele leidraad: gemaakt uit de gebouwde site met leidraadsite.nabouw.pdf, en dan geopend.

De verwachte hoofdstukken komen uit de navigatie in mkdocs.yml (min de uitgesloten pagina's van de
plugin print-site), niet uit een vaste lijst. Twee pagina's worden als PNG getekend en bewaard in
artefacten/pdf/ om naar te kijken.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import unicodedata
from collections import Counter
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

import pypdfium2
import pypdfium2.raw as pdfium
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from pypdf.generic import Destination

from conftest import ROOT, maak_pdf
from leidraadsite.inhoud.config import Uitgave, UitgaveFout, Hoofdstuk, hoofdstukken, lees_editie, lees_mkdocs_yml

ARTEFACTEN = ROOT / "artefacten" / "pdf"


@pytest.fixture(scope="session")
def editie() -> Uitgave:
    return lees_editie(ROOT / "mkdocs.yml")


@pytest.fixture(scope="session")
def pdf_pad(site_met_pdf: Path, editie: Uitgave) -> Path:
    # De fixture 'site_met_pdf' bouwt de site en maakt de PDF (zoals make build).
    pdfs = sorted(site_met_pdf.glob("*.pdf"))
    assert len(pdfs) == 1, f"verwacht precies één PDF in de hoofdmap van de site, gevonden: {pdfs}"
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    shutil.copy2(pdfs[0], ARTEFACTEN / pdfs[0].name)
    return pdfs[0]


@pytest.fixture(scope="session")
def pdf(pdf_pad: Path) -> PdfReader:
    return PdfReader(pdf_pad)


@pytest.fixture(scope="session")
def tekstlaag(pdf_pad: Path) -> tuple[list[str], Counter[float]]:
    """De tekst van elke pagina, en hoeveel tekens er in elke lettergrootte staan (in punten, zoals gedrukt).

    Gelezen met PDFium (pypdfium2), de PDF-lezer van Chromium zelf: ongeveer 1 s CPU voor de 116 pagina's, tegen
    9 s met pypdf (gemeten; dezelfde teksten en dezelfde lettergroottes). De grootte van een teken is zijn
    lettergrootte maal de verticale schaal van zijn matrix: Chromium schrijft in px en schaalt naar pt.
    """
    document = pypdfium2.PdfDocument(pdf_pad)
    teksten, groottes, matrix = [], Counter(), pdfium.FS_MATRIX()
    try:
        for pagina in document:
            laag = pagina.get_textpage()
            teksten.append(re.sub(r"\s+", " ", laag.get_text_range()))
            for i in range(laag.count_chars()):
                if not chr(pdfium.FPDFText_GetUnicode(laag.raw, i)).isspace():
                    pdfium.FPDFText_GetMatrix(laag.raw, i, matrix)
                    groottes[round(pdfium.FPDFText_GetFontSize(laag.raw, i) * math.hypot(matrix.c, matrix.d), 1)] += 1
    finally:
        document.close()
    return teksten, groottes


@pytest.fixture(scope="session")
def teksten(tekstlaag) -> list[str]:
    """De tekst van elke pagina (één keer uitgelezen)."""
    return tekstlaag[0]


def bladwijzers(lezer: PdfReader) -> list[tuple[int, Destination]]:
    """Alle bladwijzers (outline) als (diepte, bladwijzer), in volgorde."""
    uit: list[tuple[int, Destination]] = []

    def loop(items, diepte: int) -> None:
        for item in items:
            if isinstance(item, list):
                loop(item, diepte + 1)
            else:
                uit.append((diepte, item))

    loop(lezer.outline, 0)
    return uit


def is_vet(item: Destination) -> bool:
    return bool(int(item.get("/F", 0)) & 2)


def gebouwde_pagina(site: Path, bron: str) -> Path:
    """Het HTML-bestand van een bronpagina (use_directory_urls: a/b.md -> a/b/index.html)."""
    pad = PurePosixPath(bron)
    map_ = pad.parent if pad.stem == "index" else pad.parent / pad.stem
    return site / map_ / "index.html"


def paginatitel(site: Path, bron: str) -> str:
    """De titel (h1) van een gebouwde pagina, voor een nav-item zonder eigen titel."""
    html_pad = gebouwde_pagina(site, bron)
    h1 = BeautifulSoup(html_pad.read_text(encoding="utf-8"), "html.parser").select_one("article h1")
    assert h1 is not None, f"geen h1 in {html_pad}"
    return h1.get_text(" ", strip=True).rstrip("¶").strip()


def verwachte_hoofdstukken(editie: Uitgave, site: Path) -> list[tuple[int, str]]:
    """(diepte, 'nummer titel') per hoofdstuk, genummerd zoals de navigatie: 1, 2, 2.1, 2.2, ..."""
    tellers: list[int] = []
    uit = []
    for h in hoofdstukken(editie):
        tellers = tellers[: h.diepte + 1]
        while len(tellers) < h.diepte + 1:
            tellers.append(0)
        tellers[h.diepte] += 1
        titel = h.titel or paginatitel(site, h.bron or "")
        uit.append((h.diepte, ".".join(map(str, tellers)) + " " + titel))
    return uit


# --- De PDF ---------------------------------------------------------------------------------------


def test_pdf_heet_naar_de_editie(pdf_pad, site):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    editie = re.search(r'^extra:\n(?:  .*\n)*?  editie: "?([^"\n]+)"?$', config, re.MULTILINE)
    assert editie, "extra.editie niet gevonden in mkdocs.yml"
    assert pdf_pad.name == f"leidraad-jobcoach-{editie.group(1)}.pdf", pdf_pad.name
    assert pdf_pad.parent == site, "de PDF hoort in de hoofdmap van de site"


def test_pdf_is_tagged_en_in_het_nederlands(pdf):
    wortel = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in wortel, "geen tagged PDF: /StructTreeRoot ontbreekt"
    assert wortel["/MarkInfo"]["/Marked"] == True, "geen tagged PDF: /MarkInfo /Marked is niet true"  # noqa: E712 - een BooleanObject van pypdf
    assert str(wortel["/Lang"]).startswith("nl"), f"documenttaal is {wortel.get('/Lang')!r}, verwacht nl"


def mkdocs_config() -> dict:
    """mkdocs.yml als gegevens (de Python-tags van MkDocs overgeslagen)."""

    return lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def test_pdf_heeft_documentgegevens(pdf, editie):
    assert editie.editie in pdf.metadata.title, pdf.metadata.title
    assert pdf.metadata.author, "geen auteur in de documentgegevens"
    assert pdf.trailer["/Root"]["/PageMode"] == "/UseOutlines", "de PDF opent niet met de bladwijzers"


def test_pdf_noemt_deze_online_editie_als_uitgever_en_de_leidraad_als_bron_met_licentie(pdf):
    """De site is geen uitgave van het AKC of de NVvA; die maakten de leidraad, de bron van deze editie."""
    config = mkdocs_config()
    leidraad = config["extra"]["leidraad"]
    assert pdf.metadata.author == config["site_name"], pdf.metadata.author
    assert "AKC" not in pdf.metadata.author and "NVvA" not in pdf.metadata.author, pdf.metadata.author
    onderwerp = pdf.metadata.subject
    assert f"Bron: {leidraad['naam']} (AKC en NVvA, {leidraad['editie']})" in onderwerp, onderwerp
    assert f"Licentie: {' '.join(config['copyright'].split())}" in onderwerp, onderwerp


def test_pdf_heeft_een_hoofdstuk_per_pagina_uit_de_navigatie(pdf, editie, site):
    verwacht = verwachte_hoofdstukken(editie, site)
    assert verwacht, "de navigatie levert geen enkel hoofdstuk op"
    hoofdstuk_bladwijzers = [(d, b.title) for d, b in bladwijzers(pdf) if is_vet(b)]
    assert hoofdstuk_bladwijzers == verwacht, f"bladwijzers {hoofdstuk_bladwijzers}\n!= navigatie {verwacht}"


def test_printversie_heeft_evenveel_secties_als_hoofdstukken(site, editie):
    soep = BeautifulSoup((site / editie.printpagina_pad).read_text(encoding="utf-8"), "html.parser")
    secties = soep.select("#print-site-page section.print-page[heading-number]")
    assert len(secties) == len(hoofdstukken(editie)), [s.get("id") for s in secties]


def test_uitgesloten_pagina_staat_niet_in_de_printversie(site, editie):
    """Een pagina die onder plugins.print-site.exclude valt (de rekenhulp), staat wel op de site maar niet in de
    printversie (en dus niet in de PDF); een pagina die er niet onder valt (de begrippenlijst) wel."""
    assert editie.uitgesloten("rekenhulp.md") and not editie.uitgesloten("begrippen.md"), editie.uitsluiten
    assert (site / "rekenhulp" / "index.html").is_file(), "de rekenhulp hoort wel op de site"
    printversie = BeautifulSoup((site / editie.printpagina_pad).read_text(encoding="utf-8"), "html.parser")
    secties = [s["id"] for s in printversie.select("#print-site-page section.print-page[heading-number]")]
    assert "begrippen" in secties and "rekenhulp" not in secties, secties
    assert len(secties) == len(hoofdstukken(editie)), (secties, hoofdstukken(editie))


def test_bladwijzers_beginnen_met_voorblad_en_inhoud(pdf, editie):
    eerste = bladwijzers(pdf)[:2]
    assert [(d, b.title) for d, b in eerste] == [(0, editie.site_naam), (0, "Inhoud")], eerste
    assert [pdf.get_destination_page_number(b) for _, b in eerste] == [0, 1]


def test_inhoudsopgave_heeft_kloppende_paginanummers(pdf):
    hoofdstukken_ = {b.title: pdf.get_destination_page_number(b) + 1 for _, b in bladwijzers(pdf) if is_vet(b)}
    # De inhoudsopgave begint op pagina 2 en loopt tot het eerste hoofdstuk (soms meer dan één pagina).
    # NFKC: de tekstlaag van de PDF kan ligaturen bevatten ('ﬁ' voor 'fi').
    regels = []
    for index in range(1, min(hoofdstukken_.values()) - 1):
        tekst = unicodedata.normalize("NFKC", pdf.pages[index].extract_text(extraction_mode="layout"))
        regels += [r.strip() for r in tekst.splitlines()]
    assert regels and regels[0] == "Inhoud", regels[:3]
    inhoud = {}
    for regel in regels:
        m = re.fullmatch(r"(\d+(?:\.\d+)* .+?)\s{2,}(\d+)", regel)
        if m:
            inhoud[m.group(1)] = int(m.group(2))
    assert inhoud == hoofdstukken_, f"inhoudsopgave {inhoud}\n!= bladwijzers {hoofdstukken_}"


def test_voorblad_heeft_titel_editie_datum_status_licentie_en_bron(teksten, editie):
    maanden = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december"]
    datum = f"{editie.datum.day} {maanden[editie.datum.month - 1]} {editie.datum.year}"
    for verwacht in (editie.site_naam, f"Editie {editie.editie}", f"Datum {datum}", "Status Oranje stand",
                     "CC BY 4.0", "Bron Leidraad Jobcoach (AKC en NVvA, 2011)"):
        assert verwacht in teksten[0], f"'{verwacht}' ontbreekt op het voorblad: {teksten[0]}"


def test_voorblad_noemt_de_uitgever_en_het_tijdvak(teksten):
    config = mkdocs_config()
    leidraad = config["extra"]["leidraad"]
    vervallen = dt.date.fromisoformat(str(leidraad["protocol_vervallen"]))
    maanden = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december"]
    voorblad = teksten[0]
    assert "Arbeidsdeskundig Kenniscentrum (AKC) en NVvA" not in voorblad, "het voorblad noemt AKC en NVvA als uitgever"
    for verwacht in (
        f"Uitgever {config['site_name']}",
        "Geen uitgave van het Arbeidsdeskundig Kenniscentrum (AKC) of de NVvA",
        f"de {leidraad['naam']} is van {leidraad['editie']} ({leidraad['stand']} stand)",
        f"Het {leidraad['protocol']} waarop hij rust, geldt sinds {vervallen.day} {maanden[vervallen.month - 1]} "
        f"{vervallen.year} niet meer",
        "Wat geldt nu",
        f"Licentie {' '.join(config['copyright'].split())}",
        # Een voorlopig adres (extra.onderhoudsgroep.voorlopig) staat er niet op: "nog in te vullen" (issue 22).
        ("Klopt er iets niet? Het e-mailadres van de onderhoudsgroep is nog in te vullen"
         if config["extra"]["onderhoudsgroep"].get("voorlopig") is True
         else f"Klopt er iets niet? Mail de onderhoudsgroep: {config['extra']['onderhoudsgroep']['email']}"),
    ):
        assert verwacht in voorblad, f"'{verwacht}' ontbreekt op het voorblad: {voorblad}"


def test_elke_pagina_heeft_een_voettekst_met_paginanummer(teksten, editie):
    for i, tekst in enumerate(teksten):
        assert f"pagina {i + 1} van {len(teksten)}" in tekst, f"pagina {i + 1}: geen paginanummer in de voettekst"
        assert f"editie {editie.editie}" in tekst, f"pagina {i + 1}: geen editie in de voettekst"


def test_elke_pagina_noemt_in_de_voettekst_de_datum_van_de_editie(teksten):
    """Wie een blad meeneemt naar een overleg, ziet welke editie van welke dag het is (datum uit mkdocs.yml)."""
    config = lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    jaar, maand, dag = (int(d) for d in str(config["extra"]["editiedatum"]).split("-"))
    maanden = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december"]
    datum = f"{dag} {maanden[maand - 1]} {jaar}"
    zonder = [i + 1 for i, tekst in enumerate(teksten) if f"editie {config['extra']['editie']} · {datum}" not in tekst]
    assert not zonder, f"pagina's zonder editie en datum '{datum}' in de voettekst: {zonder[:10]}"


def test_elke_bladzijde_van_een_hoofdstuk_begint_met_het_webadres_van_die_pagina(pdf, teksten, editie, site):
    """Kopregel: het adres van de pagina op de site, op elke bladzijde van dat hoofdstuk; niet op voorblad en inhoud."""
    site_url = lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"].rstrip("/")
    vet = [b for _, b in bladwijzers(pdf) if is_vet(b)]
    lijst = hoofdstukken(editie)
    assert len(vet) == len(lijst), (len(vet), len(lijst))
    begin = []  # (eerste bladzijde vanaf 0, verwacht adres) per hoofdstuk dat een pagina is
    for bladwijzer, hoofdstuk in zip(vet, lijst):
        if hoofdstuk.bron is None:
            continue
        pad = PurePosixPath(hoofdstuk.bron)
        map_ = pad.parent if pad.stem == "index" else pad.parent / pad.stem
        adres = site_url + "/" + (f"{map_}/" if str(map_) != "." else "")
        begin.append((pdf.get_destination_page_number(bladwijzer), adres))
    fout = []
    for i, (eerste, adres) in enumerate(begin):
        laatste = begin[i + 1][0] if i + 1 < len(begin) else len(teksten)
        for blad in range(eerste, laatste):
            if not teksten[blad].strip().startswith(adres + " "):
                fout.append(f"blad {blad + 1}: verwacht '{adres}', staat: {teksten[blad][:80]!r}")
    assert not fout, "\n".join(fout[:10])
    for blad in range(begin[0][0]):
        assert not teksten[blad].strip().startswith(site_url), f"blad {blad + 1} (voorblad/inhoud) heeft een webadres"


def test_casusgetallen_staan_in_de_pdf(teksten):
    tekst = " ".join(teksten)
    assert "42 uur" in tekst, "'42 uur' ontbreekt in de PDF"
    assert "4,37%" in tekst, "'4,37%' ontbreekt in de PDF"
    assert "(42/960) × 100% = 4,37%" in tekst, "de samenvatting van de urenberekening ontbreekt"


def test_tekst_is_niet_verkleind(tekstlaag):
    """Chromium verkleint de hele pagina als iets breder is dan A4; dan wordt alles onleesbaar klein."""
    groottes = tekstlaag[1]
    assert groottes, "geen tekst gezien"
    lopende_tekst = groottes.most_common(1)[0][0]
    assert lopende_tekst >= 10, f"lopende tekst is {lopende_tekst} pt; verkleind? {groottes.most_common(5)}"
    assert min(groottes) >= 7.5, f"kleinste tekst is {min(groottes)} pt: te klein om te lezen"


def test_twee_paginas_als_png(pdf_pad, teksten):
    """Teken het voorblad en de pagina met de urenberekening; bewaar ze om te bekijken."""
    casus = next(i for i, tekst in enumerate(teksten) if "Urenberekening per rij" in tekst)
    document = pypdfium2.PdfDocument(pdf_pad)
    try:
        for naam, index in (("voorblad", 0), ("urenberekening", casus)):
            beeld = document[index].render(scale=1.5).to_pil().convert("L")
            breedte, hoogte = beeld.size
            assert abs(hoogte / breedte - 297 / 210) < 0.01, f"{naam}: geen A4 ({breedte}×{hoogte})"
            donker = sum(beeld.histogram()[:128]) / (breedte * hoogte)  # aandeel donkere pixels
            assert donker > 0.01, f"{naam}: de pagina is (bijna) leeg ({donker:.2%} donker)"
            beeld.save(ARTEFACTEN / f"{pdf_pad.stem}-{naam}.png")
    finally:
        document.close()


# --- De link "Download als PDF" -------------------------------------------------------------------


def test_elke_pagina_linkt_naar_de_pdf(site, pdf_pad):
    paginas = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(paginas) >= 3, paginas
    for html_pad in paginas:
        soep = BeautifulSoup(html_pad.read_text(encoding="utf-8"), "html.parser")
        links = [a for a in soep.find_all("a") if a.get_text(" ", strip=True).startswith("Download als PDF")]
        assert len(links) == 1, f"{html_pad.relative_to(site)}: {len(links)} links 'Download als PDF'"
        href = links[0]["href"]
        assert not urlparse(href).scheme and not href.startswith("/"), f"{html_pad}: geen relatieve link: {href}"
        doel = (html_pad.parent / unquote(href)).resolve()
        assert doel == pdf_pad.resolve(), f"{html_pad.relative_to(site)}: link wijst naar {doel}, niet naar de PDF"


# --- Foutmeldingen van leidraadsite.nabouw.pdf en leidraadsite.inhoud.config ------------------------------------


def test_pdf_script_meldt_ontbrekende_printversie(tmp_path):
    resultaat = maak_pdf(tmp_path)
    assert resultaat.returncode == 1, resultaat
    assert "de printversie ontbreekt" in resultaat.stderr and "mkdocs build" in resultaat.stderr, resultaat.stderr


def schrijf_config(map_: Path, tekst: str) -> Path:
    pad = map_ / "mkdocs.yml"
    pad.write_text(tekst, encoding="utf-8")
    return pad


CONFIG = """\
site_name: Test
extra:
  editie: "{editie}"
  editiedatum: 2026-11-26
  status: oranje stand
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - print-site:
      print_page_basename: printversie
      exclude:
        - "*rekenhulp*.md"
        - "over/*"
nav:
  - Start: index.md
  - Leidraad:
      - Doel: leidraad/doel.md
      - Rekenhulp: leidraad/rekenhulp.md
      - leidraad/zonder-titel.md
  - Over:
      - Toegankelijkheid: over/toegankelijkheid.md
  - Extern: https://example.org/
  - Begrippen: begrippen.md
"""


def test_hoofdstukken_volgen_de_navigatie_zonder_uitgesloten_paginas(tmp_path):
    editie = lees_editie(schrijf_config(tmp_path, CONFIG.format(editie="2026.1")))
    assert editie.pdf_bestand == "leidraad-jobcoach-2026.1.pdf"
    assert editie.printpagina_pad == "printversie/index.html"
    assert hoofdstukken(editie) == [
        Hoofdstuk("Start", 0, "index.md"),
        Hoofdstuk("Leidraad", 0, None),
        Hoofdstuk("Doel", 1, "leidraad/doel.md"),
        Hoofdstuk("", 1, "leidraad/zonder-titel.md"),
        Hoofdstuk("Begrippen", 0, "begrippen.md"),
    ]


@pytest.mark.parametrize(
    ("vervang", "melding"),
    [
        (('editie: "2026.1"', 'editie: "2026 1"'), "extra.editie ontbreekt of is ongeldig"),
        (('editie: "2026.1"', 'editie: "../x"'), "extra.editie ontbreekt of is ongeldig"),
        (('  editie: "2026.1"\n', ""), "extra.editie ontbreekt of is ongeldig"),
        (("editiedatum: 2026-11-26", "editiedatum: morgen"), "extra.editiedatum"),
        (("  status: oranje stand\n", ""), "extra.status ontbreekt"),
        (("  - print-site:\n", "  - iets-anders:\n"), "de plugin 'print-site' ontbreekt"),
        (("plugins:\n  - search\n", "plugins:\n  - search\n  - macros\n"), None),
    ],
)
def test_editie_fouten_in_mkdocs_yml(tmp_path, vervang, melding):
    tekst = CONFIG.format(editie="2026.1")
    assert vervang[0] in tekst, vervang
    pad = schrijf_config(tmp_path, tekst.replace(*vervang))
    if melding is None:  # een plugin vóór print-site is goed: print-site blijft de laatste
        assert lees_editie(pad).editie == "2026.1", "geldige instellingen gaven een fout"
        return
    with pytest.raises(UitgaveFout, match=re.escape(melding)):
        lees_editie(pad)


def test_print_site_moet_de_laatste_plugin_zijn(tmp_path):
    tekst = CONFIG.format(editie="2026.1").replace("\nnav:", "\n  - macros\nnav:", 1)
    with pytest.raises(UitgaveFout, match="moet de laatste plugin zijn"):
        lees_editie(schrijf_config(tmp_path, tekst))
