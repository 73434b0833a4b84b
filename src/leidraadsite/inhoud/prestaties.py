"""De uitkomsten van de prestatiemeting (``make bench``): het bestandsformaat, afgeleide getallen en tabellen.

Het meetscript ``tools/bench.py`` bouwt de echte site en proefsites met N casussen met elke bouwer (MkDocs,
ProperDocs, Zensical), koud en met bewaarde cache, en schrijft een ``Resultaten``-bestand (JSON). De pagina
Prestaties leest het met ``laad_resultaten`` en toont het met ``tabel_html``. Zo staat geen enkel meetgetal met
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

from jobcoach.html import tabel_html as _tabel_html
from jobcoach.lezer import Strikt, laad_yaml_model
from jobcoach.opmaak import getal
from jobcoach.tabeldata import Html, Tabel

Seconden = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Aantal = Annotated[int, Field(ge=0)]
Motornaam = Literal["mkdocs", "properdocs", "zensical"]
Modus = Literal["koud", "bewaard"]

MOTORNAMEN: dict[str, str] = {"mkdocs": "MkDocs", "properdocs": "ProperDocs", "zensical": "Zensical"}
MODUSNAMEN: dict[str, str] = {"koud": "koud", "bewaard": "met cache"}


class Tijden(Strikt):
    min_s: Seconden
    mediaan_s: Seconden
    alle_s: Annotated[list[Seconden], Field(min_length=1)]

    @model_validator(mode="after")
    def _klopt(self) -> Tijden:
        if abs(min(self.alle_s) - self.min_s) > 0.001 or abs(statistics.median(self.alle_s) - self.mediaan_s) > 0.001:
            raise ValueError("min_s en mediaan_s passen niet bij alle_s")
        return self


class Motor(Strikt):
    """Een bouwer zoals de meting hem draaide."""

    naam: Motornaam
    versie: str = Field(min_length=1)
    opdracht: str = Field(min_length=1, description="De bouwopdracht (zonder de stap na de bouw).")


class Bouw(Strikt):
    """Eén bouwer, één site, één soort bouw (koud of met cache), een paar keer gebouwd.

    Elke tijd is de bouw plus de stap na de bouw (``python -m leidraadsite.nabouw site``)."""

    motor: Motornaam
    n: Aantal = Field(description="Aantal proefcasussen; 0 is de echte site.")
    modus: Modus
    wand: Tijden = Field(description="Wandtijd van bouw plus stap na de bouw.")
    cpu: Tijden = Field(description="CPU-tijd (gebruiker + systeem) van dezelfde processen.")
    piekgeheugen_mb: Annotated[float, Field(gt=0)]
    paginas: Annotated[int, Field(gt=0)]
    site_bytes: Aantal


class Profiel(Strikt):
    """Waar de CPU-tijd van één koude bouw heen gaat (met cProfile), per onderdeel, bij de grootste N."""

    motor: Motornaam
    n: Annotated[int, Field(gt=0)]
    cpu_s: Seconden = Field(description="CPU-tijd van de processen, met de profiler aan (dus wat trager).")
    delen: dict[str, Annotated[float, Field(ge=0, allow_inf_nan=False)]]
    bouw_aanroepen: Aantal = Field(description="Hoe vaak macros.define_env een Bouw maakte in dit proces.")
    bouw_cpu_s: Seconden = Field(description="CPU-tijd in het maken van die Bouw-objecten, bij elkaar.")
    controles: Aantal = Field(description="Hoe vaak een Bouw de gegevens en alle casusbestanden controleerde.")
    casussen_gelezen: Aantal = Field(description="Hoe vaak een casusbestand werd gelezen en berekend.")


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
    """Alles wat de browser ophaalt voor de startpagina van de echte site (gebouwd met MkDocs)."""

    bestanden: list[Bestand]
    gzip_niveau: Annotated[int, Field(ge=1, le=9)]

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
    def zoekindex(self) -> Bestand | None:
        return next((b for b in self.bestanden if b.soort == "zoekindex"), None)


class Doelen(Strikt):
    """De doelen uit issue 8 en issue 23."""

    n_groot: Annotated[int, Field(gt=0)]
    bouw_groot_max_s: Annotated[float, Field(gt=0)]
    echte_site_max_s: Annotated[float, Field(gt=0)]
    serve_max_s: Annotated[float, Field(gt=0)]
    startpagina_max_kb: Annotated[float, Field(gt=0)]


class Machine(Strikt):
    cpus: Aantal
    systeem: str
    belasting_voor: Annotated[float, Field(ge=0)] = Field(description="Gemiddelde belasting (1 minuut) bij de start.")
    belasting_na: Annotated[float, Field(ge=0)]

    @property
    def overbelast(self) -> bool:
        """Meer werk dan kernen, bij de start of aan het eind: dan wachtten processen op elkaar (ook de bouw)."""
        return max(self.belasting_voor, self.belasting_na) > self.cpus


class Resultaten(Strikt):
    gemeten_op: dt.datetime
    machine: Machine
    versies: dict[str, str] = Field(description="Python en de pakketten die alle bouwers delen.")
    motoren: Annotated[list[Motor], Field(min_length=1)]
    herhalingen: Annotated[int, Field(gt=0)]
    aantallen: Annotated[list[Annotated[int, Field(gt=0)]], Field(min_length=1)]
    seed: int
    groepsgrootte: Annotated[int, Field(gt=0)] = Field(description="Casuspagina's per navigatiesectie.")
    blokgrootte: Annotated[int, Field(gt=0)] = Field(description="Secties per blok in de navigatie.")
    duur_s: Seconden = Field(description="Hoe lang de hele meting duurde.")
    doelen: Doelen
    bouwen: Annotated[list[Bouw], Field(min_length=1)]
    profielen: list[Profiel]
    serve: list[ServeMeting]
    startpagina: Startpagina | None

    @model_validator(mode="after")
    def _compleet(self) -> Resultaten:
        if self.aantallen != sorted(set(self.aantallen)):
            raise ValueError("'aantallen' moet oplopen, zonder dubbele")
        namen = [m.naam for m in self.motoren]
        if len(set(namen)) != len(namen):
            raise ValueError("een bouwer staat dubbel in 'motoren'")
        gezien: set[tuple[str, int, str]] = set()
        for b in self.bouwen:
            sleutel = (b.motor, b.n, b.modus)
            if b.motor not in namen:
                raise ValueError(f"bouw met {b.motor}, maar die bouwer staat niet in 'motoren'")
            if b.n and b.n not in self.aantallen:
                raise ValueError(f"bouw met n = {b.n}, maar dat aantal staat niet in 'aantallen'")
            if sleutel in gezien:
                raise ValueError(f"dubbele bouw: {b.motor}, n = {b.n}, {b.modus}")
            gezien.add(sleutel)
        return self

    # --- afgeleid ------------------------------------------------------------------------------

    @property
    def datum_tekst(self) -> str:
        """Het tijdstip van de meting in gewone taal: '26 november 2026 om 05:10'."""
        from babel.dates import format_datetime

        return format_datetime(self.gemeten_op, "d MMMM y 'om' HH:mm", locale="nl_NL")

    @property
    def aantallen_tekst(self) -> str:
        """De gemeten aantallen casussen als tekst: '10, 100 en 1.000'."""
        return _opsomming([getal(n) for n in self.aantallen])

    @property
    def motoren_tekst(self) -> str:
        """De bouwers met versie: 'MkDocs 1.6.1, ProperDocs 1.6.7 en Zensical 0.0.73'."""
        return _opsomming([f"{MOTORNAMEN[m.naam]} {m.versie}" for m in self.motoren])

    @property
    def duur_minuten(self) -> int:
        return max(1, round(self.duur_s / 60))

    def motor(self, naam: str) -> Motor | None:
        return next((m for m in self.motoren if m.naam == naam), None)

    def bouw(self, motor: str, n: int, modus: str) -> Bouw | None:
        return next((b for b in self.bouwen if (b.motor, b.n, b.modus) == (motor, n, modus)), None)

    def profiel(self, motor: str) -> Profiel | None:
        return next((p for p in self.profielen if p.motor == motor), None)

    @property
    def sites(self) -> list[int]:
        """0 (de echte site) en dan de aantallen, voor zover gemeten."""
        return sorted({b.n for b in self.bouwen})


def _opsomming(delen: list[str]) -> str:
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


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
    """Per bouwer: N = n_groot met cache binnen de grens, en de echte site; daarna serve en de startpagina."""
    d = res.doelen
    uit: list[Doeluitkomst] = []
    for motor in res.motoren:
        naam = MOTORNAMEN[motor.naam]
        for n, grens, wat in ((d.n_groot, d.bouw_groot_max_s, f"N = {getal(d.n_groot)}"),
                              (0, d.echte_site_max_s, "de echte site")):
            doel = f"{naam} bouwt {wat} (met cache, plus de stap na de bouw) in minder dan {getal(grens)} s"
            b = res.bouw(motor.naam, n, "bewaard")
            if b is None:
                uit.append(Doeluitkomst(doel, "niet gemeten", None))
            else:
                uit.append(Doeluitkomst(doel, f"{_s(b.wand.mediaan_s)} (mediaan; CPU {_s(b.cpu.mediaan_s)})",
                                        b.wand.mediaan_s < grens))
    if not res.serve:
        uit.append(Doeluitkomst(f"`mkdocs serve` toont een gewijzigde casus binnen {getal(d.serve_max_s)} s",
                                "niet gemeten", None))
    for sm in res.serve:
        doel = f"`{sm.opdracht}` toont een gewijzigde casus binnen {getal(d.serve_max_s)} s"
        if sm.n == d.n_groot:
            uit.append(Doeluitkomst(doel, f"{_s(sm.mediaan_s)} (mediaan, N = {getal(sm.n)})", sm.mediaan_s < d.serve_max_s))
        else:
            uit.append(Doeluitkomst(doel, f"{_s(sm.mediaan_s)} bij N = {getal(sm.n)}; niet gemeten bij "
                                          f"N = {getal(d.n_groot)}", None))
    doel = (f"Startpagina (HTML, CSS, JS, lettertypen; zonder zoekindex) hoogstens {getal(d.startpagina_max_kb)} kB "
            "met gzip")
    if res.startpagina is None:
        uit.append(Doeluitkomst(doel, "niet gemeten", None))
    else:
        kb = res.startpagina.totaal_gzip_bytes / 1000
        uit.append(Doeluitkomst(doel, f"{getal(kb, 1)} kB", kb <= d.startpagina_max_kb))
    return uit


# --------------------------------------------------------------------------------------------
# Tabellen voor de pagina Prestaties
# --------------------------------------------------------------------------------------------


def _mb(aantal_bytes: int) -> str:
    return f"{getal(aantal_bytes / 1_000_000, 2)} MB"


def _kb(aantal_bytes: int) -> str:
    return f"{getal(aantal_bytes / 1000, 1)} kB"


def _tabel(bijschrift: str, koppen: list[str], rijen: list[list[str]], rechts: set[int] | frozenset[int] = frozenset(),
           voet: list[list[str]] | None = None) -> str:
    """Een tabel waarvan de cellen hier al als veilige HTML gemaakt zijn."""
    return _tabel_html(Tabel(Html(bijschrift), [Html(k) for k in koppen], [[Html(c) for c in r] for r in rijen],
                             [[Html(c) for c in r] for r in voet or []], frozenset(rechts)))


def site_naam(n: int) -> str:
    return "Echte site" if n == 0 else f"N = {getal(n)}"


SOORTEN = ("doelen", "motoren", "wandtijd", "cpu", "per_pagina", "geheugen", "profiel", "serve", "startpagina")


def tabel_html(res: Resultaten, soort: str) -> str:
    """Een HTML-tabel met uitkomsten; ``soort`` is een van ``SOORTEN``."""
    motoren = [m.naam for m in res.motoren]
    koppen = [escape(MOTORNAMEN[m]) for m in motoren]
    if soort == "doelen":
        oordeel = {True: "gehaald", False: "<strong>niet gehaald</strong>", None: "niet gemeten"}
        return _tabel(
            "Doelen en uitkomsten",
            ["Doel", "Gemeten", "Uitkomst"],
            [[d.doel_html, escape(d.gemeten), oordeel[d.gehaald]] for d in doeluitkomsten(res)],
        )
    if soort == "motoren":
        return _tabel(
            "De bouwers in deze meting",
            ["Bouwer", "Versie", "Bouwopdracht (daarna steeds python -m leidraadsite.nabouw site)"],
            [[escape(MOTORNAMEN[m.naam]), escape(m.versie), f"<code>{escape(m.opdracht)}</code>"] for m in res.motoren],
        )
    if soort in ("wandtijd", "cpu"):
        wand = soort == "wandtijd"

        def cel(b: Bouw | None) -> str:
            if b is None:
                return "niet gemeten"
            t = b.wand if wand else b.cpu
            return _s(t.mediaan_s)

        return _tabel(
            "Bouwtijd plus stap na de bouw: wandtijd (mediaan)" if wand else "CPU-tijd van bouw plus stap na de bouw (mediaan)",
            ["Site", "Bouw", *koppen],
            [[site_naam(n), MODUSNAMEN[modus], *[cel(res.bouw(m, n, modus)) for m in motoren]]
             for n in res.sites for modus in ("koud", "bewaard")],
            rechts=set(range(2, 2 + len(motoren))),
        )
    if soort == "per_pagina":
        def ms(m: str, n: int) -> str:
            b = res.bouw(m, n, "bewaard")
            return "niet gemeten" if b is None else f"{getal(b.cpu.mediaan_s / b.paginas * 1000, 1)} ms"

        return _tabel(
            "CPU-tijd per pagina, met cache (mediaan)",
            ["Site", "Pagina's", *koppen],
            [[site_naam(n), getal(next(b.paginas for b in res.bouwen if b.n == n)), *[ms(m, n) for m in motoren]]
             for n in res.sites],
            rechts=set(range(1, 2 + len(motoren))),
        )
    if soort == "geheugen":
        def mb(m: str, n: int) -> str:
            b = res.bouw(m, n, "bewaard")
            return "niet gemeten" if b is None else f"{getal(b.piekgeheugen_mb, 0)} MB; site {_mb(b.site_bytes)}"

        return _tabel(
            "Piekgeheugen en grootte van de site (met cache)",
            ["Site", *koppen],
            [[site_naam(n), *[mb(m, n) for m in motoren]] for n in res.sites],
            rechts=set(range(1, 1 + len(motoren))),
        )
    if soort == "profiel":
        if not res.profielen:
            return _tabel("Waar de CPU-tijd heen gaat", ["Onderdeel"], [["niet gemeten"]])
        n = res.profielen[0].n
        profielen = [res.profiel(m) for m in motoren]
        delen: dict[str, float] = {}
        for p in profielen:
            for deel, tijd in (p.delen.items() if p else ()):
                delen[deel] = delen.get(deel, 0.0) + tijd

        def deelcel(p: Profiel | None, deel: str) -> str:
            if p is None:
                return "niet gemeten"
            tijd = p.delen.get(deel, 0.0)
            return f"{_s(tijd)} ({getal(tijd / p.cpu_s * 100 if p.cpu_s else 0, 0)}%)"

        return _tabel(
            f"Waar de CPU-tijd heen gaat bij N = {getal(n)} (één koude bouw met profiler)",
            ["Onderdeel", *koppen],
            [[escape(deel), *[deelcel(p, deel) for p in profielen]] for deel in sorted(delen, key=lambda d: -delen[d])],
            rechts=set(range(1, 1 + len(motoren))),
            voet=[
                ["Totaal", *["niet gemeten" if p is None else _s(p.cpu_s) for p in profielen]],
                ["Keren dat de macro's begonnen (Bouw)", *["" if p is None else getal(p.bouw_aanroepen) for p in profielen]],
                ["CPU-tijd daarvan", *["" if p is None else _s(p.bouw_cpu_s) for p in profielen]],
                ["Gegevens en casussen gecontroleerd", *["" if p is None else getal(p.controles) for p in profielen]],
                ["Casusbestanden gelezen", *["" if p is None else getal(p.casussen_gelezen) for p in profielen]],
            ],
        )
    if soort == "serve":
        return _tabel(
            "Voorbeeld bekijken met MkDocs: van opslaan tot zichtbaar",
            ["Opdracht", "N", "Eerste bouw", "Wijziging zichtbaar na (mediaan)", "Alle metingen"],
            [
                [f"<code>{escape(sm.opdracht)}</code>", getal(sm.n), _s(sm.start_s), _s(sm.mediaan_s),
                 "; ".join(_s(v) for v in sm.vertraging_s)]
                for sm in res.serve
            ] or [["niet gemeten", "", "", "", ""]],
            rechts={1, 2, 3},
        )
    if soort == "startpagina":
        sp = res.startpagina
        if sp is None:
            return _tabel("Startpagina: wat de browser ophaalt", ["Soort"], [["niet gemeten"]])
        soorten: dict[str, list[Bestand]] = {}
        for b in sp.bestanden:
            soorten.setdefault(b.soort, []).append(b)
        rijen = [
            [escape(naam), getal(len(lijst)), _kb(sum(b.bytes for b in lijst)), _kb(sum(b.gzip_bytes for b in lijst))]
            for naam, lijst in sorted(soorten.items())
            if naam != "zoekindex"
        ]
        voet = [["Totaal zonder zoekindex", getal(len(sp.zonder_zoekindex)), _kb(sp.totaal_bytes),
                 _kb(sp.totaal_gzip_bytes)]]
        if sp.zoekindex is not None:
            voet.append(["Zoekindex (apart)", "1", _kb(sp.zoekindex.bytes), _kb(sp.zoekindex.gzip_bytes)])
        return _tabel(
            f"Startpagina (MkDocs): wat de browser ophaalt (gzip niveau {sp.gzip_niveau})",
            ["Soort", "Bestanden", "Onverpakt", "Met gzip"],
            rijen,
            rechts={1, 2, 3},
            voet=voet,
        )
    raise ValueError(f"onbekende soort tabel '{soort}'; kies uit {', '.join(SOORTEN)}")
