"""MkDocs-hook voor de printversie (zie leidraadsite.printversie).

- Na de bouw: herstel de links in de printversie. Hooks draaien na de plugins, dus ook na
  mkdocs-print-site-plugin, die de printversie maakt.
- Na de bouw: zet in de printversie per pagina een kopregel met haar webadres
  (``leidraadsite.printversie.met_kopregels``); de adressen komen uit de lijst van pagina's van deze bouw.
- Bij het laden: laat de plugin ``leidraadsite.printversie.ankers_uniek`` gebruiken in plaats van haar eigen
  ``update_anchor_ids`` (aanpassing ``printsite-ankers`` in ``leidraadsite.aanpassingen``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from leidraadsite import aanpassingen
from leidraadsite.printversie import herstel_links, met_kopregels, paginasleutel

# Paginasleutel → webadres, bij elke bouw opnieuw gevuld (on_files draait ook bij elke herbouw van serve).
_ADRESSEN: dict[str, str] = {}


def on_config(config, **kwargs):  # noqa: ANN001, ANN003 - bij elke bouw, ook bij elke herbouw van serve
    aanpassingen.printsite_ankers()
    return config


def on_files(files, config, **kwargs):  # noqa: ANN001, ANN003
    basis = str(config.get("site_url") or "")
    _ADRESSEN.clear()
    for bestand in files.documentation_pages():
        url = bestand.url.removeprefix("./")  # de startpagina: File.url './', Page.url '' (zoals print-site hem kent)
        _ADRESSEN[paginasleutel(url)] = basis.rstrip("/") + "/" + url if basis else "/" + url
    return files


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001
    site = Path(config["site_dir"])
    pagina = site / "printversie" / "index.html"
    if not pagina.is_file():
        raise PluginError(f"De printversie ontbreekt na de bouw: {pagina}")
    web = str(config.get("site_url") or "") or None
    html, aantal = herstel_links(pagina.read_text(encoding="utf-8"), site, pagina, web)
    # De plugin zet boven elk deel van de navigatie een kop met de vaste Engelse titel 'Permanent link';
    # gebruik de titel die de andere ankers ook hebben (toc: permalink_title in mkdocs.yml).
    html = html.replace("title='Permanent link'", f"title='{_anker_titel(config)}'")
    html = met_kopregels(html, _ADRESSEN)
    pagina.write_text(html, encoding="utf-8")
    logging.getLogger("mkdocs.hooks.printversie").info("printversie: %d links hersteld", aantal)


def _anker_titel(config) -> str:  # noqa: ANN001
    """De titel van de ankers bij de koppen (``permalink_title`` van de extensie toc)."""
    from html import escape

    instellingen = (config.get("mdx_configs") or {}).get("toc") or {}
    return escape(str(instellingen.get("permalink_title") or "Vaste link naar deze kop"), quote=True)
