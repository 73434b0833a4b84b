"""De editie van de leidraad en de gegevens voor de PDF, gelezen uit ``mkdocs.yml``.

Dit module leest alleen het configuratiebestand (als YAML); het kent MkDocs niet. Het maken van de
PDF zelf gebeurt in ``leidraadsite.nabouw.pdf`` (met Chromium); de tests gebruiken dit module om te weten
welke hoofdstukken de PDF moet hebben.

- ``lees_editie(mkdocs_yml)`` geeft een :class:`Uitgave` met de editie, de datum, de status, de naam
  van de printpagina en de lijst pagina's die niet in de PDF horen;
- ``Uitgave.pdf_bestand`` is de naam van de PDF: ``leidraad-jobcoach-<editie>.pdf``;
- ``hoofdstukken(editie)`` geeft de hoofdstukken van de PDF in de volgorde van de navigatie.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PRINT_PLUGIN = "print-site"
_EDITIE_PATROON = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")


class UitgaveFout(Exception):
    """De instellingen voor de editie of de PDF in mkdocs.yml kloppen niet."""


class _ConfigLader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML-lezer voor mkdocs.yml die de tags van MkDocs (``!ENV``, ``!relative``, ``!!python/…``) overslaat."""


_ConfigLader.add_multi_constructor("!", lambda lader, achtervoegsel, knoop: None)
_ConfigLader.add_multi_constructor("tag:yaml.org,2002:python/", lambda lader, achtervoegsel, knoop: None)


def lees_mkdocs_yml(tekst: str) -> Any:
    """De instellingen uit de tekst van ``mkdocs.yml``: de enige lezer van dat bestand in deze site.

    Veilig: tags van MkDocs worden niet uitgevoerd maar ``None``. Gooit ``yaml.YAMLError`` bij ongeldige YAML.
    """
    return yaml.load(tekst, Loader=_ConfigLader)  # noqa: S506 - een SafeLoader


@dataclass(frozen=True)
class Hoofdstuk:
    """Een hoofdstuk van de PDF: een pagina uit de navigatie of een sectie met pagina's."""

    titel: str
    diepte: int  # 0 = bovenste niveau van de navigatie
    bron: str | None  # pad in docs/ voor een pagina, None voor een sectie


@dataclass(frozen=True)
class Uitgave:
    site_naam: str
    editie: str
    datum: dt.date
    status: str
    printpagina: str  # print_page_basename van de plugin, bijvoorbeeld "printversie"
    uitsluiten: tuple[str, ...]  # glob-patronen op het bronpad, zoals de plugin ze gebruikt
    nav: tuple[Any, ...]
    directory_urls: bool

    @property
    def pdf_bestand(self) -> str:
        return f"leidraad-jobcoach-{self.editie}.pdf"

    @property
    def printpagina_pad(self) -> str:
        """Pad van de printversie in de gebouwde site."""
        if self.directory_urls:
            return f"{self.printpagina}/index.html"
        return f"{self.printpagina}.html"

    def uitgesloten(self, bron: str) -> bool:
        """Hoort de pagina ``bron`` (pad in docs/) niet in de PDF?"""
        bron = bron.replace("\\", "/")
        return any(fnmatch.fnmatch(bron, patroon) for patroon in self.uitsluiten)


def lees_editie(mkdocs_yml: Path) -> Uitgave:
    """Lees de editie en de PDF-instellingen uit ``mkdocs.yml``; een fout geeft een Nederlandse melding."""
    try:
        config = lees_mkdocs_yml(mkdocs_yml.read_text(encoding="utf-8"))
    except OSError as fout:
        raise UitgaveFout(f"{mkdocs_yml}: kan het bestand niet lezen ({fout.strerror})") from None
    except yaml.YAMLError as fout:
        raise UitgaveFout(f"{mkdocs_yml}: geen geldige YAML: {fout}") from None
    if not isinstance(config, dict):
        raise UitgaveFout(f"{mkdocs_yml}: verwacht instellingen (sleutel: waarde)")

    extra = config.get("extra") or {}
    editie = extra.get("editie")
    if not isinstance(editie, str) or not _EDITIE_PATROON.match(editie):
        raise UitgaveFout(
            f"{mkdocs_yml}: extra.editie ontbreekt of is ongeldig ({editie!r}). Geef de editie als tekst "
            'met alleen letters, cijfers, punt, streepje of liggend streepje, bijvoorbeeld editie: "2026.1". '
            "Die tekst komt in de naam van de PDF."
        )
    datum = extra.get("editiedatum")
    if isinstance(datum, str):  # tussen aanhalingstekens (zo leest ook Zensical het): "2026-11-26"
        try:
            datum = dt.date.fromisoformat(datum)
        except ValueError:
            pass
    if not isinstance(datum, dt.date):
        raise UitgaveFout(f"{mkdocs_yml}: extra.editiedatum ontbreekt of is geen datum ({datum!r}); schrijf JJJJ-MM-DD.")
    status = extra.get("status")
    if not isinstance(status, str) or not status.strip():
        raise UitgaveFout(f"{mkdocs_yml}: extra.status ontbreekt (bijvoorbeeld: status: oranje stand).")

    plugins = config.get("plugins") or []
    namen = [next(iter(p)) if isinstance(p, dict) else p for p in plugins]
    if PRINT_PLUGIN not in namen:
        raise UitgaveFout(f"{mkdocs_yml}: de plugin '{PRINT_PLUGIN}' ontbreekt; zonder printversie is er geen PDF.")
    if namen[-1] != PRINT_PLUGIN:
        raise UitgaveFout(f"{mkdocs_yml}: '{PRINT_PLUGIN}' moet de laatste plugin zijn (nu: {namen[-1]}).")
    plugin = next((p[PRINT_PLUGIN] for p in plugins if isinstance(p, dict) and PRINT_PLUGIN in p), None) or {}
    uitsluiten = plugin.get("exclude") or []
    if not isinstance(uitsluiten, list) or not all(isinstance(p, str) for p in uitsluiten):
        raise UitgaveFout(f"{mkdocs_yml}: plugins.{PRINT_PLUGIN}.exclude moet een lijst van patronen zijn.")

    nav = config.get("nav")
    if not isinstance(nav, list) or not nav:
        raise UitgaveFout(f"{mkdocs_yml}: 'nav' ontbreekt; de PDF volgt de volgorde van de navigatie.")

    return Uitgave(
        site_naam=str(config.get("site_name", "")),
        editie=editie,
        datum=datum,
        status=status.strip(),
        printpagina=str(plugin.get("print_page_basename", "print_page")),
        uitsluiten=tuple(uitsluiten),
        nav=tuple(nav),
        directory_urls=bool(config.get("use_directory_urls", True)),
    )


def _is_extern(doel: str) -> bool:
    return "://" in doel or doel.startswith(("mailto:", "tel:"))


def hoofdstukken(editie: Uitgave) -> list[Hoofdstuk]:
    """De hoofdstukken van de PDF in de volgorde van de navigatie, zonder uitgesloten pagina's.

    Een sectie telt mee als er minstens één pagina van in de PDF staat. Externe links in de
    navigatie zijn geen hoofdstuk.
    """

    def loop(items: list[Any] | tuple[Any, ...], diepte: int) -> list[Hoofdstuk]:
        uit: list[Hoofdstuk] = []
        for item in items:
            if isinstance(item, str):  # pagina zonder titel in nav: de titel komt uit de pagina zelf
                if not _is_extern(item) and not editie.uitgesloten(item):
                    uit.append(Hoofdstuk(titel="", diepte=diepte, bron=item))
                continue
            if not isinstance(item, dict) or len(item) != 1:
                raise UitgaveFout(f"onverwacht item in nav: {item!r}")
            titel, waarde = next(iter(item.items()))
            if isinstance(waarde, list):
                kinderen = loop(waarde, diepte + 1)
                if any(k.bron is not None for k in kinderen):
                    uit.append(Hoofdstuk(titel=str(titel), diepte=diepte, bron=None))
                    uit.extend(kinderen)
            elif isinstance(waarde, str):
                if not _is_extern(waarde) and not editie.uitgesloten(waarde):
                    uit.append(Hoofdstuk(titel=str(titel), diepte=diepte, bron=waarde))
            else:
                raise UitgaveFout(f"onverwacht item in nav: {item!r}")
        return uit

    return loop(editie.nav, 0)
