"""Markdown-extensie: controleer de voorkant van elke pagina, zet het statusblok onder de titel en leg de voet klaar.

Gebruik in mkdocs.yml::

    markdown_extensions:
      - leidraadsite.weergave.statusblok

Een extensie, geen hook: MkDocs, ProperDocs en Zensical draaien haar alle drie (welke pagina het is, zegt
``leidraadsite.weergave.motor``). Het statusblok noemt editie en stand van de leidraad, de datums, het tijdvak (de
melding dat de regels van 2011 vervallen zijn) en de rollen (``leidraadsite.inhoud.paginas.status_markdown``). De
paginavoet (bron en licentie) gaat via ``page.meta`` naar het thema (``overrides/partials/pagina-voet.html``).

Bij de eerste pagina worden ook de gegevens gecontroleerd: de rolkaart, de licenties, ``extra.leidraad`` en
``extra.onderhoudsgroep.email`` in mkdocs.yml, en of de dag waarop het Protocol Jobcoach verviel gelijk is aan
die in de regels. Een fout laat de bouw stoppen met een Nederlandse melding.

De datum waarop een pagina "aan herziening toe" is, hangt af van de bouwdatum: vandaag, of de datum uit
``SOURCE_DATE_EPOCH`` (de gewone manier om een bouw herhaalbaar te maken; de tests gebruiken dat).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

from jobcoach import Bestandsfout, laad_regels

from leidraadsite.weergave.motor import Bouwfout, huidige_pagina
from leidraadsite.inhoud.paginas import (
    LeidraadEditie,
    Licentie,
    bouwdatum,
    laad_licenties,
    pagina_voorkant,
    status_markdown,
    voeg_na_titel,
    voet_html,
)
from leidraadsite.inhoud.rollen import Rolkaart, laad_rolkaart
from leidraadsite.inhoud.terugmelding import onderhoudsadres


class StatusFout(Bouwfout):
    """Gegevens voor het statusblok of de voorkant van een pagina kloppen niet; de bouw stopt."""


@dataclass(frozen=True)
class _Gegevens:
    rolkaart: Rolkaart
    licenties: dict[str, Licentie]
    editie: LeidraadEditie
    datum: dt.date
    rolnamen: dict[str, str]


@lru_cache(maxsize=4)
def _gegevens(docs: Path, extra_json: str, _bouwdatum: str, site_url: str | None = None) -> _Gegevens:
    extra = json.loads(extra_json)
    try:
        rolkaart = laad_rolkaart(docs=docs)
        licenties = laad_licenties()
    except Bestandsfout as fout:
        raise StatusFout("Ongeldige gegevens; de site wordt niet gebouwd:\n" + fout.tekst()) from None
    try:
        editie = LeidraadEditie.model_validate(extra.get("leidraad"))
    except ValueError as fout:
        raise StatusFout(f"mkdocs.yml: extra.leidraad: editie en stand ontbreken of kloppen niet ({fout})") from None
    try:
        einde = laad_regels().einde_protocollen()
    except Bestandsfout as fout:
        raise StatusFout("Ongeldige regels; de site wordt niet gebouwd:\n" + fout.tekst()) from None
    if einde != editie.protocol_vervallen:
        raise StatusFout(f"mkdocs.yml: extra.leidraad.protocol_vervallen is {editie.protocol_vervallen.isoformat()}, "
                         f"maar volgens src/jobcoach/data/regels.yml geldt er vanaf {einde} geen Protocol Jobcoach "
                         "meer; maak ze gelijk")
    try:
        onderhoudsadres(extra, site_url=site_url)
        datum = bouwdatum()
    except ValueError as fout:
        raise StatusFout(str(fout)) from None
    return _Gegevens(rolkaart, licenties, editie, datum, {r.id: r.kort for r in rolkaart.rollen})


def gegevens(docs: Path, extra: dict[str, Any], site_url: str | None = None) -> _Gegevens:
    """De gegevens voor deze bouw (per proces onthouden zolang docs, ``extra``, ``site_url`` en de bouwdatum gelijk
    blijven). Met ``site_url`` wordt ook dat adres gecontroleerd (voorlopig domein, productiebouw)."""
    try:
        datum = bouwdatum().isoformat()
    except ValueError as fout:
        raise StatusFout(str(fout)) from None
    return _gegevens(docs.resolve(), json.dumps(extra, sort_keys=True, default=str), datum, site_url)


def wis_gegevens() -> None:
    """Vergeet de onthouden gegevens (na een wijziging van de rolkaart of de licenties, bij ``make serve``)."""
    _gegevens.cache_clear()


class _Status(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        pagina = huidige_pagina(self.md)
        if pagina is None:  # geen pagina van een bouwer (bijvoorbeeld Markdown in een test): niets te doen
            return lines
        g = gegevens(pagina.docs, pagina.extra)
        try:
            voorkant = pagina_voorkant(pagina.pad, g.rolkaart.rol_ids, list(g.licenties))
        except Bestandsfout as fout:
            raise StatusFout("Ongeldige voorkant; de site wordt niet gebouwd:\n" + fout.tekst()) from None
        if pagina.meta is not None:
            pagina.meta["jobcoach_voet"] = Markup(voet_html(voorkant, g.licenties))
        blok = status_markdown(voorkant, g.editie, g.rolnamen, pagina.bron, g.datum)
        return voeg_na_titel("\n".join(lines), blok).split("\n")


class StatusblokExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - naam komt van Python-Markdown
        md.registerExtension(self)
        # Na de macro's (bij Zensical een preprocessor op 35) en vóór de codeblokken (25) en HTML-blokken (20).
        md.preprocessors.register(_Status(md), "jobcoach_status", 33)


def makeExtension(**kwargs: object) -> StatusblokExtension:  # noqa: N802 - naam komt van Python-Markdown
    return StatusblokExtension(**kwargs)
