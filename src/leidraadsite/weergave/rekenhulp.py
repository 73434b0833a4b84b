"""De rekenhulp in de browser: zijn gegevens in de pagina, en zijn scripts verkleind.

Drie scripts: ``docs/javascripts/rekenkern.js`` rekent en controleert (zonder pagina; de test draait het ook in
Node, zie ``tests/test_rekenhulp_node.py``), ``docs/javascripts/rekenhulp.js`` maakt het formulier en de tabellen,
en ``docs/javascripts/rekenhulp-word.js`` (pas geladen als er een uitkomst is) het Word-bestand.

De rekenhulp rekent in de browser. Hij krijgt zijn regels, gegevensmodel en teksten niet uit eigen
code, maar uit ``jobcoach.browser``: de macro ``rekenhulp_regels()`` zet ze als JSON in de pagina. Zo
rekenen site en rekenhulp met dezelfde gegevens, ook offline en vanaf ``file://``.

Na de bouw haalt rjsmin commentaar en witruimte uit de drie scripts (``javascripts/`` in de gebouwde site). Zo blijft de bron leesbaar en de pagina binnen het budget van 30 KB gecomprimeerd
script. Commentaar dat begint met ``/*!`` (licentie) blijft staan.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin

from jobcoach.browser import ELEMENT_ID, rekenhulp_json
from jobcoach.regels import Regels

SCRIPTS = tuple(Path("javascripts") / naam for naam in ("rekenkern.js", "rekenhulp.js", "rekenhulp-word.js"))  # gebouwde site


def rekenhulp_html(regels: Regels, uitgave: dict[str, str] | None = None) -> str:
    """Het ``<script type="application/json">``-blok dat de rekenhulp inleest.

    ``uitgave`` (naam en editie van de site) komt in het Word-bestand en de printversie van de uitkomst.
    """
    return f'<script type="application/json" id="{ELEMENT_ID}">{rekenhulp_json(regels, uitgave)}</script>'


def verklein(site_dir: Path) -> list[Path]:
    """Verklein de scripts van de rekenhulp in de gebouwde site. Gooit ``FileNotFoundError`` als er een ontbreekt."""
    uit = []
    for deel in SCRIPTS:
        script = site_dir / deel
        script.write_text(rjsmin.jsmin(script.read_text(encoding="utf-8"), keep_bang_comments=True), encoding="utf-8")
        uit.append(script)
    return uit
