"""De rolkaart: van rol via opdracht naar de pagina's die daarbij horen.

De leidraad belooft dat een lezer vanuit zijn *rol* en *opdracht* meteen bij de juiste situatie
komt. De kaart staat als data in ``data/rollen.yml``: een nieuwe rol of opdracht is een wijziging
in dat bestand, geen code. Dit bestand beschrijft de vorm van de kaart, leest hem in, controleert
of elke genoemde pagina bestaat en maakt er de rolkeuze voor de startpagina en de rolpagina's van.

Elke rol heeft een eigen korte pagina ``docs/rollen/<id>.md`` (met alleen ``{{ rolpagina('<id>') }}``):
de startpagina blijft zo kort genoeg voor een telefoon, en één tik brengt de lezer bij zijn opdrachten.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator

from jobcoach.fouten import Bestandsfout, Probleem, pad_tekst
from jobcoach.lezer import Strikt, geen_dubbele, lees_yaml, valideer

from leidraadsite.inhoud.tekst import md_tekst

ROLLEN_PAD = Path(__file__).parents[1] / "data" / "rollen.yml"
ROLPAGINAS = "rollen"  # map onder docs/ met een pagina per rol: rollen/<id>.md

Id = Annotated[str, Field(strict=True, pattern=r"^[a-z0-9][a-z0-9-]*$")]
Tekst = Annotated[str, Field(strict=True, min_length=1)]
Paginapad = Annotated[str, Field(strict=True, pattern=r"^[a-z0-9][a-z0-9/_-]*\.md$")]


class Verwijzing(Strikt):
    """Een pagina bij een opdracht, met een korte uitleg waarom de lezer hem nodig heeft."""

    pagina: Paginapad = Field(description="Pad van de pagina onder docs/, bijvoorbeeld leidraad/doel.md.")
    waarom: Tekst | None = Field(None, description="Eén korte zin: wat de lezer daar vindt.")


class Stap(Strikt):
    """Eén stap van 'Wat u vandaag doet' bovenaan een rolpagina: wat u doet, en de pagina die erbij helpt."""

    doe: Tekst = Field(description="Wat de lezer doet, in één korte zin.")
    pagina: Annotated[str, Field(strict=True, pattern=r"^[a-z0-9][a-z0-9/_-]*\.md(#[a-z0-9-]+)?$")] = Field(
        description="Pad van de pagina onder docs/, eventueel met een anker (#...).")


class Opdracht(Strikt):
    id: Id
    naam: Tekst
    omschrijving: Tekst
    paginas: Annotated[list[Verwijzing], Field(min_length=1)]


class Rol(Strikt):
    id: Id
    naam: Tekst = Field(description="Zoals de rol op de site heet, bijvoorbeeld 'Jobcoach'.")
    kort: Tekst = Field(description="Korte naam voor de regel 'Voor:' boven een pagina.")
    wie: Tekst = Field(description="Eén zin: wie deze rol heeft.")
    kaart: Tekst | None = Field(None, description="Heel korte tekst op de kaart op de startpagina (anders: wie).")
    vandaag: Annotated[list[Stap], Field(min_length=1, max_length=5)] = Field(
        description="Wat u vandaag doet: hoogstens vijf stappen, bovenaan de rolpagina.")
    opdrachten: Annotated[list[Opdracht], Field(min_length=1)]

    @field_validator("opdrachten")
    @classmethod
    def _unieke_opdrachten(cls, waarde: list[Opdracht]) -> list[Opdracht]:
        geen_dubbele([o.id for o in waarde], "opdracht-id komt meer dan eens voor in deze rol")
        return waarde


class Rolkaart(Strikt):
    rollen: Annotated[list[Rol], Field(min_length=1)]

    @field_validator("rollen")
    @classmethod
    def _unieke_rollen(cls, waarde: list[Rol]) -> list[Rol]:
        geen_dubbele([r.id for r in waarde], "rol-id komt meer dan eens voor")
        return waarde

    @property
    def rol_ids(self) -> list[str]:
        return [r.id for r in self.rollen]

    def rol(self, rol_id: str) -> Rol:
        for rol in self.rollen:
            if rol.id == rol_id:
                return rol
        raise KeyError(rol_id)

    def paginas(self) -> set[str]:
        return {v.pagina for r in self.rollen for o in r.opdrachten for v in o.paginas}

    def rollen_van(self, pagina: str) -> list[str]:
        """De rollen waarvan een opdracht naar ``pagina`` verwijst, in de volgorde van de kaart."""
        return [r.id for r in self.rollen if any(v.pagina == pagina for o in r.opdrachten for v in o.paginas)]


def _lees(pad: Path) -> tuple[Rolkaart, object]:
    document = lees_yaml(pad)
    return valideer(document, Rolkaart), document


def laad_rolkaart(pad: Path = ROLLEN_PAD, docs: Path | None = None) -> Rolkaart:
    """Lees de rolkaart. Met ``docs`` wordt ook gecontroleerd of elke genoemde pagina bestaat.

    Fouten geven een ``Bestandsfout`` met een Nederlandse melding per probleem (bestand:regel: veld).
    """
    kaart, document = _lees(Path(pad))
    if docs is not None:
        problemen = []
        for i, rol in enumerate(kaart.rollen):
            for j, opdracht in enumerate(rol.opdrachten):
                for k, verwijzing in enumerate(opdracht.paginas):
                    if not (Path(docs) / verwijzing.pagina).is_file():
                        loc: tuple[str | int, ...] = ("rollen", i, "opdrachten", j, "paginas", k, "pagina")
                        problemen.append(Probleem(
                            document.bestand,  # type: ignore[attr-defined]
                            pad_tekst(loc),
                            f"pagina '{verwijzing.pagina}' bestaat niet in {Path(docs).name}/",
                            document.regel(loc),  # type: ignore[attr-defined]
                        ))
        for i, rol in enumerate(kaart.rollen):
            for k, stap in enumerate(rol.vandaag):
                pagina = stap.pagina.partition("#")[0]
                if not (Path(docs) / pagina).is_file():
                    loc = ("rollen", i, "vandaag", k, "pagina")
                    problemen.append(Probleem(
                        document.bestand,  # type: ignore[attr-defined]
                        pad_tekst(loc),
                        f"pagina '{pagina}' bestaat niet in {Path(docs).name}/",
                        document.regel(loc),  # type: ignore[attr-defined]
                    ))
        for i, rol in enumerate(kaart.rollen):
            if not (Path(docs) / rolpagina_pad(rol.id)).is_file():
                loc = ("rollen", i, "id")
                problemen.append(Probleem(
                    document.bestand,  # type: ignore[attr-defined]
                    pad_tekst(loc),
                    f"rol '{rol.id}' heeft geen pagina {Path(docs).name}/{rolpagina_pad(rol.id)}; maak die met "
                    f"alleen {{{{ rolpagina('{rol.id}') }}}} erin",
                    document.regel(loc),  # type: ignore[attr-defined]
                ))
        rolmap = Path(docs) / ROLPAGINAS
        bekend = {rolpagina_pad(r) for r in kaart.rol_ids}
        for pad in sorted(rolmap.glob("*.md")) if rolmap.is_dir() else []:
            if f"{ROLPAGINAS}/{pad.name}" not in bekend:
                problemen.append(Probleem(
                    document.bestand,  # type: ignore[attr-defined]
                    "rollen",
                    f"{Path(docs).name}/{ROLPAGINAS}/{pad.name} hoort bij geen rol in de rolkaart",
                    document.regel(("rollen",)),  # type: ignore[attr-defined]
                ))
        if problemen:
            raise Bestandsfout(problemen)
    return kaart


def rolpagina_pad(rol_id: str) -> str:
    """Het pad onder docs/ van de pagina van een rol."""
    return f"{ROLPAGINAS}/{rol_id}.md"


def relatief(van: str, naar: str) -> str:
    """Een Markdown-link van pagina ``van`` naar pagina ``naar`` (beide paden onder docs/)."""
    pad, _, anker = naar.partition("#")
    doel = posixpath.relpath(pad, posixpath.dirname(van) or ".") if pad else posixpath.basename(van)
    return doel + (f"#{anker}" if anker else "")


def rolkeuze_markdown(kaart: Rolkaart, van: str = "index.md") -> str:
    """De vraag 'Wat is uw rol?' als kaarten; elke kaart leidt in één tik naar de pagina van de rol.

    Op de kaart staat alleen de naam en wie de rol heeft (kort: de startpagina moet op een telefoon in
    twee schermen passen). De opdrachten staan op de rolpagina.
    """
    regels = ['<div class="grid cards rolkeuze" markdown>', ""]
    for rol in kaart.rollen:
        regels += [
            f"-   **[{md_tekst(rol.naam)}]({relatief(van, rolpagina_pad(rol.id))})**",
            "",
            f"    {md_tekst(rol.kaart or rol.wie)}",
            "",
        ]
    regels.append("</div>")
    return "\n".join(regels)


def opdracht_anker(opdracht_id: str) -> str:
    return f"opdracht-{opdracht_id}"


def rolpagina_markdown(rol: Rol, titels: dict[str, str]) -> str:
    """De pagina van één rol: titel, wie de rol heeft, een inhoud van de opdrachten, en per opdracht de pagina's.

    ``titels`` geeft de titel van elke pagina (pad onder docs/ → titel). Koppen hebben vaste ankers
    (``#opdracht-<id>``), zodat andere pagina's naar een opdracht kunnen linken.
    """
    van = rolpagina_pad(rol.id)
    inhoud = "\n".join(f"- [{md_tekst(o.naam)}](#{opdracht_anker(o.id)})" for o in rol.opdrachten)
    stappen = "\n".join(
        f"{i}. {md_tekst(stap.doe)} [{md_tekst(titels.get(stap.pagina.partition('#')[0], stap.pagina))}]"
        f"({relatief(van, stap.pagina)})" for i, stap in enumerate(rol.vandaag, start=1))
    delen = [
        f"# {md_tekst(rol.naam)}",
        f'<div class="rol-vandaag" markdown>\n\n**Wat u vandaag doet**\n\n{stappen}\n\n</div>',
        f"{md_tekst(rol.wie)}",
        f'<nav class="rol-opdrachten" aria-label="Uw opdrachten" markdown>\n\n**Uw opdrachten**\n\n{inhoud}\n\n</nav>',
    ]
    for opdracht in rol.opdrachten:
        items = []
        for v in opdracht.paginas:
            titel = titels.get(v.pagina, v.pagina)
            link = f"[{md_tekst(titel)}]({relatief(van, v.pagina)})"
            items.append(f"- {link}" + (f": {md_tekst(v.waarom)}" if v.waarom else ""))
        delen.append(
            f"## {md_tekst(opdracht.naam)} {{ #{opdracht_anker(opdracht.id)} }}\n\n"
            f"{md_tekst(opdracht.omschrijving)}\n\n" + "\n".join(items)
        )
    delen.append(f"[Terug naar de keuze van uw rol]({relatief(van, 'index.md#wat-is-uw-rol')})")
    return "\n\n".join(delen)
