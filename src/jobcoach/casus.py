"""Het gegevensmodel van een casus: het contract, de aanvraag en het schema begeleidingsbehoefte."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .lezer import MELDINGEN, Strikt, Tekst, lees_yaml, valideer
from .regels import Regels

Aard = Literal["persoonlijk", "functioneel"]
Intensiteit = Literal["wekelijks", "tweewekelijks", "maandelijks", "eenmalig"]
Door = Literal["jobcoach", "werkgever", "leidinggevende", "begeleider", "collega", "anders"]
INTENSITEITEN: tuple[str, ...] = Intensiteit.__args__  # type: ignore[attr-defined]

Uren = Annotated[float, Field(strict=True, ge=0, allow_inf_nan=False)]
Positief = Annotated[float, Field(strict=True, gt=0, allow_inf_nan=False)]
Percentage = Annotated[float, Field(strict=True, ge=0, le=100, allow_inf_nan=False)]
Doel = Annotated[int, Field(strict=True, ge=1, le=3)]


def _als_lijst(waarde: Any) -> Any:
    return [waarde] if isinstance(waarde, str) else waarde


def _ontbreekt(veld: str, waarom: str) -> PydanticCustomError:
    return PydanticCustomError("ontbreekt", MELDINGEN["ontbreekt"] + " {waarom}", {"veld": veld, "waarom": waarom})


class Contract(Strikt):
    """Het arbeidscontract van de klant."""

    uren_per_week: Annotated[Positief, Field(le=80)] = Field(
        description="Contracturen per week.", json_schema_extra={"grens": "meer dan 80 uur per week is geen werkweek"})
    maanden: Annotated[Positief, Field(le=60)] | None = Field(
        None, description="Duur in maanden; een maand telt als 4 weken.",
        json_schema_extra={"grens": "een contract voor jobcoaching van meer dan vijf jaar is niet aannemelijk"})
    weken: Annotated[Positief, Field(le=260)] | None = Field(
        None, description="Duur in weken (in plaats van maanden).",
        json_schema_extra={"grens": "een contract voor jobcoaching van meer dan vijf jaar is niet aannemelijk"})
    proefplaatsing: bool = Field(False, description="Gaat het om een proefplaatsing?")
    loonwaarde_wml: Percentage | None = Field(
        None, description="Loonwaarde als percentage van het wettelijk minimumloon (WML), als die bekend is."
    )

    @model_validator(mode="after")
    def _maanden_of_weken(self) -> Contract:
        if self.maanden is None and self.weken is None:
            raise _ontbreekt("maanden", MELDINGEN["ontbreekt-duur"])
        if self.maanden is not None and self.weken is not None:
            raise PydanticCustomError(
                "dubbel", MELDINGEN["dubbel"], {"veld": "weken"}
            )
        return self


class Regime(Strikt):
    regime: Percentage = Field(description="Percentage van de contracturen.")


class SchemaRij(Strikt):
    """Eén rij van het schema begeleidingsbehoefte."""

    aard: Aard = Field(description="Aard van de begeleiding.")
    knelpunt: Tekst = Field(description="Het knelpunt waarop de begeleiding is gericht.")
    door: Door | None = Field(None, description="Wie geeft de begeleiding? Alleen rijen 'door: jobcoach' tellen mee in "
                                               "de uren. Leeg als het schema het niet noemt.")
    aan: Tekst | None = Field(None, description="Aan wie wordt de begeleiding gegeven?")
    uren: Annotated[Uren, Field(le=40)] | None = Field(
        None, description="Uren per keer.", json_schema_extra={"grens": "meer dan 40 uur begeleiding in één keer is een werkweek"})
    intensiteit: Intensiteit | None = Field(None, description="Hoe vaak de begeleiding plaatsvindt.")
    doel: Doel | None = Field(None, description="Coachingsdoel 1, 2 of 3.")
    motivering: Annotated[
        list[Tekst],
        Field(max_length=50),
        BeforeValidator(_als_lijst),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "string", "minLength": 1},
                    {"type": "array", "items": {"type": "string", "minLength": 1}},
                ]
            }
        ),
    ] = Field(
        default_factory=list, description="Motivering: één tekst of een lijst van teksten."
    )

    @model_validator(mode="after")
    def _jobcoach_rij_compleet(self) -> SchemaRij:
        if self.door == "jobcoach":
            for veld in ("uren", "intensiteit", "doel"):
                if getattr(self, veld) is None:
                    raise _ontbreekt(veld, MELDINGEN["ontbreekt-jobcoach"])
        elif self.uren is not None and self.intensiteit is None:
            raise _ontbreekt("intensiteit", MELDINGEN["ontbreekt-intensiteit"])
        elif self.uren is not None and self.door is None:
            raise _ontbreekt("door", MELDINGEN["ontbreekt-door"])
        return self

    @property
    def telt_mee(self) -> bool:
        return self.door == "jobcoach"


class Extra(Strikt):
    """Vaste uren bovenop het schema, bijvoorbeeld voor calamiteiten."""

    omschrijving: Tekst
    herkomst: Tekst | None = Field(None, description="Waar deze uren vandaan komen, bijvoorbeeld 'uit de conclusie van de AD'.")
    uren: Annotated[Uren, Field(le=2000)] = Field(
        json_schema_extra={"grens": "meer dan 2000 vaste uren is meer dan een jaar voltijds"})
    doel: Doel


class Casus(Strikt):
    """Een casus: de gegevens waaruit de site het schema en de urenberekening maakt."""

    titel: Tekst
    protocol: Tekst = Field(description="Id van de protocolversie in de regels, bijvoorbeeld 'protocol-2011'.")
    datum: dt.date | None = Field(None, description="Datum van het advies, als die bekend is.")
    bron: Tekst | None = Field(None, description="Bron van de casus.")
    contract: Contract
    aanvraag: Regime = Field(description="Het aangevraagde regime.")
    schema_: Annotated[list[SchemaRij], Field(min_length=1, max_length=200)] = Field(
        alias="schema", description="Rijen van het schema begeleidingsbehoefte."
    )
    extra: Annotated[list[Extra], Field(max_length=50)] = Field(
        default_factory=list, description="Vaste uren, bijvoorbeeld voor calamiteiten.")
    advies: Regime | None = Field(None, description="Het geadviseerde of toegekende regime.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @property
    def schema_rijen(self) -> list[SchemaRij]:
        return self.schema_

    @field_validator("protocol")
    @classmethod
    def _bekend_protocol(cls, waarde: str, info: ValidationInfo) -> str:
        regels = (info.context or {}).get("regels")
        if not isinstance(regels, Regels):
            raise TypeError("een casus wordt gecontroleerd tegen regels: geef context={'regels': regels}")
        if waarde not in regels.protocol_ids:
            raise PydanticCustomError(
                "onbekend_protocol",
                MELDINGEN["onbekend_protocol"],
                {"waarde": waarde, "keuzes": ", ".join(regels.protocol_ids)},
            )
        return waarde


def laad_casus(pad: str | Path, regels: Regels, binnen: Path | None = None) -> Casus:
    """Lees en controleer een casusbestand tegen deze regels. Gooit ``Bestandsfout`` met alle problemen tegelijk.

    ``binnen`` is de map van het project: een casus daarin die via een link naar buiten wijst, wordt geweigerd.
    """
    return valideer(lees_yaml(Path(pad), mens=True, binnen=binnen), Casus, {"regels": regels})


def json_schema(regels: Regels) -> dict[str, Any]:
    """Het JSON Schema van een casusbestand, voor editors (aanvullen en controleren tijdens het typen)."""
    schema = Casus.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Casus Leidraad Jobcoach"
    schema["properties"]["protocol"]["enum"] = regels.protocol_ids
    return schema
