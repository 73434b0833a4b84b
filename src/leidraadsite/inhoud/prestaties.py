"""De uitkomsten van de prestatiemeting (``make bench``): het bestandsformaat, afgeleide getallen en tabellen.

Het meetscript ``tools/bench.py`` schrijft een ``Resultaten``-bestand (JSON). De pagina Prestaties
leest het met ``laad_resultaten`` en toont het met ``tabel_html``. Zo staat geen enkel meetgetal met
de hand in een pagina.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from jobcoach.opmaak import getal
from jobcoach.html import tabel_html as _tabel_html
from jobcoach.tabeldata import Html, Tabel
from jobcoach.lezer import Strikt, laad_yaml_model

Seconden = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Aantal = Annotated[int, Field(ge=0)]


class Tijden(Strikt):
    min_s: Seconden
    mediaan_s: Seconden
    alle_s: Annotated[list[Seconden], Field(min_length=1)]

    @model_validator(mode="after")
    def _klopt(self) -> Tijden:
        if abs(min(self.alle_s) - self.min_s) > 0.001 or abs(statistics.median(self.alle_s) - self.mediaan_s) > 0.001:
            raise ValueError("min_s en mediaan_s passen niet bij alle_s")
        return self


class Bouw(Strikt):
    """Eén variant van de site, een paar keer gebouwd."""

    wand: Tijden = Field(description="Wandtijd van 'mkdocs build --strict', per bouw.")
    cpu: Tijden = Field(description="CPU-tijd (gebruiker + systeem) van dezelfde bouw.")
    piekgeheugen_mb: Annotated[float, Field(gt=0)]
    paginas: Annotated[int, Field(gt=0)]
    site_bytes: Aantal
    zoekindex_bytes: Aantal
    tekst_bytes: Aantal = Field(description="Leesbare tekst van alle pagina's (UTF-8), zonder opmaak.")

    @property
    def zoekindex_per_tekst(self) -> float:
        return self.zoekindex_bytes / self.tekst_bytes if self.tekst_bytes else 0.0


class Schaalmeting(Strikt):
    n: Annotated[int, Field(gt=0)] = Field(description="Aantal synthetische casussen (en casuspagina's).")
    live: Bouw = Field(description="Pagina's met de macro's, zoals de echte site.")
    statisch: Bouw = Field(description="Dezelfde pagina's met de tabellen al ingevuld, zonder macro-plugin.")
    live_koud_s: Seconden = Field(description="Eén live bouw zonder bewaarde Jinja-code (zoals een eerste bouw).")
    live_koud_cpu_s: Seconden

    @property
    def verhouding(self) -> float:
        """Mediaan live gedeeld door mediaan statisch."""
        return self.live.wand.mediaan_s / self.statisch.wand.mediaan_s

    @property
    def ms_per_pagina(self) -> float:
        return self.live.wand.mediaan_s / self.live.paginas * 1000


class Fasen(Strikt):
    """CPU-tijd per fase van één bouw (met tools/fasen.py), bij de grootste N."""

    n: Annotated[int, Field(gt=0)]
    cpu_s: dict[str, Annotated[float, Field(allow_inf_nan=False)]]


class ServeMeting(Strikt):
    modus: Literal["volledig", "dirty"]
    opdracht: str
    n: Annotated[int, Field(gt=0)]
    start_s: Seconden = Field(description="Van starten tot de eerste pagina.")
    vertraging_s: Annotated[list[Seconden], Field(min_length=1)] = Field(
        description="Van het opslaan van een casusbestand tot de pagina het nieuwe getal toont."
    )

    @property
    def mediaan_s(self) -> float:
        return statistics.median(self.vertraging_s)


class Bestand(Strikt):
    pad: str
    soort: Literal["html", "css", "js", "lettertype", "afbeelding", "zoekindex", "overig"]
    bytes: Aantal
    gzip_bytes: Aantal


class Startpagina(Strikt):
    """Alles wat de browser ophaalt voor de startpagina van de echte site."""

    bestanden: list[Bestand]
    gzip_niveau: Annotated[int, Field(ge=1, le=9)]
    tekst_bytes: Aantal = Field(description="Leesbare tekst van alle pagina's van de echte site.")

    @property
    def zonder_zoekindex(self) -> list[Bestand]:
        return [b for b in self.bestanden if b.soort != "zoekindex"]

    @property
    def totaal_bytes(self) -> int:
        return sum(b.bytes for b in self.zonder_zoekindex)

    @property
    def totaal_gzip_bytes(self) -> int:
        return sum(b.gzip_bytes for b in self.zonder_zoekindex)

    @property
    def zoekindex(self) -> Bestand:
        for b in self.bestanden:
            if b.soort == "zoekindex":
                return b
        raise ValueError("geen zoekindex gemeten")

    @property
    def zoekindex_per_tekst(self) -> float:
        return self.zoekindex.bytes / self.tekst_bytes if self.tekst_bytes else 0.0


class Doelen(Strikt):
    """De doelen uit issue 8."""

    n_groot: Annotated[int, Field(gt=0)]
    verhouding_live_statisch_max: Annotated[float, Field(gt=0)]
    bouw_groot_max_s: Annotated[float, Field(gt=0)]
    groei_per_pagina_max: Annotated[float, Field(gt=0)]
    echte_site_max_s: Annotated[float, Field(gt=0)]
    serve_max_s: Annotated[float, Field(gt=0)]
    startpagina_max_kb: Annotated[float, Field(gt=0)]
    zoekindex_spreiding_max: Annotated[float, Field(ge=1)]


class Machine(Strikt):
    cpus: Aantal
    systeem: str
    belasting_voor: Annotated[float, Field(ge=0)] = Field(description="Gemiddelde belasting (1 minuut) bij de start.")
    belasting_na: Annotated[float, Field(ge=0)]


class Resultaten(Strikt):
    gemeten_op: dt.datetime
    machine: Machine
    versies: dict[str, str]
    herhalingen: Annotated[int, Field(gt=0)]
    seed: int
    groepsgrootte: Annotated[int, Field(gt=0)] = Field(description="Casuspagina's per navigatiesectie.")
    blokgrootte: Annotated[int, Field(gt=0)] = Field(description="Secties per blok in de navigatie.")
    doelen: Doelen
    echte_site: Bouw
    schaal: Annotated[list[Schaalmeting], Field(min_length=1)]
    fasen: Fasen
    serve: list[ServeMeting]
    startpagina: Startpagina

    @model_validator(mode="after")
    def _oplopend(self) -> Resultaten:
        aantallen = [m.n for m in self.schaal]
        if aantallen != sorted(set(aantallen)):
            raise ValueError("de metingen in 'schaal' moeten oplopen in n, zonder dubbele")
        return self

    @property
    def datum_tekst(self) -> str:
        """Het tijdstip van de meting in gewone taal: '26 november 2026 om 05:10'."""
        from babel.dates import format_datetime

        return format_datetime(self.gemeten_op, "d MMMM y 'om' HH:mm", locale="nl_NL")

    @property
    def aantallen_tekst(self) -> str:
        """De gemeten aantallen casussen als tekst: '10, 100 en 1.000'."""
        aantallen = [getal(m.n) for m in self.schaal]
        return aantallen[0] if len(aantallen) == 1 else ", ".join(aantallen[:-1]) + " en " + aantallen[-1]

    def meting(self, n: int) -> Schaalmeting | None:
        return next((m for m in self.schaal if m.n == n), None)

    def marginale_kosten_ms(self) -> list[float | None]:
        """Per meting: de extra bouwtijd per extra pagina ten opzichte van de vorige N (ms)."""
        uit: list[float | None] = [None]
        for vorige, deze in zip(self.schaal, self.schaal[1:]):
            extra = deze.live.paginas - vorige.live.paginas
            uit.append((deze.live.wand.mediaan_s - vorige.live.wand.mediaan_s) / extra * 1000 if extra else None)
        return uit


def laad_resultaten(pad: str | Path) -> Resultaten:
    """Lees een resultatenbestand. Gooit ``Bestandsfout`` met een Nederlandse melding per probleem."""
    return laad_yaml_model(Path(pad), Resultaten)


# --------------------------------------------------------------------------------------------
# Doelen toetsen
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doeluitkomst:
    doel: str  # gewone tekst; een opdracht staat tussen `backticks`
    gemeten: str
    gehaald: bool | None  # None: niet gemeten in deze run

    @property
    def doel_html(self) -> str:
        return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(self.doel))


def _s(waarde: float) -> str:
    return f"{getal(waarde, 2)} s"


def doeluitkomsten(res: Resultaten) -> list[Doeluitkomst]:
    d = res.doelen
    groot = res.meting(d.n_groot)
    uit: list[Doeluitkomst] = []

    def niet_gemeten(doel: str) -> None:
        uit.append(Doeluitkomst(doel, f"niet gemeten (geen meting met N = {d.n_groot})", None))

    doel = f"Bouwtijd live / statisch bij N = {d.n_groot} is hoogstens {getal(d.verhouding_live_statisch_max)}"
    if groot:
        uit.append(Doeluitkomst(doel, getal(groot.verhouding, 2), groot.verhouding <= d.verhouding_live_statisch_max))
    else:
        niet_gemeten(doel)

    doel = f"Bouw van N = {d.n_groot} duurt minder dan {getal(d.bouw_groot_max_s)} s"
    if groot:
        uit.append(Doeluitkomst(doel, _s(groot.live.wand.mediaan_s), groot.live.wand.mediaan_s < d.bouw_groot_max_s))
    else:
        niet_gemeten(doel)

    doel = (
        "Kosten per extra pagina blijven gelijk: van de vorige N naar N = "
        f"{d.n_groot} hoogstens {getal(d.groei_per_pagina_max)} × die van de stap ervoor"
    )
    marginaal = res.marginale_kosten_ms()
    index = next((i for i, m in enumerate(res.schaal) if m.n == d.n_groot), None)
    nu, vorig = (marginaal[index], marginaal[index - 1]) if index is not None and index >= 2 else (None, None)
    if nu is not None and vorig:
        groei = nu / vorig
        uit.append(
            Doeluitkomst(
                doel,
                f"{getal(vorig, 1)} → {getal(nu, 1)} ms per pagina "
                f"({getal(groei, 2)} ×)",
                groei <= d.groei_per_pagina_max,
            )
        )
    else:
        uit.append(Doeluitkomst(doel, "niet gemeten (drie aantallen nodig, tot en met N = " f"{d.n_groot})", None))

    echt = res.echte_site.wand.mediaan_s
    uit.append(Doeluitkomst(f"De echte site bouwt in minder dan {getal(d.echte_site_max_s)} s", _s(echt),
                            echt < d.echte_site_max_s))

    if not res.serve:
        uit.append(Doeluitkomst(f"`mkdocs serve` toont een gewijzigde casus binnen {getal(d.serve_max_s)} s",
                                "niet gemeten", None))
    for sm in res.serve:
        doel = f"`{sm.opdracht}` toont een gewijzigde casus binnen {getal(d.serve_max_s)} s"
        if sm.n == d.n_groot:
            uit.append(Doeluitkomst(doel, f"{_s(sm.mediaan_s)} (mediaan, N = {sm.n})", sm.mediaan_s < d.serve_max_s))
        else:
            uit.append(Doeluitkomst(doel, f"{_s(sm.mediaan_s)} bij N = {sm.n}; niet gemeten bij N = {d.n_groot}",
                                    None))

    sp = res.startpagina
    kb = sp.totaal_gzip_bytes / 1000
    uit.append(
        Doeluitkomst(
            f"Startpagina (HTML, CSS, JS, lettertypen; zonder zoekindex) hoogstens {getal(d.startpagina_max_kb)} kB "
            f"met gzip",
            f"{getal(kb, 1)} kB",
            kb <= d.startpagina_max_kb,
        )
    )

    verhoudingen = [res.echte_site.zoekindex_per_tekst] + [m.live.zoekindex_per_tekst for m in res.schaal]
    spreiding = max(verhoudingen) / min(verhoudingen)
    uit.append(
        Doeluitkomst(
            "Zoekindex groeit evenredig met de tekst: grootste en kleinste verhouding zoekindex/tekst "
            f"verschillen hoogstens {getal(d.zoekindex_spreiding_max)} ×",
            f"{getal(min(verhoudingen), 2)} tot {getal(max(verhoudingen), 2)} ({getal(spreiding, 2)} ×)",
            spreiding <= d.zoekindex_spreiding_max,
        )
    )
    return uit


# --------------------------------------------------------------------------------------------
# Tabellen voor de pagina Prestaties
# --------------------------------------------------------------------------------------------


def _mb(aantal_bytes: int) -> str:
    return f"{getal(aantal_bytes / 1_000_000, 2)} MB"


def _kb(aantal_bytes: int) -> str:
    return f"{getal(aantal_bytes / 1000, 1)} kB"


def _tabel(bijschrift: str, koppen: list[str], rijen: list[list[str]], rechts: set[int] | frozenset[int] = frozenset(),
           voet: list[list[str]] = ()) -> str:  # type: ignore[assignment]
    """Een tabel waarvan de cellen hier al als veilige HTML gemaakt zijn."""
    return _tabel_html(Tabel(Html(bijschrift), [Html(k) for k in koppen], [[Html(c) for c in r] for r in rijen],
                             [[Html(c) for c in r] for r in voet], frozenset(rechts)))


def tabel_html(res: Resultaten, soort: str) -> str:
    """Een HTML-tabel met uitkomsten. ``soort``: doelen, schaal, per_pagina, cpu, grootte, fasen,
    echte_site, serve of startpagina."""
    if soort == "doelen":
        oordeel = {True: "gehaald", False: "<strong>niet gehaald</strong>", None: "niet gemeten"}
        return _tabel(
            "Doelen en uitkomsten",
            ["Doel", "Gemeten", "Uitkomst"],
            [[d.doel_html, escape(d.gemeten), oordeel[d.gehaald]] for d in doeluitkomsten(res)],
        )
    if soort == "schaal":
        return _tabel(
            "Bouwtijd (wandtijd) bij een groeiend aantal casussen",
            ["N", "Pagina's", "Live: min / mediaan", "Live: eerste bouw", "Statisch: mediaan", "Live / statisch"],
            [
                [
                    getal(m.n),
                    getal(m.live.paginas),
                    f"{_s(m.live.wand.min_s)} / {_s(m.live.wand.mediaan_s)}",
                    _s(m.live_koud_s),
                    _s(m.statisch.wand.mediaan_s),
                    getal(m.verhouding, 2),
                ]
                for m in res.schaal
            ],
            rechts=set(range(6)),
        )
    if soort == "per_pagina":
        return _tabel(
            "Kosten per pagina (live, mediaan)",
            ["N", "Per pagina", "Per extra pagina"],
            [
                [getal(m.n), f"{getal(m.ms_per_pagina, 1)} ms", "" if extra is None else f"{getal(extra, 1)} ms"]
                for m, extra in zip(res.schaal, res.marginale_kosten_ms())
            ],
            rechts=set(range(3)),
        )
    if soort == "cpu":
        return _tabel(
            "CPU-tijd (mediaan)",
            ["N", "Live", "Live: eerste bouw", "Statisch", "Live / statisch"],
            [
                [
                    getal(m.n),
                    _s(m.live.cpu.mediaan_s),
                    _s(m.live_koud_cpu_s),
                    _s(m.statisch.cpu.mediaan_s),
                    getal(m.live.cpu.mediaan_s / m.statisch.cpu.mediaan_s, 2),
                ]
                for m in res.schaal
            ],
            rechts=set(range(5)),
        )
    if soort == "grootte":
        return _tabel(
            "Geheugen en grootte",
            ["N", "Piekgeheugen live", "Piekgeheugen statisch", "Site", "Zoekindex", "Zoekindex / tekst"],
            [
                [
                    getal(m.n),
                    f"{getal(m.live.piekgeheugen_mb, 0)} MB",
                    f"{getal(m.statisch.piekgeheugen_mb, 0)} MB",
                    _mb(m.live.site_bytes),
                    _mb(m.live.zoekindex_bytes),
                    getal(m.live.zoekindex_per_tekst, 2),
                ]
                for m in res.schaal
            ],
            rechts=set(range(6)),
        )
    if soort == "fasen":
        totaal = sum(res.fasen.cpu_s.values())
        return _tabel(
            f"Waar de CPU-tijd heen gaat bij N = {getal(res.fasen.n)} (één bouw, live)",
            ["Fase", "CPU-tijd", "Deel"],
            [[escape(fase), _s(tijd), f"{getal(tijd / totaal * 100, 0)}%"]
             for fase, tijd in sorted(res.fasen.cpu_s.items(), key=lambda x: -x[1])],
            rechts={1, 2},
            voet=[["Totaal", _s(totaal), "100%"]],
        )
    if soort == "echte_site":
        e = res.echte_site
        return _tabel(
            "De echte site",
            ["Meting", "Uitkomst"],
            [
                ["Pagina's", getal(e.paginas)],
                ["Bouwtijd (min / mediaan)", f"{_s(e.wand.min_s)} / {_s(e.wand.mediaan_s)}"],
                ["CPU-tijd (mediaan)", _s(e.cpu.mediaan_s)],
                ["Piekgeheugen", f"{getal(e.piekgeheugen_mb, 0)} MB"],
                ["Site", _mb(e.site_bytes)],
                ["Zoekindex", _kb(e.zoekindex_bytes)],
                ["Zoekindex / tekst", getal(e.zoekindex_per_tekst, 2)],
            ],
            rechts={1},
        )
    if soort == "serve":
        return _tabel(
            "Voorbeeld bekijken: van opslaan tot zichtbaar",
            ["Opdracht", "N", "Eerste bouw", "Wijziging zichtbaar na (mediaan)", "Alle metingen"],
            [
                [f"<code>{escape(sm.opdracht)}</code>", getal(sm.n), _s(sm.start_s), _s(sm.mediaan_s),
                 "; ".join(_s(v) for v in sm.vertraging_s)]
                for sm in res.serve
            ],
            rechts={1, 2, 3},
        )
    if soort == "startpagina":
        sp = res.startpagina
        soorten: dict[str, list[Bestand]] = {}
        for b in sp.bestanden:
            soorten.setdefault(b.soort, []).append(b)
        rijen = [
            [escape(naam), getal(len(lijst)), _kb(sum(b.bytes for b in lijst)), _kb(sum(b.gzip_bytes for b in lijst))]
            for naam, lijst in sorted(soorten.items())
            if naam != "zoekindex"
        ]
        zi = sp.zoekindex
        voet = [
            ["Totaal zonder zoekindex", getal(len(sp.zonder_zoekindex)), _kb(sp.totaal_bytes), _kb(sp.totaal_gzip_bytes)],
            ["Zoekindex (apart)", "1", _kb(zi.bytes), _kb(zi.gzip_bytes)],
        ]
        return _tabel(
            f"Startpagina: wat de browser ophaalt (gzip niveau {sp.gzip_niveau})",
            ["Soort", "Bestanden", "Onverpakt", "Met gzip"],
            rijen,
            rechts={1, 2, 3},
            voet=voet,
        )
    raise ValueError(f"onbekende soort tabel '{soort}'; kies uit doelen, schaal, per_pagina, cpu, grootte, fasen, echte_site, serve, startpagina")
