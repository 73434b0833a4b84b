"""De regels voor de urenberekening: coachingsdoelen, protocolversies en regimes.

De regels zelf staan als data in ``data/regels.yml``. Dit bestand beschrijft alleen de vorm
van die data en leest ze in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

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
    soort: Literal["extern", "intern"] = Field(
        "extern", description="extern: jobcoach van een jobcoachorganisatie; intern: eigen jobcoach van de werkgever.")
    geldig_van: dt.date
    geldig_tot: dt.date | Literal["opvolger", "onbekend"] = Field(
        description="Laatste geldige dag; 'opvolger': tot de dag vóór de volgende versie van dezelfde soort; "
                    "'onbekend': niet bekend tot wanneer.")
    bron_einde: str | None = Field(None, description="Bron van de einddatum.")
    toelichting: str | None = None
    onzeker: str | None = Field(None, description="Wat over deze versie niet zeker is (de site toont het bij de versie).")
    standaard: Standaard | None = None
    periode_maanden: Annotated[int, Field(strict=True, gt=0)] | None = None
    max_jaren: Annotated[int, Field(strict=True, gt=0)] | None = None
    eerste_periode: EerstePeriode | None = None
    max_per_jaar: list[Percentage] | None = None
    regimes: list[Regime] = []

    @model_validator(mode="after")
    def _datums_op_volgorde(self) -> Protocol:
        if isinstance(self.geldig_tot, dt.date) and self.geldig_tot < self.geldig_van:
            raise PydanticCustomError("datums", "geldig_tot ({tot}) ligt vóór geldig_van ({van})",
                                      {"tot": self.geldig_tot.isoformat(), "van": self.geldig_van.isoformat(),
                                       "veld": "geldig_tot"})
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

    @field_validator("protocollen")
    @classmethod
    def _perioden_sluiten_aan(cls, waarde: list[Protocol]) -> list[Protocol]:
        """Versies van dezelfde soort gelden na elkaar: geen overlap, en 'opvolger' alleen als er een volgende is."""
        for soort in ("extern", "intern"):
            reeks = sorted(((i, p) for i, p in enumerate(waarde) if p.soort == soort), key=lambda ip: ip[1].geldig_van)
            for (i, p), volgende in zip(reeks, [*reeks[1:], None]):
                if p.geldig_tot == "opvolger" and volgende is None:
                    raise PydanticCustomError(
                        "perioden", "{id}: geldig_tot is 'opvolger', maar er is geen latere versie van soort {soort}; "
                        "zet een datum of 'onbekend'", {"id": p.id, "soort": soort, "veld": (i, "geldig_tot")})
                if volgende is None:
                    continue
                j, q = volgende
                if p.geldig_tot == "onbekend":
                    raise PydanticCustomError(
                        "perioden", "{id}: geldig_tot is 'onbekend', maar {volgende} begint later; zet de laatste "
                        "geldige dag of 'opvolger'", {"id": p.id, "volgende": q.id, "veld": (i, "geldig_tot")})
                if isinstance(p.geldig_tot, dt.date) and p.geldig_tot >= q.geldig_van:
                    raise PydanticCustomError(
                        "perioden", "{id} geldt tot en met {tot}, maar {volgende} begint al op {van}: de perioden "
                        "overlappen", {"id": p.id, "tot": p.geldig_tot.isoformat(), "volgende": q.id,
                                       "van": q.geldig_van.isoformat(), "veld": (i, "geldig_tot")})
        return waarde

    def einde(self, protocol: Protocol) -> dt.date | None:
        """De laatste geldige dag van ``protocol`` (None als die niet bekend is)."""
        if isinstance(protocol.geldig_tot, dt.date):
            return protocol.geldig_tot
        if protocol.geldig_tot == "onbekend":
            return None
        later = sorted((p.geldig_van for p in self.protocollen
                        if p.soort == protocol.soort and p.geldig_van > protocol.geldig_van))
        return later[0] - dt.timedelta(days=1)

    def einde_protocollen(self) -> dt.date | None:
        """De eerste dag waarop geen enkele versie van het Protocol Jobcoach (soort extern) meer gold, als bekend."""
        externe = [p for p in self.protocollen if p.soort == "extern"]
        eindes = [self.einde(p) for p in externe]
        if not externe or any(e is None for e in eindes):
            return None
        return max(e for e in eindes if e is not None) + dt.timedelta(days=1)

    def geldig_op(self, protocol: Protocol, datum: dt.date) -> bool | None:
        """Gold ``protocol`` op ``datum``? None: niet bekend (de einddatum is onbekend en de datum ligt erna)."""
        if datum < protocol.geldig_van:
            return False
        einde = self.einde(protocol)
        if einde is None:
            return None
        return datum <= einde

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
