"""MkDocs-hook (alleen MkDocs en ProperDocs): meldt fouten in de gegevens al bij het laden, en in het Nederlands.

Het statusblok en de paginavoet maakt de Markdown-extensie ``leidraadsite.statusblok``, onder elke bouwer. Deze
hook doet alleen wat de extensie niet kan:

- bij het laden (ook bij elke herbouw van ``make serve``): de gegevens opnieuw lezen en controleren
  (rolkaart, licenties, ``extra.leidraad``, ``extra.onderhoudsgroep.email``), vóór de eerste pagina;
- elke pagina moet UTF-8-tekst zijn: anders een melding met bestand en regel (MkDocs zelf meldt dat in het Engels).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from leidraadsite.statusblok import StatusFout, gegevens, wis_gegevens


def on_config(config, **kwargs):  # noqa: ANN001, ANN003, ANN201
    wis_gegevens()
    try:
        gegevens(Path(config["docs_dir"]), dict(config.get("extra") or {}))
    except StatusFout as fout:
        raise PluginError(str(fout)) from None
    return config


def on_files(files, config, **kwargs):  # noqa: ANN001, ANN003, ANN201
    problemen = []
    for f in files.documentation_pages():
        ruw = Path(f.abs_src_path).read_bytes() if f.abs_src_path else b""
        try:
            ruw.decode("utf-8")
        except UnicodeDecodeError as fout:
            regel = ruw.count(b"\n", 0, fout.start) + 1
            problemen.append(f"docs/{f.src_uri}:{regel}: bestand is geen UTF-8-tekst; bewaar het als UTF-8")
    if problemen:
        raise PluginError("\n".join(problemen))
    return files
