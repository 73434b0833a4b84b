"""Alle pagina's van de gebouwde site in Chromium: toegankelijk (axe-core, WCAG 2.1 AA), privé, telefoon.

De rondgang (rondgang.py, één keer per run) bezoekt elke pagina uit ``sitemap.xml`` (plus de 404-pagina) op
1280 px en meet van elke pagina ook de opmaak in een venster van 375 px; de telefoonrondgang (375 px,
aanraakscherm) bezoekt de hoofdpagina's. Per bezoek wordt vastgelegd: elk netwerkverzoek, de uitslag van
axe-core, de taal, de breedte van de pagina en hoe de tabellen schuiven. De tests hieronder toetsen die metingen
en noemen bij een fout de pagina, de regel en het element. De rondgang print hoe lang hij duurde.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from .hulp import (
    ARTEFACTEN,
    AXE_TAGS,
    AXE_VERSIE,
    SMAL,
    hoofdpaginas,
    kenmerken,
    meld_fouten,
    paginasoort,
    sitemap_paden,
    sjabloon,
)


def test_alle_paginas_uit_de_sitemap_worden_bezocht(site, rondgang_breed, rondgang_smal):
    verwacht = sitemap_paden(site)
    for rondgang, moet in ((rondgang_breed, verwacht), (rondgang_smal, hoofdpaginas(site))):
        bezocht = [b.pad for b in rondgang]
        assert set(moet) <= set(bezocht), f"Niet bezocht: {sorted(set(moet) - set(bezocht))}"
        fout = [(b.pad, b.metingen["status"]) for b in rondgang if b.metingen["status"] != 200]
        assert not fout, f"Pagina's die niet goed laden (pad, HTTP-status): {fout}"
    # axe-core, 375 px en afdruk: elk sjabloon en elke soort inhoud op minstens één pagina (hulp.voorbeeldpaginas).
    # De hoofdpagina's toetst axe-core daarnaast in de telefoonrondgang, op 375 px.
    volledig = [b.pad for b in rondgang_breed if b.volledig]
    gedekt = set().union(*(kenmerken(site, pad) for pad in volledig))
    zonder = {pad: sorted(kenmerken(site, pad) - gedekt) for pad in (b.pad for b in rondgang_breed)}
    zonder = {pad: rest for pad, rest in zonder.items() if rest}
    assert not zonder, f"Sjablonen of soorten inhoud zonder volledig bezoek (pad: kenmerken): {zonder}"
    assert len(volledig) < len(rondgang_breed) / 2, f"{len(volledig)} van {len(rondgang_breed)} pagina's volledig"
    zonder_smal = [b.pad for b in rondgang_breed if b.volledig and not (b.smal and b.afdruk and b.metingen)]
    assert not zonder_smal, f"Geen meting op 375 px of op papier: {zonder_smal}"
    print(f"\nVolledig bezocht ({len(volledig)} van {len(rondgang_breed)}): sjabloon, soorten inhoud:\n" + "\n".join(
        f"  {pad:<58} {sjabloon(pad):<14} {', '.join(paginasoort(site, pad)[1]) or '-'}" for pad in volledig))


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
                "paginas": [b.pad for b in rondgang if b.volledig],
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
    # De late verzoeken van de zoekfunctie (rondgang.py) zijn op minstens één pagina van elke diepte afgewacht.
    diepte = lambda pad: pad.rstrip("/").count("/")  # noqa: E731
    zonder = {diepte(b.pad) for b in rondgang_breed} - {diepte(b.pad) for b in rondgang_breed if b.metingen.get("zoeker")}
    assert not zonder, f"op geen pagina van diepte {sorted(zonder)} is op de zoekfunctie gewacht"
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
    return [(f"{b.pad} (venster 375 px)", b.smal) for b in rondgang_breed if b.volledig] + [
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
    # Sinds een tabel op 375 px één blok per rij is, schuift er geen tabel meer (test_tabellen.py eist dat). Deze test
    # blijft voor wat toch breder wordt: dan moet het schuifvak met het toetsenbord te bedienen zijn.
    assert not fout, meld_fouten("Tabellen die op een telefoon niet goed schuiven", fout)
    if breed:
        print("\nTabellen die op 375 px binnen hun eigen vak schuiven:\n  " + "\n  ".join(breed))
