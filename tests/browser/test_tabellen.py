"""Tabellen op elk scherm en op papier: geen verborgen kolommen, geen smalle cellen, geen afgebroken woorden.

De rondgang (rondgang.py) meet elke tabel van elke pagina op 1280 px, in een venster van 375 px en als afdruk
(media print, 665 px: de bladspiegel van A4). Een kolom is verborgen als een deel van de tabel buiten beeld valt
(in een schuifvak of buiten het artikel); een cel met lopende tekst (15 tekens of meer) mag niet smaller zijn
dan 100 px; op papier mag geen cel woorden middenin afbreken (overflow-wrap/word-break) en moet elke tabel in
de bladspiegel passen.
"""

from __future__ import annotations

from .hulp import BREED, SMAL, meld_fouten

CASUS = "/casussen/begeleidingsbehoefte-en-regime/"
PROTOCOL = "/leidraad/uitgangspunten/protocol-jobcoach/"


def _tabellen(rondgang, soort: str) -> list[tuple[str, dict]]:
    uit = []
    for b in rondgang:
        metingen = b.metingen if soort == "breed" else b.smal
        uit += [(b.pad, t) for t in metingen["tabellen"]]
    return uit


def _moet_meten(tabellen: list[tuple[str, dict]]) -> None:
    """De casus- en protocolpagina hebben brede tabellen (7 en 5 kolommen): zonder die meet de test niets."""
    for pad, bijschrift in ((CASUS, "Schema begeleidingsbehoefte"), (CASUS, "Urenberekening per rij"),
                            (PROTOCOL, "Protocolversies")):
        assert any(p == pad and t["bijschrift"].startswith(bijschrift) for p, t in tabellen), \
            f"tabel {bijschrift!r} op {pad} niet gemeten"


def test_op_1280_px_verbergt_geen_tabel_kolommen(rondgang_breed):
    assert all(b.metingen["schermbreedte"] == BREED["width"] for b in rondgang_breed), "niet op 1280 px gemeten"
    tabellen = _tabellen(rondgang_breed, "breed")
    _moet_meten(tabellen)
    fout = [f"{pad}: tabel {t['bijschrift']!r} ({t['kolommen']} kolommen): {t['verborgen']} px buiten beeld"
            for pad, t in tabellen if t["verborgen"] > 1]
    assert not fout, meld_fouten("Tabellen die op 1280 px kolommen verbergen", fout)


def test_op_375_px_geen_verborgen_kolom_en_geen_smalle_cel(rondgang_breed, rondgang_smal):
    """Elke pagina in een venster van 375 px, en de hoofdpagina's ook als telefoon (aanraakscherm)."""
    assert all(b.smal["schermbreedte"] == SMAL["width"] for b in rondgang_breed), "niet op 375 px gemeten"
    tabellen = _tabellen(rondgang_breed, "smal")
    _moet_meten(tabellen)
    tabellen += [(f"{pad} (telefoon)", t) for pad, t in _tabellen(rondgang_smal, "breed")]
    fout = []
    for pad, t in tabellen:
        naam = f"{pad}: tabel {t['bijschrift']!r}"
        if t["verborgen"] > 1:
            fout.append(f"{naam}: {t['verborgen']} px buiten beeld (kolommen verborgen)")
        if t["smalleCellen"]:
            fout.append(f"{naam}: cellen smaller dan 100 px: {'; '.join(t['smalleCellen'])}")
    assert not fout, meld_fouten("Tabellen die op 375 px kolommen verbergen of tekst in een smalle kolom zetten", fout)


def test_op_papier_passen_tabellen_zonder_afgebroken_woorden(rondgang_breed):
    tabellen = [(b.pad, t) for b in rondgang_breed for t in b.afdruk["tabellen"]]
    _moet_meten(tabellen)
    fout = []
    for pad, t in tabellen:
        naam = f"{pad}: tabel {t['bijschrift']!r}"
        if t["breedte"] > t["ruimte"] + 1:
            fout.append(f"{naam}: {t['breedte']} px breed, de bladspiegel is {t['ruimte']} px")
        if t["afbrekers"]:
            fout.append(f"{naam}: {t['afbrekers']} cellen breken woorden middenin af, bv. {'; '.join(t['voorbeeld'])}")
    assert not fout, meld_fouten("Tabellen die op papier niet passen of woorden afbreken", fout)
