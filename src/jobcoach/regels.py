"""De regels voor de urenberekening: coachingsdoelen, kaders (routes), protocolversies en regimes.

De regels zelf staan als data in ``data/regels.yml``. Dit bestand beschrijft alleen de vorm
van die data en leest ze in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .lezer import Strikt, geen_dubbele, laad_yaml_model

REGELS_PAD = Path(__file__).parent / "data" / "regels.yml"

Percentage = Annotated[float, Field(strict=True, ge=0, le=100)]


class Rekenregels(Strikt):
    weken_per_maand: Annotated[int, Field(strict=True, gt=0)]
    bron: str
    periode_maanden: Annotated[int, Field(strict=True, gt=0)] = Field(
        description="Een periode (periode 1, 2, …) duurt zoveel maanden.")
    bron_periode: str


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


class Grenzen(Strikt):
    """Percentages van de contracturen: wat normaal volstaat, en het hoogste met een uitdrukkelijke onderbouwing."""

    normaal_max: Percentage | None = None
    max_met_onderbouwing: Percentage | None = None


class Regime(Strikt):
    naam: str
    percentage: Percentage | None = None


class Protocol(Strikt):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    naam: str
    kort: str | None = Field(None, description="Korte naam in bevindingen: 'de regels van juli 2011'.")
    bron_kort: str | None = Field(None, description="Korte bron in bevindingen.")
    bron: str
    soort: Literal["extern", "intern"] = Field(
        "extern", description="extern: jobcoach van een jobcoachorganisatie; intern: eigen jobcoach van de werkgever.")
    geldig_van: dt.date
    geldig_tot: dt.date | Literal["opvolger", "onbekend", "geldend"] = Field(
        description="Laatste geldige dag; 'opvolger': tot de dag vóór de volgende versie van dezelfde soort; "
                    "'onbekend': niet bekend tot wanneer; 'geldend': een bron zegt dat de versie nu geldt.")
    bron_einde: str | None = Field(None, description="Bron van de einddatum.")
    bron_geldend: str | None = Field(None, description="Bron die zegt dat de versie nu geldt (bij 'geldend').")
    toelichting: str | None = None
    onzeker: str | None = Field(None, description="Wat over deze versie niet zeker is (de site toont het bij de versie).")
    standaard: Standaard | None = None
    periode_maanden: Annotated[int, Field(strict=True, gt=0)] | None = None
    max_jaren: Annotated[int, Field(strict=True, gt=0)] | None = None
    grenzen: Grenzen | None = None
    max_per_jaar: list[Percentage] | None = None
    regimes: list[Regime] = []

    @model_validator(mode="after")
    def _datums_op_volgorde(self) -> Protocol:
        if self.geldig_tot == "geldend" and not self.bron_geldend:
            raise PydanticCustomError("geldend", "bij geldig_tot 'geldend' hoort een bron_geldend",
                                      {"veld": "bron_geldend"})
        if isinstance(self.geldig_tot, dt.date) and self.geldig_tot < self.geldig_van:
            raise PydanticCustomError("datums", "geldig_tot ({tot}) ligt vóór geldig_van ({van})",
                                      {"tot": self.geldig_tot.isoformat(), "van": self.geldig_van.isoformat(),
                                       "veld": "geldig_tot"})
        return self

    @property
    def maximum(self) -> float | None:
        """Het hoogste percentage dat dit protocol toestaat, als dat bekend is."""
        kandidaten = [r.percentage for r in self.regimes if r.percentage is not None]
        if self.grenzen and self.grenzen.max_met_onderbouwing is not None:
            kandidaten.append(self.grenzen.max_met_onderbouwing)
        if self.max_per_jaar:
            kandidaten.append(max(self.max_per_jaar))
        return max(kandidaten) if kandidaten else None

    @property
    def label(self) -> str:
        return self.kort or self.naam


class Kader(Strikt):
    """Een route waaronder een aanvraag valt: UWV (extern of intern), de gemeente, of het historische protocol."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    naam: str
    kort: str | None = Field(None, description="Korte naam in bevindingen.")
    bron_kort: str | None = None
    soort: Literal["nu", "historisch"]
    bron: str
    geldig_van: dt.date | None = None
    protocol: str | None = Field(None, description="De protocolversie waarvan de grenzen gelden.")
    protocol_soort: Literal["extern", "intern"] | None = Field(
        None, description="De casus noemt zelf een protocolversie van deze soort.")
    verordening: bool = Field(False, description="De casus noemt de verordening waaronder de aanvraag valt.")
    toelichting: str | None = None
    onzeker: str | None = None

    @property
    def label(self) -> str:
        return self.kort or self.naam



class Regels(Strikt):
    rekenregels: Rekenregels
    aannemelijk: Aannemelijk
    coachingsdoelen: dict[int, str]
    protocollen: list[Protocol]
    kaders: list[Kader]

    @model_validator(mode="after")
    def _kaders_kloppen(self) -> Regels:
        ids = [k.id for k in self.kaders]
        for i, k in enumerate(self.kaders):
            if ids.count(k.id) > 1:
                raise PydanticCustomError("kaders", "kader-id komt meer dan eens voor: {id}", {"id": k.id, "veld": ("kaders", i, "id")})
            if k.protocol is not None and k.protocol not in self.protocol_ids:
                raise PydanticCustomError("kaders", "{id}: onbekende protocolversie '{protocol}'",
                                          {"id": k.id, "protocol": k.protocol, "veld": ("kaders", i, "protocol")})
        if "uwv-extern" not in ids:
            raise PydanticCustomError("kaders", "het kader uwv-extern (de standaard voor een aanvraag van nu) ontbreekt",
                                      {"veld": "kaders"})
        return self

    @field_validator("coachingsdoelen")
    @classmethod
    def _drie_doelen(cls, waarde: dict[int, str]) -> dict[int, str]:
        if sorted(waarde) != [1, 2, 3]:
            raise ValueError("er moeten precies drie coachingsdoelen zijn, genummerd 1, 2 en 3")
        return waarde

    @field_validator("protocollen")
    @classmethod
    def _unieke_ids(cls, waarde: list[Protocol]) -> list[Protocol]:
        geen_dubbele([p.id for p in waarde], "protocol-id komt meer dan eens voor")
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
                if p.geldig_tot in ("onbekend", "geldend"):
                    raise PydanticCustomError(
                        "perioden", "{id}: geldig_tot is '{tot}', maar {volgende} begint later; zet de laatste "
                        "geldige dag of 'opvolger'", {"id": p.id, "tot": p.geldig_tot, "volgende": q.id,
                                                       "veld": (i, "geldig_tot")})
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
        if protocol.geldig_tot in ("onbekend", "geldend"):
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
        if protocol.geldig_tot == "geldend":
            return True
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

    @property
    def kader_ids(self) -> list[str]:
        return [k.id for k in self.kaders]

    def kader(self, kader_id: str) -> Kader:
        for kader in self.kaders:
            if kader.id == kader_id:
                return kader
        raise KeyError(kader_id)

    def kader_en_protocol(self, kader_id: str | None, protocol_id: str | None) -> tuple[Kader, Protocol | None]:
        """Het kader van een casus en de protocolversie waarvan de grenzen gelden (None: geen protocol).

        Zonder kader: met een protocolversie van soort extern het historische kader, met een van soort intern het
        kader van die soort, zonder protocol ``uwv-extern`` (een aanvraag van nu). De casus controleert vooraf dat
        kader en protocol bij elkaar passen (``Casus``).
        """
        protocol = self.protocol(protocol_id) if protocol_id is not None else None
        if kader_id is None:
            if protocol is None:
                kader_id = "uwv-extern"
            else:
                kader_id = next(k.id for k in self.kaders if k.protocol_soort == protocol.soort
                                or (k.protocol is not None and self.protocol(k.protocol).soort == protocol.soort))
        kader = self.kader(kader_id)
        if protocol is None and kader.protocol is not None:
            protocol = self.protocol(kader.protocol)
        return kader, protocol


def laad_regels(pad: Path = REGELS_PAD) -> Regels:
    """Lees de regels in (standaard die van de site). Een fout in het bestand geeft een ``Bestandsfout`` met
    alle meldingen. Er is geen verborgen kopie: wie regels nodig heeft, krijgt ze als argument."""
    return laad_yaml_model(Path(pad), Regels)
