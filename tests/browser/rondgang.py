"""De rondgang langs alle pagina's: elke pagina één keer geladen, en dan in hetzelfde tabblad gemeten.

De desktoprondgang (1280 px) bezoekt elke pagina uit ``sitemap.xml`` (plus de 404-pagina). Van elke pagina: de
status, de netwerkverzoeken, overtredingen van de CSP, de taal, de overslaan-link en de tabellen op 1280 px. Van één
pagina per sjabloon en per soort inhoud (``hulp.voorbeeldpaginas``, die noemt welke en waarom) daarnaast axe-core,
de opmaak in een venster van 375 px (het venster even smaller) en de afdrukweergave (media print, 665 px breed: de
bladspiegel van A4); pagina's van dezelfde soort komen uit dezelfde sjablonen en macro's. Van de hoofdpagina's een
schermafdruk. De telefoonrondgang (375 px, aanraakscherm) bezoekt de hoofdpagina's met
axe-core en een schermafdruk.

Elk bezoek (``hulp.Bezoek``) bewaart de netwerkverzoeken, de uitslag van axe-core en de metingen. De tests in
test_alle_paginas.py en test_afdrukken.py toetsen die; een nieuwe test die iets van elke pagina wil weten, kan hier
een meting toevoegen en de fixture ``rondgang_breed`` of ``rondgang_smal`` vragen (sessie: één rondgang per run).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from .hulp import (
    ARTEFACTEN,
    AXE_JS,
    AXE_OPTIES,
    AXE_VERSIE,
    BREED,
    CSS_ZONDER_OVERGANGEN,
    JS_ANIMATIES_KLAAR,
    SMAL,
    Bezoek,
    alle_paden,
    axe_fouten,
    hoofdpaginas,
    naam_voor_bestand,
    voorbeeldpaginas,
)

# Metingen in de pagina zelf, na het laden.
JS_METINGEN = """() => {
  const breedte = window.innerWidth;
  const schuift = el => { const o = getComputedStyle(el).overflowX; return o === 'auto' || o === 'scroll'; };
  const beschrijf = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  // Elementen die buiten het scherm uitsteken zonder in een schuifvak te zitten (alleen als de pagina te breed is).
  const uitstekers = [];
  if (document.scrollingElement.scrollWidth > breedte) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= breedte + 1) continue;
      let ouder = el.parentElement, binnenVak = false;
      while (ouder && ouder !== document.body) { if (schuift(ouder)) { binnenVak = true; break; } ouder = ouder.parentElement; }
      if (!binnenVak) uitstekers.push(beschrijf(el) + ' (rechts ' + Math.round(r.right) + ' px)');
      if (uitstekers.length >= 5) break;
    }
  }
  const tabellen = [...document.querySelectorAll('article table')].map(t => {
    let vak = t.parentElement;
    while (vak && vak.tagName !== 'ARTICLE' && getComputedStyle(vak).overflowX === 'visible') vak = vak.parentElement;
    const heeftVak = vak && vak.tagName !== 'ARTICLE';
    // Verborgen kolommen: hoeveel px van de tabel buiten beeld valt (in het schuifvak of buiten het artikel).
    const artikel = t.closest('article');
    const verborgen = Math.max(heeftVak ? vak.scrollWidth - vak.clientWidth
      : Math.round(t.getBoundingClientRect().right - artikel.getBoundingClientRect().right),
      schuift(t) ? t.scrollWidth - t.clientWidth : 0);
    // Cellen met lopende tekst (minstens 15 tekens) die smaller zijn dan 100 px (zonder opvulling). Kolomkoppen die
    // alleen voor schermlezers zijn (een thead van 1 px hoog, bij één blok per rij), tellen niet mee.
    const smalleCellen = [...t.querySelectorAll('th, td')].filter(c => {
      const kop = c.closest('thead');
      if (kop && kop.getBoundingClientRect().height <= 1) return false;
      const tekst = c.textContent.trim();
      if (tekst.length < 15) return false;
      const s = getComputedStyle(c), r = c.getBoundingClientRect();
      return r.width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) < 100;
    }).slice(0, 5).map(c => {
      const s = getComputedStyle(c);
      return c.textContent.trim().slice(0, 30) + ' (' +
        Math.round(c.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)) + ' px)';
    });
    // Labels (kolomnamen vóór een cel, bij één blok per rij) die niet mogen afbreken, lopen over de waarde heen.
    const labelsDoorlopend = [...t.querySelectorAll('td[data-label]')].filter(c => {
      const voor = getComputedStyle(c, '::before');
      return voor.content !== 'none' && voor.display !== 'none' && /nowrap|pre/.test(voor.whiteSpace);
    }).length;
    return {
      verborgen: Math.max(0, verborgen),
      smalleCellen,
      labelsDoorlopend,
      kolommen: t.rows.length ? [...t.rows[0].cells].reduce((n, c) => n + (c.colSpan || 1), 0) : 0,
      bijschrift: (t.querySelector('caption')?.textContent || '').trim().slice(0, 60),
      tabelbreedte: Math.round(t.getBoundingClientRect().width),
      vak: heeftVak ? {
        overflowX: getComputedStyle(vak).overflowX,
        breedte: vak.clientWidth, inhoud: vak.scrollWidth,
        rechts: Math.round(vak.getBoundingClientRect().right),
        tabindex: vak.getAttribute('tabindex'), rol: vak.getAttribute('role'), naam: vak.getAttribute('aria-label'),
      } : null,
    };
  });
  const skip = document.querySelector('a.md-skip');
  const doel = skip ? document.getElementById(decodeURIComponent(skip.hash.slice(1))) : null;
  return {
    taal: document.documentElement.lang,
    titel: document.title,
    schermbreedte: breedte,
    paginabreedte: document.scrollingElement.scrollWidth,
    uitstekers,
    tabellen,
    overslaan: skip ? {tekst: skip.textContent.trim(), doel: skip.hash, doelBestaat: !!doel} : null,
  };
}"""


# Elke overtreding van de Content-Security-Policy op een pagina (test_csp.py toetst ze voor elk bezoek).
MELD_OVERTREDINGEN = """
window.__overtredingen = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__overtredingen.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


def _context(browser, smal: bool):
    # Eén context per rondgang (de cache helpt). Ook verzoeken die uit de cache komen of uit de
    # zoek-webworker, meldt Chromium per pagina; de telling per pagina is dus volledig.
    # Zonder bypass_csp: de pagina's draaien met hun eigen Content-Security-Policy, zoals bij een lezer. axe-core en
    # de metingen komen via evaluate (daar geldt de policy niet voor), de stijl zonder overgangen als
    # construeerbaar stijlblad (adoptedStyleSheets, ook niet onder style-src).
    if smal:
        context = browser.new_context(viewport=SMAL, is_mobile=True, has_touch=True, locale="nl-NL")
    else:
        context = browser.new_context(viewport=BREED, locale="nl-NL")
    context.add_init_script(MELD_OVERTREDINGEN)
    return context


# Het laatste dat een pagina laadt: de webworker van de zoekfunctie haalt na de zoekindex lunr en dan de regels
# voor de taal van de site (theme.language: nl).
ZOEKER_LAATST = "/assets/javascripts/lunr/min/lunr.nl.min.js"

JS_NA_EEN_BEELD = "() => new Promise(klaar => requestAnimationFrame(() => requestAnimationFrame(klaar)))"



# Afdrukken: zo breed als de bladspiegel van A4, met de CSS voor print (zoals Ctrl+P op een geladen pagina).
A4_BLADSPIEGEL_PX = 665  # 210 mm min 2 × 17 mm marge, bij 96 px per inch

PRINT_CONTROLE_JS = """
() => {
  const zichtbaar = (el) => {
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0;
  };
  const chrome = ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
                  '.md-top', '.pdf-link', '.md-content__button'];
  const zichtbareChrome = chrome.filter((sel) => [...document.querySelectorAll(sel)].some(zichtbaar));
  const artikel = document.querySelector('article');
  const afgesneden = [];
  document.querySelectorAll('article table').forEach((t) => {
    for (let el = t; el && el !== artikel; el = el.parentElement) {
      const s = getComputedStyle(el);
      if (s.overflowX !== 'visible' || (el !== t && s.display === 'inline-block')) {
        afgesneden.push((t.querySelector('caption') || t).textContent.trim().slice(0, 40) + ' in ' + el.tagName + '.' + el.className);
        break;
      }
    }
  });
  // Tabellen op papier: breedte (past op 665 px?) en cellen die woorden middenin mogen afbreken.
  const tabellen = [...document.querySelectorAll('article table')].map((t) => {
    const afbrekers = [...t.querySelectorAll('th, td')].filter((c) => {
      const s = getComputedStyle(c);
      return ['anywhere', 'break-word'].includes(s.overflowWrap) || ['break-all', 'break-word'].includes(s.wordBreak);
    });
    return {
      bijschrift: (t.querySelector('caption')?.textContent || '').trim().slice(0, 60),
      breedte: Math.round(t.getBoundingClientRect().width),
      ruimte: Math.round(artikel.getBoundingClientRect().width),
      afbrekers: afbrekers.length,
      voorbeeld: afbrekers.slice(0, 2).map((c) => c.textContent.trim().slice(0, 30) + ' (overflow-wrap: ' +
        getComputedStyle(c).overflowWrap + ', word-break: ' + getComputedStyle(c).wordBreak + ')'),
    };
  });
  const externeLinks = [...document.querySelectorAll('article a[href^="http"]')].map((a) => ({
    href: a.getAttribute('href'), tekst: a.textContent.trim(),
    na: getComputedStyle(a, '::after').content, zichtbaar: zichtbaar(a)}));
  return {zichtbareChrome, afgesneden, externeLinks, tabellen};
}
"""


def _meet_smal_en_afgedrukt(p) -> tuple[dict, dict]:
    """Maak het venster even 375 px breed en meet de opmaak; toon de pagina dan als afdruk (print, 665 px) en meet
    wat er te zien is; zet daarna alles terug (1280 px, scherm)."""
    # De opmaak na het wisselen is meteen de eindtoestand (een stijlblad via CSSOM: de CSP van de pagina blijft aan).
    p.evaluate("""css => { const s = new CSSStyleSheet(); s.replaceSync(css); window.__zonderOvergangen = s;
                           document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }""", CSS_ZONDER_OVERGANGEN)
    p.set_viewport_size(SMAL)
    p.evaluate(JS_NA_EEN_BEELD)
    smal = p.evaluate(JS_METINGEN)
    p.emulate_media(media="print")
    p.set_viewport_size({"width": A4_BLADSPIEGEL_PX, "height": 940})
    p.evaluate(JS_NA_EEN_BEELD)
    afdruk = p.evaluate(PRINT_CONTROLE_JS)
    p.emulate_media(media="null")
    p.set_viewport_size(BREED)
    p.evaluate("() => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter(s => s !== window.__zonderOvergangen); }")
    return smal, afdruk


def _rondgang(browser, server: str, paden: list[str], smal: bool, hoofd: set[str], volledig: set[str]) -> list[Bezoek]:
    """Bezoek de pagina's één voor één in één tabblad en toets elke pagina met axe-core.

    Desktop (1280 px): elke pagina. Van elke pagina wordt ook de opmaak op 375 px gemeten, door het venster
    even smal te maken (``Bezoek.smal``): zijwaarts scrollen en schuivende tabellen; en de afdrukweergave
    (``Bezoek.afdruk``). Telefoon (375 px, aanraakscherm, ``is_mobile``): de hoofdpagina's, met axe-core en
    schermafdrukken; daar toetst axe-core wat op een telefoon anders is (kop, menu).
    Zo wordt elke pagina maar één keer per rondgang geladen. Eén tabblad is even snel als twee naast elkaar:
    axe-core houdt het rendererproces van Chromium al bezig (gemeten: 41 pagina's in 65 s met één, 66 s met
    twee tabbladen in eigen contexten, 162 s met twee tabbladen in één context).
    Schermafdrukken (om te bekijken, in artefacten/schermafdrukken/): van de startpagina de hele pagina, van de
    andere hoofdpagina's wat in het venster staat.
    """
    soort = "telefoon" if smal else "desktop"
    if smal:
        paden = [pad for pad in paden if pad in hoofd]
    map_ = ARTEFACTEN / "schermafdrukken" / soort
    shutil.rmtree(map_, ignore_errors=True)  # geen oude schermafdrukken laten staan
    map_.mkdir(parents=True)
    begin = time.perf_counter()
    klaar: list[Bezoek] = []
    context = _context(browser, smal)
    p = context.new_page()
    bezoek: Bezoek | None = None
    p.on("request", lambda verzoek: bezoek.verzoeken.append(verzoek.url) if bezoek else None)
    zoeker_klaar: list[str] = []
    zoeker_dieptes: set[int] = set()
    p.on("requestfinished", lambda verzoek: zoeker_klaar.append(verzoek.url) if verzoek.url.endswith(ZOEKER_LAATST) else None)
    for pad in paden:
        bezoek = Bezoek(pad, volledig=pad in volledig)
        zoeker_klaar.clear()
        antwoord = p.goto(server + pad, wait_until="load")
        bezoek.metingen["status"] = antwoord.status if antwoord else None
        if not p.evaluate(JS_ANIMATIES_KLAAR):  # meestal loopt er niets: dan geen wachten op een volgend beeld
            p.wait_for_function(JS_ANIMATIES_KLAAR)
        bezoek.metingen.update(p.evaluate(JS_METINGEN))
        if bezoek.volledig:
            p.evaluate(AXE_JS)
            bezoek.axe = axe_fouten(f"{pad} ({soort})", p.evaluate("opties => axe.run(document, opties)", AXE_OPTIES))
        if pad in hoofd:
            p.screenshot(path=str(map_ / f"{naam_voor_bestand(pad)}.png"), full_page=pad == "/")
        if not smal and bezoek.volledig:
            bezoek.smal, bezoek.afdruk = _meet_smal_en_afgedrukt(p)
        # Late verzoeken tellen mee: wat na 'load' komt, is de zoekfunctie (webworker, zoekindex, lunr en als laatste
        # de Nederlandse stam-regels van lunr; gemeten op elke soort pagina, daarna komt er niets meer). Daarop
        # wachten, niet op een halve seconde stilte op het netwerk ('networkidle': ±0,5 s per pagina extra).
        # Dat gebeurt op elke volledig getoetste pagina (één per soort) en op de eerste pagina van elke diepte in de
        # site: de zoekfunctie is op elke pagina dezelfde code, en haar adressen hangen alleen af van de diepte
        # (../ naar de zoekindex). Op de andere pagina's gaat de rondgang na 'load' door (±0,3 s per pagina minder).
        diepte = pad.rstrip("/").count("/")
        if bezoek.volledig or diepte not in zoeker_dieptes:
            zoeker_dieptes.add(diepte)
            bezoek.metingen["zoeker"] = True
            while not zoeker_klaar:
                p.wait_for_event("requestfinished", timeout=20_000)
        bezoek.metingen["csp"] = p.evaluate(
            """() => ({meta: !!document.querySelector('meta[http-equiv="Content-Security-Policy"]'),
                      overtredingen: window.__overtredingen || null})""")
        klaar.append(bezoek)
    bezoek = None
    context.close()
    duur = time.perf_counter() - begin
    volledig = "" if smal else f", waarvan {sum(b.volledig for b in klaar)} volledig (axe-core, 375 px, afdruk)"
    print(f"\nRondgang {soort}: {len(paden)} pagina's{volledig}, in {duur:.1f} s (axe-core {AXE_VERSIE}); "
          f"schermafdrukken in {map_}")
    return klaar


@pytest.fixture(scope="session")
def paden(site: Path) -> list[str]:
    return alle_paden(site)


@pytest.fixture(scope="session")
def rondgang_breed(browser, server, site, paden) -> list[Bezoek]:
    return _rondgang(browser, server, paden, smal=False, hoofd=set(hoofdpaginas(site)),
                     volledig=set(voorbeeldpaginas(site, paden)))


@pytest.fixture(scope="session")
def rondgang_smal(browser, server, site, paden) -> list[Bezoek]:
    return _rondgang(browser, server, paden, smal=True, hoofd=set(hoofdpaginas(site)), volledig=set(paden))
