"""Tabellen van een berekende casus, als HTML (voor de site) en als tekst (voor de terminal).

Alle tekst uit een casusbestand wordt ge-escaped voordat hij in HTML komt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from .berekening import Uitkomst
from .casus import SchemaRij
from .opmaak import getal, procent, procent_afgekapt, uren
from .regels import Regels

INTENSITEIT_TEKST = {
    "wekelijks": "Wekelijks",
    "tweewekelijks": "Tweewekelijks",
    "maandelijks": "Maandelijks",
    "eenmalig": "Eenmalig",
}
AARD_TEKST = {"persoonlijk": "Persoonlijk", "functioneel": "Functioneel"}


def duur_tekst(rij: SchemaRij) -> str:
    """De duur zoals het schema hem noemt: '0,5 uur per week', '1 uur per 2 weken'."""
    if rij.uren is None:
        return ""
    per = {
        "wekelijks": "per week",
        "tweewekelijks": "per 2 weken",
        "maandelijks": "per maand",
        "eenmalig": "eenmalig",
        None: "",
    }[rij.intensiteit]
    return f"{uren(rij.uren)} uur {per}".strip()


def _cel(inhoud: str, kop: bool = False, rechts: bool = False, scope: str = "") -> str:
    tag = "th" if kop else "td"
    attrs = f' scope="{scope}"' if scope else ""
    if rechts:
        attrs += ' style="text-align: right"'
    return f"<{tag}{attrs}>{inhoud}</{tag}>"


def _tabel(bijschrift: str, koppen: Sequence[str], rijen: Iterable[Sequence[str]], rechts: set[int] = frozenset(),
           voet: Sequence[Sequence[str]] = ()) -> str:
    """Een toegankelijke HTML-tabel op één blok (geen lege regels, zodat Markdown hem heel laat).

    De inhoud van de cellen moet al ge-escaped zijn.
    """
    delen = [f"<table>", f"<caption>{bijschrift}</caption>", "<thead><tr>"]
    delen += [_cel(k, kop=True, scope="col", rechts=i in rechts) for i, k in enumerate(koppen)]
    delen.append("</tr></thead><tbody>")
    for rij in rijen:
        delen.append("<tr>" + "".join(_cel(c, rechts=i in rechts) for i, c in enumerate(rij)) + "</tr>")
    delen.append("</tbody>")
    if voet:
        delen.append("<tfoot>")
        for rij in voet:
            cellen = [_cel(rij[0], kop=True, scope="row")]
            cellen += [_cel(c, rechts=i in rechts) for i, c in enumerate(rij[1:], start=1)]
            delen.append("<tr>" + "".join(cellen) + "</tr>")
        delen.append("</tfoot>")
    delen.append("</table>")
    return "\n".join(delen)


def _motivering(rij: SchemaRij) -> str:
    if not rij.motivering:
        return ""
    if len(rij.motivering) == 1:
        return escape(rij.motivering[0])
    return "<ul>" + "".join(f"<li>{escape(m)}</li>" for m in rij.motivering) + "</ul>"


def schema_html(uitkomst: Uitkomst) -> str:
    """Het schema begeleidingsbehoefte, met dezelfde kolommen als in de casus."""
    koppen = [
        "Aard van de begeleiding",
        "Gericht op het knelpunt",
        "Door wie?",
        "Aan wie?",
        "Duur van de begeleiding",
        "Intensiteit van de begeleiding",
        "Motivering",
    ]
    rijen = []
    for r in uitkomst.rijen:
        rij = r.rij
        rijen.append(
            [
                AARD_TEKST[rij.aard],
                escape(rij.knelpunt),
                rij.door.capitalize(),
                escape(rij.aan or ""),
                escape(duur_tekst(rij)),
                INTENSITEIT_TEKST.get(rij.intensiteit or "", ""),
                _motivering(rij),
            ]
        )
    for extra in uitkomst.extra:
        rijen.append(
            [
                "Vaste uren",
                escape(extra.omschrijving),
                "Jobcoach",
                "",
                f"{uren(extra.uren)} uur",
                "Vast aantal uren",
                escape(f"Doel {extra.doel}: {uitkomst.doelen[extra.doel]}"),
            ]
        )
    return _tabel(f"Schema begeleidingsbehoefte: {escape(uitkomst.casus.titel)}", koppen, rijen)


def berekening_html(uitkomst: Uitkomst) -> str:
    """De urenberekening: per rij, per doel en de samenvatting met percentage en regimes."""
    weken = getal(uitkomst.weken)
    koppen = ["Rij", "Knelpunt", "Door", "Doel", "Uren per keer", "Intensiteit", "Uren per week",
              "Aantal keer", "Totaal uren"]
    getallen = {0, 4, 6, 7, 8}
    rijen = []
    for r in uitkomst.rijen:
        rij = r.rij
        if r.telt_mee:
            rijen.append([
                str(r.nummer), escape(rij.knelpunt), "Jobcoach", str(rij.doel), uren(rij.uren),  # type: ignore[arg-type]
                INTENSITEIT_TEKST[rij.intensiteit], uren(r.uren_per_week), getal(r.keren),  # type: ignore[index]
                uren(r.totaal),
            ])
        else:
            rijen.append([
                str(r.nummer), escape(rij.knelpunt), rij.door.capitalize(), "", "", "",
                "", "", "telt niet mee (niet door de jobcoach)",
            ])
    for extra in uitkomst.extra:
        rijen.append([
            "vast", escape(extra.omschrijving), "Jobcoach", str(extra.doel), "", "Vast aantal uren", "", "",
            uren(extra.uren),
        ])
    voet = [["Totaal begeleidingsuren", "", "", "", "", "", "", "", uren(uitkomst.begeleidingsuren)]]
    per_rij = _tabel(f"Urenberekening per rij (contract van {weken} weken)", koppen, rijen, getallen, voet)

    per_doel = _tabel(
        "Begeleidingsuren per coachingsdoel",
        ["Doel", "Omschrijving", "Uren"],
        [[str(d), escape(naam), uren(uitkomst.uren_per_doel[d])] for d, naam in uitkomst.doelen.items()],
        {0, 2},
        [["Totaal", "", uren(uitkomst.begeleidingsuren)]],
    )

    casus = uitkomst.casus
    samenvatting = [
        ["Protocol", escape(uitkomst.protocol.naam)],
        ["Contract", f"{getal(casus.contract.uren_per_week)} uur per week × {weken} weken"],
        ["Contracturen", uren(uitkomst.contracturen)],
        ["Begeleidingsuren", uren(uitkomst.begeleidingsuren)],
        ["Gemiddeld per week", f"{uren(uitkomst.uren_per_week)} uur"],
        ["Percentage van de contracturen",
         f"({uren(uitkomst.begeleidingsuren)}/{uren(uitkomst.contracturen)}) × 100% = "
         f"{procent_afgekapt(uitkomst.percentage)}"],
        ["Aangevraagd regime", procent(casus.aanvraag.regime)],
        ["Geadviseerd regime", procent(casus.advies.regime) if casus.advies else "nog geen advies"],
    ]
    totalen = "\n".join(
        ["<table>", "<caption>Samenvatting van de urenberekening</caption>",
         '<thead><tr><th scope="col">Onderdeel</th><th scope="col">Uitkomst</th></tr></thead><tbody>']
        + [f'<tr><th scope="row">{k}</th><td>{v}</td></tr>' for k, v in samenvatting]
        + ["</tbody>", "</table>"]
    )
    return "\n\n".join([per_rij, per_doel, totalen])


def bevindingen_html(uitkomst: Uitkomst) -> str:
    """De bevindingen van de controles als een waarschuwingsblok (of een geruststelling als er geen zijn)."""
    if not uitkomst.bevindingen:
        return (
            '<div class="admonition success"><p class="admonition-title">Geen bevindingen</p>'
            "<p>De controles vonden niets om op te letten.</p></div>"
        )
    items = "".join(f"<li>{escape(b.tekst)}</li>" for b in uitkomst.bevindingen)
    return (
        '<div class="admonition warning"><p class="admonition-title">Bevindingen van de controles</p>'
        f"<ul>{items}</ul></div>"
    )


# ---------------------------------------------------------------------------------------------
# Tekst voor de terminal


def tekst_tabel(koppen: Sequence[str], rijen: Sequence[Sequence[str]], rechts: set[int] = frozenset()) -> str:
    breedtes = [max(len(str(r[i])) for r in [koppen, *rijen]) for i in range(len(koppen))]

    def regel(cellen: Sequence[str]) -> str:
        return "  ".join(
            (str(c).rjust(b) if i in rechts else str(c).ljust(b)) for i, (c, b) in enumerate(zip(cellen, breedtes))
        ).rstrip()

    streep = "  ".join("-" * b for b in breedtes)
    return "\n".join([regel(koppen), streep, *(regel(r) for r in rijen)])


def samenvatting_tekst(uitkomst: Uitkomst) -> str:
    casus = uitkomst.casus
    rijen = []
    for r in uitkomst.rijen:
        if r.telt_mee:
            rijen.append([str(r.nummer), r.rij.knelpunt, str(r.rij.doel), uren(r.uren_per_week), uren(r.totaal)])
        else:
            rijen.append([str(r.nummer), r.rij.knelpunt, "-", "-", f"telt niet mee ({r.rij.door})"])
    for extra in uitkomst.extra:
        rijen.append(["vast", extra.omschrijving, str(extra.doel), "-", uren(extra.uren)])
    delen = [
        casus.titel,
        f"Protocol: {uitkomst.protocol.naam}",
        "",
        tekst_tabel(["Rij", "Knelpunt", "Doel", "Uur/week", "Totaal"], rijen, {0, 3, 4}),
        "",
        tekst_tabel(
            ["Doel", "Omschrijving", "Uren"],
            [[str(d), n, uren(uitkomst.uren_per_doel[d])] for d, n in uitkomst.doelen.items()],
            {0, 2},
        ),
        "",
        tekst_tabel(
            ["Onderdeel", "Uitkomst"],
            [
                ["Contracturen", f"{uren(uitkomst.contracturen)} ({getal(casus.contract.uren_per_week)} uur × "
                                 f"{getal(uitkomst.weken)} weken)"],
                ["Begeleidingsuren", uren(uitkomst.begeleidingsuren)],
                ["Gemiddeld per week", uren(uitkomst.uren_per_week)],
                ["Percentage", procent_afgekapt(uitkomst.percentage)],
                ["Aangevraagd regime", procent(casus.aanvraag.regime)],
                ["Geadviseerd regime", procent(casus.advies.regime) if casus.advies else "nog geen advies"],
            ],
        ),
    ]
    if uitkomst.bevindingen:
        delen += ["", "Bevindingen:"] + [f"- {b.tekst}" for b in uitkomst.bevindingen]
    return "\n".join(delen)


def protocollen_html(regels: Regels) -> str:
    """De protocolversies uit de regels, met bron, geldigheid en de bekende waarden."""
    rijen = []
    for p in regels.protocollen:
        tot = p.geldig_tot.strftime("%d-%m-%Y") if p.geldig_tot else "onbekend"
        bekend = []
        if p.eerste_periode and p.eerste_periode.normaal_max is not None:
            bekend.append(f"eerste periode normaal hoogstens {procent(p.eerste_periode.normaal_max)}")
        if p.eerste_periode and p.eerste_periode.max_met_onderbouwing is not None:
            bekend.append(f"met onderbouwing hoogstens {procent(p.eerste_periode.max_met_onderbouwing)}")
        if p.periode_maanden:
            bekend.append(f"perioden van {p.periode_maanden} maanden")
        if p.max_jaren:
            bekend.append(f"hoogstens {p.max_jaren} jaar")
        if p.max_per_jaar:
            bekend.append("per jaar hoogstens " + ", ".join(procent(x) for x in p.max_per_jaar))
        regimes = [f"{r.naam} ({procent(r.percentage)})" if r.percentage is not None else f"{r.naam} (percentage onbekend)"
                   for r in p.regimes]
        if regimes:
            bekend.append("regimes: " + ", ".join(regimes))
        rijen.append([
            f"<code>{escape(p.id)}</code>",
            escape(p.naam),
            f"{p.geldig_van.strftime('%d-%m-%Y')} tot en met {tot}",
            escape("; ".join(bekend) or "geen waarden bekend"),
            escape(p.bron),
        ])
    return _tabel("Protocolversies in de regels van de site", ["Id", "Naam", "Geldig", "Bekende regels", "Bron"], rijen)
