"""Stuur-, richting- en onzichtbare tekens die via YAML-escapes ("\\e", "\\v", "\\u202E") in een tekst komen.

Het bestand zelf is dan gewone tekst (de controle op het ruwe bestand ziet niets); pas de YAML-lezer maakt er een
echt stuurteken van. Zo'n teken wist een terminal, draait tekst om op een pagina of maakt een Word-bestand kapot.
Elke tekst en elke veldnaam weigert ze, met een melding die het teken zichtbaar noemt; de terminal krijgt nooit
een rauw stuurteken, ook niet uit een bestandsnaam.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pydantic import ValidationError

from conftest import ROOT
from jobcoach import Bestandsfout, laad_casus, laad_regels
from jobcoach.casus import Casus
from jobcoach.cli import main as jobcoach_main

GOED = (ROOT / "casussen" / "begeleidingsbehoefte-en-regime.yml").read_text(encoding="utf-8")
TITEL = "titel: Vaststellen begeleidingsbehoefte en regime jobcoaching"
TITELREGEL = GOED.splitlines().index(TITEL) + 1

# (escape zoals in het YAML-bestand, wat de melding zichtbaar toont)
ESCAPES = [
    ("\\v", "U+000B (\\x0b"),
    ("\\f", "U+000C (\\x0c"),
    ("\\0", "U+0000 (\\x00"),
    ("\\e", "U+001B (\\x1b"),
    ("\\r", "U+000D (\\x0d"),
    ("\\x85", "U+0085 (\\x85"),
    ("\\uFFFE", "U+FFFE (\\ufffe"),
    ("\\uFFFF", "U+FFFF (\\uffff"),
    ("\\u202E", "U+202E (\\u202e"),
    ("\\u2066", "U+2066 (\\u2066"),
    ("\\u200B", "U+200B (\\u200b"),
    ("\\uFEFF", "U+FEFF (\\ufeff"),
]


def _schrijf(tmp_path: Path, tekst: str, naam: str = "casus.yml") -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8", errors="surrogatepass")
    return pad


@pytest.mark.parametrize(("escape", "zichtbaar"), ESCAPES,
                         ids=[z.split(" ")[0] for _, z in ESCAPES])  # U+000B …: ids zonder backslash (make mutatie)
def test_escape_in_een_tekst_wordt_geweigerd_met_het_teken_zichtbaar(tmp_path, escape, zichtbaar):
    pad = _schrijf(tmp_path, GOED.replace(TITEL, f'titel: "Vaststellen{escape}begeleiding"'))
    with pytest.raises(Bestandsfout) as fout:
        laad_casus(pad, laad_regels())
    eerste = fout.value.problemen[0]
    assert zichtbaar in eerste.melding, str(fout.value)
    assert (eerste.pad, eerste.regel) == ("titel", TITELREGEL), str(fout.value)


def test_los_surrogaat_krijgt_een_nederlandse_melding(tmp_path):
    """libyaml weigert "\\uD800" zelf al; de melding was 'geen geldige YAML op deze plek'."""
    pad = _schrijf(tmp_path, GOED.replace(TITEL, 'titel: "Vaststellen\\uD800begeleiding"'))
    with pytest.raises(Bestandsfout) as fout:
        laad_casus(pad, laad_regels())
    eerste = fout.value.problemen[0]
    assert "teken dat niet bestaat (een los surrogaat zoals \\ud800)" in eerste.melding, str(fout.value)
    assert eerste.regel == TITELREGEL


def test_gewone_tekens_blijven_toegestaan(tmp_path):
    """Tab, nieuwe regel, é, ë, – en het zachte afbreekstreepje zijn gewone tekst: geen melding."""
    pad = _schrijf(tmp_path, GOED.replace(TITEL, 'titel: "Vaststellen\\tbegeleiding\\nreïntegratie café – co\\u00adaching"'))
    assert laad_casus(pad, laad_regels()).titel == "Vaststellen\tbegeleiding\nreïntegratie café – co\u00adaching"


def test_escape_dieper_in_het_bestand_noemt_veld_en_regel(tmp_path):
    oud = "    knelpunt: Aansturingsbehoefte\n    door: jobcoach"
    pad = _schrijf(tmp_path, GOED.replace(oud, '    knelpunt: "Aansturing\\u202Eeohffeb"\n    door: jobcoach', 1))
    with pytest.raises(Bestandsfout) as fout:
        laad_casus(pad, laad_regels())
    eerste = fout.value.problemen[0]
    regel = GOED.splitlines().index("    knelpunt: Aansturingsbehoefte") + 1
    assert (eerste.pad, eerste.regel) == ("schema[1].knelpunt", regel)
    assert "U+202E" in eerste.melding


def test_stuurteken_in_een_veldnaam_komt_niet_rauw_in_de_terminal(tmp_path, capsys, monkeypatch):
    """De aanval: een veldnaam die het scherm wist en een groen 'in orde' schrijft."""
    aanval = '"x\\e[2J\\e[H\\e[32mcasussen/a.yml: in orde\\e[0m": 1\n'
    pad = _schrijf(tmp_path, GOED.replace(TITEL, aanval + TITEL))
    monkeypatch.chdir(tmp_path)
    code = jobcoach_main(["controleer", pad.name])
    uit = capsys.readouterr()
    assert code == 1
    assert "\x1b" not in uit.out + uit.err, repr(uit.err)
    assert "U+001B" in uit.err and "\\x1b[2J" in uit.err, uit.err
    assert uit.err.startswith(f"casus.yml:{TITELREGEL}: "), uit.err


@pytest.mark.parametrize(("sleutel", "zichtbaar"), [
    ("t\u0456tel", "U+0456"),  # Cyrillische i
    ("titel\u200b", "U+200B"),  # onzichtbare spatie
    ("tit\u0435l", "U+0435"),  # Cyrillische e
], ids=["cyrillische-i", "nulbreedte", "cyrillische-e"])
def test_veldnaam_met_een_vreemd_teken_toont_het_verschil(tmp_path, capsys, monkeypatch, sleutel, zichtbaar):
    pad = _schrijf(tmp_path, GOED.replace(TITEL, TITEL.replace("titel", sleutel)))
    monkeypatch.chdir(tmp_path)
    assert jobcoach_main(["controleer", pad.name]) == 1
    err = capsys.readouterr().err
    assert zichtbaar in err, err
    assert "\u200b" not in err


def test_bestandsnaam_met_stuurteken_komt_niet_rauw_in_de_terminal(tmp_path, capsys, monkeypatch):
    pad = _schrijf(tmp_path, GOED, "casus\x1b[2J.yml")
    monkeypatch.chdir(tmp_path)
    assert jobcoach_main(["controleer", pad.name]) == 0
    uit = capsys.readouterr()
    assert "\x1b" not in uit.out + uit.err, repr(uit.out)
    assert "casus\\x1b[2J.yml: in orde" in uit.out, uit.out
    assert jobcoach_main(["controleer", "bestaat\u202eniet.yml"]) == 1
    uit = capsys.readouterr()
    assert "\u202e" not in uit.out + uit.err and "bestaat\\u202eniet.yml" in uit.err, uit.err


def test_teksttype_weigert_stuurteken_ook_zonder_yaml():
    """Het model zelf (ook als de gegevens niet uit een YAML-bestand komen)."""
    gegevens = {"titel": "a\x1bb", "protocol": "protocol-2011", "contract": {"uren_per_week": 40, "maanden": 6},
                "schema": [{"aard": "persoonlijk", "knelpunt": "x", "door": "jobcoach", "uren": 1,
                            "intensiteit": "wekelijks", "doel": 1}]}
    with pytest.raises(ValidationError) as fout:
        Casus.model_validate(gegevens, context={"regels": laad_regels()})
    assert "U+001B" in str(fout.value)


def test_word_bestand_laat_weg_wat_xml_verbiedt():
    """Een sjabloon met een verticale tab of U+FFFE gaf 'PCDATA invalid Char value 11': Word opent dat niet."""
    from leidraadsite.weergave.sjablonen import maak_docx

    inhoud = maak_docx("# Kop\x0b een\n\nTekst met \x0c en \ufffe en \x1b[2J.\n\n| a | b\x00 |\n|---|---|\n| c | d |\n",
                       "Titel\x0b", "2026.1")
    with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
        for naam in z.namelist():
            if naam.endswith(".xml"):
                xml = z.read(naam).decode("utf-8")
                for teken in "\x00\x0b\x0c\x1b\ufffe":
                    assert teken not in xml, (naam, teken)
    import docx

    document = docx.Document(io.BytesIO(inhoud))
    tekst = "\n".join(p.text for p in document.paragraphs)
    assert "Tekst met" in tekst and "[2J." in tekst


def test_stuurteken_in_de_voorkant_van_een_pagina(tmp_path):
    """Ook de voorkant (front matter) van een pagina is YAML: title: "\\e[2J…" komt niet in de titel van de pagina."""
    from leidraadsite.inhoud.paginas import pagina_voorkant

    pagina = tmp_path / "pagina.md"
    pagina.write_text('---\nsamenvatting: Een pagina.\ntitle: "Kop\\e[2J\\u202Eniets"\n---\n\n# Kop\n', encoding="utf-8")
    with pytest.raises(Bestandsfout) as fout:
        pagina_voorkant(pagina, [], [])
    eerste = fout.value.problemen[0]
    assert (eerste.pad, eerste.regel) == ("title", 3), str(fout.value)
    assert "U+001B" in eerste.melding
