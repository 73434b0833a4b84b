"""Het gegevensmodel van een casus: kader, periode, het contract, de aanvraag en het schema begeleidingsbehoefte.

Een casus zonder ``protocol`` is een aanvraag van nu (standaard het kader ``uwv-extern``). Een casus met een
versie van het Protocol Jobcoach is historisch: zo rekent de casus bij de leidraad van 2011.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from functools import lru_cache
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
from .opmaak import getal
from .regels import Regels

Aard = Literal["persoonlijk", "functioneel"]
Intensiteit = Literal["wekelijks", "tweewekelijks", "maandelijks", "eenmalig"]
Door = Literal["jobcoach", "werkgever", "leidinggevende", "begeleider", "collega", "anders"]
INTENSITEITEN: tuple[str, ...] = Intensiteit.__args__  # type: ignore[attr-defined]

Uren = Annotated[float, Field(strict=True, ge=0, allow_inf_nan=False)]
Weken = Annotated[float, Field(strict=True, gt=0, le=260, allow_inf_nan=False)]
Periode = Annotated[int, Field(strict=True, ge=1, le=20)]
Positief = Annotated[float, Field(strict=True, gt=0, allow_inf_nan=False)]
Percentage = Annotated[float, Field(strict=True, ge=0, le=100, allow_inf_nan=False)]
Doel = Annotated[int, Field(strict=True, ge=1, le=3)]


@lru_cache(maxsize=4096)  # dezelfde uren (0.5, 1, 40 …) komen in elke casus terug; Fraction is onveranderlijk
def breuk(getal: float | int) -> Fraction:
    """Een getal uit YAML als exacte breuk: 0.1 wordt 1/10, niet 0,1000000000000000055…"""
    return Fraction(str(getal)) if isinstance(getal, float) else Fraction(getal)


def _als_lijst(waarde: Any) -> Any:
    return [waarde] if isinstance(waarde, str) else waarde


def _ontbreekt(veld: str, waarom: str) -> PydanticCustomError:
    return PydanticCustomError("ontbreekt", MELDINGEN["ontbreekt"] + " {waarom}", {"veld": veld, "waarom": waarom})


class Contract(Strikt):
    """Het arbeidscontract van de klant."""

    # Ondergrenzen: een contract van minder dan 1 uur per week of korter dan 1 week is geen werk waarvoor
    # jobcoaching bestaat, en zou percentages van tientallen cijfers geven.
    uren_per_week: Annotated[float, Field(strict=True, ge=1, le=80, allow_inf_nan=False)] = Field(
        description="Contracturen per week, 1 tot en met 80.",
        json_schema_extra={"grens": "meer dan 80 uur per week is geen werkweek; minder dan 1 uur per week is geen "
                                    "aannemelijk contract"})
    maanden: Annotated[float, Field(strict=True, ge=0.25, le=60, allow_inf_nan=False)] | None = Field(
        None, description="Duur in maanden; een maand telt als 4 weken, tenzij de casus weken_per_maand noemt.",
        json_schema_extra={"grens": "een contract voor jobcoaching van meer dan vijf jaar of korter dan een week is "
                                    "niet aannemelijk"})
    weken: Annotated[float, Field(strict=True, ge=1, le=260, allow_inf_nan=False)] | None = Field(
        None, description="Duur in weken (in plaats van maanden).",
        json_schema_extra={"grens": "een contract voor jobcoaching van meer dan vijf jaar of korter dan een week is "
                                    "niet aannemelijk"})
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
    """Een aanvraag of advies: een regime (percentage van de contracturen, historisch) of uren voor de hele duur."""

    regime: Percentage | None = Field(None, description="Percentage van de contracturen (het regime van het "
                                                        "Protocol Jobcoach).")
    uren: Annotated[Uren, Field(le=10000)] | None = Field(
        None, description="Begeleidingsuren voor de hele duur van het contract in deze casus.",
        json_schema_extra={"grens": "meer dan 10.000 uur is meer dan vijf jaar voltijds"})

    @model_validator(mode="after")
    def _regime_of_uren(self) -> Regime:
        if self.regime is None and self.uren is None:
            raise _ontbreekt("regime", MELDINGEN["ontbreekt-regime-of-uren"])
        return self


class Fase(Strikt):
    """Een fase van een rij: zoveel weken met deze intensiteit (bijvoorbeeld eerst wekelijks, dan tweewekelijks)."""

    weken: Weken = Field(description="Hoeveel weken deze fase duurt.",
                         json_schema_extra={"grens": "een fase van meer dan vijf jaar is niet aannemelijk"})
    intensiteit: Intensiteit = Field(description="Hoe vaak de begeleiding in deze fase plaatsvindt.")
    uren: Annotated[Uren, Field(le=40)] | None = Field(
        None, description="Uren per keer in deze fase; leeg: de uren van de rij.",
        json_schema_extra={"grens": "meer dan 40 uur begeleiding in één keer is een werkweek"})


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
    fasen: Annotated[list[Fase], Field(min_length=1, max_length=20)] | None = Field(
        None, description="In plaats van één intensiteit: fasen na elkaar, elk met eigen weken en intensiteit "
                          "(afbouw). Na de laatste fase geen begeleiding meer.")
    doel: Doel | None = Field(None, description="Urengroep 1, 2 of 3 (geen coachingsdoel uit de matching).")
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
        if self.fasen is not None:
            if self.intensiteit is not None:
                raise PydanticCustomError("dubbel", MELDINGEN["dubbel-fasen"], {"veld": "fasen"})
            for i, fase in enumerate(self.fasen):
                if fase.uren is None and self.uren is None:
                    raise _ontbreekt("uren", MELDINGEN["ontbreekt-fase-uren"].format(fase=i + 1))
        if self.door == "jobcoach":
            for veld in ("uren", "intensiteit", "doel"):
                if veld == "uren" and self.fasen is not None:
                    continue  # elke fase heeft uren (hierboven gecontroleerd)
                if veld == "intensiteit" and self.fasen is not None:
                    continue
                if getattr(self, veld) is None:
                    raise _ontbreekt(veld, MELDINGEN["ontbreekt-jobcoach"])
        elif self.fasen is not None and self.door is None:
            raise _ontbreekt("door", MELDINGEN["ontbreekt-door"])
        elif self.uren is not None and self.intensiteit is None and self.fasen is None:
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
    kader: Tekst | None = Field(
        None, description="Het kader (de route) van de aanvraag, bijvoorbeeld 'uwv-extern', 'uwv-intern' of "
                          "'gemeente'. Leeg: uwv-extern, of het kader dat bij het protocol hoort.")
    verordening: Tekst | None = Field(None, description="Bij kader 'gemeente': de verordening waaronder de aanvraag "
                                                        "valt, met gemeente en jaar.")
    protocol: Tekst | None = Field(
        None, description="Alleen voor een historische casus of de interne jobcoach: id van de protocolversie in de "
                          "regels, bijvoorbeeld 'protocol-2011'. Leeg: een aanvraag van nu.")
    periode: Periode = Field(
        1, description="Welke periode van zes maanden de aanvraag begint: 1 is het eerste halfjaar, 2 of later is een "
                       "verlenging. Bij de interne jobcoach tellen eerdere perioden met een externe jobcoach mee.")
    vorige_uren: Annotated[Uren, Field(le=10000)] | None = Field(
        None, description="Bij een verlenging: de begeleidingsuren van de vorige periode (uit het logboek).",
        json_schema_extra={"grens": "meer dan 10.000 uur is meer dan vijf jaar voltijds"})
    weken_per_maand: Annotated[float, Field(strict=True, ge=4, le=5, allow_inf_nan=False)] | None = Field(
        None, description="Hoeveel weken een maand telt. Leeg: 4, zoals de casus bij de leidraad (6 maanden = 24 "
                          "weken). Bijvoorbeeld 4.33 voor 52 weken in 12 maanden.",
        json_schema_extra={"grens": "een maand heeft 4 tot 5 weken"})
    datum: dt.date | None = Field(None, description="Datum van het advies of de aanvraag, als die bekend is.")
    bron: Tekst | None = Field(None, description="Bron van de casus.")
    contract: Contract
    aanvraag: Regime | None = Field(None, description="De aanvraag: een regime (historisch) of uren.")
    schema_: Annotated[list[SchemaRij], Field(min_length=1, max_length=200)] = Field(
        alias="schema", description="Rijen van het schema begeleidingsbehoefte."
    )
    extra: Annotated[list[Extra], Field(max_length=50)] = Field(
        default_factory=list, description="Vaste uren, bijvoorbeeld voor calamiteiten.")
    advies: Regime | None = Field(None, description="Het advies of de toekenning: een regime (historisch) of uren.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @property
    def schema_rijen(self) -> list[SchemaRij]:
        return self.schema_

    @field_validator("protocol")
    @classmethod
    def _bekend_protocol(cls, waarde: str | None, info: ValidationInfo) -> str | None:
        regels = _regels(info)
        if waarde is not None and waarde not in regels.protocol_ids:
            raise PydanticCustomError(
                "onbekend_protocol",
                MELDINGEN["onbekend_protocol"],
                {"waarde": waarde, "keuzes": ", ".join(regels.protocol_ids)},
            )
        return waarde

    @field_validator("kader")
    @classmethod
    def _bekend_kader(cls, waarde: str | None, info: ValidationInfo) -> str | None:
        regels = _regels(info)
        if waarde is not None and waarde not in regels.kader_ids:
            raise PydanticCustomError(
                "onbekend_kader", MELDINGEN["onbekend_kader"], {"waarde": waarde, "keuzes": ", ".join(regels.kader_ids)})
        return waarde

    @model_validator(mode="after")
    def _samenhang(self, info: ValidationInfo) -> Casus:
        """Kader en protocol passen bij elkaar; verordening, vorige uren en fasen kloppen met de rest."""
        regels = _regels(info)
        if self.kader is not None and self.kader in regels.kader_ids:
            kader = regels.kader(self.kader)
            protocol = regels.protocol(self.protocol) if self.protocol in regels.protocol_ids else None
            if kader.protocol_soort is not None and protocol is None and self.protocol is None:
                raise _ontbreekt("protocol", MELDINGEN["ontbreekt-protocol"].format(kader=kader.id))
            if kader.protocol_soort is not None and protocol is not None and protocol.soort != kader.protocol_soort:
                raise PydanticCustomError("kader_protocol", MELDINGEN["kader-protocol"],
                                          {"kader": kader.id, "protocol": protocol.id, "veld": "protocol"})
            if kader.protocol_soort is None and protocol is not None and (
                    kader.protocol is None or regels.protocol(kader.protocol).soort != protocol.soort):
                raise PydanticCustomError("kader_protocol", MELDINGEN["kader-protocol"],
                                          {"kader": kader.id, "protocol": protocol.id, "veld": "protocol"})
            if kader.verordening and self.verordening is None:
                raise _ontbreekt("verordening", MELDINGEN["ontbreekt-verordening"])
        if self.verordening is not None and (self.kader is None or not regels.kader(self.kader).verordening):
            raise PydanticCustomError("alleen_bij", MELDINGEN["alleen-gemeente"], {"veld": "verordening"})
        if self.vorige_uren is not None and self.periode < 2:
            raise PydanticCustomError("alleen_bij", MELDINGEN["alleen-verlenging"], {"veld": "vorige_uren"})
        weken = self.contractweken(regels)
        for i, rij in enumerate(self.schema_):
            if rij.fasen is None:
                continue
            samen = sum((breuk(f.weken) for f in rij.fasen), Fraction(0))
            if samen > weken:
                raise PydanticCustomError(
                    "fasen_te_lang", MELDINGEN["fasen-te-lang"],
                    {"samen": getal(samen), "weken": getal(weken), "veld": ("schema", i, "fasen")})
        return self

    def weken_per_maand_van(self, regels: Regels) -> Fraction:
        """Hoeveel weken een maand telt in deze casus: de eigen waarde, of die van de regels (4)."""
        if self.weken_per_maand is not None:
            return breuk(self.weken_per_maand)
        return Fraction(regels.rekenregels.weken_per_maand)

    def contractweken(self, regels: Regels) -> Fraction:
        if self.contract.weken is not None:
            return breuk(self.contract.weken)
        assert self.contract.maanden is not None  # afgedwongen door het model
        return breuk(self.contract.maanden) * self.weken_per_maand_van(regels)


def _regels(info: ValidationInfo) -> Regels:
    regels = (info.context or {}).get("regels")
    if not isinstance(regels, Regels):
        raise TypeError("een casus wordt gecontroleerd tegen regels: geef context={'regels': regels}")
    return regels


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
    for veld, keuzes in (("protocol", regels.protocol_ids), ("kader", regels.kader_ids)):
        eigenschap = schema["properties"][veld]
        eigenschap["anyOf"] = [{"type": "string", "enum": keuzes}, {"type": "null"}]
    return schema
