"""Tabellen die op elk scherm en op papier heel blijven: kolomnamen bij elke cel, rollen, datums heel.

Op een smal scherm toont de site een tabel met twee of meer kolommen als één blok per rij, met de
kolomnaam als label bij elke cel (docs/stylesheets/jobcoach.css, blok "Tabellen"). Daarvoor krijgt elke datacel hier
de naam van haar kolom (``data-label``) en de tabel het kenmerk ``data-blokken`` (vanaf zeven kolommen
ook ``data-veel-kolommen``: op papier een kleinere letter). Geen klasse op de
tabel: Material maakt alleen ``table:not([class])`` op.

Omdat de opmaak de tabel dan als blokken toont, krijgen de tabel, de rijgroepen, de rijen en de cellen
ook hun rol (``role="table"`` enz.). Zo blijft het voor een schermlezer een tabel, ook in browsers die
de tabelbetekenis laten vallen zodra de CSS ``display`` verandert.

Datums in cellen (dd-mm-jjjj) staan in een ``span class="tabel-heel"``: een regel breekt er niet
middenin (niet na een streepje), ook niet op papier. Na een schuine streep tussen twee woorden mag een
regel wel afbreken (``<wbr>``), zodat 'HRM/Personeelsbeleid/Personeelsmanagement' in een smalle cel past.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

MIN_KOLOMMEN = 2  # vanaf zoveel kolommen wordt een tabel op een smal scherm blokken
VEEL_KOLOMMEN = 7  # vanaf zoveel kolommen krijgt een tabel op papier een kleinere letter (print.css)
DATUM = r"(?<![\w-])\d{1,2}-\d{1,2}-\d{4}(?![\w-])"
SCHUIN = r"(?<=[^\W\d_])/(?=[^\W\d_])"  # een schuine streep tussen twee letters
HEEL = re.compile(f"{DATUM}|{SCHUIN}")
LABEL_MAX = 80  # tekens van een kolomnaam in het label


@dataclass
class _Cel:
    tag: str
    begin: int  # begin van de begintag
    einde_tag: int  # einde van de begintag
    attrs: dict[str, str | None]
    deel: str  # thead, tbody of tfoot
    eind: int = -1  # begin van de eindtag
    tekst: list[str] = field(default_factory=list)

    @property
    def breedte(self) -> int:
        try:
            return max(1, int(self.attrs.get("colspan") or 1))
        except ValueError:
            return 1


@dataclass
class _Tabel:
    begin: int
    einde_tag: int
    delen: list[tuple[str, int, int]] = field(default_factory=list)  # (tag, begin, einde begintag)
    rijen: list[tuple[str, int, int, list[_Cel]]] = field(default_factory=list)  # (deel, begin, einde begintag, cellen)


class _Lezer(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.regelbegin = [0] + [m.end() for m in re.finditer("\n", html)]
        self.tabellen: list[_Tabel] = []
        self._tabel: _Tabel | None = None
        self._diepte = 0
        self._deel = "tbody"
        self._cel: _Cel | None = None

    def _plek(self) -> int:
        regel, kolom = self.getpos()
        return self.regelbegin[regel - 1] + kolom

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._diepte += 1
            if self._diepte == 1:
                begin = self._plek()
                self._tabel = _Tabel(begin, begin + len(self.get_starttag_text() or ""))
                self._deel = "tbody"
            return
        if self._tabel is None or self._diepte != 1:
            return
        begin = self._plek()
        einde = begin + len(self.get_starttag_text() or "")
        if tag in ("thead", "tbody", "tfoot"):
            self._deel = tag
            self._tabel.delen.append((tag, begin, einde))
        elif tag == "tr":
            self._tabel.rijen.append((self._deel, begin, einde, []))
        elif tag in ("td", "th") and self._tabel.rijen:
            self._cel = _Cel(tag, begin, einde, dict(attrs), self._deel)
            self._tabel.rijen[-1][3].append(self._cel)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            if self._diepte == 1 and self._tabel is not None:
                self.tabellen.append(self._tabel)
                self._tabel = None
            self._diepte = max(0, self._diepte - 1)
        elif tag in ("td", "th") and self._cel is not None and self._diepte == 1:
            self._cel.eind = self._plek()
            self._cel = None
        elif tag in ("thead", "tbody", "tfoot"):
            self._deel = "tbody"

    def handle_data(self, data: str) -> None:
        if self._cel is not None and self._diepte == 1:
            self._cel.tekst.append(data)


def _kolomnamen(tabel: _Tabel) -> list[str]:
    """De naam van elke kolom: de tekst van de kopcel in de laatste rij van thead (met colspan)."""
    koprijen = [cellen for deel, _, _, cellen in tabel.rijen if deel == "thead"]
    if not koprijen:
        return []
    namen: list[str] = []
    for cel in koprijen[-1]:
        naam = " ".join("".join(cel.tekst).split())[:LABEL_MAX]
        namen += [naam] * cel.breedte
    return namen


def _met_kenmerken(begintag: str, extra: dict[str, str]) -> str:
    """De begintag met extra kenmerken (bestaande kenmerken blijven; een kenmerk dat er al is, niet dubbel)."""
    bestaand = set(re.findall(r"\s([\w:-]+)(?==|\s|/?>)", begintag))
    toe = "".join(f' {k}="{escape(v)}"' for k, v in extra.items() if k not in bestaand)
    sluit = begintag.rstrip()
    einde = 2 if sluit.endswith("/>") else 1
    return sluit[:-einde] + toe + sluit[-einde:]


def _datums_heel(inhoud: str) -> str:
    """Zet elke datum in de tekst (niet in een tag of kenmerk) in een span die niet afbreekt, en geef een schuine
    streep tussen twee woorden een plek om af te breken (``<wbr>``: 'HRM/Personeelsbeleid/Personeelsmanagement')."""
    stukken = re.split(r"(<[^>]*>)", inhoud)
    for i in range(0, len(stukken), 2):
        stukken[i] = HEEL.sub(lambda m: "/<wbr>" if m.group(0) == "/" else f'<span class="tabel-heel">{m.group(0)}</span>',
                              stukken[i])
    return "".join(stukken)


def markeer_tabellen(html: str) -> str:
    """Geef elke tabel van twee of meer kolommen labels en rollen; zet datums in cellen heel (zie boven)."""
    if "<table" not in html:
        return html
    lezer = _Lezer(html)
    lezer.feed(html)
    lezer.close()
    vervang: list[tuple[int, int, str]] = []  # (begin, einde, nieuwe tekst)

    def tag(begin: int, einde: int, extra: dict[str, str]) -> None:
        vervang.append((begin, einde, _met_kenmerken(html[begin:einde], extra)))

    for tabel in lezer.tabellen:
        namen = _kolomnamen(tabel)
        blokken = len(namen) >= MIN_KOLOMMEN
        if blokken:
            extra_tabel = {"data-blokken": "", "role": "table"}
            if len(namen) >= VEEL_KOLOMMEN:
                extra_tabel["data-veel-kolommen"] = ""
            tag(tabel.begin, tabel.einde_tag, extra_tabel)
            for _, begin, einde in tabel.delen:
                tag(begin, einde, {"role": "rowgroup"})
        for deel, begin, einde, cellen in tabel.rijen:
            if blokken:
                tag(begin, einde, {"role": "row"})
            kolom = 0
            for cel in cellen:
                extra: dict[str, str] = {}
                if blokken:
                    if cel.tag == "th" and (deel == "thead" or cel.attrs.get("scope") in ("col", "colgroup")):
                        extra["role"] = "columnheader"
                    elif cel.tag == "th":
                        extra["role"] = "rowheader"
                    else:
                        extra["role"] = "cell"
                        if kolom < len(namen) and cel.breedte < len(namen) and namen[kolom]:
                            extra["data-label"] = namen[kolom]
                if extra:
                    tag(cel.begin, cel.einde_tag, extra)
                if cel.eind > cel.einde_tag:
                    inhoud = html[cel.einde_tag:cel.eind]
                    nieuw = _datums_heel(inhoud)
                    if nieuw != inhoud:
                        vervang.append((cel.einde_tag, cel.eind, nieuw))
                kolom += cel.breedte
    uit = []
    plek = 0
    for begin, einde, tekst in sorted(vervang):
        uit += [html[plek:begin], tekst]
        plek = einde
    uit.append(html[plek:])
    return "".join(uit)


# --- als Markdown-extensie (mkdocs.yml: markdown_extensions: - leidraadsite.weergave.tabellen) --------------------------


class _Markeer(Postprocessor):
    def run(self, text: str) -> str:
        return markeer_tabellen(text) if "<table" in text else text


class TabellenExtension(Extension):
    """Elke tabel van een pagina, ook die uit de macro's, krijgt haar labels en rollen zodra Markdown klaar is:
    onder elke bouwer, vóór de zoekfunctie en de printversie de pagina lezen."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - naam komt van Python-Markdown
        md.registerExtension(self)
        # Na het terugzetten van de HTML (raw_html, 30) en na de controle van leidraadsite.weergave.htmlblok (5).
        md.postprocessors.register(_Markeer(md), "jobcoach_tabellen", 4)


def makeExtension(**kwargs: object) -> TabellenExtension:  # noqa: N802 - naam komt van Python-Markdown
    return TabellenExtension(**kwargs)
