"""Een id (of term, afkorting, anker) die twee keer in een gegevensbestand staat, stopt het lezen met een melding die
de dubbele waarde noemt. Eén controle (``jobcoach.lezer.geen_dubbele``) voor regels, routes, rollen en begrippen."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from jobcoach import Bestandsfout
from jobcoach.lezer import geen_dubbele
from jobcoach.regels import REGELS_PAD, laad_regels
from leidraadsite.inhoud.begrippen import BEGRIPPEN_PAD, laad_begrippen
from leidraadsite.inhoud.rollen import ROLLEN_PAD, laad_rolkaart
from leidraadsite.inhoud.routes import ROUTES_PAD, laad_routes


def test_geen_dubbele_noemt_elke_dubbele_waarde_een_keer_op_volgorde():
    geen_dubbele([], "x")
    geen_dubbele(["a", "b", "c"], "x")  # elk één keer: goed
    with pytest.raises(ValueError, match=r"^lijst: a, b$"):
        geen_dubbele(["b", "a", "b", "c", "a", "a"], "lijst")


def _met_kopie(bron: Path, tmp_path: Path, lijst: str, kies) -> tuple[Path, dict]:
    """Een kopie van het gegevensbestand waarin één item van ``lijst`` twee keer staat."""
    gegevens = yaml.safe_load(bron.read_text(encoding="utf-8"))
    item = kies(gegevens[lijst])
    gegevens[lijst].append(copy.deepcopy(item))
    pad = tmp_path / bron.name
    pad.write_text(yaml.safe_dump(gegevens, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad, item


@pytest.mark.parametrize(("bron", "laad", "lijst", "kies", "melding"), [
    (REGELS_PAD, laad_regels, "protocollen", lambda rij: rij[0], lambda i: f"protocol-id komt meer dan eens voor: {i['id']}"),
    (ROUTES_PAD, laad_routes, "routes", lambda rij: rij[0], lambda i: f"route-id komt meer dan eens voor: {i['id']}"),
    (ROLLEN_PAD, laad_rolkaart, "rollen", lambda rij: rij[0], lambda i: f"rol-id komt meer dan eens voor: {i['id']}"),
    (BEGRIPPEN_PAD, laad_begrippen, "begrippen",
     lambda rij: next(b for b in rij if not b.get("afkorting") and not b.get("ook")),
     lambda i: f"begrip staat meer dan eens in de lijst: {i['term'].lower()}"),
], ids=["regels", "routes", "rollen", "begrippen"])
def test_een_dubbel_item_stopt_het_lezen_met_de_dubbele_waarde(bron, laad, lijst, kies, melding, tmp_path):
    pad, item = _met_kopie(bron, tmp_path, lijst, kies)
    with pytest.raises(Bestandsfout) as fout:
        laad(pad)
    assert melding(item) in str(fout.value), str(fout.value)
