"""MkDocs-hook: herstel na de bouw de links in de printversie (zie jobcoach.printversie).

Hooks draaien na de plugins, dus ook na mkdocs-print-site-plugin, die de printversie maakt.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from jobcoach.printversie import herstel_links


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001
    site = Path(config["site_dir"])
    pagina = site / "printversie" / "index.html"
    if not pagina.is_file():
        raise PluginError(f"De printversie ontbreekt na de bouw: {pagina}")
    html, aantal = herstel_links(pagina.read_text(encoding="utf-8"), site, pagina)
    pagina.write_text(html, encoding="utf-8")
    logging.getLogger("mkdocs.hooks.printversie").info("printversie: %d links hersteld", aantal)
