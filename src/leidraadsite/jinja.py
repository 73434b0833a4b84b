"""De Jinja-omgeving waarin mkdocs-macros de pagina's invult: alles wat ``{{ … }}`` invoegt, is tekst.

``mkdocs.yml`` laadt dit als Jinja-uitbreiding (``plugins: macros: j2_extensions``). Jinja maakt de
uitbreiding bij het maken van de omgeving; zo geldt dit voor elke pagina, zonder hook.

- **Autoescape aan.** Tekst uit een casus (zoals ``{{ c.casus.titel }}``) komt nooit als HTML in een pagina.
- **Ook geen Markdown.** De ingevulde pagina gaat daarna nog door Markdown: ``[klik](javascript:…)`` of
  ``{: onclick=… }`` hebben geen HTML-tekens en zouden anders een link of kenmerk worden. Daarom worden ook
  de tekens van Markdown numerieke entiteiten; de browser toont ze als het teken zelf.
- HTML die een macro zelf veilig heeft gemaakt (``Markup``) blijft zoals hij is.
- Gecompileerde pagina's worden onthouden (aanpassing ``pagina-compilatie``).
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from jinja2.ext import Extension
from markupsafe import Markup

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


class Paginatekst(Extension):
    """Jinja-uitbreiding: autoescape, ``als_tekst`` en het onthouden van gecompileerde pagina's."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.autoescape = True
        environment.finalize = als_tekst
        aanpassingen.pagina_compilatie(environment)
