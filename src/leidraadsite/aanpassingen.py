"""Alle aanpassingen van de binnenkant van andere pakketten, op één plek.

De site gebruikt zoveel mogelijk de openbare kant van MkDocs, Material en de plugins (events van
plugins, instellingen). Waar dat niet genoeg is, verandert de site iets binnenin een ander pakket. Elke
zo'n aanpassing staat hieronder, met:

- de versies waarmee ze getest is. Is een ander pakket geïnstalleerd, dan stopt de bouw met een
  Nederlandse melding: kijk dan of de aanpassing nog klopt, en pas de versie hier aan;
- een schakelaar: ``JOBCOACH_ZONDER=naam,naam`` (of ``JOBCOACH_ZONDER=alle``) in de omgeving zet
  aanpassingen uit. De site blijft dan goed, alleen langzamer (of, bij ``zoekworker-nl``, zoekt ze
  slechter in het Nederlands).

De aanpassingen:

``thema-bytecode``  (mkdocs 1.6.1)
    Elke Jinja-omgeving van het thema krijgt dezelfde bytecode-cache, zodat Material's sjablonen niet
    bij elke bouw opnieuw gecompileerd worden (``Theme.get_env``).
``pagina-compilatie``  (mkdocs-macros-plugin 1.5, Jinja2 3.1)
    mkdocs-macros compileert elke pagina met ``Environment.from_string``; deze versie onthoudt de
    gecompileerde code per pagina.
``printsite-ankers``  (mkdocs-print-site-plugin 2.9)
    ``update_anchor_ids`` van de plugin kost bij lange regels kwadratisch veel tijd;
    ``leidraadsite.nabouw.printversie.ankers_uniek`` geeft dezelfde uitkomst in lineaire tijd.
``printsite-bestanden``  (mkdocs-print-site-plugin 2.9)
    print-site zet zijn stijl- en scriptbestanden (``css/print-site*.css``, ``js/print-site.js``) in ``extra_css`` en
    ``extra_javascript``, en daarmee in elke pagina; alleen de printversie heeft ze nodig. De plugin van de site haalt
    ze er na ``on_config`` van print-site uit, en zet ze vlak voor zijn ``on_post_build`` (waar print-site de
    printversie maakt) terug op dezelfde plaats. De gewone pagina's zijn dan al geschreven.
``printsite-links``  (mkdocs-print-site-plugin 2.9; alleen bij ``mkdocs serve --dirty``)
    ``fix_internal_links`` van de plugin geeft voor een ongewijzigde pagina de uitkomst van de vorige bouw.
``mkdocs-yaml-c``  (mkdocs 1.6.1; alleen bij ``mkdocs serve --dirty``)
    MkDocs leest ``mkdocs.yml`` met de C-lezer van PyYAML in plaats van die in Python.
``dirty-waarschuwing``  (mkdocs 1.6.1; alleen bij ``mkdocs serve --dirty``)
    De waarschuwing dat een 'dirty' bouw onjuiste navigatie kan geven valt weg; de voorvertoning vangt
    die gevolgen op. Zo kan ``strict`` aan blijven voor alle andere waarschuwingen.
``zoekindex-voorvertoning``  (mkdocs-material 9.8; alleen bij ``mkdocs serve --dirty``)
    De voorvertoning leest en schrijft de items van Material's zoekindex (``search_index.entries``).
``zoekworker-nl``  (mkdocs-material 9.8)
    Na de bouw krijgt Material's zoek-webworker een aanvulling die getypte zoekwoorden Nederlands stemt.
``themabestanden-voorvertoning``  (mkdocs 1.6.1; alleen bij ``mkdocs serve --dirty``)
    ``Files.add_files_from_theme`` zoekt bij elke bouw alle bestanden van het thema op (ruim 14.000 namen
    vergeleken met patronen: ongeveer 0,4 s van een herbouw van 1 s). De voorvertoning onthoudt de lijst zolang de
    mappen van het thema niet veranderen; welke bestanden van docs/ voorgaan, bepaalt hij wel bij elke bouw.
``voorvertoning-server``  (mkdocs 1.6.1)
    ``make serve`` (``leidraadsite.mkdocs.serve``) bouwt met ``mkdocs.commands.build.build`` en serveert met MkDocs'
    ``LiveReloadServer``; een mislukte bouw wordt een foutpagina. Uit: gewoon ``mkdocs serve --dirty``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from types import CodeType
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, Template
from mkdocs.exceptions import PluginError

SCHAKELAAR = "JOBCOACH_ZONDER"


@dataclass(frozen=True)
class Aanpassing:
    naam: str
    getest: dict[str, str]  # pakket -> geteste versie (ook een reeks, zoals "9.8": elke 9.8.x)
    wat: str


AANPASSINGEN = {
    a.naam: a
    for a in (
        Aanpassing("thema-bytecode", {"mkdocs": "1.6.1"}, "bytecode-cache voor de sjablonen van het thema"),
        Aanpassing("pagina-compilatie", {"mkdocs-macros-plugin": "1.5", "Jinja2": "3.1"},
                   "gecompileerde pagina's onthouden"),
        Aanpassing("printsite-ankers", {"mkdocs-print-site-plugin": "2.9"}, "snellere update_anchor_ids"),
        Aanpassing("printsite-bestanden", {"mkdocs-print-site-plugin": "2.9"},
                   "de bestanden van print-site alleen in de printversie"),
        Aanpassing("printsite-links", {"mkdocs-print-site-plugin": "2.9"}, "fix_internal_links onthouden"),
        Aanpassing("mkdocs-yaml-c", {"mkdocs": "1.6.1"}, "mkdocs.yml lezen met de C-lezer van PyYAML"),
        Aanpassing("dirty-waarschuwing", {"mkdocs": "1.6.1"}, "waarschuwing over een 'dirty' bouw weglaten"),
        Aanpassing("zoekindex-voorvertoning", {"mkdocs-material": "9.8"}, "zoekindex volledig houden"),
        Aanpassing("zoekworker-nl", {"mkdocs-material": "9.8"}, "Nederlandse stemming van zoekwoorden"),
        Aanpassing("themabestanden-voorvertoning", {"mkdocs": "1.6.1"}, "de bestanden van het thema onthouden"),
        Aanpassing("voorvertoning-server", {"mkdocs": "1.6.1"},
                   "make serve met LiveReloadServer van MkDocs: een foutpagina in plaats van een server die blijft wachten"),
    )
}


PROPERDOCS_GETEST = "1.6.7"  # geldt voor elke aanpassing die met mkdocs 1.6.1 getest is


def motor() -> str:
    """De bouwer die nu draait: ``properdocs`` (die zet zichzelf ook onder de naam ``mkdocs``) of ``mkdocs``."""
    properdocs = sys.modules.get("properdocs")
    return "properdocs" if properdocs is not None and sys.modules.get("mkdocs") is properdocs else "mkdocs"


def _uitgezet() -> set[str]:
    return {n.strip() for n in os.environ.get(SCHAKELAAR, "").split(",") if n.strip()}


def aan(naam: str) -> bool:
    """Staat deze aanpassing aan? Zo ja: klopt de versie van elk pakket (anders een ``PluginError``)?"""
    aanpassing = AANPASSINGEN[naam]
    uit = _uitgezet()
    onbekend = uit - set(AANPASSINGEN) - {"alle"}
    if onbekend:
        raise PluginError(f"{SCHAKELAAR}: onbekende aanpassing {', '.join(sorted(onbekend))}; "
                          f"bekend zijn: {', '.join(AANPASSINGEN)} (of 'alle')")
    if naam in uit or "alle" in uit:
        return False
    for pakket, getest in aanpassing.getest.items():
        if pakket == "mkdocs" and motor() == "properdocs":  # ProperDocs draait de code van MkDocs 1.6 onder eigen naam
            pakket, getest = "properdocs", PROPERDOCS_GETEST
        gevonden = metadata.version(pakket)
        if gevonden != getest and not gevonden.startswith(getest + "."):
            raise PluginError(
                f"Aanpassing '{naam}' ({aanpassing.wat}) is getest met {pakket} {getest}, maar {gevonden} is "
                f"geïnstalleerd. Controleer in src/leidraadsite/aanpassingen.py of ze nog klopt en pas de geteste "
                f"versie aan, of zet haar uit met {SCHAKELAAR}={naam}."
            )
    return True


# --- thema-bytecode ----------------------------------------------------------------------------

_CACHE = FileSystemBytecodeCache()  # in de tijdelijke map; Jinja controleert zelf bron en versies


def thema_bytecode(thema: Any) -> None:
    """Geef elke Jinja-omgeving die ``thema`` maakt (ook die van search en print-site) dezelfde cache."""
    if not aan("thema-bytecode"):
        return
    maak_omgeving = type(thema).get_env.__get__(thema)  # de gewone methode, ook als dit vaker gebeurt

    def get_env():  # noqa: ANN202
        env = maak_omgeving()
        env.bytecode_cache = _CACHE
        return env

    thema.get_env = get_env


# --- pagina-compilatie -------------------------------------------------------------------------

_GECOMPILEERD: dict[str, CodeType] = {}


def _vingerafdruk(env: Environment) -> str:
    instellingen = (
        type(env).__module__, type(env).__qualname__, getattr(env, "sandboxed", False),  # zandbak of niet
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        sorted(env.extensions), env.optimized, env.autoescape, env.is_async, sorted(env.filters), sorted(env.tests),
        getattr(env.finalize, "__qualname__", env.finalize),
    )
    return hashlib.sha256(repr(instellingen).encode()).hexdigest()[:16]


def pagina_compilatie(env: Environment) -> None:
    """Laat ``env.from_string`` gecompileerde code hergebruiken: in het geheugen (zolang het proces loopt,
    dus over de herbouwen van ``mkdocs serve``) en op schijf (Jinja's bytecode-cache, die zelf de versies van
    Python en Jinja controleert). De sleutel bevat de tekst van de pagina en de instellingen van de omgeving
    (bij de eerste pagina gelezen, als alle filters er zijn), zodat een andere pagina of instelling nooit oude
    code oplevert. Meer dan eens aanroepen kan geen kwaad."""
    if getattr(env, "_jobcoach_versneld", False) or not aan("pagina-compilatie"):
        return
    vingerafdruk: list[str] = []

    def from_string(source: str, globals: dict[str, Any] | None = None,  # noqa: A002 - naam van Jinja
                    template_class: type[Template] | None = None) -> Template:
        if not vingerafdruk:
            vingerafdruk.append(_vingerafdruk(env))
        sleutel = f"jobcoach-pagina-{vingerafdruk[0]}-{hashlib.sha256(source.encode('utf-8')).hexdigest()}"
        code = _GECOMPILEERD.get(sleutel)
        if code is None:
            emmer = _CACHE.get_bucket(env, sleutel, None, source)
            code = emmer.code
            if code is None:
                code = env.compile(source)
                emmer.code = code
                _CACHE.set_bucket(emmer)
            _GECOMPILEERD[sleutel] = code
        return (template_class or env.template_class).from_code(env, code, env.make_globals(globals), None)

    env.from_string = from_string  # type: ignore[method-assign, assignment]
    env._jobcoach_versneld = True  # type: ignore[attr-defined]


# --- printsite-ankers en printsite-links ---------------------------------------------------------


def printsite_ankers() -> None:
    """Laat mkdocs-print-site-plugin ``ankers_uniek`` gebruiken in plaats van ``update_anchor_ids``."""
    import mkdocs_print_site_plugin.urls as print_site_urls

    from leidraadsite.nabouw.printversie import ankers_uniek

    if not aan("printsite-ankers"):
        return
    if not callable(getattr(print_site_urls, "update_anchor_ids", None)):
        raise PluginError("Aanpassing 'printsite-ankers': mkdocs-print-site-plugin heeft geen update_anchor_ids meer.")
    print_site_urls.update_anchor_ids = ankers_uniek


_PRINTSITE = ("css/print-site", "js/print-site")  # de voorvoegsels van wat print-site in extra_css/_javascript zet


@dataclass(frozen=True)
class PrintsiteBestanden:
    css: list[Any]
    js: list[Any]


def _van_printsite(pad: object) -> bool:
    return str(pad).startswith(_PRINTSITE)


def printsite_bestanden_apart(config: Any) -> PrintsiteBestanden | None:
    """Haal de bestanden van print-site uit ``extra_css`` en ``extra_javascript``; geeft ze terug (of None als de
    aanpassing uit staat of print-site niets toevoegde)."""
    if not aan("printsite-bestanden"):
        return None
    apart = PrintsiteBestanden([p for p in config.extra_css if _van_printsite(p)],
                               [p for p in config.extra_javascript if _van_printsite(p)])
    if not apart.css and not apart.js:
        return None
    config.extra_css = [p for p in config.extra_css if not _van_printsite(p)]
    config.extra_javascript = [p for p in config.extra_javascript if not _van_printsite(p)]
    return apart


def printsite_bestanden_terug(config: Any, apart: PrintsiteBestanden) -> None:
    """Zet de bestanden van print-site terug vooraan in de lijsten, waar print-site ze zette (voor de printversie)."""
    config.extra_css = apart.css + [p for p in config.extra_css if not _van_printsite(p)]
    config.extra_javascript = apart.js + [p for p in config.extra_javascript if not _van_printsite(p)]


def printsite_links(onthouden: Callable[[Callable[..., str]], Callable[..., str]]) -> None:
    """Vervang ``fix_internal_links`` van print-site door ``onthouden(origineel)``."""
    import mkdocs_print_site_plugin.renderer as print_site_renderer

    if not aan("printsite-links"):
        return
    origineel = getattr(print_site_renderer.fix_internal_links, "_jobcoach_origineel",
                        print_site_renderer.fix_internal_links)
    nieuw = onthouden(origineel)
    nieuw._jobcoach_origineel = origineel  # type: ignore[attr-defined]
    print_site_renderer.fix_internal_links = nieuw


# --- mkdocs-yaml-c en dirty-waarschuwing -------------------------------------------------------


def mkdocs_yaml_c() -> bool:
    """Laat MkDocs ``mkdocs.yml`` lezen met de C-versie van PyYAML's lezer, als die er is. True als dat lukt."""
    import mkdocs.utils.yaml as mkdocs_yaml
    import yaml

    if not aan("mkdocs-yaml-c"):
        return False
    standaard = mkdocs_yaml.get_yaml_loader.__defaults__
    if standaard == (yaml.Loader, None) and hasattr(yaml, "CLoader"):
        mkdocs_yaml.get_yaml_loader.__defaults__ = (yaml.CLoader, None)
    return mkdocs_yaml.get_yaml_loader.__defaults__ == (getattr(yaml, "CLoader", None), None)


DIRTY_WAARSCHUWING = "A 'dirty' build is being performed"


class _ZonderDirtyWaarschuwing(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WAARSCHUWING)


def dirty_waarschuwing_weg() -> None:
    if not aan("dirty-waarschuwing"):
        return
    for naam in ("mkdocs.commands.build", "properdocs.commands.build"):  # ProperDocs logt onder eigen naam
        logger = logging.getLogger(naam)
        if not any(isinstance(f, _ZonderDirtyWaarschuwing) for f in logger.filters):
            logger.addFilter(_ZonderDirtyWaarschuwing())


# --- themabestanden-voorvertoning ------------------------------------------------------------


def _mappen_stempel(mappen: list[str]) -> tuple:
    """Verandert als er in een van de mappen (of hun submappen) een bestand bijkomt, weggaat of verandert.

    Alleen de mappen buiten de geïnstalleerde pakketten (zoals overrides/) worden doorlopen: een thema in
    site-packages verandert niet terwijl de voorvertoning draait.
    """
    stempel = []
    for map_ in mappen:
        if "site-packages" in Path(map_).parts:
            continue
        for wortel, submappen, bestanden in os.walk(map_):
            stempel.append((wortel, os.stat(wortel).st_mtime_ns, tuple(sorted(bestanden))))
            submappen.sort()
    return tuple(stempel)


def themabestanden_onthouden() -> None:
    """``Files.add_files_from_theme`` met een onthouden lijst van de bestanden van het thema (zie boven)."""
    from mkdocs.structure.files import File, Files

    if not aan("themabestanden-voorvertoning") or hasattr(Files.add_files_from_theme, "_jobcoach_origineel"):
        return
    origineel = Files.add_files_from_theme
    onthouden: dict[tuple, list[tuple[str, str | None]]] = {}

    def add_files_from_theme(self: Files, env: Any, config: Any) -> None:
        mappen = list(config.theme.dirs)
        sleutel = (tuple(mappen), tuple(config.theme.static_templates), _mappen_stempel(mappen))
        if sleutel not in onthouden:
            proef = Files([])
            origineel(proef, env, config)  # zonder bestanden van docs/: elk bestand van het thema
            onthouden.clear()
            onthouden[sleutel] = [(f.src_uri, f.src_dir) for f in proef]
        for pad, map_ in onthouden[sleutel]:
            if self.get_file_from_path(pad) is None:  # een bestand in docs/ gaat voor
                self.append(File(pad, map_, config.site_dir, config.use_directory_urls))

    add_files_from_theme._jobcoach_origineel = origineel  # type: ignore[attr-defined]
    Files.add_files_from_theme = add_files_from_theme  # type: ignore[method-assign]


# --- zoekindex-voorvertoning en zoekworker-nl --------------------------------------------------


def zoekitems(zoekplugin: Any) -> list[dict] | None:
    """De items van Material's zoekindex tot nu toe (None als de aanpassing uit staat)."""
    if zoekplugin is None or not aan("zoekindex-voorvertoning"):
        return None
    return zoekplugin.search_index.entries


def schrijf_zoekindex(zoekplugin: Any, items: list[dict], site_dir: Path) -> None:
    """Schrijf Material's zoekindex opnieuw met deze items."""
    index = zoekplugin.search_index
    index.entries = items
    (site_dir / "search" / "search_index.json").write_text(index.generate_search_index(None), encoding="utf-8")


ZOEK_AANVULLING = Path(__file__).with_name("zoeken_nl.js")


def zoekworker_nl(site_dir: Path) -> None:
    """Voeg ``zoeken_nl.js`` toe aan de zoek-webworker van Material (één keer)."""
    if not aan("zoekworker-nl"):
        return
    map_ = site_dir / "assets" / "javascripts" / "workers"
    workers = sorted(map_.glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(
            f"zoekworker-nl: verwacht precies één zoek-webworker van Material in {map_}, gevonden: "
            f"{[w.name for w in workers] or 'geen'}. Is Material for MkDocs bijgewerkt?"
        )
    aanvulling = ZOEK_AANVULLING.read_text(encoding="utf-8")
    merkteken = aanvulling.splitlines()[0]
    tekst = workers[0].read_text(encoding="utf-8")
    if merkteken not in tekst:
        workers[0].write_text(tekst.rstrip("\n") + "\n" + aanvulling, encoding="utf-8")
