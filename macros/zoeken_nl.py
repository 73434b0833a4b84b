"""MkDocs-hook: Nederlandse stemming ook voor zoekwoorden in de zoekfunctie van Material.

Material for MkDocs stemt de woorden in de zoekindex (met ``pipeline: [stemmer, …]`` in mkdocs.yml),
maar zet achter elk getypt zoekwoord een ``*``, waardoor lunr dat woord niet stemt. Dan vindt
'berekeningen' de pagina's met 'berekening' niet. Na de bouw voegt deze hook ``zoeken_nl.js`` toe
aan de zoek-webworker van Material; dat stemt het getypte woord alsnog.

Faalt de bouw met een duidelijke melding als de webworker niet (precies één keer) gevonden wordt.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

AANVULLING = Path(__file__).with_name("zoeken_nl.js")
MERKTEKEN = "/* Toegevoegd door macros/zoeken_nl.py"


def on_post_build(config, **kwargs) -> None:
    map_ = Path(config["site_dir"]) / "assets" / "javascripts" / "workers"
    workers = sorted(map_.glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(
            f"zoeken_nl: verwacht precies één zoek-webworker van Material in {map_}, gevonden: "
            f"{[w.name for w in workers] or 'geen'}. Is Material for MkDocs bijgewerkt?"
        )
    worker = workers[0]
    tekst = worker.read_text(encoding="utf-8")
    if MERKTEKEN not in tekst:
        worker.write_text(tekst.rstrip("\n") + "\n" + AANVULLING.read_text(encoding="utf-8"), encoding="utf-8")
