"""MkDocs-hook: alles wat een bijdrager schrijft, komt als tekst op de site, en niets van buiten het project.

- Bij het laden: geen link in ``docs/``, ``casussen/``, ``overrides/`` of een andere map van ``watch`` die buiten
  het project wijst, en geen ``.svg``/``.html`` met script in ``docs/`` (``leidraadsite.bestanden``). Anders stopt
  de bouw met een Nederlandse melding die de link of het bestand noemt.
- Per pagina: de titel (uit het menu, de voorkant of mkdocs-macros) en de omschrijving worden HTML-tekst
  (``leidraadsite.tekst.html_tekst``), zoals een titel uit een kop al is. Het thema zet ze zonder te escapen in
  de pagina (menu, kop, ``<meta name="description">``); ``overrides/main.html`` doet dat ook voor ``<title>``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Link, Section

from leidraadsite.bestanden import links_naar_buiten, script_in_docs
from leidraadsite.tekst import html_tekst


@event_priority(100)  # vóór de andere plugins en hooks iets lezen
def on_config(config, **kwargs):  # noqa: ANN001, ANN003, ANN201
    project = Path(config.config_file_path).resolve().parent
    docs = Path(config["docs_dir"])
    mappen = [docs, project / "casussen", Path(config["theme"].custom_dir or project / "overrides")]
    mappen += [Path(w) for w in config.get("watch") or [] if Path(w).is_dir()]
    # De casusbestanden (casussen/*.yml) controleert de casuslezer zelf, met zijn eigen meldingen.
    problemen = (links_naar_buiten(list(dict.fromkeys(mappen)), project, frozenset({project / "casussen"}))
                 + script_in_docs(docs, project))
    if problemen:
        raise PluginError("Bestanden die de site niet publiceert; de site wordt niet gebouwd:\n" + "\n".join(problemen))
    return config


def _titels(items) -> None:  # noqa: ANN001
    for item in items:
        if isinstance(item, (Section, Link)) and item.title is not None:
            item.title = html_tekst(item.title)
        if isinstance(item, Section):
            _titels(item.children)


def on_nav(nav, config, files, **kwargs):  # noqa: ANN001, ANN003, ANN201
    _titels(nav.items)
    return nav


@event_priority(-100)  # na mkdocs-macros, die een titel met {{ … }} invult
def on_page_markdown(markdown, page, config, files, **kwargs):  # noqa: ANN001, ANN003, ANN201
    if page.__dict__.get("title") is not None:  # titel uit het menu (mkdocs.yml) of van mkdocs-macros
        page.__dict__["title"] = html_tekst(page.__dict__["title"])
    for veld in ("title", "description"):
        if page.meta.get(veld) is not None:
            page.meta[veld] = html_tekst(page.meta[veld])
    return markdown
