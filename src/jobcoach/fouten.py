"""Foutmeldingen in het Nederlands: één melding per probleem, met bestand, regel en veld."""

from __future__ import annotations

import errno
import re
import unicodedata
from dataclasses import dataclass

# Tekens die niemand in een tekst bedoelt en die wel iets doen: stuurtekens (C0, DEL, C1; een escape-reeks wist
# een terminal), tekens die de leesrichting omdraaien (bidi), onzichtbare tekens met een breedte van nul,
# losse surrogaten en 'niet-tekens' (U+FFFE, U+FFFF, U+FDD0-U+FDEF; XML en Word weigeren ze).
# In een waarde mogen een tab en een nieuwe regel; in een veldnaam niet.
_ONZICHTBAAR = (
    r"\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164"
    r"\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
)
_NIET_TEKEN = r"\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0010fffe\U0010ffff\ud800-\udfff"
VERBODEN_IN_TEKST = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f" + _ONZICHTBAAR + _NIET_TEKEN + "]")
VERBODEN_IN_NAAM = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad" + _ONZICHTBAAR + _NIET_TEKEN + "]")
# Voor de terminal: alles wat verboden is, ook in een bestandsnaam of een argument; tab en nieuwe regel niet.
_NIET_NAAR_TERMINAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f" + _ONZICHTBAAR + _NIET_TEKEN + "]")

_NAMEN = {
    0x00: "nulteken", 0x07: "bel", 0x08: "backspace", 0x09: "tab", 0x0A: "nieuwe regel", 0x0B: "verticale tab",
    0x0C: "nieuwe pagina", 0x0D: "terug naar begin van de regel", 0x1B: "escape; begin van een terminalopdracht",
    0x7F: "wissen", 0x00AD: "zacht afbreekstreepje", 0x061C: "Arabische richtingsmarkering",
    0x200B: "onzichtbare spatie", 0x200C: "onzichtbare niet-verbinder", 0x200D: "onzichtbare verbinder",
    0x200E: "richtingsmarkering links-naar-rechts", 0x200F: "richtingsmarkering rechts-naar-links",
    0x202A: "richting links-naar-rechts", 0x202B: "richting rechts-naar-links",
    0x202C: "einde van een richting", 0x202D: "richting links-naar-rechts afgedwongen",
    0x202E: "tekstrichting omgedraaid", 0x2060: "onzichtbare woordverbinder", 0x2066: "richting links-naar-rechts",
    0x2067: "richting rechts-naar-links", 0x2068: "richting eerste sterke teken", 0x2069: "einde van een richting",
    0xFEFF: "onzichtbare spatie (BOM)", 0xFFFE: "geen teken", 0xFFFF: "geen teken",
}

_SCHRIFTEN = {"CYRILLIC": "Cyrillische letter", "GREEK": "Griekse letter", "ARMENIAN": "Armeense letter",
              "FULLWIDTH": "brede letter", "LATIN": "Latijnse letter met teken", "MATHEMATICAL": "wiskundige letter"}


def ontsnapt(teken: str) -> str:
    """Een teken zoals Python en YAML het tussen dubbele aanhalingstekens schrijven: \\x1b, \\u202e."""
    code = ord(teken)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def zichtbaar(teken: str) -> str:
    """Een (onzichtbaar) teken zichtbaar beschreven: 'U+001B (\\x1b, escape; …)'."""
    code = ord(teken)
    naam = _NAMEN.get(code) or ("geen teken" if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE else "")
    if not naam and 0xD800 <= code <= 0xDFFF:
        naam = "los surrogaat"
    elif not naam:  # een letter die op een gewone letter lijkt (homoglief), of een ander teken buiten ASCII
        schrift = unicodedata.name(teken, "").split(" ")[0]
        naam = _SCHRIFTEN.get(schrift, "onzichtbaar teken" if unicodedata.category(teken)[0] in "CZ"
                              else "geen gewone (ASCII-)letter")
    return f"U+{code:04X} ({ontsnapt(teken)}{', ' + naam if naam else ''})"


def veilig(tekst: str) -> str:
    """Tekst die veilig in een terminal kan: elk stuur-, richting- of onzichtbaar teken als \\x1b of \\u202e."""
    return _NIET_NAAR_TERMINAL.sub(lambda m: ontsnapt(m.group()), tekst)


def vreemde_tekens(naam: str) -> str:
    """De tekens in een veldnaam die geen gewone letters, cijfers of leestekens (ASCII) zijn, zichtbaar beschreven.

    Zo ziet de gebruiker dat 'tіtel' een Cyrillische і heeft, of 'titel' een onzichtbare spatie.
    """
    return ", ".join(dict.fromkeys(f"'{veilig(t)}' " + zichtbaar(t) if not VERBODEN_IN_NAAM.match(t) else zichtbaar(t)
                                   for t in naam if not " " <= t <= "~"))


_REDENEN = {
    errno.ELOOP: "een link die (via andere links) naar zichzelf wijst; vervang hem door het bestand zelf",
    errno.EACCES: "geen toegang; controleer de rechten van het bestand",
    errno.EPERM: "geen toegang; controleer de rechten van het bestand",
    errno.ENOENT: "het bestand bestaat niet (meer), of is een link naar niets",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EIO: "leesfout van de schijf",
}


def bestandsreden(fout: OSError) -> str:
    """Waarom een bestand niet te lezen is, in gewone taal (zonder de Engelse tekst van het systeem)."""
    return _REDENEN.get(fout.errno or 0, f"systeemfout nummer {fout.errno}" if fout.errno else "onbekende reden")


@dataclass(frozen=True)
class Probleem:
    """Eén probleem in een gegevensbestand."""

    bestand: str
    pad: str
    melding: str
    regel: int | None = None
    code: str = ""  # de soort probleem (een sleutel van 'meldingen' in data/teksten.yml); leeg bij een fout in de YAML

    def __str__(self) -> str:
        # Een bestandsnaam, veldnaam of waarde kan stuurtekens bevatten: nooit rauw naar een terminal of log.
        plaats = veilig(self.bestand) if self.regel is None else f"{veilig(self.bestand)}:{self.regel}"
        if self.pad:
            return f"{plaats}: {veilig(self.pad)}: {veilig(self.melding)}"
        return f"{plaats}: {veilig(self.melding)}"


class Bestandsfout(Exception):
    """Een of meer problemen in een gegevensbestand (casus, regels, pagina, CHANGELOG, resultaten …)."""

    def __init__(self, problemen: list[Probleem]):
        if not problemen:
            raise ValueError("Bestandsfout zonder problemen")
        self.problemen = list(problemen)
        super().__init__(self.tekst())

    def tekst(self) -> str:
        return "\n".join(str(p) for p in self.problemen)


def pad_tekst(loc: tuple[str | int, ...]) -> str:
    """Maak van een veldpad een leesbare tekst, zoals ``schema[2].uren``.

    Rijen in een lijst tellen vanaf 1, zoals een mens ze telt.
    """
    tekst = ""
    for deel in loc:
        if isinstance(deel, int):
            tekst += f"[{deel + 1}]"
        else:
            if len(deel) > 60:  # een melding herhaalt geen veldnaam van 1000 tekens
                deel = f"{deel[:40]}… ({len(deel)} tekens)"
            tekst += f".{deel}" if tekst else str(deel)
    return tekst
