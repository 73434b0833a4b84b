"""Alle pagina's van de gebouwde site in Chromium: toegankelijk (axe-core, WCAG 2.1 AA), privé, telefoon.

Eén rondgang per schermbreedte (1280 px en 375 px) bezoekt elke pagina uit ``sitemap.xml`` (plus de
404-pagina), afwisselend in twee tabbladen. Per pagina wordt vastgelegd: elk netwerkverzoek, de
uitslag van axe-core, de taal, de breedte van de pagina en hoe de tabellen schuiven. De tests hieronder
toetsen die metingen en noemen bij een fout de pagina, de regel en het element.

Snelheid: axe-core draait in het ene tabblad terwijl het andere de volgende pagina laadt (de machine heeft
twee kernen); browser en tabbladen worden hergebruikt. De rondgang print hoe lang hij duurde.
"""

from __future__ import annotations

import json
import shutil
import struct
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from .hulp import (
    ARTEFACTEN,
    AXE_JS,
    AXE_OPTIES,
    AXE_TAGS,
    AXE_VERSIE,
    BREED,
    JS_ANIMATIES_KLAAR,
    SMAL,
    Bezoek,
    alle_paden,
    axe_fouten,
    hoofdpaginas,
    meld_fouten,
    naam_voor_bestand,
    sitemap_paden,
)

TEGELIJK = 2  # zoveel pagina's draaien axe-core tegelijk (de machine heeft twee kernen)

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
    return {
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


def _context(browser, smal: bool):
    # Eén context per rondgang (de cache helpt), een nieuwe pagina per bezoek. Ook verzoeken die uit de cache
    # komen of uit de zoek-webworker, meldt Chromium per pagina; de telling per pagina is dus volledig.
    if smal:
        return browser.new_context(viewport=SMAL, is_mobile=True, has_touch=True, locale="nl-NL")
    return browser.new_context(viewport=BREED, locale="nl-NL")


def _rondgang(browser, server: str, paden: list[str], smal: bool, hoofd: set[str]) -> list[Bezoek]:
    """Bezoek elke pagina; axe-core loopt in de ene tab terwijl de volgende pagina in de andere laadt.

    De tabs worden hergebruikt: in hetzelfde proces hoeft Chromium axe-core niet elke keer opnieuw te compileren.
    Op 1280 px toetst axe-core elke pagina met alle regels; op de telefoon alleen de hoofdpagina's (de opmaak
    van elke pagina wordt wel gemeten). Dat scheelt de helft van de tijd van axe-core.
    """
    soort = "telefoon" if smal else "desktop"
    map_ = ARTEFACTEN / "schermafdrukken" / soort
    shutil.rmtree(map_, ignore_errors=True)  # geen oude schermafdrukken laten staan
    map_.mkdir(parents=True)
    begin = time.perf_counter()
    klaar: list[Bezoek] = []
    context = _context(browser, smal)
    tabs = [context.new_page() for _ in range(TEGELIJK)]
    bezig: list[Bezoek | None] = [None] * TEGELIJK
    for i, tab in enumerate(tabs):
        tab.on("request", lambda verzoek, i=i: bezig[i].verzoeken.append(verzoek.url) if bezig[i] else None)

    def afronden(i: int) -> None:
        bezoek, p = bezig[i], tabs[i]
        uitslag = p.evaluate("() => window.__axeUitslag")
        bezoek.axe = axe_fouten(f"{bezoek.pad} ({soort})", uitslag)
        if bezoek.pad in hoofd:
            p.screenshot(path=str(map_ / f"{naam_voor_bestand(bezoek.pad)}.png"), full_page=True)
        p.wait_for_load_state("networkidle")  # late verzoeken (zoekindex, webworker) tellen mee
        klaar.append(bezoek)
        bezig[i] = None

    for n, pad in enumerate(paden):
        i = n % TEGELIJK
        if bezig[i] is not None:
            afronden(i)
        p, bezoek = tabs[i], Bezoek(pad)
        bezig[i] = bezoek
        antwoord = p.goto(server + pad, wait_until="load")
        bezoek.metingen["status"] = antwoord.status if antwoord else None
        p.wait_for_function(JS_ANIMATIES_KLAAR)
        bezoek.metingen.update(p.evaluate(JS_METINGEN))
        if smal and pad not in hoofd:
            # Op 1280 px toetst axe-core elke pagina met alle regels. Op de telefoon doen we dat op de
            # hoofdpagina's; op de andere pagina's meten we alleen de opmaak (breedte, tabellen, taal).
            # Zo blijft de hele browsertest binnen de tijd op een machine met twee kernen.
            bezoek.metingen["axe_regels"] = "geen (alleen opmaak)"
            p.evaluate("() => { window.__axeUitslag = {violations: []}; }")
            continue
        bezoek.metingen["axe_regels"] = "alle"
        p.evaluate(AXE_JS)
        p.evaluate("opties => { window.__axeUitslag = axe.run(document, opties); }", AXE_OPTIES)
    for i in range(TEGELIJK):
        if bezig[i] is not None:
            afronden(i)
    context.close()
    duur = time.perf_counter() - begin
    print(f"\nRondgang {soort}: {len(paden)} pagina's in {duur:.1f} s (axe-core {AXE_VERSIE}, {TEGELIJK} tegelijk)")
    klaar.sort(key=lambda b: paden.index(b.pad))
    return klaar


@pytest.fixture(scope="module")
def paden(site: Path) -> list[str]:
    return alle_paden(site)


@pytest.fixture(scope="module")
def rondgang_breed(browser, server, site, paden) -> list[Bezoek]:
    return _rondgang(browser, server, paden, smal=False, hoofd=set(hoofdpaginas(site)))


@pytest.fixture(scope="module")
def rondgang_smal(browser, server, site, paden) -> list[Bezoek]:
    return _rondgang(browser, server, paden, smal=True, hoofd=set(hoofdpaginas(site)))


def test_alle_paginas_uit_de_sitemap_worden_bezocht(site, rondgang_breed, rondgang_smal):
    verwacht = sitemap_paden(site)
    for rondgang in (rondgang_breed, rondgang_smal):
        bezocht = [b.pad for b in rondgang]
        assert set(verwacht) <= set(bezocht), f"Niet bezocht: {sorted(set(verwacht) - set(bezocht))}"
        fout = [(b.pad, b.metingen["status"]) for b in rondgang if b.metingen["status"] != 200]
        assert not fout, f"Pagina's die niet goed laden (pad, HTTP-status): {fout}"
    print("\nGescande pagina's:\n" + "\n".join(f"  {b.pad}  {b.metingen['titel']}" for b in rondgang_breed))


@pytest.mark.parametrize("breedte", ["breed", "smal"])
def test_axe_core_vindt_geen_overtredingen_van_wcag_2_1_aa(breedte, rondgang_breed, rondgang_smal):
    rondgang = rondgang_breed if breedte == "breed" else rondgang_smal
    fouten = [f for b in rondgang for f in b.axe]
    ARTEFACTEN.mkdir(exist_ok=True)
    (ARTEFACTEN / f"axe-{breedte}.json").write_text(
        json.dumps(
            {
                "axe": AXE_VERSIE,
                "tags": AXE_TAGS,
                "paginas": {b.pad: b.metingen["axe_regels"] for b in rondgang},
                "overtredingen": [vars(f) for f in fouten],
            },
            indent=2,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    assert not fouten, meld_fouten(f"Overtredingen van WCAG 2.1 AA ({', '.join(AXE_TAGS)}) volgens axe-core", fouten)


def test_alle_verzoeken_gaan_naar_de_eigen_server(server, rondgang_breed, rondgang_smal):
    eigen = urlparse(server).netloc
    fouten = []
    regels = [f"{'pagina':<60} {'desktop':>8} {'telefoon':>8}  hosts"]
    smal = {b.pad: b for b in rondgang_smal}
    for b in rondgang_breed:
        urls = [u for u in b.verzoeken + smal[b.pad].verzoeken if not u.startswith(("data:", "blob:"))]
        hosts = sorted({urlparse(u).netloc for u in urls})
        fouten += [f"{b.pad}: verzoek naar {u}" for u in urls if urlparse(u).netloc != eigen]
        regels.append(f"{b.pad:<60} {len(b.verzoeken):>8} {len(smal[b.pad].verzoeken):>8}  {', '.join(hosts)}")
    tabel = "\n".join(regels)
    ARTEFACTEN.mkdir(exist_ok=True)
    (ARTEFACTEN / "verzoeken-per-pagina.txt").write_text(tabel + "\n", encoding="utf-8")
    print("\nVerzoeken per pagina (elk verzoek telt, ook uit de cache):\n" + tabel)
    assert all(b.verzoeken for b in rondgang_breed), "Een pagina zonder verzoeken: dan meet deze test niets"
    assert not fouten, meld_fouten("Verzoeken naar een andere host dan de eigen server", fouten)


def test_elke_pagina_is_in_het_nederlands(rondgang_breed):
    fout = [f"{b.pad}: <html lang={b.metingen['taal']!r}>" for b in rondgang_breed if b.metingen["taal"] != "nl"]
    assert not fout, meld_fouten("Pagina's zonder lang=\"nl\"", fout)


def test_elke_pagina_uit_de_sitemap_heeft_een_overslaan_link_naar_de_inhoud(site, rondgang_breed):
    # De 404-pagina heeft geen inhoudsopgave en dus geen overslaan-link; daar volstaat het <main>-gebied.
    sitemap = set(sitemap_paden(site))
    fout = []
    for b in rondgang_breed:
        if b.pad not in sitemap:
            continue
        o = b.metingen["overslaan"]
        if o is None:
            fout.append(f"{b.pad}: geen a.md-skip")
        elif not o["doelBestaat"]:
            fout.append(f"{b.pad}: overslaan-link wijst naar {o['doel']}, dat element bestaat niet")
        elif o["tekst"] != "Ga naar inhoud":
            fout.append(f"{b.pad}: overslaan-link heet {o['tekst']!r}, niet 'Ga naar inhoud'")
    assert not fout, meld_fouten("Overslaan-links die ontbreken of nergens heen gaan", fout)


def test_op_een_telefoon_scrolt_geen_pagina_zijwaarts(rondgang_smal):
    fout = [
        f"{b.pad}: pagina is {b.metingen['paginabreedte']} px breed bij een scherm van {b.metingen['schermbreedte']} px; "
        f"steekt uit: {', '.join(b.metingen['uitstekers']) or '?'}"
        for b in rondgang_smal
        if b.metingen["paginabreedte"] > b.metingen["schermbreedte"]
    ]
    assert not fout, meld_fouten("Pagina's die op 375 px zijwaarts scrollen", fout)


def test_op_een_telefoon_schuiven_brede_tabellen_binnen_hun_eigen_vak(rondgang_smal):
    fout, breed = [], []
    for b in rondgang_smal:
        for t in b.metingen["tabellen"]:
            vak = t["vak"]
            naam = f"{b.pad}: tabel {t['bijschrift']!r}"
            if vak is None:
                if t["tabelbreedte"] > b.metingen["schermbreedte"]:
                    fout.append(f"{naam} is {t['tabelbreedte']} px breed en zit niet in een schuifvak")
                continue
            if vak["inhoud"] <= vak["breedte"]:
                continue  # past
            breed.append(naam)
            if vak["overflowX"] not in ("auto", "scroll"):
                fout.append(f"{naam}: het vak eromheen schuift niet (overflow-x: {vak['overflowX']}), tekst valt weg")
            if vak["rechts"] > b.metingen["schermbreedte"]:
                fout.append(f"{naam}: het schuifvak zelf steekt buiten het scherm ({vak['rechts']} px)")
            if vak["tabindex"] != "0" or vak["rol"] != "region" or not vak["naam"]:
                fout.append(
                    f"{naam}: schuifvak niet met het toetsenbord te bedienen "
                    f"(tabindex={vak['tabindex']!r}, role={vak['rol']!r}, aria-label={vak['naam']!r})"
                )
    assert breed, "Geen enkele tabel is op 375 px breder dan het scherm: deze test toetst dan niets"
    assert not fout, meld_fouten("Tabellen die op een telefoon niet goed schuiven", fout)
    print("\nTabellen die op 375 px binnen hun eigen vak schuiven:\n  " + "\n  ".join(breed))


def _png_maat(pad: Path) -> tuple[int, int]:
    kop = pad.read_bytes()[:24]
    assert kop[:8] == b"\x89PNG\r\n\x1a\n", f"{pad} is geen PNG"
    return struct.unpack(">II", kop[16:24])


def test_schermafdrukken_van_de_hoofdpaginas(site, rondgang_breed, rondgang_smal):
    paden = hoofdpaginas(site)
    assert len(paden) >= 2, f"Te weinig hoofdpagina's gevonden in het menu: {paden}"
    for soort, breedte in (("desktop", BREED["width"]), ("telefoon", SMAL["width"])):
        for pad in paden:
            bestand = ARTEFACTEN / "schermafdrukken" / soort / f"{naam_voor_bestand(pad)}.png"
            assert bestand.is_file(), f"Schermafdruk ontbreekt: {bestand}"
            b, h = _png_maat(bestand)
            assert b == breedte and h >= 600, f"{bestand}: {b}×{h} px, verwacht {breedte} px breed"
    print(f"\nSchermafdrukken in {ARTEFACTEN / 'schermafdrukken'}: {', '.join(paden)}")
