"""Controles op een berekende casus. Ze leveren bevindingen op, geen fouten: de casus blijft geldig.

Elke bevinding noemt het kader en de bron van haar regel ('Bron: de regels van juli 2011, Kamervragen …').
De zinnen staan in ``data/teksten.yml`` (één bron met de rekenhulp in de browser); de grenzen in
``data/regels.yml``. Een grens is 'hoogstens': precies op de grens is geen bevinding, erboven wel.

Welke controles bij welk kader horen:

- elk kader: advies lager of hoger dan de berekende behoefte (Leidraad: de goedkoopste adequate voorziening),
  een verlenging zonder minder uren dan de vorige periode, geen uren, aannemelijkheid van de invoer;
- een protocol met percentages (de regels van juli 2011): het berekende percentage en de regimes tegen
  10% (volstaat meestal) en 15% (alleen met uitdrukkelijke onderbouwing);
- de interne jobcoach: het percentage per periode tegen het maximum van zijn jaar (15 / 7,5 / 6%), en
  perioden na jaar 3;
- een protocol met een standaardsituatie: duur, uren per week en loonwaarde van het contract;
- alleen een historische casus (Protocol Jobcoach): of het protocol gold op de datum, en dat het sinds
  1 oktober 2019 niet meer geldt. Een casus van nu krijgt die waarschuwingen nooit.
"""

from __future__ import annotations

from fractions import Fraction

from .casus import Regime, breuk
from .opmaak import datum, getal, procent, procent_afgekapt, uren
from .regels import Protocol, Regels
from .teksten import TEKSTEN
from .uitkomst import MAANDEN_PER_JAAR, Bevinding, Uitkomst

# De bron van 'geen Protocol Jobcoach meer sinds 1 oktober 2019' (ook voor de rekenhulp, via jobcoach.browser).
BRON_VERVALLEN = "wetten.overheid.nl, BWBR0037573"


class _Maker:
    """Maakt bevindingen met het kader en de bron achter de tekst."""

    def __init__(self) -> None:
        self.lijst: list[Bevinding] = []

    def __call__(self, code: str, veld: str, kader: str, bron: str, sleutel: str | None = None,
                 **waarden: str) -> None:
        t = TEKSTEN.bevindingen
        tekst = TEKSTEN.bevinding(sleutel or code, kader=kader, **waarden)
        label = t["bron"].format(kader=kader, bron=bron.strip().rstrip("."))
        self.lijst.append(Bevinding(code, f"{tekst} {label}", veld, label))


def _protocol_bron(p: Protocol) -> str:
    return p.bron_kort or p.bron


def controleer_uitkomst(uitkomst: Uitkomst, regels: Regels) -> list[Bevinding]:
    maak = _Maker()
    _advies_en_berekening(uitkomst, maak)
    if uitkomst.protocol is not None:
        _percentages(uitkomst, uitkomst.protocol, maak)
        _jaren_intern(uitkomst, uitkomst.protocol, maak)
        _standaard(uitkomst, uitkomst.protocol, maak)
    _verlenging(uitkomst, maak)
    if uitkomst.historisch:
        maak.lijst += _geldigheid(uitkomst, regels)
    else:
        _datum_van_nu(uitkomst, maak)
    if uitkomst.begeleidingsuren == Fraction(0):
        t = TEKSTEN.bevindingen
        maak("geen-uren", "schema", t["site"], t["site_bron"])
    return maak.lijst + aannemelijkheid(uitkomst, regels)


def _advies_en_berekening(uitkomst: Uitkomst, maak: _Maker) -> None:
    """Het advies tegen de berekende behoefte: lager of hoger is een vraag; gelijk is geen bevinding."""
    advies = uitkomst.casus.advies
    if advies is None:
        return
    t = TEKSTEN.bevindingen
    vergelijk: list[tuple[str, Fraction, Fraction, str, str]] = []
    if advies.regime is not None:
        vergelijk.append(("advies.regime", breuk(advies.regime), uitkomst.percentage, procent(advies.regime),
                          procent_afgekapt(uitkomst.percentage)))
    if advies.uren is not None:
        vergelijk.append(("advies.uren", breuk(advies.uren), uitkomst.begeleidingsuren, f"{uren(advies.uren)} uur",
                          f"{uren(uitkomst.begeleidingsuren)} uur"))
    for veld, waarde, berekend, advies_tekst, berekend_tekst in vergelijk:
        if waarde < berekend:
            maak("advies-onder-berekening", veld, t["leidraad"], t["leidraad_toetsing"],
                 advies=advies_tekst, berekend=berekend_tekst)
        elif waarde > berekend:
            maak("advies-boven-berekening", veld, t["leidraad"], t["leidraad_toetsing"],
                 advies=advies_tekst, berekend=berekend_tekst)


def _regimes(uitkomst: Uitkomst) -> list[tuple[str, Regime, str]]:
    t = TEKSTEN.bevindingen
    casus = uitkomst.casus
    return [(veld, regime, wie) for veld, regime, wie in (("aanvraag", casus.aanvraag, t["aangevraagde"]),
                                                         ("advies", casus.advies, t["geadviseerde"]))
            if regime is not None and regime.regime is not None]


def _percentages(uitkomst: Uitkomst, protocol: Protocol, maak: _Maker) -> None:
    """Het berekende percentage en de regimes tegen de percentages van het protocol (niet bij de interne jobcoach:
    die heeft een maximum per jaar)."""
    if protocol.max_per_jaar:
        return
    kader, bron = protocol.label, _protocol_bron(protocol)
    maximum = protocol.maximum
    normaal = protocol.grenzen.normaal_max if protocol.grenzen else None
    berekend = uitkomst.percentage
    if maximum is not None and berekend > breuk(maximum):
        maak("berekend-boven-maximum", "schema", kader, bron, berekend=procent_afgekapt(berekend),
             maximum=procent(maximum))
    elif normaal is not None and berekend > breuk(normaal):
        maak("berekend-vraagt-onderbouwing", "schema", kader, bron, berekend=procent_afgekapt(berekend),
             normaal=procent(normaal))
    for veld, regime, wie in _regimes(uitkomst):
        assert regime.regime is not None
        if maximum is not None and regime.regime > maximum:
            maak(f"{veld}-boven-maximum", f"{veld}.regime", kader, bron, "boven-maximum", wie=wie,
                 regime=procent(regime.regime), maximum=procent(maximum))
        elif normaal is not None and regime.regime > normaal:
            maak(f"{veld}-vraagt-onderbouwing", f"{veld}.regime", kader, bron, "vraagt-onderbouwing", wie=wie,
                 regime=procent(regime.regime), normaal=procent(normaal))


def _jaren_intern(uitkomst: Uitkomst, protocol: Protocol, maak: _Maker) -> None:
    """De interne jobcoach: per periode het maximum van haar jaar (perioden 1-2 jaar 1, 3-4 jaar 2, 5-6 jaar 3)."""
    if not protocol.max_per_jaar:
        return
    kader, bron = protocol.label, _protocol_bron(protocol)
    maxima = protocol.max_per_jaar
    for periode in uitkomst.perioden:
        if periode.jaar <= len(maxima) and periode.percentage > breuk(maxima[periode.jaar - 1]):
            maak("berekend-boven-jaarmaximum", "schema", kader, bron, periode=str(periode.nummer),
                 jaar=str(periode.jaar), berekend=procent_afgekapt(periode.percentage),
                 maximum=procent(maxima[periode.jaar - 1]))
    eerste = uitkomst.perioden[0]
    if eerste.jaar <= len(maxima):
        for veld, regime, wie in _regimes(uitkomst):
            assert regime.regime is not None
            if regime.regime > maxima[eerste.jaar - 1]:
                maak(f"{veld}-boven-jaarmaximum", f"{veld}.regime", kader, bron, "regime-boven-jaarmaximum", wie=wie,
                     regime=procent(regime.regime), maximum=procent(maxima[eerste.jaar - 1]),
                     jaar=str(eerste.jaar), periode=str(eerste.nummer))
    if protocol.max_jaren is not None:
        te_laat = [p for p in uitkomst.perioden if p.jaar > protocol.max_jaren]
        if te_laat:
            maak("na-max-jaren", "periode", kader, bron, periode=str(te_laat[0].nummer), jaar=str(te_laat[0].jaar),
                 jaren=str(protocol.max_jaren))


def _verlenging(uitkomst: Uitkomst, maak: _Maker) -> None:
    """Een verlenging (periode 2 of later) vraagt minder uren dan de vorige periode, of een reden."""
    casus = uitkomst.casus
    if not uitkomst.verlenging:
        return
    t = TEKSTEN.bevindingen
    if casus.vorige_uren is None:
        maak("verlenging-zonder-vorige-uren", "vorige_uren", t["leidraad"], t["leidraad_vervolg"],
             periode=str(casus.periode))
        return
    eerste = uitkomst.perioden[0].begeleidingsuren
    if eerste >= breuk(casus.vorige_uren):
        maak("verlenging-zonder-afbouw", "schema", t["leidraad"], t["leidraad_vervolg"], periode=str(casus.periode),
             uren=uren(eerste), vorige=uren(casus.vorige_uren))


def _standaard(uitkomst: Uitkomst, protocol: Protocol, maak: _Maker) -> None:
    standaard = protocol.standaard
    if standaard is None:
        return
    kader, bron = protocol.label, _protocol_bron(protocol)
    contract = uitkomst.casus.contract
    if standaard.min_maanden is not None and not (standaard.proefplaatsing_telt and contract.proefplaatsing):
        min_weken = breuk(standaard.min_maanden) * uitkomst.weken_per_maand
        if uitkomst.weken < min_weken:
            slot = TEKSTEN.bevindingen["of_proefplaatsing" if standaard.proefplaatsing_telt else "punt"]
            maak("contract-te-kort", "contract", kader, bron, weken=getal(uitkomst.weken),
                 min_maanden=getal(standaard.min_maanden), min_weken=getal(min_weken), of_proefplaatsing=slot)
    if standaard.min_uren_per_week is not None and contract.uren_per_week < standaard.min_uren_per_week:
        maak("contract-te-weinig-uren", "contract.uren_per_week", kader, bron, uren=getal(contract.uren_per_week),
             min_uren=getal(standaard.min_uren_per_week))
    if (standaard.min_loonwaarde_wml is not None and contract.loonwaarde_wml is not None
            and contract.loonwaarde_wml < standaard.min_loonwaarde_wml):
        maak("loonwaarde-te-laag", "contract.loonwaarde_wml", kader, bron, loonwaarde=procent(contract.loonwaarde_wml),
             min_loonwaarde=procent(standaard.min_loonwaarde_wml))


def _datum_van_nu(uitkomst: Uitkomst, maak: _Maker) -> None:
    """Een casus van nu: ligt de datum vóór het begin van het kader (of van zijn protocol)?"""
    casus, kader, protocol = uitkomst.casus, uitkomst.kader, uitkomst.protocol
    if casus.datum is None:
        return
    begin = kader.geldig_van or (protocol.geldig_van if protocol else None)
    if begin is not None and casus.datum < begin:
        maak("datum-voor-kader", "datum", kader.label, kader.bron_kort or kader.bron, datum=datum(casus.datum),
             van=datum(begin))


def _geldigheid(uitkomst: Uitkomst, regels: Regels) -> list[Bevinding]:
    """Gold de protocolversie op de datum van de casus? En geldt er sindsdien nog wel een protocol?"""
    casus, protocol = uitkomst.casus, uitkomst.protocol
    assert protocol is not None  # een historisch kader heeft altijd een protocol (afgedwongen door het model)
    maak = _Maker()
    kader, bron = protocol.label, _protocol_bron(protocol)
    if casus.datum is None:
        maak("datum-ontbreekt", "datum", kader, bron, protocol=protocol.naam)
        return maak.lijst
    geldig = regels.geldig_op(protocol, casus.datum)
    if geldig is None:
        maak("geldigheid-onbekend", "datum", kader, bron, protocol=protocol.naam, datum=datum(casus.datum))
    elif not geldig:
        einde = regels.einde(protocol)
        maak("datum-buiten-protocol", "datum", kader, protocol.bron_einde or bron, datum=datum(casus.datum),
             protocol=protocol.naam, van=datum(protocol.geldig_van),
             tot=datum(einde) if einde else TEKSTEN.bevindingen["onbekend"])
    vanaf = regels.einde_protocollen()
    if vanaf is not None and casus.datum >= vanaf:
        maak("protocol-vervallen", "datum", kader, BRON_VERVALLEN, vanaf=datum(vanaf),
             protocol=protocol.naam)
    return maak.lijst


def aannemelijkheid(uitkomst: Uitkomst, regels: Regels) -> list[Bevinding]:
    """Is de invoer aannemelijk? Meer begeleiding dan werk, een erg lange werkweek, begeleiding langer dan het
    protocol toestaat, of (historisch) een andere periode dan die van het protocol."""
    protocol, casus = uitkomst.protocol, uitkomst.casus
    contract = casus.contract
    t = TEKSTEN.bevindingen
    wpm = uitkomst.weken_per_maand
    maak = _Maker()
    if uitkomst.begeleidingsuren > uitkomst.contracturen:
        maak("uren-boven-contract", "schema", t["site"], t["site_bron"],
             begeleidingsuren=uren(uitkomst.begeleidingsuren), contracturen=uren(uitkomst.contracturen))
    grens = regels.aannemelijk
    if contract.uren_per_week > grens.max_uren_per_week:
        maak("veel-contracturen", "contract.uren_per_week", t["site"], grens.bron, uren=getal(contract.uren_per_week),
             max=getal(grens.max_uren_per_week), reden=grens.reden)
    if protocol is not None and protocol.max_jaren is not None and not protocol.max_per_jaar:
        # Eerdere perioden tellen mee: periode 3 begint na 2 x 6 maanden.
        eind = (casus.periode - 1) * regels.rekenregels.periode_maanden * wpm + uitkomst.weken
        max_weken = protocol.max_jaren * MAANDEN_PER_JAAR * wpm
        if eind > max_weken:
            maak("contract-te-lang", "contract", protocol.label, _protocol_bron(protocol), eind_week=getal(eind),
                 jaren=str(protocol.max_jaren), max_weken=getal(max_weken), weken_per_maand=getal(wpm))
    if uitkomst.historisch and protocol is not None and protocol.periode_maanden is not None \
            and uitkomst.weken != protocol.periode_maanden * wpm:
        maak("andere-periode", "contract", protocol.label, _protocol_bron(protocol), weken=getal(uitkomst.weken),
             protocol=protocol.naam, maanden=str(protocol.periode_maanden),
             periode_weken=getal(protocol.periode_maanden * wpm))
    return maak.lijst
