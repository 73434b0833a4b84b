"""De MkDocs-plugin van de site (``plugins: - jobcoach`` in mkdocs.yml); ook voor ProperDocs. Zensical slaat hem over.

Wat de pagina's tonen, hangt niet van deze plugin af: de macro's, de Markdown-extensies (``leidraadsite.weergave.htmlblok``,
``leidraadsite.weergave.statusblok``, ``leidraadsite.weergave.tabellen``) en de stap na de bouw (``python -m leidraadsite.nabouw``)
maken de site onder elke bouwer. Zonder deze plugin (haal de regel uit mkdocs.yml) bouwt ``make build`` dezelfde
site, alleen laden de gewone pagina's dan ook de stijl- en scriptbestanden van de printversie. De plugin doet alleen
wat bij MkDocs hoort:

1. ``on_startup``: weten of dit ``make serve`` is (``mkdocs serve --dirty``); dan de aanpassingen voor de
   voorvertoning aanzetten (``printsite-links``, ``mkdocs-yaml-c``, ``dirty-waarschuwing``);
2. ``on_config``: de gegevens van het statusblok controleren vóór de eerste pagina (een fout meteen, in het
   Nederlands); de bytecode-cache voor de sjablonen van het thema (``thema-bytecode``); de snellere ankers van
   print-site (``printsite-ankers``); na print-site: diens stijl- en scriptbestanden uit elke gewone pagina
   (``printsite-bestanden``; ze komen vlak voor ``on_post_build`` van print-site terug, voor de printversie);
3. ``on_files``: elke pagina moet UTF-8 zijn (anders een Nederlandse melding met bestand en regel); bij
   ``--dirty``: alles opnieuw bouwen als de opbouw van de site veranderde;
4. ``on_env``: bij ``--dirty`` de pagina's aanvullen die niet opnieuw gebouwd zijn;
5. ``on_page_context``: bij ``--dirty`` de zoekitems per pagina onthouden;
6. ``on_post_build``: vóór print-site de bestanden van print-site terug in ``extra_css`` en ``extra_javascript``
   (voor de printversie); na print-site en de zoekfunctie: bij ``--dirty`` de zoekindex volledig schrijven; dan de
   stap na de bouw (``leidraadsite.nabouw``: controle, downloads, printversie, rekenhulp, zoeken, CSP; in de
   voorvertoning zonder CSP), zodat ook ``mkdocs build`` alleen al de hele site geeft.

Alle toestand staat op het object van de plugin; MkDocs maakt er één per ``mkdocs.yml`` die het laadt (bij
``make serve`` blijft hetzelfde object over alle herbouwen, zie ``leidraadsite.mkdocs.serve``).

Over de voorvertoning (``--dirty``): MkDocs bouwt na een wijziging alleen de pagina's waarvan het bronbestand
veranderd is (en ``leidraadsite.weergave.bouw`` voegt daar de pagina's aan toe die een gewijzigde casus tonen). Zonder hulp
klopt de rest van de site daarna niet meer: de zoekindex (Material voegt alleen de eerste opnieuw gebouwde pagina
goed samen), de printversie (alleen de opnieuw gebouwde pagina's), de navigatie (titels van niet opnieuw gebouwde
pagina's). De plugin onthoudt per pagina wat de vorige bouw maakte en vult dat aan; verandert de opbouw van de
site, dan bouwt hij alles opnieuw. Wat dit binnenin MkDocs, Material en print-site verandert, staat in
``leidraadsite.aanpassingen``.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from jobcoach.fouten import bestandsreden

from leidraadsite import aanpassingen
from leidraadsite.nabouw.stappen import Instellingen, NabouwFout, nabouw
from leidraadsite.weergave.statusblok import StatusFout, gegevens, wis_gegevens
from leidraadsite.inhoud.tekst import pagina_als_tekst, titels_als_tekst

log = logging.getLogger("mkdocs.plugins.jobcoach")

# Wat een gewone 'mkdocs serve' naast docs/ en mkdocs.yml bekijkt (make serve bekijkt het hele project zelf).
BEKIJKEN = ("casussen", "src/jobcoach", "src/leidraadsite", "macros", "CHANGELOG.md", "overrides")


class JobcoachConfig(base.Config):
    # Na de bouw de stap van leidraadsite.nabouw draaien (anders: make build of python -m leidraadsite.nabouw).
    nabouw = c.Type(bool, default=True)


@dataclass
class _Pagina:
    titel: str | None
    meta: dict
    html: str | None  # de HTML die mkdocs-print-site-plugin in de printversie zet
    zoekitems: list[dict] = field(default_factory=list)


class JobcoachPlugin(BasePlugin[JobcoachConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.voorvertoning = False  # mkdocs serve (geen CSP na de bouw)
        self.dirty = False  # mkdocs serve --dirty: de pagina's aanvullen
        self.opbouw: str | None = None
        self.paginas: dict[str, _Pagina] = {}
        self.zoekplugin: Any = None
        self.gezien = 0  # zoveel items van de zoekplugin zijn al aan een pagina toegewezen
        # printversie: uitkomst van fix_internal_links per (html, adres, ...), van de vorige en van deze bouw
        self.print_oud: dict[tuple, str] = {}
        self.print_nieuw: dict[tuple, str] = {}
        # de bestanden van print-site, tussen on_config en on_post_build buiten extra_css en extra_javascript
        self.printsite_bestanden: aanpassingen.PrintsiteBestanden | None = None

    # 1 ---------------------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.voorvertoning = command == "serve"
        self.dirty = command == "serve" and dirty
        if self.dirty:
            aanpassingen.printsite_links(self._onthoud_print_links)
            aanpassingen.mkdocs_yaml_c()
            aanpassingen.dirty_waarschuwing_weg()
            aanpassingen.themabestanden_onthouden()
            log.info("voorvertoning: alleen gewijzigde pagina's worden opnieuw gebouwd (--dirty)")

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Bekijk de bronnen buiten docs/ die er zijn (in mkdocs.yml 'watch:' zou een ontbrekende map de bouw stoppen;
        make serve bekijkt het hele project zelf)."""
        wortel = Path(config.config_file_path).parent
        for naam in BEKIJKEN:
            if (wortel / naam).exists():
                server.watch(str(wortel / naam))
        return server

    def _onthoud_print_links(self, origineel: Any) -> Any:
        """``fix_internal_links`` van print-site, met de uitkomst van de vorige bouw als de invoer gelijk is."""

        def fix_internal_links(page_html, page_url, directory_urls, heading_number):  # noqa: ANN001, ANN202
            sleutel = (page_html, page_url, directory_urls, heading_number)
            uitkomst = self.print_nieuw.get(sleutel) or self.print_oud.get(sleutel)
            if uitkomst is None:
                uitkomst = origineel(page_html, page_url, directory_urls, heading_number)
            self.print_nieuw[sleutel] = uitkomst
            return uitkomst

        return fix_internal_links

    # 2 ---------------------------------------------------------------------------------------------

    def _config(self, config: MkDocsConfig) -> MkDocsConfig:
        wis_gegevens()
        try:
            gegevens(Path(config.docs_dir), dict(config.extra or {}), config.site_url)
        except StatusFout as fout:
            raise PluginError(str(fout)) from None
        aanpassingen.thema_bytecode(config.theme)
        if "print-site" in config.plugins:
            aanpassingen.printsite_ankers()
        return config

    @event_priority(-100)  # na print-site, die zijn bestanden dan in extra_css en extra_javascript zette
    def _printsite_bestanden_apart(self, config: MkDocsConfig) -> MkDocsConfig:
        self.printsite_bestanden = aanpassingen.printsite_bestanden_apart(config) if "print-site" in config.plugins else None
        return config

    on_config = CombinedEvent(_config, _printsite_bestanden_apart)

    # titels -----------------------------------------------------------------------------------------

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Titels van het menu (mkdocs.yml) als HTML-tekst: het thema zet ze zonder escapen in de pagina."""
        titels_als_tekst(nav.items)
        return nav

    @event_priority(-100)  # na mkdocs-macros, die een titel met {{ … }} invult
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Titel en omschrijving van de pagina als HTML-tekst (leidraadsite.inhoud.tekst.pagina_als_tekst)."""
        pagina_als_tekst(page)
        return markdown

    # 3 ---------------------------------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        problemen = []
        for f in files.documentation_pages():
            try:
                ruw = Path(f.abs_src_path).read_bytes() if f.abs_src_path else b""
            except OSError as fout:  # een link naar zichzelf, geen leesrecht: een melding, geen traceback
                problemen.append(f"docs/{f.src_uri}: kan niet worden gelezen ({bestandsreden(fout)})")
                continue
            try:
                ruw.decode("utf-8")
            except UnicodeDecodeError as fout:
                regel = ruw.count(b"\n", 0, fout.start) + 1
                problemen.append(f"docs/{f.src_uri}:{regel}: bestand is geen UTF-8-tekst; bewaar het als UTF-8")
        if problemen:
            raise PluginError("\n".join(problemen))
        if not self.dirty:
            return files
        opbouw = _opbouw(config, files)
        if opbouw != self.opbouw:
            if self.opbouw is not None:
                log.info("voorvertoning: pagina's, navigatie, configuratie of sjablonen veranderd; "
                         "alles wordt opnieuw gebouwd")
            self.paginas = {}  # ook weggehaalde pagina's vergeten
            for f in files.documentation_pages():
                f.is_modified = lambda: True  # type: ignore[method-assign]
        self.opbouw = opbouw
        self.zoekplugin = config.plugins.get("material/search") or config.plugins.get("search")
        self.gezien = 0
        # alleen de uitkomsten van de vorige bouw bewaren, zodat het geheugen niet groeit
        self.print_oud, self.print_nieuw = self.print_nieuw, {}
        return files

    # 4 ---------------------------------------------------------------------------------------------

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Na het lezen van de pagina's, vóór het thema: vul de pagina's aan die niet opnieuw gelezen zijn."""
        if not self.dirty:
            return env
        gebouwd = 0
        for f in files.documentation_pages():
            pagina = f.page
            if pagina is None:
                continue
            if pagina.content is not None:  # opnieuw gebouwd: onthouden
                gebouwd += 1
                self.paginas[f.src_uri] = _Pagina(pagina.title, dict(pagina.meta), getattr(pagina, "html", None))
                continue
            bewaard = self.paginas.get(f.src_uri)
            if bewaard is None:
                raise PluginError(f"voorvertoning: {f.src_uri} is niet opnieuw gebouwd en er is niets van bewaard; "
                                  "start mkdocs serve opnieuw")
            pagina.title = bewaard.titel
            pagina.meta = dict(bewaard.meta)
            if bewaard.html is not None:
                pagina.html = bewaard.html  # type: ignore[attr-defined]
        log.info(f"voorvertoning: {gebouwd} pagina('s) opnieuw gebouwd")
        return env

    # 5 ---------------------------------------------------------------------------------------------

    @event_priority(-100)  # na de zoekplugin: die heeft de items van deze pagina dan net toegevoegd
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        items = aanpassingen.zoekitems(self.zoekplugin) if self.dirty else None
        if items is not None:
            # Elke pagina die hier komt, is opnieuw gebouwd en staat dus sinds on_env in self.paginas.
            self.paginas[page.file.src_uri].zoekitems = [dict(i) for i in items[self.gezien:]]
            self.gezien = len(items)
        return context

    # 6 ---------------------------------------------------------------------------------------------

    @event_priority(100)  # vóór print-site: die maakt de printversie met extra_css en extra_javascript
    def _printsite_bestanden_terug(self, *, config: MkDocsConfig) -> None:
        if self.printsite_bestanden is not None:
            aanpassingen.printsite_bestanden_terug(config, self.printsite_bestanden)
            self.printsite_bestanden = None

    @event_priority(-100)  # na de zoekplugin en print-site, die de index en de printversie dan al schreven
    def _nabouw(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        if self.dirty and aanpassingen.zoekitems(self.zoekplugin) is not None:
            items = [item for p in self.paginas.values() for item in p.zoekitems]
            aanpassingen.schrijf_zoekindex(self.zoekplugin, items, site)
            log.info(f"voorvertoning: zoekindex met {len(items)} items")
        if self.config.nabouw:
            try:
                nabouw(site, Instellingen.uit_config(dict(config), Path(config.config_file_path).parent),
                       voorvertoning=self.voorvertoning)
            except NabouwFout as fout:
                raise PluginError(str(fout)) from None

    on_post_build = CombinedEvent(_printsite_bestanden_terug, _nabouw)


def _inhoud(pad: Path) -> bytes:
    try:
        return pad.read_bytes()
    except OSError:
        return b""


def _opbouw(config: MkDocsConfig, files: Files) -> str:
    """Een vingerafdruk van alles wat op elke pagina staat: de lijst pagina's, de configuratie, de sjablonen."""
    h = hashlib.sha256()
    for f in sorted(files, key=lambda f: f.src_uri):
        h.update(f.src_uri.encode() + (b"p" if f.is_documentation_page() else b"-"))
    configbestand = Path(config.config_file_path)
    tekst = _inhoud(configbestand)
    h.update(tekst)
    ouder = re.search(rb"^INHERIT:\s*(\S+)", tekst, re.M)
    if ouder:
        h.update(_inhoud(configbestand.parent / ouder.group(1).decode()))
    if config.theme.custom_dir:  # de eigen sjablonen (overrides/); MkDocs geeft de map soms relatief, soms absoluut
        map_ = Path(config.theme.custom_dir)
        for pad in sorted(map_.rglob("*")):
            if pad.is_file():
                h.update(pad.relative_to(map_).as_posix().encode() + str(pad.stat().st_mtime_ns).encode())
    return h.hexdigest()
