"""De tabellen uit het onderzoek van Regioplan (2014) naar jobcoaches in de SW-sector.

Elke tabel staat als data in ``data/regioplan/tabel-*.yml``. De bron is een gescande tekst (OCR);
daarin zijn cijfers soms beschadigd. Het model hieronder vangt dat zo veel mogelijk af:

- elke rij heeft precies één waarde per kolom (zie ``problemen_in``);
- een waarde die we niet kunnen lezen is ``null`` en heeft een opmerking die zegt waarom;
- een waarde die we hebben hersteld of afgeleid heeft een opmerking met de reden;
- bij een blok met elkaar uitsluitende antwoorden (``som_100``) telt elke kolom op tot ongeveer
  100%; de marge is de afronding (een halve procent per rij). Een grotere afwijking wijst op een
  scanfout en laat de bouw stoppen.

Dit bestand maakt van een tabel ook een toegankelijke HTML-tabel en een eenvoudig staafdiagram
(SVG, met tekstalternatief). Alle tekst uit de data wordt ge-escaped.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from jobcoach.fouten import Bestandsfout, Probleem, pad_tekst
from jobcoach.html import HtmlCel, Kolommen
from jobcoach.opmaak import getal
from jobcoach.lezer import Strikt, laad_yaml_model, lees_yaml, valideer

REGIOPLAN_MAP = Path(__file__).parents[1] / "data" / "regioplan"

Tekst = Annotated[str, Field(strict=True, min_length=1)]
Percentage = Annotated[float, Field(strict=True, ge=0, le=100, allow_inf_nan=False)]
Aantal = Annotated[int, Field(strict=True, gt=0)]


class Onderzoek(Strikt):
    """Gegevens over het onderzoek als geheel (``onderzoek.yml``)."""

    titel: Tekst
    uitvoerder: Tekst
    opdrachtgever: Tekst
    jaar: Annotated[int, Field(strict=True, ge=1900, le=2100)]
    bronvermelding: Tekst = Field(description="Zoals onder elke tabel in het rapport: 'Bron: Regioplan, 2014'.")
    verwerking: Tekst = Field(description="Hoe wij de cijfers uit de gescande tekst hebben overgenomen.")


class Kolom(Strikt):
    naam: Tekst
    n: Aantal | None = Field(None, description="Aantal respondenten voor deze kolom, als de bron het noemt.")


class Rij(Strikt):
    label: Tekst
    waarden: list[Percentage | None] = Field(description="Eén percentage per kolom; null = onleesbaar in de bron.")


class Blok(Strikt):
    titel: Tekst | None = None
    n: Aantal | None = Field(None, description="Aantal respondenten voor dit blok, als het afwijkt van de kolom.")
    som_100: Literal["bron", "antwoorden"] | None = Field(
        None,
        description=(
            "Telt elke kolom op tot 100%? 'bron': de bron noemt een totaal van 100%; "
            "'antwoorden': de antwoorden sluiten elkaar uit (één antwoord per respondent)."
        ),
    )
    rijen: Annotated[list[Rij], Field(min_length=1)]


class Opmerking(Strikt):
    """Een opmerking bij één cel: onleesbaar, hersteld of afgeleid."""

    blok: Annotated[int, Field(strict=True, ge=1)] = 1
    rij: Tekst = Field(description="Het label van de rij.")
    kolom: Annotated[int, Field(strict=True, ge=1)] = 1
    soort: Literal["onleesbaar", "hersteld", "afgeleid"]
    gelezen: str | None = Field(None, description="Wat er in de gescande tekst staat.")
    uitleg: Tekst


class Tabel(Strikt):
    nummer: Annotated[str, Field(strict=True, pattern=r"^B?\d+\.\d+$")]
    titel: Tekst
    kolommen: Annotated[list[Kolom], Field(min_length=1)]
    blokken: Annotated[list[Blok], Field(min_length=1)]
    noten: list[Tekst] = []
    opmerkingen: list[Opmerking] = []

    @property
    def anker(self) -> str:
        return "tabel-" + self.nummer.lower().replace(".", "-")

    def opmerking(self, blok: int, rij: str, kolom: int) -> Opmerking | None:
        for o in self.opmerkingen:
            if (o.blok, o.rij, o.kolom) == (blok, rij, kolom):
                return o
        return None

    def waarde(self, rij: str, kolom: int = 1, blok: int | None = None) -> float | None:
        """De waarde in rij ``rij`` (label) en kolom ``kolom`` (vanaf 1); ``blok`` als het label vaker voorkomt."""
        treffers = [
            (b, r) for b, bl in enumerate(self.blokken, start=1) for r in bl.rijen
            if r.label == rij and (blok is None or b == blok)
        ]
        if not treffers:
            raise KeyError(f"tabel {self.nummer} heeft geen rij '{rij}'")
        if len(treffers) > 1:
            raise KeyError(f"tabel {self.nummer}: rij '{rij}' staat in meer blokken; geef het blok op")
        if not 1 <= kolom <= len(self.kolommen):
            raise KeyError(f"tabel {self.nummer} heeft geen kolom {kolom}")
        return treffers[0][1].waarden[kolom - 1]


Pad = tuple[str | int, ...]


def problemen_in(tabel: Tabel) -> list[tuple[Pad, str]]:
    """Alle inhoudelijke problemen van een tabel, elk met de plaats in het bestand (veldpad).

    Rijen met te veel of te weinig waarden; dubbele rijen; lege waarden zonder opmerking;
    opmerkingen die nergens bij horen; en kolommen die niet optellen tot ongeveer 100% in een blok
    met ``som_100`` (de marge is de afronding: een halve procent per rij).
    """
    problemen: list[tuple[Pad, str]] = []
    aantal = len(tabel.kolommen)
    for b, blok in enumerate(tabel.blokken):
        labels = [r.label for r in blok.rijen]
        for r, rij in enumerate(blok.rijen):
            if len(rij.waarden) != aantal:
                problemen.append((("blokken", b, "rijen", r, "waarden"),
                                  f"rij '{rij.label}': {len(rij.waarden)} waarden, maar de tabel heeft {aantal} kolom(men)"))
            if labels.count(rij.label) > 1 and labels.index(rij.label) != r:
                problemen.append((("blokken", b, "rijen", r, "label"), f"rij '{rij.label}' staat twee keer in dit blok"))
    if problemen:
        return problemen

    gezien = set()
    for i, o in enumerate(tabel.opmerkingen):
        loc: Pad = ("opmerkingen", i)
        if o.blok > len(tabel.blokken):
            problemen.append((loc + ("blok",), f"blok {o.blok} bestaat niet; de tabel heeft {len(tabel.blokken)} blok(ken)"))
            continue
        gevonden = next((r for r in tabel.blokken[o.blok - 1].rijen if r.label == o.rij), None)
        if gevonden is None:
            problemen.append((loc + ("rij",), f"opmerking bij rij '{o.rij}' in blok {o.blok}, maar die rij bestaat niet"))
            continue
        if o.kolom > aantal:
            problemen.append((loc + ("kolom",), f"kolom {o.kolom} bestaat niet; de tabel heeft {aantal} kolom(men)"))
            continue
        waarde = gevonden.waarden[o.kolom - 1]
        if o.soort == "onleesbaar" and waarde is not None:
            problemen.append((loc + ("soort",), f"rij '{o.rij}', kolom {o.kolom}: 'onleesbaar', maar er staat een waarde"))
        if o.soort != "onleesbaar" and waarde is None:
            problemen.append((loc + ("soort",), f"rij '{o.rij}', kolom {o.kolom}: '{o.soort}' bij een lege waarde"))
        gezien.add((o.blok, o.rij, o.kolom))

    for b, blok in enumerate(tabel.blokken):
        for r, rij in enumerate(blok.rijen):
            for k, waarde in enumerate(rij.waarden, start=1):
                if waarde is None and (b + 1, rij.label, k) not in gezien:
                    problemen.append((("blokken", b, "rijen", r, "waarden"),
                                      f"kolom {k}: waarde is leeg (onleesbaar) zonder opmerking; zeg in "
                                      "'opmerkingen' wat er in de bron staat"))
        if not blok.som_100:
            continue
        marge = 0.5 * len(blok.rijen)
        for k, kolom in enumerate(tabel.kolommen):
            waarden = [rij.waarden[k] for rij in blok.rijen]
            bekend = [w for w in waarden if w is not None]
            som = sum(bekend)
            if len(bekend) == len(waarden) and abs(som - 100) > marge:
                problemen.append((("blokken", b, "som_100"),
                                  f"kolom '{kolom.naam}': de waarden tellen op tot {getal(som)}%, niet tot ongeveer "
                                  f"100% (marge {getal(marge)}); staat er een scanfout in een cijfer?"))
            elif som > 100 + marge:
                problemen.append((("blokken", b, "som_100"),
                                  f"kolom '{kolom.naam}': de bekende waarden tellen al op tot {getal(som)}%, meer dan "
                                  "100%; staat er een scanfout in een cijfer?"))
    return problemen


class Regioplan(Strikt):
    onderzoek: Onderzoek
    tabellen: dict[str, Tabel]

    def tabel(self, nummer: str) -> Tabel:
        if nummer not in self.tabellen:
            bekend = ", ".join(self.tabellen)
            raise KeyError(f"tabel '{nummer}' bestaat niet; bekende tabellen: {bekend}")
        return self.tabellen[nummer]


def _sorteer(nummer: str) -> tuple[int, int, int]:
    bijlage = 1 if nummer.startswith("B") else 0
    hoofd, sub = nummer.removeprefix("B").split(".")
    return bijlage, int(hoofd), int(sub)


@lru_cache(maxsize=4)
def laad_regioplan(map_: Path = REGIOPLAN_MAP) -> Regioplan:
    """Lees alle tabellen. Fouten in meerdere bestanden komen samen in één ``Bestandsfout``."""
    map_ = Path(map_)
    onderzoek = laad_yaml_model(map_ / "onderzoek.yml", Onderzoek)
    tabellen: dict[str, Tabel] = {}
    problemen = []
    for bestand in sorted(map_.glob("tabel-*.yml")):
        try:
            document = lees_yaml(bestand)
            tabel = valideer(document, Tabel)
        except Bestandsfout as fout:
            problemen += fout.problemen
            continue
        eigen = problemen_in(tabel)
        problemen += [Probleem(document.bestand, pad_tekst(loc), melding, document.regel(loc)) for loc, melding in eigen]
        verwacht = "tabel-" + tabel.nummer.lower().replace(".", "-") + ".yml"
        if bestand.name != verwacht:
            problemen.append(Probleem(document.bestand, "nummer",
                                      f"tabel {tabel.nummer} hoort in een bestand met de naam {verwacht}",
                                      document.regel(("nummer",))))
            continue
        if not eigen:
            tabellen[tabel.nummer] = tabel
    if problemen:
        raise Bestandsfout(problemen)
    volgorde = sorted(tabellen, key=_sorteer)
    return Regioplan(onderzoek=onderzoek, tabellen={n: tabellen[n] for n in volgorde})


# ---------------------------------------------------------------------------------------------
# Weergave


def procent_tekst(waarde: float) -> str:
    """Een percentage uit het rapport: '98%', '7,5%'."""
    return getal(waarde, 1) + "%"


def _kolomkop(kolom: Kolom) -> str:
    return escape(kolom.naam) + (f" (n={kolom.n})" if kolom.n else "")


def _bloktitel(blok: Blok) -> str:
    return escape(blok.titel or "") + (f" (n={blok.n})" if blok.n else "")


def _noot_id(tabel: Tabel, i: int) -> str:
    return f"{tabel.anker}-opm-{i}"


def _opmerking_nummers(tabel: Tabel) -> tuple[dict[tuple[int, str, int], int], list[Opmerking]]:
    """Nummer per cel; cellen met dezelfde opmerking (soort, uitleg, gelezen) delen één nummer."""
    per_cel: dict[tuple[int, str, int], int] = {}
    uniek: list[Opmerking] = []
    sleutels: list[tuple[str, str, str | None]] = []
    for o in tabel.opmerkingen:
        sleutel = (o.soort, o.uitleg, o.gelezen)
        if sleutel not in sleutels:
            sleutels.append(sleutel)
            uniek.append(o)
        per_cel[(o.blok, o.rij, o.kolom)] = sleutels.index(sleutel) + 1
    return per_cel, uniek


def tabel_html(tabel: Tabel, onderzoek: Onderzoek) -> str:
    """De tabel als HTML: bijschrift, kolomkoppen met n, een kop per blok, opmerkingen en bron.

    De tabel zelf krijgt geen klasse, zodat Material hem opmaakt zoals elke andere tabel (met
    horizontaal scrollen op een smal scherm); de omhullende ``div`` heeft de klasse ``regioplan``.
    """
    opm_nummer, opmerkingen = _opmerking_nummers(tabel)
    kop = [HtmlCel("Antwoord", True, (("scope", "col"),))] + [
        HtmlCel(_kolomkop(k), True, (("scope", "col"), ("class", "regioplan-getal"))) for k in tabel.kolommen
    ]
    kolommen = Kolommen(kop)  # labels en rollen (jobcoach.html)
    delen = [
        '<div class="regioplan">',
        kolommen.tabel([("id", tabel.anker)]),
        f"<caption>Tabel {escape(tabel.nummer)} {escape(tabel.titel)}</caption>",
        kolommen.groep("thead") + kolommen.rij(kop, "thead") + "</thead>",
    ]
    breedte = len(tabel.kolommen) + 1
    for b, blok in enumerate(tabel.blokken, start=1):
        delen.append(kolommen.groep("tbody"))
        if blok.titel or blok.n:
            delen.append(kolommen.rij([HtmlCel(_bloktitel(blok), True, (("scope", "colgroup"), ("colspan", str(breedte))))],
                                      kenmerken=[("class", "regioplan-blok")]))
        for rij in blok.rijen:
            cellen = [HtmlCel(escape(rij.label), True, (("scope", "row"),))]
            for k, waarde in enumerate(rij.waarden, start=1):
                tekst = "onleesbaar" if waarde is None else procent_tekst(waarde)
                i = opm_nummer.get((b, rij.label, k))
                if i is not None:
                    tekst += f'<sup><a href="#{_noot_id(tabel, i)}" aria-label="opmerking {i}">{i}</a></sup>'
                klasse = "regioplan-getal" + (" regioplan-onleesbaar" if waarde is None else "")
                cellen.append(HtmlCel(tekst, kenmerken=(("class", klasse),)))
            delen.append(kolommen.rij(cellen))
        if blok.som_100 == "bron":
            delen.append(kolommen.rij([HtmlCel("Totaal (volgens de bron)", True, (("scope", "row"),))]
                                      + [HtmlCel("100%", kenmerken=(("class", "regioplan-getal"),)) for _ in tabel.kolommen],
                                      kenmerken=[("class", "regioplan-totaal")]))
        delen.append("</tbody>")
    delen.append("</table>")
    onder = []
    for i, o in enumerate(opmerkingen, start=1):
        gelezen = f" In de scan staat: <q>{escape(o.gelezen)}</q>." if o.gelezen else ""
        soort = {"onleesbaar": "Onleesbaar", "hersteld": "Hersteld", "afgeleid": "Afgeleid"}[o.soort]
        onder.append(f'<li id="{_noot_id(tabel, i)}">{soort}: {escape(o.uitleg)}{gelezen}</li>')
    noten = "".join(f"<li>{escape(n)}</li>" for n in tabel.noten)
    voet = ['<div class="regioplan-onder">']
    if noten:
        voet.append(f'<ul class="regioplan-noten">{noten}</ul>')
    if onder:
        voet.append(f'<p>Opmerkingen bij cijfers:</p><ol class="regioplan-opmerkingen">{"".join(onder)}</ol>')
    voet.append(f"<p>{escape(onderzoek.bronvermelding)}</p></div></div>")
    return "\n".join(delen + voet)


# Staafdiagram ---------------------------------------------------------------------------------

_BREEDTE = 720
_LABEL = 300          # ruimte links voor de labels
_STAAF = 14           # hoogte van één staaf
_TUSSEN = 6           # ruimte tussen rijen
_REGEL = 15           # regelhoogte van labeltekst
_SCHAAL = _BREEDTE - _LABEL - 60  # breedte van 100%


def _regels(tekst: str, breedte: int = 44) -> list[str]:
    return textwrap.wrap(tekst, breedte) or [""]


def grafiek_svg(tabel: Tabel) -> str:
    """Een horizontaal staafdiagram (0-100%) van de tabel, met titel en beschrijving voor schermlezers.

    Onleesbare waarden krijgen geen staaf maar de tekst 'onleesbaar'. De staven hebben een klasse
    per kolom (``regioplan-staaf-1`` …); de kleuren staan in de CSS van de site.
    """
    titel_id = f"{tabel.anker}-grafiek-titel"
    desc_id = f"{tabel.anker}-grafiek-uitleg"
    y = 8
    stukken: list[str] = []
    # legenda bij meer kolommen: elk item op een eigen regel, zodat een lange kolomnaam nooit over
    # een andere heen valt of buiten de grafiek loopt
    if len(tabel.kolommen) > 1:
        for k, kolom in enumerate(tabel.kolommen, start=1):
            naam = kolom.naam + (f" (n={kolom.n})" if kolom.n else "")
            stukken.append(f'<rect class="regioplan-legenda regioplan-staaf-{k}" x="{_LABEL}" y="{y}" width="12" height="12"/>')
            stukken.append(f'<text x="{_LABEL + 18}" y="{y + 10}">{escape(naam)}</text>')
            y += 18
        y += 8
    # schaal
    for p in (0, 25, 50, 75, 100):
        x = _LABEL + _SCHAAL * p / 100
        stukken.append(f'<text class="regioplan-as" x="{x:.0f}" y="{y + 10}" text-anchor="middle">{p}%</text>')
    y += 18
    begin_raster = y
    for blok in tabel.blokken:
        if blok.titel:
            stukken.append(f'<text class="regioplan-bloktitel" x="0" y="{y + 12}">{_bloktitel(blok)}</text>')
            y += 22
        for rij in blok.rijen:
            labelregels = _regels(rij.label)
            staven = len(tabel.kolommen) * _STAAF
            hoogte = max(staven, len(labelregels) * _REGEL)
            ty = y + (hoogte - len(labelregels) * _REGEL) / 2 + 11
            tspans = "".join(
                f'<tspan x="{_LABEL - 8}" y="{ty + i * _REGEL:.0f}">{escape(r)}</tspan>' for i, r in enumerate(labelregels)
            )
            stukken.append(f'<text text-anchor="end">{tspans}</text>')
            sy = y + (hoogte - staven) / 2
            for k, waarde in enumerate(rij.waarden, start=1):
                yy = sy + (k - 1) * _STAAF
                if waarde is None:
                    stukken.append(f'<text class="regioplan-onleesbaar" x="{_LABEL + 4}" y="{yy + 11:.0f}">onleesbaar</text>')
                    continue
                w = _SCHAAL * waarde / 100
                stukken.append(
                    f'<rect class="regioplan-staaf-{k}" x="{_LABEL}" y="{yy:.0f}" width="{w:.1f}" height="{_STAAF - 2}"/>'
                )
                stukken.append(f'<text x="{_LABEL + w + 4:.1f}" y="{yy + 11:.0f}">{procent_tekst(waarde)}</text>')
            y += hoogte + _TUSSEN
        y += 6
    # rasterlijnen (achter de staven: als eerste tekenen)
    raster = "".join(
        f'<line class="regioplan-raster" x1="{_LABEL + _SCHAAL * p / 100:.0f}" x2="{_LABEL + _SCHAAL * p / 100:.0f}" '
        f'y1="{begin_raster}" y2="{y}"/>'
        for p in (0, 25, 50, 75, 100)
    )
    hoogte_svg = y + 4
    uitleg = (
        f"Staafdiagram bij tabel {tabel.nummer}. Elke staaf is een percentage uit de tabel hierboven; "
        "het getal staat ook naast de staaf."
    )
    if any(w is None for b in tabel.blokken for r in b.rijen for w in r.waarden):
        uitleg += " Waarden die in de bron onleesbaar zijn, hebben geen staaf."
    return (
        f'<figure class="regioplan-grafiek"><div class="regioplan-grafiek__scroll" tabindex="0" role="region" '
        f'aria-label="Grafiek bij tabel {escape(tabel.nummer)}, horizontaal te schuiven">'
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{titel_id} {desc_id}" '
        f'viewBox="0 0 {_BREEDTE} {hoogte_svg:.0f}" width="{_BREEDTE}" height="{hoogte_svg:.0f}">'
        f'<title id="{titel_id}">Grafiek bij tabel {escape(tabel.nummer)}: {escape(tabel.titel)}</title>'
        f'<desc id="{desc_id}">{escape(uitleg)}</desc>'
        f"{raster}{''.join(stukken)}</svg></div>"
        f"<figcaption>Grafiek bij tabel {escape(tabel.nummer)}. De cijfers staan in de tabel hierboven.</figcaption>"
        f"</figure>"
    )
