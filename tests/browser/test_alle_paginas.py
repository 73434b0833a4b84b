"""Alle pagina's van de gebouwde site in Chromium: toegankelijk (axe-core, WCAG 2.1 AA), privé, telefoon.

De desktoprondgang (1280 px) bezoekt elke pagina uit ``sitemap.xml`` (plus de 404-pagina) en meet van elke pagina ook de opmaak in een venster van 375 px. De telefoonrondgang
(375 px, aanraakscherm) bezoekt de hoofdpagina's. Per bezoek wordt vastgelegd: elk netwerkverzoek, de
uitslag van axe-core, de taal, de breedte van de pagina en hoe de tabellen schuiven. De tests hieronder
toetsen die metingen en noemen bij een fout de pagina, de regel en het element.

Snelheid: browser en tabblad worden hergebruikt, elke pagina wordt per breedte één keer geladen. De rondgang
print hoe lang hij duurde.
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
    CSS_ZONDER_OVERGANGEN,
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
    # Eén context per rondgang (de cache helpt). Ook verzoeken die uit de cache komen of uit de
    # zoek-webworker, meldt Chromium per pagina; de telling per pagina is dus volledig.
    if smal:
        return browser.new_context(viewport=SMAL, is_mobile=True, has_touch=True, locale="nl-NL", bypass_csp=True)
    return browser.new_context(viewport=BREED, locale="nl-NL", bypass_csp=True)


JS_NA_EEN_BEELD = "() => new Promise(klaar => requestAnimationFrame(() => requestAnimationFrame(klaar)))"


def _meet_op_telefoonbreedte(p) -> dict:
    """Maak het venster even 375 px breed, meet de opmaak, en zet het terug op 1280 px."""
    stijl = p.add_style_tag(content=CSS_ZONDER_OVERGANGEN)  # de opmaak na het wisselen is meteen de eindtoestand
    p.set_viewport_size(SMAL)
    p.evaluate(JS_NA_EEN_BEELD)
    metingen = p.evaluate(JS_METINGEN)
    p.set_viewport_size(BREED)
    p.evaluate(JS_NA_EEN_BEELD)
    stijl.evaluate("el => el.remove()")
    return metingen


def _rondgang(browser, server: str, paden: list[str], smal: bool, hoofd: set[str]) -> list[Bezoek]:
    """Bezoek de pagina's één voor één in één tabblad en toets elke pagina met axe-core.

    Desktop (1280 px): elke pagina. Van elke pagina wordt ook de opmaak op 375 px gemeten, door het venster
    even smal te maken (``Bezoek.smal``): zijwaarts scrollen en schuivende tabellen.
    Telefoon (375 px, aanraakscherm, ``is_mobile``): de hoofdpagina's, met axe-core en schermafdrukken; daar
    toetst axe-core wat op een telefoon anders is (kop, menu).
    Zo wordt elke pagina maar één keer per breedte geladen. Eén tabblad is even snel als twee naast elkaar:
    axe-core houdt het rendererproces van Chromium al bezig (gemeten: 41 pagina's in 65 s met één, 66 s met
    twee tabbladen in eigen contexten, 162 s met twee tabbladen in één context).
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
    for pad in paden:
        bezoek = Bezoek(pad)
        antwoord = p.goto(server + pad, wait_until="load")
        bezoek.metingen["status"] = antwoord.status if antwoord else None
        p.wait_for_function(JS_ANIMATIES_KLAAR)
        bezoek.metingen.update(p.evaluate(JS_METINGEN))
        if not smal:
            bezoek.smal = _meet_op_telefoonbreedte(p)
        p.evaluate(AXE_JS)
        bezoek.axe = axe_fouten(f"{pad} ({soort})", p.evaluate("opties => axe.run(document, opties)", AXE_OPTIES))
        if pad in hoofd:
            p.screenshot(path=str(map_ / f"{naam_voor_bestand(pad)}.png"), full_page=True)
        p.wait_for_load_state("networkidle")  # late verzoeken (zoekindex, webworker) tellen mee
        klaar.append(bezoek)
    bezoek = None
    context.close()
    duur = time.perf_counter() - begin
    print(f"\nRondgang {soort}: {len(paden)} pagina's in {duur:.1f} s (axe-core {AXE_VERSIE})")
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
    for rondgang, moet in ((rondgang_breed, verwacht), (rondgang_smal, hoofdpaginas(site))):
        bezocht = [b.pad for b in rondgang]
        assert set(moet) <= set(bezocht), f"Niet bezocht: {sorted(set(moet) - set(bezocht))}"
        fout = [(b.pad, b.metingen["status"]) for b in rondgang if b.metingen["status"] != 200]
        assert not fout, f"Pagina's die niet goed laden (pad, HTTP-status): {fout}"
    zonder_smal = [b.pad for b in rondgang_breed if not b.smal]
    assert not zonder_smal, f"Geen meting op 375 px: {zonder_smal}"
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
                "paginas": [b.pad for b in rondgang],
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
        tel = smal[b.pad].verzoeken if b.pad in smal else []
        urls = [u for u in b.verzoeken + tel if not u.startswith(("data:", "blob:"))]
        hosts = sorted({urlparse(u).netloc for u in urls})
        fouten += [f"{b.pad}: verzoek naar {u}" for u in urls if urlparse(u).netloc != eigen]
        telefoon = str(len(tel)) if b.pad in smal else "-"
        regels.append(f"{b.pad:<60} {len(b.verzoeken):>8} {telefoon:>8}  {', '.join(hosts)}")
    tabel = "\n".join(regels)
    ARTEFACTEN.mkdir(exist_ok=True)
    (ARTEFACTEN / "verzoeken-per-pagina.txt").write_text(tabel + "\n", encoding="utf-8")
    print("\nVerzoeken per pagina (elk verzoek telt, ook uit de cache):\n" + tabel)
    assert all(b.verzoeken for b in rondgang_breed + rondgang_smal), "Een pagina zonder verzoeken: dan meet deze test niets"
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


@pytest.fixture(scope="module")
def telefoonmetingen(rondgang_breed, rondgang_smal) -> list[tuple[str, dict]]:
    """Opmaak op 375 px: van elke pagina (smal venster) en van de hoofdpagina's ook als echte telefoon."""
    return [(f"{b.pad} (venster 375 px)", b.smal) for b in rondgang_breed] + [
        (f"{b.pad} (telefoon)", b.metingen) for b in rondgang_smal
    ]


def test_op_een_telefoon_scrolt_geen_pagina_zijwaarts(telefoonmetingen):
    assert all(m["schermbreedte"] == SMAL["width"] for _, m in telefoonmetingen), "niet op 375 px gemeten"
    fout = [
        f"{pad}: pagina is {m['paginabreedte']} px breed bij een scherm van {m['schermbreedte']} px; "
        f"steekt uit: {', '.join(m['uitstekers']) or '?'}"
        for pad, m in telefoonmetingen
        if m["paginabreedte"] > m["schermbreedte"]
    ]
    assert not fout, meld_fouten("Pagina's die op 375 px zijwaarts scrollen", fout)


def test_op_een_telefoon_schuiven_brede_tabellen_binnen_hun_eigen_vak(telefoonmetingen):
    fout, breed = [], []
    for pad, m in telefoonmetingen:
        for t in m["tabellen"]:
            vak = t["vak"]
            naam = f"{pad}: tabel {t['bijschrift']!r}"
            if vak is None:
                if t["tabelbreedte"] > m["schermbreedte"]:
                    fout.append(f"{naam} is {t['tabelbreedte']} px breed en zit niet in een schuifvak")
                continue
            if vak["inhoud"] <= vak["breedte"]:
                continue  # past
            breed.append(naam)
            if vak["overflowX"] not in ("auto", "scroll"):
                fout.append(f"{naam}: het vak eromheen schuift niet (overflow-x: {vak['overflowX']}), tekst valt weg")
            if vak["rechts"] > m["schermbreedte"]:
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
