"""De casussen van nu: verzonnen voorbeelden van aanvragen onder de regels van nu, met live tabellen.

Elke casus zegt dat hij verzonnen is, rekent zonder protocol en regime (of met het Protocol Interne Jobcoach, dat
volgens UWV nog geldt), heeft geen melding over de regels van 2011, en typt geen getal dat de site uitrekent.
Verwachte waarden zijn met de hand uitgerekend uit de casusbestanden, niet overgenomen uit de uitvoer van de code.
"""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from jobcoach import bereken, laad_casus, laad_regels
from jobcoach.opmaak import getal, procent_afgekapt, uren

CASUSSEN = {
    "externe-jobcoach-met-afbouw": "uwv-extern",
    "interne-jobcoach-tweede-jaar": "uwv-intern",
    "verlenging-met-logboek": "uwv-extern",
    "afwijzing-inwerken-is-werk-van-de-werkgever": "uwv-extern",
    "gemeente-breed-offensief": "gemeente",
}


def uitkomst(naam: str):
    regels = laad_regels()
    return bereken(laad_casus(ROOT / "casussen" / f"{naam}.yml", regels), regels)


def artikel(site: Path, naam: str):
    html = (site / "casussen" / naam / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def tekst(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


@pytest.mark.parametrize("naam", sorted(CASUSSEN))
def test_casus_is_een_aanvraag_van_nu_zonder_regime(naam):
    u = uitkomst(naam)
    assert u.kader.id == CASUSSEN[naam] and not u.historisch
    assert u.regime_aangevraagd is None and u.regime_advies is None, "een casus van nu vraagt geen regime"
    assert u.casus.protocol is None, "het kader bepaalt het protocol, niet de casus"
    for b in u.bevindingen:
        assert "geldt niet meer" not in b.tekst and "buiten de geldigheid" not in b.tekst, b.tekst


@pytest.mark.parametrize("naam", sorted(CASUSSEN))
def test_casuspagina_zegt_dat_hij_verzonnen_is_en_heeft_live_tabellen(site, naam):
    a = artikel(site, naam)
    eerste_blok = a.find("h1").find_next(["details", "div"], class_=["admonition", "info"])
    assert eerste_blok is not None, f"{naam}: geen blok onder de titel"
    titel = eerste_blok.find(["summary", "p"])
    assert "Verzonnen voorbeeld" in tekst(titel), f"{naam}: de titel van het eerste blok zegt niet dat hij verzonnen is"
    assert eerste_blok.find_previous("h2") is None, f"{naam}: de melding staat niet vóór de eerste kop"
    bijschriften = [tekst(c) for c in a.select("caption")]
    for begin in ("Schema begeleidingsbehoefte", "Begeleidingsuren per periode van zes maanden",
                  "Begeleidingsuren per urengroep", "Samenvatting van de urenberekening"):
        assert any(b.startswith(begin) for b in bijschriften), f"{naam}: geen tabel '{begin}': {bijschriften}"
    assert a.select_one(".pagina-status__tijdvak") is None, f"{naam}: melding over de regels van 2011 op een casus van nu"
    assert "Bron" in [tekst(h).rstrip("¶ ").strip() for h in a.find_all("h2")], f"{naam}: geen bron"


@pytest.mark.parametrize("naam", sorted(CASUSSEN))
def test_geen_berekend_getal_met_de_hand_getypt(naam):
    """Elk getal dat de site uitrekent (uren, weken, contracturen, percentage) komt uit een macro, niet uit de tekst."""
    u = uitkomst(naam)
    berekend = {uren(u.begeleidingsuren), uren(u.uren_per_week), uren(u.contracturen), getal(u.weken),
                procent_afgekapt(u.percentage).rstrip("%"), *(uren(x) for x in u.uren_per_doel.values()),
                *(uren(p.begeleidingsuren) for p in u.perioden)}
    berekend = {b for b in berekend if len(b.replace(",", "").replace(".", "")) >= 2}  # 'doel 2' is geen getal
    bron = (ROOT / "docs" / "casussen" / f"{naam}.md").read_text(encoding="utf-8")
    bron = re.sub(r"\A---\n.*?\n---\n", "", bron, flags=re.DOTALL)  # de voorkant (datums van beoordeling)
    zonder_macro = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", bron, flags=re.DOTALL)
    getypt = sorted({g for g in re.findall(r"(?<![\w.,])\d[\d.,]*(?![\w])", zonder_macro)
                     if g.rstrip(".,") in berekend})
    assert not getypt, f"{naam}: met de hand getypt: {getypt} (gebruik de macro's)"


def test_afbouw_per_periode_met_de_hand_nagerekend():
    """Rij 1: 1 uur, 12 weken wekelijks (12), 12 weken tweewekelijks (6), 24 weken eens per 4 weken (6).
    Rij 2: 1,5 uur, 8 weken wekelijks (12), 8 weken tweewekelijks (6). Rij 3: 1 uur, 24 weken tweewekelijks (12),
    24 weken per 4 weken (6). Rij 4: 3 uur eenmalig. Rij 5: 1,5 uur per 4 weken, 48 weken (18).
    Periode 1 (week 1-24): 12+6 + 18 + 12 + 3 + 9 = 60; periode 2: 6 + 0 + 6 + 9 = 21."""
    u = uitkomst("externe-jobcoach-met-afbouw")
    assert [p.begeleidingsuren for p in u.perioden] == [60, 21]
    assert u.begeleidingsuren == 81 and u.weken == 48
    assert u.perioden[1].uren_per_doel[2] == 0, "doel 2 is in de tweede periode afgebouwd"
    assert u.casus.advies.uren == u.begeleidingsuren and not u.bevindingen


def test_interne_jobcoach_in_jaar_twee_met_de_grens_van_jaar_twee(site):
    """Periode 3 is jaar 2. Contract 32 uur × 6 maanden × 4,33 weken = 831,36 uur. Uren: 8 × 1 + 16 × 1/2
    (machine) + 25,98 × 0,5 (pauzes) + 6 × 1 (overleg, eens per 4,33 weken) = 34,99, dus 34,99 / 831,36 × 100 =
    4,2087…, afgekapt 4,20%."""
    u = uitkomst("interne-jobcoach-tweede-jaar")
    assert u.perioden[0].nummer == 3 and u.perioden[0].jaar == 2
    assert u.contracturen == Fraction("831.36") and u.begeleidingsuren == Fraction("34.99")
    assert procent_afgekapt(u.percentage) == "4,20%"
    lopend = tekst(artikel(site, "interne-jobcoach-tweede-jaar"))
    assert "De grens voor jaar 2 is 7,5%." in lopend and "De aanvraag blijft dus binnen de grens." in lopend
    assert "in jaar 1 hoogstens 15%, in jaar 2 hoogstens 7,5% en in jaar 3 hoogstens 6%" in lopend


def test_verlenging_heeft_minder_uren_dan_de_vorige_periode(site):
    """Periode 2, 24 weken: 12 × 1/2 + 12 × 1/4 (om de week, dan maandelijks) = 9; 6 × 0,5 = 3; 6 × 1 = 6;
    vast 4. Samen 22, tegen 52 in periode 1 (logboek)."""
    u = uitkomst("verlenging-met-logboek")
    assert u.verlenging and u.casus.vorige_uren == 52 and u.begeleidingsuren == 22
    assert not u.bevindingen, [b.tekst for b in u.bevindingen]
    lopend = tekst(artikel(site, "verlenging-met-logboek"))
    assert "22 uur jobcoaching nodig, tegen 52 uur in periode 1" in lopend
    assert "De begeleiding neemt dus af" in lopend


def test_afwijzing_adviseert_nul_uur_en_de_controle_vraagt_waarom(site):
    """Aanvraag: 2 uur × 24 weken + 1 uur × 6 keer = 54 uur. Advies 0 uur: de bevinding over een advies onder de
    berekening verschijnt, en de pagina legt uit waarom."""
    u = uitkomst("afwijzing-inwerken-is-werk-van-de-werkgever")
    assert u.begeleidingsuren == 54 and u.casus.advies.uren == 0
    assert [b.veld for b in u.bevindingen] == ["advies.uren"], [b.tekst for b in u.bevindingen]
    a = artikel(site, "afwijzing-inwerken-is-werk-van-de-werkgever")
    assert "lager dan de berekende behoefte (54 uur)" in tekst(a.select_one(".admonition.warning, .bevindingen") or a)
    assert "adviseert UWV de aanvraag af te wijzen (0 uur)" in tekst(a)


def test_gemeente_rekent_per_periode_zonder_grens_van_uwv(site):
    """Rij 1: 1,5 uur, 8 weken wekelijks (12) + 16 weken om de week (12) = 24, alles in periode 1. Rij 2: 0,5 uur,
    12 weken wekelijks (6), dan eens per 4 weken: weken 13-24 (3 keer, 1,5) en 25-48 (6 keer, 3). Rij 3: 1 uur eens
    per 4 weken: 6 per periode. Periode 1: 24 + 6 + 1,5 + 6 = 37,5; periode 2: 3 + 6 = 9; samen 46,5."""
    u = uitkomst("gemeente-breed-offensief")
    assert [p.begeleidingsuren for p in u.perioden] == [Fraction("37.5"), 9]
    assert u.casus.verordening and not u.bevindingen, [b.tekst for b in u.bevindingen]
    lopend = tekst(artikel(site, "gemeente-breed-offensief"))
    assert "Staatsblad 2022, 499" in lopend and "Voorbeeldstad en haar verordening bestaan niet" in lopend
