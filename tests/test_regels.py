"""De regels (src/jobcoach/data/regels.yml): een einde bij elke versie, en perioden die niet overlappen."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobcoach import Bestandsfout, laad_regels
from jobcoach.regels import REGELS_PAD

BRON = REGELS_PAD.read_text(encoding="utf-8")


def _met(tmp_path: Path, oud: str, nieuw: str) -> Path:
    assert oud in BRON, oud
    pad = tmp_path / "regels.yml"
    pad.write_text(BRON.replace(oud, nieuw, 1), encoding="utf-8")
    return pad


def _regel(tekst: str) -> int:
    return BRON.splitlines().index(tekst) + 1


@pytest.mark.parametrize(
    ("oud", "nieuw", "melding", "regel_van"),
    [
        ("    geldig_tot: 2019-09-30", "    geldig_tot: 2015-09-30",
         "geldig_tot (2015-09-30) ligt vóór geldig_van (2016-01-01)", "    geldig_tot: 2019-09-30"),
        ("    geldig_tot: 2012-12-14", "    geldig_tot: 2013-12-14",
         "protocol-2011 geldt tot en met 2013-12-14, maar protocol-2012 begint al op 2012-12-15: de perioden overlappen",
         "    geldig_tot: 2012-12-14"),
        ("    geldig_tot: 2012-12-14", "    geldig_tot: onbekend",
         "protocol-2011: geldig_tot is 'onbekend', maar protocol-2012 begint later", "    geldig_tot: 2012-12-14"),
        ("    geldig_tot: geldend", "    geldig_tot: opvolger",
         "interne-jobcoach-2015: geldig_tot is 'opvolger', maar er is geen latere versie van soort intern",
         "    geldig_tot: geldend"),
    ],
    ids=["omgekeerd", "overlap", "onbekend-met-opvolger", "opvolger-zonder-opvolger"],
)
def test_fout_in_de_perioden_geeft_een_nederlandse_melding_met_regel(tmp_path, oud, nieuw, melding, regel_van):
    with pytest.raises(Bestandsfout) as fout:
        laad_regels(_met(tmp_path, oud, nieuw))
    tekst = fout.value.tekst()
    assert melding in tekst, tekst
    assert f"regels.yml:{_regel(regel_van)}: protocollen[" in tekst and "].geldig_tot:" in tekst, tekst


def test_elke_versie_heeft_een_einde(tmp_path):
    with pytest.raises(Bestandsfout, match=r"protocollen\[3\]\.geldig_tot: verplicht veld ontbreekt"):
        laad_regels(_met(tmp_path, "    geldig_van: 2012-12-15\n    geldig_tot: opvolger\n", "    geldig_van: 2012-12-15\n"))
