"""De opdrachtregel: uitkomsten van de casus en duidelijke Nederlandse meldingen bij slechte invoer."""

from __future__ import annotations

import importlib.metadata
import io
import json
import locale
import runpy
import subprocess
import sys
import types
from pathlib import Path

import pytest

from conftest import ROOT, SEED_CASUS
from jobcoach.cli import main
from jobcoach.terminal import VeiligeUitvoer

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


# --- Binnen het testproces: elke opdracht en elke fout die een gebruiker kan maken ------------------------------
# De tests hierboven die een eigen proces starten, zien de mutaties van make mutatie niet (dat proces kent ze niet).
# Deze tests roepen dezelfde opdrachtregel aan met een lijst argumenten en vergelijken de hele uitvoer: wat de
# gebruiker ziet, de code waarmee de opdracht stopt en de bestanden die hij schrijft. De verwachte getallen zijn met
# de hand uitgerekend uit GOED.

# GOED, met de hand: contract 40 uur x 6 maanden x 4 weken per maand (de standaard) = 24 weken, 960 contracturen.
# Rij 1: 0,5 uur wekelijks x 24 weken = 12 uur (doel 1); rij 2 is van de werkgever en telt niet mee.
# 12 / 960 = 1,25%. Eén periode (korter dan een jaar). Het advies (6%) is hoger dan 1,25%; het aangevraagde regime (10%)
# is niet hoger dan de grens van 10% waarboven onderbouwing nodig is; er is geen datum.
GOED_PERIODE = {"1": 12, "2": 0, "3": 0}
GOED_JSON = {
    "titel": "Test",
    "kader": "protocol-jobcoach",
    "protocol": "protocol-2011",
    "periode": 1,
    "weken_per_maand": 4,
    "weken": 24,
    "contracturen": 960,
    "begeleidingsuren": 12,
    "uren_per_week": 0.5,
    "uren_per_doel": GOED_PERIODE,
    "rijen": [{"rij": 1, "telt_mee": True, "uren_per_week": 0.5, "totaal": 12},
              {"rij": 2, "telt_mee": False, "uren_per_week": 0, "totaal": 0}],
    "percentage": 1.25,
    "percentage_tekst": "1,25%",
    "regime_aangevraagd": 10,
    "regime_advies": 6,
    "uren_aangevraagd": None,
    "uren_advies": None,
    "perioden": [{"periode": 1, "jaar": 1, "van_week": 0, "tot_week": 24, "contracturen": 960,
                  "begeleidingsuren": 12, "uren_per_doel": GOED_PERIODE, "percentage": 1.25}],
}
ADVIES_HOGER = "Het advies (6%) is hoger dan de berekende behoefte (1,25%)."
GEEN_DATUM = "De casus heeft geen datum."

# Een casus van nu (zonder protocol: kader uwv-extern): 12 maanden x 4 weken = 48 weken x 1 uur = 48 uur. Bij een
# aanvraag van nu telt de site uren, geen percentage van de contracturen.
NU = ("titel: Nu\ncontract: {uren_per_week: 40, maanden: 12}\nschema:\n"
      "  - {aard: persoonlijk, knelpunt: K, door: jobcoach, uren: 1, intensiteit: wekelijks, doel: 1}\n")

GEBRUIK = "gebruik: python -m jobcoach [-h] OPDRACHT ...\n"
KAPOT = GOED.replace("    doel: 1", "    doel: 5")  # regel 14: doel buiten het bereik 1 t/m 3
KAPOT_MELDING = "kapot.yml:14: schema[1].doel: mag niet meer dan 3 zijn"


def schrijf(map_: Path, **bestanden: str) -> None:
    for naam, tekst in bestanden.items():
        (map_ / f"{naam}.yml").write_text(tekst, encoding="utf-8")


def test_bereken_met_json_in_het_proces_geeft_alle_velden(tmp_path, intern):
    schrijf(tmp_path, goed=GOED)
    resultaat = intern("bereken", "goed.yml", "--json", cwd=tmp_path)
    assert (resultaat.returncode, resultaat.stderr) == (0, "")
    assert resultaat.stdout.endswith("}\n") and resultaat.stdout.startswith('{\n  "titel": "Test",\n'), resultaat.stdout
    data = json.loads(resultaat.stdout)
    bevindingen = data.pop("bevindingen")
    assert data == GOED_JSON
    assert [(b["code"], b["veld"]) for b in bevindingen] == [("advies-boven-berekening", "advies.regime"),
                                                             ("datum-ontbreekt", "datum")]
    assert bevindingen[0]["tekst"].startswith(ADVIES_HOGER) and bevindingen[1]["tekst"].startswith(GEEN_DATUM)
    assert all("Bron: " in b["tekst"] for b in bevindingen), bevindingen


def test_bereken_met_json_voor_een_casus_van_nu(tmp_path, intern):
    schrijf(tmp_path, nu=NU)
    resultaat = intern("bereken", "nu.yml", "--json", cwd=tmp_path)
    assert (resultaat.returncode, resultaat.stderr) == (0, "")
    data = json.loads(resultaat.stdout)
    # Geen protocol: het kader van nu (uwv-extern). 48 weken in twee perioden van een half jaar, 24 uur elk.
    assert (data["kader"], data["protocol"], data["begeleidingsuren"]) == ("uwv-extern", None, 48)
    assert [(p["periode"], p["jaar"], p["van_week"], p["tot_week"], p["begeleidingsuren"]) for p in data["perioden"]] == [
        (1, 1, 0, 24, 24), (2, 1, 24, 48, 24)]


def test_bereken_json_schrijft_letters_met_accent_zoals_ze_zijn(tmp_path, intern):
    schrijf(tmp_path, accent=GOED.replace("titel: Test", "titel: Coördinatie en één doel"))
    resultaat = intern("bereken", "accent.yml", "--json", cwd=tmp_path)
    assert resultaat.returncode == 0, resultaat.stderr
    assert '  "titel": "Coördinatie en één doel",\n' in resultaat.stdout, resultaat.stdout[:200]


def test_bereken_zonder_optie_geeft_de_tabellen_als_tekst(tmp_path, intern):
    schrijf(tmp_path, goed=GOED)
    resultaat = intern("bereken", "goed.yml", cwd=tmp_path)
    assert (resultaat.returncode, resultaat.stderr) == (0, "")
    regels = resultaat.stdout.splitlines()
    assert regels[:2] == ["Test", ""] and not resultaat.stdout.startswith("{"), resultaat.stdout
    assert regels[2] == "Urenberekening per rij, contract van 24 weken (6 maanden × 4 weken per maand)"
    woorden = [r.split() for r in regels]
    assert ["Contracturen", "960"] in woorden and ["Begeleidingsuren", "12"] in woorden, resultaat.stdout
    assert any(r.startswith("Percentage van de contracturen") and r.endswith("= 1,25%") for r in regels), regels
    assert regels[-3:-2] == ["Bevindingen van de controles:"], regels[-3:]
    assert regels[-2].startswith(f"- {ADVIES_HOGER}") and regels[-1].startswith(f"- {GEEN_DATUM}"), regels[-2:]


def test_bereken_met_een_slechte_casus_meldt_bestand_regel_en_veld(tmp_path, intern):
    schrijf(tmp_path, kapot=KAPOT)
    resultaat = intern("bereken", "kapot.yml", "--json", cwd=tmp_path)
    assert (resultaat.returncode, resultaat.stdout) == (1, "")
    assert resultaat.stderr.startswith(KAPOT_MELDING) and resultaat.stderr.endswith("\n"), resultaat.stderr
    assert len(resultaat.stderr.splitlines()) == 1, resultaat.stderr


# Het bestand is er niet, of is geen casusbestand: de melding noemt het bestand zoals de gebruiker het schreef.
GEEN_BESTAND = {
    "ontbreekt": (lambda map_: None, "weg.yml", "weg.yml: bestand bestaat niet"),
    "map": (lambda map_: (map_ / "map.yml").mkdir(), "map.yml", "map.yml: dit is een map, geen bestand"),
    "link-naar-buiten": (lambda map_: (map_ / "link.yml").symlink_to(map_.parent / "buiten.yml"), "link.yml",
                         "link.yml: dit is een link naar een bestand buiten het project; de site leest alleen bestanden "
                         "in het project. Zet het bestand zelf hier neer"),
}


# (controleer doorzoekt een map; zie test_controleer_een_map_zonder_casusbestanden.)
@pytest.mark.parametrize(("opdracht", "geval"), [(o, g) for o in ("bereken", "controleer") for g in sorted(GEEN_BESTAND)
                                                 if (o, g) != ("controleer", "map")])
def test_geen_leesbaar_casusbestand(tmp_path, intern, opdracht, geval):
    maak, naam, melding = GEEN_BESTAND[geval]
    (tmp_path / "buiten.yml").write_text(GOED, encoding="utf-8")  # bestaat, maar buiten de projectmap
    project = tmp_path / "project"
    project.mkdir()
    maak(project)
    resultaat = intern(opdracht, naam, cwd=project)
    slot = "Het casusbestand is ongeldig.\n" if opdracht == "controleer" else ""
    assert (resultaat.returncode, resultaat.stdout, resultaat.stderr) == (1, "", f"{melding}\n{slot}")


def test_controleer_een_goed_bestand_noemt_uren_percentage_en_bevindingen(tmp_path, intern):
    schrijf(tmp_path, goed=GOED)
    resultaat = intern("controleer", "goed.yml", cwd=tmp_path)
    assert (resultaat.returncode, resultaat.stderr) == (0, "")
    regels = resultaat.stdout.splitlines()
    assert regels[0] == "goed.yml: in orde (12 uur, 1,25% van de contracturen)"
    assert regels[1].startswith(f"goed.yml: let op: advies.regime: {ADVIES_HOGER}"), regels
    assert regels[2].startswith(f"goed.yml: let op: datum: {GEEN_DATUM}"), regels
    assert regels[3:] == ["Het casusbestand is geldig."]


def test_controleer_een_casus_van_nu_noemt_uren_zonder_percentage(tmp_path, intern):
    schrijf(tmp_path, nu=NU)
    resultaat = intern("controleer", "nu.yml", cwd=tmp_path)
    assert resultaat.returncode == 0, resultaat.stderr
    assert resultaat.stdout.splitlines()[0] == "nu.yml: in orde (48 uur)", resultaat.stdout
    assert "%" not in resultaat.stdout.splitlines()[0]


# Hoeveel bestanden, hoeveel ongeldig: de slotregel op stdout (alles geldig) of stderr (iets ongeldig), en de code.
AANTALLEN = {
    "een-goed": (["goed"], 0, "Het casusbestand is geldig."),
    "twee-goed": (["goed", "nu"], 0, "Alle 2 casusbestanden zijn geldig."),
    "een-fout": (["kapot"], 1, "Het casusbestand is ongeldig."),
    "een-van-twee-fout": (["kapot", "nu"], 1, "1 van 2 casusbestanden is ongeldig."),
    "twee-van-twee-fout": (["kapot", "leeg"], 1, "2 van 2 casusbestanden zijn ongeldig."),
    "twee-van-drie-fout": (["goed", "kapot", "leeg"], 1, "2 van 3 casusbestanden zijn ongeldig."),
}


@pytest.mark.parametrize("geval", list(AANTALLEN))
def test_controleer_telt_geldige_en_ongeldige_bestanden(tmp_path, intern, geval):
    namen, code, slot = AANTALLEN[geval]
    schrijf(tmp_path, goed=GOED, nu=NU, kapot=KAPOT, leeg="")
    resultaat = intern("controleer", *(f"{n}.yml" for n in namen), cwd=tmp_path)
    assert resultaat.returncode == code, resultaat.stderr
    laatste = (resultaat.stdout if code == 0 else resultaat.stderr).splitlines()[-1]
    assert laatste == slot
    # Na een ongeldig bestand gaat het controleren door: elk goed bestand staat in de uitvoer, elk fout in stderr.
    assert [r.split(":")[0] for r in resultaat.stdout.splitlines() if ": in orde (" in r] == [
        f"{n}.yml" for n in namen if n in ("goed", "nu")]
    assert [r.split(":")[0] for r in resultaat.stderr.splitlines()[:-1]] == [
        f"{n}.yml" for n in namen if n in ("kapot", "leeg")]


def test_controleer_zonder_pad_neemt_de_map_casussen(tmp_path, intern):
    (tmp_path / "casussen").mkdir()
    schrijf(tmp_path / "casussen", b=NU, a=GOED)
    (tmp_path / "casussen/notitie.txt").write_text("geen casus", encoding="utf-8")
    resultaat = intern("controleer", cwd=tmp_path)
    assert (resultaat.returncode, resultaat.stderr) == (0, "")
    regels = resultaat.stdout.splitlines()
    assert [r for r in regels if ": in orde (" in r] == ["casussen/a.yml: in orde (12 uur, 1,25% van de contracturen)",
                                                         "casussen/b.yml: in orde (48 uur)"]
    assert regels[-1] == "Alle 2 casusbestanden zijn geldig."


def test_controleer_bestanden_en_mappen_door_elkaar(tmp_path, intern):
    (tmp_path / "map").mkdir()
    schrijf(tmp_path / "map", b=NU, a=GOED)
    schrijf(tmp_path, los=NU)
    resultaat = intern("controleer", "los.yml", "map", "los.yml", cwd=tmp_path)
    assert (resultaat.returncode, resultaat.stderr) == (0, "")
    assert [r.split(":")[0] for r in resultaat.stdout.splitlines() if ": in orde (" in r] == [
        "los.yml", "map/a.yml", "map/b.yml", "los.yml"]  # in de volgorde van de argumenten, een map op naam
    assert resultaat.stdout.splitlines()[-1] == "Alle 4 casusbestanden zijn geldig."


def test_controleer_zonder_pad_en_zonder_map_casussen(tmp_path, intern):
    schrijf(tmp_path, goed=GOED)  # een casusbestand, maar niet in casussen/: de opdracht staat in de verkeerde map
    resultaat = intern("controleer", cwd=tmp_path)
    assert (resultaat.returncode, resultaat.stdout, resultaat.stderr) == (1, "", "casussen: de map bestaat niet\n")


@pytest.mark.parametrize(("mappen", "genoemd"), [(["leeg"], "leeg"), (["a", "b"], "a, b")])
def test_controleer_een_map_zonder_casusbestanden(tmp_path, intern, mappen, genoemd):
    for naam in mappen:
        (tmp_path / naam).mkdir()
        (tmp_path / naam / "leesmij.md").write_text("geen casus", encoding="utf-8")
    resultaat = intern("controleer", *mappen, cwd=tmp_path)
    assert (resultaat.returncode, resultaat.stdout) == (1, "")
    assert resultaat.stderr == f"Geen casusbestanden (*.yml) gevonden in: {genoemd}\n"


def test_schema_toont_het_json_schema_van_een_casusbestand(tmp_path, intern):
    resultaat = intern("schema", cwd=tmp_path)
    assert (resultaat.returncode, resultaat.stderr) == (0, "")
    # Hetzelfde als het schema in de documentatie (dat een andere test actueel houdt), met één regeleinde aan het eind.
    assert resultaat.stdout == (ROOT / "docs/schema/casus.schema.json").read_text(encoding="utf-8")
    assert resultaat.stdout.endswith("}\n") and resultaat.stdout.startswith("{\n  \"")
    assert "\\u00" not in resultaat.stdout and "é" in resultaat.stdout  # letters met accent zoals ze zijn
    assert not list(tmp_path.iterdir()), "schema zonder --schrijf schrijft niets"


def test_schema_schrijf_maakt_het_bestand_in_docs_schema(tmp_path, intern):
    resultaat = intern("schema", "--schrijf", cwd=tmp_path)  # docs/schema/ bestaat nog niet
    assert (resultaat.returncode, resultaat.stdout, resultaat.stderr) == (0, "Geschreven: docs/schema/casus.schema.json\n", "")
    geschreven = (tmp_path / "docs/schema/casus.schema.json").read_bytes()
    assert geschreven == (ROOT / "docs/schema/casus.schema.json").read_bytes()
    assert intern("schema", "--schrijf", cwd=tmp_path).returncode == 0  # de map bestaat nu al: geen fout
    assert (tmp_path / "docs/schema/casus.schema.json").read_bytes() == geschreven


def test_schema_schrijf_schrijft_utf8_ook_bij_een_andere_taalinstelling(tmp_path, intern):
    # Een terminal of Windows met een andere tekenset (hier: ASCII, de C-locale) mag het bestand niet anders maken.
    oud = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    try:
        assert locale.getencoding().lower() not in ("utf-8", "utf8")
        resultaat = intern("schema", "--schrijf", cwd=tmp_path)
    finally:
        locale.setlocale(locale.LC_CTYPE, oud)
    assert (resultaat.returncode, resultaat.stderr) == (0, "")
    assert (tmp_path / "docs/schema/casus.schema.json").read_bytes() == (ROOT / "docs/schema/casus.schema.json").read_bytes()


class _KapottePijp:
    """stdout naar een programma dat al gestopt is ('| head')."""

    def write(self, tekst: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        pass


def test_uitvoer_naar_een_gesloten_pijp_is_geen_fout(tmp_path, capsys, monkeypatch):
    schrijf(tmp_path, goed=GOED)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdout", _KapottePijp())
    assert main(["bereken", "goed.yml"]) == 0
    assert capsys.readouterr().err == ""


# Fouten in de argumenten: code 2, de korte gebruiksregel en een Nederlandse melding op stderr, niets op stdout.
GEBRUIKSFOUTEN = {
    "geen-opdracht": ([], GEBRUIK, "python -m jobcoach: fout: deze argumenten ontbreken: OPDRACHT"),
    "verkeerde-opdracht": (["reken"], GEBRUIK, "python -m jobcoach: fout: argument OPDRACHT: onbekende opdracht: "
                                               "'reken' (kies uit bereken, controleer, schema)"),
    "bereken-zonder-bestand": (["bereken"], "gebruik: python -m jobcoach bereken [-h] [--json] BESTAND\n",
                               "python -m jobcoach bereken: fout: deze argumenten ontbreken: BESTAND"),
    "twee-bestanden": (["bereken", "a.yml", "b.yml"], GEBRUIK, "python -m jobcoach: fout: onbekende argumenten: b.yml"),
    "onbekende-optie": (["controleer", "--json"], GEBRUIK, "python -m jobcoach: fout: onbekende argumenten: --json"),
    "json-met-waarde": (["bereken", "a.yml", "--json=ja"], "gebruik: python -m jobcoach bereken [-h] [--json] BESTAND\n",
                        "python -m jobcoach bereken: fout: argument --json: hier hoort geen waarde bij (gevonden: 'ja')"),
    "schema-met-bestand": (["schema", "a.yml"], GEBRUIK, "python -m jobcoach: fout: onbekende argumenten: a.yml"),
}


@pytest.mark.parametrize("geval", list(GEBRUIKSFOUTEN))
def test_fout_in_de_argumenten_geeft_code_2_en_een_nederlandse_melding(tmp_path, intern, geval):
    argumenten, gebruik, melding = GEBRUIKSFOUTEN[geval]
    resultaat = intern(*argumenten, cwd=tmp_path)
    assert (resultaat.returncode, resultaat.stdout, resultaat.stderr) == (2, "", f"{gebruik}{melding}\n")


@pytest.fixture
def site_opdracht(capsys, monkeypatch, tmp_path):
    """De opdracht ``jobcoach`` (met nieuw en verouderd), in het testproces."""
    from leidraadsite.cli import main as site_main

    def uitvoeren(*args: str) -> tuple[object, str, str]:
        monkeypatch.chdir(tmp_path)
        try:
            code = site_main(list(args))
        except SystemExit as stop:
            code = stop.code
        uit = capsys.readouterr()
        return code, uit.out, uit.err

    return uitvoeren


@pytest.mark.parametrize(("argumenten", "gebruik", "melding"), [
    (["nieuw", "proef", "--titel"], "jobcoach nieuw [-h] [--titel TITEL] [--datum JJJJ-MM-DD] NAAM",
     "jobcoach nieuw: fout: argument --titel: hier hoort een waarde bij"),
    (["nieuw", "proef", "--datum", "1-2-2027"], "jobcoach nieuw [-h] [--titel TITEL] [--datum JJJJ-MM-DD] NAAM",
     "jobcoach nieuw: fout: argument --datum: ongeldige datum '1-2-2027'; schrijf jaar-maand-dag, bijvoorbeeld 2027-01-31"),
    (["verouderd", "--d", "2027-01-01"], "jobcoach verouderd [-h] [--datum JJJJ-MM-DD] [--docs MAP]",
     "jobcoach verouderd: fout: onduidelijke optie --d: dat kan --datum of --docs zijn; schrijf de optie voluit"),
    (["verouderd", "--docs"], "jobcoach verouderd [-h] [--datum JJJJ-MM-DD] [--docs MAP]",
     "jobcoach verouderd: fout: argument --docs: hier hoort een waarde bij"),
])
def test_fout_in_de_opties_van_de_site_is_ook_nederlands(site_opdracht, tmp_path, argumenten, gebruik, melding):
    assert site_opdracht(*argumenten) == (2, "", f"gebruik: {gebruik}\n{melding}\n")
    assert not list(tmp_path.iterdir()), "na een fout in de argumenten is er niets gemaakt"


# De hulp: de eerste regel precies, de rest met de witruimte samengevoegd (argparse breekt regels af naar de breedte
# van het venster en zet een lange opdrachtnaam op een eigen regel).
HULP = {
    "alles": (["-h"], "gebruik: python -m jobcoach [-h] OPDRACHT ...", [
        "Rekenen en controleren met casussen van de Leidraad Jobcoach.", "opties: -h, --help toon deze hulp en stop",
        "opdrachten: OPDRACHT bereken bereken de uren en het percentage van één casus controleer controleer "
        "casusbestanden (standaard: de map casussen/) schema toon het JSON Schema van een casusbestand"]),
    "bereken": (["bereken", "--help"], "gebruik: python -m jobcoach bereken [-h] [--json] BESTAND", [
        "argumenten: BESTAND het casusbestand (.yml)",
        "opties: -h, --help toon deze hulp en stop --json geef de uitkomst als JSON"]),
    "controleer": (["controleer", "-h"], "gebruik: python -m jobcoach controleer [-h] [PAD ...]", [
        "argumenten: PAD bestanden of mappen", "opties: -h, --help toon deze hulp en stop"]),
    "schema": (["schema", "-h"], "gebruik: python -m jobcoach schema [-h] [--schrijf]", [
        "opties: -h, --help toon deze hulp en stop --schrijf schrijf het naar docs/schema/casus.schema.json"]),
}


@pytest.mark.parametrize("geval", list(HULP))
def test_hulp_is_nederlands(tmp_path, intern, monkeypatch, geval):
    argumenten, eerste, stukken = HULP[geval]
    monkeypatch.setenv("COLUMNS", "100")
    resultaat = intern(*argumenten, cwd=tmp_path)
    assert (resultaat.returncode, resultaat.stderr) == (0, "")
    assert resultaat.stdout.splitlines()[0] == eerste, resultaat.stdout
    samen = f" {' '.join(resultaat.stdout.split())} "
    assert [s for s in stukken if f" {s} " not in samen] == [], resultaat.stdout  # hele woorden
    engels = [w for w in ("usage", "options:", "positional arguments", "show this help") if w in resultaat.stdout]
    assert engels == [], resultaat.stdout


# --- python -m jobcoach (__main__): de opdracht jobcoach van dit pakket, of zonder installatie die van het domein ----


def start_module(monkeypatch, capsys, *args: str) -> tuple[object, str, str]:
    monkeypatch.setattr(sys, "argv", ["jobcoach", *args])
    # Als 'python -m jobcoach', maar met de gewone modulenaam in plaats van '__main__' (__main__.py kijkt niet naar
    # zijn naam): mutmut zet een mutatie alleen aan in functies van de module met de naam jobcoach.__main__.
    with pytest.raises(SystemExit) as stop:
        runpy.run_module("jobcoach", run_name="jobcoach.__main__")
    uit = capsys.readouterr()
    return stop.value.code, uit.out, uit.err


def test_python_m_jobcoach_heeft_ook_de_opdrachten_van_de_site(tmp_path, monkeypatch, capsys):
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    assert start_module(monkeypatch, capsys, "verouderd", "--datum", "2027-01-31") == (
        0, "Geen verouderde pagina's op 2027-01-31.\n", "")


def _ingang(groep: str, naam: str, pakket: str | None, opdracht: object) -> types.SimpleNamespace:
    return types.SimpleNamespace(group=groep, name=naam, dist=types.SimpleNamespace(name=pakket) if pakket else None,
                                 load=lambda: opdracht)


def _niet_deze(*args: object) -> int:
    raise AssertionError("de verkeerde ingang is gestart")


def _site(*args: object) -> int:
    print("de opdracht van de site")
    return 0


# De ingangen die importlib.metadata zou kunnen vinden; alleen de opdracht 'jobcoach' van het pakket jobcoach telt.
INGANGEN = {
    "geen-installatie": ([], "domein"),
    "van-dit-pakket": ([_ingang("mkdocs.plugins", "jobcoach", "jobcoach", _niet_deze),
                        _ingang("console_scripts", "ander", "jobcoach", _niet_deze),
                        _ingang("console_scripts", "jobcoach", None, _niet_deze),
                        _ingang("console_scripts", "jobcoach", "ander-pakket", _niet_deze),
                        _ingang("console_scripts", "jobcoach", "jobcoach", _site)], "site"),
    "alleen-van-een-ander-pakket": ([_ingang("console_scripts", "jobcoach", "ander-pakket", _niet_deze),
                                     _ingang("console_scripts", "jobcoach", None, _niet_deze)], "domein"),
}


@pytest.mark.parametrize("geval", list(INGANGEN))
def test_python_m_jobcoach_kiest_de_opdracht_van_dit_pakket(tmp_path, monkeypatch, capsys, geval):
    ingangen, verwacht = INGANGEN[geval]

    def entry_points(**zoek: str) -> list:
        return [i for i in ingangen if all(getattr(i, k) == v for k, v in zoek.items())]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    monkeypatch.chdir(tmp_path)
    if verwacht == "site":
        assert start_module(monkeypatch, capsys, "nieuw") == (0, "de opdracht van de site\n", "")
    else:  # alleen bereken, controleer en schema
        code, uit, fout = start_module(monkeypatch, capsys, "nieuw")
        assert (code, uit) == (2, "")
        assert fout.endswith("onbekende opdracht: 'nieuw' (kies uit bereken, controleer, schema)\n"), fout


# --- VeiligeUitvoer: nooit een rauw stuurteken naar de terminal -------------------------------------------------


def test_veilige_uitvoer_maakt_stuurtekens_zichtbaar_en_geeft_de_rest_door():
    stroom = io.StringIO()
    uit = VeiligeUitvoer(stroom)
    assert uit.write("a\x1b[2Jb") == 6  # zoveel tekens als de schrijver gaf, anders schrijft print het opnieuw
    uit.writelines(["\u202eomgekeerd", "\n", "gewoon"])
    assert stroom.getvalue() == "a\\x1b[2Jb\\u202eomgekeerd\ngewoon"
    assert uit.getvalue() == stroom.getvalue()  # de rest (flush, encoding, …) van de echte stroom
    assert uit.closed is False
