"""De tabellen van een berekende casus als tekst, voor de opdrachtregel (``jobcoach bereken``)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from . import tabeldata
from .fouten import veilig
from .tabeldata import Cel, MetCode, Tabel
from .teksten import TEKSTEN
from .uitkomst import Uitkomst


def _tekst(cel: Cel) -> str:
    if isinstance(cel, MetCode):
        return f"{cel.tekst} ({cel.code})"
    return "; ".join(cel) if isinstance(cel, tuple) else str(cel)


def tabel_tekst(tabel: Tabel) -> str:
    """Het bijschrift, en de kolommen onder elkaar uitgelijnd (getallen rechts)."""
    rijen = [[_tekst(c) for c in r] for r in [*tabel.rijen, *tabel.voet]]
    breedtes = [max(len(r[i]) for r in [tabel.koppen, *rijen]) for i in range(len(tabel.koppen))]

    def regel(cellen: list[str]) -> str:
        return "  ".join(
            (c.rjust(b) if i in tabel.rechts else c.ljust(b)) for i, (c, b) in enumerate(zip(cellen, breedtes))
        ).rstrip()

    streep = "  ".join("-" * b for b in breedtes)
    delen = [tabel.bijschrift, "", regel(tabel.koppen), streep, *(regel(r) for r in rijen[: len(tabel.rijen)])]
    if tabel.voet:
        delen += [streep, *(regel(r) for r in rijen[len(tabel.rijen):])]
    return "\n".join(delen)


def samenvatting_tekst(uitkomst: Uitkomst) -> str:
    """De urenberekening en de bevindingen, zoals de casuspagina ze toont."""
    delen = [uitkomst.casus.titel, ""] + [tabel_tekst(t) + "\n" for t in tabeldata.berekening(uitkomst)]
    if uitkomst.bevindingen:
        delen += [TEKSTEN.bevindingen["titel"] + ":"] + [f"- {b.tekst}" for b in uitkomst.bevindingen]
    return "\n".join(delen).rstrip()


class VeiligeUitvoer:
    """Een uitvoerstroom die nooit een rauw stuurteken doorgeeft: \\x1b en \\u202e worden zichtbaar als tekst.

    Alles wat de opdrachtregel schrijft, kan uit gegevens komen (een bestandsnaam, een veldnaam, een argument); een
    escape-reeks daarin zou het scherm van de gebruiker kunnen wissen of een vals 'in orde' kunnen tonen.
    """

    def __init__(self, stroom: TextIO) -> None:
        self._stroom = stroom

    def write(self, tekst: str) -> int:
        self._stroom.write(veilig(tekst))
        return len(tekst)

    def writelines(self, regels: Any) -> None:
        for regel in regels:
            self.write(regel)

    def __getattr__(self, naam: str) -> Any:
        return getattr(self._stroom, naam)


@contextlib.contextmanager
def veilige_uitvoer() -> Iterator[None]:
    """Binnen dit blok gaan stdout en stderr door ``VeiligeUitvoer``."""
    oud = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VeiligeUitvoer(sys.stdout), VeiligeUitvoer(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = oud
