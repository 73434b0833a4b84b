"""De regels voor de urenberekening: coachingsdoelen, protocolversies en regimes.

De regels zelf staan als data in ``data/regels.yml``. Dit bestand beschrijft alleen de vorm
van die data en leest ze in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from .lezer import Strikt, laad_yaml_model

REGELS_PAD = Path(__file__).parent / "data" / "regels.yml"

Percentage = Annotated[float, Field(strict=True, ge=0, le=100)]


class Rekenregels(Strikt):
    weken_per_maand: Annotated[int, Field(strict=True, gt=0)]
    bron: str


class Aannemelijk(Strikt):
    """Grenzen van wat aannemelijk is: daarboven een bevinding, geen fout."""

    max_uren_per_week: Annotated[float, Field(strict=True, gt=0)]
    reden: str
    bron: str


class Standaard(Strikt):
    """De 'standaardsituatie' van het protocol. Een casus daarbuiten geeft een bevinding."""

    min_maanden: Annotated[float, Field(strict=True, gt=0)] | None = None
    proefplaatsing_telt: bool = False
    min_uren_per_week: Annotated[float, Field(strict=True, gt=0)] | None = None
    min_loonwaarde_wml: Percentage | None = None


class EerstePeriode(Strikt):
    normaal_max: Percentage | None = None
    max_met_onderbouwing: Percentage | None = None


class Regime(Strikt):
    naam: str
    percentage: Percentage | None = None


class Protocol(Strikt):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    naam: str
    bron: str
    geldig_van: dt.date
    geldig_tot: dt.date | None = None
    toelichting: str | None = None
    standaard: Standaard | None = None
    periode_maanden: Annotated[int, Field(strict=True, gt=0)] | None = None
    max_jaren: Annotated[int, Field(strict=True, gt=0)] | None = None
    eerste_periode: EerstePeriode | None = None
    max_per_jaar: list[Percentage] | None = None
    regimes: list[Regime] = []

    @model_validator(mode="after")
    def _datums_op_volgorde(self) -> Protocol:
        if self.geldig_tot is not None and self.geldig_tot < self.geldig_van:
            raise ValueError("geldig_tot ligt vóór geldig_van")
        return self

    @property
    def maximum(self) -> float | None:
        """Het hoogste percentage dat dit protocol toestaat, als dat bekend is."""
        kandidaten = [r.percentage for r in self.regimes if r.percentage is not None]
        if self.eerste_periode and self.eerste_periode.max_met_onderbouwing is not None:
            kandidaten.append(self.eerste_periode.max_met_onderbouwing)
        if self.max_per_jaar:
            kandidaten.append(max(self.max_per_jaar))
        return max(kandidaten) if kandidaten else None

    def geldig_op(self, datum: dt.date) -> bool:
        return self.geldig_van <= datum and (self.geldig_tot is None or datum <= self.geldig_tot)


class Regels(Strikt):
    rekenregels: Rekenregels
    aannemelijk: Aannemelijk
    coachingsdoelen: dict[int, str]
    protocollen: list[Protocol]

    @field_validator("coachingsdoelen")
    @classmethod
    def _drie_doelen(cls, waarde: dict[int, str]) -> dict[int, str]:
        if sorted(waarde) != [1, 2, 3]:
            raise ValueError("er moeten precies drie coachingsdoelen zijn, genummerd 1, 2 en 3")
        return waarde

    @field_validator("protocollen")
    @classmethod
    def _unieke_ids(cls, waarde: list[Protocol]) -> list[Protocol]:
        ids = [p.id for p in waarde]
        dubbel = sorted({i for i in ids if ids.count(i) > 1})
        if dubbel:
            raise ValueError(f"protocol-id komt meer dan eens voor: {', '.join(dubbel)}")
        return waarde

    def protocol(self, protocol_id: str) -> Protocol:
        for protocol in self.protocollen:
            if protocol.id == protocol_id:
                return protocol
        raise KeyError(protocol_id)

    @property
    def protocol_ids(self) -> list[str]:
        return [p.id for p in self.protocollen]


def laad_regels(pad: Path = REGELS_PAD) -> Regels:
    """Lees de regels in (standaard die van de site). Een fout in het bestand geeft een ``Bestandsfout`` met
    alle meldingen. Er is geen verborgen kopie: wie regels nodig heeft, krijgt ze als argument."""
    return laad_yaml_model(Path(pad), Regels)
