"""De begrippenlijst: elk begrip en elke afkorting die de site gebruikt.

De lijst staat als data in ``data/begrippen.yml``. Daaruit komen drie dingen:

- de pagina Begrippen (``begrippen_markdown``, de begrippen voor iedereen);
- de begrippen voor de onderhoudsgroep (``voor: onderhoud``: CSS, YAML …) op de pagina Voor de
  onderhoudsgroep, met dezelfde functie;
- de uitleg van afkortingen op elke pagina: de Markdown-extensie ``leidraadsite.weergave.afkortingen`` zet
  elke bekende afkorting in een ``<abbr title="…">``, van beide soorten begrippen.

Elk begrip is een eigen kop (``### Loonwaarde { #begrip-loonwaarde }``). De zoekfunctie van Material
maakt van elke kop een eigen zoekresultaat: zo leidt 'loonwaarde' naar het begrip zelf.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from jobcoach.lezer import Strikt, geen_dubbele, laad_yaml_model

from leidraadsite.inhoud.tekst import lijkt_op_html, md_tekst

BEGRIPPEN_PAD = Path(__file__).parents[1] / "data" / "begrippen.yml"

Tekst = Annotated[str, Field(strict=True, min_length=1)]


class Begrip(Strikt):
    term: Tekst = Field(description="Het begrip voluit, zoals het in de lijst staat.")
    afkorting: Tekst | None = Field(None, description="De afkorting, als het begrip er een heeft.")
    ook: list[Tekst] = Field([], description="Andere schrijfwijzen van de afkorting (WWB naast Wwb).")
    uitleg: Tekst = Field(description="Uitleg in gewone taal, één tot drie zinnen.")
    hover: Tekst | None = Field(None, description="Tekst bij de afkorting als die anders is dan de term.")
    voor: Literal["iedereen", "onderhoud"] = Field(
        "iedereen", description="Op welke pagina het begrip staat: Begrippen, of Voor de onderhoudsgroep (CSS, YAML …).")

    @field_validator("term", "afkorting", "hover")
    @classmethod
    def _geen_html_in_de_uitleg_bij_aanwijzen(cls, waarde: str | None) -> str | None:
        """Term, afkorting en hover komen in ``<abbr title="…">``; het thema toont die tekst bij aanwijzen als HTML."""
        if waarde is not None and lijkt_op_html(waarde):
            raise ValueError("mag geen < gevolgd door een letter, / of ! bevatten (het thema toont deze tekst bij "
                             "aanwijzen als HTML); schrijf het zonder <, bijvoorbeeld 'kleiner dan'")
        return waarde

    @field_validator("ook")
    @classmethod
    def _geen_html_in_ook(cls, waarde: list[str]) -> list[str]:
        for w in waarde:
            cls._geen_html_in_de_uitleg_bij_aanwijzen(w)
        return waarde

    @model_validator(mode="after")
    def _geen_herhaling(self) -> Begrip:
        """Een begrip moet iets uitleggen: 'APE: APE' of een uitleg die alleen de term herhaalt, zegt niets."""
        def kaal(tekst: str) -> str:
            return re.sub(r"[^\w]+", "", tekst).lower()

        if self.afkorting and kaal(self.afkorting) == kaal(self.term):
            raise ValueError(f"term en afkorting zijn gelijk ('{self.term}'): schrijf bij term wat de afkorting "
                             "betekent (voluit, of wat het is als de volledige naam onbekend is)")
        if kaal(self.uitleg) in {kaal(self.term), kaal(self.afkorting or "")}:
            raise ValueError(f"de uitleg van '{self.term}' herhaalt alleen de term; zeg wat het betekent")
        return self

    @property
    def kop(self) -> str:
        """De kop van het begrip in de lijst: de afkorting met de term, of alleen de term."""
        return f"{self.afkorting}: {self.term}" if self.afkorting else self.term

    @property
    def anker(self) -> str:
        basis = unicodedata.normalize("NFKD", self.afkorting or self.term).encode("ascii", "ignore").decode()
        return "begrip-" + re.sub(r"[^a-z0-9]+", "-", basis.lower()).strip("-")


class Begrippen(Strikt):
    begrippen: Annotated[list[Begrip], Field(min_length=1)]

    @field_validator("begrippen")
    @classmethod
    def _uniek(cls, waarde: list[Begrip]) -> list[Begrip]:
        geen_dubbele([a for b in waarde for a in ([b.afkorting] if b.afkorting else []) + b.ook],
                     "afkorting staat meer dan eens in de lijst")
        geen_dubbele([b.term.lower() for b in waarde], "begrip staat meer dan eens in de lijst")
        geen_dubbele([b.anker for b in waarde], "twee begrippen krijgen hetzelfde anker")
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


def letter(b: Begrip) -> str:
    """De letter waaronder een begrip staat (A–Z; een begrip dat niet met een letter begint onder '#')."""
    eerste = _sorteersleutel(b)[:1].upper()
    return eerste if "A" <= eerste <= "Z" else "#"


def letter_anker(teken: str) -> str:
    return "letter-" + (teken.lower() if teken != "#" else "overig")


def begrippen_markdown(begrippen: Begrippen, voor: str = "iedereen") -> str:
    """De begrippen van één pagina (``voor``), op alfabet: een lijst A–Z en per letter een kop, per begrip een kop.

    Elk begrip is een kop van niveau 3 met een vast anker (``#begrip-…``), zodat de zoekfunctie het als eigen
    resultaat vindt en andere pagina's ernaar kunnen linken. De lijst A–Z bovenaan linkt alleen de letters
    die begrippen hebben. De begrippen voor de onderhoudsgroep zijn een korte lijst zonder letters; die
    pagina zet er zelf een kop van niveau 2 boven.
    """
    if voor not in ("iedereen", "onderhoud"):
        raise ValueError(f"onbekende groep begrippen '{voor}'; kies iedereen of onderhoud")
    lijst = sorted((b for b in begrippen.begrippen if b.voor == voor), key=_sorteersleutel)

    def begrip(b: Begrip) -> str:
        varianten = f" Ook geschreven als {', '.join(b.ook)}." if b.ook else ""
        return f"### {md_tekst(b.kop)} {{ #{b.anker} .begrip }}\n\n{md_tekst(b.uitleg + varianten)}"

    if voor == "onderhoud":  # een korte lijst onder een kop van de pagina: geen letters
        return "\n\n".join(begrip(b) for b in lijst)
    groepen: dict[str, list[Begrip]] = {}
    for b in lijst:
        groepen.setdefault(letter(b), []).append(b)
    letters = " ".join(f'<a href="#{letter_anker(a)}">{a}</a>' for a in groepen)
    delen = [f'<nav class="begrippen-az" aria-label="Begrippen van A tot Z"><p>{letters}</p></nav>']
    for a, groep in groepen.items():
        delen.append(f"## {a if a != '#' else 'Overig'} {{ #{letter_anker(a)} .begrippen-letter }}")
        delen += [begrip(b) for b in groep]
    return "\n\n".join(delen)
