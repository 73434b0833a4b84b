"""De Jinja-omgeving waarin mkdocs-macros de pagina's invult: alles wat ``{{ … }}`` invoegt, is tekst.

``mkdocs.yml`` laadt dit als Jinja-uitbreiding (``plugins: macros: j2_extensions``). Jinja maakt de
uitbreiding bij het maken van de omgeving; zo geldt dit voor elke pagina, zonder hook, ook onder Zensical.

- **Autoescape aan.** Tekst uit een casus (zoals ``{{ c.casus.titel }}``) komt nooit als HTML in een pagina.
- **Ook geen Markdown.** De ingevulde pagina gaat daarna nog door Markdown: ``[klik](javascript:…)`` of
  ``{: onclick=… }`` hebben geen HTML-tekens en zouden anders een link of kenmerk worden. Daarom worden ook
  de tekens van Markdown numerieke entiteiten; de browser toont ze als het teken zelf.
- HTML die een macro zelf veilig heeft gemaakt (``Markup``) blijft zoals hij is.
- Gecompileerde pagina's worden onthouden (aanpassing ``pagina-compilatie``).
"""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import Path
from typing import Any

from jinja2 import Environment, Template, TemplateSyntaxError, UndefinedError
from jinja2.ext import Extension
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from . import aanpassingen

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
        return (f"onbekende naam '{wat}' in {{{{ … }}}}: die bestaat niet. Controleer de spelling (zie "
                f"docs/casussen/zo-rekent-de-site.md voor de namen die een pagina kan gebruiken)"), regel
    if isinstance(fout, TemplateSyntaxError):
        return (f"{{{{ … }}}} of {{% … %}} is niet goed geschreven; controleer haakjes en aanhalingstekens "
                f"(Jinja meldt: {fout.message})"), regel
    tekst = str(fout).strip()
    if type(fout).__name__ == "PluginError":  # een melding van de site zelf, al in het Nederlands
        return tekst, regel
    return f"fout in een macro ({type(fout).__name__}: {tekst})", regel


class Paginafout(PluginError):
    """Een fout bij het invullen van een pagina, in het Nederlands met bestand en regel. De bouw stopt erop,
    onder elke bouwer en ook zonder hooks of plugins van de site (``make serve`` toont haar op zijn foutpagina)."""


class Paginasjabloon(Template):
    """Een pagina als Jinja-sjabloon. Een fout bij het invullen wordt een :class:`Paginafout` met bestand en regel,
    in plaats van een Engelse traceback."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        try:
            return super().render(*args, **kwargs)
        except Paginafout:
            raise
        except Exception as fout:
            pagina = kwargs.get("page")
            bron = getattr(getattr(pagina, "file", None), "src_uri", None) or getattr(pagina, "path", None)
            if bron is None:
                raise
            wat, regel = _melding(fout)
            abs_pad = Path(getattr(getattr(pagina, "file", None), "abs_src_path", "") or "")
            plaats = f"docs/{bron}" + (f":{regel + _voorkant_regels(abs_pad)}" if regel else "")
            melding = f"{plaats}: {wat}"
            _LAATSTE[:] = [melding]
            raise Paginafout(melding) from None


# De laatste melding: mkdocs-macros vangt de fout, schrijft haar met een Engelse traceback in het logboek en stopt de
# bouw (on_error_fail). Het filter hieronder maakt van die regel weer alleen de Nederlandse melding.
_LAATSTE: list[str] = []


class _AlleenDeMelding(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if _LAATSTE and isinstance(record.msg, str) and _LAATSTE[0] in record.getMessage():
            record.msg, record.args, record.levelno, record.levelname = _LAATSTE[0], (), logging.ERROR, "ERROR"
            record.exc_info = record.exc_text = None
        return True


class Paginatekst(Extension):
    """Jinja-uitbreiding: autoescape, ``als_tekst``, Nederlandse meldingen bij fouten (die de bouw stoppen), en het onthouden van
    gecompileerde pagina's."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.autoescape = True
        environment.finalize = als_tekst
        environment.template_class = Paginasjabloon
        aanpassingen.pagina_compilatie(environment)
        for naam in ("mkdocs.plugins.mkdocs_macros.util", "properdocs.plugins.mkdocs_macros.util"):
            logger = logging.getLogger(naam)
            if not any(isinstance(f, _AlleenDeMelding) for f in logger.filters):
                logger.addFilter(_AlleenDeMelding())
