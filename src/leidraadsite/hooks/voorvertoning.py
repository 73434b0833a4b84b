"""MkDocs-hook: een snelle én volledige voorvertoning met ``mkdocs serve --dirty`` (zo start ``make serve``).

Met ``--dirty`` bouwt MkDocs na een wijziging alleen de pagina's waarvan het bronbestand veranderd is
(en ``macros/__init__.py`` voegt daar de pagina's aan toe die een gewijzigde casus tonen). Bij 1000
casussen duurt dat een paar seconden in plaats van een halve minuut. Zonder hulp klopt de rest van de
site daarna niet meer (gemeten op de echte site, na het wijzigen van één casus):

- de zoekindex: Material voegt alleen de eerste opnieuw gebouwde pagina goed samen; de andere staan er
  dubbel in (230 → 238 items);
- de printversie: die bevat alleen de opnieuw gebouwde pagina's (397 kB → 84 kB);
- de navigatie: een pagina die niet opnieuw gebouwd is, heeft geen titel uit haar kop, dus toont de
  navigatie van een nieuwe pagina de bestandsnaam;
- na een nieuwe, verplaatste of verwijderde pagina, of een andere ``mkdocs.yml`` of ander sjabloon, is
  de navigatie van alle andere pagina's oud.

Deze hook onthoudt per pagina wat de vorige bouw in dit proces maakte (titel, metagegevens, HTML voor de
printversie, items van de zoekindex) en vult dat aan bij de pagina's die niet opnieuw gebouwd zijn.
mkdocs-print-site-plugin werkt de links van elke pagina bij voor de printversie (``fix_internal_links``,
bij 1000 casussen ruim een seconde); de uitkomst per pagina hangt alleen af van de HTML en het adres van
die pagina, dus de hook hergebruikt de uitkomst van de vorige bouw voor pagina's die niet veranderd zijn.
Verandert de opbouw van de site, dan bouwt hij alles opnieuw. Bij ``mkdocs build`` en bij
``mkdocs serve`` zonder ``--dirty`` doet hij niets.

De waarschuwing van MkDocs dat een 'dirty' bouw onjuiste navigatie en links kan geven, laat deze hook
weg: juist die gevolgen vangt hij op. Zo blijft ``strict`` aan voor alle andere waarschuwingen.

Bij elke herbouw leest MkDocs ``mkdocs.yml`` opnieuw, met de YAML-lezer van PyYAML in Python: bij een
navigatie van 1000 casussen kost dat 0,19 s. Met dezelfde lezer op de C-bibliotheek (libyaml) is het
0,04 s; de uitkomst is dezelfde (tests/test_voorvertoning.py). De hook zet die lezer alleen in de
voorvertoning aan.

Wat deze hook binnenin MkDocs, Material en print-site verandert, staat in ``leidraadsite.aanpassingen``
(``printsite-links``, ``mkdocs-yaml-c``, ``dirty-waarschuwing``, ``zoekindex-voorvertoning``).
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from leidraadsite import aanpassingen

log = logging.getLogger("mkdocs.hooks.voorvertoning")


@dataclass
class _Pagina:
    titel: str | None
    meta: dict
    html: str | None  # de HTML die mkdocs-print-site-plugin in de printversie zet
    zoekitems: list[dict] = field(default_factory=list)


@dataclass
class _Staat:
    """Wat tussen twee bouwen in hetzelfde ``mkdocs serve``-proces bewaard blijft.

    MkDocs laadt een hook één keer per proces (``_load_hook`` onthoudt de module), dus deze staat blijft.
    """

    actief: bool = False
    opbouw: str | None = None
    paginas: dict[str, _Pagina] = field(default_factory=dict)
    # per bouw
    zoekplugin: object | None = None
    gezien: int = 0  # zoveel items van de zoekplugin zijn al aan een pagina toegewezen
    # printversie: uitkomst van fix_internal_links per (html, adres, ...), van de vorige en van deze bouw
    print_oud: dict[tuple, str] = field(default_factory=dict)
    print_nieuw: dict[tuple, str] = field(default_factory=dict)


_STAAT = _Staat()


def _onthoud_print_links(origineel):  # noqa: ANN001, ANN202
    """``fix_internal_links`` van print-site, met de uitkomst van de vorige bouw als de invoer gelijk is."""

    def fix_internal_links(page_html, page_url, directory_urls, heading_number):  # noqa: ANN001, ANN202
        sleutel = (page_html, page_url, directory_urls, heading_number)
        uitkomst = _STAAT.print_nieuw.get(sleutel) or _STAAT.print_oud.get(sleutel)
        if uitkomst is None:
            uitkomst = origineel(page_html, page_url, directory_urls, heading_number)
        _STAAT.print_nieuw[sleutel] = uitkomst
        return uitkomst

    return fix_internal_links


def on_startup(command, dirty, **kwargs):  # noqa: ANN001, ANN003, ANN201 - vaste vorm van MkDocs
    _STAAT.actief = command == "serve" and dirty
    if _STAAT.actief:
        aanpassingen.printsite_links(_onthoud_print_links)
        aanpassingen.mkdocs_yaml_c()
        aanpassingen.dirty_waarschuwing_weg()
        log.info("voorvertoning: alleen gewijzigde pagina's worden opnieuw gebouwd (--dirty)")


# Wat een gewone 'mkdocs serve' naast docs/ en mkdocs.yml bekijkt (make serve bekijkt het hele project zelf).
BEKIJKEN = ("casussen", "src/jobcoach", "src/leidraadsite", "macros", "CHANGELOG.md", "overrides")


def on_serve(server, config, builder, **kwargs):  # noqa: ANN001, ANN003, ANN201 - vaste vorm van MkDocs
    """Bekijk de bronnen buiten docs/ die er zijn (in mkdocs.yml 'watch:' zou een ontbrekende map de bouw stoppen)."""
    wortel = Path(config.config_file_path).parent
    for naam in BEKIJKEN:
        if (wortel / naam).exists():
            server.watch(str(wortel / naam))
    return server


def _inhoud(pad: Path) -> bytes:
    try:
        return pad.read_bytes()
    except OSError:
        return b""


def _opbouw(config, files) -> str:  # noqa: ANN001
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


def on_files(files, config, **kwargs):  # noqa: ANN001, ANN003, ANN201
    if not _STAAT.actief:
        return files
    opbouw = _opbouw(config, files)
    if opbouw != _STAAT.opbouw:
        if _STAAT.opbouw is not None:
            log.info("voorvertoning: pagina's, navigatie, configuratie of sjablonen veranderd; alles wordt opnieuw gebouwd")
        _STAAT.paginas = {}  # ook weggehaalde pagina's vergeten
        for f in files.documentation_pages():
            f.is_modified = lambda: True  # type: ignore[method-assign]
    _STAAT.opbouw = opbouw
    _STAAT.zoekplugin = config.plugins.get("material/search") or config.plugins.get("search")
    _STAAT.gezien = 0
    # alleen de uitkomsten van de vorige bouw bewaren, zodat het geheugen niet groeit
    _STAAT.print_oud, _STAAT.print_nieuw = _STAAT.print_nieuw, {}
    return files


def on_env(env, config, files, **kwargs):  # noqa: ANN001, ANN003, ANN201
    """Na het lezen van de pagina's, vóór het thema: vul de pagina's aan die niet opnieuw gelezen zijn."""
    if not _STAAT.actief:
        return env
    gebouwd = 0
    for f in files.documentation_pages():
        pagina = f.page
        if pagina is None:
            continue
        if pagina.content is not None:  # opnieuw gebouwd: onthouden
            gebouwd += 1
            _STAAT.paginas[f.src_uri] = _Pagina(pagina.title, dict(pagina.meta), getattr(pagina, "html", None))
            continue
        bewaard = _STAAT.paginas.get(f.src_uri)
        if bewaard is None:
            raise PluginError(f"voorvertoning: {f.src_uri} is niet opnieuw gebouwd en er is niets van bewaard; "
                              "start mkdocs serve opnieuw")
        pagina.title = bewaard.titel
        pagina.meta = dict(bewaard.meta)
        if bewaard.html is not None:
            pagina.html = bewaard.html
    log.info(f"voorvertoning: {gebouwd} pagina('s) opnieuw gebouwd")
    return env


@event_priority(-100)  # na de zoekplugin: die heeft de items van deze pagina dan net toegevoegd
def on_page_context(context, page, config, nav, **kwargs):  # noqa: ANN001, ANN003, ANN201
    items = aanpassingen.zoekitems(_STAAT.zoekplugin) if _STAAT.actief else None
    if items is not None:
        # Elke pagina die hier komt, is opnieuw gebouwd en staat dus sinds on_env in de staat.
        _STAAT.paginas[page.file.src_uri].zoekitems = [dict(i) for i in items[_STAAT.gezien:]]
        _STAAT.gezien = len(items)
    return context


@event_priority(-100)  # na de zoekplugin, die de index dan al geschreven heeft
def on_post_build(config, **kwargs):  # noqa: ANN001, ANN003, ANN201
    """Schrijf de zoekindex opnieuw uit de items van alle pagina's: nieuw voor de opnieuw gebouwde, bewaard voor de rest."""
    if not _STAAT.actief or aanpassingen.zoekitems(_STAAT.zoekplugin) is None:
        return
    items = [item for p in _STAAT.paginas.values() for item in p.zoekitems]
    aanpassingen.schrijf_zoekindex(_STAAT.zoekplugin, items, Path(config.site_dir))
    log.info(f"voorvertoning: zoekindex met {len(items)} items")
