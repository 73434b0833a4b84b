"""Sjablonen om te kopiëren: het casusbestand, de casusrapportage, het coachingsplan, het
matchingsformulier, het logboek van de jobcoach en het toetsingsformulier.

De sjablonen staan als tekst in ``data/sjablonen/`` (Markdown en YAML). Dit is de enige bron:

- de site toont de tekst op de pagina's onder *Sjablonen* (met een kopieerknop);
- bij elke bouw maakt :func:`downloads` er bestanden van om te downloaden: de tekst zelf
  (``.md`` of ``.yml``) en van elk Markdown-sjabloon een Word-bestand (``.docx``) met echte
  koppen en tabellen met een kopregel, zodat een schermlezer de structuur kent;
- ``jobcoach nieuw`` maakt met :func:`casusbestand` en :func:`casuspagina` een nieuwe casus.

In een sjabloon staat ``@coachingsdoelen@`` voor de lijst coachingsdoelen uit de regels
(``data/regels.yml``), ``@einde_protocollen@`` voor de dag waarop het Protocol Jobcoach verviel en
``@interne_jobcoach_maxima@`` voor de grenzen per jaar van de interne jobcoach, zodat die nergens met de hand worden
overgetypt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import json
import os
import re
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import metadata
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from markdown import Markdown
from markdown_it import MarkdownIt

from jobcoach.opmaak import procent
from jobcoach.regels import Regels

from leidraadsite.inhoud.paginas import datum_tekst

SJABLONEN_MAP = Path(__file__).parents[1] / "data" / "sjablonen"

# Het casusbestand en de vier documenten. De volgorde is die van de pagina's.
SJABLONEN: dict[str, str] = {
    "casus.yml": "Casusbestand",
    "casusrapport.md": "Casusrapportage arbeidsdeskundige",
    "coachingsplan.md": "Coachingsplan met urenonderbouwing",
    "matchingsformulier.md": "Matchingsformulier",
    "logboek.md": "Logboek jobcoach",
    "toetsingsformulier.md": "Toetsingsformulier aanvraag jobcoach",
}
# Het sjabloon voor de pagina van een nieuwe casus (alleen voor ``nieuw``, geen download).
CASUSPAGINA = "casuspagina.md"

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class SjabloonFout(Exception):
    """Een sjabloon bestaat niet of is niet te verwerken."""


@dataclass(frozen=True)
class Download:
    """Een bestand om te downloaden, gemaakt bij de bouw van de site."""

    bestandsnaam: str
    inhoud: bytes
    soort: str  # voor mensen: "Markdown", "YAML" of "Word"


def _lees(bestand: str) -> str:
    pad = SJABLONEN_MAP / bestand
    if not pad.is_file():
        bekend = ", ".join(sorted(SJABLONEN))
        raise SjabloonFout(f"sjabloon '{bestand}' bestaat niet; bekende sjablonen: {bekend}")
    return pad.read_text(encoding="utf-8")


def _coachingsdoelen(regels: Regels) -> str:
    return "\n".join(f"{nummer}. {omschrijving}" for nummer, omschrijving in sorted(regels.coachingsdoelen.items()))


def sjabloon_tekst(bestand: str, regels: Regels) -> str:
    """De tekst van een sjabloon, met de coachingsdoelen uit de regels ingevuld."""
    if bestand not in SJABLONEN:
        raise SjabloonFout(f"sjabloon '{bestand}' bestaat niet; bekende sjablonen: {', '.join(SJABLONEN)}")
    tekst = _lees(bestand)
    if "@coachingsdoelen@" in tekst:
        tekst = tekst.replace("@coachingsdoelen@", _coachingsdoelen(regels))
    if "@einde_protocollen@" in tekst:  # de eerste dag zonder Protocol Jobcoach, uit de regels
        einde = regels.einde_protocollen()
        if einde is None:
            raise SjabloonFout("de regels noemen geen einde van de protocollen, maar een sjabloon vraagt @einde_protocollen@")
        tekst = tekst.replace("@einde_protocollen@", datum_tekst(einde))
    if "@interne_jobcoach_maxima@" in tekst:
        tekst = tekst.replace("@interne_jobcoach_maxima@", _interne_jobcoach_maxima(regels))
    over = re.findall(r"@[a-z_]+@", tekst)
    if over:
        raise SjabloonFout(f"sjabloon '{bestand}': onbekende invulplek {over[0]}")
    return tekst


def _interne_jobcoach_maxima(regels: Regels) -> str:
    """De grenzen per jaar van de nieuwste regeling voor de interne jobcoach: 'jaar 1 hoogstens 15%, …'."""
    intern = [p for p in regels.protocollen if p.soort == "intern" and p.max_per_jaar]
    if not intern:
        raise SjabloonFout("de regels noemen geen interne jobcoach met grenzen per jaar (max_per_jaar), "
                           "maar een sjabloon vraagt @interne_jobcoach_maxima@")
    nieuwste = max(intern, key=lambda p: p.geldig_van)
    delen = [f"jaar {jaar} hoogstens {procent(m)}" for jaar, m in enumerate(nieuwste.max_per_jaar or [], start=1)]
    return ", ".join(delen[:-1]) + " en " + delen[-1] if len(delen) > 1 else delen[0]


def codeblok(bestand: str, regels: Regels) -> str:
    """Het sjabloon als Markdown-codeblok, om op een pagina te tonen (met kopieerknop)."""
    tekst = sjabloon_tekst(bestand, regels)
    taal = "yaml" if bestand.endswith(".yml") else "markdown"
    # Een hek dat langer is dan elke reeks backticks in de tekst, zodat het blok nooit te vroeg sluit.
    langste = max((len(m) for m in re.findall(r"`+", tekst)), default=0)
    hek = "`" * max(3, langste + 1)
    return f"{hek} {taal}\n{tekst.rstrip()}\n{hek}"


def voorbeeld_html(bestand: str, regels: Regels) -> str:
    """Een Markdown-sjabloon als HTML: zo ziet het formulier eruit (koppen en tabellen), om op de pagina te tonen.

    De koppen van het sjabloon schuiven twee niveaus op (``#`` wordt ``<h3>``): het voorbeeld staat op de pagina
    onder een kop van niveau 2. Gemaakt met Python-Markdown en dezelfde extensies voor afkortingen en tabellen als de
    pagina's (``leidraadsite.weergave.afkortingen``, ``leidraadsite.weergave.tabellen``). Ruwe HTML in een sjabloon komt hier niet: het Word-bestand weigert die al
    (``maak_docx``), en daarmee de bouw.
    """
    if not bestand.endswith(".md"):
        raise SjabloonFout(f"sjabloon '{bestand}': alleen een Markdown-sjabloon heeft een voorbeeld")
    tekst = sjabloon_tekst(bestand, regels)
    te_diep = re.search(r"(?m)^#{5,} ", tekst)
    if te_diep:
        regel = tekst[: te_diep.start()].count("\n") + 1
        raise SjabloonFout(f"sjabloon '{bestand}': kop te diep voor het voorbeeld (regel {regel})")
    opgeschoven = re.sub(r"(?m)^(#{1,4}) ", lambda m: "##" + m.group(1) + " ", _lege_rijen_samen(tekst))
    html = Markdown(extensions=["tables", "leidraadsite.weergave.afkortingen", "leidraadsite.weergave.tabellen"]).convert(
        opgeschoven)
    titel = SJABLONEN.get(bestand, bestand)
    return (f'<div class="sjabloon-voorbeeld" role="group" aria-label="Voorbeeld: {escape(titel, quote=True)}">\n'
            f"{html}\n</div>")


_LEGE_RIJ = re.compile(r"^\|(\s*\|)+\s*$")


def _lege_rijen_samen(tekst: str) -> str:
    """Voor het voorbeeld: een reeks lege tabelrijen wordt één lege rij, met onder de tabel hoeveel het er in het
    formulier zijn (26 lege rijen van het logboek zijn op het scherm alleen lijnen, en op een telefoon een lange
    reeks lege blokken). Het Word-bestand en de tekst om te kopiëren houden alle rijen."""
    uit: list[str] = []
    aantal = 0  # lege rijen in de reeks waar we nu in zitten
    noten: list[int] = []  # per samengevoegde reeks van deze tabel: hoeveel lege rijen

    def einde_reeks() -> None:
        nonlocal aantal
        if aantal > 1:
            noten.append(aantal)
        aantal = 0

    for regel in tekst.splitlines():
        if _LEGE_RIJ.match(regel):
            aantal += 1
            if aantal == 1:
                uit.append(regel)
            continue
        einde_reeks()
        if not regel.startswith("|") and noten:  # de tabel is af
            uit += ["", *(f"*In het formulier staan hier {n} lege rijen.*" for n in noten), ""]
            noten = []
        uit.append(regel)
    einde_reeks()
    if noten:
        uit += ["", *(f"*In het formulier staan hier {n} lege rijen.*" for n in noten)]
    return "\n".join(uit) + "\n"


def docx_naam(bestand: str) -> str:
    return Path(bestand).with_suffix(".docx").name


DOWNLOADS = "sjablonen/downloads"  # de map van de downloads in de gebouwde site


def download_namen() -> list[str]:
    """De namen van alle downloads, zonder ze te maken (in de volgorde van ``downloads``)."""
    return [n for b in SJABLONEN for n in ([b, docx_naam(b)] if b.endswith(".md") else [b])]


def schrijf_downloads(site: Path, regels: Regels, editie: str | None = None) -> list[Path]:
    """Zet alle downloads in de gebouwde site (``sjablonen/downloads/``); een bestand dat al gelijk is, blijft staan."""
    map_ = site / DOWNLOADS
    map_.mkdir(parents=True, exist_ok=True)
    geschreven = []
    for download in downloads(regels, editie):
        pad = map_ / download.bestandsnaam
        if not pad.is_file() or pad.read_bytes() != download.inhoud:
            pad.write_bytes(download.inhoud)
        geschreven.append(pad)
    return geschreven


def downloads(regels: Regels, editie: str | None = None) -> list[Download]:
    """Alle downloads: elk sjabloon als tekst, en elk Markdown-sjabloon ook als Word-bestand."""
    resultaat = []
    for bestand, titel in SJABLONEN.items():
        tekst = sjabloon_tekst(bestand, regels)
        soort = "YAML" if bestand.endswith(".yml") else "Markdown"
        resultaat.append(Download(bestand, tekst.encode("utf-8"), soort))
        if bestand.endswith(".md"):
            resultaat.append(Download(docx_naam(bestand), markdown_naar_docx(tekst, titel, editie), "Word"))
    return resultaat


# --- Markdown naar Word ------------------------------------------------------------------------


def _cachemap() -> Path:
    """De cache van deze gebruiker: ``$XDG_CACHE_HOME`` (of ``~/.cache``; op Windows ``%LOCALAPPDATA%``).

    Niet de gedeelde tijdelijke map: daar kan een andere gebruiker van de machine onder een voorspelbare naam een
    vervalst bestand neerzetten, dat de volgende bouw dan publiceerde.
    """
    basis = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if os.name == "nt" else None)
    return Path(basis or Path.home() / ".cache") / "leidraad-jobcoach" / "docx"


_DOCX_CACHE = _cachemap()
_KOP = 64  # de eerste 64 tekens van een cachebestand: sha256 (hex) van sleutel en inhoud


def _van_mij(status: os.stat_result) -> bool:
    """Van deze gebruiker, en door niemand anders te beschrijven (op Windows: altijd waar; het profiel is privé)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows
        return True
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _prive_map(map_: Path) -> Path | None:
    """De cachemap, alleen als die van deze gebruiker is en niemand anders erin kan schrijven; anders geen cache."""
    try:
        map_.mkdir(parents=True, exist_ok=True, mode=0o700)
        status = os.lstat(map_)
    except OSError:
        return None
    if not stat.S_ISDIR(status.st_mode) or not _van_mij(status):
        return None
    return map_


def _controle(sleutel: str, inhoud: bytes) -> bytes:
    return hashlib.sha256(sleutel.encode() + b"\x00" + inhoud).hexdigest().encode()


def _lees_cache(map_: Path, sleutel: str) -> bytes | None:
    """Het Word-bestand uit de cache, alleen als het bestand van deze gebruiker is en de controlesom klopt."""
    try:
        fd = os.open(map_ / f"{sleutel}.docx", os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        status = os.fstat(f.fileno())
        if not stat.S_ISREG(status.st_mode) or not _van_mij(status) or status.st_size > 50_000_000:
            return None
        gegevens = f.read()
    kop, inhoud = gegevens[:_KOP], gegevens[_KOP:]
    if not hmac.compare_digest(kop, _controle(sleutel, inhoud)) or not zipfile.is_zipfile(io.BytesIO(inhoud)):
        return None
    return inhoud


def _schrijf_cache(map_: Path, sleutel: str, inhoud: bytes) -> None:
    try:
        fd, tijdelijk = tempfile.mkstemp(dir=map_, suffix=".tmp")  # alleen voor deze gebruiker (0600)
        with os.fdopen(fd, "wb") as f:
            f.write(_controle(sleutel, inhoud) + inhoud)
        os.replace(tijdelijk, map_ / f"{sleutel}.docx")  # in één keer: een andere bouw ziet nooit een half bestand
    except OSError:
        pass  # zonder cache gaat het ook, alleen trager


def _docx_sleutel(tekst: str, titel: str, editie: str | None) -> str:
    """Alles waar het Word-bestand van afhangt: de tekst, de titel, de editie, deze code en python-docx."""
    delen = [tekst, titel, editie or "", Path(__file__).read_text(encoding="utf-8"), metadata.version("python-docx")]
    return hashlib.sha256("\x00".join(delen).encode("utf-8")).hexdigest()


@lru_cache(maxsize=32)
def markdown_naar_docx(tekst: str, titel: str, editie: str | None = None) -> bytes:
    """Het Word-bestand van een Markdown-sjabloon, uit de cache als niets veranderd is.

    Een Word-bestand maken kost per sjabloon ongeveer 0,2 s, bij elke bouw en elke herbouw van
    ``mkdocs serve``. De cache bewaart het bestand onder een sleutel van alles waar het van afhangt (zie
    ``_docx_sleutel``), in een map van deze gebruiker alleen (``_cachemap``). Een cachebestand telt alleen als
    de map en het bestand van deze gebruiker zijn, niemand anders erin kan schrijven, en de controlesom (sha256
    van sleutel en inhoud, vooraan in het bestand) klopt; anders wordt het Word-bestand opnieuw gemaakt.
    """
    sleutel = _docx_sleutel(tekst, titel, editie)
    map_ = _prive_map(_DOCX_CACHE)
    inhoud = _lees_cache(map_, sleutel) if map_ is not None else None
    if inhoud is not None:
        return inhoud
    inhoud = maak_docx(tekst, titel, editie)
    if map_ is not None:
        _schrijf_cache(map_, sleutel, inhoud)
    return inhoud


# Wat XML 1.0 niet toestaat (stuurtekens behalve tab en nieuwe regel, losse surrogaten, U+FFFE en U+FFFF): Word opent
# een bestand met zo'n teken niet ('PCDATA invalid Char value 11'). De Word-schrijver laat ze weg.
_NIET_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def zonder_xml_verboden(tekst: str) -> str:
    """De tekst zonder de tekens die XML 1.0 verbiedt."""
    return _NIET_IN_XML.sub("", tekst)


def maak_docx(tekst: str, titel: str, editie: str | None = None) -> bytes:
    """Zet een Markdown-sjabloon om in een Word-bestand (.docx).

    Ondersteund: koppen (``#`` tot en met ``####``), alinea's met vet en cursief, lijsten met
    streepjes of nummers, en tabellen. Koppen krijgen de stijlen *Kop 1* tot en met *Kop 4*; de
    eerste rij van elke tabel is een echte kopregel (herhaald op elke pagina) met een
    tabelbeschrijving, zodat schermlezers de tabel goed voorlezen. De taal is Nederlands.
    Iets anders in de Markdown geeft een ``SjabloonFout``: zo valt er nooit stil iets weg. Alleen tekens die XML
    verbiedt (zoals een verticale tab) vallen weg: met zo'n teken opent Word het bestand niet.
    """
    tekst, titel = zonder_xml_verboden(tekst), zonder_xml_verboden(titel)
    editie = zonder_xml_verboden(editie) if editie else editie
    doc = Document()
    _nederlands(doc)
    _huisstijl(doc)
    sectie = doc.sections[0]
    sectie.page_width, sectie.page_height = Cm(21), Cm(29.7)  # A4
    for kant in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sectie, kant, Cm(2))
    sectie.header_distance = sectie.footer_distance = Cm(1)
    kop = sectie.header.paragraphs[0]
    kop.text = f"{HUIS['uitgever']} · {titel}" + (f" · editie {editie}" if editie else "")
    kop.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    voet = "Sjabloon van de Leidraad Jobcoach online" + (f", editie {editie}" if editie else "") + "."
    voetregel = sectie.footer.paragraphs[0]
    voetregel.text = voet.removesuffix(".")
    voetregel.add_run(" · pagina ")
    _veld(voetregel, "PAGE")
    voetregel.add_run(" van ")
    _veld(voetregel, "NUMPAGES")
    for naam in ("Header", "Footer"):  # ook de paginanummers (velden) krijgen deze opmaak
        doc.styles[naam].font.size = Pt(8)
        doc.styles[naam].font.color.rgb = RGBColor.from_string(HUIS["grijs"])
    eigenschappen = doc.core_properties
    eigenschappen.title = titel
    eigenschappen.subject = "Sjabloon bij de Leidraad Jobcoach"
    eigenschappen.author = "Leidraad Jobcoach online"
    eigenschappen.language = "nl-NL"
    eigenschappen.keywords = "jobcoach, sjabloon, arbeidsdeskundige"
    eigenschappen.comments = voet

    tokens = MarkdownIt("commonmark").enable("table").parse(tekst)
    lijsten: list[str] = []  # stijl van de lijsten waar we nu in zitten
    laatste_kop = titel
    i = 0
    while i < len(tokens):
        token = tokens[i]
        soort = token.type
        if soort == "heading_open":
            niveau = int(token.tag[1])
            if niveau > 4:
                raise SjabloonFout(f"kop van niveau {niveau} wordt niet ondersteund (regel {token.map[0] + 1 if token.map else '?'})")
            laatste_kop = tokens[i + 1].content
            kop = _alinea(doc, f"Heading{niveau}")
            _inline(kop, tokens[i + 1])
            i += 3
            continue
        if soort in {"bullet_list_open", "ordered_list_open"}:
            lijsten.append("ListNumber" if soort == "ordered_list_open" else "ListBullet")
        elif soort in {"bullet_list_close", "ordered_list_close"}:
            lijsten.pop()
        elif soort == "paragraph_open":
            alinea = _alinea(doc, lijsten[-1] if lijsten else None)
            _inline(alinea, tokens[i + 1])
            i += 3
            continue
        elif soort == "table_open":
            einde = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
            _tabel(doc, tokens[i:einde], laatste_kop)
            i = einde + 1
            continue
        elif soort not in {"list_item_open", "list_item_close", "paragraph_close"}:
            regel = f" (regel {token.map[0] + 1 if token.map else '?'})" if token.map else ""
            raise SjabloonFout(f"Markdown-onderdeel '{soort}' wordt niet ondersteund in een sjabloon{regel}")
        i += 1

    uit = io.BytesIO()
    doc.save(uit)
    return uit.getvalue()


# De huisstijl van de Word-bestanden: de letter en de kleuren van de site (docs/stylesheets/jobcoach.css).
HUIS: dict[str, Any] = {
    "uitgever": "Leidraad Jobcoach online",
    "letter": "Arial",  # schreefloos; LibreOffice toont dezelfde maten met Liberation Sans
    "grootte": 10.5,
    "indigo": "3949AB",  # de hoofdkleur van de site (indigo), contrast met wit 7,5:1
    "kopregel": "E8EAF6",  # lichte indigo voor de kopregel van tabellen
    "grijs": "595959",  # contrast met wit 7:1
}
# Kolombreedte: de bladspiegel, en hoe breed een teken is in de kop (vet, 9-10 pt) en in een gewone cel, met ruimte
# voor de bredere letters van andere schreefloze letters dan Arial; de marges links en rechts in een cel samen.
BLADSPIEGEL_CM = 17.0
CM_PER_TEKEN_KOP = 0.22
CM_PER_TEKEN = 0.2
CEL_MARGES_CM = 0.45
# Hoe hoog een lege rij is, zodat er met de hand in geschreven kan worden.
RIJHOOGTE_INVULLEN = Cm(0.9)  # een rij met een leeg invulvak
RIJHOOGTE_SCHRIJFVAK = Cm(4)  # een tabel van hooguit twee kolommen die helemaal leeg is: een vak voor een beschrijving


def _huisstijl(doc) -> None:  # noqa: ANN001
    """Letter en kleuren van de site in de stijlen van het document (Standaard, Kop 1–4)."""
    standaard = doc.styles["Normal"]
    standaard.font.name = HUIS["letter"]
    standaard.font.size = Pt(HUIS["grootte"])
    rfonts = standaard.element.get_or_add_rPr().get_or_add_rFonts()
    for sleutel in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(sleutel), HUIS["letter"])
    for niveau, grootte in ((1, 18), (2, 14), (3, 12), (4, 11)):
        stijl = doc.styles[f"Heading {niveau}"]
        stijl.font.name = HUIS["letter"]
        stijl.font.size = Pt(grootte)
        stijl.font.bold = True
        stijl.font.color.rgb = RGBColor.from_string(HUIS["indigo"])
        rfonts = stijl.element.get_or_add_rPr().get_or_add_rFonts()
        for sleutel in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(sleutel), HUIS["letter"])
        for thema in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            rfonts.attrib.pop(qn(thema), None)


def _veld(alinea, code: str) -> None:  # noqa: ANN001
    """Een Word-veld (PAGE, NUMPAGES) in een alinea; Word en LibreOffice vullen het bij het tonen in."""
    run = alinea.add_run()
    begin, instructie, einde = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instructie.set(qn("xml:space"), "preserve")
    instructie.text = code
    einde.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instructie)
    run._r.append(einde)


def _arceer(cel, kleur: str) -> None:  # noqa: ANN001
    tc_pr = cel._tc.get_or_add_tcPr()
    arcering = OxmlElement("w:shd")
    arcering.set(qn("w:val"), "clear")
    arcering.set(qn("w:color"), "auto")
    arcering.set(qn("w:fill"), kleur)
    tc_pr.append(arcering)


def _alinea(doc, stijl: str | None):  # noqa: ANN001, ANN202
    """Een nieuwe alinea met een stijl (op id, zoals 'Heading1'). Sneller dan python-docx op naam laten zoeken."""
    alinea = doc.add_paragraph()
    if stijl:
        alinea._p.style = stijl
    return alinea


def _nederlands(doc) -> None:  # noqa: ANN001 - een python-docx-document
    """Zet de taal van de hele tekst op Nederlands (spellingcontrole en schermlezers)."""
    standaard = doc.styles.element.find(qn("w:docDefaults"))
    rpr = standaard.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    taal = rpr.find(qn("w:lang"))
    if taal is None:
        taal = OxmlElement("w:lang")
        rpr.append(taal)
    taal.set(qn("w:val"), "nl-NL")
    taal.set(qn("w:eastAsia"), "nl-NL")


def _inline(alinea, token) -> None:  # noqa: ANN001
    """Voeg de tekst van een inline-token toe als runs, met vet en cursief."""
    vet = cursief = False
    for kind in token.children or []:
        if kind.type == "text":
            run = alinea.add_run(kind.content)
            run.bold, run.italic = vet or None, cursief or None
        elif kind.type == "code_inline":
            run = alinea.add_run(kind.content)
            run.font.name = "Courier New"
        elif kind.type == "softbreak":
            alinea.add_run(" ")
        elif kind.type == "hardbreak":
            alinea.add_run().add_break(WD_BREAK.LINE)
        elif kind.type in {"strong_open", "strong_close"}:
            vet = kind.type == "strong_open"
        elif kind.type in {"em_open", "em_close"}:
            cursief = kind.type == "em_open"
        else:
            raise SjabloonFout(f"Markdown-onderdeel '{kind.type}' wordt niet ondersteund in een sjabloon")


def _tabel(doc, tokens, bijschrift: str) -> None:  # noqa: ANN001
    rijen: list[tuple[bool, list]] = []  # (kopregel?, inline-tokens van de cellen)
    in_kop = False
    for token in tokens:
        if token.type == "thead_open":
            in_kop = True
        elif token.type == "thead_close":
            in_kop = False
        elif token.type == "tr_open":
            rijen.append((in_kop, []))
        elif token.type == "inline":
            rijen[-1][1].append(token)
    kolommen = max(len(cellen) for _, cellen in rijen)
    tabel = doc.add_table(rows=0, cols=kolommen)
    tabel._tbl.tblPr.style = "TableGrid"  # tabel met randen (stijl 'Table Grid')
    marges = OxmlElement("w:tblCellMar")  # wat lucht boven en onder de tekst in elke cel
    for kant, twips in (("top", 45), ("bottom", 45), ("left", 100), ("right", 100)):
        marge = OxmlElement(f"w:{kant}")
        marge.set(qn("w:w"), str(twips))
        marge.set(qn("w:type"), "dxa")
        marges.append(marge)
    tabel._tbl.tblPr.append(marges)
    tabel.alignment = WD_TABLE_ALIGNMENT.CENTER
    # Een beschrijving van de tabel (alternatieve tekst) voor schermlezers.
    tbl_pr = tabel._tbl.tblPr
    for sleutel in ("w:tblCaption", "w:tblDescription"):
        element = OxmlElement(sleutel)
        element.set(qn("w:val"), bijschrift)
        tbl_pr.append(element)
    for is_kop, cellen in rijen:
        rij = tabel.add_row()
        tr_pr = rij._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))  # een rij breekt niet over twee bladzijden (vraag en vakjes samen)
        if is_kop:
            kop = OxmlElement("w:tblHeader")  # kopregel: herhalen op elke pagina, en zo voorlezen
            kop.set(qn("w:val"), "true")
            tr_pr.append(kop)
        elif kolommen <= 2 and not any(c.content.strip() for c in cellen):
            rij.height = RIJHOOGTE_SCHRIJFVAK  # een vak om een profiel in te beschrijven
        elif not all(c.content.strip() for c in cellen):
            rij.height = RIJHOOGTE_INVULLEN  # ruimte om met de hand in te vullen
        for cel, inhoud in zip(rij.cells, cellen):
            alinea = cel.paragraphs[0]
            _inline(alinea, inhoud)
            if is_kop:
                _arceer(cel, HUIS["kopregel"])
            for run in alinea.runs:
                run.font.size = Pt(9 if kolommen > 4 else 10)
                if is_kop:
                    run.bold = True
    # Kolombreedte: elke kolom krijgt eerst de breedte van het langste woord in de kolom, zodat geen woord in het
    # midden breekt ('Moti/verin/g'); de rest van de bladspiegel (17 cm) gaat naar de lengte van de kop (tussen 8 en
    # 40 tekens): 'Wat heeft de jobcoach gedaan?' krijgt meer ruimte dan 'Uren'.
    koppen = next((c for k, c in rijen if k), rijen[0][1])
    gewichten = [min(max(len(c.content.strip()), 8), 40) for c in koppen] + [6] * (kolommen - len(koppen))
    minimum = [0.0] * kolommen
    for is_kop, cellen in rijen:
        for i, cel in enumerate(cellen):
            langste = max((len(w) for w in cel.content.split()), default=0)
            minimum[i] = max(minimum[i], langste * (CM_PER_TEKEN_KOP if is_kop else CM_PER_TEKEN) + CEL_MARGES_CM)
    if sum(minimum) > BLADSPIEGEL_CM:  # past niet: dan naar verhouding van die minima
        breedtes = [BLADSPIEGEL_CM * m / sum(minimum) for m in minimum]
    else:
        rest = BLADSPIEGEL_CM - sum(minimum)
        breedtes = [m + rest * g / sum(gewichten) for m, g in zip(minimum, gewichten)]
    tabel.autofit = False
    for kolom, breedte in zip(tabel.columns, breedtes):
        kolom.width = Cm(breedte)  # w:gridCol: die leest LibreOffice
    for rij in tabel.rows:
        for cel, breedte in zip(rij.cells, breedtes):
            cel.width = Cm(breedte)
    doc.add_paragraph()


# --- Nieuwe casus --------------------------------------------------------------------------------


def casusbestand(titel: str) -> str:
    """Het casusbestand voor een nieuwe casus: het sjabloon met de eigen titel."""
    tekst = _lees("casus.yml")
    nieuw, aantal = re.subn(r"(?m)^titel: .*$", lambda _: f"titel: {json.dumps(titel, ensure_ascii=False)}", tekst, count=1)
    if aantal != 1:
        raise SjabloonFout("het casussjabloon heeft geen regel 'titel: …'")
    return nieuw


def casuspagina(naam: str, titel: str, vandaag: dt.date, herzien_na_dagen: int = 365) -> str:
    """De pagina voor een nieuwe casus, met de koppen van de casusrapportage en de rekenende tabellen."""
    invullen = {
        "@naam@": naam,
        "@titel@": titel,
        "@titel_yaml@": json.dumps(titel, ensure_ascii=False),
        "@beoordeeld@": vandaag.isoformat(),
        "@herzien_voor@": (vandaag + dt.timedelta(days=herzien_na_dagen)).isoformat(),
    }
    tekst = (SJABLONEN_MAP / CASUSPAGINA).read_text(encoding="utf-8")
    tekst = re.sub(r"@[a-z_]+@", lambda m: invullen.get(m.group(0), m.group(0)), tekst)
    over = re.findall(r"@[a-z_]+@", tekst)
    if over:
        raise SjabloonFout(f"casuspagina: onbekende invulplek {over[0]}")
    return tekst


def koppen(markdown: str, niveau: int = 2) -> list[str]:
    """De koppen van één niveau in een Markdown-tekst (buiten codeblokken en voorkant), op volgorde."""
    markdown = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)  # de voorkant (front matter)
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == f"h{niveau}"]
