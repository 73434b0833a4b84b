"""Kleine lekken uit issue 20: een onleesbare map, pagina of begrippenlijst geeft een Nederlandse melding (geen
traceback); een enorme waarde wordt in een melding ingekort; een getal heeft nooit honderden cijfers; ``jobcoach
nieuw`` weigert namen die Windows voor apparaten gebruikt."""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path

import pytest

from bouwhulp import bouw_met_eigen_pakket
from conftest import ROOT
from jobcoach.cli import main as jobcoach_main
from jobcoach.opmaak import getal, procent_afgekapt, uren
from leidraadsite.nieuw import NieuwFout, controleer_naam

GOED = (ROOT / "casussen" / "begeleidingsbehoefte-en-regime.yml").read_text(encoding="utf-8")


# --- jobcoach nieuw: namen die Windows niet als bestand kent ----------------------------------------------------

@pytest.mark.parametrize("naam", ["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9", "com0", "lpt0"])
def test_nieuw_weigert_windows_apparaatnamen(naam):
    with pytest.raises(NieuwFout, match="Windows"):
        controleer_naam(naam)


@pytest.mark.parametrize("naam", ["con.txt", "nul.", "casus.", "casus ", "casus. ", "CON", "Nul"])
def test_nieuw_weigert_punt_of_spatie_aan_het_eind_en_extensies(naam):
    with pytest.raises(NieuwFout):
        controleer_naam(naam)


@pytest.mark.parametrize("naam", ["com10", "lpt10", "console", "nul-uren", "con-1", "auxilium"])
def test_nieuw_accepteert_namen_die_er_alleen_op_lijken(naam):
    controleer_naam(naam)


def test_te_lange_naam_wordt_niet_helemaal_herhaald():
    with pytest.raises(NieuwFout) as fout:
        controleer_naam("a" * 10_000)
    assert len(str(fout.value)) < 300, len(str(fout.value))


# --- Een enorme waarde in een melding ------------------------------------------------------------------------------

def test_regime_van_4299_cijfers_wordt_ingekort(tmp_path, capsys, monkeypatch):
    (tmp_path / "casus.yml").write_text(GOED.replace("regime: 15", "regime: " + "9" * 4299), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert jobcoach_main(["controleer", "casus.yml"]) == 1
    err = capsys.readouterr().err
    regel = err.splitlines()[0]
    assert len(regel) < 300, regel[:400]
    assert "aanvraag.regime" in regel and "4299 cijfers" in regel, regel


def test_lange_tekst_waar_een_getal_hoort_wordt_ingekort(tmp_path, capsys, monkeypatch):
    (tmp_path / "casus.yml").write_text(GOED.replace("regime: 15", "regime: " + "x" * 4000), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert jobcoach_main(["controleer", "casus.yml"]) == 1
    regel = capsys.readouterr().err.splitlines()[0]
    assert len(regel) < 300 and "4000 tekens" in regel, regel[:400]


# --- Getallen: nooit honderden cijfers ----------------------------------------------------------------------------

@pytest.mark.parametrize("waarde", [Fraction(10**300), Fraction(-(10**300)), Fraction(10**15)],
                         ids=["10^300", "-10^300", "10^15"])
def test_opmaak_geeft_nooit_honderden_cijfers(waarde):
    for tekst in (procent_afgekapt(waarde), getal(waarde), uren(waarde)):
        assert len(tekst) <= 40, tekst[:100]
        assert "meer dan" in tekst or "minder dan" in tekst


def test_opmaak_onder_de_grens_blijft_exact():
    grens = Fraction(10**15 - 1)
    assert getal(grens) == "999.999.999.999.999"
    assert procent_afgekapt(grens) == "999.999.999.999.999,00%"


# --- Onleesbare mappen en bestanden ------------------------------------------------------------------------------

def test_controleer_met_een_onleesbare_map(tmp_path, capsys, monkeypatch):
    map_ = tmp_path / "casussen"
    map_.mkdir()
    (map_ / "a.yml").write_text(GOED, encoding="utf-8")
    echt = os.scandir

    def scandir(pad=".", *args):  # noqa: ANN001, ANN002, ANN202 - zoals een map zonder leesrecht (ook voor root)
        if Path(pad).name == "casussen":
            raise PermissionError(13, "Permission denied", str(pad))
        return echt(pad, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.chdir(tmp_path)
    assert jobcoach_main(["controleer", "casussen"]) == 1
    err = capsys.readouterr().err
    assert "casussen: de map kan niet worden gelezen (geen toegang" in err, err
    assert "Traceback" not in err and "Permission" not in err


def _bouw_zonder_traceback(project: Path, tmp_path: Path, verwacht: list[str]) -> str:
    resultaat = bouw_met_eigen_pakket(project, tmp_path / "site")
    uitvoer = resultaat.stdout + resultaat.stderr
    assert resultaat.returncode != 0
    assert "Traceback" not in uitvoer and "Config value" not in uitvoer and "Errno" not in uitvoer, uitvoer[-3000:]
    for stuk in verwacht:
        assert stuk in uitvoer, f"'{stuk}' ontbreekt:\n{uitvoer[-3000:]}"
    return uitvoer


def test_bouw_met_een_pagina_die_niet_te_lezen_is(project, tmp_path):
    (project / "docs" / "lus.md").symlink_to("lus.md")
    _bouw_zonder_traceback(project, tmp_path, ["docs/lus.md", "naar zichzelf"])


def test_bouw_met_een_begrippenlijst_die_niet_te_lezen_is(project, tmp_path):
    begrippen = project / "src/leidraadsite/data/begrippen.yml"
    begrippen.unlink()
    begrippen.symlink_to("begrippen.yml")
    _bouw_zonder_traceback(project, tmp_path, ["src/leidraadsite/data/begrippen.yml", "naar zichzelf wijst"])


def test_bouw_met_een_fout_in_de_begrippenlijst(project, tmp_path):
    begrippen = project / "src/leidraadsite/data/begrippen.yml"
    begrippen.write_text(begrippen.read_text(encoding="utf-8").replace("  - term: Arbeidsdeskundige\n",
                                                                       "  - trem: Arbeidsdeskundige\n", 1),
                         encoding="utf-8")
    _bouw_zonder_traceback(project, tmp_path, ["src/leidraadsite/data/begrippen.yml:", "onbekend veld"])


def test_bouw_zonder_map_casussen(project, tmp_path):
    (project / "casussen").rename(project / "casussen.weg")
    _bouw_zonder_traceback(project, tmp_path, ["casussen: de map bestaat niet"])


def test_enorme_veldnaam_wordt_in_de_melding_ingekort(tmp_path, capsys, monkeypatch):
    (tmp_path / "casus.yml").write_text(GOED.replace("  maanden: 6", "  maanden: 6\n  " + "x" * 1000 + ": 1"),
                                        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert jobcoach_main(["controleer", "casus.yml"]) == 1
    regel = capsys.readouterr().err.splitlines()[0]
    assert len(regel) < 400 and "contract.xxxx" in regel and "1000 tekens" in regel, regel[:500]
