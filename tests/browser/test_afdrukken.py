"""Elke pagina afdrukken: geen navigatie, tabellen zonder schuifbalk, adressen achter externe links."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def paginas(site):
    return sorted(
        "/" + str(p.parent.relative_to(site)).removeprefix(".") + ("/" if p.parent != site else "")
        for p in site.rglob("index.html")
        if "printversie" not in p.parts
    )


def test_elke_soort_pagina_drukt_af_zonder_navigatie_en_met_hele_tabellen(site, rondgang_breed):
    """De rondgang (rondgang.py) toont één pagina van elke soort, na het laden, ook als afdruk: media print, 665 px
    breed (hulp.voorbeeldpaginas; test_alle_paginas.py controleert dat elke soort zo bezocht is)."""
    afdrukken = {b.pad: b.afdruk for b in rondgang_breed if b.volledig}
    adressen = [a.replace("//", "/") for a in paginas(site) if a.replace("//", "/") in afdrukken]
    assert len(adressen) >= 10, adressen
    assert all(afdrukken[a] for a in adressen), [a for a in adressen if not afdrukken[a]]
    gezien_extern = 0
    for adres in adressen:
        uitkomst = afdrukken[adres]
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
