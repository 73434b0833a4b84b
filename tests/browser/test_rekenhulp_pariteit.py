"""Pariteit: de rekenhulp in de browser rekent en controleert precies zoals het Python-pakket.

Honderden gevallen gaan door beide kanten: het Python-pakket ``jobcoach`` en de JavaScript van de
pagina Rekenhulp in Chromium. Vergeleken worden de exacte breuken (weken, contracturen, uren per
rij, per doel, totaal, per week, percentage), de teksten in Nederlandse notatie, de bevindingen
(code, veld, tekst) en de volledige HTML van de tabellen. Voor foute bestanden worden per probleem
het bestand, de code, het veld en de regel vergeleken; de zinnen komen aan beide kanten uit teksten.yml.
Een mutatietest laat zien dat deze vergelijking een fout in één regel van de JavaScript vindt.
"""

from __future__ import annotations

import functools
import json
import time

import pytest

from jobcoach import laad_regels
from jobcoach.casus import Casus
from jobcoach.teksten import TEKSTEN

from rekenhulp_gevallen import alle_gevallen, geldig, als_yaml, foute_bestanden, plaatsen, python_uitkomst, python_verwerk_yaml

GEVALLEN = [c for c in alle_gevallen() if geldig(c)]  # de geweigerde vergelijkt tests/test_rekenhulp_node.py
# Zoals het formulier ze geeft: gewone getallen, geen YAML; datums als tekst, zoals een datumveld.
OBJECTEN = [json.loads(json.dumps(c, default=str)) for c in GEVALLEN]


@functools.cache
def python_objecten() -> list[dict]:
    regels = laad_regels()
    return [python_uitkomst(Casus.model_validate(o, context={"regels": regels})) for o in OBJECTEN]


@pytest.fixture(scope="module")
def rekenhulp(browser, server):
    """Eén pagina Rekenhulp voor alle pariteitstests (sneller dan een nieuwe pagina per test)."""
    context = browser.new_context(locale="nl-NL")
    pagina = context.new_page()
    fouten: list[str] = []
    pagina.on("pageerror", lambda fout: fouten.append(str(fout)))
    pagina.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    pagina.goto(f"{server}/rekenhulp/", wait_until="domcontentloaded")
    pagina.wait_for_function("() => window.rekenhulp !== undefined")
    pagina.evaluate("() => rekenhulp.laadLezer()")  # de YAML-lezer (js-yaml) komt pas bij het openen van een bestand
    pagina.fouten = fouten  # type: ignore[attr-defined]
    yield pagina
    context.close()


@pytest.fixture(autouse=True)
def _geen_fouten_in_de_browser(request):
    yield
    if "rekenhulp" in request.fixturenames:
        fouten = request.getfixturevalue("rekenhulp").fouten
        assert not fouten, f"fouten in de browser: {fouten}"


def _in_browser(pagina, invoer: list[dict], stuk: int = 60) -> list[dict]:
    uit: list[dict] = []
    for i in range(0, len(invoer), stuk):
        uit += pagina.evaluate("lijst => lijst.map(x => rekenhulp.verwerk(x))", invoer[i : i + stuk])
    return uit


def _verschil(python, browser, pad: str = "") -> str:
    """Het eerste verschil, kort: het veldpad en (bij lange tekst) de eerste regel die verschilt."""
    if isinstance(python, dict) and isinstance(browser, dict):
        for sleutel in sorted(set(python) | set(browser)):
            if python.get(sleutel) != browser.get(sleutel):
                return _verschil(python.get(sleutel), browser.get(sleutel), f"{pad}.{sleutel}")
    if isinstance(python, list) and isinstance(browser, list) and len(python) == len(browser):
        for i, (a, b) in enumerate(zip(python, browser)):
            if a != b:
                return _verschil(a, b, f"{pad}[{i}]")
    if isinstance(python, str) and isinstance(browser, str) and "\n" in python:
        for a, b in zip(python.splitlines(), browser.splitlines()):
            if a != b:
                return f"{pad}: eerste regel die verschilt:\n  python:  {a}\n  browser: {b}"
    return f"{pad}:\n  python:  {python!r}\n  browser: {browser!r}"


def test_genoeg_gevallen_met_alle_randgevallen():
    assert len(GEVALLEN) >= 200, len(GEVALLEN)
    intensiteiten = {r.get("intensiteit") for c in GEVALLEN for r in c["schema"] if r.get("door") == "jobcoach" and "fasen" not in r}
    assert intensiteiten == {"wekelijks", "tweewekelijks", "maandelijks", "eenmalig"}, intensiteiten
    codes = {b["code"] for u in python_objecten() for b in u["bevindingen"]}
    verwacht = {"advies-onder-berekening", "aanvraag-boven-maximum", "advies-boven-maximum", "aanvraag-vraagt-onderbouwing",
                "contract-te-kort", "contract-te-weinig-uren", "loonwaarde-te-laag", "datum-buiten-protocol", "geen-uren",
                "uren-boven-contract", "veel-contracturen", "contract-te-lang", "andere-periode", "datum-ontbreekt",
                "protocol-vervallen", "advies-boven-berekening", "verlenging-zonder-afbouw", "berekend-boven-jaarmaximum"}
    assert any("fasen" in r for c in GEVALLEN for r in c["schema"]), "geen rij met fasen (afbouw)"
    assert any("protocol" not in c for c in GEVALLEN), "geen aanvraag van nu"
    assert verwacht <= codes, f"niet elke bevinding komt voor: {verwacht - codes}"
    teksten = [u["teksten"] for u in python_objecten()]
    assert any("." in t["contracturen"] for t in teksten), "geen getal met duizendtallen"
    assert any(t["percentage"] == "9,99%" for t in teksten), "geen afkapgrens (9,999%)"
    assert any("door" not in r for c in GEVALLEN for r in c["schema"]), "geen rij zonder 'door' (zoals in de casus)"
    assert any("herkomst" in e for c in GEVALLEN for e in c.get("extra", [])), "geen vaste uren met herkomst"


def test_yaml_bestanden_geven_dezelfde_uitkomst_als_python(rekenhulp):
    """Elk tiende geval als casusbestand, in de pagina. Alle gevallen als bestand leest de rekenkern in Node
    (tests/test_rekenhulp_node.py, in make check); de tabellen van alle gevallen vergelijkt de test hieronder."""
    teksten = [als_yaml(c) for c in GEVALLEN[::10]]
    begin = time.perf_counter()
    verwacht = [python_verwerk_yaml(t) for t in teksten]
    python_tijd = time.perf_counter() - begin
    begin = time.perf_counter()
    gekregen = _in_browser(rekenhulp, [{"yaml": t, "bestand": "casus.yml"} for t in teksten])
    browser_tijd = time.perf_counter() - begin
    print(f"\n{len(teksten)} casusbestanden: Python {python_tijd:.2f} s, browser {browser_tijd:.2f} s")
    for nummer, (p, b, tekst) in enumerate(zip(verwacht, gekregen, teksten)):
        assert "uitkomst" in p, f"geval {nummer} is in Python ongeldig: {p}"
        assert p == b, f"geval {nummer} verschilt:\n{tekst}\n{_verschil(p, b)}"


def test_objecten_geven_dezelfde_uitkomst_als_python(rekenhulp):
    verwacht = python_objecten()
    gekregen = _in_browser(rekenhulp, [{"object": o} for o in OBJECTEN])
    for nummer, (p, b) in enumerate(zip(verwacht, gekregen)):
        assert b.get("uitkomst") == p, f"geval {nummer} verschilt:\n{_verschil(p, b.get('uitkomst', b))}"
    # De publieke functie voor één casus geeft hetzelfde.
    seed = rekenhulp.evaluate("c => rekenhulp.bereken(c)", OBJECTEN[0])
    assert seed == verwacht[0], _verschil(verwacht[0], seed)


def test_foute_bestanden_geven_dezelfde_problemen_als_python(rekenhulp):
    """Per probleem: bestand, code, veld en regel gelijk; en beide zinnen beginnen met de zin uit teksten.yml."""
    bestanden = foute_bestanden()
    verwacht = {naam: python_verwerk_yaml(t) for naam, t in bestanden.items()}
    gekregen = dict(zip(bestanden, _in_browser(rekenhulp, [{"yaml": t, "bestand": "casus.yml"} for t in bestanden.values()])))
    print(f"\n{len(bestanden)} foute of bijzondere bestanden vergeleken")
    fout = {n: (plaatsen(verwacht[n]), plaatsen(gekregen[n])) for n in bestanden if plaatsen(verwacht[n]) != plaatsen(gekregen[n])}
    assert not fout, "verschillen:\n" + "\n".join(f"{n}:\n  python:  {p}\n  browser: {b}" for n, (p, b) in fout.items())
    problemen = [p for v in verwacht.values() for p in v.get("problemen", [])]
    assert len(problemen) >= 90 and sum("problemen" in v for v in verwacht.values()) >= 70, "te weinig foute bestanden"
    codes = {p["code"] for p in problemen} - {""}
    assert codes >= {"ontbreekt", "onbekend_veld", "getal", "geheel", "tekst", "janee", "lijst", "groep", "datum", "ge",
                     "le", "keuze", "leeg", "dubbel", "onbekend_protocol", "te_veel", "te_lang"}, codes
    for naam in bestanden:
        for kant in (verwacht[naam], gekregen[naam]):
            for p in kant.get("problemen", []):
                if p["code"] in TEKSTEN.meldingen:  # de vaste tekst vóór de eerste {waarde} van de zin
                    begin = TEKSTEN.meldingen[p["code"]].split("{")[0]
                    assert p["melding"].startswith(begin), (naam, p, begin)


ONGELDIGE_YAML = [
    "titel: T\n  foo: 1\n", "titel: [1, 2\n", "titel: 'open\n", "contract:\n\t uren_per_week: 40\n", "- a\nb: 1\n",
    "titel: *nergens\n", "a: b: c\n", "---\ntitel: a\n---\ntitel: b\n", 'titel: "\\q"\n',
    "titel: !onbekend T\n",
]


def test_ongeldige_yaml_geeft_een_nederlandse_melding(rekenhulp):
    for tekst in ONGELDIGE_YAML:
        python = python_verwerk_yaml(tekst)
        browser = rekenhulp.evaluate("t => rekenhulp.verwerk({yaml: t, bestand: 'casus.yml'})", tekst)
        assert "problemen" in python, python
        assert len(browser.get("problemen", [])) == 1, (tekst, browser)
        p = browser["problemen"][0]
        melding = f"{p['bestand']}:{p['regel']}: {p['melding']}"
        python_melding = python["problemen"][0]
        assert (p["bestand"], p["code"], p["pad"], p["regel"]) == tuple(python_melding[k] for k in ("bestand", "code", "pad", "regel"))
        assert melding.startswith("casus.yml"), melding
        assert not any(w in melding for w in ("cannot", "expected", "unexpected", "undefined")), f"Engels in: {melding}"


def test_nederlandse_notatie_gelijk_aan_babel_en_intl(rekenhulp):
    """Babel (Python) en Intl.NumberFormat('nl-NL') schrijven dezelfde getallen hetzelfde: 1.234,5; 1,01; 0,13.

    Toch gebruikt de rekenhulp Intl niet: rekenen met gewone JavaScript-getallen (doubles) geeft
    soms net een ander getal, en dan kapt of rondt het af naar de verkeerde kant. Voorbeeld:
    0,29 uur van 1 uur is precies 29%, maar 0.29 * 100 is in doubles 28.999999999999996 (28,99%).
    """
    from fractions import Fraction

    from jobcoach.opmaak import getal, procent_afgekapt

    waarden = ["0", "0.5", "1.005", "2.675", "0.125", "0.005", "0.0049999", "1000", "1234.5", "999999.995",
               "12345678.9", "1.999", "7.3", "0.33333"]
    browser = rekenhulp.evaluate(
        """lijst => lijst.map(s => ({
            eigen: rekenhulp.opmaak.getal(rekenhulp.opmaak.breuk(Number(s))),
            intl: new Intl.NumberFormat('nl-NL', {maximumFractionDigits: 2, roundingMode: 'halfExpand'}).format(s),
        }))""",
        waarden,
    )
    for s, b in zip(waarden, browser):
        assert b["eigen"] == b["intl"] == getal(Fraction(s)), (s, b, getal(Fraction(s)))
    exact = rekenhulp.evaluate("c => rekenhulp.verwerk({object: c}).uitkomst.teksten.percentage", {
        "titel": "T", "protocol": "protocol-2011", "contract": {"uren_per_week": 1, "weken": 1}, "aanvraag": {"regime": 1},
        "schema": [{"aard": "persoonlijk", "knelpunt": "K", "door": "jobcoach", "uren": 0.29, "intensiteit": "wekelijks",
                    "doel": 1}]})
    assert exact == procent_afgekapt(Fraction(29)) == "29,00%", exact


# Een kapotte regel in de rekenkern: zie tests/test_rekenhulp_node.py (in make check, ook met het verkleinde script).
