"""Maak de PDF van de hele leidraad uit de gebouwde site.

    python -m leidraadsite.nabouw.pdf [--site site] [--config mkdocs.yml]

``make build`` (en ``make publiceer``) doet dit na de bouw en ``python -m leidraadsite.nabouw``. De paden zijn
relatief aan de map waarin u het start (de hoofdmap van het project).

Werkwijze: een gewone bestandsserver op 127.0.0.1 (``leidraadsite.nabouw.chromium``) serveert de gebouwde site; Chromium van Debian
(via Playwright, nooit een download) opent de printversie (plugin print-site) en drukt die af als
PDF: A4, tagged PDF (toegankelijk, taal uit <html lang="nl">), met voettekst op elke pagina
(titel, editie, pagina x van y). Daarna:

1. de inhoudsopgave krijgt paginanummers (tweede afdruk, tot de nummers kloppen);
2. de PDF krijgt een bladwijzerlijst (outline): voorblad, inhoud, dan alle hoofdstukken in de
   volgorde van de navigatie (vet, met hun nummer) met daaronder de tussenkoppen (h2);
3. titel, auteur (deze online editie) en onderwerp (met bron en licentie, zoals op het voorblad) komen in
   de documentgegevens.

Het bestand komt in de hoofdmap van de site: ``leidraad-jobcoach-<editie>.pdf`` (zie
``leidraadsite.inhoud.config``). Elke pagina linkt ernaar ("Download als PDF").
"""

from __future__ import annotations

import argparse
import base64
import html
import io
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from pypdf import PdfReader, PdfWriter
from pypdf.generic import Fit, IndirectObject, NameObject

from leidraadsite.nabouw.chromium import CHROMIUM, CHROMIUM_VLAGGEN, bestandsserver
from leidraadsite.inhoud.config import Uitgave, UitgaveFout, lees_editie

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

MAX_AFDRUKKEN = 4
MARGE_MM = {"top": 18, "bottom": 20, "left": 17, "right": 17}  # gelijk aan @page in print.css
BLADSPIEGEL_PX = round((210 - MARGE_MM["left"] - MARGE_MM["right"]) / 25.4 * 96)  # A4 min marges
# Velden van het voorblad die in de documentgegevens komen (data-pdf-veld in overrides/print/voorblad.html).
VOORBLADVELDEN = ("uitgever", "bron", "licentie")
MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"]

# Wat de printversie in de browser oplevert: de hoofdstukken uit de inhoudsopgave (die de plugin
# uit de navigatie maakt) en per pagina de tussenkoppen (h2).
STRUCTUUR_JS = """
() => {
  const tekst = (el) => {
    const kopie = el.cloneNode(true);
    kopie.querySelectorAll('.headerlink').forEach((a) => a.remove());
    return kopie.textContent.replace(/\\s+/g, ' ').trim();
  };
  const toc = document.querySelector('#print-page-toc nav');
  if (!toc || !toc.querySelector('ul')) return null;
  const hoofdstukken = [];
  toc.querySelectorAll('a.md-nav__link').forEach((a) => {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    const sectie = document.getElementById(id);
    let diepte = 0;
    for (let ul = a.closest('ul').parentElement.closest('ul'); ul && toc.contains(ul);
         ul = ul.parentElement.closest('ul')) diepte++;
    const koppen = [];
    if (sectie && !sectie.classList.contains('md-section')) {
      sectie.querySelectorAll('h2[id]').forEach((h) => {
        if (h.closest('section.print-page') === sectie) koppen.push({id: h.id, titel: tekst(h)});
      });
    }
    hoofdstukken.push({id, titel: tekst(a.querySelector('.md-ellipsis') || a), diepte, koppen,
                       bestaat: sectie !== null});
  });
  // Voorblad en inhoudsopgave krijgen een id en een (onzichtbare) link, zodat Chromium er een
  // benoemde bestemming in de PDF voor maakt; daar wijzen de bladwijzers naar.
  const doelen = document.createElement('div');
  doelen.hidden = true;
  const bestemming = (el, id) => {
    if (!el) return null;
    if (!el.id) el.id = id;
    const a = document.createElement('a');
    a.href = '#' + el.id;
    doelen.appendChild(a);
    return {id: el.id, titel: tekst(el.matches('h1') ? el : el.querySelector('h1') || el)};
  };
  const voorblad = bestemming(document.querySelector('#print-site-cover-page'), 'print-site-cover-page');
  const inhoud = bestemming(document.querySelector('#print-page-toc h1'), 'pdf-inhoud');
  document.body.appendChild(doelen);
  // Uitgever, bron en licentie voor de documentgegevens: zoals ze op het voorblad staan.
  const gegevens = {};
  document.querySelectorAll('#print-site-cover-page [data-pdf-veld]').forEach((el) => {
    gegevens[el.dataset.pdfVeld] = el.textContent.replace(/\\s+/g, ' ').trim();
  });
  return {hoofdstukken, voorblad, inhoud, gegevens};
}
"""

ZET_PAGINANUMMERS_JS = """
(nummers) => {
  document.querySelectorAll('#print-page-toc a.md-nav__link').forEach((a) => {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    let span = a.querySelector('.toc-pagina');
    if (!span) {
      span = document.createElement('span');
      span.className = 'toc-pagina';
      a.appendChild(span);
    }
    span.textContent = String(nummers[id]);
  });
}
"""


# Tabellen passend maken voor A4. print.css laat woorden heel (overflow-wrap: break-word). Is een
# tabel dan toch breder dan de bladspiegel, dan zou Chromium de hele pagina verkleinen. Daarom, per
# te brede tabel: eerst een iets kleinere letter (attribuut data-print-smal: een klasse op de tabel
# zou de tabelopmaak van Material uitzetten, die geldt voor table:not([class])); past hij nog niet, dan mogen
# lange woorden afbreken in de kolom met de meeste tekst (klasse print-afbreken), kolom voor kolom,
# tot de tabel past. Zo breken zo min mogelijk woorden. Geeft per tabel wat er is aangepast.
PAS_TABELLEN_JS = """
(breedte) => {
  const past = (tabel) => tabel.getBoundingClientRect().width <= breedte + 1;
  const aangepast = [];
  document.querySelectorAll('#print-site-page table').forEach((tabel, n) => {
    if (past(tabel)) return;
    const bijschrift = tabel.querySelector('caption');
    const melding = {tabel: bijschrift ? bijschrift.textContent.trim() : `tabel ${n + 1}`, kolommen: []};
    tabel.setAttribute('data-print-smal', '');
    const kolommen = new Map();
    for (const rij of tabel.rows) {
      for (const cel of rij.cells) {
        const k = kolommen.get(cel.cellIndex) || {cellen: [], tekst: 0, kop: ''};
        k.cellen.push(cel);
        k.tekst = Math.max(k.tekst, cel.textContent.trim().length);
        if (cel.tagName === 'TH' && !k.kop) k.kop = cel.textContent.trim();
        kolommen.set(cel.cellIndex, k);
      }
    }
    const opVolgorde = [...kolommen.values()].sort((a, b) => b.tekst - a.tekst);
    for (const k of opVolgorde) {
      if (past(tabel)) break;
      // Maak de kolom precies zo veel smaller als de tabel te breed is; alleen woorden die dan
      // niet meer passen, breken af. De andere kolommen houden hun breedte.
      const teBreed = tabel.getBoundingClientRect().width - breedte;
      const nieuw = Math.floor(k.cellen[0].getBoundingClientRect().width - teBreed - 1);
      if (nieuw < 40) continue;
      k.cellen.forEach((cel) => {
        cel.classList.add('print-afbreken');
        cel.style.width = `${nieuw}px`;
        cel.style.maxWidth = `${nieuw}px`;
      });
      melding.kolommen.push(k.kop);
    }
    aangepast.push(melding);
  });
  const breed = [...document.querySelectorAll('#print-site-page *')]
    .filter((el) => el.getBoundingClientRect().right > breedte + 1)
    .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ': ' + el.textContent.trim().slice(0, 60));
  return {aangepast, breed: breed.slice(0, 5)};
}
"""


class PdfFout(Exception):
    """De PDF kan niet gemaakt worden; de melding zegt waarom."""


_BEGIN = time.monotonic()


def meld(tekst: str) -> None:
    print(f"pdf: [{time.monotonic() - _BEGIN:4.1f} s] {tekst}", flush=True)


VOET_LETTERTYPE = "fonts/dejavu-sans-latin-400-normal.woff2"  # in de gebouwde site (docs/fonts/, tools/fonts.sh)


def voettekst(editie: Uitgave, lettertype: bytes | None = None) -> str:
    """De lopende voettekst (HTML voor Chromium): titel, editie, datum van de editie en pagina x van y.

    Het webadres van elke pagina staat in de kopregel (CSS in de printversie, zie leidraadsite.nabouw.printversie).
    ``lettertype``: het lettertype van de site (woff2); Chromium maakt de voettekst los van de pagina, dus het gaat
    erin mee als data-URL. Zo hangt ook de voettekst niet af van de lettertypen van de computer."""
    datum = f"{editie.datum.day} {MAANDEN[editie.datum.month - 1]} {editie.datum.year}"
    stijl = "font-size: 8pt; color: #444; width: 100%; margin: 0 17mm; display: flex;"
    if lettertype:
        bron = "data:font/woff2;base64," + base64.b64encode(lettertype).decode("ascii")
        kop = (f'<style>@font-face {{ font-family: "Leidraad Voet"; src: url("{bron}") format("woff2"); }}</style>')
        stijl = "font-family: 'Leidraad Voet', sans-serif; " + stijl  # enkele aanhalingstekens: binnen style="…"
    else:
        kop, stijl = "", "font-family: sans-serif; " + stijl
    return (
        kop + f'<div style="{stijl}">'
        f'<span style="flex: 1">{html.escape(editie.site_naam)} · editie {html.escape(editie.editie)} · {datum}</span>'
        '<span>pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span>'
        "</div>"
    )


def bestemmingspaginas(pdf: bytes) -> tuple[int, dict[str, int], dict[str, tuple[float, float]]]:
    """Het aantal pagina's, en per id (benoemde bestemming in de PDF) het paginanummer (vanaf 0) en de
    plek op de pagina."""
    lezer = PdfReader(io.BytesIO(pdf))
    paginas: dict[str, int] = {}
    plekken: dict[str, tuple[float, float]] = {}
    for naam, bestemming in lezer.named_destinations.items():
        id_ = naam[1:] if naam.startswith("/") else naam
        nummer = lezer.get_destination_page_number(bestemming)
        if nummer is None:  # een bestemming zonder pagina: niets om naar te verwijzen
            continue
        paginas[id_] = nummer
        plekken[id_] = (float(bestemming.left or 0), float(bestemming.top or 0))
    return len(lezer.pages), paginas, plekken


# De lettertypen van de site zelf (print.css, @font-face 'Leidraad Sans' en 'Leidraad Mono'; tools/fonts.sh). Ze
# worden hier eerst helemaal geladen: anders meet pas_breedte_aan met een lettertype van de computer.
LAAD_LETTERTYPEN_JS = """async () => {
  const eigen = [...document.fonts].filter((f) => f.family.replace(/"/g, '').startsWith('Leidraad '));
  await Promise.all(eigen.map((f) => f.load().catch(() => null)));
  return eigen.map((f) => ({familie: f.family, stijl: f.style, gewicht: f.weight, status: f.status}));
}"""


def laad_lettertypen(pagina: Page) -> None:
    """Laad de lettertypen van de site; stop met een melding als er een ontbreekt (dan hangt de PDF van de computer af)."""
    lettertypen = pagina.evaluate(LAAD_LETTERTYPEN_JS)
    fout = [f"{f['familie']} {f['stijl']} {f['gewicht']}: {f['status']}" for f in lettertypen if f["status"] != "loaded"]
    if not lettertypen or fout:
        raise PdfFout("de lettertypen van de site (docs/fonts/, @font-face in print.css) laden niet"
                      + (":\n" + "\n".join(fout) if fout else "; print.css noemt er geen"))
    meld(f"{len(lettertypen)} lettertypen van de site geladen")


def pas_breedte_aan(pagina: Page) -> None:
    """Zorg dat niets breder is dan de bladspiegel, zodat Chromium de pagina's niet verkleint."""
    pagina.emulate_media(media="print")
    pagina.set_viewport_size({"width": BLADSPIEGEL_PX, "height": 1000})
    laad_lettertypen(pagina)
    uitkomst = pagina.evaluate(PAS_TABELLEN_JS, BLADSPIEGEL_PX)
    for t in uitkomst["aangepast"]:
        afbreken = f"; lange woorden mogen afbreken in kolom {', '.join(t['kolommen'])}" if t["kolommen"] else ""
        meld(f"tabel '{t['tabel']}' is te breed voor A4: kleinere letter{afbreken}")
    if uitkomst["breed"]:
        raise PdfFout(
            f"breder dan de bladspiegel ({BLADSPIEGEL_PX} px), dus Chromium zou de pagina's verkleinen:\n"
            + "\n".join(uitkomst["breed"])
        )


def afdruk(pagina: Page, editie: Uitgave, lettertype: bytes | None = None) -> bytes:
    return pagina.pdf(
        format="A4",
        print_background=True,
        tagged=True,
        outline=False,  # de bladwijzers maakt deze module zelf, in de volgorde van de navigatie
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=voettekst(editie, lettertype),
        margin={"top": f"{MARGE_MM['top']}mm", "bottom": f"{MARGE_MM['bottom']}mm",
                "left": f"{MARGE_MM['left']}mm", "right": f"{MARGE_MM['right']}mm"},
        prefer_css_page_size=False,
    )


def druk_printversie_af(pagina: Page, basis: str, editie: Uitgave, voet_lettertype: bytes | None,
                        eerder: dict[str, int] | None = None) -> tuple[bytes, dict[str, Any], int, dict[str, int],
                                                                       dict[str, tuple[float, float]]]:
    """Laad de printversie in ``pagina`` en druk haar af, tot de paginanummers in de inhoudsopgave kloppen met de PDF.

    ``eerder``: de bladzijden (vanaf 0, per id) uit een eerdere PDF van dezelfde printversie (``bestemmingspaginas``);
    de inhoudsopgave begint dan met die nummers, en kloppen ze, dan is één afdruk genoeg. Geeft de PDF, de structuur
    van de printversie, het aantal bladzijden en per id de bladzijde (vanaf 0) en de plek erop."""
    pagina.goto(f"{basis}/{editie.printpagina_pad.removesuffix('index.html')}", wait_until="load")
    structuur = pagina.evaluate(STRUCTUUR_JS)
    if structuur is None:
        raise PdfFout("de printversie heeft geen inhoudsopgave (print-site: add_table_of_contents: true).")
    zonder_gegevens = [v for v in VOORBLADVELDEN if not structuur["gegevens"].get(v)]
    if zonder_gegevens:
        raise PdfFout("het voorblad (overrides/print/voorblad.html) mist de velden met data-pdf-veld: "
                      + ", ".join(zonder_gegevens))
    ontbrekend = [h["id"] for h in structuur["hoofdstukken"] if not h["bestaat"]]
    if ontbrekend:
        raise PdfFout(f"de inhoudsopgave verwijst naar hoofdstukken die er niet zijn: {', '.join(ontbrekend)}")
    pagina.evaluate("(t) => { document.title = t; }", f"{editie.site_naam}, editie {editie.editie}")
    pas_breedte_aan(pagina)

    # Afdrukken tot de paginanummers in de inhoudsopgave kloppen met de PDF.
    ids = [h["id"] for h in structuur["hoofdstukken"]]
    vaste_ids = [v["id"] for v in (structuur["voorblad"], structuur["inhoud"]) if v]
    gezet: dict[str, int] | None = None
    if eerder is not None and all(i in eerder for i in ids):
        gezet = {i: eerder[i] + 1 for i in ids}
        pagina.evaluate(ZET_PAGINANUMMERS_JS, gezet)
    for poging in range(1, MAX_AFDRUKKEN + 1):
        pdf = afdruk(pagina, editie, voet_lettertype)
        aantal, paginas, plekken = bestemmingspaginas(pdf)
        zonder = [i for i in ids + vaste_ids if i not in paginas]
        if zonder:
            raise PdfFout(f"geen plek in de PDF voor hoofdstuk(ken): {', '.join(zonder)}")
        nieuw = {i: paginas[i] + 1 for i in ids}
        if nieuw == gezet:
            meld(f"afdruk {poging}: paginanummers in de inhoudsopgave kloppen")
            return pdf, structuur, aantal, paginas, plekken
        pagina.evaluate(ZET_PAGINANUMMERS_JS, nieuw)
        gezet = nieuw
        meld(f"afdruk {poging}: {aantal} pagina's; paginanummers in de inhoudsopgave gezet")
    raise PdfFout(f"de paginanummers in de inhoudsopgave kloppen na {MAX_AFDRUKKEN} afdrukken nog niet")


def maak_pdf(site: Path, editie: Uitgave) -> Path:
    begin = time.monotonic()
    printpagina = site / editie.printpagina_pad
    voet = site / VOET_LETTERTYPE
    voet_lettertype = voet.read_bytes() if voet.is_file() else None
    if not printpagina.is_file():
        raise PdfFout(
            f"de printversie ontbreekt: {printpagina}. Bouw eerst de site (mkdocs build) met de plugin print-site."
        )
    if not Path(CHROMIUM).is_file():
        raise PdfFout(f"Chromium ontbreekt op {CHROMIUM}; voer tools/chromium.sh uit (make test en make build doen dat).")

    from playwright.sync_api import sync_playwright  # pas hier: alleen het afdrukken heeft de browser nodig

    andere_hosts: list[str] = []
    with bestandsserver(site) as basis, sync_playwright() as pw:
        eigen_host = urlparse(basis).netloc
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_VLAGGEN)
        try:
            context = browser.new_context(locale="nl-NL")
            pagina = context.new_page()

            def alleen_eigen_server(route: Route) -> None:
                url = route.request.url
                if urlparse(url).netloc == eigen_host or url.startswith(("data:", "blob:")):
                    route.continue_()
                else:
                    andere_hosts.append(url)
                    route.abort()

            pagina.route("**/*", alleen_eigen_server)
            meld(f"Chromium gestart; printversie laden ({editie.printpagina_pad})")
            pdf, structuur, aantal, paginas, plekken = druk_printversie_af(pagina, basis, editie, voet_lettertype)
        finally:
            browser.close()
    if andere_hosts:
        raise PdfFout("de printversie vraagt bestanden van andere hosts (niet toegestaan):\n" + "\n".join(andere_hosts))

    doel = site / editie.pdf_bestand
    schrijf_pdf(pdf, structuur, paginas, plekken, editie, doel)
    meld(
        f"{doel} ({aantal} pagina's, {doel.stat().st_size / 1024:.0f} kB) "
        f"gemaakt in {time.monotonic() - begin:.1f} s"
    )
    return doel


def schrijf_pdf(
    pdf: bytes,
    structuur: dict,
    paginas: dict[str, int],
    plekken: dict[str, tuple[float, float]],
    editie: Uitgave,
    doel: Path,
) -> None:
    """Voeg bladwijzers en documentgegevens toe en schrijf de PDF weg (de tags blijven staan)."""
    schrijver = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    wortel = schrijver.root_object
    if "/Outlines" in wortel:
        del wortel["/Outlines"]

    def bladwijzer(titel: str, id_: str, ouder: IndirectObject | None = None, *, hoofdstuk: bool = False) -> IndirectObject:
        links, boven = plekken[id_]
        return schrijver.add_outline_item(
            title=titel, page_number=paginas[id_], parent=ouder, fit=Fit.xyz(links, boven, 0), bold=hoofdstuk
        )

    for vast in (structuur["voorblad"], structuur["inhoud"]):
        if vast is not None:
            bladwijzer(vast["titel"], vast["id"])
    ouders: list = []  # ouders[d] = laatste bladwijzer op diepte d
    zonder_plek: list[str] = []
    for h in structuur["hoofdstukken"]:
        d = h["diepte"]
        ouder = ouders[d - 1] if d > 0 else None
        item = bladwijzer(h["titel"], h["id"], ouder, hoofdstuk=True)  # vet: hoofdstuk uit de navigatie
        ouders[d:] = [item]
        for kop in h["koppen"]:
            if kop["id"] in paginas:
                bladwijzer(kop["titel"], kop["id"], item)
            else:
                zonder_plek.append(kop["titel"])
    if zonder_plek:  # een kop zonder id of zonder link ernaartoe: geen bestemming in de PDF
        meld(f"let op: {len(zonder_plek)} tussenkop(pen) zonder plek in de PDF, niet in de bladwijzers: "
             + "; ".join(zonder_plek))
    wortel[NameObject("/PageMode")] = NameObject("/UseOutlines")
    schrijver.add_metadata(documentgegevens(editie, structuur["gegevens"]))
    tijdelijk = doel.with_suffix(".pdf.tmp")
    with tijdelijk.open("wb") as uit:
        schrijver.write(uit)
    tijdelijk.replace(doel)


def documentgegevens(editie: Uitgave, voorblad: dict[str, str]) -> dict[str, str]:
    """Titel, auteur en onderwerp van de PDF. De uitgever is deze online editie, niet het AKC of de NVvA; de
    leidraad van het AKC en de NVvA is de bron. Uitgever, bron en licentie komen van het voorblad."""
    datum = f"{editie.datum.day} {MAANDEN[editie.datum.month - 1]} {editie.datum.year}"
    return {
        "/Title": f"{editie.site_naam}, editie {editie.editie}",
        "/Author": voorblad["uitgever"],
        "/Subject": (
            f"{editie.site_naam}, editie {editie.editie} van {datum}. Bron: {voorblad['bron']}, status: "
            f"{editie.status}. Licentie: {voorblad['licentie']}"
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m leidraadsite.nabouw.pdf",
                                     description="Maak de PDF van de hele leidraad uit de gebouwde site.")
    parser.add_argument("--site", type=Path, default=Path("site"), help="map van de gebouwde site (standaard: site)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="mkdocs.yml (standaard: die in de huidige map)")
    args = parser.parse_args(argv)
    try:
        maak_pdf(args.site, lees_editie(args.config))
    except (UitgaveFout, PdfFout) as fout:
        print(f"pdf: fout: {fout}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
