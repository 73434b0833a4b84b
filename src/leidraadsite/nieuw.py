"""Een nieuwe casus maken uit de sjablonen: ``jobcoach nieuw NAAM``.

De opdracht maakt drie dingen, in de hoofdmap van het project:

- ``casussen/NAAM.yml``: het casusbestand (kopie van het sjabloon, met de eigen titel);
- ``docs/casussen/NAAM.md``: de pagina, met de koppen van de casusrapportage en de rekenende tabellen;
- één regel in het menu (``nav``) van ``mkdocs.yml``, onder de markering hieronder. De rest van
  ``mkdocs.yml`` blijft byte voor byte gelijk.

Bestaande bestanden worden nooit overschreven. Gaat er iets mis, dan wordt er niets geschreven.
"""

from __future__ import annotations

import datetime as dt
import os
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from leidraadsite.inhoud.config import lees_mkdocs_yml
from leidraadsite.weergave.sjablonen import casusbestand, casuspagina

MARKERING = "# nieuwe casussen hieronder (jobcoach nieuw)"
NAAM_PATROON = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_LENGTE = 80
# Namen die Windows voor apparaten gebruikt: 'con.yml' of 'nul.md' kan daar geen bestand zijn (ook niet met extensie).
WINDOWS_APPARATEN = re.compile(r"^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$")


class NieuwFout(Exception):
    """De nieuwe casus kan niet worden gemaakt. De tekst is een Nederlandse melding voor de gebruiker."""


@dataclass(frozen=True)
class NieuweCasus:
    naam: str
    titel: str
    casusbestand: Path
    pagina: Path
    menu: Path


def controleer_naam(naam: str) -> None:
    getoond = naam if len(naam) <= MAX_LENGTE else naam[:40] + f"… ({len(naam)} tekens)"
    if len(naam) > MAX_LENGTE:
        raise NieuwFout(f"de naam '{getoond}' is te lang: hoogstens {MAX_LENGTE} tekens")
    if WINDOWS_APPARATEN.match(naam):
        raise NieuwFout(f"de naam '{naam}' kan niet: Windows gebruikt hem voor een apparaat (zoals con, nul, com1, "
                        "lpt1), ook met een extensie erachter. Kies een andere naam")
    if not NAAM_PATROON.match(naam):
        raise NieuwFout(
            f"ongeldige naam '{getoond}': gebruik alleen kleine letters (a-z), cijfers en '-', "
            "zonder '-' aan het begin of eind, bijvoorbeeld 'loonwaarde-en-regime'"
        )


def controleer_titel(titel: str) -> None:
    if not titel.strip():
        raise NieuwFout("de titel is leeg")
    verboden = sorted({t for t in titel if t in "{}<>\\" or not t.isprintable()})
    if verboden:
        tekens = " ".join(repr(t) for t in verboden)
        raise NieuwFout(f"de titel bevat tekens die niet mogen: {tekens}")


def titel_uit_naam(naam: str) -> str:
    """'loonwaarde-en-regime' wordt 'Loonwaarde en regime'."""
    tekst = naam.replace("-", " ")
    return tekst[:1].upper() + tekst[1:]


def _menu_paginas(tekst: str) -> list[tuple[str, ...]]:
    """Alle items van het menu als pad: (sectie, …, titel, bestand)."""
    try:
        gegevens = lees_mkdocs_yml(tekst)
    except yaml.YAMLError as fout:
        raise NieuwFout(f"mkdocs.yml is geen geldige YAML meer na het invoegen ({fout})") from None
    items: list[tuple[str, ...]] = []

    def loop(nav: Any, pad: tuple[str, ...]) -> None:
        if isinstance(nav, list):
            for item in nav:
                loop(item, pad)
        elif isinstance(nav, dict):
            for sleutel, waarde in nav.items():
                loop(waarde, pad + (str(sleutel),))
        else:
            items.append(pad + (str(nav),))

    loop((gegevens or {}).get("nav", []), ())
    return items


def menu_met_casus(tekst: str, titel: str, pagina: str) -> str:
    """``mkdocs.yml`` met één regel erbij: de nieuwe pagina, onder de markering in het menu.

    Nieuwe casussen komen onder elkaar onder de markering, in de volgorde waarin ze zijn gemaakt.
    Alleen die ene regel verandert; alles eromheen blijft byte voor byte gelijk.
    """
    regels = tekst.splitlines(keepends=True)
    plekken = [i for i, r in enumerate(regels) if r.strip() == MARKERING]
    uitleg = (
        f"Zet de regel '{MARKERING}' in het menu (nav) van mkdocs.yml, als laatste regel onder "
        "'Casussen' en even ver ingesprongen als de pagina's daar."
    )
    if not plekken:
        raise NieuwFout(f"mkdocs.yml: de markering voor nieuwe casussen ontbreekt. {uitleg}")
    if len(plekken) > 1:
        nummers = ", ".join(str(i + 1) for i in plekken)
        raise NieuwFout(f"mkdocs.yml: de markering voor nieuwe casussen staat er meer dan eens (regels {nummers}).")
    plek = plekken[0]
    markering = regels[plek]
    inspringing = markering[: len(markering) - len(markering.lstrip())]
    einde = "\r\n" if markering.endswith("\r\n") else "\n"
    if not markering.endswith(("\n", "\r")):
        regels[plek] = markering + einde  # de markering was de laatste regel, zonder regeleinde
    # Na de markering staan de casussen die al eerder zo zijn gemaakt; de nieuwe komt erachter.
    invoeg = plek + 1
    while invoeg < len(regels) and regels[invoeg].startswith(inspringing + "- "):
        invoeg += 1
    nieuwe_regel = f"{inspringing}- {json.dumps(titel, ensure_ascii=False)}: {pagina}{einde}"
    nieuw = "".join(regels[:invoeg] + [nieuwe_regel] + regels[invoeg:])

    # Controle: het menu is hetzelfde als eerst, met precies één pagina erbij.
    voor, na = _menu_paginas(tekst), _menu_paginas(nieuw)
    erbij = [item for item in na if item[-1] == pagina]
    if len(erbij) != 1 or [item for item in na if item[-1] != pagina] != voor:
        raise NieuwFout(f"mkdocs.yml: de nieuwe pagina kan niet veilig in het menu worden gezet. {uitleg}")
    return nieuw


def maak_casus(projectmap: Path, naam: str, titel: str | None = None, vandaag: dt.date | None = None) -> NieuweCasus:
    """Maak een nieuwe casus in ``projectmap``. Gooit ``NieuwFout``; bij een fout is er niets geschreven."""
    controleer_naam(naam)
    titel = titel if titel is not None else titel_uit_naam(naam)
    controleer_titel(titel)
    vandaag = vandaag or dt.date.today()

    menu = projectmap / "mkdocs.yml"
    if not menu.is_file():
        raise NieuwFout(
            f"mkdocs.yml niet gevonden in {projectmap.resolve()}; voer de opdracht uit in de hoofdmap van het project"
        )
    bestand = projectmap / "casussen" / f"{naam}.yml"
    pagina = projectmap / "docs" / "casussen" / f"{naam}.md"
    bestaand = [p for p in (bestand, pagina) if p.exists()]
    if bestaand:
        lijst = " en ".join(str(p.relative_to(projectmap)) for p in bestaand)
        raise NieuwFout(f"{lijst} {'bestaat' if len(bestaand) == 1 else 'bestaan'} al; kies een andere naam (er is niets veranderd)")

    # Eerst alles voorbereiden, dan pas schrijven: een fout laat het project zoals het was.
    menu_oud = menu.read_bytes().decode("utf-8")
    menu_nieuw = menu_met_casus(menu_oud, titel, f"casussen/{naam}.md")
    inhoud_bestand = casusbestand(titel)
    inhoud_pagina = casuspagina(naam, titel, vandaag)

    # Schrijven als één geheel: lukt een stap niet (schijf vol, geen rechten), dan gaat alles terug.
    gemaakt: list[Path] = []
    try:
        for doel, inhoud in ((bestand, inhoud_bestand), (pagina, inhoud_pagina)):
            doel.parent.mkdir(parents=True, exist_ok=True)
            with doel.open("x", encoding="utf-8", newline="") as uit:  # 'x': nooit overschrijven
                gemaakt.append(doel)
                uit.write(inhoud)
        tijdelijk = menu.with_name(menu.name + ".nieuw")
        with tijdelijk.open("xb") as uit:
            gemaakt.append(tijdelijk)
            uit.write(menu_nieuw.encode("utf-8"))
        os.replace(tijdelijk, menu)  # in één keer: mkdocs.yml is nooit half geschreven
    except OSError as fout:
        for pad in gemaakt:
            pad.unlink(missing_ok=True)
        raise NieuwFout(f"kan niet schrijven ({fout.strerror}: {fout.filename}); er is niets veranderd") from None
    return NieuweCasus(naam, titel, bestand, pagina, menu)
