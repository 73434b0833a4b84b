"""Een verzameling vijandige en kapotte casusbestanden, voor de opdrachtregel, de bouw en de rekenhulp.

Elk geval is een kleine wijziging van een geldige casus (zodat alleen het vijandige deel een melding
geeft), of een bestand dat geen casus meer is. Bij elk geval staat het stuk tekst dat de Nederlandse
melding moet bevatten. ``maak(map_)`` schrijft ze allemaal in een map (links en een FIFO ook).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GOED = (Path(__file__).resolve().parent.parent / "casussen" / "begeleidingsbehoefte-en-regime.yml").read_text(
    encoding="utf-8")


def _met(oud: str, nieuw: str) -> bytes:
    assert oud in GOED, oud
    return GOED.replace(oud, nieuw, 1).encode("utf-8")


def _bom(lagen: int, breedte: int) -> bytes:
    regels = ['a0: &a0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for i in range(1, lagen):
        regels.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * breedte) + "]")
    return ("\n".join(regels) + "\n").encode()


def _aliassen_naar_rijen() -> bytes:
    rij = "  - &r\n    aard: persoonlijk\n    knelpunt: x\n    door: jobcoach\n    uren: 1\n    intensiteit: wekelijks\n    doel: 1\n"
    return GOED.split("schema:\n")[0].encode() + b"schema:\n" + rij.encode() + b"  - *r\n" * 60_000


@dataclass(frozen=True)
class Geval:
    naam: str
    inhoud: bytes | None  # None: het bestand maakt ``maker``
    melding: str  # dit stuk staat in de melding (na de bestandsnaam)
    maker: Callable[[Path, Path], None] | None = None  # (pad, map van het project)
    geheim: str = ""  # dit mag NIET in de melding staan (inhoud van een bestand buiten het project)


def _link_naar_buiten(pad: Path, project: Path) -> None:
    buiten = project.parent / "geheim-buiten-het-project.txt"
    buiten.write_text("wachtwoord: GEHEIM-123\n", encoding="utf-8")
    pad.symlink_to(buiten)


def _lus(pad: Path, project: Path) -> None:
    ander = pad.with_name("lus-b.yml.tmp")
    pad.symlink_to(ander)
    ander.symlink_to(pad)


def _fifo(pad: Path, project: Path) -> None:
    os.mkfifo(pad)


GEVALLEN = [
    Geval("bom-342-bytes", _bom(9, 9), "gebruik geen & en *"),
    Geval("aliassen-naar-rijen", _aliassen_naar_rijen(), "gebruik geen & en *"),
    Geval("yaml11-zestigtallig", _met("uren_per_week: 40", "uren_per_week: 1:30"), "1.5 is anderhalf uur"),
    Geval("yaml11-hexadecimaal", _met("uren_per_week: 40", "uren_per_week: 0x10"), "gewoon decimaal getal"),
    Geval("yaml11-octaal", _met("uren_per_week: 40", "uren_per_week: 017"), "zonder 0 vooraan"),
    Geval("yaml11-ja", _met("  maanden: 6", "  maanden: 6\n  proefplaatsing: ja"), "moet true (ja) of false (nee) zijn (gevonden: 'ja')"),
    Geval("komma-in-getal", _met("    uren: 0.5", "    uren: 0,5"), "met een punt, zoals 0.5"),
    Geval("exponent-1e308", _met("uren_per_week: 40", "uren_per_week: 1e308"), "zonder e"),
    Geval("exponent-1.0e+308", _met("    uren: 0.5", "    uren: 1.0e+308"), "zonder e"),
    Geval("enorm-veel-maanden", _met("  maanden: 6", "  maanden: 999999"), "mag niet meer dan 60 zijn"),
    Geval("getal-van-5000-cijfers", _met("  maanden: 6", "  maanden: " + "9" * 5000), "getal met 5000 cijfers"),
    Geval("link-naar-buiten", None, "link naar een bestand buiten het project", _link_naar_buiten,
          geheim="GEHEIM-123"),
    Geval("link-lus", None, "naar zichzelf wijst", _lus),
    Geval("fifo", None, "geen gewoon bestand", _fifo),
    Geval("latin-1", _met("privésituatie", "priv\u00e9situatie").replace("é".encode(), b"\xe9"), "geen UTF-8-tekst"),
    Geval("utf-16", GOED.encode("utf-16"), "UTF-16"),
    Geval("stuurteken", _met("knelpunt: Aansturingsbehoefte", "knelpunt: Aansturings\x07behoefte"), "stuurteken U+0007"),
    Geval("twee-documenten", GOED.encode() + b"---\ntitel: tweede\n", "meer dan één document"),
    Geval("python-tag", _met("titel: Vaststellen", "titel: !!python/object/apply:os.system [ls]\nbron2: Vaststellen"),
          "gebruik geen YAML-tag"),
    Geval("eigen-tag", _met("titel: Vaststellen", "titel: !geheim Vaststellen"), "gebruik geen YAML-tag"),
    Geval("dubbele-punt-in-tekst", _met("knelpunt: Aansturingsbehoefte", "knelpunt: Let op: aansturing"),
          "tussen aanhalingstekens"),
    Geval("getal-als-veldnaam", _met("titel: Vaststellen", "1: een\ntitel: Vaststellen"), "veldnaam (vóór de ':') moet tekst zijn"),
    Geval("lijst-als-sleutel", _met("titel: Vaststellen", "? [a, b]\n: c\ntitel: Vaststellen"),
          "sleutel (vóór de ':') mag geen lijst of groep zijn"),
    Geval("te-diep", _met("bron: AKC", "diep: " + "[" * 200 + "]" * 200 + "\nbron: AKC"), "in elkaar"),
    Geval("te-groot", GOED.encode() + b"# " + b"x" * 1_100_000 + b"\n", "te groot"),
    Geval("leeg", b"", "bestand is leeg"),
    Geval("alleen-commentaar", b"# niets\n", "bestand is leeg"),
    Geval("tab", _met("  maanden: 6", "\tmaanden: 6"), "spring in met spaties"),
    Geval("datum-bestaat-niet", _met("titel: Vaststellen", "datum: 2011-02-30\ntitel: Vaststellen"), "datum bestaat niet"),
    Geval("dubbele-sleutel", _met("  maanden: 6", "  maanden: 6\n  maanden: 7"), "sleutel staat twee keer"),
    Geval("te-veel-rijen", GOED.split("schema:\n")[0].encode() + b"schema:\n" + (
        b"  - aard: functioneel\n    knelpunt: x\n    door: werkgever\n" * 201), "hoogstens 200"),
    Geval("half-geschreven", (GOED[: GOED.index("knelpunt: Aansturingsbehoefte") + 10] + "\"Aanstu").encode(),
          "aanhalingsteken"),
]


# --- Helper hb (issue 20): stuur-, richting- en onzichtbare tekens via YAML-escapes, en vreemde veldnamen ---------
# Het ruwe bestand is gewone tekst; pas de YAML-lezer maakt van de escape een echt teken. De melding noemt het teken
# als U+000B (Python zet er de escape en een naam achter: 'U+000B (\\x0b, verticale tab)').
GEVALLEN += [
    Geval("escape-verticale-tab", _met("knelpunt: Aansturingsbehoefte", 'knelpunt: "Aansturings\\vbehoefte"'),
          "U+000B"),
    Geval("escape-nulteken", _met("knelpunt: Aansturingsbehoefte", 'knelpunt: "Aansturings\\0behoefte"'),
          "U+0000"),
    Geval("escape-nieuwe-pagina", _met("knelpunt: Aansturingsbehoefte", 'knelpunt: "Aansturings\\fbehoefte"'),
          "U+000C"),
    Geval("escape-niet-teken", _met("knelpunt: Aansturingsbehoefte", 'knelpunt: "Aansturings\\uFFFEbehoefte"'),
          "U+FFFE"),
    Geval("escape-bidi", _met("knelpunt: Aansturingsbehoefte", 'knelpunt: "Aansturing\\u202Eeohffeb"'),
          "U+202E"),
    Geval("escape-terminal-in-veldnaam", _met("  maanden: 6", '  maanden: 6\n  "x\\e[2J\\e[H\\e[32min orde\\e[0m": 1'),
          "U+001B"),
    Geval("veldnaam-cyrillisch", _met("  maanden: 6", "  maanden: 6\n  proefplaats\u0456ng: true"), "U+0456"),
    Geval("veldnaam-nulbreedte", _met("  maanden: 6", "  maanden: 6\n  uren\u200b_per_week: 40"), "U+200B"),
    # een enorme waarde wordt in de melding ingekort (niet 4299 cijfers terug op het scherm); te groot voor een
    # kommagetal, dus niet 'moet een getal zijn' maar wat er mis is
    Geval("regime-van-4299-cijfers", _met("regime: 15", "regime: " + "9" * 4299),
          "getal met 4299 cijfers; dat is geen getal dat iemand bedoelt"),
]
# --- einde helper hb ---------------------------------------------------------------------------------------------


def maak(map_: Path, project: Path) -> dict[str, Path]:
    """Schrijf elk geval als ``<naam>.yml`` in ``map_``; geeft naam → pad."""
    map_.mkdir(parents=True, exist_ok=True)
    paden = {}
    for geval in GEVALLEN:
        pad = map_ / f"{geval.naam}.yml"
        if geval.maker is not None:
            geval.maker(pad, project)
        else:
            pad.write_bytes(geval.inhoud or b"")
        paden[geval.naam] = pad
    return paden


# --- Vijandige pagina's: Jinja in Markdown mag geen code uitvoeren en niets van buiten lezen ----------------------
#
# ``{OPDRACHT}`` wordt een shellopdracht die een merkbestand maakt en ``GEP42WND`` afdrukt (dat staat niet in de
# bron, alleen in de uitvoer als de opdracht draaide); ``{GEHEIM}`` een bestand buiten het project met ``GEHEIM-789``.


@dataclass(frozen=True)
class Paginageval:
    naam: str
    jinja: str  # regel 3 van de pagina (of de titel, als ``in_titel``)
    spoor: str  # staat dit in de uitvoer, dan werkte de aanval
    melding: str  # dit stuk staat in de Nederlandse melding
    in_titel: bool = False


def _alle_plugins(expressie: str) -> str:
    return ("{% for naam, p in config.plugins.items() %}{% if p.Path is defined %}" + expressie
            + "{% endif %}{% endfor %}")


GEEN_INCLUDE = "include, import en extends kunnen niet in een pagina"
PAGINA_AANVALLEN = [
    Paginageval("cycler-popen", "{{ cycler.__init__.__globals__.os.popen('{OPDRACHT}').read() }}", "GEP42WND",
                "onbekende naam 'cycler'"),
    Paginageval("self-import", "{{ self.__init__.__globals__.__builtins__.__import__('os').popen('{OPDRACHT}').read() }}",
                "GEP42WND", "het kenmerk '__init__'"),
    Paginageval("lipsum-globals", "{{ lipsum.__globals__.os.popen('{OPDRACHT}').read() }}", "GEP42WND",
                "onbekende naam 'lipsum'"),
    Paginageval("joiner-attr", "{{ (joiner | attr('__init__') | attr('__globals__')).os.popen('{OPDRACHT}').read() }}",
                "GEP42WND", "het kenmerk '__globals__' mag een pagina niet gebruiken"),
    Paginageval("range-klasse", "{{ 'GEP' ~ range.__class__.__name__ ~ 'WND' }}", "GEPtypeWND",
                "onbekende naam 'range'"),
    Paginageval("str-format", "{{ 'GEP{0.__class__.__name__}WND'.format(config) }}", "GEPdictWND",
                "'format' aanroepen mag niet in een pagina"),
    Paginageval("macro-globals", "{{ casus.__globals__.__builtins__.__import__('os').popen('{OPDRACHT}').read() }}",
                "GEP42WND", "het kenmerk '__globals__'"),
    Paginageval("config-hookmodule", _alle_plugins("{{ p.Path('{GEHEIM}').read_text() }}"), "GEHEIM-789",
                "onbekende naam 'plugins'"),
    Paginageval("config-macro-omgeving", "{{ config.plugins['macros'].env.globals.keys() | list }}", "fix&#95;url",
                "onbekende naam 'plugins'"),
    Paginageval("config-veranderen", "{{ config.extra.update({'editie': 'GEP8WND'}) }}{{ config.extra.editie }}",
                "GEP8WND", "het kenmerk 'update'"),
    Paginageval("page-bestand", "{{ page.file.abs_src_path }}", "project/docs/aanval.md", "onbekende naam 'page'"),
    Paginageval("mkdocs-macros-context", "{{ context() }}", "config", "'context' aanroepen mag niet"),
    Paginageval("include-etc-passwd", "{% include '/etc/passwd' %}", "root:", GEEN_INCLUDE),
    Paginageval("include-pagina", "{% include 'index.md' %}", "Wat is uw rol", GEEN_INCLUDE),
    Paginageval("import-pagina", "{% import 'index.md' as x %}", "", GEEN_INCLUDE),
    # Rekenwerk dat de bouw laat hangen (9 ** 9 ** 9 duurt minuten): een macht of herhaling boven de grens is een melding.
    Paginageval("grote-macht", "{{ 2 ** 200 }}", "1606938044258990275541962092341162602522202993782792835301376",
                "exponent groter dan 100"),
    Paginageval("grote-herhaling", "{{ ('GEP' ~ 'WND') * 100000 }}", "GEPWNDGEPWND", "herhaling van meer dan 100000"),
    Paginageval("titel-cycler", "{{ cycler.__init__.__globals__.os.popen('{OPDRACHT}').read() }}", "GEP42WND",
                "onbekende naam 'cycler'", in_titel=True),
]


def pagina_aanval(geval: Paginageval, merkbestand: Path, geheim: Path) -> str:
    """De Jinja van een geval, met de echte opdracht en het echte geheime bestand ingevuld."""
    return (geval.jinja.replace("{OPDRACHT}", f"echo GEP$((6*7))WND; touch {merkbestand}")
            .replace("{GEHEIM}", str(geheim)))


# --- Tekst uit gegevens en de voorkant van pagina's: op de site altijd tekst ------------------------------------
#
# (bestand, oude tekst, nieuwe tekst): elk maakt in een kopie van het project een tekst vijandig. Elke tekst probeert
# een script (``window.XSSn``), een kenmerk of een link te worden; op de site moet hij letterlijk leesbaar zijn.
SCRIPT_TITEL = "Casus Jansen</title><script>window.XSS1=localStorage.length</script>"
TEKST_AANVALLEN = [
    ("casussen/begeleidingsbehoefte-en-regime.yml", "titel: Vaststellen begeleidingsbehoefte en regime jobcoaching",
     f'titel: "{SCRIPT_TITEL}"'),
    # De pagina van de casus krijgt zijn titel uit de casus, zoals docs/casussen/zo-rekent-de-site.md het voorstelt.
    ("docs/casussen/begeleidingsbehoefte-en-regime.md", "title: Vaststellen begeleidingsbehoefte en regime jobcoaching\n",
     ""),
    ("docs/casussen/begeleidingsbehoefte-en-regime.md", "# Vaststellen begeleidingsbehoefte en regime jobcoaching\n",
     "# {{ c.casus.titel }}\n"),
    ("mkdocs.yml", "      - Vaststellen begeleidingsbehoefte en regime: casussen/begeleidingsbehoefte-en-regime.md",
     "      - casussen/begeleidingsbehoefte-en-regime.md"),
    ("docs/over.md", "title: Over deze site",
     "title: \"Over</title><script>window.XSS2=1</script><img src=x onerror=window.XSS2b=1>\""),
    ("docs/over.md", "description: Licentie,",
     "description: x\"><script>window.XSS3=1</script><meta http-equiv=refresh content=0;url=https://x.invalid/> Licentie,"),
    ("mkdocs.yml", "      - Wijzigingen: wijzigingen.md",
     "      - \"Wijzigingen</a><script>window.XSS4=1</script>\": wijzigingen.md"),
    ("src/leidraadsite/data/begrippen.yml",
     "daarvoor nodig is. In deze leidraad: wie een jobcoach aanvraagt of een aanvraag toetst.",
     "daarvoor nodig is. <script>window.XSS5=1</script> [klik](javascript:window.XSS5b=1) {: onclick=window.XSS5c=1 }"),
    ("src/leidraadsite/data/rollen.yml", "    kaart: \"Buiten UWV: u onderbouwt de aanvraag.\"",
     "    kaart: \"Buiten UWV <img src=x onerror=window.XSS6=1> [a](javascript:window.XSS6b=1)\""),
    ("src/leidraadsite/data/rollen.yml", "    naam: Arbeidsdeskundige als adviseur of aanvrager",
     "    naam: \"Arbeidsdeskundige</h1><script>window.XSS7=1</script> {: onmouseover=window.XSS7b=1 }\""),
]


# --- Bestanden in docs/ en de andere mappen: niets van buiten het project, geen script -------------------------
#
# (pad in het project, maker(pad, buiten) met ``buiten`` een map buiten het project, stuk tekst van de melding).
def _link(doel: str) -> Callable[[Path, Path], None]:
    def maak(pad: Path, buiten: Path) -> None:
        pad.symlink_to(doel.replace("{BUITEN}", str(buiten)))
    return maak


def _schrijf(tekst: str) -> Callable[[Path, Path], None]:
    def maak(pad: Path, buiten: Path) -> None:
        pad.write_text(tekst, encoding="utf-8")
    return maak


BESTAND_AANVALLEN = [
    ("docs/hostnaam.txt", _link("/etc/hostname"), "link naar een bestand of map buiten het project"),
    ("docs/omgeving.txt", _link("/proc/self/environ"), "link naar een bestand of map buiten het project"),
    ("docs/buitenmap", _link("{BUITEN}"), "link naar een bestand of map buiten het project"),
    ("docs/stylesheets/geheim.css", _link("{BUITEN}/geheim.txt"), "link naar een bestand of map buiten het project"),
    ("docs/lus.md", _link("lus.md"), "link die naar zichzelf wijst (of naar niets)"),
    ("overrides/partials/geheim.html", _link("{BUITEN}/geheim.txt"), "link naar een bestand of map buiten het project"),
    # casussen/*.yml controleert de casuslezer (GEVALLEN hierboven); een ander bestand in casussen/ deze controle.
    ("casussen/notities.txt", _link("{BUITEN}/geheim.txt"), "link naar een bestand of map buiten het project"),
    ("docs/plaatje.svg", _schrijf('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n'),
     "een <script>"),
    ("docs/ander-plaatje.svg", _schrijf('<svg xmlns="http://www.w3.org/2000/svg">\n<rect onclick="alert(1)"/></svg>\n'),
     "het kenmerk 'onclick' op <rect>"),
    ("docs/los.html", _schrijf("<!doctype html>\n<body onload=\"alert(1)\">hallo</body>\n"), "het kenmerk 'onload'"),
    ("docs/extern.html", _schrijf('<p>a</p>\n<script src="x.js"></script>\n'), "een <script>"),
]
