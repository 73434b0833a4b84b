"""Getranscribeerde bronnen: welke bron bij welke pagina hoort en wat we hebben hersteld.

De site neemt drie bronnen woordelijk over (CC BY 4.0). Wat we daarbij hebben veranderd, staat
als data in ``data/transcripties.yml``: herstelde scanfouten (``herstellingen``) en tekst van de
bronsite die geen inhoud is (``weggelaten``), elk met een reden. De test van de site legt elke
alinea van de bron, na ``verwachte_alineas``, naast de tekst van de gebouwde pagina.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Annotated

from pydantic import Field

from jobcoach.html import HtmlCel, Kolommen
from jobcoach.lezer import Strikt, laad_yaml_model

TRANSCRIPTIES_PAD = Path(__file__).parents[1] / "data" / "transcripties.yml"

Tekst = Annotated[str, Field(strict=True, min_length=1)]


class Herstelling(Strikt):
    van: Tekst = Field(description="Zoals het in de bron staat (witruimte telt als één spatie).")
    naar: str = Field(description="Zoals het op de site staat. Een witregel (twee regeleinden) splitst de alinea.")
    reden: Tekst


class Weglating(Strikt):
    tekst: Tekst = Field(description="De hele alinea zoals die in de bron staat.")
    reden: Tekst


class Transcriptie(Strikt):
    id: Annotated[str, Field(strict=True, pattern=r"^[a-z0-9][a-z0-9-]*$")]
    titel: Tekst
    akc: Annotated[int, Field(strict=True, gt=0)]
    bronbestand: Tekst = Field(description="Pad van de letterlijke brontekst, vanaf de hoofdmap van het project.")
    pagina: Tekst = Field(description="Pad van de pagina onder docs/.")
    herstellingen: list[Herstelling] = []
    weggelaten: list[Weglating] = []


class Transcripties(Strikt):
    transcripties: list[Transcriptie]


@lru_cache(maxsize=4)
def laad_transcripties(pad: Path = TRANSCRIPTIES_PAD) -> Transcripties:
    return laad_yaml_model(Path(pad), Transcripties, verwijzingen=True)  # het bestand gebruikt &bronsite


_OPSOMMING = re.compile(r"^(?:[•\-*]\s*|\d+\.\s+)")


def normaliseer(tekst: str) -> str:
    """Witruimte samenvoegen tot één spatie; een opsommingsteken of nummer vooraan weghalen."""
    tekst = re.sub(r"\s+", " ", tekst).strip()
    return _OPSOMMING.sub("", tekst).strip()


def alineas(brontekst: str) -> list[str]:
    """De alinea's van een brontekst (gescheiden door lege regels), genormaliseerd."""
    return [a for a in (normaliseer(x) for x in re.split(r"\n\s*\n", brontekst)) if a]


def verwachte_alineas(brontekst: str, transcriptie: Transcriptie) -> list[str]:
    """De alinea's die op de pagina moeten staan: zonder weggelaten tekst, met de herstellingen.

    Een herstelling of weglating die nergens past, geeft een ``ValueError``: de lijst moet
    kloppen met de bron.
    """
    weg = {normaliseer(w.tekst) for w in transcriptie.weggelaten}
    gebruikt_weg: set[str] = set()
    gebruikt_herstel: set[int] = set()
    uit = []
    for alinea in alineas(brontekst):
        if alinea in weg:
            gebruikt_weg.add(alinea)
            continue
        for i, h in enumerate(transcriptie.herstellingen):
            if h.van in alinea:
                alinea = alinea.replace(h.van, h.naar)
                gebruikt_herstel.add(i)
        # Een herstelling met een witregel in 'naar' splitst een alinea (titel en kop op één blok).
        uit += [normaliseer(deel) for deel in alinea.split("\n\n") if normaliseer(deel)]
    ongebruikt = [h.van for i, h in enumerate(transcriptie.herstellingen) if i not in gebruikt_herstel]
    ongebruikt += sorted(weg - gebruikt_weg)
    if ongebruikt:
        raise ValueError(f"{transcriptie.id}: staat niet in de bron: {ongebruikt}")
    return uit


def herstellingen_html(transcripties: Transcripties) -> str:
    """Per getranscribeerde tekst een tabel met de herstellingen en weglatingen, elk met de reden."""
    tabellen = []
    for t in transcripties.transcripties:
        rijen = [("hersteld", h.van, h.naar or "(weggehaald)", h.reden) for h in t.herstellingen]
        for w in t.weggelaten:
            kort = w.tekst if len(w.tekst) <= 60 else w.tekst[:57].rstrip() + "…"
            rijen.append(("weggelaten", kort, "", w.reden))
        koppen = [HtmlCel(naam, True, (("scope", "col"),)) for naam in ("Soort", "In de bron", "Op de site", "Reden")]
        kolommen = Kolommen(koppen)  # labels en rollen (jobcoach.html)
        delen = [
            kolommen.tabel(),
            f"<caption>{escape(t.titel)} (AKC, pagina {t.akc})</caption>",
            kolommen.groep("thead") + kolommen.rij(koppen, "thead") + "</thead>" + kolommen.groep("tbody"),
        ]
        for soort, van, naar, reden in rijen:
            naar_html = "<br>".join(escape(deel) for deel in naar.split("\n\n"))
            delen.append(kolommen.rij([HtmlCel(soort), HtmlCel(escape(van), kenmerken=(("class", "letterlijk"),)),
                                       HtmlCel(naar_html), HtmlCel(escape(reden))]))
        delen += ["</tbody>", "</table>"]
        tabellen.append("\n".join(delen))
    return "\n\n".join(tabellen)
