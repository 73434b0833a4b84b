"""De wijzigingen per editie, uit ``CHANGELOG.md``: één bron voor het bestand en de pagina "Wijzigingen".

Vorm van ``CHANGELOG.md``: een kop ``# Wijzigingen``, een korte inleiding, en per editie een kop
``## Editie NAAM …``, de nieuwste bovenaan. De editie van de site (``extra.editie`` in
``mkdocs.yml``) moet de bovenste editie zijn; de tests controleren dat.

De pagina toont de edities als Markdown, maar alleen een klein deel ervan: koppen, lijsten, alinea's, nadruk en
``code``. HTML (``<…>``), links (``[…](…)``) en kenmerken (``{: … }``) kunnen niet: de bouw stopt dan met het
bestand en de regel. Zo wordt geen tekst in het bestand een script of een link op de site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jobcoach.fouten import Bestandsfout, Probleem
from jobcoach.lezer import toon_pad

_EDITIE = re.compile(r"^## Editie (?P<naam>\S+)", re.MULTILINE)


@dataclass(frozen=True)
class Editiekop:
    naam: str
    regel: int


def _lees(pad: Path) -> str:
    if not pad.is_file():
        raise Bestandsfout([Probleem(toon_pad(pad), "", "bestand bestaat niet (de wijzigingen per editie)")])
    return pad.read_text(encoding="utf-8")


def edities(pad: Path) -> list[Editiekop]:
    """Alle edities in het bestand, de nieuwste eerst (zoals ze in het bestand staan)."""
    tekst = _lees(pad)
    gevonden = [Editiekop(m.group("naam"), tekst.count("\n", 0, m.start()) + 1) for m in _EDITIE.finditer(tekst)]
    if not gevonden:
        raise Bestandsfout([Probleem(toon_pad(pad), "", "geen editie gevonden; verwacht koppen als '## Editie 2026.1'")])
    return gevonden


# Buiten `code`: tekens waarmee Markdown HTML, een link of een kenmerk maakt.
_VERBODEN = {"<": "HTML (<…>)", "[": "een link ([…](…))", "]": "een link ([…](…))", "{": "een kenmerk ({: … })",
             "}": "een kenmerk ({: … })"}


def _alleen_tekst(pad: Path, tekst: str, vanaf: int) -> None:
    """Stop met een melding per regel als er vanaf regel ``vanaf`` HTML, een link of een kenmerk staat."""
    problemen = []
    for nummer, regel in enumerate(tekst.splitlines()[vanaf - 1:], start=vanaf):
        buiten_code = re.sub(r"`[^`]*`", "", regel)
        gevonden = sorted({_VERBODEN[t] for t in buiten_code if t in _VERBODEN})
        if gevonden:
            problemen.append(Probleem(toon_pad(pad), "", f"{' en '.join(gevonden)} kan niet in de wijzigingen; schrijf "
                                      "gewone tekst (zet een naam of teken eventueel tussen `…`)", regel=nummer))
    if problemen:
        raise Bestandsfout(problemen)


def wijzigingen_markdown(pad: Path) -> str:
    """De edities uit ``CHANGELOG.md`` (vanaf de eerste kop ``## Editie``), om in een pagina op te nemen.

    De titel en de inleiding voor de onderhoudsgroep blijven weg; de pagina heeft een eigen inleiding.
    """
    eerste = edities(pad)[0]  # controleert ook de vorm
    tekst = _lees(pad)
    _alleen_tekst(pad, tekst, eerste.regel)
    regels = tekst.splitlines()
    return "\n".join(regels[eerste.regel - 1 :]).strip() + "\n"
