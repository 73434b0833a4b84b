"""MkDocs-hook: de scripts van de rekenhulp in de gebouwde site verkleinen (zie ``leidraadsite.rekenhulp``)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from leidraadsite.rekenhulp import verklein


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001, ANN003
    try:
        verklein(Path(config["site_dir"]))
    except FileNotFoundError as fout:
        raise PluginError(f"Het script van de rekenhulp ontbreekt in de gebouwde site: {fout.filename}") from None
