"""De Jinja-omgeving waarin mkdocs-macros de pagina's invult: alles wat ``{{ … }}`` invoegt, is tekst.

``mkdocs.yml`` laadt dit als Jinja-uitbreiding (``plugins: macros: j2_extensions``). Jinja maakt de
uitbreiding bij het maken van de omgeving; zo geldt dit voor elke pagina, zonder hook, ook onder Zensical.

- **Autoescape aan.** Tekst uit een casus (zoals ``{{ c.casus.titel }}``) komt nooit als HTML in een pagina.
- **Ook geen Markdown.** De ingevulde pagina gaat daarna nog door Markdown: ``[klik](javascript:…)`` of
  ``{: onclick=… }`` hebben geen HTML-tekens en zouden anders een link of kenmerk worden. Daarom worden ook
  de tekens van Markdown numerieke entiteiten; de browser toont ze als het teken zelf.
- HTML die een macro zelf veilig heeft gemaakt (``Markup``) blijft zoals hij is.
- **Een pagina is geen code.** De omgeving is een zandbak (Jinja's ``ImmutableSandboxedEnvironment``), nog
  strenger gemaakt: een pagina kan alleen de macro's van de site aanroepen (``macros/__init__.py``), plus
  ``.items()``, ``.keys()`` en ``.values()`` van een lijst met gegevens, en macro's die de pagina zelf maakt.
  Kenmerken (``c.casus.titel``) leest ze alleen van de gegevens van de site (``jobcoach``, ``leidraadsite``),
  van datums, getallen en woordenboeken; nooit van een module, klasse of functie. Van de instellingen ziet
  een pagina alleen ``config.site_name``, ``site_url``, ``site_description``, ``copyright`` en ``extra``
  (gewone gegevens). ``{% include %}``, ``{% import %}`` en ``{% extends %}`` kunnen niet. Wat niet mag,
  stopt de bouw met een Nederlandse melding met bestand en regel.
- Gecompileerde pagina's worden onthouden (aanpassing ``pagina-compilatie``).
"""

from __future__ import annotations

import datetime as dt
import decimal
import fractions
import re
import traceback
import types
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, Environment, Template, TemplateSyntaxError, Undefined, UndefinedError
from jinja2.ext import Extension
from jinja2.runtime import LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from leidraadsite import aanpassingen
from leidraadsite.weergave.motor import Bouwfout

# Tekens waarmee Markdown (en attr_list, md_in_html, tabellen) iets anders van tekst maakt dan tekst:
# links [..](..), kenmerken {: ...}, nadruk, code, koppen, lijsten, tabelcellen en regeleinden.
_TEKENS = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
                        | {t: f"&#{ord(t)};" for t in "\\`*_{}[]()#+-!|~^=:$@\n\r\t"})


def als_tekst(waarde: Any) -> Any:
    """Jinja's ``finalize``: maak van elke ingevoegde waarde tekst die HTML en Markdown niet ontleden."""
    if hasattr(waarde, "__html__"):
        return waarde
    return Markup(str(waarde).translate(_TEKENS))


def _voorkant_regels(pad: Path) -> int:
    """Hoeveel regels de voorkant (front matter) beslaat: MkDocs geeft de pagina zonder die regels aan Jinja."""
    try:
        regels = pad.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    if not regels or regels[0].strip() != "---":
        return 0
    for i, regel in enumerate(regels[1:], start=1):
        if regel.strip() in ("---", "..."):
            j = i + 1
            while j < len(regels) and not regels[j].strip():  # MkDocs laat ook de lege regels erna weg
                j += 1
            return j
    return 0


def _melding(fout: BaseException) -> tuple[str, int | None]:
    """Wat er mis is, in het Nederlands, en de regel in de ingevulde tekst (vanaf 1) als die bekend is."""
    regel = getattr(fout, "lineno", None)
    if regel is None:
        for stap in reversed(traceback.extract_tb(fout.__traceback__)):
            if stap.filename == "<template>":
                regel = stap.lineno
                break
    if isinstance(fout, UndefinedError):
        naam = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", str(fout))
        wat = next((g for g in naam.groups() if g), "?") if naam else "?"
        if wat.startswith("_"):
            return f"het kenmerk '{wat}' mag een pagina niet gebruiken: {UITLEG}", regel
        return (f"onbekende naam '{wat}' in {{{{ … }}}}: die bestaat niet. Controleer de spelling (zie "
                f"docs/casussen/zo-rekent-de-site.md voor de namen die een pagina kan gebruiken)"), regel
    if isinstance(fout, TemplateSyntaxError):
        return (f"{{{{ … }}}} of {{% … %}} is niet goed geschreven; controleer haakjes en aanhalingstekens "
                f"(Jinja meldt: {fout.message})"), regel
    if isinstance(fout, SecurityError):
        if not isinstance(fout, Verboden):  # een melding van Jinja zelf (Engels)
            return f"dit mag niet in een pagina ({fout}): {UITLEG}", regel
        return f"{fout}", regel
    tekst = str(fout).strip()
    if isinstance(fout, Bouwfout) or type(fout).__name__ == "PluginError":  # van de site zelf, al in het Nederlands
        return tekst, regel
    return f"fout in een macro ({type(fout).__name__}: {tekst})", regel


# --- De zandbak ------------------------------------------------------------------------------------

UITLEG = ("een pagina kan alleen de macro's en filters van de site gebruiken (zie "
          "docs/casussen/zo-rekent-de-site.md); code uitvoeren of bestanden lezen kan niet")


class Verboden(SecurityError):
    """Iets wat een pagina niet mag; de tekst is de Nederlandse melding."""


def _van_de_site(waarde: Any) -> bool:
    """Komt dit object (of de functie erachter) uit de pakketten van de site zelf?"""
    functie = getattr(waarde, "__func__", waarde)
    module = getattr(functie, "__module__", None) or ""
    return module.split(".")[0] in ("leidraadsite", "jobcoach")


# Soorten objecten waarvan een pagina kenmerken mag lezen (naast de gegevens van de site zelf).
_GEGEVENS = (dict, dt.date, dt.time, dt.timedelta, fractions.Fraction, decimal.Decimal, LoopContext)
# Waarden die een pagina nooit als kenmerk krijgt: code en wat naar code leidt.
_CODE = (types.ModuleType, type, types.FunctionType, types.BuiltinFunctionType, types.CodeType,
         types.FrameType, types.GeneratorType, types.CoroutineType, types.TracebackType, Environment)
# Methoden van gegevens die een pagina mag aanroepen (ze lezen alleen).
_LEESMETHODEN = {(dict, "items"), (dict, "keys"), (dict, "values")}


class Paginaomgeving(ImmutableSandboxedEnvironment):
    """De Jinja-omgeving van de pagina's: een zandbak waarin alleen de macro's van de site iets doen."""

    # Rekenen in een pagina kan de bouw niet laten hangen: 9 ** 9 ** 9 of 'x' * 10 ** 9 wordt een melding.
    intercepted_binops = frozenset({"**", "*"})
    MAX_EXPONENT = 100
    MAX_HERHALING = 100_000

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float, fractions.Fraction, decimal.Decimal)) \
                and abs(right) > self.MAX_EXPONENT:  # type: ignore[operator]
            raise Verboden(f"een macht met een exponent groter dan {self.MAX_EXPONENT} is te groot voor een pagina")
        if operator == "*":
            for reeks, aantal in ((left, right), (right, left)):
                if isinstance(reeks, (str, list, tuple)) and isinstance(aantal, int) \
                        and len(reeks) * aantal > self.MAX_HERHALING:
                    raise Verboden(f"een herhaling van meer dan {self.MAX_HERHALING} tekens of items is te groot "
                                   "voor een pagina")
        return super().call_binop(context, operator, left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if (type(obj), attr) in _LEESMETHODEN:
            return True
        if isinstance(value, _CODE) or isinstance(obj, _CODE):
            return False
        if isinstance(obj, _GEGEVENS):
            return True
        soort = type(obj)
        return soort.__module__.split(".")[0] in ("jobcoach", "leidraadsite")

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, Macro):  # {% macro %} in de pagina zelf; de inhoud draait ook in de zandbak
            return True
        eigenaar = getattr(obj, "__self__", None)
        if isinstance(obj, types.BuiltinMethodType) and (type(eigenaar), obj.__name__) in _LEESMETHODEN:
            return True
        if not _van_de_site(obj):
            return False
        return any(obj == waarde for waarde in self.globals.values() if callable(waarde))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - zoals Jinja
        if isinstance(__obj, Undefined):  # een onbekende naam of een kenmerk dat niet mag: die melding
            __obj._fail_with_undefined_error()
        if not __self.is_safe_callable(__obj):
            naam = getattr(__obj, "__name__", None) or type(__obj).__name__
            raise Verboden(f"'{naam}' aanroepen mag niet in een pagina: {UITLEG}")
        return __context.call(__obj, *args, **kwargs)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, Undefined):  # kenmerk van een onbekende naam: meld de onbekende naam
            return obj
        return self.undefined(f"het kenmerk '{attribute}' van een {type(obj).__name__}-object mag een pagina niet "
                              f"gebruiken: {UITLEG}", name=attribute, obj=obj, exc=Verboden)


class _GeenSjablonen(BaseLoader):
    """``{% include %}``, ``{% import %}`` en ``{% extends %}`` in een pagina: altijd een melding."""

    def get_source(self, environment: Environment, template: str) -> Any:
        raise Verboden(f"de opdrachten include, import en extends kunnen niet in een pagina "
                       f"('{template}'): {UITLEG}")


class _GeenGegevens(Exception):
    pass


def _als_gegevens(waarde: Any, diepte: int = 0) -> Any:
    """Een kopie van ``waarde`` met alleen tekst, getallen, datums en lijsten en woordenboeken daarvan; een ander
    object geeft ``_GeenGegevens``."""
    if diepte > 20:
        raise _GeenGegevens
    if waarde is None or isinstance(waarde, (str, int, float, dt.date, dt.time)):
        return waarde
    if isinstance(waarde, (list, tuple)):
        return [_als_gegevens(w, diepte + 1) for w in waarde]
    if isinstance(waarde, Mapping):
        if not all(isinstance(k, str) for k in waarde):
            raise _GeenGegevens
        return {k: _als_gegevens(w, diepte + 1) for k, w in waarde.items()}
    raise _GeenGegevens


# Van de instellingen (mkdocs.yml) ziet een pagina alleen dit.
CONFIG_VOOR_PAGINAS = ("site_name", "site_url", "site_description", "copyright", "extra")


def paginavariabelen(variabelen: dict[str, Any]) -> dict[str, Any]:
    """De variabelen die een pagina krijgt: ``config`` als gewone gegevens (alleen ``CONFIG_VOOR_PAGINAS``) en
    verder alleen gewone gegevens (``extra`` uit mkdocs.yml, de voorkant van de pagina). Weg vallen de objecten
    die mkdocs-macros meegeeft (``page``, ``navigation``, ``files``, ``plugin``, ``environment``, ``git``,
    ``macros``, ``filters``): daarlangs bereikt een pagina anders MkDocs, de plugins en de hooks."""
    uit: dict[str, Any] = {}
    for naam, waarde in variabelen.items():
        if naam in ("environment", "git", "plugin", "macros", "filters", "filters_builtin"):
            continue
        if naam == "config":
            waarde = {k: waarde.get(k) for k in CONFIG_VOOR_PAGINAS}
        try:
            uit[naam] = _als_gegevens(waarde)
        except _GeenGegevens:
            continue
    return uit


class Paginafout(SystemExit):
    """Een fout bij het invullen van een pagina, in het Nederlands met bestand en regel. De bouw stopt erop met
    code 1, onder elke bouwer en ook zonder hooks of plugins van de site; ``make serve`` toont haar op zijn
    foutpagina. Een ``SystemExit`` en geen gewone fout: mkdocs-macros vangt gewone fouten, zet er een Engelse
    traceback bij en stopt dan toch (``on_error_fail``); Python drukt bij een ``SystemExit`` alleen de melding af."""


class Paginasjabloon(Template):
    """Een pagina als Jinja-sjabloon. Een fout bij het invullen wordt een :class:`Paginafout` met bestand en regel,
    in plaats van een Engelse traceback."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        pagina = kwargs.get("page")
        try:
            return super().render(*args, **paginavariabelen(dict(*args, **kwargs)))
        except Paginafout:
            raise
        except Exception as fout:
            # MkDocs en ProperDocs: page.file.src_uri; Zensical: page.path
            bron = getattr(getattr(pagina, "file", None), "src_uri", None) or getattr(pagina, "path", None)
            if bron is None:
                raise
            wat, regel = _melding(fout)
            abs_pad = Path(getattr(getattr(pagina, "file", None), "abs_src_path", "") or "")
            config = kwargs.get("config")
            if not getattr(pagina, "file", None) and isinstance(config, dict) and config.get("root_dir"):  # Zensical
                abs_pad = Path(config["root_dir"]) / str(config.get("docs_dir") or "docs") / str(bron)
            plaats = f"docs/{bron}" + (f":{regel + _voorkant_regels(abs_pad)}" if regel else "")
            melding = f"{plaats}: {wat}"
            _LAATSTE[:] = [melding]
            raise Paginafout(melding) from None


# De laatste melding, voor tests die mkdocs-macros zelf aanroepen.
_LAATSTE: list[str] = []


def laatste_fout() -> str | None:
    """De melding van de laatste :class:`Paginafout` in dit proces."""
    return _LAATSTE[0] if _LAATSTE else None


def wis_laatste_fout() -> None:
    _LAATSTE.clear()


class Paginatekst(Extension):
    """Jinja-uitbreiding: de zandbak, autoescape, ``als_tekst``, Nederlandse meldingen bij fouten, en het
    onthouden van gecompileerde pagina's.

    mkdocs-macros maakt zelf een gewone ``Environment``; Jinja maakt deze uitbreiding daarin, vóór er iets
    gecompileerd is. Hier wordt die omgeving een ``Paginaomgeving`` (wat ``SandboxedEnvironment.__init__`` doet,
    gebeurt hier ook), zonder de algemene functies van Jinja (``range``, ``lipsum``, ``cycler`` …)."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        if not isinstance(environment, Paginaomgeving):
            environment.__class__ = Paginaomgeving
            assert isinstance(environment, Paginaomgeving)
            environment.binop_table = Paginaomgeving.default_binop_table.copy()
            environment.unop_table = Paginaomgeving.default_unop_table.copy()
        environment.globals.clear()
        environment.loader = _GeenSjablonen()
        environment.autoescape = True
        environment.finalize = als_tekst
        environment.template_class = Paginasjabloon
        aanpassingen.pagina_compilatie(environment)
