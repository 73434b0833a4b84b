"""De weergave voor de browser: de regels, het gegevensmodel en de teksten als JSON, voor de rekenhulp.

De rekenhulp (``docs/javascripts/rekenhulp.js``) rekent in de browser. Hij krijgt zijn regels
niet uit eigen code, maar uit dit bestand: bij elke bouw van de site zet de macro
``rekenhulp_regels()`` de uitvoer van :func:`rekenhulp_gegevens` als JSON in de pagina. Zo
gebruiken de site en de rekenhulp dezelfde regels (weken per maand, coachingsdoelen,
protocolversies met maxima en standaardsituatie) en dezelfde keuzes en grenzen van de velden
(uit het model ``Casus``). De pagina werkt daardoor ook offline en vanaf ``file://``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, BeforeValidator
from pydantic.fields import FieldInfo

from .berekening import ELKE_N_WEKEN
from .casus import Casus
from .controles import BRON_VERVALLEN
from .fouten import _NAMEN as TEKENNAMEN
from .fouten import VERBODEN_IN_TEKST
from .lezer import MAX_BYTES, MAX_CIJFERS, MAX_DIEPTE, MAX_GETOOND, STUURTEKEN_IN_BESTAND
from .regels import Kader, Protocol, Regels
from .tabeldata import bekende_regels
from .teksten import TEKSTEN
from .uitkomst import MAANDEN_PER_JAAR, PERIODEN_PER_JAAR

ELEMENT_ID = "rekenhulp-regels"
# Teksten die de rekenhulp nooit toont (de tabel met protocolversies; meldingen die alleen de lezer van bestanden geeft).
_NIET_IN_DE_BROWSER = {"tabellen": {"protocollen"}, "meldingen": {"tikfout", "bedoelt_u", "vorm", "lt"}}


def _js_patroon(patroon: str) -> str:
    r"""Een Python-patroon als JavaScript-patroon met vlag u: \U0001fffe wordt \u{1fffe}."""
    return re.sub(r"\\U([0-9a-fA-F]{8})", lambda m: "\\u{" + m.group(1).lstrip("0") + "}", patroon)


def _datum(datum: dt.date | None) -> str | None:
    return datum.isoformat() if datum else None


def _protocol(protocol: Protocol, regels: Regels) -> dict[str, Any]:
    standaard = protocol.standaard
    grenzen = protocol.grenzen
    return {
        "id": protocol.id,
        "naam": protocol.naam,
        "label": protocol.label,  # zo noemen de bevindingen dit protocol: 'de regels van juli 2011'
        "bron_kort": protocol.bron_kort or protocol.bron,  # de bron in de bevindingen (de lange bron toont de rekenhulp niet)
        "bron_einde": protocol.bron_einde,
        "soort": protocol.soort,
        "geldig_van": _datum(protocol.geldig_van),
        "geldig_tot": _datum(regels.einde(protocol)),  # de laatste geldige dag; None als die niet bekend is
        "geldend": protocol.geldig_tot == "geldend",  # een bron zegt dat de versie nu geldt
        "maximum": protocol.maximum,
        "normaal_max": grenzen.normaal_max if grenzen else None,
        "max_met_onderbouwing": grenzen.max_met_onderbouwing if grenzen else None,
        "max_per_jaar": protocol.max_per_jaar,  # interne jobcoach: jaar 1, 2, 3
        "standaard": standaard.model_dump() if standaard else None,
        "periode_maanden": protocol.periode_maanden,
        "max_jaren": protocol.max_jaren,
        "bekend": bekende_regels(protocol),  # dezelfde tekst als in de tabel met protocolversies
    }


# Wat de rekenhulp van een kader gebruikt (de toelichting en de lange bron staan op de pagina's, niet in het script).
_KADER_VELDEN = ("id", "naam", "soort", "geldig_van", "protocol", "protocol_soort", "verordening")


def _kader(kader: Kader) -> dict[str, Any]:
    return {**kader.model_dump(mode="json", include=set(_KADER_VELDEN)), "label": kader.label,
            "bron_kort": kader.bron_kort or kader.bron}


def _veld(annotatie: Any, metadata: list[Any]) -> dict[str, Any]:
    """Beschrijf één veld: soort, of het leeg mag zijn, en de grenzen uit het model."""
    oorsprong = get_origin(annotatie)
    if oorsprong is Annotated:
        basis, *extra = get_args(annotatie)
        meta = list(metadata)
        for e in extra:
            meta += e.metadata if isinstance(e, FieldInfo) else [e]
        return _veld(basis, meta)
    if oorsprong in (Union, types.UnionType):
        delen = [a for a in get_args(annotatie) if a is not type(None)]
        if len(delen) != 1:
            raise TypeError(f"rekenhulp kent dit veldtype niet: {annotatie}")
        return {**_veld(delen[0], metadata), "leeg": True}

    spec: dict[str, Any]
    if oorsprong is Literal:
        spec = {"soort": "keuze", "keuzes": list(get_args(annotatie))}
    elif oorsprong is list:
        (item,) = get_args(annotatie)
        spec = {"soort": "lijst", "item": _veld(item, [])}
    elif isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        spec = {"soort": "model", "model": annotatie.__name__}
    else:
        soorten = {str: "tekst", float: "getal", int: "geheel", bool: "janee", dt.date: "datum"}
        if annotatie not in soorten:
            raise TypeError(f"rekenhulp kent dit veldtype niet: {annotatie}")
        spec = {"soort": soorten[annotatie]}
    for m in metadata:
        if isinstance(m, annotated_types.Ge):
            spec["ge"] = m.ge
        elif isinstance(m, annotated_types.Gt):
            spec["gt"] = m.gt
        elif isinstance(m, annotated_types.Le):
            spec["le"] = m.le
        elif isinstance(m, annotated_types.MinLen):
            spec["min_lengte"] = m.min_length
        elif isinstance(m, annotated_types.MaxLen):
            spec["max_lengte"] = m.max_length
        elif isinstance(m, BeforeValidator):
            spec["tekst_wordt_lijst"] = True  # ``_als_lijst``: één tekst wordt een lijst van één
    return spec


def modellen(model: type[BaseModel] = Casus) -> dict[str, list[dict[str, Any]]]:
    """Alle (deel)modellen van een casus met hun velden, in de volgorde van het model."""
    uitkomst: dict[str, list[dict[str, Any]]] = {}
    te_doen = [model]
    while te_doen:
        huidig = te_doen.pop(0)
        if huidig.__name__ in uitkomst:
            continue
        velden = []
        for naam, veld in huidig.model_fields.items():
            spec = {"naam": veld.alias or naam, **_veld(veld.annotation, list(veld.metadata))}
            spec["verplicht"] = veld.is_required()
            if not veld.is_required() and type(veld.default) in (int, float, str) and not isinstance(veld.default, bool):
                spec["standaard"] = veld.default  # zoals periode: 1 (de rekenhulp vult hem zo in als hij ontbreekt)
            extra = veld.json_schema_extra
            if isinstance(extra, dict) and "grens" in extra:
                spec["grens"] = extra["grens"]  # waarom de bovengrens er is, voor de melding
            velden.append(spec)
            for deel in (spec, spec.get("item") or {}):
                if deel.get("soort") == "model":
                    te_doen.append(_model_klasse(huidig, deel["model"]))
        uitkomst[huidig.__name__] = velden
    return uitkomst


def _model_klasse(model: type[BaseModel], naam: str) -> type[BaseModel]:
    return getattr(sys.modules[model.__module__], naam)


def rekenhulp_gegevens(regels: Regels) -> dict[str, Any]:
    """Alles wat de rekenhulp nodig heeft om precies zo te rekenen en te controleren als de site."""
    return {
        "weken_per_maand": regels.rekenregels.weken_per_maand,  # standaard; een casus kan een eigen aantal noemen
        "periode_maanden": regels.rekenregels.periode_maanden,  # een periode (1, 2, …) duurt zoveel maanden
        "perioden_per_jaar": PERIODEN_PER_JAAR,  # voor de jaren van de interne jobcoach
        "maanden_per_jaar": MAANDEN_PER_JAAR,
        "elke_n_weken": ELKE_N_WEKEN,  # wekelijks 1, tweewekelijks 2; maandelijks: de weken per maand
        "bron_vervallen": BRON_VERVALLEN,
        # Tekens die geen tekst mogen zijn (stuur-, richting- en onzichtbare tekens), als JavaScript-patroon (vlag u),
        # en de namen die de melding noemt ('U+000B (\x0b, verticale tab)').
        "verboden_in_tekst": _js_patroon(VERBODEN_IN_TEKST.pattern),
        "tekennamen": {f"{code:04X}": naam for code, naam in TEKENNAMEN.items()},
        "max_getoond": MAX_GETOOND,  # een langere waarde wordt in een melding ingekort (lezer._waarde)
        "coachingsdoelen": {str(d): naam for d, naam in sorted(regels.coachingsdoelen.items())},
        "protocollen": [_protocol(p, regels) for p in regels.protocollen],
        # Zonder kader en zonder protocol: dit kader (een aanvraag van nu).
        "standaard_kader": "uwv-extern",
        "kaders": [_kader(k) for k in regels.kaders],
        "einde_protocollen": _datum(regels.einde_protocollen()),
        "aannemelijk": regels.aannemelijk.model_dump(),
        # Van de lezer: een casusbestand is klein; de stuurtekens die nergens mogen; een getal met meer cijfers dan
        # max_cijfers noemt de melding 'geen getal dat iemand bedoelt', en Python leest geen geheel getal met meer dan
        # max_int_cijfers cijfers (sys.get_int_max_str_digits), dus de rekenhulp ook niet.
        "grenzen": {"max_bytes": MAX_BYTES, "max_diepte": MAX_DIEPTE, "max_cijfers": MAX_CIJFERS,
                    "max_int_cijfers": sys.get_int_max_str_digits(),
                    "stuurteken_in_bestand": _js_patroon(STUURTEKEN_IN_BESTAND.pattern)},
        "teksten": TEKSTEN.model_dump(exclude_none=True, exclude=_NIET_IN_DE_BROWSER),
        "modellen": modellen(Casus),
    }


def rekenhulp_json(regels: Regels, uitgave: dict[str, str] | None = None) -> str:
    """De gegevens als JSON die veilig in een ``<script>``-blok staat (geen ``</script>`` mogelijk).

    ``uitgave`` is wat de site over zichzelf zegt (naam, editie); het domein kent de site niet.
    """
    gegevens = rekenhulp_gegevens(regels) | ({"uitgave": uitgave} if uitgave else {})
    tekst = json.dumps(gegevens, ensure_ascii=False, separators=(",", ":"))
    return tekst.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
