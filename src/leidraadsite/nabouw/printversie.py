"""Links in de printversie (``/printversie/``, de bron van de PDF) herstellen.

mkdocs-print-site-plugin zet alle pagina's onder elkaar en maakt van elke link binnen de site een
anker in die ene pagina (``#pagina-pad-anker``). Twee soorten links gaan daarbij stuk:

- een anker naar een element dat geen kop is (bijvoorbeeld de opmerkingen onder een Regioplan-tabel):
  de plugin zet het paginavoorvoegsel wel voor de link, maar niet voor het ``id`` van het doel;
- een download van een Markdown-bestand (``casusrapport.md``): de plugin ziet het als een pagina;
- een link naar een pagina die niet in de printversie staat (``exclude`` van de plugin, zoals de rekenhulp en
  de rolpagina's): die wordt het webadres van de pagina (``web``, de site_url), als dat gegeven is.

Deze functie herstelt ze, zodat de PDF geen dode links heeft. Ze kent MkDocs niet.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_ID = re.compile(r'\sid="([^"]+)"')  # wat _ids vindt; _ids is sneller
_LINK = re.compile(r'<a\b[^>]*>')
_HREF = re.compile(r'\shref="#([^"]+)"')
_DOWNLOAD = re.compile(r'\sdownload="([^"]+)"')


def _ids(html: str) -> set[str]:
    """Alle waarden van ``_ID.findall(html)``, maar met str.find: een patroon dat met ``\\s`` begint, moet de
    regex-machine op elke positie proberen (75–115 ms op een printversie van 9 MB; dit: ruim 10 ms)."""
    ids: set[str] = set()
    i = 0
    while (j := html.find('id="', i)) >= 0:
        if j > 0 and html[j - 1].isspace():
            k = html.find('"', j + 4)
            if k > j + 4:  # [^"]+ en dan een "
                ids.add(html[j + 4 : k])
                i = k + 1
                continue
        i = j + 1
    return ids


def herstel_links(html: str, site: Path, pagina: Path, web: str | None = None) -> tuple[str, int]:
    """Geef de HTML met herstelde links terug, en het aantal herstelde links.

    ``site`` is de map van de gebouwde site, ``pagina`` het HTML-bestand van de printversie, ``web`` het
    webadres van de site (met / aan het eind) voor links naar pagina's die niet in de printversie staan.
    """
    ids = _ids(html)
    hersteld = 0
    bestanden: dict[str, list[Path]] = {}
    webpaginas: dict[str, str] = {}  # anker van de plugin ('rollen-adviseur') -> pad van de pagina ('rollen/adviseur/')

    def webadres(anker: str) -> str | None:
        """Het webadres van een gebouwde pagina buiten de printversie, als ``anker`` naar haar wijst."""
        if not web:
            return None
        if not webpaginas:
            for index in site.rglob("index.html"):
                pad = index.parent.relative_to(site).as_posix()
                if pad != "." and index.parent != pagina.parent:
                    webpaginas[pad.replace("/", "-")] = pad + "/"
            webpaginas.setdefault("", "")
        for lengte in range(len(anker), 0, -1):
            if lengte < len(anker) and anker[lengte] != "-":
                continue
            voor = anker[:lengte]
            if voor in webpaginas and voor not in ids:
                rest = anker[lengte + 1:]
                return web + webpaginas[voor] + (f"#{rest}" if rest else "")
        return None

    def zoek(naam: str) -> list[Path]:
        """De bestanden met deze naam, ergens in de site (de hele site één keer doorlopen, niet per link)."""
        if any(teken in naam for teken in "/\\*?[") or naam in ("", ".", ".."):
            return [p for p in site.rglob(naam) if p.is_file()]
        if not bestanden:
            for map_, _, namen in os.walk(site):
                for n in namen:
                    bestanden.setdefault(n, []).append(Path(map_) / n)
            bestanden.setdefault("", [])  # ook een lege site maar één keer doorlopen
        return bestanden.get(naam, [])

    def nieuw_doel(anker: str, tag: str) -> str | None:
        download = _DOWNLOAD.search(tag)
        if download:
            kandidaten = zoek(download.group(1))
            if len(kandidaten) == 1:
                return os.path.relpath(kandidaten[0], pagina.parent).replace(os.sep, "/")
            return None
        # '#achtergrond-jobcoaches-sw-sector-tabel-3-2-opm-3' → het id 'tabel-3-2-opm-3' als dat bestaat.
        delen = anker.split("-")
        for i in range(1, len(delen)):
            kort = "-".join(delen[i:])
            if kort in ids:
                return "#" + kort
        return webadres(anker)

    def vervang(m: re.Match[str]) -> str:
        nonlocal hersteld
        tag = m.group(0)
        href = _HREF.search(tag)
        if href is None or href.group(1) in ids:
            return tag
        doel = nieuw_doel(href.group(1), tag)
        if doel is None:
            return tag
        hersteld += 1
        return tag.replace(href.group(0), f' href="{doel}"')

    return _LINK.sub(vervang, html), hersteld


# ---------------------------------------------------------------------------------------------
# Unieke ankers in de printversie, zonder kwadratische rekentijd
# ---------------------------------------------------------------------------------------------
#
# mkdocs-print-site-plugin (2.9) geeft elk id van een kop, voetnoot of lijstpunt het paginavoorvoegsel, met
# de reguliere expressie hieronder over de hele HTML van een pagina. Voor elke '<' zonder 'id="' verder op
# dezelfde regel zoekt die expressie tot het eind van de regel. Onze tabellen staan op één lange regel;
# dan kost één pagina tientallen milliseconden en 1000 casussen samen twintig seconden.
#
# ``ankers_uniek`` geeft precies dezelfde uitkomst: dezelfde expressie, dezelfde vervangingen in dezelfde
# volgorde. Alleen zoekt ze per regel en niet verder dan het punt waar nog een treffer kan eindigen.
# tests/test_printversie.py vergelijkt beide op alle pagina's van de site en op willekeurige HTML.

_PLUGIN_ANKER = re.compile(r"<([^\s]+).*?id=\"([^\"]*?)\".*?>", flags=re.IGNORECASE)  # zoals in de plugin
_PLUGIN_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "sup", "li")
_ID_BEGIN = re.compile(r'id="', flags=re.IGNORECASE)
_ID_OVER_REGELS = re.compile(r'id="[^"]*\n', flags=re.IGNORECASE)


def ankers_plugin(page_html: str, page_key: str) -> str:
    """De werkwijze van de plugin zelf (``update_anchor_ids``), als maatstaf voor de tests en als terugval."""
    for m in _PLUGIN_ANKER.finditer(page_html):
        if m.group(1) not in _PLUGIN_TAGS:
            continue
        page_html = page_html.replace(m.group(), m.group().replace(m.group(2), page_key + "-" + m.group(2)))
    return page_html


def _treffers(regel: str) -> list[re.Match[str]]:
    """Alle treffers van de plugin-expressie in één regel (zonder regeleinde)."""
    laatste = -1
    for m in _ID_BEGIN.finditer(regel):
        laatste = m.start()
    if laatste < 0:
        return []  # zonder 'id="' geen treffer
    # Een treffer eindigt bij de eerste '>' na het sluitende aanhalingsteken van zijn id. Dat punt ligt nooit
    # verder dan bij het laatste 'id="' van de regel; daarna hoeft niet gezocht te worden.
    eind = len(regel)
    sluit = regel.find('"', laatste + 4)
    if sluit >= 0:
        hoek = regel.find(">", sluit + 1)
        if hoek >= 0:
            eind = hoek + 1
    return list(_PLUGIN_ANKER.finditer(regel, 0, eind))


def ankers_uniek(page_html: str, page_key: str) -> str:
    """Zelfde uitkomst als ``ankers_plugin``, in lineaire tijd."""
    if _ID_OVER_REGELS.search(page_html):
        return ankers_plugin(page_html, page_key)  # een id-waarde over twee regels: de trage, gewone weg
    for regel in page_html.split("\n"):
        for m in _treffers(regel):
            if m.group(1) not in _PLUGIN_TAGS:
                continue
            page_html = page_html.replace(m.group(), m.group().replace(m.group(2), page_key + "-" + m.group(2)))
    return page_html


# ---------------------------------------------------------------------------------------------
# Kopregel met het webadres op elke gedrukte pagina
# ---------------------------------------------------------------------------------------------
#
# Wie de PDF (of de printversie uit de browser) meeneemt naar een overleg, wil bij elke pagina weten waar de
# tekst online staat. Elke pagina van de site is in de printversie een ``<section class="print-page" id="…">``.
# Elke sectie krijgt een eigen benoemde pagina (CSS ``page``) met in de kopregel het adres van die pagina.
# Een groep uit de navigatie (``md-section``, zonder eigen adres) krijgt de naam van haar eerste pagina, zodat
# de kop van de groep niet alleen op een blad komt te staan. Voorblad en inhoudsopgave hebben geen adres.

_SECTIE = re.compile(r"""<section\b[^>]*\bclass=(["'])print-page(?P<groep> md-section)?\1[^>]*\bid=(["'])(?P<id>[^"']+)\3""")


def paginasleutel(url: str) -> str:
    """De sleutel die print-site een pagina geeft (zijn sectie-id en het voorvoegsel van zijn ankers).

    Zelfde regel als ``get_page_key`` van de plugin (2.x): ``leidraad/doel/`` → ``leidraad-doel``, ``""`` →
    ``index``; tests/test_printversie.py vergelijkt beide.
    """
    sleutel = url.lower().strip().rstrip("/").replace(".html", "").replace("/", "-").lstrip("-")
    return sleutel or "index"


def _css_tekst(tekst: str) -> str:
    """Een tekst als CSS-string tussen dubbele aanhalingstekens."""
    def teken(m: re.Match[str]) -> str:
        return "\\a " if m.group(0) == "\n" else "\\" + m.group(0)

    return '"' + re.sub(r'["\\\n]', teken, tekst) + '"'


def kopregels_css(html: str, adressen: dict[str, str]) -> str:
    """De CSS voor de kopregels: per sectie van de printversie een benoemde pagina met het webadres.

    ``adressen``: paginasleutel → volledig webadres. Een sectie zonder adres (niet in ``adressen``) en een
    groep zonder pagina's krijgen geen kopregel.
    """
    regels: list[str] = []
    namen: set[str] = set()
    secties = [(m.group("id"), bool(m.group("groep"))) for m in _SECTIE.finditer(html)]
    for i, (id_, groep) in enumerate(secties):
        sleutel = id_
        if groep:  # de eerste gewone pagina na de kop van de groep
            sleutel = next((s for s, g in secties[i + 1 :] if not g), "")
        adres = adressen.get(sleutel)
        if adres is None:
            continue
        naam = "webadres-" + re.sub(r"[^a-z0-9-]", "-", sleutel)
        regels.append(f'#print-site-page section.print-page[id="{id_}"] {{ page: {naam}; }}')
        if naam not in namen:
            namen.add(naam)
            regels.append(f"@page {naam} {{ @top-left {{ content: {_css_tekst(adres)}; }} }}")
    return "\n".join(regels)


def met_kopregels(html: str, adressen: dict[str, str]) -> str:
    """De printversie met de CSS van ``kopregels_css`` in een eigen ``<style>`` in de kop."""
    css = kopregels_css(html, adressen)
    if not css or "</head>" not in html:
        return html
    return html.replace("</head>", f'<style id="print-kopregels">\n{css}\n</style>\n</head>', 1)
