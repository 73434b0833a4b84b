"""Pariteit zonder browser: de rekenkern van de rekenhulp rekent in Node precies zoals het Python-pakket.

``docs/javascripts/rekenkern.js`` is de berekening en de controles van de rekenhulp, zonder pagina. Deze test
(in ``make check``) geeft Node de JSON die de bouw in de pagina zet (``jobcoach.browser``) en dezelfde gevallen als
Python: alle casussen in ``casussen/``, de grensgevallen (elke grens en datum uit de regels: eronder, erop,
erboven), de randgevallen en een vaste reeks willekeurige casussen. Vergeleken worden de exacte breuken, de teksten
in Nederlandse notatie en de bevindingen (code, veld, tekst). Verandert een regel in Python en volgt de JavaScript
niet, dan faalt deze test.

Node.js 20 of nieuwer is nodig (``/usr/bin/node``; Debian: ``apt-get install nodejs``).
"""

from __future__ import annotations

import copy
import functools
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from jobcoach import laad_regels
from jobcoach.browser import rekenhulp_gegevens
from jobcoach.casus import Casus
from rekenhulp_gevallen import ROOT, alle_gevallen, grensgevallen, python_uitkomst

RUNNER = Path(__file__).with_name("rekenhulp_node.js")


def _als_gegevens(casus: dict[str, Any]) -> dict[str, Any]:
    """Zoals het formulier ze geeft: gewone JSON-waarden, datums als tekst."""
    return json.loads(json.dumps(casus, default=str))


def _casusbestanden() -> dict[str, dict[str, Any]]:
    return {pad.name: _als_gegevens(yaml.safe_load(pad.read_text(encoding="utf-8")))
            for pad in sorted((ROOT / "casussen").glob("*.yml"))}


GEVALLEN: dict[str, dict[str, Any]] = {
    **{f"casussen/{naam}": c for naam, c in _casusbestanden().items()},
    **{f"grens {i + 1}": _als_gegevens(c) for i, c in enumerate(grensgevallen())},
    **{f"geval {i + 1}": _als_gegevens(c) for i, c in enumerate(alle_gevallen())},
}


def _zonder_html(uitkomst: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in uitkomst.items() if k != "html"}  # de tabellen maakt het formulier, niet de rekenkern


@functools.cache
def _python() -> tuple[dict[str, Any], ...]:
    regels = laad_regels()
    return tuple({"uitkomst": _zonder_html(python_uitkomst(Casus.model_validate(c, context={"regels": regels})))}
                 for c in GEVALLEN.values())


def _node(regels: dict[str, Any], gevallen: list[dict[str, Any]]) -> list[dict[str, Any]]:
    node = shutil.which("node") or "/usr/bin/node"
    if not Path(node).exists():
        pytest.fail("Node.js ontbreekt: installeer het (Debian: apt-get install nodejs); de rekenhulp-pariteit draait erin")
    invoer = json.dumps({"regels": regels, "gevallen": gevallen}, ensure_ascii=False)
    uit = subprocess.run([node, str(RUNNER)], input=invoer.encode("utf-8"), capture_output=True, check=False, timeout=120)
    assert uit.returncode == 0, f"de rekenkern gaf een fout in Node:\n{uit.stderr.decode('utf-8', 'replace')}"
    return json.loads(uit.stdout)


def _regels_json() -> dict[str, Any]:
    # Precies zoals in de pagina: via json, dus alleen wat JSON kan dragen.
    return json.loads(json.dumps(rekenhulp_gegevens(laad_regels()), ensure_ascii=False))


def _verschillen(python: tuple[dict[str, Any], ...], node: list[dict[str, Any]]) -> list[str]:
    namen = list(GEVALLEN)
    uit = []
    for naam, p, n in zip(namen, python, node, strict=True):
        if p != n:
            velden = sorted(k for k in set(p.get("uitkomst", {})) | set(n.get("uitkomst", {}))
                            if p.get("uitkomst", {}).get(k) != n.get("uitkomst", {}).get(k))
            uit.append(f"{naam}: {velden or 'problemen'}: python={json.dumps(p, ensure_ascii=False)[:400]} "
                       f"node={json.dumps(n, ensure_ascii=False)[:400]}")
    return uit


def test_rekenkern_in_node_rekent_en_controleert_als_python():
    node = _node(_regels_json(), list(GEVALLEN.values()))
    verschillen = _verschillen(_python(), node)
    assert not verschillen, f"{len(verschillen)} van {len(GEVALLEN)} gevallen verschillen:\n" + "\n".join(verschillen[:5])
    # Wat er vergeleken is (zichtbaar met pytest -s): gevallen en bevindingen.
    bevindingen = sum(len(u["uitkomst"]["bevindingen"]) for u in node)
    codes = sorted({b["code"] for u in node for b in u["uitkomst"]["bevindingen"]})
    print(f"\nrekenkern in Node: {len(GEVALLEN)} gevallen gelijk aan Python, {bevindingen} bevindingen, codes: {codes}")


def test_elke_bevinding_komt_in_de_vergelijking_voor():
    """De gevallen raken elke bevinding die Python kent; anders vergelijkt de test een regel nooit."""
    gezien = {b["code"] for u in _python() for b in u["uitkomst"]["bevindingen"]}
    from jobcoach.teksten import TEKSTEN

    sjablonen = {k for k, v in TEKSTEN.bevindingen.items() if isinstance(v, str) and "{" in v or k == "geen-uren"}
    # Elke code begint met de naam van zijn sjabloon, of is die naam (aanvraag-boven-maximum: boven-maximum).
    ongezien = sorted(s for s in sjablonen if not any(c == s or c.endswith("-" + s) for c in gezien))
    assert not ongezien, f"geen geval geeft deze bevinding: {ongezien}"


@pytest.mark.parametrize(
    ("pad", "nieuw"),
    [
        (("aannemelijk", "max_uren_per_week"), 59.99),  # een grens die de JavaScript uit de JSON haalt
        (("weken_per_maand",), 5),
    ],
)
def test_een_regel_die_de_rekenkern_niet_volgt_valt_op(pad, nieuw):
    """Krijgt de rekenkern andere regels dan Python, dan ziet de vergelijking dat (de test kan falen)."""
    regels = copy.deepcopy(_regels_json())
    plek = regels
    for deel in pad[:-1]:
        plek = plek[deel]
    plek[pad[-1]] = nieuw
    verschillen = _verschillen(_python(), _node(regels, list(GEVALLEN.values())))
    assert verschillen, f"{'.'.join(pad)} = {nieuw} in de JSON gaf geen enkel verschil"
