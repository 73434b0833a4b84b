"""Dunne lijm tussen de pagina's en het pakket ``jobcoach``. Hier staat geen rekenwerk.

Macro's voor pagina's:

- ``schema_tabel(naam)``: het schema begeleidingsbehoefte van ``casussen/<naam>.yml``;
- ``berekening_tabel(naam)``: de urenberekening (per rij, per doel, totalen, percentage, regimes);
- ``bevindingen(naam)``: de bevindingen van de controles;
- ``casus(naam)``: de berekende waarden voor lopende tekst, met de filters ``uren``, ``getal``,
  ``procent`` en ``procent_afgekapt``;
- ``coachingsdoelen()`` en ``protocollen_tabel()``: de regels van de site;
- ``rekenhulp_regels()``: de regels en het gegevensmodel als JSON voor de rekenhulp in de browser.

Na de bouw (``on_post_build``) haalt rjsmin commentaar en witruimte uit het script van de rekenhulp
(``javascripts/rekenhulp.js`` in de gebouwde site). Zo blijft de bron leesbaar en de pagina binnen het
budget van 30 KB gecomprimeerd script. Commentaar dat begint met ``/*!`` (licentie) blijft staan.

Jinja escapet alles wat een pagina invoegt; macro's die zelf veilige HTML maken, geven ``Markup``.

Alle casussen worden bij het begin van de bouw één keer gelezen en gecontroleerd. Een ongeldige
casus laat de bouw stoppen met een melding per probleem (bestand, regel en veld).
"""

from __future__ import annotations

from pathlib import Path

import rjsmin
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from jobcoach import CasusFout, Uitkomst, bereken, laad_casus, laad_regels
from jobcoach.opmaak import getal, procent, procent_afgekapt, uren
from jobcoach.sjablonen import SjabloonFout, codeblok
from jobcoach.rekenhulp import rekenhulp_html
from jobcoach.tabellen import berekening_html, bevindingen_html, protocollen_html, schema_html
from jobcoach.wijzigingen import wijzigingen_markdown


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

    def sjabloon(bestand: str) -> Markup:
        """Een sjabloon als codeblok met kopieerknop (zie ``jobcoach.sjablonen``)."""
        try:
            return Markup(codeblok(bestand))
        except SjabloonFout as fout:
            raise PluginError(f"Sjablonen: {fout}") from None

    def wijzigingen() -> Markup:
        """De wijzigingen per editie uit CHANGELOG.md (één bron voor bestand en pagina)."""
        try:
            return Markup(wijzigingen_markdown(root / "CHANGELOG.md"))
        except CasusFout as fout:
            raise PluginError(fout.tekst()) from None

    env.macro(sjabloon, "sjabloon")
    env.macro(wijzigingen, "wijzigingen")

    def uitkomst(naam: str) -> Uitkomst:
        if naam not in uitkomsten:
            bekend = ", ".join(sorted(uitkomsten)) or "geen"
            raise PluginError(f"Casus '{naam}' bestaat niet (casussen/{naam}.yml). Bekende casussen: {bekend}")
        return uitkomsten[naam]

    # HTML die het pakket zelf al veilig heeft gemaakt (alle casustekst ge-escaped) krijgt het
    # kenmerk Markup; al het andere dat een pagina invoegt, escapet Jinja (zie on_pre_page_macros).
    env.macro(lambda naam: Markup(schema_html(uitkomst(naam))), "schema_tabel")
    env.macro(lambda naam: Markup(berekening_html(uitkomst(naam))), "berekening_tabel")
    env.macro(lambda naam: Markup(bevindingen_html(uitkomst(naam))), "bevindingen")
    env.macro(uitkomst, "casus")
    env.macro(lambda: dict(laad_regels().coachingsdoelen), "coachingsdoelen")
    env.macro(lambda: Markup(protocollen_html(laad_regels())), "protocollen_tabel")
    env.macro(lambda: Markup(rekenhulp_html()), "rekenhulp_regels")
    env.filter(uren, "uren")
    env.filter(getal, "getal")
    env.filter(procent, "procent")
    env.filter(procent_afgekapt, "procent_afgekapt")


def on_pre_page_macros(env) -> None:  # noqa: ANN001
    """Zet automatisch escapen aan: tekst uit een casus (zoals ``{{ c.casus.titel }}``) komt zo nooit
    als HTML in een pagina. De Jinja-omgeving bestaat pas na ``define_env``, daarom gebeurt het hier."""
    env.env.autoescape = True


def on_post_build(env) -> None:  # noqa: ANN001 - het object komt van mkdocs-macros
    script = Path(env.conf["site_dir"]) / "javascripts" / "rekenhulp.js"
    if not script.is_file():
        raise PluginError(f"Het script van de rekenhulp ontbreekt in de gebouwde site: {script}")
    script.write_text(rjsmin.jsmin(script.read_text(encoding="utf-8"), keep_bang_comments=True), encoding="utf-8")
