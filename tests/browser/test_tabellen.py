"""Tabellen op elk scherm en op papier: geen verborgen kolommen, geen smalle cellen, geen afgebroken woorden.

De rondgang (rondgang.py) meet elke tabel van elke pagina op 1280 px, in een venster van 375 px en als afdruk
(media print, 665 px: de bladspiegel van A4). Een kolom is verborgen als een deel van de tabel buiten beeld valt
(in een schuifvak of buiten het artikel); een cel met lopende tekst (15 tekens of meer) mag niet smaller zijn
dan 100 px, en een label (de kolomnaam bij één blok per rij) moet kunnen afbreken; op papier mag geen cel woorden middenin afbreken (overflow-wrap/word-break) en moet elke tabel in
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
        if metingen is not None:  # 375 px: alleen de volledig bezochte pagina's (één per soort)
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
    assert all(b.smal["schermbreedte"] == SMAL["width"] for b in rondgang_breed if b.volledig), "niet op 375 px gemeten"
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
        if t["labelsDoorlopend"]:
            fout.append(f"{naam}: {t['labelsDoorlopend']} labels breken niet af en lopen over hun waarde heen")
    assert not fout, meld_fouten("Tabellen die op 375 px kolommen verbergen of tekst in een smalle kolom zetten", fout)


def test_op_papier_passen_tabellen_zonder_afgebroken_woorden(rondgang_breed):
    tabellen = [(b.pad, t) for b in rondgang_breed if b.afdruk for t in b.afdruk["tabellen"]]
    _moet_meten(tabellen)
    fout = []
    for pad, t in tabellen:
        naam = f"{pad}: tabel {t['bijschrift']!r}"
        if t["breedte"] > t["ruimte"] + 1:
            fout.append(f"{naam}: {t['breedte']} px breed, de bladspiegel is {t['ruimte']} px")
        if t["afbrekers"]:
            fout.append(f"{naam}: {t['afbrekers']} cellen breken woorden middenin af, bv. {'; '.join(t['voorbeeld'])}")
    assert not fout, meld_fouten("Tabellen die op papier niet passen of woorden afbreken", fout)


JS_TABEL_KNOOP = "(bijschrift) => [...document.querySelectorAll('article table')].find(t => (t.querySelector('caption')?.textContent || '').startsWith(bijschrift))"


def _toegankelijkheidsboom(pagina, bijschrift: str) -> tuple[dict, list[dict]]:
    """De knoop van de tabel in de toegankelijkheidsboom van Chromium (wat een schermlezer krijgt) en de knopen eronder."""
    cdp = pagina.context.new_cdp_session(pagina)
    gevonden = cdp.send("Runtime.evaluate", {"expression": f"({JS_TABEL_KNOOP})({bijschrift!r})"})
    knoop = cdp.send("DOM.describeNode", {"objectId": gevonden["result"]["objectId"]})["node"]
    boom = cdp.send("Accessibility.getFullAXTree")["nodes"]
    per_id = {n["nodeId"]: n for n in boom}
    tabel = next(n for n in boom if n.get("backendDOMNodeId") == knoop["backendNodeId"])
    onder, stapel = [], list(tabel.get("childIds", []))
    while stapel:
        n = per_id.get(stapel.pop(0))
        if n:
            onder.append(n)
            stapel += n.get("childIds", [])
    return tabel, onder


def test_op_375_px_blijft_een_tabel_voor_een_schermlezer_een_tabel(telefoon, server):
    """Eén blok per rij is alleen opmaak: Chromium geeft een schermlezer nog steeds een tabel met kolomkoppen en cellen,
    en een cel heet niet ook nog naar haar label (dat staat al in de kolomkop)."""
    for pad, bijschrift in ((CASUS, "Schema begeleidingsbehoefte"), (CASUS, "Urenberekening per rij"),
                            (PROTOCOL, "Protocolversies")):
        telefoon.goto(server + pad)
        assert telefoon.evaluate(f"() => getComputedStyle(({JS_TABEL_KNOOP})({bijschrift!r}).querySelector('tbody tr')).display") \
            == "block", f"{pad}: {bijschrift} is op 375 px geen blok per rij"
        tabel, onder = _toegankelijkheidsboom(telefoon, bijschrift)
        rollen = [n["role"]["value"] for n in onder]
        assert tabel["role"]["value"] == "table", f"{pad}: {bijschrift} is voor een schermlezer {tabel['role']['value']}"
        assert tabel.get("name", {}).get("value", "").startswith(bijschrift), "de tabel heet naar haar bijschrift"
        kolommen = telefoon.evaluate(f"() => ({JS_TABEL_KNOOP})({bijschrift!r}).querySelectorAll('thead th').length")
        assert kolommen >= 4 and rollen.count("columnheader") == kolommen, \
            f"{pad}: {bijschrift}: {rollen.count('columnheader')} kolomkoppen voor een schermlezer, {kolommen} in de tabel"
        assert "row" in rollen and "cell" in rollen, f"{pad}: {bijschrift}: rollen {sorted(set(rollen))}"
        labels = telefoon.evaluate(f"() => [...({JS_TABEL_KNOOP})({bijschrift!r}).querySelectorAll('td[data-label]')]"
                                   ".map(td => td.dataset.label)")
        assert labels, f"{pad}: {bijschrift}: geen cel met een label"
        namen = [n.get("name", {}).get("value", "") for n in onder if n["role"]["value"] == "cell"]
        dubbel = [naam for naam in namen if any(naam.startswith(label + " ") for label in set(labels))]
        assert not dubbel, f"{pad}: {bijschrift}: cellen die hun label voorlezen: {dubbel[:3]}"
