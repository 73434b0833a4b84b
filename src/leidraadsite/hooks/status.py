"""MkDocs-hook: controleer de voorkant van elke pagina, zet het statusblok onder de titel en leg de voet klaar.

Controleert bij het laden ook het e-mailadres van de onderhoudsgroep (``extra.onderhoudsgroep.email``), dat
de paginavoet op elke pagina toont ("Klopt er iets niet?").

Draait na mkdocs-macros (hooks komen na de plugins), dus op de ingevulde Markdown. Het statusblok noemt
editie en stand van de leidraad, de datums en de rollen (``leidraadsite.paginas.status_markdown``); de
paginavoet (bron en licentie) gaat via ``page.meta`` naar het thema (``overrides/partials/pagina-voet.html``).

De datum waarop een pagina "aan herziening toe" is, hangt af van de bouwdatum: vandaag, of de datum uit
``SOURCE_DATE_EPOCH`` (de gewone manier om een bouw herhaalbaar te maken; de tests gebruiken dat).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from jobcoach import Bestandsfout, laad_regels
from leidraadsite.paginas import (
    LeidraadEditie,
    bouwdatum,
    laad_licenties,
    pagina_voorkant,
    status_markdown,
    voeg_na_titel,
    voet_html,
)
from leidraadsite import jinja
from leidraadsite.terugmelding import onderhoudsadres
from leidraadsite.rollen import laad_rolkaart

_GEGEVENS: dict = {}  # per bouw opnieuw gevuld in on_config


def on_config(config, **kwargs):  # noqa: ANN001, ANN003, ANN201
    try:
        rolkaart = laad_rolkaart(docs=Path(config["docs_dir"]))
        licenties = laad_licenties()
    except Bestandsfout as fout:
        raise PluginError("Ongeldige gegevens; de site wordt niet gebouwd:\n" + fout.tekst()) from None
    try:
        editie = LeidraadEditie.model_validate((config.get("extra") or {}).get("leidraad"))
    except ValueError as fout:
        raise PluginError(f"mkdocs.yml: extra.leidraad: editie en stand ontbreken of kloppen niet ({fout})") from None
    try:
        einde = laad_regels().einde_protocollen()
    except Bestandsfout as fout:
        raise PluginError("Ongeldige regels; de site wordt niet gebouwd:\n" + fout.tekst()) from None
    if einde != editie.protocol_vervallen:
        raise PluginError(f"mkdocs.yml: extra.leidraad.protocol_vervallen is {editie.protocol_vervallen.isoformat()}, maar "
                          f"volgens src/jobcoach/data/regels.yml geldt er vanaf {einde} geen Protocol Jobcoach meer; "
                          "maak ze gelijk")
    try:
        onderhoudsadres(config.get("extra"), site_url=config.get("site_url"))
    except ValueError as fout:
        raise PluginError(str(fout)) from None
    try:
        datum = bouwdatum()
    except ValueError as fout:
        raise PluginError(str(fout)) from None
    _GEGEVENS.update(rolkaart=rolkaart, licenties=licenties, editie=editie, datum=datum,
                     rolnamen={r.id: r.kort for r in rolkaart.rollen})
    return config


def on_files(files, config, **kwargs):  # noqa: ANN001, ANN003, ANN201
    """Elke pagina moet UTF-8-tekst zijn: anders een melding met bestand en regel (MkDocs zelf meldt dat in het Engels)."""
    jinja.FOUTEN.clear()
    problemen = []
    for f in files.documentation_pages():
        ruw = Path(f.abs_src_path).read_bytes() if f.abs_src_path else b""
        try:
            ruw.decode("utf-8")
        except UnicodeDecodeError as fout:
            regel = ruw.count(b"\n", 0, fout.start) + 1
            problemen.append(f"docs/{f.src_uri}:{regel}: bestand is geen UTF-8-tekst; bewaar het als UTF-8")
    if problemen:
        raise PluginError("\n".join(problemen))
    return files


@event_priority(-50)  # na mkdocs-macros en na andere hooks op de ingevulde Markdown (zoals die van make bench)
def on_page_markdown(markdown, page, config, files, **kwargs):  # noqa: ANN001, ANN003, ANN201
    if page.file.src_uri in jinja.FOUTEN:
        raise PluginError(jinja.FOUTEN.pop(page.file.src_uri))
    g = _GEGEVENS
    try:
        voorkant = pagina_voorkant(Path(page.file.abs_src_path), g["rolkaart"].rol_ids, list(g["licenties"]))
    except Bestandsfout as fout:
        raise PluginError("Ongeldige voorkant; de site wordt niet gebouwd:\n" + fout.tekst()) from None
    blok = status_markdown(voorkant, g["editie"], g["rolnamen"], page.file.src_uri, g["datum"])
    page.meta["jobcoach_voet"] = Markup(voet_html(voorkant, g["licenties"]))
    return voeg_na_titel(markdown, blok)
