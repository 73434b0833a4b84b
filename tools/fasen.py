#!/usr/bin/env python3
"""Waar gaat de bouwtijd heen? Draait ``mkdocs build`` en telt de CPU-tijd per fase.

Gebruik: ``python tools/fasen.py UITVOER.json -- build -f mkdocs.yml -d site``

Alleen voor de prestatiemeting (``make bench``): het script meet door een paar functies van MkDocs
en plugins tijdelijk in te pakken. Dat maakt de bouw iets trager, dus gebruik de uitkomst alleen om
fasen met elkaar te vergelijken, niet als bouwtijd.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from collections import Counter

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

TIJD: Counter[str] = Counter()


def pak_in(eigenaar: object, naam: str, fase: str) -> None:
    origineel = getattr(eigenaar, naam)

    @functools.wraps(origineel)
    def ingepakt(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        start = time.process_time()
        try:
            return origineel(*args, **kwargs)
        finally:
            TIJD[fase] += time.process_time() - start

    setattr(eigenaar, naam, ingepakt)


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[2] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    uitvoer, mkdocs_args = sys.argv[1], sys.argv[3:]
    start = time.process_time()

    from material.plugins.search import plugin as zoek
    from mkdocs import plugins
    from mkdocs.__main__ import cli
    from mkdocs.commands import build
    from mkdocs.structure import files, pages

    # Fasen die elkaar niet overlappen (de som is kleiner dan het totaal: de rest is 'overig').
    pak_in(plugins.PluginCollection, "on_config", "configuratie en macro's laden (casussen)")
    pak_in(files.Files, "add_files_from_theme", "bestanden van het thema zoeken")
    pak_in(plugins.PluginCollection, "on_page_markdown", "macro's invullen (Jinja)")
    pak_in(pages.Page, "render", "Markdown naar HTML")
    pak_in(plugins.PluginCollection, "on_page_content", "tabellen terugzetten (haak)")
    pak_in(zoek.SearchPlugin, "on_page_context", "zoekindex: pagina's lezen")
    pak_in(zoek.SearchPlugin, "on_post_build", "zoekindex: wegschrijven")
    pak_in(build, "_build_theme_template", "sjablonen 404 en sitemap")
    # Het thema (navigatie, kop, voet) = _build_page min de zoekindex; dat rekenen we achteraf uit.
    pak_in(build, "_build_page", "_build_page")

    try:
        cli.main(mkdocs_args, standalone_mode=False)
    finally:
        totaal = time.process_time() - start
        fasen = dict(TIJD)
        fasen["pagina's in het thema zetten"] = fasen.pop("_build_page", 0.0) - fasen.get(
            "zoekindex: pagina's lezen", 0.0
        )
        fasen["overig (opstarten, navigatie, bestanden)"] = totaal - sum(fasen.values())
        with open(uitvoer, "w", encoding="utf-8") as f:
            json.dump({k: round(v, 3) for k, v in fasen.items()}, f, ensure_ascii=False, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
