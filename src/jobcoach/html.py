"""HTML van de tabellen en bevindingen van een berekende casus, voor de site.

Elke tekst in een cel wordt ge-escaped: tekst uit een casusbestand komt nooit als HTML in een pagina.
Een tabel staat op één blok (geen lege regels), zodat Markdown hem heel laat.

Een tabel krijgt hier meteen alles wat de site op een smal scherm en op papier nodig heeft (:class:`Kolommen`):
vanaf twee kolommen het kenmerk ``data-blokken`` (op een smal scherm één blok per rij; docs/stylesheets/jobcoach.css),
de rollen van een tabel (``role="table"`` enz.: zo blijft het voor een schermlezer een tabel, ook als de CSS
``display`` verandert) en bij elke datacel de naam van haar kolom (``data-label``); vanaf zeven kolommen
``data-veel-kolommen`` (op papier een kleinere letter, print.css). Geen klasse op de tabel: Material maakt alleen
``table:not([class])`` op. Datums (dd-mm-jjjj) in cellen staan in een ``span class="tabel-heel"``: een regel breekt
er niet middenin; na een schuine streep tussen twee woorden mag een regel wel afbreken (``<wbr>``). Gewone
Markdown-tabellen krijgen hetzelfde van ``leidraadsite.weergave.tabellen``; de rekenhulp (rekenhulp.js) maakt het zelf.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape, unescape

from . import tabeldata
from .regels import Regels
from .tabeldata import Cel, Code, Html, MetCode, Tabel
from .teksten import TEKSTEN
from .uitkomst import Uitkomst


MIN_KOLOMMEN = 2  # vanaf zoveel kolommen wordt een tabel op een smal scherm blokken
VEEL_KOLOMMEN = 7  # vanaf zoveel kolommen krijgt een tabel op papier een kleinere letter (print.css)
LABEL_MAX = 80  # tekens van een kolomnaam in het label
DATUM = r"(?<![\w-])\d{1,2}-\d{1,2}-\d{4}(?![\w-])"
SCHUIN = r"(?<=[^\W\d_])/(?=[^\W\d_])"  # een schuine streep tussen twee letters
HEEL = re.compile(f"{DATUM}|{SCHUIN}")
_TAG = re.compile(r"(<[^>]*>)")


def heel(tekst: str) -> str:
    """Tekst (al ge-escaped, zonder tags) met elke datum in een span die niet afbreekt en een plek om af te breken
    na een schuine streep tussen twee woorden."""
    return HEEL.sub(lambda m: "/<wbr>" if m.group(0) == "/" else f'<span class="tabel-heel">{m.group(0)}</span>', tekst)


def datums_heel(inhoud: str) -> str:
    """:func:`heel` op de tekst van veilige HTML: niet in een tag of kenmerk."""
    if "-" not in inhoud and "/" not in inhoud:  # geen datum en geen schuine streep: niets te doen (de meeste cellen)
        return inhoud
    stukken = _TAG.split(inhoud)
    stukken[::2] = [heel(s) for s in stukken[::2]]
    return "".join(stukken)


def kolomnaam(kop_html: str) -> str:
    """De naam van een kolom uit de HTML van haar kopcel: de tekst, witruimte samengevoegd, hoogstens LABEL_MAX tekens."""
    return " ".join(unescape(_TAG.sub("", kop_html)).split())[:LABEL_MAX]


def _kenmerken(kenmerken: Sequence[tuple[str, str]]) -> str:
    return "".join(f' {k}="{escape(v)}"' for k, v in kenmerken)


def _breedte(kenmerken: Sequence[tuple[str, str]]) -> int:
    for k, v in kenmerken:
        if k == "colspan":
            return max(1, int(v)) if v.isdigit() else 1
    return 1


@dataclass(frozen=True)
class HtmlCel:
    """Eén cel als veilige HTML, met haar eigen kenmerken (``scope``, ``colspan``, ``class`` …) in volgorde."""

    inhoud: str
    kop: bool = False
    kenmerken: tuple[tuple[str, str], ...] = ()

    @property
    def breedte(self) -> int:
        return _breedte(self.kenmerken)


class Kolommen:
    """Labels en rollen van één tabel, bekend zodra de kolomkoppen er zijn (de laatste koprij, met colspan)."""

    def __init__(self, koppen: Sequence[HtmlCel]) -> None:
        self.namen = [kolomnaam(k.inhoud) for k in koppen for _ in range(k.breedte)]
        self.blokken = len(self.namen) >= MIN_KOLOMMEN
        # per kolom de kenmerken van een datacel, al als tekst (de naam ge-escaped)
        self._datacel = [' role="cell"' + (f' data-label="{escape(naam)}"' if naam else "") for naam in self.namen]

    def tabel(self, kenmerken: Sequence[tuple[str, str]] = ()) -> str:
        extra = [("data-blokken", ""), ("role", "table")] if self.blokken else []
        if self.blokken and len(self.namen) >= VEEL_KOLOMMEN:
            extra.append(("data-veel-kolommen", ""))
        return f"<table{_kenmerken([*kenmerken, *extra])}>"

    def groep(self, tag: str) -> str:
        """De begintag van ``thead``, ``tbody`` of ``tfoot``."""
        return f'<{tag} role="rowgroup">' if self.blokken else f"<{tag}>"

    def cellen(self, cellen: Sequence[HtmlCel], deel: str = "tbody") -> list[str]:
        """De HTML van de cellen van één rij, elk met haar rol en (een datacel) de naam van haar kolom."""
        uit = []
        kolom = 0
        n = len(self.namen)
        for cel in cellen:
            breedte = _breedte(cel.kenmerken)
            kenmerken = _kenmerken(cel.kenmerken) if cel.kenmerken else ""
            if self.blokken:
                if not cel.kop:
                    kenmerken += self._datacel[kolom] if kolom < n and breedte < n else ' role="cell"'
                elif deel == "thead" or ("scope", "col") in cel.kenmerken or ("scope", "colgroup") in cel.kenmerken:
                    kenmerken += ' role="columnheader"'
                else:
                    kenmerken += ' role="rowheader"'
            tag = "th" if cel.kop else "td"
            uit.append(f"<{tag}{kenmerken}>{datums_heel(cel.inhoud)}</{tag}>")
            kolom += breedte
        return uit

    def rij(self, cellen: Sequence[HtmlCel], deel: str = "tbody", kenmerken: Sequence[tuple[str, str]] = ()) -> str:
        """Eén rij op één regel."""
        rol = [("role", "row")] if self.blokken else []
        return f"<tr{_kenmerken([*kenmerken, *rol])}>" + "".join(self.cellen(cellen, deel)) + "</tr>"


def cel_html(inhoud: Cel) -> str:
    if isinstance(inhoud, Html):
        return str(inhoud)
    if isinstance(inhoud, Code):
        return f"<code>{escape(inhoud)}</code>"
    if isinstance(inhoud, MetCode):
        return f"{escape(inhoud.tekst)}<br><code>{escape(inhoud.code)}</code>"
    if isinstance(inhoud, tuple):
        return "<ul>" + "".join(f"<li>{escape(m)}</li>" for m in inhoud) + "</ul>"
    return escape(inhoud)


def _cel(inhoud: Cel, kop: bool = False, rechts: bool = False, scope: str = "", span: int = 1) -> HtmlCel:
    kenmerken = [("scope", scope)] if scope else []
    if span > 1:
        kenmerken.append(("colspan", str(span)))
    if rechts:
        kenmerken.append(("class", "getal"))  # rechts uitgelijnd (stylesheet; geen style-kenmerk, dat de CSP weigert)
    return HtmlCel(cel_html(inhoud), kop, tuple(kenmerken))


def _kop(tekst: str) -> str:
    return str(tekst) if isinstance(tekst, Html) else escape(tekst)


def tabel_html(tabel: Tabel) -> str:
    """Een toegankelijke HTML-tabel: bijschrift, kolomkoppen (scope="col"), rijen en totaalrijen (tfoot, met hun kop
    over de lege cellen heen); met labels en rollen (:class:`Kolommen`)."""
    rechts = set() if tabel.rijkoppen else tabel.rechts
    koppen = [HtmlCel(_kop(k), True, (("scope", "col"), *((("class", "getal"),) if i in rechts else ())))
              for i, k in enumerate(tabel.koppen)]
    k = Kolommen(koppen)
    rij = '<tr role="row">' if k.blokken else "<tr>"
    delen = [k.tabel(), f"<caption>{_kop(tabel.bijschrift)}</caption>"]
    if tabel.rijkoppen:  # elke rij heeft haar eigen kop: onderdeel → uitkomst
        delen.append(f"{k.groep('thead')}{k.rij(koppen, 'thead')}</thead>{k.groep('tbody')}")
        delen += [k.rij([_cel(r[0], kop=True, scope="row"), *(_cel(c) for c in r[1:])]) for r in tabel.rijen]
        return "\n".join([*delen, "</tbody>", "</table>"])
    delen.append(f"{k.groep('thead')}{rij}")
    delen += k.cellen(koppen, "thead")
    delen.append(f"</tr></thead>{k.groep('tbody')}")
    delen += [k.rij([_cel(c, rechts=i in rechts) for i, c in enumerate(r)]) for r in tabel.rijen]
    delen.append("</tbody>")
    if tabel.voet:
        delen.append(k.groep("tfoot"))
        for voetrij in tabel.voet:
            # De kop van een totaalrij beslaat de lege cellen erna: 'Totaal begeleidingsuren' staat over de
            # kolommen zonder totaal heen, het getal in zijn eigen kolom.
            leeg = 0
            while 1 + leeg < len(voetrij) - 1 and voetrij[1 + leeg] == "":
                leeg += 1
            cellen = [_cel(voetrij[0], kop=True, scope="row", span=1 + leeg)]
            cellen += [_cel(c, rechts=i in rechts) for i, c in enumerate(voetrij[1 + leeg:], start=1 + leeg)]
            delen.append(k.rij(cellen))
        delen.append("</tfoot>")
    delen.append("</table>")
    return "\n".join(delen)


def schema_html(uitkomst: Uitkomst) -> str:
    return tabel_html(tabeldata.schema(uitkomst))


def berekening_html(uitkomst: Uitkomst) -> str:
    return "\n\n".join(tabel_html(t) for t in tabeldata.berekening(uitkomst))


def protocollen_html(regels: Regels) -> str:
    return tabel_html(tabeldata.protocollen(regels))


def bevindingen_html(uitkomst: Uitkomst) -> str:
    """De bevindingen van de controles als een waarschuwingsblok (of een geruststelling als er geen zijn)."""
    t = TEKSTEN.bevindingen
    if not uitkomst.bevindingen:
        return (f'<div class="admonition success"><p class="admonition-title">{escape(t["geen_titel"])}</p>'
                f"<p>{escape(t['geen_tekst'])}</p></div>")
    items = "".join(f"<li>{escape(b.tekst)}</li>" for b in uitkomst.bevindingen)
    return f'<div class="admonition warning"><p class="admonition-title">{escape(t["titel"])}</p><ul>{items}</ul></div>'
