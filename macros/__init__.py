"""Dunne lijm tussen de pagina's en het pakket ``jobcoach``. Hier staat geen rekenwerk.

Macro's voor pagina's:

- ``schema_tabel(naam)``: het schema begeleidingsbehoefte van ``casussen/<naam>.yml``;
- ``berekening_tabel(naam)``: de urenberekening (per rij, per doel, totalen, percentage, regimes);
- ``bevindingen(naam)``: de bevindingen van de controles;
- ``casus(naam)``: de berekende waarden voor lopende tekst, met de filters ``uren``, ``getal``,
  ``procent`` en ``procent_afgekapt``;
- ``coachingsdoelen()``, ``protocollen_tabel()`` en ``protocol(id)``: de regels van de site;
- ``rolkeuze()`` en ``rollen_overzicht()``: de startpagina "Wat is uw rol?" uit ``data/rollen.yml``;
- ``regioplan_tabel(nummer)``, ``regioplan_grafiek(nummer)`` en ``regioplan_cijfer(nummer, rij, kolom, blok)``:
  de cijfers van Regioplan (2014) uit ``data/regioplan/``;
- ``begrippenlijst()``: de begrippen uit ``data/begrippen.yml``;
- ``herstellingen_tabel()``: wat we in de overgenomen teksten hebben hersteld;
- ``rekenhulp_regels()``: de regels en het gegevensmodel als JSON voor de rekenhulp in de browser;
- ``prestaties()`` en ``prestaties_tabel(soort)``: de uitkomsten van ``make bench``
  (``docs/prestaties/resultaten.json``), voor de pagina Prestaties.

Na het invullen van elke pagina controleert ``on_post_page_macros`` de voorkant (rollen, licentie,
datums), zet het statusblok onder de titel en legt de paginavoet klaar voor het thema.

Na de bouw (``on_post_build``) haalt rjsmin commentaar en witruimte uit het script van de rekenhulp
(``javascripts/rekenhulp.js`` in de gebouwde site). Zo blijft de bron leesbaar en de pagina binnen het
budget van 30 KB gecomprimeerd script. Commentaar dat begint met ``/*!`` (licentie) blijft staan.

Jinja escapet alles wat een pagina invoegt; macro's die zelf veilige HTML maken, geven ``Markup``.

Alle casussen worden bij het begin van de bouw één keer gelezen en gecontroleerd. Een ongeldige
casus laat de bouw stoppen met een melding per probleem (bestand, regel en veld).

Snelheid (zie de pagina Prestaties):

- Tabellen en andere HTML uit de macro's gaan niet door Markdown. De macro zet een merkteken in de
  pagina; ``macros/haak.py`` (een MkDocs-hook) zet de HTML terug na de omzetting naar HTML. Markdown
  hoeft de grote tabellen dan niet te ontleden. ``mkdocs.yml`` moet die hook dus laden.
- Jinja compileert een ongewijzigde pagina niet opnieuw (``macros/jinjacache.py``).
- Bij ``mkdocs serve`` onthoudt het proces de casussen (``Casusmap``) en leest het alleen gewijzigde
  bestanden opnieuw. Met ``mkdocs serve --dirty`` worden de pagina's die een gewijzigde casus
  gebruiken opnieuw gebouwd, ook als hun Markdown niet veranderde.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import rjsmin
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from jobcoach import CasusFout, Uitkomst, laad_regels
from jobcoach.casusmap import Casusmap
from jobcoach.opmaak import getal, procent, procent_afgekapt, uren
from jobcoach.begrippen import begrippen_markdown, laad_begrippen
from jobcoach.paginas import (
    Editie,
    laad_licenties,
    pagina_voorkant,
    paginatitel,
    status_markdown,
    voeg_na_titel,
    voet_html,
)
from jobcoach.regioplan import grafiek_svg, laad_regioplan, procent_tekst, tabel_html
from jobcoach.rollen import laad_rolkaart, rolkeuze_markdown, rollen_markdown
from jobcoach.rekenhulp import rekenhulp_html
from jobcoach.sjablonen import SjabloonFout, codeblok
from jobcoach.tabellen import berekening_html, bevindingen_html, protocollen_html, schema_html
from jobcoach.transcripties import herstellingen_html, laad_transcripties
from jobcoach.wijzigingen import wijzigingen_markdown

from . import jinjacache

# Gegevens voor on_post_page_macros; define_env vult ze bij elke bouw opnieuw.
_SITE: dict = {}

HAAK = "macros/haak.py"
MERKTEKEN = "<!--jobcoach-html:{}-->"  # macros/haak.py zoekt precies dit patroon

PRESTATIES = Path("docs/prestaties/resultaten.json")  # ten opzichte van mkdocs.yml; geschreven door make bench

# Blijven bestaan zolang het proces loopt (bij mkdocs serve: over alle herbouwen heen).
_CASUSMAPPEN: dict[Path, Casusmap] = {}
# Bron (een casusnaam, of "bestand:" + pad) -> gebouwde pagina's (index.html) die haar tonen.
_GEBRUIKT_DOOR: dict[str, set[Path]] = {}
_STEMPELS: dict[Path, tuple[int, int, int] | None] = {}  # andere bronbestanden: (mtime, grootte, inode)


def _stempel(pad: Path) -> tuple[int, int, int] | None:
    try:
        status = pad.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size, status.st_ino)


def _veranderde_bestanden() -> set[str]:
    veranderd = set()
    for pad, oud in list(_STEMPELS.items()):
        if _stempel(pad) != oud:
            veranderd.add(f"bestand:{pad}")
            del _STEMPELS[pad]
    return veranderd


def laad_alle_casussen(map_: Path) -> tuple[dict[str, Uitkomst], set[str]]:
    """Alle casussen in ``map_``, en de namen die sinds de vorige bouw in dit proces zijn veranderd."""
    casusmap = _CASUSMAPPEN.setdefault(map_.resolve(), Casusmap(map_))
    try:
        return casusmap.laad(laad_regels())
    except CasusFout as fout:
        raise PluginError("Ongeldige casus; de site wordt niet gebouwd:\n" + fout.tekst()) from None


def _vergeet_verouderde_paginas(veranderd: set[str], site_dir: Path) -> None:
    """Verwijder de gebouwde pagina's die een veranderde casus tonen, zodat ``--dirty`` ze opnieuw bouwt.

    Zonder ``--dirty`` maakt MkDocs de hele map toch leeg; dan doet dit niets extra's.
    """
    for naam in veranderd:
        for pagina in _GEBRUIKT_DOOR.pop(naam, set()):
            if pagina.is_relative_to(site_dir):
                pagina.unlink(missing_ok=True)


def define_env(env) -> None:  # noqa: ANN001 - het object komt van mkdocs-macros
    root = Path(env.conf["config_file_path"]).parent
    if HAAK not in (env.conf.get("hooks") or {}):
        raise PluginError(f"mkdocs.yml moet de hook '{HAAK}' laden (onder 'hooks:'); zonder die hook ontbreken de tabellen.")
    try:
        uitkomsten, veranderd = laad_alle_casussen(root / "casussen")
    except CasusFout as fout:  # fout in de regels zelf
        raise PluginError("Ongeldige regels; de site wordt niet gebouwd:\n" + fout.tekst()) from None
    _vergeet_verouderde_paginas(veranderd | _veranderde_bestanden(), Path(env.conf["site_dir"]).resolve())

    def huidige_pagina():  # noqa: ANN202 - een mkdocs Page, of None buiten een pagina
        try:
            return env.page
        except AttributeError:
            return None

    def sjabloon(bestand: str) -> Markup:
        """Een sjabloon als codeblok met kopieerknop (zie ``jobcoach.sjablonen``)."""
        try:
            return Markup(codeblok(bestand))
        except SjabloonFout as fout:
            raise PluginError(f"Sjablonen: {fout}") from None

    def wijzigingen() -> Markup:
        """De wijzigingen per editie uit CHANGELOG.md (één bron voor bestand en pagina)."""
        volg_bestand(root / "CHANGELOG.md")
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
        gebruikt(naam)
        return uitkomsten[naam]

    # HTML die het pakket zelf al veilig heeft gemaakt (alle casustekst ge-escaped) gaat als Markup de
    # pagina in; al het andere dat een pagina invoegt, escapet Jinja (zie on_pre_page_macros).
    def gebruikt(bron: str) -> None:
        pagina = huidige_pagina()
        if pagina is not None:
            _GEBRUIKT_DOOR.setdefault(bron, set()).add(Path(pagina.file.abs_dest_path).resolve())

    def volg_bestand(pad: Path) -> None:
        """Deze pagina toont iets uit dit bestand: verandert het, dan bouwt ``--dirty`` de pagina opnieuw."""
        pad = pad.resolve()
        gebruikt(f"bestand:{pad}")
        if pad not in _STEMPELS:
            _STEMPELS[pad] = _stempel(pad)

    def html(inhoud: str) -> str:
        """Zet HTML apart voor macros/haak.py en geef het merkteken dat Markdown ongemoeid laat."""
        pagina = huidige_pagina()
        if pagina is None or not inhoud:
            return Markup(inhoud)
        apart = pagina.__dict__.setdefault("jobcoach_html", [])
        apart.append(inhoud)
        return Markup(MERKTEKEN.format(len(apart) - 1))

    env.macro(lambda naam: html(schema_html(uitkomst(naam))), "schema_tabel")
    env.macro(lambda naam: html(berekening_html(uitkomst(naam))), "berekening_tabel")
    env.macro(lambda naam: html(bevindingen_html(uitkomst(naam))), "bevindingen")
    env.macro(uitkomst, "casus")
    env.macro(lambda: dict(laad_regels().coachingsdoelen), "coachingsdoelen")
    env.macro(lambda: html(protocollen_html(laad_regels())), "protocollen_tabel")
    env.macro(lambda: Markup(rekenhulp_html()), "rekenhulp_regels")
    env.macro(_protocol, "protocol")
    prestatiebestand = (root / PRESTATIES).resolve()
    geladen: list = []

    def prestaties():  # noqa: ANN202 - een jobcoach.prestaties.Resultaten
        from jobcoach.prestaties import laad_resultaten  # alleen de pagina Prestaties heeft dit nodig

        volg_bestand(prestatiebestand)
        if not geladen:
            try:
                geladen.append(laad_resultaten(prestatiebestand))
            except CasusFout as fout:
                raise PluginError(f"Ongeldig resultatenbestand van make bench:\n{fout.tekst()}") from None
        return geladen[0]

    def prestaties_tabel(soort: str) -> Markup:
        from jobcoach.prestaties import tabel_html

        try:
            return html(tabel_html(prestaties(), soort))
        except ValueError as fout:
            raise PluginError(f"prestaties_tabel: {fout}") from None

    env.macro(prestaties, "prestaties")
    env.macro(prestaties_tabel, "prestaties_tabel")
    env.filter(uren, "uren")
    env.filter(getal, "getal")
    env.filter(procent, "procent")
    env.filter(procent_afgekapt, "procent_afgekapt")
    _laad_sitegegevens(env)


def on_pre_page_macros(env) -> None:  # noqa: ANN001 - mkdocs-macros roept dit aan vóór elke pagina
    """Zet automatisch escapen aan: tekst uit een casus (zoals ``{{ c.casus.titel }}``) komt zo nooit
    als HTML in een pagina. De Jinja-omgeving bestaat pas na ``define_env``, daarom gebeurt het hier.
    Daarna: gecompileerde pagina's hergebruiken (de vingerafdruk van de cache bevat ``autoescape``)."""
    env.env.autoescape = True
    env.env.finalize = als_tekst

    def bronbestand() -> str | None:
        try:
            return env.page.file.abs_src_path
        except AttributeError:
            return None

    jinjacache.versnel(env.env, bronbestand)


# Tekens waarmee Markdown (en attr_list, md_in_html, tabellen) iets anders van tekst maakt dan tekst:
# links [..](..), kenmerken {: ...}, nadruk, code, koppen, lijsten, tabelcellen en regeleinden. Ze
# worden numerieke entiteiten; de browser toont ze als het teken zelf, Markdown ziet er geen opmaak in.
_MARKDOWN_TEKENS = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
                                 | {t: f"&#{ord(t)};" for t in "\\`*_{}[]()#+-!|~^=:$@\n\r\t"})


def als_tekst(waarde):  # noqa: ANN001, ANN201 - Jinja's finalize: elke waarde die {{ ... }} invoegt
    """Wat een pagina met ``{{ ... }}`` invoegt, is tekst: Markdown ontleedt het niet, ook geen link.

    Jinja's autoescape alleen is niet genoeg, want de ingevulde pagina gaat daarna nog door Markdown:
    ``[klik](javascript:...)`` heeft geen HTML-tekens en zou een link worden. HTML die een macro zelf
    veilig heeft gemaakt (``Markup``) blijft zoals hij is.
    """
    if hasattr(waarde, "__html__"):
        return waarde
    return Markup(str(waarde).translate(_MARKDOWN_TEKENS))


def on_post_build(env) -> None:  # noqa: ANN001 - het object komt van mkdocs-macros
    script = Path(env.conf["site_dir"]) / "javascripts" / "rekenhulp.js"
    if not script.is_file():
        raise PluginError(f"Het script van de rekenhulp ontbreekt in de gebouwde site: {script}")
    script.write_text(rjsmin.jsmin(script.read_text(encoding="utf-8"), keep_bang_comments=True), encoding="utf-8")


def _protocol(protocol_id: str):
    """Eén protocolversie uit de regels, voor waarden in lopende tekst (bijvoorbeeld het maximum)."""
    regels = laad_regels()
    try:
        return regels.protocol(protocol_id)
    except KeyError:
        raise PluginError(f"Protocol '{protocol_id}' bestaat niet in src/jobcoach/data/regels.yml. "
                          f"Bekende protocollen: {', '.join(regels.protocol_ids)}") from None


def _laad_sitegegevens(env) -> None:  # noqa: ANN001
    """Lees rolkaart, licenties, Regioplan-tabellen, begrippen en transcripties, en controleer ze."""
    for lader in (laad_rolkaart, laad_licenties, laad_regioplan, laad_begrippen, laad_transcripties):
        cache_clear = getattr(lader, "cache_clear", None)
        if cache_clear:
            cache_clear()
    docs = Path(env.conf["docs_dir"])
    try:
        rolkaart = laad_rolkaart(docs=docs)
        licenties = laad_licenties()
        regioplan = laad_regioplan()
        begrippen = laad_begrippen()
        transcripties = laad_transcripties()
    except CasusFout as fout:
        raise PluginError("Ongeldige gegevens; de site wordt niet gebouwd:\n" + fout.tekst()) from None
    try:
        editie = Editie.model_validate((env.conf.get("extra") or {}).get("leidraad"))
    except ValueError as fout:
        raise PluginError(f"mkdocs.yml: extra.leidraad: editie en stand ontbreken of kloppen niet ({fout})") from None
    _SITE.update(rolkaart=rolkaart, licenties=licenties, editie=editie,
                 rolnamen={r.id: r.kort for r in rolkaart.rollen})

    def regioplan_tabel_(nummer: str):
        return regioplan.tabel(nummer)

    def cijfer(nummer: str, rij: str, kolom: int = 1, blok: int | None = None) -> str:
        waarde = regioplan_tabel_(nummer).waarde(rij, kolom, blok)
        if waarde is None:
            raise PluginError(f"Regioplan tabel {nummer}, rij '{rij}', kolom {kolom}: de waarde is onleesbaar; "
                              "gebruik haar niet in lopende tekst")
        return procent_tekst(waarde)

    titels = {pad: paginatitel(docs / pad) for pad in sorted(rolkaart.paginas())}
    env.macro(lambda: Markup(rolkeuze_markdown(rolkaart)), "rolkeuze")
    env.macro(lambda: Markup(rollen_markdown(rolkaart, titels)), "rollen_overzicht")
    env.macro(lambda nummer: Markup(tabel_html(regioplan_tabel_(nummer), regioplan.onderzoek)), "regioplan_tabel")
    env.macro(lambda nummer: Markup(grafiek_svg(regioplan_tabel_(nummer))), "regioplan_grafiek")
    env.macro(cijfer, "regioplan_cijfer")
    env.macro(lambda: regioplan.onderzoek, "regioplan_onderzoek")
    env.macro(lambda: Markup(begrippen_markdown(begrippen)), "begrippenlijst")
    env.macro(lambda: Markup(herstellingen_html(transcripties)), "herstellingen_tabel")


def on_post_page_macros(env) -> None:  # noqa: ANN001
    """Controleer de voorkant van de pagina, zet het statusblok onder de titel en leg de voet klaar."""
    pagina = env.page
    try:
        voorkant = pagina_voorkant(Path(pagina.file.abs_src_path), _SITE["rolkaart"].rol_ids, list(_SITE["licenties"]))
    except CasusFout as fout:
        raise PluginError("Ongeldige voorkant; de site wordt niet gebouwd:\n" + fout.tekst()) from None
    blok = status_markdown(voorkant, _SITE["editie"], _SITE["rolnamen"], pagina.file.src_uri, dt.date.today())
    env.markdown = voeg_na_titel(env.markdown, blok)
    pagina.meta["jobcoach_voet"] = Markup(voet_html(voorkant, _SITE["licenties"]))
