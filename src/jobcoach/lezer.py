"""De lezer van elk gegevensbestand: YAML met regelnummers, één streng basismodel (``Strikt``) en één
teksttype (``Tekst``), en fouten van het gegevensmodel vertaald naar het Nederlands."""

from __future__ import annotations

import difflib
import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

from .fouten import VERBODEN_IN_NAAM, VERBODEN_IN_TEKST, Bestandsfout, Probleem, pad_tekst, vreemde_tekens, zichtbaar

_Basis = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # de C-lezer van libyaml is veel sneller

# Grenzen: een gegevensbestand is klein. Groter of ingewikkelder is een vergissing of opzet.
MAX_BYTES = 1_000_000
MAX_GEBEURTENISSEN = 200_000  # scalars, lijsten en groepen samen
MAX_DIEPTE = 50  # lijsten en groepen in elkaar
MAX_GETOOND = 60  # een waarde in een melding: langer wordt ingekort (een melding herhaalt geen 4000 cijfers)
MAX_CIJFERS = 100  # een getal met meer cijfers noemt de melding 'geen getal dat iemand bedoelt' (veel_cijfers)


def _zonder_yaml11(lader: Any) -> None:
    """Alleen de gewone vormen die een mens bedoelt (YAML 1.2): geen 1:30 (= 90), 0x10, 017, 1_000, yes/no."""
    lader.yaml_implicit_resolvers = {}
    lader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                list("tTfF"))
    lader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
    lader.add_implicit_resolver("tag:yaml.org,2002:timestamp", re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), list("0123456789"))


class _Gegevenslezer(_Basis):  # type: ignore[misc, valid-type]
    """Voor de gegevens van de site (regels, rollen, begrippen, resultaten in JSON): getallen als in JSON."""


_zonder_yaml11(_Gegevenslezer)
_Gegevenslezer.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
_Gegevenslezer.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))


class _Menslezer(_Basis):  # type: ignore[misc, valid-type]
    """Voor bestanden die mensen typen (casussen): alleen gewone decimale getallen, zoals 40, 0.5 of 7.5."""


_zonder_yaml11(_Menslezer)
_Menslezer.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
_Menslezer.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:[0-9]+\.[0-9]+|\.[0-9]+)$"),
                                 list("-+0123456789."))

M = TypeVar("M", bound=BaseModel)

# De zinnen van de meldingen staan in data/teksten.yml (meldingen), één bron met de rekenhulp in de browser.
# De sleutel van een zin is ook de code van het probleem (Probleem.code).
TEKSTEN_PAD = Path(__file__).parent / "data" / "teksten.yml"
with open(TEKSTEN_PAD, encoding="utf-8") as _f:
    _TEKSTEN = yaml.load(_f, Loader=_Gegevenslezer)  # noqa: S506 - een veilige lezer
MELDINGEN: dict[str, str] = _TEKSTEN["meldingen"]


def geen_dubbele(waarden: list[str], wat: str) -> None:
    """``ValueError`` met de waarden die meer dan eens voorkomen: '<wat>: a, b' (voor de controles van een lijst)."""
    dubbel = sorted({w for w in waarden if waarden.count(w) > 1})
    if dubbel:
        raise ValueError(f"{wat}: {', '.join(dubbel)}")


class Strikt(BaseModel):
    """Het basismodel van elk gegevensbestand: onbekende velden zijn een fout, een ingelezen waarde verandert niet."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _geen_stuurtekens(waarde: str) -> str:
    m = VERBODEN_IN_TEKST.search(waarde)
    if m is not None:
        raise PydanticCustomError("stuurteken", _stuurteken_melding(m.group()))
    return waarde


def _stuurteken_melding(teken: str) -> str:
    return MELDINGEN["stuurteken"].format(teken=zichtbaar(teken))


# Het teksttype van elk gegevensbestand: echte tekst (geen getal of ja/nee), niet leeg, niet eindeloos, zonder
# stuur-, richting- of onzichtbare tekens (ook niet via een escape als "\e" of "\u202E").
Tekst = Annotated[str, Field(strict=True, min_length=1, max_length=5000), AfterValidator(_geen_stuurtekens)]

Pad = tuple[str | int, ...]


def toon_pad(pad: Path) -> str:
    """Een bestandsnaam zoals de gebruiker hem kent: relatief aan de werkmap waar dat kan."""
    try:
        relatief = os.path.relpath(pad)
    except ValueError:  # ander station op Windows (D: en C:)
        return str(pad)
    # Buiten de werkmap: het volledige pad, zonder links te volgen (de naam die de gebruiker gaf, ook bij een lus).
    return os.path.abspath(pad) if relatief.startswith("..") else relatief


class YamlDocument:
    """Een ingelezen YAML-bestand: de gegevens plus de plaats (regel) van elk veld."""

    def __init__(self, bestand: str, gegevens: Any, knoop: yaml.Node | None, problemen: list[Probleem] | None = None) -> None:
        self.bestand = bestand
        self.gegevens = gegevens
        self._knoop = knoop
        # Problemen die al bij het lezen zijn gevonden (dubbele sleutels); ze komen bij de rest.
        self.problemen = list(problemen or [])

    def regel(self, pad: Pad) -> int | None:
        """Het regelnummer (vanaf 1) van het veld op ``pad``, of van het dichtstbijzijnde veld erboven."""
        knoop = self._knoop
        if knoop is None:
            return None
        beste = knoop.start_mark.line + 1
        for deel in pad:
            volgende = None
            if isinstance(knoop, yaml.MappingNode) and isinstance(deel, str):
                for sleutel, waarde in knoop.value:
                    if isinstance(sleutel, yaml.ScalarNode) and sleutel.value == deel:
                        volgende = waarde
                        beste = sleutel.start_mark.line + 1
                        break
            elif isinstance(knoop, yaml.SequenceNode) and isinstance(deel, int):
                if 0 <= deel < len(knoop.value):
                    volgende = knoop.value[deel]
                    beste = volgende.start_mark.line + 1
            if volgende is None:
                break
            knoop = volgende
        return beste

    def regel_van_sleutel(self, pad: Pad, waarde: Any) -> int | None:
        """De regel van de sleutel met deze (ingelezen) waarde in de groep op ``pad``: een getal, datum of ja/nee
        als veldnaam. ``None`` als die er niet is."""
        knoop = self._knoop
        for deel in pad:
            if isinstance(knoop, yaml.MappingNode) and isinstance(deel, str):
                knoop = next((w for s, w in knoop.value if isinstance(s, yaml.ScalarNode) and s.value == deel), None)
            elif isinstance(knoop, yaml.SequenceNode) and isinstance(deel, int) and 0 <= deel < len(knoop.value):
                knoop = knoop.value[deel]
            else:
                return None
        if not isinstance(knoop, yaml.MappingNode):
            return None
        lezer = _Menslezer("")
        try:
            for sleutel, _ in knoop.value:
                if (isinstance(sleutel, yaml.ScalarNode) and sleutel.tag != "tag:yaml.org,2002:str"
                        and lezer.construct_object(sleutel) == waarde):
                    return int(sleutel.start_mark.line) + 1
        finally:
            lezer.dispose()
        return None

    def sleutels(self, pad: Pad) -> list[str]:
        """De sleutels die in het bestand staan op de mapping op ``pad``."""
        gegevens = self.gegevens
        for deel in pad:
            try:
                gegevens = gegevens[deel]
            except (KeyError, IndexError, TypeError):
                return []
        return [str(k) for k in gegevens] if isinstance(gegevens, dict) else []


_MAPFOUTEN = {
    errno.ENOENT: "de map bestaat niet",
    errno.ELOOP: "de map is een link die (via andere links) naar zichzelf wijst",
    errno.ENOTDIR: "dit is geen map",
    errno.EACCES: "de map kan niet worden gelezen (geen toegang; controleer de rechten)",
    errno.EPERM: "de map kan niet worden gelezen (geen toegang; controleer de rechten)",
    errno.ENAMETOOLONG: "de naam van de map is te lang",
}


def bestanden_in_map(map_: Path, achtervoegsel: str = ".yml") -> list[Path]:
    """De bestanden met dit achtervoegsel in een map, op naam. Gooit ``Bestandsfout`` als de map niet te lezen is
    (zonder map, zonder leesrecht, een link naar zichzelf), in plaats van stil niets te vinden."""
    try:
        with os.scandir(map_) as items:
            namen = sorted(item.name for item in items if item.name.endswith(achtervoegsel))
    except OSError as fout:
        reden = _MAPFOUTEN.get(fout.errno or 0, f"de map kan niet worden gelezen ({fout.strerror or 'onbekende fout'})")
        raise Bestandsfout([Probleem(toon_pad(map_), "", reden)]) from None
    return [map_ / naam for naam in namen]


def _lees_bestand(pad: Path, bestand: str, binnen: Path | None) -> str:
    """De tekst van een bestand, begrensd en veilig: geen link naar buiten het project, geen lus, geen apparaat."""
    try:
        echt = pad.resolve(strict=True)
    except (RuntimeError, OSError) as fout:
        if isinstance(fout, RuntimeError) or getattr(fout, "errno", None) == errno.ELOOP:
            raise Bestandsfout([Probleem(bestand, "", "dit is een link die (via andere links) naar zichzelf wijst; "
                                                       "vervang hem door het bestand zelf")]) from None
        if pad.is_symlink():
            raise Bestandsfout([Probleem(bestand, "", "dit is een link naar een bestand dat niet bestaat")]) from None
        raise Bestandsfout([Probleem(bestand, "", "bestand bestaat niet")]) from None
    if binnen is not None and pad.absolute().is_relative_to(binnen.absolute()) and not echt.is_relative_to(binnen.resolve()):
        raise Bestandsfout([Probleem(bestand, "", "dit is een link naar een bestand buiten het project; de site leest "
                                                   "alleen bestanden in het project. Zet het bestand zelf hier neer")])
    if echt.is_dir():
        raise Bestandsfout([Probleem(bestand, "", "dit is een map, geen bestand")])
    if not echt.is_file():  # vóór het openen: een FIFO of apparaat zou het lezen laten wachten of eindeloos maken
        raise Bestandsfout([Probleem(bestand, "", "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat)")])
    try:
        with open(echt, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # intussen vervangen
                raise Bestandsfout([Probleem(bestand, "", "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat)")])
            ruw = f.read(MAX_BYTES + 1)
    except OSError as fout:
        raise Bestandsfout([Probleem(bestand, "", f"bestand kan niet worden gelezen ({fout.strerror})")]) from None
    if len(ruw) > MAX_BYTES:
        raise Bestandsfout([Probleem(bestand, "", MELDINGEN["te_groot_bestand"].format(mb=MAX_BYTES // 1_000_000))])
    return _tekst_uit(ruw, bestand)


def _tekst_uit(ruw: bytes, bestand: str) -> str:
    if ruw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Bestandsfout([Probleem(bestand, "", MELDINGEN["utf16"], 1)])
    try:
        tekst = ruw.decode("utf-8")
    except UnicodeDecodeError as fout:
        regel = ruw.count(b"\n", 0, fout.start) + 1
        raise Bestandsfout([Probleem(bestand, "", MELDINGEN["geen_utf8"], regel)]) from None
    return tekst.removeprefix("\ufeff")  # een UTF-8-BOM (zoals Kladblok die schrijft) is geen inhoud


# Stuurtekens die nergens in een bestand mogen staan (de rekenhulp krijgt hetzelfde patroon: jobcoach.browser).
STUURTEKEN_IN_BESTAND = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _stuurtekens(tekst: str, bestand: str) -> list[Probleem]:
    m = STUURTEKEN_IN_BESTAND.search(tekst)
    if m is not None:
        regel = tekst.count("\n", 0, m.start()) + 1
        return [Probleem(bestand, "", MELDINGEN["stuurteken_bestand"].format(teken=f"U+{ord(m.group()):04X}"), regel)]
    # Een BOM vooraan een regel, behalve één helemaal vooraan (twee bestanden aan elkaar geplakt, of een BOM aan het
    # eind): PyYAML leest er soms een nieuw begin in, soms een fout, js-yaml iets anders. Eén melding, met de regel.
    begin = 1 if tekst.startswith("\ufeff") else 0
    plek = begin if tekst.startswith("\ufeff", begin) else tekst.find("\n\ufeff", begin) + 1  # 0: geen
    if plek:
        return [Probleem(bestand, "", MELDINGEN["bom"], tekst.count("\n", 0, plek) + 1)]
    return []


# Een tag zoals hij in het bestand staat: !x, !!str of !<tag:…>, eventueel na een anker (&naam).
_TAG = re.compile(r"(?:&[^\s,\[\]{}]+\s+)?(!<[^>]*>|![^\s,\[\]{}]*)")


def _geschreven_tag(tekst: str, gebeurtenis: yaml.Event, tag: str) -> str:
    """De tag zoals de gebruiker hem typte (!!python/object), niet zoals PyYAML hem uitschrijft
    (tag:yaml.org,2002:python/object); zo noemt de rekenhulp hem ook."""
    m = _TAG.match(tekst, gebeurtenis.start_mark.index) if gebeurtenis.start_mark else None
    return m.group(1) if m else tag


def _gebeurtenissen(tekst: str, bestand: str, lader: type, verwijzingen: bool) -> list[Probleem]:
    """Eén keer door de YAML-gebeurtenissen, zonder iets op te bouwen: verwijzingen, tags, documenten, omvang.

    Zo kost ook een 'bom' van verwijzingen (een paar honderd bytes die uitgepakt miljarden waarden zijn) niets:
    de eerste & of * geeft de melding.
    """
    documenten = diepte = 0
    for aantal, g in enumerate(yaml.parse(tekst, Loader=lader)):
        regel = g.start_mark.line + 1 if g.start_mark else None
        if aantal > MAX_GEBEURTENISSEN:
            return [Probleem(bestand, "", f"bestand heeft meer dan {MAX_GEBEURTENISSEN} waarden; dat is geen casus of "
                                          "gegevensbestand meer", regel)]
        if not verwijzingen and (isinstance(g, yaml.AliasEvent) or getattr(g, "anchor", None)):
            return [Probleem(bestand, "", MELDINGEN["ankers"], regel)]
        tag = getattr(g, "tag", None)  # alleen gezet als er in het bestand een tag staat (!x of !!str)
        if tag is not None:
            return [Probleem(bestand, "", MELDINGEN["yaml_tag"].format(tag=_geschreven_tag(tekst, g, tag)), regel)]
        if isinstance(g, yaml.CollectionStartEvent):
            diepte += 1
            if diepte > MAX_DIEPTE:
                return [Probleem(bestand, "", MELDINGEN["te_diep"].format(max=MAX_DIEPTE), regel)]
        elif isinstance(g, yaml.CollectionEndEvent):
            diepte -= 1
        elif isinstance(g, yaml.DocumentStartEvent):
            documenten += 1
            if documenten == 2:
                return [Probleem(bestand, "", MELDINGEN["twee_documenten"], regel)]
    return []


def lees_yaml(pad: Path, tekst: str | None = None, *, mens: bool = False, binnen: Path | None = None,
              verwijzingen: bool = False) -> YamlDocument:
    """Lees een YAML-bestand. Gooit ``Bestandsfout`` bij een onleesbaar bestand of ongeldige YAML.

    - ``mens``: een bestand dat mensen typen (een casus): alleen gewone decimale getallen;
    - ``binnen``: de map van het project. Een bestand in die map mag (via een link) niet naar buiten wijzen;
    - ``verwijzingen``: ankers (&) en verwijzingen (*) van YAML toestaan (alleen voor de eigen gegevens van de site).

    Nooit toegestaan: meer dan één document, YAML-tags, stuurtekens, een bestand groter dan 1 MB. Vormen van
    YAML 1.1 worden niet omgezet (1:30 blijft tekst, geen 90), zodat het model er een duidelijke melding over geeft.
    """
    bestand = toon_pad(pad)
    if tekst is None:
        tekst = _lees_bestand(pad, bestand, binnen)
    elif len(tekst.encode("utf-8")) > MAX_BYTES:
        raise Bestandsfout([Probleem(bestand, "", MELDINGEN["te_groot_tekst"].format(mb=MAX_BYTES // 1_000_000))])
    lader = _Menslezer if mens else _Gegevenslezer
    try:
        problemen = _stuurtekens(tekst, bestand) or _gebeurtenissen(tekst, bestand, lader, verwijzingen)
        if problemen:
            raise Bestandsfout(problemen)
        lezer = lader(tekst)
        try:
            knoop = lezer.get_single_node()
            problemen = _verborgen_tekens(bestand, knoop)
            if problemen:
                raise Bestandsfout(problemen)
            problemen = _dubbele_sleutels(bestand, knoop)
            try:
                gegevens = lezer.construct_document(knoop) if knoop is not None else None
            except ValueError:  # bijvoorbeeld een datum die niet bestaat: 2011-02-30
                raise Bestandsfout([_onmogelijke_waarde(bestand, knoop)]) from None
            except TypeError:  # een lijst of groep als sleutel (een oudere PyYAML)
                raise Bestandsfout([_sleutel_geen_tekst(bestand, knoop)]) from None
            except yaml.constructor.ConstructorError as fout:  # dezelfde fout zoals PyYAML 6 hem meldt
                if fout.problem != "found unhashable key":
                    raise
                raise Bestandsfout([_sleutel_geen_tekst(bestand, knoop)]) from None
        finally:
            lezer.dispose()
    except yaml.MarkedYAMLError as fout:
        mark = fout.problem_mark or fout.context_mark
        regel = mark.line + 1 if mark is not None else None
        uitleg = _yaml_uitleg(fout)
        if mark is not None and _teken(tekst, mark.line, mark.column) == "\t":
            uitleg = MELDINGEN["tab"]
        raise Bestandsfout([Probleem(bestand, "", MELDINGEN["ongeldige_yaml"].format(uitleg=uitleg), regel)]) from None
    except yaml.YAMLError as fout:
        raise Bestandsfout([Probleem(bestand, "", MELDINGEN["ongeldige_yaml"].format(uitleg=_yaml_uitleg(fout)))]) from None
    return YamlDocument(bestand, gegevens, knoop, problemen)


def _verborgen_tekens(bestand: str, knoop: yaml.Node | None) -> list[Probleem]:
    r"""Stuurtekens die pas na het lezen bestaan: uit een escape tussen dubbele aanhalingstekens ("\e", "\v",
    "\0", "\uFFFE", "\u202E"). Ze gelden voor elke tekst en elke veldnaam, in elk gegevensbestand."""
    problemen: list[Probleem] = []
    for huidige, pad in _knopen_met_pad(knoop):
        if len(problemen) >= 20:
            break
        if isinstance(huidige, yaml.MappingNode):
            for sleutel, _ in huidige.value:
                m = VERBODEN_IN_NAAM.search(sleutel.value) if isinstance(sleutel, yaml.ScalarNode) else None
                if m is not None:
                    problemen.append(Probleem(bestand, pad_tekst(pad + (sleutel.value,)), MELDINGEN["stuurteken_naam"].format(
                        teken=zichtbaar(m.group())), sleutel.start_mark.line + 1, "stuurteken"))
        elif isinstance(huidige, yaml.ScalarNode):
            m = VERBODEN_IN_TEKST.search(huidige.value)
            if m is not None:
                problemen.append(Probleem(bestand, pad_tekst(pad), _stuurteken_melding(m.group()),
                                          huidige.start_mark.line + 1, "stuurteken"))
    return sorted(problemen, key=lambda p: p.regel or 0)


def _sleutel_geen_tekst(bestand: str, knoop: yaml.Node) -> Probleem:
    for huidige in _knopen(knoop):
        if isinstance(huidige, yaml.MappingNode):
            for sleutel, _ in huidige.value:
                if not isinstance(sleutel, yaml.ScalarNode):
                    return Probleem(bestand, "", MELDINGEN["sleutel_lijst"],
                                    sleutel.start_mark.line + 1)
    return Probleem(bestand, "", MELDINGEN["sleutel_lijst"])


def _knopen(knoop: yaml.Node | None):  # noqa: ANN202
    """Elke knoop één keer (ook als verwijzingen dezelfde knoop vaker gebruiken)."""
    gezien: set[int] = set()
    te_doen = [knoop] if knoop is not None else []
    while te_doen:
        huidige = te_doen.pop()
        if id(huidige) in gezien:
            continue
        gezien.add(id(huidige))
        yield huidige
        if isinstance(huidige, yaml.MappingNode):
            for sleutel, waarde in huidige.value:
                te_doen += [sleutel, waarde]
        elif isinstance(huidige, yaml.SequenceNode):
            te_doen += huidige.value


def _knopen_met_pad(knoop: yaml.Node | None) -> Iterator[tuple[yaml.Node, Pad]]:
    """Elke waarde één keer (ook als verwijzingen dezelfde knoop vaker gebruiken), in de volgorde van het bestand,
    met haar veldpad. Onder een sleutel die geen tekst is (een lijst of groep) heet het veld '?'."""
    gezien: set[int] = set()
    te_doen: list[tuple[yaml.Node, Pad]] = [(knoop, ())] if knoop is not None else []
    while te_doen:
        huidige, pad = te_doen.pop()
        if id(huidige) in gezien:
            continue
        gezien.add(id(huidige))
        yield huidige, pad
        if isinstance(huidige, yaml.MappingNode):
            te_doen += [(w, pad + (s.value if isinstance(s, yaml.ScalarNode) else "?",)) for s, w in reversed(huidige.value)]
        elif isinstance(huidige, yaml.SequenceNode):
            te_doen += [(w, pad + (i,)) for i, w in reversed(list(enumerate(huidige.value)))]


# Veelvoorkomende meldingen van libyaml, in gewone taal.
_YAML_MELDINGEN = {
    "did not find expected key": "verwachtte hier een nieuwe sleutel; klopt het inspringen?",
    "mapping values are not allowed here": (
        "hier mag geen 'sleutel: waarde' staan; klopt het inspringen, of staat er een ':' in tekst "
        "zonder aanhalingstekens?"
    ),
    "found character '\\t' that cannot start any token": MELDINGEN["tab"],
    "found character '\t' that cannot start any token": MELDINGEN["tab"],
    "found a tab character": MELDINGEN["tab"],
    "did not find expected ',' or ']'": "een lijst tussen [ en ] is niet goed afgesloten",
    "did not find expected ',' or '}'": "een groep tussen { en } is niet goed afgesloten",
    "expected ',' or ']'": "een lijst tussen [ en ] is niet goed afgesloten",  # de lezer zonder libyaml
    "expected ',' or '}'": "een groep tussen { en } is niet goed afgesloten",
    "found unexpected end of stream": MELDINGEN["einde-in-tekst"],
    "could not find expected ':'": MELDINGEN["na_sleutel"],
    "did not find expected '-' indicator": "verwachtte een nieuw lijstitem ('- '); klopt het inspringen?",
    "found undefined alias": "verwijzing (*naam) naar iets dat niet bestaat",
    "found invalid Unicode character escape code": (
        "een escape (\\u of \\U) voor een teken dat niet bestaat (een los surrogaat zoals \\ud800); haal het weg"
    ),
    "found unknown escape character": "onbekend teken na een '\\' in tekst tussen dubbele aanhalingstekens",
    "mapping values are not allowed in this context": MELDINGEN["dubbele-punt"],
    "expected a single document in the stream": "het bestand bevat meer dan één document; zet alles in één document",
    "control characters are not allowed": "onzichtbaar stuurteken in het bestand; haal het weg",
    "found character that cannot start any token": "dit teken kan hier niet staan; zet de tekst tussen aanhalingstekens",
    "found a BOM": MELDINGEN["bom"],
    "found duplicate anchor": "gebruik geen & en * (ankers en verwijzingen van YAML)",
    "could not determine a constructor for the tag": "gebruik geen YAML-tags (zoals !x); schrijf gewone tekst of getallen",
    "while scanning a quoted scalar": "een tekst tussen aanhalingstekens wordt niet afgesloten",
    "while scanning a simple key": "na een sleutel hoort een ':'; of staat er een ':' in tekst zonder aanhalingstekens?",
}


def _teken(tekst: str, regel: int, kolom: int) -> str:
    regels = tekst.splitlines()
    if 0 <= regel < len(regels) and 0 <= kolom < len(regels[regel]):
        return regels[regel][kolom]
    return ""


def _yaml_uitleg(fout: yaml.YAMLError) -> str:
    """De melding van libyaml in gewone taal. Geen Engelse tekst: een onbekende fout krijgt een algemene zin."""
    kandidaten = [getattr(fout, "problem", None), getattr(fout, "context", None), str(fout)]
    for origineel in [k for k in kandidaten if k]:
        for engels, nederlands in _YAML_MELDINGEN.items():
            if origineel.startswith(engels):
                return nederlands
        if origineel.startswith("expected <block end>"):  # de lezer zonder libyaml
            return "het inspringen klopt niet"
        if re.match(r"found character '.+' that cannot start any token", origineel):  # zonder libyaml: met het teken
            return _YAML_MELDINGEN["found character that cannot start any token"]
    return "het bestand is geen geldige YAML op deze plek; vergelijk het met het sjabloon (docs/sjablonen/casus.md)"


def _onmogelijke_waarde(bestand: str, knoop: yaml.Node) -> Probleem:
    """Zoek de waarde die PyYAML niet kon omzetten (in de praktijk: een datum die niet bestaat)."""
    te_doen: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(knoop, ())]
    gezien: set[int] = set()
    while te_doen:
        huidige, pad = te_doen.pop(0)
        if id(huidige) in gezien:
            continue
        gezien.add(id(huidige))
        if huidige.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and len(huidige.value) > MAX_CIJFERS:
            return Probleem(bestand, pad_tekst(pad), MELDINGEN["veel_cijfers"].format(cijfers=len(huidige.value)),
                            huidige.start_mark.line + 1)
        if isinstance(huidige, yaml.MappingNode):
            te_doen += [(w, pad + (str(s.value),)) for s, w in huidige.value if isinstance(s, yaml.ScalarNode)]
        elif isinstance(huidige, yaml.SequenceNode):
            te_doen += [(w, pad + (i,)) for i, w in enumerate(huidige.value)]
        elif huidige.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(huidige)
            except ValueError:
                return Probleem(bestand, pad_tekst(pad), MELDINGEN["datum_bestaat_niet"].format(waarde=huidige.value),
                                huidige.start_mark.line + 1)
    return Probleem(bestand, "", "een waarde in het bestand kan niet worden gelezen")


def _dubbele_sleutels(bestand: str, knoop: yaml.Node | None) -> list[Probleem]:
    """PyYAML houdt bij een dubbele sleutel stil alleen de laatste over: dat melden we."""
    problemen: list[Probleem] = []
    for huidige, pad in _knopen_met_pad(knoop):
        if isinstance(huidige, yaml.MappingNode):
            gezien: dict[str, int] = {}
            for sleutel, _ in huidige.value:
                if isinstance(sleutel, yaml.ScalarNode):
                    regel = sleutel.start_mark.line + 1
                    if sleutel.value in gezien:  # het hele veld, zoals de andere meldingen: schema[2].uren
                        problemen.append(Probleem(bestand, pad_tekst(pad + (sleutel.value,)), MELDINGEN["dubbele_sleutel"].format(regel=gezien[sleutel.value]), regel))
                    else:
                        gezien[sleutel.value] = regel
    return sorted(problemen, key=lambda p: p.regel or 0)


def valideer(document: YamlDocument, model: type[M], context: dict[str, Any] | None = None) -> M:
    """Controleer de gegevens tegen het model; gooi ``Bestandsfout`` met een Nederlandse melding per probleem."""
    if document.gegevens is None:
        raise Bestandsfout(document.problemen + [Probleem(document.bestand, "", MELDINGEN["leeg_bestand"])])
    if not isinstance(document.gegevens, dict):
        raise Bestandsfout(
            [Probleem(document.bestand, "", MELDINGEN["geen_velden"], 1)]
        )
    problemen = list(document.problemen)
    resultaat = None
    try:
        resultaat = model.model_validate(document.gegevens, context=context)
    except ValidationError as fout:
        problemen += [_vertaal(document, model, e) for e in fout.errors(include_url=False)]
    if problemen:
        problemen.sort(key=lambda p: (p.regel or 0, p.pad))
        raise Bestandsfout(problemen)
    assert resultaat is not None  # zonder problemen is het model gelezen
    return resultaat


def laad_yaml_model(pad: Path, model: type[M], context: dict[str, Any] | None = None, **opties: Any) -> M:
    """Lees een bestand (``opties`` gaan naar ``lees_yaml``) en controleer het tegen ``model``."""
    return valideer(lees_yaml(pad, **opties), model, context)


def _waarde(invoer: Any) -> str:
    w = _TEKSTEN["waarden"]
    if isinstance(invoer, (dict, list)):
        return w["groep"] if isinstance(invoer, dict) else w["lijst"]
    if invoer is None:
        return w["leeg"]
    if isinstance(invoer, bool):
        return w["ja"] if invoer else w["nee"]
    if isinstance(invoer, int) and abs(invoer) >= 10**MAX_GETOOND:  # str() van een int van 4300+ cijfers faalt zelfs
        return w["cijfers"].format(cijfers=_cijfers(abs(invoer)))
    if isinstance(invoer, str):  # het aantal tekens van de tekst zelf, zonder de aanhalingstekens van repr
        tekst = repr(invoer)
        return tekst if len(tekst) <= MAX_GETOOND else w["ingekort"].format(begin=repr(invoer[:20]), tekens=len(invoer))
    tekst = str(invoer)
    return tekst if len(tekst) <= MAX_GETOOND else w["ingekort"].format(begin=tekst[:20], tekens=len(tekst))


def _cijfers(n: int) -> int:
    """Het aantal cijfers van n (>= 1), zonder str(n): dat weigert Python boven 4300 cijfers."""
    cijfers = max(1, int(n.bit_length() * 0.30102999566398))
    while 10**cijfers <= n:
        cijfers += 1
    while cijfers > 1 and 10 ** (cijfers - 1) > n:
        cijfers -= 1
    return cijfers


def _getal(x: Any) -> str:
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x).replace(".", ",")


# Fouttypen uit ons eigen model: hun tekst is al Nederlands en compleet.
# Elke code van een PydanticCustomError in casus.py en regels.py hoort hier: anders komt er '(gevonden: …)' achter,
# bij een controle van het hele model de nietszeggende '(gevonden: een groep velden)'.
EIGEN_FOUTEN = {"ontbreekt", "dubbel", "onbekend_protocol", "onbekend_kader", "kader_protocol", "alleen_bij",
                "fasen_te_lang", "datums", "perioden", "geldend", "kaders", "stuurteken"}


def _vertaal(document: YamlDocument, model: type[BaseModel], fout: ErrorDetails) -> Probleem:
    loc: Pad = tuple(fout["loc"])
    soort = fout["type"]
    ctx = fout.get("ctx") or {}
    invoer = fout.get("input")
    extra_veld = ctx.get("veld")
    if extra_veld:
        loc = loc + (tuple(extra_veld) if isinstance(extra_veld, (tuple, list)) else (extra_veld,))
    m = MELDINGEN
    gevonden = m["gevonden"].format(waarde=_waarde(invoer))
    code = _CODES.get(soort, soort)
    if soort == "missing":
        melding = m["ontbreekt"]
        bestaand = document.sleutels(loc[:-1])
        bekende = _velden(model, loc[:-1])
        vergissing = [k for k in bestaand if k not in bekende and difflib.get_close_matches(k, [str(loc[-1])], n=1)]
        if vergissing:
            melding += m["tikfout"].format(sleutel=vergissing[0])
        regel = document.regel(loc[:-1])
    elif soort == "extra_forbidden":
        bekende = _velden(model, loc[:-1])
        melding = m["onbekend_veld"]
        vreemd = vreemde_tekens(str(loc[-1]))
        if vreemd:  # 'tіtel' met een Cyrillische і lijkt op 'titel': noem het verschil
            melding += m["vreemde_tekens"].format(tekens=vreemd)
        suggestie = difflib.get_close_matches(str(loc[-1]), bekende, n=1)
        if suggestie:
            melding += m["bedoelt_u"].format(veld=suggestie[0])
        elif bekende:
            melding += m["toegestaan"].format(velden=", ".join(bekende))
        regel = document.regel(loc)
    elif soort in EIGEN_FOUTEN:
        regel = document.regel(loc) if soort != "ontbreekt" else document.regel(loc[:-1])
        melding = fout.get("msg", "")
    elif soort == "invalid_key":
        regel = document.regel_van_sleutel(loc[:-1], invoer) or document.regel(loc[:-1])
        melding = m["sleutel_geen_tekst"] + gevonden
        loc = loc[:-1]
    else:
        regel = document.regel(loc)
        melding = _melding(soort, ctx, fout.get("msg", ""))
        if soort == "float_type" and isinstance(invoer, int) and not isinstance(invoer, bool):
            # een geheel getal dat te groot is voor een kommagetal (meer dan 308 cijfers): niet 'moet een getal zijn'
            melding = m["veel_cijfers"].format(cijfers=_cijfers(abs(invoer)))
            gevonden, code = "", "veel_cijfers"
        if soort == "too_short" and ctx.get("min_length") == 1:
            code = "leeg"
        # Een eigen zin (ValueError of PydanticCustomError) over een hele lijst of groep: '(gevonden: een lijst)'
        # zegt dan niets; bij één waarde wel.
        eigen_zin = soort not in _CODES
        if soort not in {"too_short", "string_too_short", "too_long", "string_too_long"} and not (
                eigen_zin and isinstance(invoer, (dict, list))):
            melding += gevonden
        grens = _grens(model, loc) if soort in {"less_than_equal", "less_than"} else ""
        if grens:
            melding += f": {grens}"
        hint = _hint(soort, invoer)
        if hint:
            melding += f"; {hint}"
    return Probleem(document.bestand, pad_tekst(loc), melding, regel, code)


# Vormen die iemand typt en die geen gewoon getal zijn: wat de melding dan aanraadt (teksten.yml, hints).
_HINTS = [(re.compile(h["patroon"]), h["tekst"]) for h in _TEKSTEN["hints"]]
def _hint(soort: str, invoer: Any) -> str:
    if not isinstance(invoer, str):
        return ""
    if soort in {"float_type", "float_parsing", "int_type", "int_parsing"}:
        for patroon, hint in _HINTS:
            if patroon.match(invoer.strip()):
                return hint
    return ""


def _grens(model: type[BaseModel], loc: Pad) -> str:
    """De uitleg bij een bovengrens (``json_schema_extra={"grens": …}`` in het model), als die er is."""
    velden = [d for d in loc if isinstance(d, str)]
    if not velden:
        return ""
    huidig: Any = model
    for deel in velden[:-1]:
        veld = _veld(huidig, deel)
        huidig = _binnenste_model(veld.annotation) if veld is not None else None
        if huidig is None:
            return ""
    veld = _veld(huidig, velden[-1])
    extra = getattr(veld, "json_schema_extra", None) if veld is not None else None
    return str(extra.get("grens", "")) if isinstance(extra, dict) else ""


# Van het fouttype van pydantic naar de code (en de zin) in data/teksten.yml.
_CODES = {
    "float_type": "getal", "float_parsing": "getal", "finite_number": "getal",
    "int_type": "geheel", "int_parsing": "geheel", "int_from_float": "geheel",
    "string_type": "tekst", "bool_type": "janee", "bool_parsing": "janee", "list_type": "lijst",
    "dict_type": "groep", "model_type": "groep", "model_attributes_type": "groep",
    "date_type": "datum", "date_parsing": "datum", "date_from_datetime_parsing": "datum",
    "date_from_datetime_inexact": "datum", "greater_than_equal": "ge", "greater_than": "gt",
    "less_than_equal": "le", "less_than": "lt", "literal_error": "keuze", "too_short": "te_kort",
    "too_long": "te_veel", "string_too_long": "te_lang", "string_too_short": "leeg",
    "string_pattern_mismatch": "vorm", "missing": "ontbreekt", "extra_forbidden": "onbekend_veld",
    "invalid_key": "sleutel_geen_tekst",
}


def _melding(soort: str, ctx: dict[str, Any], origineel: str) -> str:
    code = _CODES.get(soort)
    if code in {"ge", "gt", "le", "lt"}:
        return MELDINGEN[code].format(grens=_getal(ctx[code]))
    if code == "keuze":
        return MELDINGEN[code].format(keuzes=ctx.get("expected", "").replace("' or '", "', '"))
    if code == "te_kort":
        min_lengte = ctx.get("min_length")
        return MELDINGEN["leeg"] if min_lengte == 1 else MELDINGEN[code].format(min=min_lengte)
    if code in {"te_veel", "te_lang"}:
        return MELDINGEN[code].format(max=ctx.get("max_length"))
    if code is not None:
        return MELDINGEN[code]
    if soort == "value_error":
        return str(ctx.get("error", origineel)).removeprefix("Value error, ")
    # Eigen fouten (PydanticCustomError) hebben al een Nederlandse tekst.
    return origineel


def _velden(model: type[BaseModel], loc: Pad) -> list[str]:
    """De veldnamen van het (deel)model op ``loc``."""
    huidig: Any = model
    for deel in loc:
        if isinstance(deel, int):
            continue
        veld = _veld(huidig, str(deel))
        if veld is None:
            return []
        huidig = _binnenste_model(veld.annotation)
        if huidig is None:
            return []
    return [v.alias or naam for naam, v in getattr(huidig, "model_fields", {}).items()]


def _veld(model: Any, naam: str) -> Any:
    for veldnaam, veld in getattr(model, "model_fields", {}).items():
        if (veld.alias or veldnaam) == naam:
            return veld
    return None


def _binnenste_model(annotatie: Any) -> type[BaseModel] | None:
    if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        return annotatie
    for arg in getattr(annotatie, "__args__", ()) or ():
        gevonden = _binnenste_model(arg)
        if gevonden is not None:
            return gevonden
    return None
