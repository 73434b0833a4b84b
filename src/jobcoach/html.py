"""HTML van de tabellen en bevindingen van een berekende casus, voor de site.

Elke tekst in een cel wordt ge-escaped: tekst uit een casusbestand komt nooit als HTML in een pagina.
Een tabel staat op één blok (geen lege regels), zodat Markdown hem heel laat.
"""

from __future__ import annotations

from html import escape

from . import tabeldata
from .regels import Regels
from .tabeldata import Cel, Code, Html, MetCode, Tabel
from .teksten import TEKSTEN
from .uitkomst import Uitkomst


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


def _cel(inhoud: Cel, kop: bool = False, rechts: bool = False, scope: str = "", span: int = 1) -> str:
    tag = "th" if kop else "td"
    attrs = f' scope="{scope}"' if scope else ""
    if span > 1:
        attrs += f' colspan="{span}"'
    if rechts:
        attrs += ' class="getal"'  # rechts uitgelijnd (stylesheet; geen style-kenmerk, dat de CSP weigert)
    return f"<{tag}{attrs}>{cel_html(inhoud)}</{tag}>"


def _kop(tekst: str) -> str:
    return str(tekst) if isinstance(tekst, Html) else escape(tekst)


def tabel_html(tabel: Tabel) -> str:
    """Een toegankelijke HTML-tabel: bijschrift, kolomkoppen (scope="col"), rijen en totaalrijen (tfoot, met hun kop
    over de lege cellen heen)."""
    if tabel.rijkoppen:  # elke rij heeft haar eigen kop: onderdeel → uitkomst
        koppen = "".join(f'<th scope="col">{_kop(k)}</th>' for k in tabel.koppen)
        return "\n".join(
            ["<table>", f"<caption>{_kop(tabel.bijschrift)}</caption>", f"<thead><tr>{koppen}</tr></thead><tbody>"]
            + ["<tr>" + _cel(r[0], kop=True, scope="row") + "".join(_cel(c) for c in r[1:]) + "</tr>" for r in tabel.rijen]
            + ["</tbody>", "</table>"]
        )
    rechts = tabel.rechts
    delen = ["<table>", f"<caption>{_kop(tabel.bijschrift)}</caption>", "<thead><tr>"]
    delen += [_cel(k, kop=True, scope="col", rechts=i in rechts) for i, k in enumerate(tabel.koppen)]
    delen.append("</tr></thead><tbody>")
    for rij in tabel.rijen:
        delen.append("<tr>" + "".join(_cel(c, rechts=i in rechts) for i, c in enumerate(rij)) + "</tr>")
    delen.append("</tbody>")
    if tabel.voet:
        delen.append("<tfoot>")
        for rij in tabel.voet:
            # De kop van een totaalrij beslaat de lege cellen erna: 'Totaal begeleidingsuren' staat over de
            # kolommen zonder totaal heen, het getal in zijn eigen kolom.
            leeg = 0
            while 1 + leeg < len(rij) - 1 and rij[1 + leeg] == "":
                leeg += 1
            cellen = [_cel(rij[0], kop=True, scope="row", span=1 + leeg)]
            cellen += [_cel(c, rechts=i in rechts) for i, c in enumerate(rij[1 + leeg:], start=1 + leeg)]
            delen.append("<tr>" + "".join(cellen) + "</tr>")
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
