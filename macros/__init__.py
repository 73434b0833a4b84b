"""Dunne lijm tussen de pagina's en het pakket ``jobcoach``. Hier staat geen rekenwerk.

Macro's voor pagina's:

- ``schema_tabel(naam)``: het schema begeleidingsbehoefte van ``casussen/<naam>.yml``;
- ``berekening_tabel(naam)``: de urenberekening (per rij, per doel, totalen, percentage, regimes);
- ``bevindingen(naam)``: de bevindingen van de controles;
- ``casus(naam)``: de berekende waarden voor lopende tekst, met de filters ``uren``, ``getal``,
  ``procent`` en ``procent_afgekapt``;
- ``coachingsdoelen()`` en ``protocollen_tabel()``: de regels van de site;
- ``rekenhulp_regels()``: de regels en het gegevensmodel als JSON voor de rekenhulp in de browser.

Alle casussen worden bij het begin van de bouw één keer gelezen en gecontroleerd. Een ongeldige
casus laat de bouw stoppen met een melding per probleem (bestand, regel en veld).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from jobcoach import CasusFout, Uitkomst, bereken, laad_casus, laad_regels
from jobcoach.opmaak import getal, procent, procent_afgekapt, uren
from jobcoach.rekenhulp import rekenhulp_html
from jobcoach.tabellen import berekening_html, bevindingen_html, protocollen_html, schema_html


def laad_alle_casussen(map_: Path) -> dict[str, Uitkomst]:
    regels = laad_regels()
    uitkomsten: dict[str, Uitkomst] = {}
    problemen: list[str] = []
    for bestand in sorted(map_.glob("*.yml")):
        try:
            uitkomsten[bestand.stem] = bereken(laad_casus(bestand, regels), regels)
        except CasusFout as fout:
            problemen.append(fout.tekst())
    if problemen:
        raise PluginError("Ongeldige casus; de site wordt niet gebouwd:\n" + "\n".join(problemen))
    return uitkomsten


def define_env(env) -> None:  # noqa: ANN001 - het object komt van mkdocs-macros
    root = Path(env.conf["config_file_path"]).parent
    try:
        uitkomsten = laad_alle_casussen(root / "casussen")
    except CasusFout as fout:  # fout in de regels zelf
        raise PluginError("Ongeldige regels; de site wordt niet gebouwd:\n" + fout.tekst()) from None

    def uitkomst(naam: str) -> Uitkomst:
        if naam not in uitkomsten:
            bekend = ", ".join(sorted(uitkomsten)) or "geen"
            raise PluginError(f"Casus '{naam}' bestaat niet (casussen/{naam}.yml). Bekende casussen: {bekend}")
        return uitkomsten[naam]

    env.macro(lambda naam: schema_html(uitkomst(naam)), "schema_tabel")
    env.macro(lambda naam: berekening_html(uitkomst(naam)), "berekening_tabel")
    env.macro(lambda naam: bevindingen_html(uitkomst(naam)), "bevindingen")
    env.macro(uitkomst, "casus")
    env.macro(lambda: dict(laad_regels().coachingsdoelen), "coachingsdoelen")
    env.macro(lambda: protocollen_html(laad_regels()), "protocollen_tabel")
    env.macro(lambda: Markup(rekenhulp_html()), "rekenhulp_regels")
    env.filter(uren, "uren")
    env.filter(getal, "getal")
    env.filter(procent, "procent")
    env.filter(procent_afgekapt, "procent_afgekapt")
