"""Elke pagina afdrukken: geen navigatie, tabellen zonder schuifbalk, adressen achter externe links."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

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
  const externeLinks = [...document.querySelectorAll('article a[href^="http"]')].map((a) => ({
    href: a.getAttribute('href'), tekst: a.textContent.trim(),
    na: getComputedStyle(a, '::after').content, zichtbaar: zichtbaar(a)}));
  return {zichtbareChrome, afgesneden, externeLinks};
}
"""


def paginas(site):
    return sorted(
        "/" + str(p.parent.relative_to(site)).removeprefix(".") + ("/" if p.parent != site else "")
        for p in site.rglob("index.html")
        if "printversie" not in p.parts
    )


def test_elke_pagina_drukt_af_zonder_navigatie_en_met_hele_tabellen(pagina, server, site):
    adressen = paginas(site)
    assert len(adressen) >= 4, adressen
    pagina.emulate_media(media="print")
    pagina.set_viewport_size({"width": A4_BLADSPIEGEL_PX, "height": 940})
    gezien_extern = 0
    for adres in [a.replace("//", "/") for a in adressen]:
        pagina.goto(server + adres)
        uitkomst = pagina.evaluate(PRINT_CONTROLE_JS)
        assert uitkomst["zichtbareChrome"] == [], f"{adres}: zichtbaar bij afdrukken: {uitkomst['zichtbareChrome']}"
        assert uitkomst["afgesneden"] == [], f"{adres}: tabel in een schuifvak: {uitkomst['afgesneden']}"
        for link in uitkomst["externeLinks"]:
            if not link["zichtbaar"]:
                continue
            gezien_extern += 1
            if link["tekst"].rstrip("/") in (link["href"].rstrip("/"), re.sub(r"^https?://", "", link["href"]).rstrip("/")):
                assert link["na"] in ("none", "normal"), f"{adres}: adres dubbel achter {link}"
            else:
                assert link["href"] in link["na"], f"{adres}: geen adres achter de externe link {link}"
    assert gezien_extern > 0, "geen enkele externe link gezien: de controle op adressen deed niets"


def test_casuspagina_als_pdf_heeft_alle_kolommen(pagina, server):
    """Afdrukken van één pagina (zoals Ctrl+P): ook de laatste kolom van een brede tabel staat erop."""
    pagina.goto(f"{server}/casussen/begeleidingsbehoefte-en-regime/")
    lezer = PdfReader(io.BytesIO(pagina.pdf(format="A4")))
    tekst = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in lezer.pages))
    for verwacht in ("Motivering", "Woonbegeleiding", "Totaal uren", "Totaal begeleidingsuren", "= 4,37%"):
        assert verwacht in tekst, f"'{verwacht}' ontbreekt in de afdruk van de casuspagina"
    assert "Download als PDF" not in tekst, "de PDF-link hoort niet op papier"
