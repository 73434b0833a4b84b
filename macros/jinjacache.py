"""Gecompileerde pagina's onthouden, zodat Jinja een ongewijzigde pagina niet opnieuw compileert.

mkdocs-macros maakt van elke pagina een Jinja-sjabloon (``Environment.from_string``). Jinja
compileert dat sjabloon eerst naar Python; bij een casuspagina met een tiental macro's kost dat
enkele milliseconden, meer dan het invullen zelf. Bij 1000 casussen is dat seconden per bouw.

Dit onthoudt de gecompileerde code per pagina:

- in het geheugen, zolang het proces loopt (``mkdocs serve`` bouwt zo alleen gewijzigde pagina's
  opnieuw);
- op schijf, met Jinja's eigen bytecode-cache (in de tijdelijke map van het systeem). Jinja
  controleert daar zelf de inhoud van de pagina (checksum) en de versies van Python en Jinja.

De sleutel bevat ook de instellingen van de Jinja-omgeving (scheidingstekens, uitbreidingen, namen
van filters en tests), zodat een andere instelling nooit oude code oplevert. De pagina wordt elke
keer opnieuw ingevuld: alleen het compileren wordt overgeslagen.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from types import CodeType
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, Template

_GEHEUGEN: dict[str, CodeType] = {}
_SCHIJF: FileSystemBytecodeCache | None = None


def _vingerafdruk(env: Environment) -> str:
    instellingen = (
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        sorted(env.extensions), env.optimized, env.autoescape, env.is_async, sorted(env.filters), sorted(env.tests),
        getattr(env.finalize, "__qualname__", env.finalize),
    )
    return hashlib.sha256(repr(instellingen).encode()).hexdigest()[:16]


def versnel(env: Environment, bronbestand: Callable[[], str | None]) -> None:
    """Laat ``env.from_string`` gecompileerde code hergebruiken. Meer dan eens aanroepen kan geen kwaad.

    ``bronbestand`` geeft het pad van de pagina die nu wordt ingevuld (de sleutel op schijf).
    """
    global _SCHIJF
    if getattr(env, "_jobcoach_versneld", False):
        return
    if _SCHIJF is None:
        _SCHIJF = FileSystemBytecodeCache()
    schijf = _SCHIJF
    vingerafdruk = _vingerafdruk(env)

    def from_string(source: str, globals: dict[str, Any] | None = None,  # noqa: A002 - naam van Jinja
                    template_class: type[Template] | None = None) -> Template:
        sleutel = vingerafdruk + hashlib.sha256(source.encode("utf-8")).hexdigest()
        code = _GEHEUGEN.get(sleutel)
        if code is None:
            bestand = bronbestand()
            emmer = schijf.get_bucket(env, f"jobcoach-pagina-{vingerafdruk}", bestand, source) if bestand else None
            code = emmer.code if emmer is not None else None
            if code is None:
                code = env.compile(source)
                if emmer is not None:
                    emmer.code = code
                    schijf.set_bucket(emmer)
            _GEHEUGEN[sleutel] = code
        return (template_class or env.template_class).from_code(env, code, env.make_globals(globals), None)

    env.from_string = from_string  # type: ignore[method-assign]
    env._jobcoach_versneld = True  # type: ignore[attr-defined]
