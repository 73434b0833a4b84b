"""De wijzigingen per editie, uit ``CHANGELOG.md``: één bron voor het bestand en de pagina "Wijzigingen".

Vorm van ``CHANGELOG.md``: een kop ``# Wijzigingen``, een korte inleiding, en per editie een kop
``## Editie NAAM …``, de nieuwste bovenaan. De editie van de site (``extra.editie`` in
``mkdocs.yml``) moet de bovenste editie zijn; de tests controleren dat.

De pagina toont de edities als Markdown, maar alleen een klein deel ervan: koppen, lijsten, alinea's, nadruk en
``code``. HTML (``<…>``), links (``[…](…)``) en kenmerken (``{: … }``) kunnen niet: de bouw stopt dan met het
bestand en de regel. Zo wordt geen tekst in het bestand een script of een link op de site.

De PDF van elke uitgebrachte editie bewaart de onderhoudsgroep in de map ``edities/`` onder zijn vaste naam
``leidraad-jobcoach-<editie>.pdf`` (``archief_pdfs``). De bouw zet die bestanden in de hoofdmap van de site
(``leidraadsite.nabouw``), en de pagina linkt per editie naar zijn PDF: de huidige naar de PDF die de bouw maakt, een
eerdere naar die uit ``edities/``. Een bestand met een andere naam laat de bouw stoppen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jobcoach.fouten import Bestandsfout, Probleem
from jobcoach.lezer import toon_pad

_EDITIE = re.compile(r"^## Editie (?P<naam>\S+)", re.MULTILINE)
ARCHIEF = "edities"  # de map met de PDF van elke uitgebrachte editie, naast CHANGELOG.md
EDITIE_PDF = _PDF = re.compile(r"leidraad-jobcoach-(?P<naam>.+)\.pdf")  # de naam van de PDF van een editie


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


def pdf_naam(editie: str) -> str:
    """De vaste naam van de PDF van een editie (dezelfde regel als ``Uitgave.pdf_bestand``)."""
    return f"leidraad-jobcoach-{editie}.pdf"


def archief_pdfs(changelog: Path) -> dict[str, Path]:
    """Editie → PDF in de map ``edities/`` naast ``changelog``; leeg als die map er niet is.

    Elk bestand in de map (behalve ``README.md``) moet ``leidraad-jobcoach-<editie>.pdf`` heten, met een editie die
    in ``CHANGELOG.md`` staat; anders een ``Bestandsfout`` die elk verkeerd bestand noemt.
    """
    map_ = changelog.parent / ARCHIEF
    if not map_.is_dir():
        return {}
    namen = [e.naam for e in edities(changelog)]
    uit: dict[str, Path] = {}
    problemen = []
    for pad in sorted(map_.iterdir()):
        if pad.name == "README.md":
            continue
        treffer = _PDF.fullmatch(pad.name)
        if pad.is_file() and treffer and treffer.group("naam") in namen:
            uit[treffer.group("naam")] = pad
            continue
        if not pad.is_file() or treffer is None:
            waarom = "de naam heeft niet de vorm leidraad-jobcoach-<editie>.pdf"
        else:
            waarom = f"editie {treffer.group('naam')} staat niet in CHANGELOG.md (daar staan: {', '.join(namen)})"
        problemen.append(Probleem(toon_pad(pad), "", f"dit bestand hoort niet in {ARCHIEF}/: {waarom}. Alleen de PDF "
                                  "van een editie uit CHANGELOG.md mag hier staan, onder zijn vaste naam; geef het "
                                  "bestand die naam of haal het weg"))
    if problemen:
        raise Bestandsfout(problemen)
    return uit


def wijzigingen_markdown(pad: Path, pdf_link: Callable[[str], str | None] | None = None) -> str:
    """De edities uit ``CHANGELOG.md`` (vanaf de eerste kop ``## Editie``), om in een pagina op te nemen.

    De titel en de inleiding voor de onderhoudsgroep blijven weg; de pagina heeft een eigen inleiding. ``pdf_link``
    geeft per editie een regel (de link naar zijn PDF) voor onder de kop van die editie, of ``None``.
    """
    alle = edities(pad)  # controleert ook de vorm
    eerste = alle[0]
    tekst = _lees(pad)
    _alleen_tekst(pad, tekst, eerste.regel)
    regels = tekst.splitlines()
    if pdf_link is not None:
        for kop in reversed(alle):  # van onder naar boven, zodat de regelnummers erboven blijven kloppen
            link = pdf_link(kop.naam)
            if link is not None:
                regels[kop.regel:kop.regel] = ["", link]
    return "\n".join(regels[eerste.regel - 1 :]).strip() + "\n"
