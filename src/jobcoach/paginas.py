"""Gegevens over pagina's: de voorkant (front matter) met beoordelings- en herzieningsdatum.

Elke leidraadpagina heeft in haar voorkant:

```yaml
beoordeeld: 2026-11-26     # laatst inhoudelijk beoordeeld
herzien_voor: 2027-11-26   # uiterlijk dan opnieuw beoordelen
```

Een pagina waarvan ``herzien_voor`` voorbij is, is *verouderd*. De site toont dat op de pagina en
``python -m jobcoach verouderd`` geeft een lijst.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from .fouten import CasusFout, Probleem
from .yamlbron import toon_pad


class Voorkant(BaseModel):
    """De velden van de voorkant die de site zelf gebruikt. Andere velden (title, description …) mogen ook."""

    model_config = ConfigDict(extra="allow", frozen=True)

    beoordeeld: dt.date | None = None
    herzien_voor: dt.date | None = None

    @model_validator(mode="after")
    def _volgorde(self) -> Voorkant:
        if self.beoordeeld and self.herzien_voor and self.herzien_voor <= self.beoordeeld:
            raise ValueError("herzien_voor moet na beoordeeld liggen")
        return self

    def is_verouderd(self, vandaag: dt.date) -> bool:
        return self.herzien_voor is not None and vandaag > self.herzien_voor


def lees_voorkant(pad: Path) -> dict[str, Any]:
    """De voorkant van een Markdown-bestand als dict (leeg als er geen is)."""
    tekst = pad.read_text(encoding="utf-8")
    if not tekst.startswith("---"):
        return {}
    einde = tekst.find("\n---", 3)
    if einde == -1:
        raise CasusFout([Probleem(toon_pad(pad), "", "voorkant (front matter) wordt niet afgesloten met '---'", 1)])
    try:
        gegevens = yaml.load(tekst[3:einde], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as fout:
        raise CasusFout([Probleem(toon_pad(pad), "", f"voorkant is geen geldige YAML ({fout})")]) from None
    return gegevens if isinstance(gegevens, dict) else {}


def voorkant(pad: Path) -> Voorkant:
    from pydantic import ValidationError

    try:
        return Voorkant.model_validate(lees_voorkant(pad))
    except ValidationError as fout:
        problemen = [
            Probleem(toon_pad(pad), ".".join(str(d) for d in e["loc"]), e["msg"].removeprefix("Value error, "))
            for e in fout.errors(include_url=False)
        ]
        raise CasusFout(problemen) from None


@dataclass(frozen=True)
class VerouderdePagina:
    pad: Path
    herzien_voor: dt.date


def verouderde_paginas(docs: Path, vandaag: dt.date) -> list[VerouderdePagina]:
    """Alle pagina's onder ``docs`` waarvan de herzieningsdatum voorbij is, oudste eerst."""
    gevonden = []
    for pad in sorted(docs.rglob("*.md")):
        v = voorkant(pad)
        if v.is_verouderd(vandaag):
            gevonden.append(VerouderdePagina(pad, v.herzien_voor))  # type: ignore[arg-type]
    return sorted(gevonden, key=lambda p: p.herzien_voor)


def paginas_zonder_herzieningsdatum(docs: Path) -> list[Path]:
    """Alle pagina's onder ``docs`` zonder ``herzien_voor`` in hun voorkant."""
    return [pad for pad in sorted(docs.rglob("*.md")) if voorkant(pad).herzien_voor is None]
