"""Wat de bouw uit de mappen van het project leest: niets van buiten het project, en geen script in docs/.

MkDocs kopieert alles in ``docs/`` naar de site, volgt daarbij links (symlinks) en zet de inhoud ook in de
printversie en de zoekindex. Een link naar ``/etc/hostname``, ``/proc/self/environ`` of een map buiten het project
zou zo online komen. ``links_naar_buiten`` noemt elke link in een map die buiten het project wijst (of naar
zichzelf), en elk bestand dat geen gewoon bestand of map is (zoals een FIFO). ``script_in_docs`` noemt elk
``.svg``- of ``.html``-bestand in ``docs/`` met een script, een ``on…=``-kenmerk of een ``javascript:``-link: zo'n
bestand voert code uit als een lezer het opent. De meldingen noemen alleen de link of het bestand, nooit wat er
buiten het project staat.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from leidraadsite.inhoud.htmlstukken import lees_stukken

# Bestanden die een browser als pagina opent (en waarin een script dus draait).
PAGINASOORTEN = (".svg", ".svgz", ".html", ".htm", ".xhtml", ".xht", ".xml", ".xsl", ".xslt", ".mht", ".mhtml")


def _toon(pad: Path, project: Path) -> str:
    try:
        return pad.relative_to(project).as_posix()
    except ValueError:
        return pad.as_posix()


def links_naar_buiten(mappen: list[Path], project: Path, eigen_lezer: frozenset[Path] = frozenset()) -> list[str]:
    """Een melding (Nederlands) per link in ``mappen`` die buiten ``project`` wijst, per lus en per bestand dat geen
    gewoon bestand is. De mappen zelf mogen ook geen link naar buiten zijn. De ``.yml``-bestanden direct in een map
    van ``eigen_lezer`` slaat dit over: die leest een lezer die zelf links en andere bestanden weigert (de casussen,
    met een eigen melding); in zo'n map telt verder alleen een link naar buiten."""
    project = project.resolve()
    eigen = {m.resolve() if not m.is_symlink() else m for m in eigen_lezer}
    problemen: list[str] = []

    def bekijk(pad: Path, alleen_buiten: bool = False) -> bool:
        """False als ``pad`` niet verder bekeken moet worden."""
        try:
            info = pad.lstat()
        except OSError:
            return False
        if stat.S_ISLNK(info.st_mode):
            try:
                doel = pad.resolve(strict=True)
            except (OSError, RuntimeError):
                if alleen_buiten:
                    return False
                problemen.append(f"{_toon(pad, project)}: link die naar zichzelf wijst (of naar niets); haal de link "
                                 "weg of zet er het bestand zelf neer")
                return False
            if not doel.is_relative_to(project):
                problemen.append(f"{_toon(pad, project)}: link naar een bestand of map buiten het project; de bouw "
                                 "publiceert niets van buiten het project. Zet het bestand zelf in het project")
                return False
            info = doel.stat()
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
            if alleen_buiten:
                return False
            problemen.append(f"{_toon(pad, project)}: geen gewoon bestand (zoals een FIFO of apparaat); haal het weg")
            return False
        return True

    for map_ in mappen:
        if not os.path.lexists(map_) or not bekijk(map_):
            continue
        for wortel, mapnamen, bestandsnamen in os.walk(map_, followlinks=False):
            lezer = Path(wortel).resolve() in eigen
            for naam in sorted(bestandsnamen):
                if not (lezer and naam.endswith(".yml")):
                    bekijk(Path(wortel) / naam, alleen_buiten=lezer)
            for naam in sorted(mapnamen):
                pad = Path(wortel) / naam
                if pad.is_symlink():
                    bekijk(pad)  # os.walk volgt geen links; een link binnen het project wordt elders ook gelezen
    return problemen


def script_in_docs(docs: Path, project: Path) -> list[str]:
    """Een melding per ``.svg``/``.html``-bestand (en verwante soorten) in ``docs`` met script erin."""
    problemen: list[str] = []
    for wortel, _, bestandsnamen in os.walk(docs, followlinks=False):
        for naam in sorted(bestandsnamen):
            pad = Path(wortel) / naam
            if not naam.lower().endswith(PAGINASOORTEN) or pad.is_symlink():
                continue
            try:
                tekst = pad.read_bytes().decode("utf-8", errors="replace")
            except OSError:
                continue
            for stuk in lees_stukken(tekst):
                if stuk.soort in ("script", "extern") or stuk.tag == "script":
                    wat = "een <script>"
                elif stuk.soort == "kenmerk":
                    wat = f"het kenmerk {stuk.inhoud.split('=')[0]!r} op <{stuk.tag}>"
                else:
                    continue
                problemen.append(f"{_toon(pad, project)}:{stuk.regel}: {wat}; een bestand in docs/ mag geen script "
                                 "bevatten (een lezer die het opent, voert het uit). Haal het script weg")
    return problemen


def mappen_veilig(project: Path, docs: Path, config: dict) -> str | None:
    """De controle van een bouw (``leidraadsite.weergave.bouw.Bouw`` roept hem aan, onder elke bouwer): ``docs/``,
    ``casussen/``, de map van het thema (``overrides/``) en elke map van ``watch``. Geeft de Nederlandse melding,
    of None als alles in orde is. De casusbestanden (``casussen/*.yml``) controleert de casuslezer zelf."""
    thema = config.get("theme") or {}
    eigen_map = getattr(thema, "custom_dir", None) or (thema.get("custom_dir") if isinstance(thema, dict) else None)
    mappen = [docs, project / "casussen", project / (eigen_map or "overrides")]
    mappen += [project / w for w in config.get("watch") or [] if (project / w).is_dir()]
    problemen = (links_naar_buiten(list(dict.fromkeys(mappen)), project, frozenset({project / "casussen"}))
                 + script_in_docs(docs, project))
    if not problemen:
        return None
    return "Bestanden die de site niet publiceert; de site wordt niet gebouwd:\n" + "\n".join(problemen)
