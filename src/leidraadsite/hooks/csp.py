"""MkDocs-hook: een Content-Security-Policy in elke gebouwde HTML-pagina (zie ``leidraadsite.csp``).

Na de bouw, zodat ook de printversie en 404.html hem krijgen. Niet in de voorvertoning van ``make serve``:
die zet zelf een script in elke pagina om de browser te laten herladen.
"""

from __future__ import annotations

from pathlib import Path

from leidraadsite.csp import met_policy

_VOORVERTONING = {"aan": False}


def on_startup(command, dirty, **kwargs) -> None:  # noqa: ANN001, ANN003
    _VOORVERTONING["aan"] = command == "serve"


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001, ANN003
    if _VOORVERTONING["aan"]:
        return
    for pad in Path(config["site_dir"]).rglob("*.html"):
        tekst = pad.read_text(encoding="utf-8")
        nieuw = met_policy(tekst)
        if nieuw != tekst:
            pad.write_text(nieuw, encoding="utf-8")
