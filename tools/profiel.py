#!/usr/bin/env python3
"""Waar gaat de CPU-tijd van één bouw heen? Alleen voor de prestatiemeting (``make bench``).

Gebruik: ``python tools/profiel.py UITVOER.json --module mkdocs build …`` of
``python tools/profiel.py UITVOER.json --script PAD/zensical build …``

Draait de bouwer in dit proces met cProfile en telt de eigen tijd van elke functie bij een onderdeel (MkDocs,
Material, Markdown, Jinja, de macro's, de code van de site …). Tijd in de standaardbibliotheek van Python en in
ingebouwde functies telt bij het onderdeel dat ze aanriep. Telt ook hoe vaak de macro's een ``Bouw`` maken en een
casusbestand lezen (onder Zensical roept de macro-extensie ``define_env`` voor elke pagina aan). De profiler maakt de
bouw trager: vergelijk de onderdelen met elkaar, niet met een gewone bouwtijd.
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import runpy
import sys
import sysconfig
import threading
import time
from collections import Counter
from typing import Any

# (stukje van het pad, onderdeel); de eerste die past telt.
ONDERDELEN = [
    ("/leidraadsite/", "code van de site (leidraadsite: macro's, extensies, plugin)"),
    ("/macros/", "code van de site (leidraadsite: macro's, extensies, plugin)"),
    ("/jobcoach/", "domein (jobcoach: casussen lezen en rekenen)"),
    ("/mkdocs_macros/", "mkdocs-macros (macro's invullen met Jinja)"),
    ("/material/plugins/search/", "zoekindex (Material)"),
    ("/mkdocs/contrib/search/", "zoekindex (MkDocs)"),
    ("/properdocs/contrib/search/", "zoekindex (MkDocs)"),
    ("/mkdocs_print_site_plugin/", "printversie (print-site)"),
    ("/material/", "Material (thema en plugins)"),
    ("/pymdownx/", "Markdown naar HTML (Python-Markdown en pymdownx)"),
    ("/markdown/", "Markdown naar HTML (Python-Markdown en pymdownx)"),
    ("/jinja2/", "sjablonen van het thema (Jinja)"),
    ("<template>", "sjablonen van het thema (Jinja)"),
    (".html", "sjablonen van het thema (Jinja)"),
    ("/markupsafe/", "sjablonen van het thema (Jinja)"),
    ("/zensical/", "Zensical (het deel in Python)"),
    ("/mkdocs/", "MkDocs of ProperDocs zelf"),
    ("/properdocs/", "MkDocs of ProperDocs zelf"),
    ("/yaml/", "YAML en pydantic (gegevens lezen)"),
    ("/pydantic", "YAML en pydantic (gegevens lezen)"),
    ("/babel/", "overige pakketten"),
    ("/site-packages/", "overige pakketten"),
]
OVERIG = "Python zelf en overig"
_STDLIB = (sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"])

TELLERS: Counter[str] = Counter()
BOUW_CPU = [0.0]  # CPU-tijd (van de eigen thread) in Bouw.__init__, over alle threads opgeteld
_SLOT = threading.Lock()
_LOKAAL = threading.local()
PROFIELEN: list[cProfile.Profile] = []  # een per thread van de bouwer (Zensical rendert in threads van Rust)


def onderdeel(functie: tuple[str, int, str]) -> str | None:
    """Het onderdeel van een functie, of None als haar tijd bij de aanroeper hoort (ingebouwd, standaardbibliotheek)."""
    bestand = functie[0].replace(os.sep, "/")
    if bestand == "~" or bestand.startswith(_STDLIB) and "/site-packages/" not in bestand:
        return None
    for stukje, naam in ONDERDELEN:
        if stukje in bestand:
            return naam
    return OVERIG


def per_onderdeel(stats: dict[Any, Any]) -> dict[str, float]:
    """Eigen tijd per onderdeel; tijd zonder onderdeel gaat naar de aanroepers, naar rato van hun deel."""
    verdeling: dict[Any, dict[str, float]] = {}
    bezig: set[Any] = set()

    def verdeel(functie: Any) -> dict[str, float]:
        """Welk deel van de tijd van ``functie`` bij welk onderdeel hoort (onthouden; een kring telt als overig)."""
        naam = onderdeel(functie)
        if naam is not None:
            return {naam: 1.0}
        if functie in verdeling:
            return verdeling[functie]
        if functie in bezig:
            return {OVERIG: 1.0}
        bezig.add(functie)
        aanroepers = stats.get(functie, (0, 0, 0, 0, {}))[4]
        gewicht = {a: v[3] for a, v in aanroepers.items() if a != functie and v[3] > 0}
        totaal = sum(gewicht.values())
        uit: dict[str, float] = {}
        if not totaal:
            uit = {OVERIG: 1.0}
        for aanroeper, deel in gewicht.items():
            for naam, fractie in verdeel(aanroeper).items():
                uit[naam] = uit.get(naam, 0.0) + fractie * deel / totaal
        bezig.discard(functie)
        verdeling[functie] = uit
        return uit

    tijden: Counter[str] = Counter()
    for functie, (_, _, eigen, _, _) in stats.items():
        if eigen:
            for naam, fractie in verdeel(functie).items():
                tijden[naam] += eigen * fractie
    return dict(tijden)


def tel_bouw_en_casussen() -> None:
    """Tel hoe vaak de macro's een Bouw maken en een casus lezen (en berekenen)."""
    from leidraadsite.inhoud import casusmap
    from leidraadsite.weergave import bouw

    bouw_init, laad, controle = bouw.Bouw.__init__, casusmap.laad_casus, casusmap.Casusmap.laad

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        begin = time.thread_time()
        try:
            bouw_init(self, *args, **kwargs)
        finally:
            with _SLOT:
                TELLERS["bouw"] += 1
                BOUW_CPU[0] += time.thread_time() - begin

    def laad_casus(*args: Any, **kwargs: Any) -> Any:
        with _SLOT:
            TELLERS["casus"] += 1
        return laad(*args, **kwargs)

    def controleer(self: Any, *args: Any, **kwargs: Any) -> Any:
        with _SLOT:
            TELLERS["controle"] += 1
        return controle(self, *args, **kwargs)

    bouw.Bouw.__init__ = init  # type: ignore[method-assign]
    casusmap.laad_casus = laad_casus  # type: ignore[assignment]
    casusmap.Casusmap.laad = controleer  # type: ignore[method-assign]


def profileer_threads() -> None:
    """Zensical roept ``zensical.markdown.render.render`` aan vanuit eigen threads (Rust); die krijgen elk een profiler."""
    try:
        from zensical.markdown import render as module
    except ImportError:
        return
    origineel = module.render

    def render(*args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is threading.main_thread():
            return origineel(*args, **kwargs)
        profiel = getattr(_LOKAAL, "profiel", None)
        if profiel is None:
            profiel = _LOKAAL.profiel = cProfile.Profile(time.thread_time)
            with _SLOT:
                PROFIELEN.append(profiel)
        profiel.enable()
        try:
            return origineel(*args, **kwargs)
        finally:
            profiel.disable()

    module.render = render


def main() -> int:
    if len(sys.argv) < 4 or sys.argv[2] not in ("--module", "--script"):
        print(__doc__, file=sys.stderr)
        return 2
    uitvoer, soort, doel, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    tel_bouw_en_casussen()
    profileer_threads()
    sys.argv = [doel, *args]
    profiel = cProfile.Profile(time.thread_time)  # CPU-tijd van deze thread, niet de tijd op de klok
    code = 0
    profiel.enable()
    try:
        if soort == "--module":
            runpy.run_module(doel, run_name="__main__", alter_sys=True)
        else:
            runpy.run_path(doel, run_name="__main__")
    except SystemExit as einde:
        code = einde.code if isinstance(einde.code, int) else (0 if einde.code is None else 1)
    finally:
        profiel.disable()
    alles = pstats.Stats(profiel)
    for ander in PROFIELEN:
        alles.add(ander)
    with open(uitvoer, "w", encoding="utf-8") as f:
        json.dump({"delen": per_onderdeel(alles.stats), "bouw_aanroepen": TELLERS["bouw"],  # type: ignore[attr-defined]
                   "bouw_cpu_s": round(BOUW_CPU[0], 3), "casussen_gelezen": TELLERS["casus"],
                   "controles": TELLERS["controle"],
                   "threads": 1 + len(PROFIELEN)}, f, ensure_ascii=False, indent=2)
    return code


if __name__ == "__main__":
    sys.exit(main())
