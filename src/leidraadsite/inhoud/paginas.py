"""Gegevens over pagina's: de voorkant (front matter) met beoordelings- en herzieningsdatum.

Elke leidraadpagina heeft in haar voorkant:

```yaml
beoordeeld: 2026-11-26     # online tekst laatst gecontroleerd
herzien_voor: 2027-11-26   # uiterlijk dan opnieuw controleren
```

Een pagina waarvan ``herzien_voor`` voorbij is, is *verouderd*. De site toont dat op de pagina en
``jobcoach verouderd`` geeft een lijst.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from jobcoach.fouten import Bestandsfout, Probleem, pad_tekst
from jobcoach.lezer import laad_yaml_model, lees_yaml, toon_pad


class Voorkant(BaseModel):
    """De velden van de voorkant die de site zelf gebruikt. Andere velden (title, description …) mogen ook."""

    model_config = ConfigDict(extra="allow", frozen=True)

    beoordeeld: dt.date | None = None
    herzien_voor: dt.date | None = None

    @model_validator(mode="after")
    def _volgorde(self) -> Voorkant:
        if self.beoordeeld and self.herzien_voor and self.herzien_voor <= self.beoordeeld:
            raise ValueError("herzien_voor moet na beoordeeld liggen")
        return self

    def is_verouderd(self, vandaag: dt.date) -> bool:
        return self.herzien_voor is not None and vandaag > self.herzien_voor


def lees_voorkant(pad: Path) -> dict[str, Any]:
    """De voorkant van een Markdown-bestand als dict (leeg als er geen is)."""
    tekst = pad.read_text(encoding="utf-8")
    if not tekst.startswith("---"):
        return {}
    einde = tekst.find("\n---", 3)
    if einde == -1:
        raise Bestandsfout([Probleem(toon_pad(pad), "", "voorkant (front matter) wordt niet afgesloten met '---'", 1)])
    try:
        gegevens = yaml.load(tekst[3:einde], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - een SafeLoader
    except yaml.YAMLError as fout:
        raise Bestandsfout([Probleem(toon_pad(pad), "", f"voorkant is geen geldige YAML ({fout})")]) from None
    return gegevens if isinstance(gegevens, dict) else {}


def voorkant(pad: Path) -> Voorkant:
    from pydantic import ValidationError

    try:
        return Voorkant.model_validate(lees_voorkant(pad))
    except ValidationError as fout:
        problemen = [
            Probleem(toon_pad(pad), ".".join(str(d) for d in e["loc"]), e["msg"].removeprefix("Value error, "))
            for e in fout.errors(include_url=False)
        ]
        raise Bestandsfout(problemen) from None


@dataclass(frozen=True)
class VerouderdePagina:
    pad: Path
    herzien_voor: dt.date


def verouderde_paginas(docs: Path, vandaag: dt.date) -> list[VerouderdePagina]:
    """Alle pagina's onder ``docs`` waarvan de herzieningsdatum voorbij is, oudste eerst."""
    gevonden = []
    for pad in sorted(docs.rglob("*.md")):
        v = voorkant(pad)
        if v.is_verouderd(vandaag):
            gevonden.append(VerouderdePagina(pad, v.herzien_voor))  # type: ignore[arg-type]
    return sorted(gevonden, key=lambda p: p.herzien_voor)


def paginas_zonder_herzieningsdatum(docs: Path) -> list[Path]:
    """Alle pagina's onder ``docs`` zonder ``herzien_voor`` in hun voorkant."""
    return [pad for pad in sorted(docs.rglob("*.md")) if voorkant(pad).herzien_voor is None]


# ---------------------------------------------------------------------------------------------
# Rollen, bronnen en licentie in de voorkant; het statusblok onder de titel en de paginavoet.
#
# Een leidraadpagina heeft naast de datums ook:
#
# ```yaml
# rollen: [adviseur, toetser]          # rol-id's uit data/rollen.yml
# leidraad: false                      # alleen bij pagina's die niet bij de leidraad horen
# tijdvak: true                        # melding 'regels van 2011, gelden niet meer' (standaard: bij leidraadpagina's)
# werkwijze: eigen-woorden             # transcriptie | eigen-woorden | samenvatting
# licentie: cc-by-4.0                  # id uit data/licenties.yml
# bronnen:
#   - titel: "Leidraad Jobcoach: Toepassingsgebied"
#     akc: 189865                      # pagina-id op arbeidsdeskundigen.nl (of: url)
# ```

AKC_URL = "https://arbeidsdeskundigen.nl/akc/kennis/leidraden-en-richtlijnen/document/{id}"
LICENTIES_PAD = Path(__file__).parents[1] / "data" / "licenties.yml"

Werkwijze = Literal["transcriptie", "eigen-woorden", "samenvatting"]
WERKWIJZE_TEKST = {
    "transcriptie": "Dit is de tekst van de bron. Alleen kennelijke scan- en tikfouten zijn hersteld.",
    "eigen-woorden": "Deze tekst is in eigen woorden geschreven op basis van de bron.",
    "samenvatting": "Dit is een samenvatting in eigen woorden. De cijfers komen uit de bron.",
}


class Bron(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    titel: Annotated[str, Field(strict=True, min_length=1)]
    akc: Annotated[int, Field(strict=True, gt=0)] | None = None
    url: Annotated[str, Field(strict=True, pattern=r"^https?://")] | None = None
    opmerking: Annotated[str, Field(strict=True, min_length=1)] | None = None

    @property
    def link(self) -> str | None:
        if self.url:
            return self.url
        return AKC_URL.format(id=self.akc) if self.akc else None


class Licentie(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: str
    url: str
    houder: str | None = None
    voorwaarde: str | None = None


class _Licenties(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    licenties: dict[str, Licentie]


def laad_licenties(pad: Path = LICENTIES_PAD) -> dict[str, Licentie]:
    return laad_yaml_model(Path(pad), _Licenties).licenties


class PaginaVoorkant(Voorkant):
    """De volledige voorkant van een pagina van deze site. ``pagina_voorkant`` controleert hem ook
    tegen de rolkaart en de licenties."""

    rollen: list[Annotated[str, Field(strict=True, min_length=1)]] = []
    leidraad: bool = Field(True, description="Hoort de pagina bij de leidraad zelf? Dan staan editie en stand erboven.")
    tijdvak: bool | None = Field(
        None,
        description="Staat bovenaan dat de pagina de regels van de leidraad (2011) beschrijft, die niet meer "
                    "gelden? Zonder waarde: ja bij elke leidraadpagina met een statusblok. Zet 'true' bij casus- "
                    "en rekenpagina's die met die regels rekenen.",
    )
    werkwijze: Werkwijze | None = None
    licentie: str | None = None
    bronnen: list[Bron] = []


def _voorkant_tekst(pad: Path) -> tuple[str, int] | None:
    """De YAML-tekst van de voorkant en het regelnummer waarop hij begint (of None)."""
    tekst = pad.read_text(encoding="utf-8")
    if not tekst.startswith("---"):
        return None
    einde = tekst.find("\n---", 3)
    if einde == -1:
        raise Bestandsfout([Probleem(toon_pad(pad), "", "voorkant (front matter) wordt niet afgesloten met '---'", 1)])
    return tekst[3:einde], 0  # de YAML begint op de regel van de eerste ---; regelnummers kloppen dus al


def pagina_voorkant(pad: Path, rollen: list[str], licenties: list[str]) -> PaginaVoorkant:
    """Lees en controleer de voorkant van een pagina.

    Fouten geven een ``Bestandsfout`` met per probleem het bestand, de regel en het veld, zoals
    ``docs/leidraad/doel.md:5: rollen[2]: onbekende rol 'x'; bekende rollen: …``.
    """
    gevonden = _voorkant_tekst(pad)
    if gevonden is None:
        return PaginaVoorkant()
    yaml_tekst, begin = gevonden
    document = lees_yaml(pad, tekst=yaml_tekst)
    gegevens = document.gegevens if isinstance(document.gegevens, dict) else {}
    bestand = toon_pad(pad)

    def probleem(loc: tuple[str | int, ...], melding: str) -> Probleem:
        regel = document.regel(loc)
        return Probleem(bestand, pad_tekst(loc), melding, regel + begin if regel is not None else None)

    try:
        v = PaginaVoorkant.model_validate(gegevens)
    except ValidationError as fout:
        raise Bestandsfout([probleem(tuple(e["loc"]), e["msg"].removeprefix("Value error, "))
                         for e in fout.errors(include_url=False)]) from None
    problemen = [
        probleem(("rollen", i), f"onbekende rol '{rol}'; bekende rollen: {', '.join(rollen)}")
        for i, rol in enumerate(v.rollen) if rol not in rollen
    ]
    if v.licentie is not None and v.licentie not in licenties:
        problemen.append(probleem(("licentie",), f"onbekende licentie '{v.licentie}'; bekende licenties: "
                                                 f"{', '.join(licenties)}"))
    if problemen:
        raise Bestandsfout(problemen)
    return v


class LeidraadEditie(BaseModel):
    """Editie en stand van de leidraad zelf, en de regels waarop hij rust (uit ``extra.leidraad`` in mkdocs.yml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: str
    editie: str
    stand: str
    uitleg: str = Field(description="Pagina (pad onder docs/, met anker) die editie en stand uitlegt.")
    protocol: str = Field(description="Naam van de regels waarop de leidraad rust, zoals 'Protocol Jobcoach'.")
    protocol_vervallen: dt.date = Field(description="De dag waarop die regels niet meer golden.")
    nu: str = Field(description="Pagina (pad onder docs/) die zegt wat nu geldt.")


def bouwdatum() -> dt.date:
    """De datum van deze bouw: uit ``SOURCE_DATE_EPOCH`` (seconden sinds 1970, UTC) als die gezet is, anders vandaag."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise ValueError(f"SOURCE_DATE_EPOCH is geen aantal seconden sinds 1970: {epoch!r}") from None
    return dt.date.today()


def datum_tekst(datum: dt.date) -> str:
    from babel.dates import format_date

    return format_date(datum, format="long", locale="nl_NL")


def toont_tijdvak(v: PaginaVoorkant) -> bool:
    """Krijgt de pagina de melding dat ze de regels van 2011 beschrijft? (zie ``PaginaVoorkant.tijdvak``)"""
    if v.tijdvak is not None:
        return v.tijdvak
    return v.leidraad and bool(v.beoordeeld or v.herzien_voor or v.rollen)


def tijdvak_markdown(editie: LeidraadEditie, van: str, leidraad: bool = True) -> str:
    """De melding over het tijdvak: de leidraad is van 2011, de regels eronder gelden niet meer.

    Eén korte regel, de enige melding over het tijdvak op de pagina (issue 22: geen gestapelde waarschuwingen).
    Waar een pagina een regel noemt, zegt één regel '**Nu:** …' (class ``nu-regel``) wat er nu bekend is.
    ``leidraad``: is de pagina zelf tekst van de leidraad, of gaat ze ervan uit (casus, rekenhulp)?
    """
    from leidraadsite.inhoud.rollen import relatief

    wat = f"Regels van {escape(editie.editie)}" if leidraad else (
        f"Gaat uit van de {escape(editie.naam)} van {escape(editie.editie)} ({escape(editie.stand)} stand)")
    return (f"**{wat}:** het {escape(editie.protocol)} geldt sinds "
            f'<time datetime="{editie.protocol_vervallen.isoformat()}">{datum_tekst(editie.protocol_vervallen)}</time> '
            f"niet meer. Zie [Wat geldt nu]({relatief(van, editie.nu)}).")


def status_markdown(v: PaginaVoorkant, editie: LeidraadEditie, rolnamen: dict[str, str], van: str,
                    vandaag: dt.date) -> str:
    """Het statusblok onder de titel: editie en stand, datums, het tijdvak en voor welke rollen de pagina is.

    Markdown met HTML (md_in_html), zodat MkDocs de links controleert en omzet. ``van`` is het pad
    van de pagina onder docs/, ``rolnamen`` geeft per rol-id de korte naam.

    De datums zeggen wanneer de online tekst is gecontroleerd, niet dat de regels van de leidraad nog
    gelden. Dat zegt de melding over het tijdvak (``toont_tijdvak``).
    """
    from leidraadsite.inhoud.rollen import relatief, rolpagina_pad

    tijdvak = toont_tijdvak(v)
    if not (v.beoordeeld or v.herzien_voor or v.rollen or tijdvak):
        return ""
    regel1 = []
    if v.leidraad:
        regel1.append(f"**{escape(editie.naam)}**, [editie {escape(editie.editie)}, {escape(editie.stand)} stand]"
                      f"({relatief(van, editie.uitleg)})")
    elif v.beoordeeld or v.herzien_voor or v.rollen:
        regel1.append("**Achtergrond**, geen tekst van de leidraad")
    if v.beoordeeld:
        regel1.append(f'Online tekst gecontroleerd op: <time datetime="{v.beoordeeld.isoformat()}">'
                      f"{datum_tekst(v.beoordeeld)}</time>")
    if v.herzien_voor:
        regel1.append(f'Volgende controle vóór: <time datetime="{v.herzien_voor.isoformat()}">'
                      f"{datum_tekst(v.herzien_voor)}</time>")
    delen = ['<div class="pagina-status" data-search-exclude markdown>']  # niet in de zoekindex: geen ruis in de resultaten
    if regel1:
        delen += ["", " · ".join(regel1)]
    if tijdvak:
        delen += ["", tijdvak_markdown(editie, van, v.leidraad), "{: .pagina-status__tijdvak }"]
    if v.rollen:
        links = [f"[{escape(rolnamen[r])}]({relatief(van, rolpagina_pad(r))})" for r in v.rollen]
        delen += ["", "**Voor:** " + " · ".join(links)]
    delen += ["", "</div>"]
    if v.is_verouderd(vandaag):
        delen += [
            "",
            '!!! warning "Deze pagina is aan herziening toe"',
            "",
            f"    Deze pagina had vóór {datum_tekst(v.herzien_voor)} opnieuw gecontroleerd moeten worden.",  # type: ignore[arg-type]
            "    Dat is nog niet gebeurd. Controleer de inhoud voordat u erop vertrouwt.",
        ]
    return "\n".join(delen)


def voeg_na_titel(markdown: str, blok: str) -> str:
    """Zet ``blok`` direct onder de eerste kop van niveau 1 (buiten codeblokken), of bovenaan."""
    if not blok:
        return markdown
    regels = markdown.split("\n")
    in_code = False
    for i, regel in enumerate(regels):
        if regel.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        elif not in_code and regel.startswith("# "):
            return "\n".join(regels[: i + 1] + ["", blok, ""] + regels[i + 1:])
    return blok + "\n\n" + markdown


def voet_html(v: PaginaVoorkant, licenties: dict[str, Licentie]) -> str:
    """De bron en de licentie van een pagina, voor de voet van de pagina (leeg als er niets is)."""
    if not v.bronnen and not v.licentie:
        return ""
    delen = []
    if v.bronnen:
        items = []
        for b in v.bronnen:
            titel = escape(b.titel)
            tekst = f'<a href="{escape(b.link)}">{titel}</a>' if b.link else titel
            if b.akc:
                tekst += f" (AKC, pagina {b.akc})"
            if b.opmerking:
                tekst += f". {escape(b.opmerking)}"
            items.append(f"<li>{tekst}</li>")
        kop = "Bron" if len(v.bronnen) == 1 else "Bronnen"
        delen.append(f"<p><strong>{kop}</strong></p><ul>{''.join(items)}</ul>")
    if v.werkwijze:
        delen.append(f"<p>{escape(WERKWIJZE_TEKST[v.werkwijze])}</p>")
    if v.licentie:
        lic = licenties[v.licentie]
        zin = f'Licentie: <a href="{escape(lic.url)}" rel="license">{escape(lic.naam)}</a>.'
        if lic.houder:
            zin += f" {escape(lic.houder)}"
        if lic.voorwaarde:
            zin += f" {escape(lic.voorwaarde)}"
        delen.append(f"<p>{zin}</p>")
    return "".join(delen)


def paginatitel(pad: Path) -> str:
    """De titel van een pagina: ``title`` uit de voorkant, anders de eerste kop van niveau 1."""
    titel = lees_voorkant(pad).get("title")
    if isinstance(titel, str) and titel.strip():
        return titel.strip()
    for regel in pad.read_text(encoding="utf-8").splitlines():
        if regel.startswith("# "):
            return regel[2:].split("{")[0].strip()
    return pad.stem
