"""De lezer van elk gegevensbestand: YAML met regelnummers, één streng basismodel (``Strikt``) en één
teksttype (``Tekst``), en fouten van het gegevensmodel vertaald naar het Nederlands."""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .fouten import Bestandsfout, Probleem, pad_tekst

try:  # De C-lezer van libyaml is veel sneller; val alleen terug als die er niet is.
    _Lezer = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - hangt af van de installatie van PyYAML
    _Lezer = yaml.SafeLoader

M = TypeVar("M", bound=BaseModel)


class Strikt(BaseModel):
    """Het basismodel van elk gegevensbestand: onbekende velden zijn een fout, een ingelezen waarde verandert niet."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# Het teksttype van elk gegevensbestand: echte tekst (geen getal of ja/nee), niet leeg.
Tekst = Annotated[str, Field(strict=True, min_length=1)]

Pad = tuple[str | int, ...]


def toon_pad(pad: Path) -> str:
    """Een bestandsnaam zoals de gebruiker hem kent: relatief aan de werkmap waar dat kan."""
    try:
        relatief = os.path.relpath(pad)
    except ValueError:  # pragma: no cover - ander station op Windows
        return str(pad)
    return str(Path(pad).resolve()) if relatief.startswith("..") else relatief


class YamlDocument:
    """Een ingelezen YAML-bestand: de gegevens plus de plaats (regel) van elk veld."""

    def __init__(self, bestand: str, gegevens: Any, knoop: yaml.Node | None, problemen: list[Probleem] | None = None):
        self.bestand = bestand
        self.gegevens = gegevens
        self._knoop = knoop
        # Problemen die al bij het lezen zijn gevonden (dubbele sleutels); ze komen bij de rest.
        self.problemen = list(problemen or [])

    def regel(self, pad: Pad) -> int | None:
        """Het regelnummer (vanaf 1) van het veld op ``pad``, of van het dichtstbijzijnde veld erboven."""
        knoop = self._knoop
        if knoop is None:
            return None
        beste = knoop.start_mark.line + 1
        for deel in pad:
            volgende = None
            if isinstance(knoop, yaml.MappingNode) and isinstance(deel, str):
                for sleutel, waarde in knoop.value:
                    if isinstance(sleutel, yaml.ScalarNode) and sleutel.value == deel:
                        volgende = waarde
                        beste = sleutel.start_mark.line + 1
                        break
            elif isinstance(knoop, yaml.SequenceNode) and isinstance(deel, int):
                if 0 <= deel < len(knoop.value):
                    volgende = knoop.value[deel]
                    beste = volgende.start_mark.line + 1
            if volgende is None:
                break
            knoop = volgende
        return beste

    def sleutels(self, pad: Pad) -> list[str]:
        """De sleutels die in het bestand staan op de mapping op ``pad``."""
        gegevens = self.gegevens
        for deel in pad:
            try:
                gegevens = gegevens[deel]
            except (KeyError, IndexError, TypeError):
                return []
        return [str(k) for k in gegevens] if isinstance(gegevens, dict) else []


def lees_yaml(pad: Path, tekst: str | None = None) -> YamlDocument:
    """Lees een YAML-bestand. Gooit ``Bestandsfout`` bij een onleesbaar bestand of ongeldige YAML."""
    bestand = toon_pad(pad)
    if tekst is None:
        if not pad.exists():
            raise Bestandsfout([Probleem(bestand, "", "bestand bestaat niet")])
        if pad.is_dir():
            raise Bestandsfout([Probleem(bestand, "", "dit is een map, geen bestand")])
        try:
            tekst = pad.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise Bestandsfout([Probleem(bestand, "", "bestand is geen UTF-8-tekst")]) from None
        except OSError as fout:
            raise Bestandsfout([Probleem(bestand, "", f"bestand kan niet worden gelezen ({fout.strerror})")]) from None
    lezer = _Lezer(tekst)
    try:
        knoop = lezer.get_single_node()
        problemen = _dubbele_sleutels(bestand, knoop)
        try:
            gegevens = lezer.construct_document(knoop) if knoop is not None else None
        except ValueError as fout:  # bijvoorbeeld een datum die niet bestaat: 2011-02-30
            raise Bestandsfout([_onmogelijke_waarde(bestand, knoop, fout)]) from None
    except yaml.MarkedYAMLError as fout:
        mark = fout.problem_mark or fout.context_mark
        regel = mark.line + 1 if mark is not None else None
        uitleg = _yaml_uitleg(fout)
        if mark is not None and _teken(tekst, mark.line, mark.column) == "\t":
            uitleg = "tab gevonden; spring in met spaties"
        raise Bestandsfout([Probleem(bestand, "", f"ongeldige YAML: {uitleg}", regel)]) from None
    except yaml.YAMLError as fout:
        raise Bestandsfout([Probleem(bestand, "", f"ongeldige YAML: {fout}")]) from None
    finally:
        lezer.dispose()
    return YamlDocument(bestand, gegevens, knoop, problemen)


# Veelvoorkomende meldingen van libyaml, in gewone taal.
_YAML_MELDINGEN = {
    "did not find expected key": "verwachtte hier een nieuwe sleutel; klopt het inspringen?",
    "mapping values are not allowed here": (
        "hier mag geen 'sleutel: waarde' staan; klopt het inspringen, of staat er een ':' in tekst "
        "zonder aanhalingstekens?"
    ),
    "found character '\\t' that cannot start any token": "tab gevonden; spring in met spaties",
    "found character '\t' that cannot start any token": "tab gevonden; spring in met spaties",
    "found a tab character": "tab gevonden; spring in met spaties",
    "did not find expected ',' or ']'": "een lijst tussen [ en ] is niet goed afgesloten",
    "did not find expected ',' or '}'": "een groep tussen { en } is niet goed afgesloten",
    "found unexpected end of stream": "het bestand houdt midden in een tekst op; ontbreekt een aanhalingsteken?",
    "could not find expected ':'": "na een sleutel hoort een ':'",
    "did not find expected '-' indicator": "verwachtte een nieuw lijstitem ('- '); klopt het inspringen?",
    "found undefined alias": "verwijzing (*naam) naar iets dat niet bestaat",
    "found unknown escape character": "onbekend teken na een '\\' in tekst tussen dubbele aanhalingstekens",
}


def _teken(tekst: str, regel: int, kolom: int) -> str:
    regels = tekst.splitlines()
    if 0 <= regel < len(regels) and 0 <= kolom < len(regels[regel]):
        return regels[regel][kolom]
    return ""


def _yaml_uitleg(fout: yaml.MarkedYAMLError) -> str:
    origineel = fout.problem or fout.context or "onbekende fout"
    for engels, nederlands in _YAML_MELDINGEN.items():
        if origineel.startswith(engels):
            return nederlands
    if origineel.startswith("expected <block end>"):
        return "het inspringen klopt niet"
    return f"het bestand kan niet worden gelezen ({origineel})"


def _onmogelijke_waarde(bestand: str, knoop: yaml.Node, fout: ValueError) -> Probleem:
    """Zoek de waarde die PyYAML niet kon omzetten (in de praktijk: een datum die niet bestaat)."""
    te_doen: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(knoop, ())]
    while te_doen:
        huidige, pad = te_doen.pop(0)
        if isinstance(huidige, yaml.MappingNode):
            te_doen += [(w, pad + (str(s.value),)) for s, w in huidige.value if isinstance(s, yaml.ScalarNode)]
        elif isinstance(huidige, yaml.SequenceNode):
            te_doen += [(w, pad + (i,)) for i, w in enumerate(huidige.value)]
        elif huidige.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(huidige)
            except ValueError:
                return Probleem(bestand, pad_tekst(pad), f"datum bestaat niet (gevonden: '{huidige.value}')",
                                huidige.start_mark.line + 1)
    return Probleem(bestand, "", f"ongeldige waarde ({fout})")


def _dubbele_sleutels(bestand: str, knoop: yaml.Node | None) -> list[Probleem]:
    """PyYAML houdt bij een dubbele sleutel stil alleen de laatste over: dat melden we."""
    problemen: list[Probleem] = []
    if knoop is None:
        return problemen
    te_doen: list[yaml.Node] = [knoop]
    while te_doen:
        huidige = te_doen.pop()
        if isinstance(huidige, yaml.MappingNode):
            gezien: dict[str, int] = {}
            for sleutel, waarde in huidige.value:
                if isinstance(sleutel, yaml.ScalarNode):
                    regel = sleutel.start_mark.line + 1
                    if sleutel.value in gezien:
                        problemen.append(
                            Probleem(
                                bestand,
                                sleutel.value,
                                f"sleutel staat twee keer in dezelfde groep (eerder op regel {gezien[sleutel.value]})",
                                regel,
                            )
                        )
                    else:
                        gezien[sleutel.value] = regel
                te_doen.append(waarde)
        elif isinstance(huidige, yaml.SequenceNode):
            te_doen.extend(huidige.value)
    return sorted(problemen, key=lambda p: p.regel or 0)


def valideer(document: YamlDocument, model: type[M], context: dict[str, Any] | None = None) -> M:
    """Controleer de gegevens tegen het model; gooi ``Bestandsfout`` met een Nederlandse melding per probleem."""
    if document.gegevens is None:
        raise Bestandsfout(document.problemen + [Probleem(document.bestand, "", "bestand is leeg")])
    if not isinstance(document.gegevens, dict):
        raise Bestandsfout(
            [Probleem(document.bestand, "", "het bestand moet bestaan uit velden met een naam (sleutel: waarde)", 1)]
        )
    problemen = list(document.problemen)
    resultaat = None
    try:
        resultaat = model.model_validate(document.gegevens, context=context)
    except ValidationError as fout:
        problemen += [_vertaal(document, model, e) for e in fout.errors(include_url=False)]
    if problemen:
        problemen.sort(key=lambda p: (p.regel or 0, p.pad))
        raise Bestandsfout(problemen)
    return resultaat


def laad_yaml_model(pad: Path, model: type[M], context: dict[str, Any] | None = None) -> M:
    return valideer(lees_yaml(pad), model, context)


def _waarde(invoer: Any) -> str:
    if isinstance(invoer, (dict, list)):
        return "een " + ("groep velden" if isinstance(invoer, dict) else "lijst")
    if invoer is None:
        return "leeg"
    if isinstance(invoer, bool):
        return "ja" if invoer else "nee"
    return repr(invoer) if isinstance(invoer, str) else str(invoer)


def _getal(x: Any) -> str:
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x).replace(".", ",")


# Fouttypen uit ons eigen model: hun tekst is al Nederlands en compleet.
EIGEN_FOUTEN = {"ontbreekt", "dubbel", "onbekend_protocol"}


def _vertaal(document: YamlDocument, model: type[BaseModel], fout: dict[str, Any]) -> Probleem:
    loc: Pad = tuple(fout["loc"])
    soort = fout["type"]
    ctx = fout.get("ctx") or {}
    invoer = fout.get("input")
    extra_veld = ctx.get("veld")
    if extra_veld:
        loc = loc + (extra_veld,)
    gevonden = f" (gevonden: {_waarde(invoer)})"
    if soort == "missing":
        melding = "verplicht veld ontbreekt"
        bestaand = document.sleutels(loc[:-1])
        bekende = _velden(model, loc[:-1])
        vergissing = [k for k in bestaand if k not in bekende and difflib.get_close_matches(k, [str(loc[-1])], n=1)]
        if vergissing:
            melding += f"; staat er een tikfout in '{vergissing[0]}'?"
        regel = document.regel(loc[:-1])
    elif soort == "extra_forbidden":
        bekende = _velden(model, loc[:-1])
        melding = "onbekend veld"
        suggestie = difflib.get_close_matches(str(loc[-1]), bekende, n=1)
        if suggestie:
            melding += f"; bedoelt u '{suggestie[0]}'?"
        elif bekende:
            melding += f"; toegestaan zijn: {', '.join(bekende)}"
        regel = document.regel(loc)
    elif soort in EIGEN_FOUTEN:
        regel = document.regel(loc) if soort != "ontbreekt" else document.regel(loc[:-1])
        melding = fout.get("msg", "")
    else:
        regel = document.regel(loc)
        melding = _melding(soort, ctx, fout.get("msg", ""))
        if soort not in {"too_short", "string_too_short"}:
            melding += gevonden
    return Probleem(document.bestand, pad_tekst(loc), melding, regel)


def _melding(soort: str, ctx: dict[str, Any], origineel: str) -> str:
    if soort in {"float_type", "float_parsing", "finite_number"}:
        return "moet een getal zijn"
    if soort in {"int_type", "int_parsing", "int_from_float"}:
        return "moet een geheel getal zijn"
    if soort in {"string_type"}:
        return "moet tekst zijn"
    if soort in {"bool_type", "bool_parsing"}:
        return "moet ja (true) of nee (false) zijn"
    if soort in {"list_type"}:
        return "moet een lijst zijn"
    if soort in {"dict_type", "model_type", "model_attributes_type"}:
        return "moet een groep velden zijn (sleutel: waarde)"
    if soort in {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}:
        return "moet een datum zijn zoals 2011-11-08"
    if soort == "greater_than_equal":
        return f"moet {_getal(ctx['ge'])} of meer zijn"
    if soort == "greater_than":
        return f"moet meer dan {_getal(ctx['gt'])} zijn"
    if soort == "less_than_equal":
        return f"mag niet meer dan {_getal(ctx['le'])} zijn"
    if soort == "less_than":
        return f"moet minder dan {_getal(ctx['lt'])} zijn"
    if soort == "literal_error":
        keuzes = ctx.get("expected", "").replace("' or '", "', '")
        return f"onbekende waarde; kies uit {keuzes}"
    if soort in {"too_short"}:
        return "mag niet leeg zijn" if ctx.get("min_length") == 1 else f"moet minstens {ctx.get('min_length')} items hebben"
    if soort == "string_too_short":
        return "mag niet leeg zijn"
    if soort == "string_pattern_mismatch":
        return "heeft niet de juiste vorm (alleen kleine letters, cijfers en '-')"
    if soort == "value_error":
        return str(ctx.get("error", origineel)).removeprefix("Value error, ")
    # Eigen fouten (PydanticCustomError) hebben al een Nederlandse tekst.
    return origineel


def _velden(model: type[BaseModel], loc: Pad) -> list[str]:
    """De veldnamen van het (deel)model op ``loc``."""
    huidig: Any = model
    for deel in loc:
        if isinstance(deel, int):
            continue
        veld = _veld(huidig, str(deel))
        if veld is None:
            return []
        huidig = _binnenste_model(veld.annotation)
        if huidig is None:
            return []
    return [v.alias or naam for naam, v in getattr(huidig, "model_fields", {}).items()]


def _veld(model: Any, naam: str) -> Any:
    for veldnaam, veld in getattr(model, "model_fields", {}).items():
        if (veld.alias or veldnaam) == naam:
            return veld
    return None


def _binnenste_model(annotatie: Any) -> type[BaseModel] | None:
    if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        return annotatie
    for arg in getattr(annotatie, "__args__", ()) or ():
        gevonden = _binnenste_model(arg)
        if gevonden is not None:
            return gevonden
    return None
