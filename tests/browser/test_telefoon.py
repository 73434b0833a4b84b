"""De startpagina (de ingang per rol) op een telefoon: alles in beeld, niets afgedekt, tikken werkt."""

from __future__ import annotations

from urllib.parse import urlparse

from .hulp import JS_ANIMATIES_KLAAR, SMAL, meld_fouten

MAX_GETIKT = 4  # zoveel links op de startpagina worden echt aangetikt; de linkcontrole doet de rest

JS_LINKS_IN_INHOUD = """() => [...document.querySelectorAll('article a[href]:not(.headerlink)')].map((a, i) => {
  a.dataset.linkNr = String(i);
  return {nr: i, tekst: a.textContent.trim().replace(/\\s+/g, ' '), href: a.href, download: a.hasAttribute('download')};
})"""

# Staat de link helemaal binnen de schermbreedte en is hij niet afgedekt door iets anders (kopbalk, knop)?
JS_BEREIKBAAR = """nr => {
  const a = document.querySelector(`[data-link-nr="${nr}"]`);
  a.scrollIntoView({block: 'center'});
  const r = a.getClientRects()[0];
  if (!r) return {ok: false, reden: 'geen vlak'};
  const x = r.left + Math.min(r.width, 20) / 2, y = r.top + r.height / 2;
  const bovenop = document.elementFromPoint(x, y);
  const binnen = r.left >= 0 && r.right <= window.innerWidth + 1;
  const vrij = bovenop === a || a.contains(bovenop);
  return {ok: binnen && vrij, reden: !binnen ? `buiten beeld (${Math.round(r.left)}–${Math.round(r.right)} px)` :
          !vrij ? `afgedekt door ${bovenop && bovenop.outerHTML.slice(0, 80)}` : ''};
}"""


def test_startpagina_werkt_op_een_telefoon(browser, server):
    context = browser.new_context(viewport=SMAL, device_scale_factor=2, is_mobile=True, has_touch=True, locale="nl-NL")
    p = context.new_page()
    p.goto(server + "/")
    p.wait_for_function(JS_ANIMATIES_KLAAR)
    links = p.evaluate(JS_LINKS_IN_INHOUD)
    eigen = urlparse(server).netloc
    intern = [link for link in links if urlparse(link["href"]).netloc == eigen]
    assert intern, "De startpagina heeft geen links naar pagina's van de site"

    fouten = []
    for link in links:
        uitslag = p.evaluate(JS_BEREIKBAAR, link["nr"])
        if not uitslag["ok"]:
            fouten.append(f"link {link['tekst']!r}: {uitslag['reden']}")
    assert not fouten, meld_fouten("Links op de startpagina die je op 375 px niet goed kunt aantikken", fouten)

    getikt = []
    # Een download (zoals de PDF) opent geen pagina; die tikken we niet aan.
    for link in [link for link in intern if not link["download"]][:MAX_GETIKT]:
        p.goto(server + "/")
        p.wait_for_function(JS_ANIMATIES_KLAAR)
        p.evaluate(JS_LINKS_IN_INHOUD)
        doel = p.locator(f'[data-link-nr="{link["nr"]}"]')
        doel.scroll_into_view_if_needed()
        verwacht = urlparse(link["href"])
        if verwacht.path == urlparse(p.url).path:
            # Een anker op dezelfde pagina (zoals de rolkaarten): geen nieuwe pagina, wel het anker.
            doel.tap()
            p.wait_for_function("f => location.hash === '#' + f", arg=verwacht.fragment)
        else:
            with p.expect_navigation():
                doel.tap()
        nu = urlparse(p.url)
        assert (nu.path, nu.fragment) == (verwacht.path, verwacht.fragment), (
            f"Tikken op {link['tekst']!r} gaat naar {p.url}, niet naar {link['href']}"
        )
        kop = p.locator("article h1").first
        assert kop.is_visible(), f"Na tikken op {link['tekst']!r}: geen zichtbare kop op {p.url}"
        breedte = p.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
        assert breedte[0] <= breedte[1], f"{p.url} scrolt zijwaarts op een telefoon: {breedte[0]} px > {breedte[1]} px"
        getikt.append(f"{link['tekst']} → {nu.path}")
    context.close()
    print("\nAangetikt op de startpagina (375 px): " + "; ".join(getikt))
