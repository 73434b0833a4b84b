"""Wat de pagina's met ``{{ … }}`` kunnen gebruiken, voor één bouw van de site.

``macros/__init__.py`` maakt bij elke bouw een :class:`Bouw` en zet zijn methoden als macro's en
filters in de pagina's (één regel per macro). Hier gebeurt het werk: casussen en gegevens lezen,
tabellen maken, fouten vertalen naar een ``Bouwfout`` met bestand, regel en veld.

Tabellen en andere HTML van de site gaan als ``Markup`` de pagina in; tekst escapet Jinja (zie
``leidraadsite.weergave.jinja``). Grote tabellen staan in de Markdown als merkteken met de HTML erin, dat de
Markdown-extensie ``leidraadsite.weergave.htmlblok`` onder elke bouwer ongewijzigd terugzet (dan hoeft Markdown de
grote tabellen niet te ontleden; zie de pagina Prestaties).

Zolang het proces loopt (bij ``mkdocs serve`` over alle herbouwen heen) onthoudt :data:`PROCES` de
gelezen casussen, en welke gebouwde pagina's welke casus of welk bestand tonen. Zensical roept
``define_env`` (en dus ``Bouw``) voor elke pagina aan, met steeds hetzelfde configuratie-object: dan
controleert alleen de eerste ``Bouw`` de mappen, gegevens en casussen; de volgende nemen dat over
(zie :attr:`Proces.laatste`). Bij ``mkdocs serve
--dirty`` worden zo ook de pagina's opnieuw gebouwd die een gewijzigde casus of regel tonen.
"""

from __future__ import annotations

import posixpath
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup
from leidraadsite.weergave.motor import Bouwfout

from jobcoach import Bestandsfout, Uitkomst, laad_regels
from jobcoach.html import berekening_html, bevindingen_html, protocollen_html, schema_html
from jobcoach.regels import REGELS_PAD

from leidraadsite.inhoud.begrippen import BEGRIPPEN_PAD, begrippen_markdown, laad_begrippen
from leidraadsite.inhoud.casusmap import Casusmap
from leidraadsite.weergave.htmlblok import merkteken
from leidraadsite.inhoud.bestanden import mappen_veilig
from leidraadsite.inhoud.paginas import paginatitel
from leidraadsite.inhoud.regioplan import grafiek_svg, laad_regioplan, procent_tekst, tabel_html
from leidraadsite.weergave.rekenhulp import rekenhulp_html
from leidraadsite.inhoud.rollen import laad_rolkaart, rolkeuze_markdown, rolpagina_markdown
from leidraadsite.inhoud.routes import laad_routes, routekeuze_markdown, routes_markdown
from leidraadsite.weergave.sjablonen import DOWNLOADS, SjabloonFout, codeblok, download_namen, voorbeeld_html
from leidraadsite.inhoud.transcripties import herstellingen_html, laad_transcripties
from leidraadsite.inhoud.wijzigingen import archief_pdfs, pdf_naam, wijzigingen_markdown

PRESTATIES = Path("docs/prestaties/resultaten.json")  # ten opzichte van mkdocs.yml; geschreven door make bench

Stempel = tuple[int, int, int] | None  # (mtime, grootte, inode) van een bestand, None als het er niet is


def stempel(pad: Path) -> Stempel:
    try:
        status = pad.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size, status.st_ino)


@dataclass
class Proces:
    """Wat bewaard blijft zolang het proces loopt: bij ``mkdocs build`` één bouw, bij ``mkdocs serve`` alle."""

    casusmappen: dict[Path, Casusmap] = field(default_factory=dict)
    # bron (een casusnaam, of "bestand:" + pad) -> gebouwde pagina's (index.html) die haar tonen
    gebruikt_door: dict[str, set[Path]] = field(default_factory=dict)
    stempels: dict[Path, Stempel] = field(default_factory=dict)  # andere bronbestanden die pagina's tonen
    # projectmap -> (vingerafdruk, gelezen gegevens): regels, rolkaart, routes, Regioplan, begrippen, transcripties
    gegevens: dict[Path, tuple[tuple, tuple]] = field(default_factory=dict)
    # De laatste volledige controle: (configuratie-object, tijdstip, gegevens, uitkomsten). Een Bouw met hetzelfde
    # configuratie-object binnen HERGEBRUIK_S neemt die over (Zensical: één controle per bouw in plaats van per pagina).
    laatste: tuple[Any, float, tuple, dict[str, Uitkomst]] | None = None
    klok: Callable[[], float] = time.monotonic

    def veranderde_bestanden(self) -> set[str]:
        veranderd = set()
        for pad, oud in list(self.stempels.items()):
            if stempel(pad) != oud:
                veranderd.add(f"bestand:{pad}")
                del self.stempels[pad]
        return veranderd

    def vergeet_paginas(self, veranderd: set[str], site_dir: Path) -> None:
        """Verwijder de gebouwde pagina's die iets veranderds tonen, zodat ``--dirty`` ze opnieuw bouwt.

        Zonder ``--dirty`` maakt MkDocs de hele map toch leeg; dan doet dit niets extra's.
        """
        for naam in veranderd:
            for pagina in self.gebruikt_door.pop(naam, set()):
                if pagina.is_relative_to(site_dir):
                    pagina.unlink(missing_ok=True)


PROCES = Proces()

# Zo lang (in seconden) geldt een controle voor de volgende Bouw met hetzelfde configuratie-object. Zensical bouwt
# elke pagina met dezelfde configuratie; binnen een bouw is een seconde oud genoeg, en bij zensical serve ziet een
# pagina die later opnieuw gemaakt wordt de nieuwe casussen. MkDocs en ProperDocs maken per bouw een nieuwe
# configuratie (en één Bouw): daar verandert niets.
HERGEBRUIK_S = 1.0

_DATAMAPPEN = (REGELS_PAD.parent, Path(__file__).parents[1] / "data")


def _vingerafdruk(docs: Path) -> tuple:
    """Alles waar de gegevens van :class:`Bouw` van afhangen: elk bestand in de datamappen van ``jobcoach`` en
    ``leidraadsite`` (regels, teksten, rollen, routes, Regioplan, begrippen …), en welke pagina's er in docs/ zijn
    (de rollen en routes noemen pagina's; een map verandert van stempel als er een bestand bij komt of af gaat)."""
    bestanden = [p for map_ in _DATAMAPPEN for p in sorted(map_.rglob("*")) if p.is_file()]
    mappen = [docs, *sorted(p for p in docs.rglob("*") if p.is_dir())] if docs.is_dir() else [docs]
    return tuple((str(p), stempel(p)) for p in bestanden + mappen)


def _fout(kop: str, fout: Bestandsfout) -> Bouwfout:
    return Bouwfout(f"{kop}; de site wordt niet gebouwd:\n{fout.tekst()}")


class Bouw:
    """De macro's van één bouw. ``env`` is het object van mkdocs-macros (``env.conf``, ``env.page``)."""

    def __init__(self, env: Any, proces: Proces = PROCES) -> None:
        self._env = env
        self._proces = proces
        # MkDocs en ProperDocs geven config_file_path, Zensical root_dir (de map van mkdocs.yml).
        configbestand = env.conf.get("config_file_path")
        self.root = Path(configbestand).parent if configbestand else Path(env.conf["root_dir"])
        self.docs = self.root / env.conf["docs_dir"]
        laatste = proces.laatste
        if laatste is not None and laatste[0] is env.conf and proces.klok() - laatste[1] < HERGEBRUIK_S:
            gegevens, self.uitkomsten = laatste[2], laatste[3]
            self.regels, self.rolkaart, self.routes, self.regioplan, self.begrippen, self.transcripties = gegevens
        else:
            self._controleer(env, proces)
        self._volg(REGELS_PAD)
        self._prestaties: Any = None

    def _controleer(self, env: Any, proces: Proces) -> None:
        """Mappen, gegevens en alle casussen controleren (en zo nodig lezen); onthouden in ``proces.laatste``."""
        fouten = mappen_veilig(self.root, self.docs, env.conf)
        if fouten:
            raise Bouwfout(fouten)
        # Eén keer per proces lezen zolang niets verandert.
        vingerafdruk = _vingerafdruk(self.docs)
        bewaard = proces.gegevens.get(self.root.resolve())
        if bewaard is not None and bewaard[0] == vingerafdruk:
            self.regels, self.rolkaart, self.routes, self.regioplan, self.begrippen, self.transcripties = bewaard[1]
        else:
            self._lees()
            proces.gegevens[self.root.resolve()] = (vingerafdruk, (self.regels, self.rolkaart, self.routes,
                                                                   self.regioplan, self.begrippen, self.transcripties))
        casusmap = proces.casusmappen.setdefault((self.root / "casussen").resolve(), Casusmap(self.root / "casussen"))
        try:
            self.uitkomsten, veranderd = casusmap.laad(self.regels)
        except Bestandsfout as fout:
            raise _fout("Ongeldige casus", fout) from None
        proces.vergeet_paginas(veranderd | proces.veranderde_bestanden(), (self.root / env.conf["site_dir"]).resolve())
        proces.laatste = (env.conf, proces.klok(), (self.regels, self.rolkaart, self.routes, self.regioplan,
                                                     self.begrippen, self.transcripties), self.uitkomsten)

    def _lees(self) -> None:
        try:
            self.regels = laad_regels(REGELS_PAD)
        except Bestandsfout as fout:
            raise _fout("Ongeldige regels", fout) from None
        try:
            self.rolkaart = laad_rolkaart(docs=self.docs)
            self.routes = laad_routes(docs=self.docs)
            self.regioplan = laad_regioplan()
            self.begrippen = laad_begrippen()
            self.transcripties = laad_transcripties()
        except Bestandsfout as fout:
            raise _fout("Ongeldige gegevens", fout) from None

    # --- bijhouden wat een pagina toont (voor mkdocs serve --dirty) --------------------------------

    def _pagina(self) -> Any:
        try:
            return self._env.page
        except AttributeError:
            return None

    def _gebruikt(self, bron: str) -> None:
        bestand = getattr(self._pagina(), "file", None)  # alleen MkDocs en ProperDocs (voor serve --dirty)
        if bestand is not None:
            self._proces.gebruikt_door.setdefault(bron, set()).add(Path(bestand.abs_dest_path).resolve())

    def _volg(self, pad: Path) -> None:
        """De pagina die nu wordt ingevuld toont iets uit dit bestand: verandert het, dan bouwt ``--dirty`` haar opnieuw."""
        pad = pad.resolve()
        self._gebruikt(f"bestand:{pad}")
        if pad not in self._proces.stempels:
            self._proces.stempels[pad] = stempel(pad)

    def _html(self, inhoud: str) -> Markup:
        """HTML voor de pagina, als merkteken dat ``leidraadsite.weergave.htmlblok`` na Markdown ongewijzigd terugzet."""
        return merkteken(inhoud) if inhoud else Markup("")

    # --- casussen en regels ------------------------------------------------------------------------

    def casus(self, naam: str) -> Uitkomst:
        """De berekende casus ``casussen/<naam>.yml``, voor waarden in lopende tekst."""
        if naam not in self.uitkomsten:
            bekend = ", ".join(sorted(self.uitkomsten)) or "geen"
            raise Bouwfout(f"Casus '{naam}' bestaat niet (casussen/{naam}.yml). Bekende casussen: {bekend}")
        self._gebruikt(naam)
        self._volg(REGELS_PAD)
        return self.uitkomsten[naam]

    def schema_tabel(self, naam: str) -> Markup:
        return self._html(schema_html(self.casus(naam)))

    def berekening_tabel(self, naam: str) -> Markup:
        return self._html(berekening_html(self.casus(naam)))

    def bevindingen(self, naam: str) -> Markup:
        return self._html(bevindingen_html(self.casus(naam)))

    def coachingsdoelen(self) -> dict[int, str]:
        self._volg(REGELS_PAD)
        return dict(self.regels.coachingsdoelen)

    def protocollen_tabel(self) -> Markup:
        self._volg(REGELS_PAD)
        return self._html(protocollen_html(self.regels))

    def protocol(self, protocol_id: str) -> Any:
        """Eén protocolversie uit de regels, voor waarden in lopende tekst (bijvoorbeeld het maximum)."""
        self._volg(REGELS_PAD)
        try:
            return self.regels.protocol(protocol_id)
        except KeyError:
            raise Bouwfout(f"Protocol '{protocol_id}' bestaat niet in src/jobcoach/data/regels.yml. "
                              f"Bekende protocollen: {', '.join(self.regels.protocol_ids)}") from None

    def einde_protocollen(self) -> Any:
        """De eerste dag zonder Protocol Jobcoach (uit de regels), voor lopende tekst: ``{{ einde_protocollen() | datum_lang }}``."""
        self._volg(REGELS_PAD)
        return self.regels.einde_protocollen()

    def rekenhulp_regels(self) -> Markup:
        self._volg(REGELS_PAD)
        extra = self._env.conf.get("extra") or {}
        uitgave = {"naam": str(self._env.conf.get("site_name") or ""), "editie": str(extra.get("editie") or ""),
                   "editiedatum": str(extra.get("editiedatum") or "")}
        return Markup(rekenhulp_html(self.regels, uitgave))

    # --- sjablonen en wijzigingen ------------------------------------------------------------------

    def sjabloon(self, bestand: str) -> Markup:
        """Een sjabloon op zijn pagina (zie ``leidraadsite.weergave.sjablonen``).

        Een Markdown-sjabloon: eerst hoe het formulier eruitziet, daaronder de tekst om te kopiëren in een blok dat
        dicht staat (met kopieerknop). Het casusbestand (YAML) is geen formulier: alleen het codeblok.
        """
        try:
            blok = codeblok(bestand, self.regels)
            if not bestand.endswith(".md"):
                return Markup(blok)
            voorbeeld = self._html(voorbeeld_html(bestand, self.regels))
            ingesprongen = "\n".join("    " + r if r else "" for r in blok.splitlines())
            kop = f"De tekst van het sjabloon om te kopiëren ({Path(bestand).name}, Markdown)"
            return Markup(f'{voorbeeld}\n\n??? abstract "{kop}"\n\n{ingesprongen}\n')
        except SjabloonFout as fout:
            raise Bouwfout(f"Sjablonen: {fout}") from None

    def download(self, pad: str, tekst: str) -> Markup:
        """Een link naar een download (``pad`` ten opzichte van de pagina, zoals een gewone link).

        De downloads maakt de bouw zelf (``leidraadsite.nabouw``, onder elke bouwer); een link naar een bestand dat
        er niet is, laat de bouw stoppen.
        """
        bron = self._bron()
        doel = posixpath.normpath(posixpath.join(posixpath.dirname(bron), pad))
        if doel not in {f"{DOWNLOADS}/{n}" for n in download_namen()}:
            raise Bouwfout(f"download('{pad}'): dit bestand maakt de bouw niet (in docs/{doel}); bekende "
                              f"downloads: {', '.join(download_namen())}")
        pagina_map = posixpath.dirname(bron) if posixpath.basename(bron) in ("index.md", "README.md") \
            else bron.removesuffix(".md")
        href = posixpath.relpath(doel, pagina_map or ".")
        # Als merkteken (leidraadsite.weergave.htmlblok): de link komt zo in de pagina, zonder dat Markdown er nog iets in
        # verandert (geen afkorting met tabstop binnen de link).
        return merkteken(Markup('<a download="{}" href="{}">{}</a>').format(posixpath.basename(doel), href, tekst))

    def _bron(self) -> str:
        """Het pad onder docs/ van de pagina die nu wordt ingevuld (MkDocs: ``file.src_uri``, Zensical: ``path``)."""
        pagina = self._pagina()
        bron = getattr(getattr(pagina, "file", None), "src_uri", None) or getattr(pagina, "path", None)
        if not bron:
            raise Bouwfout("download(): alleen te gebruiken in een pagina")
        return str(bron)

    def wijzigingen(self) -> Markup:
        """De wijzigingen per editie uit CHANGELOG.md (één bron voor bestand en pagina)."""
        pad = self.root / "CHANGELOG.md"
        self._volg(pad)
        extra = self._env.conf["extra"]
        huidig = str(extra.get("editie"))
        bron = self._bron()
        pagina_map = posixpath.dirname(bron) if posixpath.basename(bron) in ("index.md", "README.md") \
            else bron.removesuffix(".md")
        try:
            archief = archief_pdfs(pad)

            def pdf_link(editie: str) -> str | None:
                # De huidige editie: de PDF die leidraadsite.nabouw.pdf na de bouw maakt (niet in de voorvertoning); een eerdere:
                # alleen als de onderhoudsgroep hem in edities/ heeft gezet. De naam komt uit data: altijd ge-escapet.
                if editie == huidig and extra.get("voorvertoning"):
                    return None
                if editie != huidig and editie not in archief:
                    return None
                naam = pdf_naam(editie)
                href = posixpath.relpath(naam, pagina_map or ".")
                return merkteken(Markup('<p class="editie-pdf">De PDF van editie {}: <a download="{}" href="{}" '
                                        'type="application/pdf">{}</a></p>').format(editie, naam, href, naam))

            return Markup(wijzigingen_markdown(pad, pdf_link))
        except Bestandsfout as fout:
            raise Bouwfout(fout.tekst()) from None

    # --- rollen, begrippen, transcripties, Regioplan ---------------------------------------------

    def rolkeuze(self) -> Markup:
        return Markup(rolkeuze_markdown(self.rolkaart))

    def voorlopig(self) -> bool:
        """Zijn het adres van de groep en de plek van de site nog voorlopig (``extra.onderhoudsgroep.voorlopig``)?"""
        return (self._env.conf["extra"].get("onderhoudsgroep") or {}).get("voorlopig") is True

    def meldadres(self) -> Markup:
        """Het e-mailadres van de onderhoudsgroep als mailto-link, of 'nog in te vullen' zolang het voorlopig is."""
        from markupsafe import escape

        groep = self._env.conf["extra"].get("onderhoudsgroep") or {}
        if self.voorlopig():
            return Markup("<em>nog in te vullen</em> (deze site is een voorlopige uitgave)")
        adres = escape(str(groep.get("email", "")))
        return Markup(f'<a href="mailto:{adres}">{adres}</a>')

    def _van(self) -> str:
        """Het pad onder docs/ van de pagina die nu wordt ingevuld (voor relatieve links)."""
        pagina = self._pagina()  # MkDocs en ProperDocs: file.src_uri; Zensical: path
        return str(getattr(getattr(pagina, "file", None), "src_uri", None) or getattr(pagina, "path", None) or "index.md")

    def _sjabloontitels(self) -> dict[str, str]:
        return {r.sjabloon: paginatitel(self.docs / r.sjabloon) for r in self.routes.routes}

    def routekeuze(self) -> Markup:
        """Het stappenplan bovenaan de startpagina en Wat geldt nu: route, rekenhulp, sjabloon, aanvraag."""
        from leidraadsite.inhoud.routes import ROUTES_PAD

        self._volg(ROUTES_PAD)
        return Markup(routekeuze_markdown(self.routes, self._van(), self._sjabloontitels()))

    def routes_uitgebreid(self) -> Markup:
        """Elke route met wanneer, wie aanvraagt, wat erbij hoort, bron en zekerheid (op Wat geldt nu)."""
        from leidraadsite.inhoud.routes import ROUTES_PAD

        self._volg(ROUTES_PAD)
        return Markup(routes_markdown(self.routes, self._van(), self._sjabloontitels()))

    def rolpagina(self, rol_id: str) -> Markup:
        """De hele pagina van één rol (``docs/rollen/<id>.md``): titel, opdrachten en hun pagina's."""
        try:
            rol = self.rolkaart.rol(rol_id)
        except KeyError:
            raise Bouwfout(f"rolpagina('{rol_id}'): onbekende rol; bekende rollen: "
                              f"{', '.join(self.rolkaart.rol_ids)}") from None
        titels = {v.pagina: paginatitel(self.docs / v.pagina) for o in rol.opdrachten for v in o.paginas}
        titels |= {s.pagina.partition("#")[0]: paginatitel(self.docs / s.pagina.partition("#")[0]) for s in rol.vandaag}
        return Markup(rolpagina_markdown(rol, titels))

    def begrippenlijst(self, voor: str = "iedereen") -> Markup:
        """De begrippen voor iedereen (pagina Begrippen) of voor de onderhoudsgroep (``voor='onderhoud'``)."""
        self._volg(BEGRIPPEN_PAD)
        try:
            return Markup(begrippen_markdown(self.begrippen, voor))
        except ValueError as fout:
            raise Bouwfout(f"begrippenlijst: {fout}") from None

    def herstellingen_tabel(self) -> Markup:
        return Markup(herstellingen_html(self.transcripties))

    def regioplan_tabel(self, nummer: str) -> Markup:
        return Markup(tabel_html(self.regioplan.tabel(nummer), self.regioplan.onderzoek))

    def regioplan_grafiek(self, nummer: str) -> Markup:
        return Markup(grafiek_svg(self.regioplan.tabel(nummer)))

    def regioplan_cijfer(self, nummer: str, rij: str, kolom: int = 1, blok: int | None = None) -> str:
        waarde = self.regioplan.tabel(nummer).waarde(rij, kolom, blok)
        if waarde is None:
            raise Bouwfout(f"Regioplan tabel {nummer}, rij '{rij}', kolom {kolom}: de waarde is onleesbaar; "
                              "gebruik haar niet in lopende tekst")
        return procent_tekst(waarde)

    def regioplan_onderzoek(self) -> Any:
        return self.regioplan.onderzoek

    # --- Prestaties (uitkomsten van make bench) -----------------------------------------------------

    def prestaties(self) -> Any:
        from leidraadsite.inhoud.prestaties import laad_resultaten  # alleen de pagina Prestaties heeft dit nodig

        pad = (self.root / PRESTATIES).resolve()
        self._volg(pad)
        if self._prestaties is None:
            try:
                self._prestaties = laad_resultaten(pad)
            except Bestandsfout as fout:
                raise Bouwfout(f"Ongeldig resultatenbestand van make bench:\n{fout.tekst()}") from None
        return self._prestaties

    def prestaties_tabel(self, soort: str) -> Markup:
        from leidraadsite.inhoud.prestaties import tabel_html as prestatietabel

        try:
            return self._html(prestatietabel(self.prestaties(), soort))
        except ValueError as fout:
            raise Bouwfout(f"prestaties_tabel: {fout}") from None
