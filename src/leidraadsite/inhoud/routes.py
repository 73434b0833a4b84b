"""De routekeuze: langs welke weg iemand nu een jobcoach krijgt, wie de aanvraag doet en wat erbij hoort.

De routes staan als data in ``data/routes.yml``, met bron, datum van de bron en zekerheid. De startpagina
toont ze kort als stappenplan (route, rekenhulp, sjabloon, aanvraag); *Wat geldt nu* toont hetzelfde
stappenplan en daaronder elke route met haar bron. Alle tekst uit het bestand is tekst: haken, sterretjes en
tekens van HTML en Markdown worden tekst (``leidraadsite.inhoud.tekst.md_tekst``), zodat geen bijdrage opmaak of een link wordt.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator

from jobcoach.fouten import Bestandsfout, Probleem, pad_tekst
from jobcoach.lezer import Strikt, Tekst, geen_dubbele, lees_yaml, valideer

from leidraadsite.inhoud.rollen import relatief
from leidraadsite.inhoud.tekst import md_tekst

ROUTES_PAD = Path(__file__).parents[1] / "data" / "routes.yml"
REKENHULP = "rekenhulp.md"

Id = Annotated[str, Field(strict=True, pattern=r"^[a-z0-9][a-z0-9-]*$")]
Paginapad = Annotated[str, Field(strict=True, pattern=r"^[a-z0-9][a-z0-9/_-]*\.md(#[a-z0-9-]+)?$")]
Url = Annotated[str, Field(strict=True, pattern=r"^https?://[^\s<>\"'()\[\]]+$")]

ZEKERHEID_TEKST = {"zeker": "**Zeker.**", "vrij zeker": "**Vrij zeker.**", "onzeker": "*Onzeker.*"}


class Bron(Strikt):
    titel: Tekst
    url: Url
    datum: Tekst = Field(description="Datum van de bron, of 'zonder datum, gelezen in <maand jaar>'.")


class Route(Strikt):
    id: Id
    naam: Tekst
    kort: Tekst = Field(description="Eén regel voor de startpagina: wie vraagt aan, en waar.")
    wanneer: Tekst
    wie: Tekst
    meesturen: Tekst
    sjabloon: Paginapad
    meer: Paginapad
    zekerheid: Literal["zeker", "vrij zeker", "onzeker"]
    bron: Bron


class Routes(Strikt):
    gecontroleerd: dt.date
    routes: Annotated[list[Route], Field(min_length=1)]

    @field_validator("routes")
    @classmethod
    def _uniek(cls, waarde: list[Route]) -> list[Route]:
        geen_dubbele([r.id for r in waarde], "route-id komt meer dan eens voor")
        return waarde


def laad_routes(pad: Path = ROUTES_PAD, docs: Path | None = None) -> Routes:
    """Lees de routes; met ``docs`` ook of elke genoemde pagina bestaat. Fouten: bestand, regel en veld."""
    document = lees_yaml(Path(pad))
    routes = valideer(document, Routes)
    if docs is not None:
        problemen = []
        for i, route in enumerate(routes.routes):
            for veld in ("sjabloon", "meer"):
                pagina = getattr(route, veld).partition("#")[0]
                if not (Path(docs) / pagina).is_file():
                    loc = ("routes", i, veld)
                    problemen.append(Probleem(document.bestand, pad_tekst(loc),
                                              f"pagina '{pagina}' bestaat niet in {Path(docs).name}/",
                                              document.regel(loc)))
        if problemen:
            raise Bestandsfout(problemen)
    return routes


def _datum(datum: dt.date) -> str:
    from leidraadsite.inhoud.paginas import datum_tekst

    return f'<time datetime="{datum.isoformat()}">{datum_tekst(datum)}</time>'


def route_anker(route_id: str) -> str:
    return f"route-{route_id}"


def routekeuze_markdown(routes: Routes, van: str, titels: dict[str, str]) -> str:
    """Het stappenplan: kies de route (met wie aanvraagt), reken de uren uit, vul het sjabloon in, lever in.

    ``van`` is de pagina waarop het staat (voor relatieve links); ``titels`` geeft de titel van elk sjabloon.
    Op *Wat geldt nu* leidt een route naar haar eigen blok op die pagina, elders naar *Wat geldt nu*.
    """
    nu = "wat-geldt-nu.md"
    items = []
    for r in routes.routes:
        doel = f"#{route_anker(r.id)}" if van == nu else relatief(van, f"{nu}#{route_anker(r.id)}")
        items.append(f"    - [{md_tekst(r.naam)}]({doel}): {md_tekst(r.kort)}")
    sjablonen = []
    for pad in dict.fromkeys(r.sjabloon for r in routes.routes):
        sjablonen.append(f"[{md_tekst(titels.get(pad, pad))}]({relatief(van, pad)})")
    regels = [
        '<div class="routekeuze" markdown>',
        "",
        "1.  **Kies de route.** Wie vraagt aan, en waar?",
        "",
        *items,
        "",
        f"2.  **Reken de uren uit** in de [Rekenhulp]({relatief(van, REKENHULP)}).",
        "3.  **Vul het sjabloon in:** " + " of ".join(sjablonen) + ".",
        "4.  **Geef het aan wie de aanvraag doet** (stap 1).",
        "",
        f"Gecontroleerd op {_datum(routes.gecontroleerd)}. Bronnen en hoe zeker het is: "
        + (f"[hieronder](#{route_anker(routes.routes[0].id)})." if van == nu
           else f"[Wat geldt nu]({relatief(van, nu + '#routes')})."),
        "{: .routekeuze__stand }",
        "",
        "</div>",
    ]
    return "\n".join(regels)


def routes_markdown(routes: Routes, van: str, titels: dict[str, str]) -> str:
    """Elke route met wanneer, wie aanvraagt, wat erbij hoort, het sjabloon, de bron en de zekerheid."""
    delen = []
    for r in routes.routes:
        bron = (f"Bron: [{md_tekst(r.bron.titel)}]({r.bron.url}), {md_tekst(r.bron.datum)}. "
                f"{ZEKERHEID_TEKST[r.zekerheid]}")
        delen.append("\n\n".join([
            f"### {md_tekst(r.naam)} {{ #{route_anker(r.id)} }}",
            f"**Wanneer:** {md_tekst(r.wanneer)}",
            f"**Wie vraagt aan:** {md_tekst(r.wie)}",
            f"**Wat hoort erbij:** {md_tekst(r.meesturen)}",
            f"**Daarna:** [Rekenhulp]({relatief(van, REKENHULP)}), dan het sjabloon "
            f"[{md_tekst(titels.get(r.sjabloon, r.sjabloon))}]({relatief(van, r.sjabloon)}). "
            f"[Meer hierover]({_link(van, r.meer)}).",
            bron,
        ]))
    return "\n\n".join(delen)


def _link(van: str, naar: str) -> str:
    """Een link naar ``naar``; op dezelfde pagina alleen het anker."""
    pad, _, anker = naar.partition("#")
    return f"#{anker}" if pad == van and anker else relatief(van, naar)
