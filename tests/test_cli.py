"""De opdrachtregel: uitkomsten van de casus en duidelijke Nederlandse meldingen bij slechte invoer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED_CASUS
from jobcoach.cli import main

GOED = """\
titel: Test
protocol: protocol-2011
contract:
  uren_per_week: 40
  maanden: 6
aanvraag:
  regime: 10
schema:
  - aard: persoonlijk
    knelpunt: Aansturingsbehoefte
    door: jobcoach
    uren: 0.5
    intensiteit: wekelijks
    doel: 1
  - aard: functioneel
    knelpunt: Inwerken
    door: werkgever
advies:
  regime: 6
"""


def jobcoach(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """De echte opdrachtregel, in een eigen proces."""
    return subprocess.run([sys.executable, "-m", "jobcoach", *args], capture_output=True, text=True, cwd=cwd, timeout=60)


@pytest.fixture
def intern(capsys, monkeypatch):
    """Dezelfde opdrachtregel binnen het testproces (sneller). Een exceptie zou de test laten falen."""

    def uitvoeren(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
        monkeypatch.chdir(cwd)
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse
            code = stop.code
        uit = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, uit.out, uit.err)

    return uitvoeren


def test_bereken_json_geeft_de_getallen_van_de_casus():
    resultaat = jobcoach("bereken", str(SEED_CASUS.relative_to(ROOT)), "--json")
    assert resultaat.returncode == 0, resultaat.stderr
    data = json.loads(resultaat.stdout)
    assert data["weken"] == 24
    assert data["contracturen"] == 960
    assert data["begeleidingsuren"] == 42
    assert data["uren_per_week"] == 1.75
    assert data["uren_per_doel"] == {"1": 18, "2": 12, "3": 12}
    assert data["percentage"] == 4.375  # niet afgerond
    assert data["percentage_tekst"] == "4,37%"
    assert data["regime_aangevraagd"] == 15
    assert data["regime_advies"] == 6


def test_bereken_zonder_json_is_een_leesbare_nederlandse_tabel():
    resultaat = jobcoach("bereken", str(SEED_CASUS))
    assert resultaat.returncode == 0, resultaat.stderr
    regels = resultaat.stdout.splitlines()
    assert any(r.startswith("Contracturen") and "960" in r for r in regels), resultaat.stdout
    assert any(r.startswith("Begeleidingsuren") and r.rstrip().endswith("42") for r in regels), resultaat.stdout
    assert any(r.startswith("Gemiddeld per week") and "1,75" in r for r in regels), resultaat.stdout
    assert any(r.startswith("Percentage") and "4,37%" in r for r in regels), resultaat.stdout


def test_controleer_standaard_de_map_casussen():
    resultaat = jobcoach("controleer")
    assert resultaat.returncode == 0, resultaat.stderr
    assert "casussen/begeleidingsbehoefte-en-regime.yml: in orde" in resultaat.stdout


# Elk geval: een vervanging in het goede bestand, het veldpad en het regelnummer dat in de melding moet staan,
# en een stukje van de uitleg.
SLECHT = {
    "tikfout-in-sleutel": (("    knelpunt: Aansturingsbehoefte", "    knelpnt: Aansturingsbehoefte"),
                           "schema[1].knelpnt", 10, "bedoelt u 'knelpunt'"),
    "ontbrekende-sleutel": (("titel: Test\n", ""), "titel", None, "verplicht veld ontbreekt"),
    "verkeerd-type": (("    doel: 1", "    doel: [1]"), "schema[1].doel", 14, "geheel getal"),
    "negatieve-uren": (("    uren: 0.5", "    uren: -2"), "schema[1].uren", 12, "0 of meer"),
    "uren-geen-getal": (("    uren: 0.5", "    uren: een half"), "schema[1].uren", 12, "moet een getal zijn"),
    "uren-met-komma": (("    uren: 0.5", "    uren: 0,5"), "schema[1].uren", 12, "moet een getal zijn"),
    "onbekende-intensiteit": (("intensiteit: wekelijks", "intensiteit: dagelijks"), "schema[1].intensiteit", 13,
                              "kies uit"),
    "onbekende-aard": (("aard: persoonlijk", "aard: zakelijk"), "schema[1].aard", 9, "kies uit"),
    "doel-buiten-bereik": (("    doel: 1", "    doel: 4"), "schema[1].doel", 14, "niet meer dan 3"),
    "doel-nul": (("    doel: 1", "    doel: 0"), "schema[1].doel", 14, "1 of meer"),
    "lege-schema": ((GOED[GOED.index("  - aard: persoonlijk"):GOED.index("advies:")], "  []\n"), "schema", 8,
                    "mag niet leeg zijn"),
    "nul-contracturen": (("uren_per_week: 40", "uren_per_week: 0"), "contract.uren_per_week", 4, "1 of meer"),
    "geen-duur": (("  maanden: 6\n", ""), "contract.maanden", 3, "maanden of weken"),
    "onbekend-protocol": (("protocol-2011", "protocol-1999"), "protocol", 2, "onbekende protocolversie"),
    "jobcoach-rij-zonder-uren": (("    uren: 0.5\n", ""), "schema[1].uren", 9, "verplicht veld ontbreekt"),
    "dubbele-sleutel": (("advies:\n  regime: 6\n", "advies:\n  regime: 6\nadvies:\n  regime: 7\n"), "advies", 20,
                        "twee keer"),
}


@pytest.mark.parametrize("geval", sorted(SLECHT))
def test_slechte_invoer_geeft_een_nederlandse_melding_met_bestand_regel_en_veld(tmp_path, geval, intern):
    (oud, nieuw), veld, regel, uitleg = SLECHT[geval]
    assert oud in GOED, f"testgeval {geval}: '{oud}' staat niet in het goede bestand"
    bestand = tmp_path / f"{geval}.yml"
    bestand.write_text(GOED.replace(oud, nieuw, 1), encoding="utf-8")
    resultaat = intern("controleer", bestand.name, cwd=tmp_path)
    assert resultaat.returncode != 0, f"{geval}: had moeten falen\n{resultaat.stdout}"
    assert "Traceback" not in resultaat.stderr, resultaat.stderr
    meldingen = [m for m in resultaat.stderr.splitlines() if m.startswith(bestand.name)]
    plaats = f"{bestand.name}:{regel}: " if regel else f"{bestand.name}"
    passend = [m for m in meldingen if m.startswith(plaats) and f": {veld}: " in m and uitleg in m]
    assert len(passend) == 1, f"{geval}: verwacht één melding '{plaats}… {veld}: …{uitleg}…', kreeg:\n{resultaat.stderr}"
    assert "ongeldig" in resultaat.stderr


def test_ongeldige_yaml(tmp_path):
    bestand = tmp_path / "kapot.yml"
    bestand.write_text("titel: [Test\nprotocol: protocol-2011\n", encoding="utf-8")
    resultaat = jobcoach("bereken", bestand.name, cwd=tmp_path)
    assert resultaat.returncode == 1
    assert "Traceback" not in resultaat.stderr
    assert resultaat.stderr.startswith("kapot.yml:") and "ongeldige YAML" in resultaat.stderr, resultaat.stderr


def test_tab_in_yaml(tmp_path, intern):
    bestand = tmp_path / "tab.yml"
    bestand.write_text(GOED.replace("  regime: 6", "\tregime: 6"), encoding="utf-8")
    resultaat = intern("controleer", bestand.name, cwd=tmp_path)
    assert resultaat.returncode == 1 and "tab.yml:19: ongeldige YAML: tab gevonden" in resultaat.stderr, resultaat.stderr


@pytest.mark.parametrize("inhoud", ["", "- een lijst\n- geen casus\n"], ids=["leeg", "lijst"])
def test_leeg_of_geen_mapping(tmp_path, inhoud, intern):
    bestand = tmp_path / "raar.yml"
    bestand.write_text(inhoud, encoding="utf-8")
    resultaat = intern("bereken", bestand.name, cwd=tmp_path)
    assert resultaat.returncode == 1 and resultaat.stderr.startswith("raar.yml"), resultaat.stderr
    assert "Traceback" not in resultaat.stderr


def test_bestand_bestaat_niet(tmp_path):
    resultaat = jobcoach("bereken", "bestaat-niet.yml", cwd=tmp_path)
    assert resultaat.returncode == 1
    assert resultaat.stderr.strip() == "bestaat-niet.yml: bestand bestaat niet"


def test_alle_problemen_tegelijk(tmp_path, intern):
    bestand = tmp_path / "veel.yml"
    tekst = GOED.replace("uren: 0.5", "uren: -1").replace("doel: 1", "doel: 9").replace("aard: functioneel", "aard: x")
    bestand.write_text(tekst, encoding="utf-8")
    resultaat = intern("controleer", str(bestand.name), cwd=tmp_path)
    meldingen = [m for m in resultaat.stderr.splitlines() if m.startswith("veel.yml:")]
    velden = sorted(m.split(": ")[1] for m in meldingen)
    assert velden == ["schema[1].doel", "schema[1].uren", "schema[2].aard"], resultaat.stderr


def test_controleer_meldt_welke_bestanden_ongeldig_zijn(tmp_path, intern):
    (tmp_path / "goed.yml").write_text(GOED, encoding="utf-8")
    (tmp_path / "fout.yml").write_text(GOED.replace("doel: 1", "doel: 5"), encoding="utf-8")
    resultaat = intern("controleer", ".", cwd=tmp_path)
    assert resultaat.returncode == 1
    assert "goed.yml: in orde" in resultaat.stdout
    assert "fout.yml:14: schema[1].doel" in resultaat.stderr
    assert "1 van 2 casusbestanden is ongeldig." in resultaat.stderr


def test_onbekende_opdracht_geeft_nederlandse_gebruiksmelding():
    resultaat = jobcoach("reken")
    assert resultaat.returncode == 2
    assert "onbekende opdracht" in resultaat.stderr and "Traceback" not in resultaat.stderr


def test_datum_die_niet_bestaat(tmp_path, intern):
    bestand = tmp_path / "datum.yml"
    bestand.write_text(GOED.replace("titel: Test\n", "titel: Test\ndatum: 2011-02-30\n"), encoding="utf-8")
    resultaat = intern("controleer", bestand.name, cwd=tmp_path)
    assert resultaat.returncode == 1
    assert "datum.yml:2: datum: datum bestaat niet (gevonden: '2011-02-30')" in resultaat.stderr, resultaat.stderr


def test_heel_grote_getallen_worden_geweigerd_met_de_reden(tmp_path, intern):
    """Een getal dat geen mens bedoelt, geeft een melding met de grens en de reden, geen berekening en geen crash."""
    bestand = tmp_path / "groot.yml"
    bestand.write_text(GOED.replace("uren: 0.5", "uren: 100000000000000000000000000"), encoding="utf-8")
    resultaat = intern("bereken", bestand.name, "--json", cwd=tmp_path)
    assert resultaat.returncode == 1 and resultaat.stdout == "", resultaat.stdout
    regel = GOED.splitlines().index("    uren: 0.5") + 1
    assert resultaat.stderr.startswith(f"groot.yml:{regel}: schema[1].uren: mag niet meer dan 40 zijn"), resultaat.stderr
    assert "één keer" in resultaat.stderr and "Traceback" not in resultaat.stderr
