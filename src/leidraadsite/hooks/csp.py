"""MkDocs-hook: controleer elke gebouwde HTML-pagina en zet er de Content-Security-Policy in (``leidraadsite.csp``).

Na de bouw, zodat ook de printversie en 404.html meedoen. Staat er een inline script, stijlblok of ``on…=``-kenmerk
in dat niet op de lijst ``data/csp.yml`` staat, dan stopt de bouw met het bestand en zijn bron. Schrijft ook
``_headers`` (de policy als header, met ``frame-ancestors``). Niet in de voorvertoning van ``make serve``: die zet
zelf een script in elke pagina om de browser te laten herladen.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from leidraadsite.csp import CspFout, beveilig_site

_VOORVERTONING = {"aan": False}
_BRONNEN: dict[str, str] = {}


def on_startup(command, dirty, **kwargs) -> None:  # noqa: ANN001, ANN003
    _VOORVERTONING["aan"] = command == "serve"


def on_files(files, config, **kwargs):  # noqa: ANN001, ANN003, ANN201
    _BRONNEN.clear()
    _BRONNEN.update({f.dest_uri: f"docs/{f.src_uri}" for f in files})
    _BRONNEN.update({"printversie/index.html": "alle pagina's (printversie)", "404.html": "overrides/404.html"})
    return files


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001, ANN003
    if _VOORVERTONING["aan"]:
        return
    try:
        beveilig_site(Path(config["site_dir"]), _BRONNEN)
    except CspFout as fout:
        raise PluginError(str(fout)) from None
