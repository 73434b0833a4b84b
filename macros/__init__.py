"""Dunne lijm tussen de pagina's en het pakket ``jobcoach``. Hier staat geen rekenwerk.

Macro's voor pagina's:

- ``schema_tabel(naam)``: het schema begeleidingsbehoefte van ``casussen/<naam>.yml``;
- ``berekening_tabel(naam)``: de urenberekening (per rij, per doel, totalen, percentage, regimes);
- ``bevindingen(naam)``: de bevindingen van de controles;
- ``casus(naam)``: de berekende waarden voor lopende tekst, met de filters ``uren``, ``getal``,
  ``procent`` en ``procent_afgekapt``;
- ``coachingsdoelen()`` en ``protocollen_tabel()``: de regels van de site;
- ``prestaties()`` en ``prestaties_tabel(soort)``: de uitkomsten van ``make bench``
  (``docs/prestaties/resultaten.json``), voor de pagina Prestaties.

Alle casussen worden bij het begin van de bouw één keer gelezen en gecontroleerd. Een ongeldige
casus laat de bouw stoppen met een melding per probleem (bestand, regel en veld).

Snelheid (zie de pagina Prestaties):

- Tabellen en andere HTML uit de macro's gaan niet door Markdown. De macro zet een merkteken in de
  pagina; ``macros/haak.py`` (een MkDocs-hook) zet de HTML terug na de omzetting naar HTML. Markdown
  hoeft de grote tabellen dan niet te ontleden. ``mkdocs.yml`` moet die hook dus laden.
- Jinja compileert een ongewijzigde pagina niet opnieuw (``macros/sjablonen.py``).
- Bij ``mkdocs serve`` onthoudt het proces de casussen (``Casusmap``) en leest het alleen gewijzigde
  bestanden opnieuw. Met ``mkdocs serve --dirty`` worden de pagina's die een gewijzigde casus
  gebruiken opnieuw gebouwd, ook als hun Markdown niet veranderde.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from jobcoach import CasusFout, Uitkomst, laad_regels
from jobcoach.casusmap import Casusmap
from jobcoach.opmaak import getal, procent, procent_afgekapt, uren
from jobcoach.tabellen import berekening_html, bevindingen_html, protocollen_html, schema_html

from . import sjablonen

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

    def uitkomst(naam: str) -> Uitkomst:
        if naam not in uitkomsten:
            bekend = ", ".join(sorted(uitkomsten)) or "geen"
            raise PluginError(f"Casus '{naam}' bestaat niet (casussen/{naam}.yml). Bekende casussen: {bekend}")
        gebruikt(naam)
        return uitkomsten[naam]

    def gebruikt(bron: str) -> None:
        pagina = huidige_pagina()
        if pagina is not None:
            _GEBRUIKT_DOOR.setdefault(bron, set()).add(Path(pagina.file.abs_dest_path).resolve())

    def html(inhoud: str) -> str:
        """Zet HTML apart voor macros/haak.py en geef het merkteken dat Markdown ongemoeid laat."""
        pagina = huidige_pagina()
        if pagina is None or not inhoud:
            return inhoud
        apart = pagina.__dict__.setdefault("jobcoach_html", [])
        apart.append(inhoud)
        return MERKTEKEN.format(len(apart) - 1)

    env.macro(lambda naam: html(schema_html(uitkomst(naam))), "schema_tabel")
    env.macro(lambda naam: html(berekening_html(uitkomst(naam))), "berekening_tabel")
    env.macro(lambda naam: html(bevindingen_html(uitkomst(naam))), "bevindingen")
    env.macro(uitkomst, "casus")
    env.macro(lambda: dict(laad_regels().coachingsdoelen), "coachingsdoelen")
    env.macro(lambda: html(protocollen_html(laad_regels())), "protocollen_tabel")
    prestatiebestand = (root / PRESTATIES).resolve()
    geladen: list = []

    def prestaties():  # noqa: ANN202 - een jobcoach.prestaties.Resultaten
        from jobcoach.prestaties import laad_resultaten  # alleen de pagina Prestaties heeft dit nodig

        gebruikt(f"bestand:{prestatiebestand}")
        if not geladen:
            _STEMPELS[prestatiebestand] = _stempel(prestatiebestand)
            try:
                geladen.append(laad_resultaten(prestatiebestand))
            except CasusFout as fout:
                raise PluginError(f"Ongeldig resultatenbestand van make bench:\n{fout.tekst()}") from None
        return geladen[0]

    def prestaties_tabel(soort: str) -> str:
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


def on_pre_page_macros(env) -> None:  # noqa: ANN001 - mkdocs-macros roept dit aan vóór elke pagina
    def bronbestand() -> str | None:
        try:
            return env.page.file.abs_src_path
        except AttributeError:
            return None

    sjablonen.versnel(env.env, bronbestand)
