"""Markdown-extensie: gewone Markdown-tabellen krijgen kolomnamen bij elke cel, rollen, en datums die heel blijven.

Op een smal scherm toont de site een tabel met twee of meer kolommen als één blok per rij, met de
kolomnaam als label bij elke cel (docs/stylesheets/jobcoach.css, blok "Tabellen"). Wat een tabel daarvoor nodig heeft
(``data-blokken``, ``data-label``, de rollen, ``span class="tabel-heel"`` om datums, ``<wbr>`` na een schuine streep
tussen twee woorden) beschrijft ``jobcoach.html``; daar krijgen de tabellen die Python maakt (casussen, protocollen,
prestaties, Regioplan, herstellingen) het meteen, en de rekenhulp maakt het zelf (rekenhulp.js).

Deze extensie doet hetzelfde voor de tabellen die Markdown zelf maakt (``| a | b |`` en tabellen in ``md_in_html``),
op de boom van Python-Markdown, voordat die tekst wordt: geen tweede keer HTML ontleden. HTML die als blok in de pagina
staat (uit de macro's, via ``leidraadsite.weergave.htmlblok``) ziet ze niet; die is al af. ``tests/test_tabellen.py`` eist dat
elke tabel van de gebouwde site haar labels en rollen heeft.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree  # noqa: N813 - zoals Python-Markdown

from markdown import Extension, Markdown, util
from markdown.treeprocessors import Treeprocessor

from jobcoach.html import HEEL, LABEL_MAX, MIN_KOLOMMEN, VEEL_KOLOMMEN

_DELEN = ("thead", "tbody", "tfoot")
_TAG = re.compile(r"<[^>]*>")


def _zet(el: etree.Element, kenmerken: dict[str, str]) -> None:
    """Extra kenmerken achter de bestaande; een kenmerk dat er al is, blijft zoals het is."""
    for k, v in kenmerken.items():
        if k not in el.attrib:
            el.set(k, v)


def _breedte(cel: etree.Element) -> int:
    span = cel.get("colspan") or "1"
    return max(1, int(span)) if span.isdigit() else 1


def _stukken(tekst: str) -> tuple[str, list[etree.Element]] | None:
    """De tekst tot de eerste datum (of tot en met de eerste schuine streep tussen twee woorden), en daarna een element
    per treffer (``span class="tabel-heel"`` of ``wbr``) met de tekst erna als staart."""
    eerste = ""
    nieuw: list[etree.Element] = []
    plek = 0
    for t in HEEL.finditer(tekst):
        ervoor = tekst[plek:t.start()]
        if t.group(0) == "/":
            ervoor += "/"  # de streep blijft staan; daarna mag de regel afbreken: '/<wbr>'
            el = etree.Element("wbr")
        else:
            el = etree.Element("span", {"class": "tabel-heel"})
            el.text = t.group(0)
        if nieuw:
            nieuw[-1].tail = ervoor
        else:
            eerste = ervoor
        nieuw.append(el)
        plek = t.end()
    if not nieuw:
        return None
    nieuw[-1].tail = tekst[plek:]
    return eerste, nieuw


class _Tabellen(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self._zoek(root)

    def _zoek(self, el: etree.Element) -> None:
        for kind in el:
            if kind.tag == "table":
                self._markeer(kind)  # een tabel in een cel van deze tabel blijft zoals hij is
            else:
                self._zoek(kind)

    def _tekst(self, el: etree.Element) -> str:
        """De tekst van een cel zoals de browser hem leest: ook die van ingevoegde HTML (de plaatshouders)."""
        tekst = "".join(el.itertext()).replace(util.AMP_SUBSTITUTE, "&")
        blokken = self.md.htmlStash.rawHtmlBlocks

        def ruw(t: re.Match[str]) -> str:
            i = int(t.group(1))
            return _TAG.sub("", str(blokken[i])) if i < len(blokken) else ""

        return html.unescape(util.HTML_PLACEHOLDER_RE.sub(ruw, tekst))

    def _markeer(self, tabel: etree.Element) -> None:
        rijen: list[tuple[str, etree.Element]] = []
        for groep in tabel:
            if groep.tag in _DELEN:
                rijen += [(groep.tag, rij) for rij in groep if rij.tag == "tr"]
            elif groep.tag == "tr":
                rijen.append(("tbody", groep))
        koprijen = [rij for deel, rij in rijen if deel == "thead"]
        namen: list[str] = []
        if koprijen:
            for cel in koprijen[-1]:
                if cel.tag in ("th", "td"):
                    namen += [" ".join(self._tekst(cel).split())[:LABEL_MAX]] * _breedte(cel)
        blokken = len(namen) >= MIN_KOLOMMEN
        if blokken:
            _zet(tabel, {"data-blokken": "", "role": "table"})
            if len(namen) >= VEEL_KOLOMMEN:
                _zet(tabel, {"data-veel-kolommen": ""})
            for groep in tabel:
                if groep.tag in _DELEN:
                    _zet(groep, {"role": "rowgroup"})
        for deel, rij in rijen:
            if blokken:
                _zet(rij, {"role": "row"})
            kolom = 0
            for cel in rij:
                if cel.tag not in ("th", "td"):
                    continue
                if blokken:
                    if cel.tag == "th" and (deel == "thead" or cel.get("scope") in ("col", "colgroup")):
                        _zet(cel, {"role": "columnheader"})
                    elif cel.tag == "th":
                        _zet(cel, {"role": "rowheader"})
                    else:
                        extra = {"role": "cell"}
                        if kolom < len(namen) and _breedte(cel) < len(namen) and namen[kolom]:
                            extra["data-label"] = namen[kolom]
                        _zet(cel, extra)
                _heel(cel)
                kolom += _breedte(cel)


def _heel(el: etree.Element) -> None:
    """Datums en schuine streepjes in de tekst van ``el`` en alles daarin (niet in de staart van de cel zelf)."""
    kinderen = list(el)
    for kind in kinderen:
        _heel(kind)
    if el.text:
        stukken = _stukken(el.text)
        if stukken:
            el.text = stukken[0]
            for i, nieuw in enumerate(stukken[1]):
                el.insert(i, nieuw)
    for kind in kinderen:
        if kind.tail:
            stukken = _stukken(kind.tail)
            if stukken:
                kind.tail = stukken[0]
                plek = list(el).index(kind)
                for i, nieuw in enumerate(stukken[1], start=1):
                    el.insert(plek + i, nieuw)


class TabellenExtension(Extension):
    """Elke Markdown-tabel van een pagina krijgt haar labels en rollen, onder elke bouwer (MkDocs, ProperDocs en Zensical
    draaien allemaal Python-Markdown met de extensies uit mkdocs.yml)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - naam komt van Python-Markdown
        md.registerExtension(self)
        # Als laatste op de boom: na de inline-opmaak (20), attr_list (8), de afkortingen (6 en 7) en na het terugzetten
        # van ontsnapte tekens (unescape, 0), zodat de tekst van elke cel is zoals de lezer hem ziet.
        md.treeprocessors.register(_Tabellen(md), "jobcoach_tabellen", -1)


def makeExtension(**kwargs: object) -> TabellenExtension:  # noqa: N802 - naam komt van Python-Markdown
    return TabellenExtension(**kwargs)
