"""De sjablonen: geldig, volledig, op de site met kopieerknop, en te downloaden als tekst en als Word-bestand."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from conftest import ROOT
from jobcoach import json_schema, laad_regels
from leidraadsite.weergave.sjablonen import SJABLONEN, SJABLONEN_MAP, SjabloonFout, koppen, markdown_naar_docx

CASUSSJABLOON = SJABLONEN_MAP / "casus.yml"
MARKDOWN_SJABLONEN = [b for b in SJABLONEN if b.endswith(".md")]

# De koppen van een casusrapportage van de arbeidsdeskundige, zoals in de issue gevraagd.
RAPPORTKOPPEN = [
    "Onderzoekskader en aanleiding",
    "Onderzoeksvraag",
    "Uitgevoerde onderzoeksactiviteiten",
    "Visie klant",
    "Visie werkgever",
    "Beperkingen en mogelijkheden",
    "Resultaten werkplekonderzoek",
    "Beschouwing",
    "Schema begeleidingsbehoefte",
    "Conclusies",
    "Advies en vervolgstappen",
]

# De vijf paren van de matching (Leidraad Jobcoach, onderdeel Matching): werknemerprofiel ↔ werkprofiel.
# De vijf paren zoals de leidraad ze noemt (AKC, pagina 189927), in kleine letters.
MATCHINGSPAREN = [
    ("vaardigheden, bekwaamheden en competenties", "eisen"),
    ("manier van leren en leermogelijkheden", "ontwikkelingsmogelijkheden en soort begeleiding"),
    ("sociale context, achtergrond en netwerk", "context op en rond de werkplek"),
    ("identiteit, sfeer en persoonlijkheid", "waarden en normen op de werkplek (cultuur)"),
    ("wensen, motieven en reële perspectieven", "taken, werkzaamheden en arbeidsomstandigheden"),
]


def docx(inhoud: bytes):
    return Document(io.BytesIO(inhoud))


def docx_koppen(document) -> list[tuple[int, str]]:
    """(niveau, tekst) van elke alinea met een kopstijl."""
    uit = []
    for alinea in document.paragraphs:
        stijl = alinea.style.name
        if stijl.startswith("Heading "):
            uit.append((int(stijl.removeprefix("Heading ")), alinea.text))
    return uit


def is_kopregel(rij) -> bool:
    tr_pr = rij._tr.trPr
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def tabelkop(tabel) -> list[str]:
    return [cel.text for cel in tabel.rows[0].cells]


def markdown_koppen(tekst: str) -> list[tuple[int, str]]:
    """Koppen uit Markdown met een eigen, eenvoudige lezer (niet die van het pakket)."""
    uit = []
    for regel in tekst.splitlines():
        m = re.match(r"^(#{1,6}) (.+)$", regel)
        if m:
            uit.append((len(m.group(1)), m.group(2).strip()))
    return uit


def jobcoach(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "leidraadsite", *args], capture_output=True, text=True, cwd=cwd, timeout=60)


# --- Het casussjabloon ----------------------------------------------------------------------------


def test_casussjabloon_is_na_kopieren_een_geldige_casus(tmp_path):
    (tmp_path / "casussen").mkdir()
    shutil.copy(CASUSSJABLOON, tmp_path / "casussen" / "mijn-casus.yml")
    resultaat = jobcoach("controleer", cwd=tmp_path)
    assert resultaat.returncode == 0, resultaat.stderr
    assert "casussen/mijn-casus.yml: in orde" in resultaat.stdout, resultaat.stdout
    assert "let op" not in resultaat.stdout, f"het voorbeeld hoort zonder bevindingen te zijn:\n{resultaat.stdout}"


def test_casussjabloon_begint_met_de_gebruiker_en_heeft_de_onderhoud_eronder():
    """Eerst hoe een gebruiker het bestand in de rekenhulp opent; wat alleen de onderhoudsgroep nodig heeft
    (jobcoach nieuw, jobcoach controleer, de map casussen/) staat onder de gegevens."""
    tekst = CASUSSJABLOON.read_text(encoding="utf-8")
    regels = tekst.splitlines()
    eerste_veld = next(i for i, r in enumerate(regels) if re.match(r"^[a-z_]+:", r))
    kop = "\n".join(regels[:eerste_veld])
    assert "rekenhulp" in kop.lower() and "Casus openen" in kop, "de kop zegt niet hoe u het in de rekenhulp opent"
    for woord in ("jobcoach nieuw", "jobcoach controleer", "casussen/"):
        assert woord not in kop, f"'{woord}' staat boven de gegevens; dat is voor de onderhoudsgroep"
        assert woord in "\n".join(regels[eerste_veld:]), f"'{woord}' staat niet meer in het sjabloon"
    gegevens = yaml.safe_load(tekst)
    assert "protocol" not in gegevens, "het sjabloon is een aanvraag van nu: geen protocol"
    assert "regime" not in gegevens.get("aanvraag", {}) and "regime" not in gegevens.get("advies", {}), \
        "het sjabloon vraagt om een regime"


def _veldpaden(schema: dict, knoop: dict, pad: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Alle veldpaden van het JSON Schema van een casus, zoals ('schema', 'uren'); lijsten tellen als één."""
    if "$ref" in knoop:
        knoop = schema["$defs"][knoop["$ref"].rsplit("/", 1)[-1]]
    for variant in knoop.get("anyOf", []):
        if "$ref" in variant or variant.get("type") in {"object", "array"}:
            return _veldpaden(schema, variant, pad)
    if knoop.get("type") == "array" and isinstance(knoop.get("items"), dict):
        return _veldpaden(schema, knoop["items"], pad)
    paden = []
    for naam, kind in knoop.get("properties", {}).items():
        paden.append(pad + (naam,))
        paden += _veldpaden(schema, kind, pad + (naam,))
    return paden


def _eerste_regel_per_veld(tekst: str) -> dict[tuple[str, ...], int]:
    """Het regelnummer (vanaf 0) waar elk veldpad voor het eerst als sleutel in het bestand staat."""
    gevonden: dict[tuple[str, ...], int] = {}

    def loop(knoop, pad):
        if isinstance(knoop, yaml.MappingNode):
            for sleutel, waarde in knoop.value:
                nieuw = pad + (sleutel.value,)
                gevonden.setdefault(nieuw, sleutel.start_mark.line)
                loop(waarde, nieuw)
        elif isinstance(knoop, yaml.SequenceNode):
            for item in knoop.value:
                loop(item, pad)

    loop(yaml.compose(tekst), ())
    return gevonden


def test_elk_veld_van_het_casussjabloon_heeft_uitleg():
    tekst = CASUSSJABLOON.read_text(encoding="utf-8")
    regels = tekst.splitlines()
    commentaar = "\n".join(r for r in regels if r.lstrip().startswith("#"))
    schema = json_schema(laad_regels())
    eerste = _eerste_regel_per_veld(tekst)
    zonder_uitleg = []
    for pad in _veldpaden(schema, schema):
        if pad in eerste:
            regel = eerste[pad]
            if not (regels[regel - 1].lstrip().startswith("#") or " # " in regels[regel]):
                zonder_uitleg.append(".".join(pad))
        elif not re.search(rf"\b{re.escape(pad[-1])}:", commentaar):
            zonder_uitleg.append(".".join(pad) + " (staat niet in het sjabloon en niet in de uitleg)")
    assert len(_veldpaden(schema, schema)) >= 20, "het schema heeft minder velden dan verwacht"
    assert not zonder_uitleg, f"velden zonder uitleg in {CASUSSJABLOON.name}: {zonder_uitleg}"


# --- De Markdown-sjablonen en hun Word-bestanden --------------------------------------------------


def test_casusrapport_heeft_de_koppen_van_een_ad_casusrapportage():
    tekst = (SJABLONEN_MAP / "casusrapport.md").read_text(encoding="utf-8")
    assert [t for n, t in markdown_koppen(tekst) if n == 2] == RAPPORTKOPPEN


def test_pagina_van_een_nieuwe_casus_heeft_dezelfde_koppen_als_het_rapport():
    rapport = (SJABLONEN_MAP / "casusrapport.md").read_text(encoding="utf-8")
    pagina = (SJABLONEN_MAP / "casuspagina.md").read_text(encoding="utf-8")
    assert koppen(pagina) == koppen(rapport) == RAPPORTKOPPEN


@pytest.mark.parametrize("bestand", MARKDOWN_SJABLONEN)
def test_word_bestand_heeft_echte_koppen_tabelkoppen_en_nederlands(bestand):
    tekst = (SJABLONEN_MAP / bestand).read_text(encoding="utf-8")
    titel = SJABLONEN[bestand]
    document = docx(markdown_naar_docx(tekst.replace("@coachingsdoelen@", "1. Doel"), titel, "9999.1"))

    assert docx_koppen(document) == markdown_koppen(tekst), "de koppen in Word zijn niet die van de Markdown"
    aantal_tabellen = len(re.findall(r"^\|(?: *:?-{3,}:? *\|)+$", tekst, flags=re.M))  # één scheidingsregel per tabel
    assert len(document.tables) == aantal_tabellen >= 1, (len(document.tables), aantal_tabellen)
    for nummer, tabel in enumerate(document.tables, start=1):
        assert is_kopregel(tabel.rows[0]), f"tabel {nummer}: de eerste rij is geen kopregel"
        assert not any(is_kopregel(r) for r in tabel.rows[1:]), f"tabel {nummer}: een gewone rij is als kop gemarkeerd"
        assert all(c.text.strip() for c in tabel.rows[0].cells), f"tabel {nummer}: een lege kopcel"
        beschrijving = tabel._tbl.tblPr.find(qn("w:tblDescription"))
        assert beschrijving is not None and beschrijving.get(qn("w:val")), f"tabel {nummer}: geen beschrijving"
    taal = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert taal.get(qn("w:val")) == "nl-NL", "de taal van het document is niet Nederlands"
    assert document.core_properties.title == titel and document.core_properties.language == "nl-NL"
    assert "editie 9999.1" in document.sections[0].footer.paragraphs[0].text


def test_word_casusrapport_heeft_de_tabel_van_het_schema_begeleidingsbehoefte():
    document = docx(markdown_naar_docx((SJABLONEN_MAP / "casusrapport.md").read_text(encoding="utf-8"), "t"))
    koppen_van_tabellen = [tabelkop(t) for t in document.tables]
    assert [
        "Aard van de begeleiding", "Gericht op het knelpunt", "Door wie?", "Aan wie?",
        "Duur van de begeleiding", "Intensiteit van de begeleiding", "Motivering",
    ] in koppen_van_tabellen, koppen_van_tabellen


def test_matchingsformulier_heeft_de_vijf_paren_werknemerprofiel_en_werkprofiel():
    document = docx(markdown_naar_docx((SJABLONEN_MAP / "matchingsformulier.md").read_text(encoding="utf-8"), "t"))
    paren = [tuple(k.lower() for k in tabelkop(t)) for t in document.tables if len(t.columns) == 2]
    verwacht = [(f"werknemerprofiel: {a}", f"werkprofiel: {b}") for a, b in MATCHINGSPAREN]
    assert [p for p in paren if p[0].startswith("werknemerprofiel")] == verwacht, paren


def test_logboek_heeft_uren_per_doel_per_datum_voortgang_per_doel_en_handtekeningen():
    document = docx(markdown_naar_docx((SJABLONEN_MAP / "logboek.md").read_text(encoding="utf-8"), "t"))
    koppen_van_tabellen = [tabelkop(t) for t in document.tables]
    uren = [k for k in koppen_van_tabellen if k[0] == "Datum" and "Uren" in k and any("Doel" in c for c in k)]
    assert uren, f"geen tabel met datum, doel en uren: {koppen_van_tabellen}"
    teksten = [t for _, t in docx_koppen(document)]
    assert "Voortgang per doel" in teksten and {"Doel 1", "Doel 2", "Doel 3"} <= set(teksten), teksten
    ondertekening = [t for t in document.tables if "Handtekening" in tabelkop(t)]
    assert len(ondertekening) == 1, koppen_van_tabellen
    rollen = [r.cells[0].text for r in ondertekening[0].rows[1:]]
    assert rollen == ["Werknemer", "Werkgever", "Jobcoach"], rollen
    # Ruimte voor een periode van zes maanden: een lege rij per week (26 weken).
    urentabel = next(t for t in document.tables if tabelkop(t) == uren[0])
    leeg = [r for r in urentabel.rows[1:] if not any(c.text.strip() for c in r.cells)]
    assert len(leeg) >= 26, f"{len(leeg)} lege rijen in de urentabel; een periode van zes maanden heeft 26 weken"


def test_matchingsformulier_heeft_per_paar_een_schrijfvak():
    """Onder de kop van elk paar werknemerprofiel/werkprofiel staat een lege rij van minstens 3 cm hoog."""
    document = docx(markdown_naar_docx((SJABLONEN_MAP / "matchingsformulier.md").read_text(encoding="utf-8"), "t"))
    paren = [t for t in document.tables if tabelkop(t)[0].lower().startswith("werknemerprofiel")]
    assert len(paren) == len(MATCHINGSPAREN), len(paren)
    for tabel in paren:
        rijen = tabel.rows[1:]
        assert rijen and all(not c.text.strip() for r in rijen for c in r.cells), tabelkop(tabel)
        hoogte = max((r.height or 0) for r in rijen)
        assert hoogte >= Cm(3), f"{tabelkop(tabel)[0]}: schrijfvak {hoogte / 360000:.1f} cm hoog"


def test_coachingsplan_heeft_een_veld_en_een_handtekening_voor_de_arbeidsdeskundige():
    from leidraadsite.weergave.sjablonen import sjabloon_tekst

    document = docx(markdown_naar_docx(sjabloon_tekst("coachingsplan.md", laad_regels()), "t"))
    gegevens = next(t for t in document.tables if tabelkop(t) == ["Gegeven", "Invullen"])
    assert any(r.cells[0].text.startswith("Arbeidsdeskundige") for r in gegevens.rows[1:]), \
        [r.cells[0].text for r in gegevens.rows]
    ondertekening = next(t for t in document.tables if "Handtekening" in tabelkop(t))
    assert "Arbeidsdeskundige" in [r.cells[0].text for r in ondertekening.rows[1:]]


def test_word_bestand_heeft_de_huisstijl_van_de_site():
    """Schreefloze letter, koppen in de indigo van de site, kopregel met de editie, voet met paginanummer."""
    document = docx(markdown_naar_docx((SJABLONEN_MAP / "logboek.md").read_text(encoding="utf-8"), "Logboek", "2099.9"))
    assert document.styles["Normal"].font.name == "Arial"
    assert str(document.styles["Heading 1"].font.color.rgb) == "3949AB"
    kop = document.sections[0].header.paragraphs[0].text
    assert "editie 2099.9" in kop and "Logboek" in kop, kop
    voet = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in voet and "NUMPAGES" in voet, "geen paginanummer (veld) in de voet"
    kopcel = document.tables[0].rows[0].cells[0]._tc.xml
    assert 'w:fill="E8EAF6"' in kopcel, "de kopregel van een tabel heeft geen lichte indigo"


def test_coachingsplan_noemt_de_coachingsdoelen_uit_de_regels():
    from leidraadsite.weergave.sjablonen import sjabloon_tekst

    tekst = sjabloon_tekst("coachingsplan.md", laad_regels())
    assert "@" not in tekst, "er staat nog een invulplek in het coachingsplan"
    for nummer, omschrijving in laad_regels().coachingsdoelen.items():
        assert f"{nummer}. {omschrijving}" in tekst, f"coachingsdoel {nummer} ontbreekt"
    document = docx(markdown_naar_docx(tekst, "t"))
    assert "Urenonderbouwing" in [t for _, t in docx_koppen(document)]
    assert any("Totaal uren" in tabelkop(t) for t in document.tables)


def test_coachingsplan_houdt_de_doelen_en_de_urengroepen_van_de_casus_uit_elkaar():
    """'Doel 1-3' zijn de drie doelen uit de matching; de drie vaste groepen uit de casus zijn iets anders,
    en hun herkomst is onbekend: het sjabloon mag ze geen coachingsdoelen van UWV noemen."""
    from leidraadsite.weergave.sjablonen import sjabloon_tekst

    tekst = sjabloon_tekst("coachingsplan.md", laad_regels())
    assert "coachingsdoel van UWV" not in tekst and "niet bekend" in tekst, "urengroepen als 'coachingsdoel van UWV'"
    document = docx(markdown_naar_docx(tekst, "t"))
    koppen = [t for _, t in docx_koppen(document)]
    assert [k for k in koppen if k.startswith("Doel ")] == ["Doel 1", "Doel 2", "Doel 3"], koppen
    uren = [tabelkop(t) for t in document.tables if "Totaal uren" in tabelkop(t)]
    assert len(uren) == 1, uren
    assert "Hoort bij doel (1, 2 of 3)" in uren[0] and any(k.startswith("Urengroep") for k in uren[0]), uren[0]
    assert not any(k.startswith("Coachingsdoel") for k in uren[0]), uren[0]


# --- Het toetsingsformulier ----------------------------------------------------------------------

# De stukken bij een aanvraag volgens de leidraad (AKC, pagina 189928), overgenomen van de pagina Aanvraag toetsen.
STUKKEN_EERSTE = ["Matchingsformulier", "Werknemerprofiel", "Werkprofiel", "Aandachtspunten voor de coaching",
                  "Coachingsplan met urenonderbouwing", "Kopie van de arbeidsovereenkomst"]
STUKKEN_VERVOLG = ["Logboek van de afgelopen periode", "Conclusies en aandachtspunten",
                   "Coachingsplan-vervolg met urenonderbouwing", "Kopie van de arbeidsovereenkomst"]
# Wat nergens gevonden is (research: "Still not found anywhere"), met het stukje tekst dat het formulier noemt.
GATEN = ["Ondersteuning van de klant", "189876", "189928", "Toelichting op en werkwijze bij het toetsen", "189875"]


def _toetsingsformulier():
    from leidraadsite.weergave.sjablonen import sjabloon_tekst

    tekst = sjabloon_tekst("toetsingsformulier.md", laad_regels())
    return tekst, docx(markdown_naar_docx(tekst, SJABLONEN["toetsingsformulier.md"]))


def test_toetsingsformulier_heeft_de_delen_van_de_toetsing():
    _, document = _toetsingsformulier()
    koppen2 = [t for n, t in docx_koppen(document) if n == 2]
    for deel in ("stukken", "algemene voorwaarden", "toetsvragen", "focus, plausibiliteit en doelgerichtheid",
                 "goedkoopste voorziening", "wat de bron niet geeft", "ondertekening"):
        assert any(deel in k.lower() for k in koppen2), f"geen deel over '{deel}': {koppen2}"


def test_toetsingsformulier_vraagt_bij_elke_vraag_ja_nee_en_toelichting():
    _, document = _toetsingsformulier()
    vragen = [t for t in document.tables if tabelkop(t)[0].startswith(("Stuk", "Controlevraag", "Element"))]
    assert len(vragen) >= 6, [tabelkop(t) for t in document.tables]
    for tabel in vragen:
        assert tabelkop(tabel)[1:3] == ["Ja", "Nee"] and tabelkop(tabel)[3].startswith("Toelichting"), tabelkop(tabel)
        for rij in tabel.rows[1:]:
            assert rij.cells[0].text.strip() and not any(c.text.strip() for c in rij.cells[1:]), \
                f"rij zonder vraag, of met ingevulde antwoorden: {[c.text for c in rij.cells]}"
    # Ja en Nee zijn smal, de vraag en de toelichting breed.
    breedte = [c.width for c in vragen[0].rows[0].cells]
    assert breedte[1] < breedte[0] / 2 and breedte[2] < breedte[3] / 2, breedte


@pytest.mark.parametrize("bestand", MARKDOWN_SJABLONEN)
def test_een_tabelrij_breekt_niet_over_twee_bladzijden(bestand):
    """Een vraag op de ene bladzijde en haar vakjes op de volgende is lastig invullen (gezien in het toetsingsformulier)."""
    from leidraadsite.weergave.sjablonen import sjabloon_tekst

    document = docx(markdown_naar_docx(sjabloon_tekst(bestand, laad_regels()), "t"))
    for nummer, tabel in enumerate(document.tables, start=1):
        for rij in tabel.rows:
            assert rij._tr.trPr is not None and rij._tr.trPr.find(qn("w:cantSplit")) is not None, \
                f"{bestand}, tabel {nummer}: rij '{rij.cells[0].text}' mag over twee bladzijden breken"


def test_toetsingsformulier_heeft_de_stukken_de_toetsvragen_en_de_drie_elementen():
    _, document = _toetsingsformulier()
    stukken = [[r.cells[0].text for r in t.rows[1:]] for t in document.tables if tabelkop(t)[0].startswith("Stuk")]
    assert len(stukken) == 2, stukken
    assert stukken[0] == STUKKEN_EERSTE, stukken[0]
    assert [s.split(",")[0] for s in stukken[1]] == STUKKEN_VERVOLG, stukken[1]
    vragen = " ".join(r.cells[0].text for t in document.tables
                      if tabelkop(t)[0].startswith("Controlevraag") for r in t.rows)
    for nummer in range(1, 8):  # de zeven toetsvragen van de leidraad (AKC, pagina 189921)
        assert f"{nummer}. " in vragen, f"toetsvraag {nummer} ontbreekt"
    for woord in ("verzekeringsarts", "erkend", "SFB", "stabiel", "inwerken", "verlenging", "minder uren"):
        assert woord in vragen, f"geen vraag met '{woord}'"
    elementen = [r.cells[0].text.split(":")[0] for t in document.tables
                 if tabelkop(t)[0].startswith("Element") for r in t.rows[1:]]
    assert elementen == ["Focus", "Plausibiliteit", "Doelgerichtheid"], elementen


def test_toetsingsformulier_markeert_de_gaten_van_de_bron():
    tekst, _ = _toetsingsformulier()
    assert tekst.count("**Gat in de bron.**") >= 3, "de gaten staan niet bij de delen zelf"
    ontbreekt = [gat for gat in GATEN if gat not in tekst.split("## 6.")[1]]
    assert not ontbreekt, f"niet in de lijst van wat de bron niet geeft: {ontbreekt}"


def test_toetsingsformulier_laat_een_onvolledige_aanvraag_aanvullen_en_noemt_de_grenzen_uit_de_regels():
    tekst, _ = _toetsingsformulier()
    # AKC, pagina 189893: de aanvrager krijgt de kans de set aan te vullen (niet: "de aanvraag gaat terug").
    assert "kans om hem aan te vullen" in tekst and "gaat terug" not in tekst
    assert "jaar 1 hoogstens 15%, jaar 2 hoogstens 7,5% en jaar 3 hoogstens 6%" in tekst


def test_grenzen_van_de_interne_jobcoach_komen_uit_de_regels():
    from leidraadsite.weergave.sjablonen import sjabloon_tekst

    regels = laad_regels()

    def met_grenzen(grenzen):
        protocollen = [p.model_copy(update={"max_per_jaar": grenzen}) if p.soort == "intern" else p
                       for p in regels.protocollen]
        return regels.model_copy(update={"protocollen": protocollen})

    assert "jaar 1 hoogstens 12% en jaar 2 hoogstens 8%." in sjabloon_tekst("toetsingsformulier.md", met_grenzen([12, 8]))
    with pytest.raises(SjabloonFout, match="interne_jobcoach_maxima"):
        sjabloon_tekst("toetsingsformulier.md", met_grenzen(None))


@pytest.mark.parametrize("bestand", MARKDOWN_SJABLONEN + ["casuspagina.md"])
def test_geen_sjabloon_vraagt_om_een_regime(bestand):
    """De regimes (licht, midden, intensief) horen bij het Protocol Jobcoach, dat niet meer geldt. Een sjabloon mag
    er geen vraag, invulveld of rij voor hebben; uitleg dat ze niet meer gelden mag wel."""
    tekst = (SJABLONEN_MAP / bestand).read_text(encoding="utf-8")
    vragen = [z for z in re.split(r"(?<=[.?!*])\s+", tekst.replace("\n", " ")) if "?" in z and "regime" in z.lower()]
    assert not vragen, f"{bestand} vraagt naar een regime: {vragen}"
    rijen = []
    for regel in tekst.splitlines():
        cellen = [c.strip() for c in regel.strip().strip("|").split("|")] if regel.startswith("|") else []
        if cellen and "regime" in cellen[0].lower() and not "".join(cellen[1:]).strip():
            rijen.append(regel)
    invulrijen = [r for r in rijen if "ontbreekt" not in r and "189875" not in r]  # een gat van de bron mag
    assert not invulrijen, f"{bestand} heeft een invulrij voor een regime: {invulrijen}"


@pytest.mark.parametrize(
    "markdown",
    ["Zie [de site](https://example.nl).", "```\ncode\n```", "> citaat", "![plaatje](x.png)", "##### Kop 5", "---"],
)
def test_onbekende_opmaak_in_een_sjabloon_geeft_een_fout_in_plaats_van_stil_weglaten(markdown):
    with pytest.raises(SjabloonFout, match="niet ondersteund"):
        markdown_naar_docx(f"# Titel\n\n{markdown}\n", "t")


# --- Op de site -----------------------------------------------------------------------------------

PAGINAS = {
    "casus": ["casus.yml", "casusrapport.md"],
    "coachingsplan": ["coachingsplan.md"],
    "matchingsformulier": ["matchingsformulier.md"],
    "logboek": ["logboek.md"],
    "toetsingsformulier": ["toetsingsformulier.md"],
}


def _pagina(site: Path, naam: str) -> BeautifulSoup:
    return BeautifulSoup((site / "sjablonen" / naam / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("naam", sorted(PAGINAS))
def test_sjabloonpagina_toont_eerst_het_formulier_en_de_tekst_dicht_eronder(site, naam):
    """Een lezer ziet koppen en tabellen zoals in Word, geen streepjes en sluistekens; de Markdown staat in een
    dichtgeklapt blok (details) om te kopiëren. Het casusbestand (YAML) is geen formulier en blijft een codeblok."""
    artikel = _pagina(site, naam).select_one("article")
    for bestand in PAGINAS[naam]:
        if not bestand.endswith(".md"):
            continue
        bron = (SJABLONEN_MAP / bestand).read_text(encoding="utf-8")
        voorbeelden = [v for v in artikel.select(".sjabloon-voorbeeld")
                       if v.find(["h3", "h4"]) and v.find(["h3", "h4"]).get_text(strip=True) == markdown_koppen(bron)[0][1]]
        assert len(voorbeelden) == 1, f"{bestand}: geen (of meer dan één) voorbeeld op de pagina"
        voorbeeld = voorbeelden[0]
        koppen = [h.get_text(strip=True) for h in voorbeeld.find_all(["h3", "h4", "h5", "h6"])]
        assert koppen == [t for _, t in markdown_koppen(bron)], koppen
        tabelkoppen = [[th.get_text(strip=True) for th in t.select("thead th")] for t in voorbeeld.select("table")]
        verwacht = [[c.strip() for c in r.strip().strip("|").split("|")] for i, r in enumerate(bron.splitlines())
                    if r.startswith("|") and i + 1 < len(bron.splitlines()) and bron.splitlines()[i + 1].startswith("|---")]
        assert tabelkoppen == verwacht, f"{bestand}: tabellen {tabelkoppen[:3]} …"
        assert "|---" not in voorbeeld.get_text() and "| " not in voorbeeld.get_text(), f"{bestand}: ruwe Markdown"
    # Buiten de dichte blokken staat nergens ruwe tabel-Markdown.
    for details in artikel.select("details"):
        assert details.get("open") is None, "het blok met de tekst om te kopiëren hoort dicht te staan"
        details.decompose()
    for pre in artikel.select("pre"):
        pre.decompose()  # het YAML-codeblok van het casusbestand
    assert "|---" not in artikel.get_text(), f"{naam}: ruwe Markdown buiten het dichte blok"


@pytest.mark.parametrize("naam", sorted(PAGINAS))
def test_sjabloonpagina_toont_het_sjabloon_als_codeblok(site, naam):
    artikel = _pagina(site, naam).select_one("article")
    blokken = [pre.get_text() for pre in artikel.select("pre code")]
    for bestand in PAGINAS[naam]:
        bron = (SJABLONEN_MAP / bestand).read_text(encoding="utf-8")
        # Het coachingsplan heeft een invulplek; elke regel zonder invulplek staat letterlijk in het blok.
        regels = [r for r in bron.strip().splitlines() if "@" not in r]
        assert any(all(r in blok for r in regels) for blok in blokken), f"{bestand} staat niet volledig op de pagina"


@pytest.mark.parametrize("naam", sorted(PAGINAS))
def test_downloadlinks_werken_en_geven_het_sjabloon(site, naam):
    pagina = site / "sjablonen" / naam / "index.html"
    links = _sjabloonlinks(_pagina(site, naam))
    verwacht = set()
    for bestand in PAGINAS[naam]:
        verwacht.add(bestand)
        if bestand.endswith(".md"):
            verwacht.add(Path(bestand).with_suffix(".docx").name)
    assert {a["download"] for a in links} == verwacht, [a["href"] for a in links]
    for a in links:
        doel = (pagina.parent / a["href"]).resolve()
        assert doel.is_file(), f"{a['href']} bestaat niet in de gebouwde site"
        if doel.suffix == ".docx":
            document = docx(doel.read_bytes())
            assert docx_koppen(document), f"{doel.name}: geen koppen"
        else:
            # De download is de bron, met alleen de invulplekken (@…@) vervangen.
            bron = [r for r in (SJABLONEN_MAP / doel.name).read_text(encoding="utf-8").splitlines() if "@" not in r]
            inhoud = doel.read_text(encoding="utf-8")
            assert "@" not in inhoud, f"{doel.name}: invulplek niet vervangen"
            assert [r for r in inhoud.splitlines() if r in set(bron)] == bron, f"{doel.name} wijkt af van de bron"


@pytest.mark.parametrize("naam", sorted(PAGINAS))
def test_sjabloonpagina_zegt_hoe_u_het_gebruikt_in_de_rekenhulp_en_in_word(site, naam):
    artikel = _pagina(site, naam).select_one("article")
    kop = artikel.select_one("h2#gebruiken")
    assert kop is not None, f"{naam}: geen kop 'Zo gebruikt u …' (#gebruiken)"
    deel = []
    for broer in kop.find_next_siblings():
        if broer.name == "h2":
            break
        deel.append(broer)
    tekst = " ".join(d.get_text(" ", strip=True) for d in deel)
    links = [a["href"] for d in deel for a in d.select("a[href]")]
    assert any(h.rstrip("/").endswith("rekenhulp") for h in links), f"{naam}: geen link naar de rekenhulp: {links}"
    assert "Word" in tekst, f"{naam}: zegt niet hoe het in Word gaat"


# Leidraadpagina's die een formulier beschrijven, en het sjabloon waar ze naar moeten linken.
FORMULIEREN = {
    "leidraad/logboek": ["sjablonen/logboek"],
    "leidraad/verlenging": ["sjablonen/logboek", "sjablonen/coachingsplan", "sjablonen/toetsingsformulier"],
    "leidraad/opstellen/coachingsplan": ["sjablonen/coachingsplan"],
    "leidraad/opstellen/matching": ["sjablonen/matchingsformulier"],
    "leidraad/opstellen": ["sjablonen/matchingsformulier"],
    "leidraad/toetsing": ["sjablonen/toetsingsformulier"],
    "leidraad/toetsing/toetsvragen": ["sjablonen/toetsingsformulier"],
    "leidraad/toetsing/algemene-voorwaarden": ["sjablonen/toetsingsformulier"],
}


@pytest.mark.parametrize("pagina", sorted(FORMULIEREN))
def test_leidraadpagina_die_een_formulier_beschrijft_linkt_naar_het_sjabloon(site, pagina):
    bestand = site / pagina / "index.html"
    artikel = BeautifulSoup(bestand.read_text(encoding="utf-8"), "html.parser").select_one("article")
    doelen = {(bestand.parent / a["href"].split("#")[0]).resolve() for a in artikel.select("a[href]")
              if not a["href"].startswith(("http", "mailto", "#"))}
    for sjabloon in FORMULIEREN[pagina]:
        assert (site / sjabloon).resolve() in doelen, f"{pagina} linkt niet naar {sjabloon}"
    assert "formulier ontbreekt" not in artikel.get_text().lower(), f"{pagina}: zegt dat het formulier ontbreekt"


def test_gedownload_casusbestand_is_precies_het_sjabloon(site):
    assert (site / "sjablonen/downloads/casus.yml").read_bytes() == CASUSSJABLOON.read_bytes()


def test_overzichtspagina_linkt_naar_alle_downloads(site):
    links = {a["href"] for a in _sjabloonlinks(_pagina_index(site))}
    bestanden = {p.name for p in (site / "sjablonen/downloads").iterdir()}
    assert {Path(h).name for h in links} == bestanden, (links, bestanden)


def _sjabloonlinks(soep: BeautifulSoup) -> list:
    """De downloadlinks in de tekst van de pagina; niet de link naar de PDF die op elke pagina staat."""
    return [a for a in soep.select("article a[download]") if a.find_parent(class_="pdf-link") is None]


def _pagina_index(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "sjablonen/index.html").read_text(encoding="utf-8"), "html.parser")


def test_geen_markdown_download_wordt_een_pagina(site):
    assert not list((site / "sjablonen/downloads").glob("*/index.html")), "een .md-download is als pagina gebouwd"
    assert (site / "sjablonen/downloads/logboek.md").read_text(encoding="utf-8").startswith("# Logboek jobcoach")


def test_kapotte_link_naar_een_download_laat_de_bouw_falen(waarschuwingsbouw):
    # conftest.Waarschuwingsbouw, fout 2: de pagina van het logboek linkt naar downloads/logboek.odt.
    resultaat = waarschuwingsbouw.bouw
    assert resultaat.returncode != 0, "de bouw had moeten falen op een link naar een download die niet bestaat"
    assert "downloads/logboek.odt" in resultaat.stdout + resultaat.stderr


def test_alle_sjablonen_staan_in_het_pakket():
    assert sorted(p.name for p in SJABLONEN_MAP.iterdir()) == sorted([*SJABLONEN, "casuspagina.md"])
    assert ROOT / "src" in SJABLONEN_MAP.parents


def _zip_inhoud(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {naam: z.read(naam) for naam in z.namelist()}


def test_word_bestand_komt_uit_de_cache_en_een_kapot_cachebestand_wordt_vervangen(tmp_path, monkeypatch):
    import leidraadsite.weergave.sjablonen as sjablonen

    monkeypatch.setattr(sjablonen, "_DOCX_CACHE", tmp_path)
    gemaakt = []
    echt = sjablonen.maak_docx
    monkeypatch.setattr(sjablonen, "maak_docx", lambda *a: gemaakt.append(a) or echt(*a))
    tekst = "# Titel\n\nEen alinea.\n"
    sjablonen.markdown_naar_docx.cache_clear()
    eerste = sjablonen.markdown_naar_docx(tekst, "t", "1")
    sjablonen.markdown_naar_docx.cache_clear()
    assert sjablonen.markdown_naar_docx(tekst, "t", "1") == eerste and len(gemaakt) == 1  # uit de cache op schijf
    [bestand] = tmp_path.glob("*.docx")
    bestand.write_bytes(b"kapot")
    sjablonen.markdown_naar_docx.cache_clear()
    # Opnieuw gemaakt: dezelfde inhoud. (De tijden van de zip-onderdelen komen van de klok, dus niet de bytes.)
    opnieuw = sjablonen.markdown_naar_docx(tekst, "t", "1")
    assert _zip_inhoud(opnieuw) == _zip_inhoud(eerste) and len(gemaakt) == 2
    sjablonen.markdown_naar_docx.cache_clear()
    sjablonen.markdown_naar_docx(tekst, "t", "2")  # andere editie: ander bestand
    assert len(gemaakt) == 3 and len(list(tmp_path.glob("*.docx"))) == 2
    sjablonen.markdown_naar_docx.cache_clear()


def test_voorbeeld_toont_een_reeks_lege_rijen_als_een_rij_met_het_aantal(site):
    """De 26 lege rijen van het logboek: in het voorbeeld één invulrij en de zin hoeveel het er in het formulier zijn
    (het aantal geteld in de bron); het Word-bestand houdt ze alle 26 (zie de test van het logboek)."""
    bron = (SJABLONEN_MAP / "logboek.md").read_text(encoding="utf-8").splitlines()
    kop = bron.index("| Datum | Doel (nr.) | Wat heeft de jobcoach gedaan? | Met wie? | Uren |")
    leeg = 0
    for regel in bron[kop + 2:]:
        if not regel.startswith("|"):
            break
        leeg += not regel.strip("| ")
    assert leeg >= 26, leeg
    voorbeeld = _pagina(site, "logboek").select_one(".sjabloon-voorbeeld")
    tabel = next(t for t in voorbeeld.select("table") if t.select_one("thead th").get_text(strip=True) == "Datum")
    rijen = tabel.select("tbody tr")
    assert len(rijen) == 1 and not rijen[0].get_text(strip=True), [r.get_text() for r in rijen]
    assert f"In het formulier staan hier {leeg} lege rijen." in tabel.find_next("p").get_text(), tabel.find_next("p")
