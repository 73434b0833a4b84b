"""Na de bouw: één stap over de gebouwde site, welke bouwer de bestanden ook schreef.

    python -m leidraadsite.nabouw site/ [-f mkdocs.yml]

MkDocs en ProperDocs roepen dit zelf aan na elke bouw (de plugin ``leidraadsite.mkdocs.plugin``); na Zensical, dat geen plugins
draait, roept ``make build MOTOR=zensical`` het aan. De stappen, in deze volgorde:

1. ``controle``: geen pagina mag een merkteken van ``leidraadsite.weergave.htmlblok`` of een foutmelding van de macro's
   bevatten (dan ontbreekt er een tabel en zou de pagina stil kapot online komen); de bouw stopt;
2. ``downloads``: de sjablonen als Markdown, YAML en Word in ``sjablonen/downloads/`` (``leidraadsite.weergave.sjablonen``),
   en de PDF van elke eerdere editie uit ``edities/`` in de hoofdmap van de site, onder dezelfde vaste naam
   (``leidraadsite.inhoud.wijzigingen.archief_pdfs``; nooit die van de huidige editie, die maakt ``leidraadsite.nabouw.pdf``);
3. ``printversie``: de links in de printversie herstellen en de kopregels met het webadres (alleen als de bouwer
   een printversie maakte: mkdocs-print-site-plugin; ``leidraadsite.nabouw.printversie``);
4. ``rekenhulp``: het script van de rekenhulp verkleinen (``leidraadsite.weergave.rekenhulp``);
5. ``zoeken``: Nederlandse stemming voor getypte zoekwoorden in de zoekfunctie van Material (aanpassing
   ``zoekworker-nl``; alleen als die zoekfunctie er is);
6. ``csp``: controleer elke pagina tegen de lijst ``data/csp.yml`` en zet de Content-Security-Policy erin, plus
   ``_headers`` (``leidraadsite.nabouw.csp.beveilig_site``); als laatste, want hij kijkt naar wat er dan staat. Niet in de voorvertoning van ``make serve``, die zelf een script toevoegt.

Elke stap mag vaker draaien: de uitkomst blijft gelijk. Een fout geeft een Nederlandse melding en code 1.
"""

from __future__ import annotations

import argparse
import html
import logging
import os
import re
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.leidraadsite.nabouw")

_DOWNLOADLINK = re.compile(r'<a download="([^"/]+)" href="(?!#)[^"]*"')
MERKTEKENS = ("jobcoach-html:", "Macro Rendering Error", "Macro Syntax Error")


class NabouwFout(Exception):
    """Iets klopt niet in de gebouwde site; de bouw moet stoppen."""


@dataclass(frozen=True)
class Instellingen:
    """Wat de stappen uit mkdocs.yml nodig hebben."""

    docs: Path
    site_url: str
    use_directory_urls: bool
    editie: str | None
    permalink_title: str
    project: Path  # de map van mkdocs.yml, met CHANGELOG.md en edities/

    @classmethod
    def uit_config(cls, config: dict[str, Any], basis: Path) -> Instellingen:
        toc: dict[str, Any] = {}
        for ext in config.get("markdown_extensions") or []:
            if isinstance(ext, dict) and "toc" in ext:
                toc = ext["toc"] or {}
        toc = (config.get("mdx_configs") or {}).get("toc") or toc
        editie = (config.get("extra") or {}).get("editie")
        return cls(docs=(basis / (config.get("docs_dir") or "docs")).resolve(),
                   site_url=str(config.get("site_url") or ""),
                   use_directory_urls=bool(config.get("use_directory_urls", True)),
                   editie=None if editie is None else str(editie),
                   permalink_title=str(toc.get("permalink_title") or "Vaste link naar deze kop"),
                   project=basis.resolve())

    @classmethod
    def uit_bestand(cls, pad: Path) -> Instellingen:
        from leidraadsite.inhoud.config import lees_mkdocs_yml

        return cls.uit_config(lees_mkdocs_yml(pad.read_text(encoding="utf-8")) or {}, pad.parent)


def _html_bestanden(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def controle(site: Path) -> None:
    problemen = []
    for pad in _html_bestanden(site):
        tekst = pad.read_text(encoding="utf-8")
        for teken in MERKTEKENS:
            if teken in tekst:
                soort = "merkteken van een tabel uit een macro" if teken.startswith("jobcoach") else "foutmelding van een macro"
                problemen.append(f"{pad.relative_to(site).as_posix()}: {soort} ('{teken}') staat nog in de pagina; "
                                 "de tabel of tekst ontbreekt. Staat leidraadsite.weergave.htmlblok in markdown_extensions?")
                break
    if problemen:
        raise NabouwFout("\n".join(problemen))


def downloads(site: Path, inst: Instellingen) -> None:
    from jobcoach import Bestandsfout, laad_regels

    from leidraadsite.inhoud.wijzigingen import EDITIE_PDF
    from leidraadsite.weergave.sjablonen import DOWNLOADS, SjabloonFout, download_namen, schrijf_downloads

    try:
        schrijf_downloads(site, laad_regels(), inst.editie)
    except SjabloonFout as fout:
        raise NabouwFout(f"Sjablonen: {fout}") from None
    except Bestandsfout as fout:
        raise NabouwFout("Ongeldige regels; de site wordt niet gebouwd:\n" + fout.tekst()) from None
    # De links naar de downloads (macro download) wijzen vanaf elke pagina naar sjablonen/downloads/, die naar de PDF
    # van een editie (pagina Wijzigingen) naar de hoofdmap. Zensical leest ook een href in HTML als een link in de bron
    # (ten opzichte van het .md-bestand): het zet er nog een ../ voor, en maakt van een .md-download een pagina-adres.
    # Zet ze hier goed, vanaf de plek van elk gebouwd bestand.
    namen = set(download_namen())
    for pad in _html_bestanden(site):
        tekst = pad.read_text(encoding="utf-8")
        if "<a download=" not in tekst:
            continue

        def goed(m: re.Match[str]) -> str:
            if m.group(1) in namen:
                bestand = site / DOWNLOADS / m.group(1)
            elif EDITIE_PDF.fullmatch(m.group(1)):
                bestand = site / m.group(1)
            else:
                return m.group(0)
            doel = os.path.relpath(bestand, pad.parent).replace(os.sep, "/")  # noqa: B023 - goed loopt in dezelfde ronde
            return f'<a download="{m.group(1)}" href="{html.escape(doel, quote=True)}"'

        nieuw = _DOWNLOADLINK.sub(goed, tekst)
        if nieuw != tekst:
            pad.write_text(nieuw, encoding="utf-8")


def edities(site: Path, inst: Instellingen) -> None:
    """Zet de PDF van elke eerdere editie uit ``edities/`` in de hoofdmap van de site, onder dezelfde naam."""
    from jobcoach import Bestandsfout

    from leidraadsite.inhoud.wijzigingen import archief_pdfs

    try:
        archief = archief_pdfs(inst.project / "CHANGELOG.md")
    except Bestandsfout as fout:
        raise NabouwFout("De PDF's van eerdere edities kloppen niet; de site wordt niet gebouwd:\n" + fout.tekst()) from None
    for editie, pdf in archief.items():
        if editie == inst.editie:  # de PDF van de huidige editie maakt de bouw zelf; nooit overschrijven
            log.info("nabouw: %s overgeslagen (de huidige editie; die PDF maakt leidraadsite.nabouw.pdf)", pdf.name)
            continue
        doel = site / pdf.name
        if not doel.is_file() or doel.read_bytes() != pdf.read_bytes():
            shutil.copyfile(pdf, doel)
    if archief:
        log.info("nabouw: PDF van eerdere edities: %s", ", ".join(sorted(e for e in archief if e != inst.editie)))


def adressen(inst: Instellingen) -> dict[str, str]:
    """Paginasleutel van print-site → webadres, voor elke pagina in docs/."""
    from leidraadsite.nabouw.printversie import paginasleutel

    uit = {}
    for md in sorted(inst.docs.rglob("*.md")):
        deel = md.relative_to(inst.docs).with_suffix("").as_posix()
        if inst.use_directory_urls:
            naam = deel.rsplit("/", 1)[-1]
            url = deel.rsplit("/", 1)[0] + "/" if naam in ("index", "README") and "/" in deel else (
                "" if naam in ("index", "README") else deel + "/")
        else:
            url = deel + ".html"
        uit[paginasleutel(url)] = inst.site_url.rstrip("/") + "/" + url if inst.site_url else "/" + url
    return uit


def printversie(site: Path, inst: Instellingen) -> None:
    from leidraadsite.nabouw.printversie import herstel_links, met_kopregels

    pagina = site / "printversie" / "index.html"
    if not pagina.is_file():
        log.info("nabouw: geen printversie in deze bouw")
        return
    tekst = pagina.read_text(encoding="utf-8")
    if 'id="print-kopregels"' in tekst:  # al gedaan
        return
    tekst, aantal = herstel_links(tekst, site, pagina, inst.site_url or None)
    # De plugin zet boven elk deel van de navigatie een kop met de vaste Engelse titel 'Permanent link'.
    tekst = tekst.replace("title='Permanent link'", f"title='{html.escape(inst.permalink_title, quote=True)}'")
    tekst = met_kopregels(tekst, adressen(inst))
    pagina.write_text(tekst, encoding="utf-8")
    log.info("nabouw: printversie, %d links hersteld", aantal)


def rekenhulp(site: Path) -> None:
    from leidraadsite.weergave.rekenhulp import verklein

    try:
        verklein(site)
    except FileNotFoundError as fout:
        raise NabouwFout(f"Het script van de rekenhulp ontbreekt in de gebouwde site: {fout.filename}") from None


def zoeken(site: Path) -> None:
    from leidraadsite import aanpassingen

    if not (site / "assets" / "javascripts" / "workers").is_dir():
        log.info("nabouw: geen zoekfunctie van Material in deze bouw")
        return
    try:
        aanpassingen.zoekworker_nl(site)
    except Exception as fout:  # noqa: BLE001 - PluginError van MkDocs: hier een gewone fout
        raise NabouwFout(str(fout)) from None


def bronnen(inst: Instellingen) -> dict[str, str]:
    """Gebouwd bestand (``casussen/x/index.html``) → bron (``docs/casussen/x.md``), voor de meldingen."""
    uit = {"printversie/index.html": "alle pagina's (printversie)", "404.html": "overrides/404.html"}
    for md in sorted(inst.docs.rglob("*.md")):
        deel = md.relative_to(inst.docs).with_suffix("").as_posix()
        if not inst.use_directory_urls:
            gebouwd = deel + ".html"
        elif deel.rsplit("/", 1)[-1] in ("index", "README"):
            gebouwd = (deel.rsplit("/", 1)[0] + "/" if "/" in deel else "") + "index.html"
        else:
            gebouwd = deel + "/index.html"
        uit[gebouwd] = "docs/" + md.relative_to(inst.docs).as_posix()
    return uit


def csp(site: Path, inst: Instellingen) -> None:
    from leidraadsite.nabouw.csp import CspFout, beveilig_site

    try:
        beveilig_site(site, bronnen(inst))
    except CspFout as fout:
        raise NabouwFout(str(fout)) from None


def nabouw(site: Path, inst: Instellingen, voorvertoning: bool = False) -> None:
    """Alle stappen, in de volgorde van de uitleg bovenaan."""
    controle(site)
    downloads(site, inst)
    edities(site, inst)
    printversie(site, inst)
    rekenhulp(site)
    zoeken(site)
    if not voorvertoning:
        csp(site, inst)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m leidraadsite.nabouw",
                                     description="Na de bouw: controle, downloads, printversie, rekenhulp, zoeken, CSP.")
    parser.add_argument("site", type=Path, help="de map van de gebouwde site")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), metavar="BESTAND")
    parser.add_argument("--alleen-controle", action="store_true", help="alleen stap 1 (de controle)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    if not args.site.is_dir():
        print(f"De map {args.site} bestaat niet; bouw de site eerst.", file=sys.stderr)
        return 1
    try:
        if args.alleen_controle:
            controle(args.site)
        else:
            nabouw(args.site, Instellingen.uit_bestand(args.config_file))
    except NabouwFout as fout:
        print(f"Na de bouw: de site is niet goed.\n{fout}", file=sys.stderr)
        return 1
    return 0
