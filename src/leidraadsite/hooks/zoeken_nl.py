"""MkDocs-hook: Nederlandse stemming ook voor zoekwoorden in de zoekfunctie van Material.

Material for MkDocs stemt de woorden in de zoekindex (met ``pipeline: [stemmer, …]`` in mkdocs.yml),
maar zet achter elk getypt zoekwoord een ``*``, waardoor lunr dat woord niet stemt. Dan vindt
'berekeningen' de pagina's met 'berekening' niet. Na de bouw voegt deze hook ``zoeken_nl.js`` toe
aan de zoek-webworker van Material; dat stemt het getypte woord alsnog (aanpassing ``zoekworker-nl``).

Faalt de bouw met een duidelijke melding als de webworker niet (precies één keer) gevonden wordt.
"""

from __future__ import annotations

from pathlib import Path

from leidraadsite import aanpassingen


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001, ANN003
    aanpassingen.zoekworker_nl(Path(config["site_dir"]))
