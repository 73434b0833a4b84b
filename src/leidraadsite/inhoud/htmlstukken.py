"""Wat in een HTML-bestand code uitvoert of een andere pagina laadt: inline scripts en stijlblokken, ``on…=``-kenmerken,
``javascript:``-links, scripts van buiten, en elementen als ``<iframe>``, ``<base>`` en ``<meta http-equiv="refresh">``.

Twee delen van de site lezen HTML zo: ``leidraadsite.inhoud.bestanden`` (geen script in een ``.svg`` of ``.html`` in
``docs/``) en ``leidraadsite.nabouw.csp`` (alleen toegestane stukken in de gebouwde site).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Literal


@dataclass
class Stuk:
    """Een inline script of stijlblok, of een verboden kenmerk, in een HTML-bestand."""

    # bestand: <script src> van de site zelf; element: een element dat een pagina nooit nodig heeft (zie _ELEMENTEN)
    soort: Literal["script", "stijl", "kenmerk", "extern", "bestand", "element"]
    regel: int
    inhoud: str = ""
    kenmerken: dict[str, str] = field(default_factory=dict)
    tag: str = ""


# Elementen die de site nooit gebruikt en die buiten de policy om iets doen: een andere pagina laden of tonen
# (refresh, frames, plug-ins) of elke link laten wijzen naar een andere host (base).
_ELEMENTEN = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}


class _Lezer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stukken: list[Stuk] = []
        self._open: Stuk | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kenmerken = {k.lower(): (v or "") for k, v in attrs}
        regel = self.getpos()[0]
        if tag in _ELEMENTEN or (tag == "meta" and kenmerken.get("http-equiv", "").strip().lower()
                                 in ("refresh", "set-cookie")):
            self.stukken.append(Stuk("element", regel, self.get_starttag_text() or tag, kenmerken, tag))
        for naam, waarde in kenmerken.items():
            if naam.startswith("on"):
                self.stukken.append(Stuk("kenmerk", regel, f"{naam}={waarde}", tag=tag))
            elif naam in ("href", "src", "action", "formaction", "xlink:href", "data") and \
                    re.sub(r"[\s\x00-\x1f]", "", waarde).lower().startswith(("javascript:", "vbscript:")):
                self.stukken.append(Stuk("kenmerk", regel, f"{naam}={waarde}", tag=tag))
        if tag == "script" and "src" in kenmerken:
            src = kenmerken["src"].strip().lower()
            soort: Literal["extern", "bestand"] = "extern" if re.match(r"^([a-z][a-z0-9+.-]*:|//|\\\\)", src) else "bestand"
            self.stukken.append(Stuk(soort, regel, kenmerken["src"], kenmerken, tag))
            return
        if tag in ("script", "style"):
            self._open = Stuk("script" if tag == "script" else "stijl", regel, "", kenmerken, tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self._open is not None and self._open.tag == tag:
            self.stukken.append(self._open)
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.inhoud += data

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == self._open.tag:
            self.stukken.append(self._open)
            self._open = None

    def close(self) -> None:
        super().close()
        if self._open is not None:  # een <script> zonder einde telt ook
            self.stukken.append(self._open)
            self._open = None


def lees_stukken(html: str) -> list[Stuk]:
    """Alle inline scripts en stijlblokken, ``on…=``- en ``javascript:``-kenmerken en externe scripts."""
    lezer = _Lezer()
    lezer.feed(html)
    lezer.close()
    return lezer.stukken
