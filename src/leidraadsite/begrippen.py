"""De begrippenlijst: elk begrip en elke afkorting die de site gebruikt.

De lijst staat als data in ``data/begrippen.yml``. Daaruit komen twee dingen:

- de pagina Begrippen (``begrippen_markdown``);
- de uitleg van afkortingen op elke pagina: de Markdown-extensie ``leidraadsite.afkortingen`` zet
  elke bekende afkorting in een ``<abbr title="…">``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator

from jobcoach.lezer import Strikt, laad_yaml_model

BEGRIPPEN_PAD = Path(__file__).parent / "data" / "begrippen.yml"

Tekst = Annotated[str, Field(strict=True, min_length=1)]


class Begrip(Strikt):
    term: Tekst = Field(description="Het begrip voluit, zoals het in de lijst staat.")
    afkorting: Tekst | None = Field(None, description="De afkorting, als het begrip er een heeft.")
    ook: list[Tekst] = Field([], description="Andere schrijfwijzen van de afkorting (WWB naast Wwb).")
    uitleg: Tekst = Field(description="Uitleg in gewone taal, één tot drie zinnen.")
    hover: Tekst | None = Field(None, description="Tekst bij de afkorting als die anders is dan de term.")

    @property
    def anker(self) -> str:
        basis = unicodedata.normalize("NFKD", self.afkorting or self.term).encode("ascii", "ignore").decode()
        return "begrip-" + re.sub(r"[^a-z0-9]+", "-", basis.lower()).strip("-")


class Begrippen(Strikt):
    begrippen: Annotated[list[Begrip], Field(min_length=1)]

    @field_validator("begrippen")
    @classmethod
    def _uniek(cls, waarde: list[Begrip]) -> list[Begrip]:
        afk = [a for b in waarde for a in ([b.afkorting] if b.afkorting else []) + b.ook]
        dubbel = sorted({a for a in afk if afk.count(a) > 1})
        if dubbel:
            raise ValueError(f"afkorting staat meer dan eens in de lijst: {', '.join(dubbel)}")
        termen = [b.term.lower() for b in waarde]
        dubbel = sorted({t for t in termen if termen.count(t) > 1})
        if dubbel:
            raise ValueError(f"begrip staat meer dan eens in de lijst: {', '.join(dubbel)}")
        ankers = [b.anker for b in waarde]
        dubbel = sorted({a for a in ankers if ankers.count(a) > 1})
        if dubbel:
            raise ValueError(f"twee begrippen krijgen hetzelfde anker: {', '.join(dubbel)}")
        return waarde

    def afkortingen(self) -> dict[str, str]:
        """Afkorting → uitleg bij aanwijzen (voor ``<abbr title>``)."""
        uit: dict[str, str] = {}
        for b in self.begrippen:
            for a in ([b.afkorting] if b.afkorting else []) + b.ook:
                uit[a] = b.hover or b.term
        return uit


@lru_cache(maxsize=4)
def laad_begrippen(pad: Path = BEGRIPPEN_PAD) -> Begrippen:
    return laad_yaml_model(Path(pad), Begrippen)


def _sorteersleutel(b: Begrip) -> str:
    tekst = unicodedata.normalize("NFKD", b.afkorting or b.term).encode("ascii", "ignore").decode()
    return tekst.lower()


def begrippen_markdown(begrippen: Begrippen) -> str:
    """De begrippenlijst als definitielijst (def_list), op alfabet, met een vast anker per begrip."""
    delen = []
    for b in sorted(begrippen.begrippen, key=_sorteersleutel):
        kop = f"{b.afkorting}: {b.term}" if b.afkorting else b.term
        varianten = f" Ook geschreven als {', '.join(b.ook)}." if b.ook else ""
        delen.append(f'<span id="{b.anker}"></span>{kop}\n:   {b.uitleg}{varianten}')
    return "\n\n".join(delen)
