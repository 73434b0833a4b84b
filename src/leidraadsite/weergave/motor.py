"""Welke pagina een Markdown-extensie nu omzet, onder elke bouwer (MkDocs, ProperDocs, Zensical).

Python-Markdown geeft een extensie alleen de tekst. De bouwers geven de pagina elk op hun eigen manier mee:

- MkDocs 1.6 en ProperDocs (dezelfde code) registreren per pagina de treeprocessor ``relpath`` met het
  bestand (``file``: ``src_uri``, ``abs_src_path``, ``page``) en de instellingen (``config``);
- Zensical registreert de preprocessor ``rendering_context`` met de pagina (``page``: ``path``, ``meta``)
  en de instellingen als woordenboek (``config``).

Dit is de enige plek die dat verschil kent. Vindt ze geen van beide, dan is de uitkomst ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Markdown

try:  # MkDocs, en ProperDocs onder die naam: een BuildError geeft een melding zonder traceback
    from mkdocs.exceptions import PluginError as _Basis
except ImportError:  # pragma: no cover - een bouwer zonder MkDocs
    _Basis = Exception  # type: ignore[misc, assignment]


class Bouwfout(_Basis):
    """Een fout in de bronnen die de bouw laat stoppen, met een Nederlandse melding (bestand, regel, veld)."""


@dataclass(frozen=True)
class Pagina:
    bron: str  # pad onder docs/, met /
    pad: Path  # het bronbestand
    docs: Path
    extra: dict[str, Any]
    meta: dict[str, Any] | None  # de metagegevens die het thema leest, als de bouwer ze zo doorgeeft


def huidige_pagina(md: Markdown) -> Pagina | None:
    relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
    bestand = getattr(relpath, "file", None)
    if bestand is not None and getattr(bestand, "abs_src_path", None):
        config = relpath.config  # type: ignore[union-attr]
        pagina = getattr(bestand, "page", None)
        return Pagina(bestand.src_uri, Path(bestand.abs_src_path), Path(config["docs_dir"]),
                      dict(config.get("extra") or {}), getattr(pagina, "meta", None))
    for processor in md.preprocessors:
        if type(processor).__name__ == "ContextPreprocessor" and getattr(processor, "page", None) is not None:
            config = processor.config or {}
            root = Path(config.get("root_dir") or config.get("config_file_path", "mkdocs.yml")).resolve()
            if root.is_file():
                root = root.parent
            docs = root / (config.get("docs_dir") or "docs")
            page = processor.page
            return Pagina(page.path, docs / page.path, docs, dict(config.get("extra") or {}), page.meta)
    return None
