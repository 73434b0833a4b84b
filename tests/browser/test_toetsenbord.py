"""Alles met alleen een toetsenbord: bereikbaar met Tab, zichtbare focus, overslaan-link, menu op een telefoon.

De tests drukken echt op Tab in Chromium (geen focus() vanuit een script), zodat ze de volgorde
meten die een toetsenbordgebruiker krijgt. Alleen om na het Tab-rondje de overslaan-link weer te kiezen
(die de eerste Tab al bereikte) zet de test de focus er met een script op.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .hulp import BREED, CSS_ZONDER_OVERGANGEN, JS_ANIMATIES_KLAAR, SMAL, meld_fouten, paginasoort, sitemap_paden

MAX_TABS = 800

# Hulpfuncties in de pagina: beschrijf een element, meet zijn focusstijl en of het te zien is.
JS_HULP = """() => {
  window.__focus = [];
  window.__teller = 0;
  window.__beschrijf = el => {
    const tekst = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('title') || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 40);
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/)[0] : '') +
      (tekst ? ` "${tekst}"` : '');
  };
  window.__stijl = el => {
    const s = getComputedStyle(el);
    const rand = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return {rand, schaduw: s.boxShadow !== 'none',
            kenmerk: [rand ? s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor : 'geen rand', s.boxShadow].join(' | ')};
  };
  window.__zichtbaarheid = el => {
    const r = el.getBoundingClientRect();
    let dekking = 1;
    for (let e = el; e; e = e.parentElement) dekking *= parseFloat(getComputedStyle(e).opacity);
    const binnen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
                   r.top < window.innerHeight && r.left < window.innerWidth;
    return {binnen, dekking, zichtbaar: el.checkVisibility({visibilityProperty: true})};
  };
}"""

# Elke focusstop vastleggen op het moment dat de focus er komt (focusin). De browser heeft het element dan al in
# beeld geschoven (gemeten: op de begrippenpagina stonden alle 94 stops in beeld). Zo kan de test Tab een paar
# keer achter elkaar indrukken en daarna één keer uitlezen, in plaats van na elke Tab heen en weer te praten met
# de browser. Komt de focus terug bij de eerste stop, dan is het rondje af (``__rond``).
JS_VOLG_FOCUS = """() => {
  window.__rond = false;
  document.addEventListener('focusin', e => {
    const el = e.target, f = window.__focus;
    if (window.__rond) return;
    if (!el.dataset.focusNr) el.dataset.focusNr = String(++window.__teller);
    if (f.length > 0 && f[0].nr === el.dataset.focusNr) { window.__rond = true; return; }
    f.push({nr: el.dataset.focusNr, wie: window.__beschrijf(el), ...window.__zichtbaarheid(el), stijl: window.__stijl(el),
            skip: el.classList.contains('md-skip') ? {tekst: el.textContent.trim(), href: el.getAttribute('href')} : null});
  }, true);
}"""

TABS_PER_KEER = 5

# Alle elementen die je zou moeten kunnen bereiken: zichtbaar en uit zichzelf bedienbaar.
JS_BEDIENBAAR = """() => {
  const kandidaten = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], [contenteditable=true]');
  return [...kandidaten].filter(el => {
    if (el.disabled || el.tabIndex < 0 || el.closest('[inert], [hidden]')) return false;
    if (!el.checkVisibility({visibilityProperty: true})) return false;
    // Een groep keuzerondjes is één tabstop: Tab komt op het gekozen rondje (of het eerste als er
    // nog niets gekozen is), de pijltjestoetsen kiezen een ander.
    if (el.type === 'radio' && el.name) {
      const groep = [...document.querySelectorAll(`input[type=radio][name="${CSS.escape(el.name)}"]`)];
      const gekozen = groep.find(r => r.checked);
      if (el !== (gekozen || groep[0])) return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < window.innerWidth;
  }).map(el => {
    if (!el.dataset.focusNr) el.dataset.focusNr = 'x' + Math.random().toString(36).slice(2);
    return {nr: el.dataset.focusNr, wie: window.__beschrijf(el)};
  });
}"""

JS_STIJL_ZONDER_FOCUS = """nrs => {
  if (document.activeElement) document.activeElement.blur();
  return Object.fromEntries(nrs.map(nr => [nr, window.__stijl(document.querySelector(`[data-focus-nr="${nr}"]`))]));
}"""


def _tab_rondje(p, verwacht: int = 0) -> list[dict]:
    """Druk Tab tot de focus weer bij de eerste stop is; geef elke focusstop in volgorde.

    JS_HULP en JS_VOLG_FOCUS moeten al in de pagina draaien. Na het rondje staat de focus weer op de eerste stop.
    ``verwacht``: hoeveel stops er volgens JS_BEDIENBAAR zijn; zoveel keer Tab (plus één, terug naar de eerste) eerst
    in één keer, daarna per TABS_PER_KEER tot het rondje rond is.
    """
    gedrukt = 0
    keer = min(verwacht + 1, MAX_TABS) or TABS_PER_KEER
    while gedrukt < MAX_TABS:
        for _ in range(keer):
            p.keyboard.press("Tab")
        gedrukt += keer
        if p.evaluate("() => window.__rond"):
            break
        keer = TABS_PER_KEER
    else:
        pytest.fail(f"Na {MAX_TABS} keer Tab is de focus nog niet rond: zit de focus ergens vast?")
    return p.evaluate("() => window.__focus")


def _paginas_om_te_toetsen(site: Path) -> list[str]:
    """Start, de casuspagina, de eerste leidraadpagina, elke soort pagina (``hulp.paginasoort``) met formulieren of
    uitklapblokken in de inhoud, en per soort eigen tabstop (afkorting met uitleg, schuifvak) de eerste pagina die
    hem heeft.

    Afkortingen en schuifvakken komen op veel pagina's voor en werken overal met dezelfde code; één pagina
    per soort toetsen houdt de test snel. Formulieren en uitklapblokken komen uit het sjabloon van hun soort pagina
    (de sjablonen delen er één); de 404-pagina heeft een eigen test.
    """
    alle = sitemap_paden(site)
    paden = ["/", "/casussen/begeleidingsbehoefte-en-regime/"]
    paden += [p for p in alle if p.startswith("/leidraad/") and p.count("/") > 2][:1]
    soorten_gezien: set[str] = set()
    paginasoorten_gezien = {paginasoort(site, p) for p in paden}
    for pad in alle:
        html = (site / pad.lstrip("/") / "index.html").read_text(encoding="utf-8")
        artikel = BeautifulSoup(html, "html.parser").select_one("article")
        if artikel is None or pad in paden:
            continue
        # Formulieren, ook die een script pas in de browser maakt (zoals de rekenhulp)
        if artikel.select("input, select, textarea, button, summary, .rekenhulp, script[src]"):
            if paginasoort(site, pad) not in paginasoorten_gezien:
                paginasoorten_gezien.add(paginasoort(site, pad))
                paden.append(pad)
            continue
        soorten = {el.name for el in artikel.select("[tabindex], pre")} - soorten_gezien
        if soorten:
            soorten_gezien |= soorten
            paden.append(pad)
    return paden


@pytest.fixture(scope="module")
def toets_paden(site) -> list[str]:
    paden = _paginas_om_te_toetsen(site)
    print(f"\nToetsenbordtest op: {', '.join(paden)}")
    return paden


def _overslaan_link(p, pad: str, eerste: dict) -> list[str]:
    """De eerste tabstop is een zichtbare link 'Ga naar inhoud'; Enter erop en dan Tab brengt de focus in de inhoud."""
    skip = eerste["skip"]
    if not skip or skip["tekst"] != "Ga naar inhoud" or not (eerste["binnen"] and eerste["zichtbaar"] and eerste["dekking"] == 1):
        return [f"{pad}: eerste tabstop is niet een zichtbare link 'Ga naar inhoud' maar {eerste}"]
    # Na het rondje staat de focus ergens in de pagina: zet hem weer op de link, zoals na de eerste Tab.
    p.evaluate("() => document.querySelector('.md-skip').focus()")
    p.keyboard.press("Enter")
    p.keyboard.press("Tab")
    na = p.evaluate(
        "() => ({hash: location.hash, inInhoud: !!document.activeElement.closest('article.md-content__inner'),"
        " wie: document.activeElement.outerHTML.slice(0, 80)})"
    )
    fouten = []
    if na["hash"] != skip["href"]:
        fouten.append(f"{pad}: na Enter op 'Ga naar inhoud' is het adres {na['hash']!r}, niet {skip['href']!r}")
    if not na["inInhoud"]:
        fouten.append(f"{pad}: na 'Ga naar inhoud' en Tab staat de focus buiten de inhoud, op {na['wie']}")
    return fouten


@pytest.mark.parametrize("scherm", ["breed", "smal"])
def test_alles_bereikbaar_met_tab_de_focus_is_zichtbaar_en_overslaan_link_werkt(browser, server, toets_paden, scherm):
    fouten = []
    aantallen = []
    # Eén context en één tabblad voor alle pagina's (een nieuwe context kost ruim een seconde, een nieuw tabblad per
    # pagina een halve): elke pagina is een nieuw document, zonder de focus, de luisteraars of de kenmerken van de vorige.
    context = browser.new_context(viewport=BREED if scherm == "breed" else SMAL, locale="nl-NL", bypass_csp=True)
    p = context.new_page()
    for pad in toets_paden:
        p.goto(server + pad)
        p.add_style_tag(content=CSS_ZONDER_OVERGANGEN)
        p.wait_for_function(JS_ANIMATIES_KLAAR)
        p.evaluate(JS_HULP)
        p.evaluate(JS_VOLG_FOCUS)
        verwacht = p.evaluate(JS_BEDIENBAAR)
        stops = _tab_rondje(p, len(verwacht))
        fouten += _overslaan_link(p, pad, stops[0])
        bereikt = {s["nr"] for s in stops}
        fouten += [f"{pad}: niet te bereiken met Tab: {e['wie']}" for e in verwacht if e["nr"] not in bereikt]
        for s in stops:
            if not (s["binnen"] and s["zichtbaar"] and s["dekking"] > 0.5):
                fouten.append(
                    f"{pad}: onzichtbare tabstop {s['wie']} (in beeld: {s['binnen']}, zichtbaar: {s['zichtbaar']}, "
                    f"dekking: {s['dekking']:.2f})"
                )
        zonder = p.evaluate(JS_STIJL_ZONDER_FOCUS, sorted(bereikt))
        for s in stops:
            met = s["stijl"]
            if not (met["rand"] or met["schaduw"]) or met["kenmerk"] == zonder[s["nr"]]["kenmerk"]:
                fouten.append(f"{pad}: focus niet zichtbaar op {s['wie']} (met focus: {met['kenmerk']})")
        aantallen.append(f"{pad}: {len(stops)} tabstops")
    context.close()
    print(f"\nTab-rondje ({scherm}): " + "; ".join(aantallen))
    assert not fouten, meld_fouten(f"Toetsenbordproblemen ({scherm})", sorted(set(fouten)))


def test_menu_op_een_telefoon_werkt_met_het_toetsenbord(pagina, server):
    p = pagina
    p.set_viewport_size(SMAL)
    p.goto(server + "/")
    p.wait_for_function(JS_ANIMATIES_KLAAR)
    knop = p.locator('label.md-header__button[for="__drawer"]')
    for _ in range(10):
        p.keyboard.press("Tab")
        if knop.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("De menuknop is op 375 px niet met Tab te bereiken")
    assert knop.get_attribute("role") == "button" and knop.get_attribute("aria-expanded") == "false", (
        f"Menuknop mist role=button/aria-expanded=false: {knop.evaluate('el => el.outerHTML.slice(0, 200)')}"
    )
    p.keyboard.press("Enter")
    p.wait_for_function(JS_ANIMATIES_KLAAR)
    assert p.evaluate("() => document.getElementById('__drawer').checked"), "Enter op de menuknop opent het menu niet"
    assert knop.get_attribute("aria-expanded") == "true", "aria-expanded blijft 'false' terwijl het menu open is"
    menu = p.locator(".md-sidebar--primary")
    vak = menu.bounding_box()
    assert vak and vak["x"] >= 0 and menu.is_visible(), f"Het menu staat niet in beeld: {vak}"
    # Verder tabben komt in het menu: zichtbare links.
    in_menu = []
    for _ in range(15):
        p.keyboard.press("Tab")
        info = p.evaluate(
            "() => { const el = document.activeElement; const r = el.getBoundingClientRect();"
            " return {inMenu: !!el.closest('.md-sidebar--primary'), tekst: el.textContent.trim(),"
            " inBeeld: r.left >= 0 && r.right <= innerWidth && r.width > 0}; }"
        )
        if info["inMenu"]:
            in_menu.append(info)
    assert in_menu, "Na het openen van het menu komt Tab niet in het menu"
    assert all(i["inBeeld"] for i in in_menu), f"Links in het open menu staan buiten beeld: {in_menu}"
    p.keyboard.press("Escape")
    p.wait_for_function(JS_ANIMATIES_KLAAR)
    assert not p.evaluate("() => document.getElementById('__drawer').checked"), "Escape sluit het menu niet"
    assert knop.evaluate("el => el === document.activeElement"), "Na Escape staat de focus niet terug op de menuknop"


# Op een telefoon (375 px) is een tabel één blok per rij en schuift er niets (test_tabellen.py). Op een tablet staat het
# schema van de casus (zeven kolommen) nog als tabel, breder dan de inhoud: dan schuift zijn vak.
TABLET = {"width": 760, "height": 900}


def test_brede_tabel_schuift_met_de_pijltjestoetsen(pagina, server):
    p = pagina
    p.set_viewport_size(TABLET)
    p.goto(server + "/casussen/begeleidingsbehoefte-en-regime/")
    p.wait_for_function(JS_ANIMATIES_KLAAR)
    vak = p.locator(".md-typeset__scrollwrap[role=region]").first
    naam = vak.get_attribute("aria-label")
    assert naam and naam.startswith("Tabel: "), f"Schuifvak zonder naam uit het bijschrift: {naam!r}"
    for _ in range(MAX_TABS):
        p.keyboard.press("Tab")
        if vak.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail(f"Het schuifvak {naam!r} is niet met Tab te bereiken")
    voor = vak.evaluate("el => el.scrollLeft")
    for _ in range(5):
        p.keyboard.press("ArrowRight")
    # Wachten tot het vak schuift (vloeiend, dus niet meteen).
    try:
        p.wait_for_function("([el, voor]) => el.scrollLeft > voor", arg=[vak.element_handle(), voor], timeout=5000)
    except PlaywrightTimeoutError:
        pytest.fail(f"Pijltje rechts schuift {naam!r} niet (scrollLeft blijft {voor})")
    na = vak.evaluate("el => el.scrollLeft")
    assert na > voor, f"Pijltje rechts schuift {naam!r} niet (scrollLeft {voor} → {na})"


def test_foutpagina_begint_met_ga_naar_inhoud(pagina, server):
    """Ook de pagina 'Pagina niet gevonden' (zonder inhoudsopgave, waar Material de link niet maakt): de eerste Tab
    geeft een zichtbare link 'Ga naar inhoud', en Enter brengt de focus naar de kop van de pagina."""
    p = pagina
    p.goto(server + "/404.html")  # de testserver geeft bij een onbekend adres geen 404.html; een echte server wel
    p.keyboard.press("Tab")
    eerste = p.evaluate("""() => { const el = document.activeElement, r = el.getBoundingClientRect();
        return {tekst: el.textContent.trim(), href: el.getAttribute('href'), zichtbaar: r.width > 0 && r.height > 0
                && r.top >= 0 && r.left >= 0}; }""")
    assert eerste["tekst"] == "Ga naar inhoud" and eerste["zichtbaar"], eerste
    p.keyboard.press("Enter")
    na = p.evaluate("() => ({hash: location.hash, focus: document.activeElement.id})")
    assert na == {"hash": "#pagina-niet-gevonden", "focus": "pagina-niet-gevonden"}, na
