"""``make serve``: de voorvertoning die nooit stopt bij een fout (``python -m leidraadsite.mkdocs.serve``).

Dit is ``mkdocs serve --dirty --livereload``, met één verschil: faalt een bouw (een fout in een casus, een
tikfout in een macro, een verwijderd of half geschreven bestand, een bestand dat geen UTF-8 is), dan blijft
de server draaien. De browser krijgt meteen een Nederlandse foutpagina (bestand, regel, veld, wat u kunt
doen) in plaats van te blijven wachten, en de terminal noemt dezelfde fout één keer. Is het bestand
hersteld, dan bouwt de server de hele site opnieuw en laadt de browser de pagina vanzelf.

Nooit oud (issue 20):

- de server kijkt vijf keer per seconde naar alle bestanden van het project (niet naar .git, .venv, site/ en
  dergelijke). Een map die weg was en terugkwam (een andere branch) telt gewoon mee;
- het bouwen gebeurt in een eigen proces (de werker). Verandert Python-code, ``mkdocs.yml``, een sjabloon of een
  gegevensbestand dat bij het importeren gelezen wordt (teksten.yml), of is er iets weggehaald, dan stopt de werker
  en bouwt een nieuwe (die al klaarstond) alles opnieuw: niets van de oude code of gegevens blijft over;
- verandert een ander gegevensbestand (begrippen.yml, rollen.yml, regels.yml …), dan vergeet de werker alles wat
  hij onthield, en bouwt alleen de pagina's die het bestand tonen (of alles, als het op elke pagina staat);
- alles opnieuw bouwen gebeurt in een nieuwe, lege map; pas als die klaar is, serveert de server daaruit. Een
  weggehaalde pagina bestaat daar niet meer;
- elke fout staat in het Nederlands op de foutpagina (ook een kapotte ``mkdocs.yml`` of een onleesbare pagina).

``mkdocs build --strict`` (en dus de CI) stopt bij dezelfde fouten gewoon hard.

Dit gebruikt de bouwstenen van MkDocs 1.6 (``build``, ``load_config`` en de ``LiveReloadServer``, waarvan de
bestandswachter een nieuwe bouw vraagt zoals ``LiveReloadServer.watch`` dat doet); de geteste versie staat in
``aanpassingen.py`` (``voorvertoning-server``). Een wijziging in dit bestand zelf ziet de server pas na een herstart.
"""

from __future__ import annotations

import argparse
import html
import logging
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

# Let op: dit bestand importeert op het hoogste niveau geen code van het project. Het bouwproces (de 'werker')
# start als een nieuw Python-proces dat dit bestand inlaadt; code van het project laadt hij pas bij zijn eerste bouw,
# zodat hij altijd de nieuwste versie heeft.

log = logging.getLogger("mkdocs.leidraadsite.mkdocs.serve")

# Wacht op een nieuwe versie van de site (zelfde adres als het script van MkDocs) en laad dan opnieuw.
_HERLAAD = """<script>
(function () {
  var bekend = 0;
  function vraag() {
    fetch('/livereload/' + bekend + '/0').then(function (r) { return r.text(); }).then(function (t) {
      var nu = parseInt(t, 10);
      if (bekend && nu > bekend) { location.reload(); return; }
      bekend = nu; vraag();
    }, function () { setTimeout(vraag, 1000); });
  }
  vraag();
})();
</script>"""


def foutpagina(meldingen: Sequence[str]) -> str:
    """De Nederlandse foutpagina van de voorvertoning."""
    items = "".join(f"<li><code>{html.escape(m)}</code></li>" for m in meldingen)
    return f"""<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fout in de site – voorvertoning</title>
<style>body{{font-family:sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}
code{{white-space:pre-wrap}}li{{margin-bottom:.75rem}}.kader{{border-left:.3rem solid #b00;padding-left:1rem}}</style>
</head>
<body>
<main class="kader">
<h1>De site kan nu niet gebouwd worden</h1>
<p>Er staat een fout in een bestand van de site. Zolang die er is, ziet u deze pagina.</p>
<h2>Wat is er mis?</h2>
<ul>{items}</ul>
<h2>Wat kunt u doen?</h2>
<p>Verbeter het bestand dat hierboven staat (vóór de dubbele punt staan het bestand en de regel) en bewaar het.
Deze pagina laadt dan vanzelf opnieuw. Meer over de meldingen leest u in <code>CONTRIBUTING.md</code>,
onder "Een foutmelding lezen".</p>
</main>
{_HERLAAD}
</body>
</html>
"""


class _Meldingen(logging.Handler):
    """Verzamelt de fouten (en bij strict de waarschuwingen) die MkDocs tijdens één bouw meldt."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.meldingen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        tekst = _nederlands(record.getMessage().strip())
        if tekst and tekst not in self.meldingen:
            self.meldingen.append(tekst)


# --- Fouten in het Nederlands ---------------------------------------------------------------------------------------

def _toon(pad: str | os.PathLike | None) -> str:
    if not pad:
        return "een bestand"
    try:
        relatief = os.path.relpath(pad)
    except ValueError:  # pragma: no cover - ander station op Windows
        return str(pad)
    return str(pad) if relatief.startswith("..") else relatief


def _nederlands(tekst: str) -> str:
    """Een melding van MkDocs in het Nederlands (of leeg: die melding vervalt, er komt een betere voor in de plaats)."""
    if not tekst or tekst.startswith(("Aborted with", "Error reading page")):
        return ""
    m = re.match(r"Config value '([^']+)': ", tekst)
    if m:
        return f"mkdocs.yml: de instelling '{m.group(1)}' klopt niet; vergelijk haar met de uitleg in CONTRIBUTING.md"
    return tekst


def _configfout(configbestand: str) -> str:
    """mkdocs.yml is geen geldige YAML: de regel en wat er mis is, in het Nederlands."""
    import yaml

    from jobcoach.lezer import _yaml_uitleg

    bestand = _toon(configbestand)
    try:
        tekst = Path(configbestand).read_text(encoding="utf-8")
        for _ in yaml.parse(tekst, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            pass
    except yaml.MarkedYAMLError as fout:
        merk = fout.context_mark or fout.problem_mark
        regel = f":{merk.line + 1}" if merk is not None else ""
        return f"{bestand}{regel}: ongeldige YAML: {_yaml_uitleg(fout)}"
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        pass
    return f"{bestand}: dit bestand kan niet als instellingen van de site worden gelezen (geen geldige YAML?)"


def foutmeldingen(fout: BaseException, meldingen: list[str], configbestand: str) -> list[str]:
    """Wat er mis is, in het Nederlands: de meldingen tijdens de bouw, en anders de fout zelf."""
    from mkdocs.exceptions import ConfigurationError

    from leidraadsite.weergave.jinja import Paginafout

    if isinstance(fout, Paginafout):  # een fout in een pagina: de Nederlandse melding zelf
        return [str(fout)]
    if isinstance(fout, ConfigurationError) and "error parsing the configuration file" in str(fout):
        return [_configfout(configbestand)]
    if isinstance(fout, OSError):
        from jobcoach.fouten import bestandsreden

        return [*meldingen, f"{_toon(fout.filename)}: kan niet worden gelezen ({bestandsreden(fout)})"]
    if isinstance(fout, UnicodeDecodeError):
        return [*meldingen, "een bestand is geen UTF-8-tekst; bewaar het als UTF-8"]
    if meldingen:
        return meldingen
    if isinstance(fout, ConfigurationError):
        return [f"{_toon(configbestand)}: de instellingen van de site kloppen niet"]
    log.error("Onverwachte fout tijdens het bouwen (%s): %s", type(fout).__name__, fout)
    return [f"Onverwachte fout tijdens het bouwen ({type(fout).__name__}); de terminal noemt de technische melding."]


# --- Het bouwproces (de werker) -----------------------------------------------------------------------------------

def _voorladen() -> None:
    """Laad de pakketten van anderen alvast (dat kost de meeste tijd), nog geen code van het project."""
    import importlib

    for naam in ("mkdocs.structure.pages", "material.plugins.search.plugin", "mkdocs_macros.plugin",
                 "mkdocs_print_site_plugin.plugin", "pymdownx.superfences", "pydantic", "babel.numbers", "docx",
                 "markdown_it", "jinja2.sandbox"):
        try:
            importlib.import_module(naam)
        except ImportError:  # pragma: no cover - een plugin die er niet is, laadt MkDocs zelf (of meldt hem)
            pass


def _werker(verbinding: Any, opties: dict[str, Any]) -> None:  # pragma: no cover - draait in een eigen proces
    """Bouwt de site, steeds als de server erom vraagt; een nieuwe werker laadt alle code en gegevens opnieuw."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is voor de server; die stopt de werkers zelf
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    _voorladen()
    gestart = False
    while True:
        try:
            opdracht = verbinding.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if opdracht is None:
            return
        volledig = opdracht["volledig"]
        if opdracht["gegevens"]:
            try:
                volledig = _alles_opnieuw(opdracht["gegevens"], Path(opties["config_file"]).parent) or volledig
            except Exception:  # noqa: BLE001 - twijfel: alles opnieuw (de bouw meldt dan zelf wat er mis is)
                vergeet_alles()
                volledig = True
        # Alles opnieuw: in een nieuwe, lege map, zodat niets van een weggehaalde pagina blijft staan.
        site_dir = opdracht["nieuwe_map"] if volledig else opdracht["site_dir"]
        meldingen = _Meldingen()
        for naam in ("mkdocs", "properdocs"):  # ProperDocs logt onder eigen naam
            logging.getLogger(naam).addHandler(meldingen)
        try:
            config = load_config(**opties, site_dir=site_dir)
            if not gestart:
                config.plugins.on_startup(command="serve", dirty=True)
                gestart = True
            config.site_url = opdracht["adres"]
            # Geen PDF in de voorvertoning (die maakt make build): de PDF-link op elke pagina wijst naar de uitleg.
            config.extra["voorvertoning"] = True
            build(config, serve_url=opdracht["adres"], dirty=not volledig)
            antwoord = {"map": site_dir, "meldingen": None}
        except (Exception, SystemExit) as fout:  # noqa: BLE001 - elke fout wordt een foutpagina, de server blijft
            antwoord = {"map": site_dir, "meldingen": foutmeldingen(fout, meldingen.meldingen, opties["config_file"])}
        finally:
            for naam in ("mkdocs", "properdocs"):
                logging.getLogger(naam).removeHandler(meldingen)
        try:
            verbinding.send(antwoord)
        except (BrokenPipeError, OSError):
            return


class _Werker:
    """Een bouwproces. Er staat er steeds één klaar (met de pakketten van anderen geladen), zodat een herstart na
    een wijziging in de code of de gegevens weinig tijd kost."""

    def __init__(self, opties: dict[str, Any]) -> None:
        context = multiprocessing.get_context("spawn")  # een nieuw proces: niets van de oude code of gegevens
        self.verbinding, kant = context.Pipe()
        self.proces = context.Process(target=_werker, args=(kant, opties), daemon=True)
        self.proces.start()
        kant.close()

    def bouw(self, opdracht: dict[str, Any]) -> dict[str, Any]:
        try:
            self.verbinding.send(opdracht)
            return self.verbinding.recv()
        except (EOFError, OSError):
            return {"map": opdracht["nieuwe_map"], "stopte": True,
                    "meldingen": ["Het bouwproces stopte onverwacht; de voorvertoning start een nieuw."]}

    def stop(self) -> None:
        try:
            self.verbinding.send(None)
        except OSError:
            pass
        self.proces.join(timeout=2)
        if self.proces.is_alive():
            self.proces.terminate()
            self.proces.join(timeout=2)


# --- Wat er veranderd is --------------------------------------------------------------------------------------------

# Nooit bekeken: versiebeheer, omgevingen, uitvoer, caches.
_NIET_BEKIJKEN = {".git", ".venv", "venv", "site", "artefacten", "node_modules", "__pycache__", ".pytest_cache",
                  ".mypy_cache", ".ruff_cache", ".hypothesis", ".tox"}
# Bronnen die MkDocs per pagina bijhoudt: na een wijziging bouwt de werker alleen wat nodig is.
_PAGINABRONNEN = ("docs/", "casussen/", "CHANGELOG.md")


def momentopname(wortel: Path) -> dict[str, tuple[int, ...]]:
    """Elk bestand van het project met zijn tijd, grootte en inode (een map die niet te lezen is, telt ook mee).

    Telkens opnieuw de hele map doorlopen (in plaats van een wachter per map) overleeft een map die weg was en
    terugkwam, zoals bij een andere branch; op de ongeveer 300 bestanden van het project kost dat een paar ms.
    """
    uit: dict[str, tuple[int, ...]] = {}
    te_doen = [(str(wortel), "")]
    while te_doen:
        map_, relatief = te_doen.pop()
        try:
            items = list(os.scandir(map_))
        except OSError as fout:
            uit[relatief or "."] = (-1, fout.errno or 0)
            continue
        for item in items:
            naam = relatief + item.name
            try:
                if item.is_dir(follow_symlinks=False):
                    if item.name not in _NIET_BEKIJKEN and not item.name.startswith("."):
                        te_doen.append((item.path, naam + "/"))
                    continue
                if item.name.endswith((".pyc", "~", ".swp")):
                    continue
                st = item.stat(follow_symlinks=False)
                uit[naam] = (st.st_mtime_ns, st.st_size, st.st_ino, st.st_mode)
            except OSError as fout:
                uit[naam] = (-1, fout.errno or 0)
    return uit


# Gegevens die een module al bij het importeren leest: daarvoor is een nieuw bouwproces nodig.
_BIJ_IMPORT_GELEZEN = ("src/jobcoach/data/teksten.yml",)
_RANG = {"": 0, "pagina": 1, "gegevens": 2, "herstart": 3}


def soort_wijziging(oud: dict[str, tuple[int, ...]], nieuw: dict[str, tuple[int, ...]]) -> tuple[str, set[str]]:
    """Wat er moet gebeuren na een wijziging:

    - '' : niets (het bestand hoort niet bij de site, zoals tests/);
    - 'pagina': alleen pagina's en casussen veranderd: de werker bouwt alleen de pagina's die ze tonen;
    - 'gegevens': een gegevensbestand (begrippen.yml, rollen.yml, regels.yml …): de werker vergeet alles wat hij
      onthield en bouwt alles opnieuw;
    - 'herstart': Python-code, instellingen, sjablonen, een gegevensbestand dat bij het importeren gelezen wordt,
      of iets weggehaald: een nieuw bouwproces bouwt alles opnieuw.

    Daarnaast: de gewijzigde gegevensbestanden (relatief aan de map van het project).
    """
    veranderd = {p for p in oud.keys() | nieuw.keys() if oud.get(p) != nieuw.get(p)}
    soort = ""
    gegevens: set[str] = set()
    for pad in veranderd:
        if pad.startswith(_PAGINABRONNEN):
            nu = "pagina" if pad in nieuw else "herstart"  # weggehaald: niets van de oude pagina mag blijven staan
        elif pad.endswith(".py") and not pad.startswith(("tests/", "tools/")) or pad in _BIJ_IMPORT_GELEZEN \
                or re.fullmatch(r"mkdocs[^/]*\.yml", pad) or pad.startswith(("overrides/", "hooks/")):
            nu = "herstart"
        elif pad.startswith(("src/", "macros/")):
            nu = "gegevens" if pad in nieuw else "herstart"
            gegevens.add(pad)
        else:
            nu = ""
        soort = max(soort, nu, key=_RANG.__getitem__)
    return soort, gegevens


def _alles_opnieuw(gegevens: list[str], wortel: Path) -> bool:
    """Na een wijziging in gegevensbestanden: vergeet alles wat de werker onthield, en zeg of alle pagina's opnieuw
    moeten. Dat hoeft niet als elk bestand alleen op de pagina's staat die het tonen (de bouw volgt die pagina's,
    ``bouw.Proces``); de afkortingen uit begrippen.yml staan op elke pagina, dus als die veranderen wel."""
    from leidraadsite.inhoud import begrippen
    from leidraadsite.weergave.bouw import PROCES

    try:
        oude_afkortingen = begrippen.laad_begrippen().afkortingen()
    except Exception:  # noqa: BLE001 - een ongeldig bestand: dan zeker alles opnieuw
        oude_afkortingen = None
    vergeet_alles()
    paden = {(wortel / p).resolve() for p in gegevens}
    if not paden <= set(PROCES.stempels):
        return True
    if begrippen.BEGRIPPEN_PAD.resolve() in paden:
        try:
            return oude_afkortingen is None or begrippen.laad_begrippen().afkortingen() != oude_afkortingen
        except Exception:  # noqa: BLE001
            return True
    return False


def vergeet_alles() -> int:
    """Leeg elke cache (``functools.lru_cache``) in de code van het project; geeft hoeveel."""
    aantal = 0
    for naam, module in list(sys.modules.items()):
        if naam.split(".")[0] not in ("jobcoach", "leidraadsite", "macros") or module is None:
            continue
        for waarde in list(vars(module).values()):
            if callable(getattr(waarde, "cache_clear", None)) and getattr(waarde, "__module__", None) == naam:
                waarde.cache_clear()
                aantal += 1
    return aantal


# Na zoveel seconden zonder wijziging of bouw start de reserve-werker.
RUST = 1.5


# --- De server ------------------------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m leidraadsite.mkdocs.serve",
                                     description="De voorvertoning van de site (make serve).")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", metavar="BESTAND")
    parser.add_argument("-a", "--dev-addr", default=None, metavar="ADRES:POORT")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    from leidraadsite import aanpassingen

    if not aanpassingen.aan("voorvertoning-server"):
        from mkdocs.commands.serve import serve

        serve(config_file=args.config_file, livereload=True, build_type="dirty", dev_addr=args.dev_addr)
        return 0

    configbestand = os.path.abspath(args.config_file)
    wortel = Path(configbestand).parent
    host, _, poort = (args.dev_addr or "127.0.0.1:8000").rpartition(":")
    adres = f"http://{host}:{poort}/"
    opties = {"config_file": configbestand}
    mappen: list[str] = []

    def nieuwe_map() -> str:
        mappen.append(tempfile.mkdtemp(prefix="leidraad_"))
        return mappen[-1]

    site_dir = nieuwe_map()
    # De reserve start pas als het een tijdje rustig is (kijk): zo vraagt haar opstart geen rekentijd terwijl er
    # gebouwd wordt of iemand net iets bewaart.
    werkers: dict[str, _Werker | None] = {"bezig": _Werker(opties), "reserve": None}
    toestand: dict[str, Any] = {"fout": None, "volledig": True, "momentopname": momentopname(wortel),
                                "wijziging": "", "gegevens": set(), "slot": threading.Lock(), "paginas": set(),
                                "bouwt": False, "rustig_sinds": time.monotonic()}
    server = LiveReloadServer(builder=lambda: None, host=host, port=int(poort), root=site_dir, mount_path="/")

    def herstart() -> None:
        with toestand["slot"]:
            oud, werkers["bezig"], werkers["reserve"] = werkers["bezig"], werkers["reserve"] or _Werker(opties), None
        assert oud is not None  # "bezig" heeft altijd een werker
        oud.stop()

    def bouw() -> None:
        toestand["bouwt"] = True
        try:
            _bouw()
        finally:
            toestand.update(bouwt=False, rustig_sinds=time.monotonic())

    def _bouw() -> None:
        with toestand["slot"]:
            soort, toestand["wijziging"] = toestand["wijziging"], ""
            gegevens, toestand["gegevens"] = sorted(toestand["gegevens"]), set()
        if soort == "herstart":
            log.info("Code, instellingen of sjablonen veranderd, of iets weggehaald: een nieuw bouwproces; "
                     "alles wordt opnieuw gebouwd.")
            herstart()
            toestand["volledig"] = True
        for map_ in mappen[:-1]:  # de map van de vorige keer: pas nu weg (er kon nog een verzoek uit gelezen worden)
            if map_ != server.root:
                shutil.rmtree(map_, ignore_errors=True)
                mappen.remove(map_)
        bezig = werkers["bezig"]
        assert bezig is not None  # "bezig" heeft altijd een werker
        antwoord = bezig.bouw({"site_dir": server.root, "nieuwe_map": nieuwe_map(), "adres": adres,
                              "volledig": toestand["volledig"], "gegevens": gegevens})
        meldingen = antwoord["meldingen"]
        if meldingen is None:
            server.root = antwoord["map"]
            # Elke pagina die er nu is: bij een fout krijgt elk van die adressen de foutpagina (ook een pagina die
            # de mislukte bouw al had weggehaald om haar opnieuw te bouwen).
            toestand["paginas"] = {p.relative_to(server.root) for p in Path(server.root).rglob("*.html")}
            if toestand["fout"] is not None:
                log.info("De fout is hersteld; de site is weer helemaal gebouwd.")
            toestand.update(fout=None, volledig=False)
            return
        if antwoord.get("stopte"):
            herstart()
        tekst = "\n".join(meldingen)
        pagina = foutpagina(meldingen)
        root = Path(server.root)
        for bestand in {*root.rglob("*.html"), *(root / p for p in toestand["paginas"]), root / "index.html",
                        root / "404.html"}:
            bestand.parent.mkdir(parents=True, exist_ok=True)
            bestand.write_text(pagina, encoding="utf-8")
        if tekst != toestand["fout"]:
            log.error("De site kan niet gebouwd worden; de browser toont de fout:\n%s", tekst)
        toestand.update(fout=tekst, volledig=True)

    def kijk() -> None:
        """Kijk vijf keer per seconde of er iets veranderd is; zo ja, dan vraagt de server om een nieuwe bouw."""
        while not stop.wait(0.2):
            nieuw = momentopname(wortel)
            soort, gegevens = soort_wijziging(toestand["momentopname"], nieuw)
            toestand["momentopname"] = nieuw
            if not soort:
                if werkers["reserve"] is None and not toestand["bouwt"] \
                        and time.monotonic() - toestand["rustig_sinds"] > RUST:
                    with toestand["slot"]:
                        werkers["reserve"] = werkers["reserve"] or _Werker(opties)
                continue
            toestand["rustig_sinds"] = time.monotonic()
            with toestand["slot"]:
                toestand["wijziging"] = max(toestand["wijziging"], soort, key=_RANG.__getitem__)
                toestand["gegevens"] |= gegevens
            with server._rebuild_cond:  # zoals LiveReloadServer.watch het doet (aanpassingen: voorvertoning-server)
                server._want_rebuild = True
                server._rebuild_cond.notify_all()

    server.builder = bouw
    server.error_handler = lambda code: (Path(server.root) / "404.html").read_bytes() \
        if code == 404 and (Path(server.root) / "404.html").is_file() else None
    stop = threading.Event()
    try:
        begin = time.perf_counter()
        bouw()
        log.info("Eerste bouw klaar na %.1f s; de voorvertoning kijkt naar alle bestanden van het project.",
                 time.perf_counter() - begin)
        threading.Thread(target=kijk, daemon=True, name="bestandswachter").start()
        server.serve(open_in_browser=False)
    except KeyboardInterrupt:
        log.info("Gestopt.")
    finally:
        stop.set()
        server.shutdown()
        for werker in werkers.values():
            if werker is not None:
                werker.stop()
        for map_ in mappen:
            shutil.rmtree(map_, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
