"""Pariteit zonder browser: de rekenkern van de rekenhulp rekent in Node precies zoals het Python-pakket.

``docs/javascripts/rekenkern.js`` is de berekening en de controles van de rekenhulp, zonder pagina. Deze test
(in ``make check``) geeft Node de JSON die de bouw in de pagina zet (``jobcoach.browser``) en dezelfde gevallen als
Python: alle casussen in ``casussen/``, de grensgevallen (elke grens en datum uit de regels: eronder, erop,
erboven), de randgevallen en een vaste reeks willekeurige casussen. Vergeleken worden de exacte breuken, de teksten
in Nederlandse notatie en de bevindingen (code, veld, tekst). Daarna leest de rekenkern dezelfde gevallen als
casusbestand (YAML-tekst, met js-yaml zoals de pagina) en de foute en vijandige bestanden, zoals ``jobcoach.lezer``.
Verandert een regel in Python en volgt de JavaScript niet, dan faalt deze test.

Node.js 20 of nieuwer is nodig (``/usr/bin/node``; Debian: ``apt-get install nodejs``).
"""

from __future__ import annotations

import copy
import functools
import random
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import rjsmin
import yaml

from jobcoach import Bestandsfout, laad_regels
from jobcoach.browser import rekenhulp_gegevens
from jobcoach.casus import Casus
from jobcoach.lezer import YamlDocument, valideer
from jobcoach.teksten import TEKSTEN
from rekenhulp_gevallen import ROOT, alle_gevallen, grensgevallen, python_uitkomst

RUNNER = Path(__file__).with_name("rekenhulp_node.js")
KERN = ROOT / "docs" / "javascripts" / "rekenkern.js"


def _als_gegevens(casus: dict[str, Any]) -> dict[str, Any]:
    """Zoals het formulier ze geeft: gewone JSON-waarden, datums als tekst."""
    return json.loads(json.dumps(casus, default=str))


def _casusbestanden() -> dict[str, dict[str, Any]]:
    return {pad.name: _als_gegevens(yaml.safe_load(pad.read_text(encoding="utf-8")))
            for pad in sorted((ROOT / "casussen").glob("*.yml"))}


GEVALLEN: dict[str, dict[str, Any]] = {
    **{f"casussen/{naam}": c for naam, c in _casusbestanden().items()},
    **{f"grens {i + 1}": _als_gegevens(c) for i, c in enumerate(grensgevallen())},
    **{f"geval {i + 1}": _als_gegevens(c) for i, c in enumerate(alle_gevallen())},
}


def _problemen(problemen: list[dict[str, Any]]) -> list[list[str]]:
    """Bij een casus die niet klopt: per probleem het veld en de code (de zinnen vergelijkt de browsertest)."""
    return sorted([p["pad"], p["code"]] for p in problemen)


@functools.cache
def _python() -> tuple[dict[str, Any], ...]:
    regels = laad_regels()
    uit = []
    for c in GEVALLEN.values():
        try:
            casus = valideer(YamlDocument("", c, None), Casus, {"regels": regels})
        except Bestandsfout as fout:
            uit.append({"problemen": _problemen([{"pad": p.pad, "code": p.code} for p in fout.problemen])})
            continue
        uit.append({"uitkomst": python_uitkomst(casus, html=False)})
    return tuple(uit)


def _node_ruw(regels: dict[str, Any], gevallen: list[Any], kern: Path | None = None, soort: str = "object") -> list[dict[str, Any]]:
    """Node met tests/rekenhulp_node.js: per geval de uitkomst of de problemen zoals de rekenkern ze geeft."""
    node = shutil.which("node") or "/usr/bin/node"
    if not Path(node).exists():
        pytest.fail("Node.js ontbreekt: installeer het (Debian: apt-get install nodejs); de rekenhulp-pariteit draait erin")
    invoer = json.dumps({"regels": regels, "soort": soort, "gevallen": gevallen}, ensure_ascii=False)
    uit = subprocess.run([node, str(RUNNER), *([str(kern)] if kern else [])], input=invoer.encode("utf-8"),
                         capture_output=True, check=False, timeout=120)
    assert uit.returncode == 0, f"de rekenkern gaf een fout in Node:\n{uit.stderr.decode('utf-8', 'replace')}"
    return json.loads(uit.stdout)


def _node(regels: dict[str, Any], gevallen: list[dict[str, Any]], kern: Path | None = None) -> list[dict[str, Any]]:
    return [{"problemen": _problemen(u["problemen"])} if "problemen" in u else u for u in _node_ruw(regels, gevallen, kern)]


def _regels_json() -> dict[str, Any]:
    # Precies zoals in de pagina: via json, dus alleen wat JSON kan dragen.
    return json.loads(json.dumps(rekenhulp_gegevens(laad_regels()), ensure_ascii=False))


def _verschillen(python: tuple[dict[str, Any], ...], node: list[dict[str, Any]]) -> list[str]:
    namen = list(GEVALLEN)
    uit = []
    for naam, p, n in zip(namen, python, node, strict=True):
        if p != n:
            velden = sorted(k for k in set(p.get("uitkomst", {})) | set(n.get("uitkomst", {}))
                            if p.get("uitkomst", {}).get(k) != n.get("uitkomst", {}).get(k))
            uit.append(f"{naam}: {velden or 'problemen'}: python={json.dumps(p, ensure_ascii=False)[:400]} "
                       f"node={json.dumps(n, ensure_ascii=False)[:400]}")
    return uit


@pytest.mark.parametrize("verkleind", [False, True], ids=["bron", "verkleind"])
def test_rekenkern_in_node_rekent_en_controleert_als_python(verkleind, tmp_path):
    """De bron, en het script zoals de site het publiceert (verkleind door rjsmin, dat een string kan beschadigen)."""
    kern = None
    if verkleind:
        kern = tmp_path / "rekenkern.min.js"
        kern.write_text(rjsmin.jsmin(KERN.read_text(encoding="utf-8"), keep_bang_comments=True), encoding="utf-8")
    node = _node(_regels_json(), list(GEVALLEN.values()), kern)
    verschillen = _verschillen(_python(), node)
    assert not verschillen, f"{len(verschillen)} van {len(GEVALLEN)} gevallen verschillen:\n" + "\n".join(verschillen[:5])
    # Wat er vergeleken is (zichtbaar met pytest -s): gevallen en bevindingen.
    geldig = [u["uitkomst"] for u in node if "uitkomst" in u]
    bevindingen = sum(len(u["bevindingen"]) for u in geldig)
    codes = sorted({b["code"] for u in geldig for b in u["bevindingen"]})
    print(f"\nrekenkern in Node: {len(GEVALLEN)} gevallen gelijk aan Python ({len(geldig)} berekend, "
          f"{len(node) - len(geldig)} geweigerd), {bevindingen} bevindingen, codes: {codes}")


def test_elke_bevinding_komt_in_de_vergelijking_voor():
    """De gevallen raken elke bevinding die Python kent; anders vergelijkt de test een regel nooit."""
    gezien = {b["code"] for u in _python() if "uitkomst" in u for b in u["uitkomst"]["bevindingen"]}

    sjablonen = {k for k, v in TEKSTEN.bevindingen.items() if isinstance(v, str) and "{" in v or k == "geen-uren"} - {"bron"}
    # Elke code is de naam van zijn sjabloon, of eindigt erop (aanvraag-boven-maximum: boven-maximum;
    # advies-boven-jaarmaximum: regime-boven-jaarmaximum).
    ongezien = {s for s in sjablonen if not any(c == s or c.endswith("-" + s.removeprefix("regime-")) for c in gezien)}
    # Wat de regels van nu niet kunnen geven: geen protocolversie heeft een onbekend einde. Verandert dat, dan moet
    # er een geval bij (deze test faalt dan op de tweede regel).
    onbereikbaar = {"geldigheid-onbekend"}
    assert not any(p.geldig_tot == "onbekend" for p in laad_regels().protocollen)
    assert ongezien == onbereikbaar, f"geen geval geeft deze bevinding: {sorted(ongezien - onbereikbaar)}"


@pytest.mark.parametrize(
    ("pad", "nieuw"),
    [
        (("aannemelijk", "max_uren_per_week"), 59.99),  # een grens die de JavaScript uit de JSON haalt
        (("weken_per_maand",), 5),
    ],
)
def test_een_regel_die_de_rekenkern_niet_volgt_valt_op(pad, nieuw):
    """Krijgt de rekenkern andere regels dan Python, dan ziet de vergelijking dat (de test kan falen)."""
    regels = copy.deepcopy(_regels_json())
    plek = regels
    for deel in pad[:-1]:
        plek = plek[deel]
    plek[pad[-1]] = nieuw
    verschillen = _verschillen(_python(), _node(regels, list(GEVALLEN.values())))
    assert verschillen, f"{'.'.join(pad)} = {nieuw} in de JSON gaf geen enkel verschil"


# Eén regel van de rekenkern kapot maken: de vergelijking met Python moet het zien (anders vergelijkt ze te weinig).
MUTATIES = {
    "maandelijks telt als 2 weken": (r"intensiteit === 'maandelijks' \? wpm", "intensiteit === 'maandelijks' ? B(2n)"),
    "afronden wordt afkappen": (r"\+ w\.d\) / \(2n \* w\.d\)", ") / (2n * w.d)"),
    "meer dan 60 uur wordt 60 uur of meer": (r"c\.uren_per_week > an\.max_uren_per_week", "c.uren_per_week >= an.max_uren_per_week"),
    "bovengrens van het model telt niet mee": (r"!\(w <= spec\.le\)", "!(w < spec.le)"),
    "advies gelijk aan de berekening is een bevinding": (r"if \(v\) maak\(v < 0", "if (true) maak(v < 0"),
    "de dag dat het protocol verviel telt niet": (r"casus\.datum >= R\.einde_protocollen", "casus.datum > R.einde_protocollen"),
    "jaar 2 van de interne jobcoach begint een periode later": (r"Math\.floor\(\(nummer - 1\) / R\.perioden_per_jaar\)",
                                                                "Math.floor(nummer / R.perioden_per_jaar)"),
    "verlenging met evenveel uren is afbouw": (r"breuk\(casus\.vorige_uren\)\) >= 0", "breuk(casus.vorige_uren)) > 0"),
    "een eenmalige fase valt in de periode ervoor": (r"vergelijk\(van, d\.begin\) <= 0", "vergelijk(van, d.begin) < 0"),
}


@pytest.mark.parametrize("naam", MUTATIES)
def test_een_kapotte_regel_in_de_rekenkern_valt_op(naam, tmp_path):
    patroon, kapot = MUTATIES[naam]
    tekst, n = re.subn(patroon, kapot, KERN.read_text(encoding="utf-8"))
    assert n == 1, f"de regel staat niet (precies één keer) in rekenkern.js: {n}"
    kern = tmp_path / "rekenkern.js"
    kern.write_text(tekst, encoding="utf-8")
    verschillen = _verschillen(_python(), _node(_regels_json(), list(GEVALLEN.values()), kern))
    print(f"\n{naam}: {len(verschillen)} van {len(GEVALLEN)} gevallen verschillen")
    assert verschillen, f"de vergelijking ziet de fout '{naam}' niet"


# Een probleem zoals de rekenhulp het op het scherm zet (probleemTekst), tegen jobcoach.fouten.Probleem.__str__: elk
# stuur-, richting- of onzichtbaar teken in bestand, veldnaam of zin ontsnapt. Een rauwe U+202E in een veldnaam draaide
# in de rekenhulp de rest van de regel om (gezien in Chromium op 375 en 1280 px).
PROBLEMEN_MET_TEKENS = [
    ("casus\u202e.yml", "ti\u202etel", "onzichtbaar stuurteken U+202E (\\u202e, tekstrichting omgedraaid)", 8),
    ("casus.yml", "schema[1].kn\u200belpunt", "melding met \x1b[31m en \u0085", None),
    ("casus.yml", "", "melding zonder veld \u2066", 3),
    ("gewoon.yml", "titel", "gewone tekst: é, ĳ, €", 2),
]


def test_probleemtekst_in_de_rekenhulp_ontsnapt_tekens_zoals_python(tmp_path):
    from jobcoach.fouten import Probleem

    node = shutil.which("node") or "/usr/bin/node"
    script = ("const K = require(process.argv[1]).maak(JSON.parse(require('fs').readFileSync(0, 'utf8')).regels);"
              "const g = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));"
              "process.stdout.write(JSON.stringify(g.map(([b, p, m, r]) => K.probleemTekst(K.probleem(b, p, '', m, r)))));")
    bestand = tmp_path / "gevallen.json"
    bestand.write_text(json.dumps(PROBLEMEN_MET_TEKENS), encoding="utf-8")
    uit = subprocess.run([node, "-e", script, str(ROOT / "docs/javascripts/rekenkern.js"), str(bestand)],
                         input=json.dumps({"regels": _regels_json()}).encode("utf-8"), capture_output=True, timeout=60)
    assert uit.returncode == 0, uit.stderr.decode("utf-8", "replace")[-2000:]
    browser = json.loads(uit.stdout)
    python = [str(Probleem(b, p, m, r)) for b, p, m, r in PROBLEMEN_MET_TEKENS]
    assert browser == python
    assert "\u202e" not in "".join(browser) and "ti\\u202etel" in browser[0]


# ---------------------------------------------------------------------------------------------
# Casusbestanden lezen: leesYaml en tekstUitBytes van de rekenkern (met js-yaml, zoals in de pagina) tegen
# jobcoach.lezer. De browsertest (tests/browser/test_rekenhulp_pariteit.py) doet hetzelfde in de pagina.
# ---------------------------------------------------------------------------------------------


def _lezermeldingen(uitkomst: dict[str, Any]) -> list[tuple[Any, ...]]:
    """De problemen van de lezer zelf (zonder code: YAML, omvang, tekens, dubbele sleutels) met hun hele zin."""
    return sorted((p["bestand"], p["pad"], p["regel"] or 0, p["melding"]) for p in uitkomst.get("problemen", [])
                  if p["code"] == "")


def test_casusbestanden_leest_de_rekenkern_zoals_python():
    """De geldige en de geweigerde gevallen als YAML-tekst, en de foute bestanden (rekenhulp_gevallen): dezelfde
    uitkomst, of dezelfde problemen (bestand, code, veld, regel); de meldingen van de lezer zelf woord voor woord."""
    from rekenhulp_gevallen import als_yaml, foute_bestanden, plaatsen, python_verwerk_yaml

    teksten = {naam: als_yaml(c) for naam, c in GEVALLEN.items()} | {f"fout: {n}": t for n, t in foute_bestanden().items()}
    node = dict(zip(teksten, _node_ruw(_regels_json(), [{"yaml": t, "bestand": "casus.yml"} for t in teksten.values()],
                                       soort="yaml"), strict=True))
    verschillen, lezer = [], 0
    for naam, tekst in teksten.items():
        python = python_verwerk_yaml(tekst, html=False)
        if plaatsen(python) != plaatsen(node[naam]) or _lezermeldingen(python) != _lezermeldingen(node[naam]):
            verschillen.append(f"{naam}:\n  python: {str(python)[:600]}\n  node:   {str(node[naam])[:600]}")
        lezer += len(_lezermeldingen(python))
    assert not verschillen, f"{len(verschillen)} van {len(teksten)} bestanden verschillen:\n" + "\n".join(verschillen[:5])
    assert sum("problemen" in u for u in node.values()) >= 70 and lezer >= 10, (len(teksten), lezer)


def test_vijandige_bestanden_geven_in_de_rekenkern_dezelfde_eerste_melding(tmp_path):
    """De vijandige en kapotte bestanden (tests/vijandig.py) als bytes, zoals de rekenhulp een gekozen bestand leest:
    de eerste melding staat op dezelfde regel, bij hetzelfde veld en met dezelfde code als bij ``jobcoach controleer``
    en bevat wat ``vijandig.py`` verwacht; een melding van de lezer zelf (YAML, omvang, tekens) is woord voor woord
    gelijk. Een melding van het model mag verschillen zoals in de browsertest: de browser zegt geen 'bedoelt u …?' en
    noemt bij een vreemd teken geen schrift. De naam van het bestand: in Python het pad, in de browser de naam."""
    import base64

    from jobcoach import laad_casus
    from vijandig import GEVALLEN as VIJANDIG

    regels = laad_regels()
    gevallen = [g for g in VIJANDIG if g.inhoud is not None]
    node = _node_ruw(_regels_json(), [{"bytes": base64.b64encode(g.inhoud).decode(), "bestand": f"{g.naam}.yml"}
                                      for g in gevallen], soort="bytes")
    verschillen = []
    for geval, uit in zip(gevallen, node, strict=True):
        bestand = tmp_path / f"{geval.naam}.yml"
        bestand.write_bytes(geval.inhoud or b"")
        try:
            laad_casus(bestand, regels)
            raise AssertionError(f"{geval.naam}: Python keurt het bestand goed")
        except Bestandsfout as fout:
            python = fout.problemen[0]
        eerste = uit.get("problemen", [{}])[0]
        verwacht = {"pad": python.pad, "regel": python.regel, "code": python.code}
        if python.code == "":  # een melding van de lezer zelf: woord voor woord (die van het model: zie hieronder)
            verwacht["melding"] = python.melding
        if {k: eerste.get(k) for k in verwacht} != verwacht or geval.melding not in eerste.get("melding", ""):
            verschillen.append(f"{geval.naam}: python {verwacht}, node {eerste or uit}")
    assert not verschillen, "\n".join(verschillen)
    assert len(gevallen) >= 28, len(gevallen)


def _bewerkt(rng: random.Random, bronnen: list[str]) -> str:
    """Een casusbestand met één tot drie willekeurige bewerkingen: een teken erbij, weg of anders (zoals een tikfout,
    of een stuk tekst dat u uit een ander document plakt)."""
    tekens = [*":- \t\"'#[]{}&*!|>%@`,?\n\\", "? ", "{a: 1}", "[a]", "\ufeff", "\u00a0", "\r", "\r\n", "\u2028", "\x85", "0", "1.5", "~", "yes",
              "2011-02-30"]
    t = rng.choice(bronnen)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(t) + 1)
        soort = rng.random()
        if soort < 0.6:
            t = t[:i] + rng.choice(tekens) + t[i:]
        elif soort < 0.85:
            t = t[:i] + t[i + rng.randint(1, 4):]
        else:
            t = t[:i] + rng.choice(tekens) + t[i + 1:]
    return t


def test_willekeurig_bewerkte_bestanden_zelfde_getallen_of_een_melding():
    """800 casusbestanden met willekeurige tikfouten (vast zaad): als Python en de rekenhulp het bestand allebei lezen,
    zijn de getallen en bevindingen gelijk; de rekenhulp loopt nooit vast (elk probleem is een melding).

    Wat mag verschillen: de zin bij ongeldige YAML (js-yaml en PyYAML geven andere redenen) en bij het model ('bedoelt
    u …?' alleen in Python), en bij randgevallen van YAML keurt de ene lezer soms goed wat de andere weigert (een regel
    met alleen een tab, tekst die doorloopt op een regel die minder ver inspringt, U+2028 als regeleinde). Gemeten op
    3.000 bestanden (zaad 1, 7 december 2026): 17% lezen beide met dezelfde uitkomst, 28% weigeren beide met dezelfde
    meldingen, 45% op dezelfde plaats (veld, code, regel) met een andere zin, 9% op een andere plaats of om een andere
    reden, 0,7% leest alleen één van beide; nooit lezen beide met een andere uitkomst."""
    from rekenhulp_gevallen import BASIS, SEED_CASUS, python_verwerk_yaml

    rng = random.Random(20261207)
    teksten = [_bewerkt(rng, [BASIS, SEED_CASUS.read_text(encoding="utf-8")]) for _ in range(800)]
    node = _node_ruw(_regels_json(), [{"yaml": t, "bestand": "casus.yml"} for t in teksten], soort="yaml")
    beide, verschillen = 0, []
    for tekst, n in zip(teksten, node, strict=True):
        p = python_verwerk_yaml(tekst, html=False)
        if "uitkomst" in p and "uitkomst" in n:
            beide += 1
            if p != n:
                verschillen.append(f"{tekst!r}:\n  python: {str(p)[:300]}\n  node:   {str(n)[:300]}")
    assert not verschillen, f"{len(verschillen)} bestanden met een andere uitkomst:\n" + "\n".join(verschillen[:3])
    assert beide >= 100, beide  # genoeg bestanden die beide lezen, anders zegt de vergelijking weinig


def test_de_lezer_van_de_rekenkern_neemt_zijn_grenzen_uit_de_json():
    """De grenzen van de lezer (cijfers, stuurtekens) staan in de JSON van de bouw, niet in rekenkern.js: met andere
    grenzen in de JSON leest de rekenkern hetzelfde bestand anders."""
    from rekenhulp_gevallen import BASIS

    tekst = BASIS.replace("uren_per_week: 40", "uren_per_week: 12345678901").replace("titel: T", "titel: TQ")
    geval = [{"yaml": tekst, "bestand": "casus.yml"}]
    gewoon = _node_ruw(_regels_json(), geval, soort="yaml")[0]
    assert "uitkomst" in gewoon or all(p["code"] for p in gewoon["problemen"]), gewoon  # geen melding van de lezer

    cijfers = copy.deepcopy(_regels_json())
    cijfers["grenzen"].update(max_int_cijfers=10, max_cijfers=5)  # 11 cijfers: meer dan beide
    (probleem,) = _node_ruw(cijfers, geval, soort="yaml")[0]["problemen"]
    assert (probleem["pad"], probleem["regel"]) == ("contract.uren_per_week", 4), probleem
    assert probleem["melding"] == TEKSTEN.meldingen["veel_cijfers"].format(cijfers=11)

    stuur = copy.deepcopy(_regels_json())
    stuur["grenzen"]["stuurteken_in_bestand"] = "[Q]"
    (probleem,) = _node_ruw(stuur, geval, soort="yaml")[0]["problemen"]
    assert (probleem["regel"], probleem["melding"]) == (1, TEKSTEN.meldingen["stuurteken_bestand"].format(teken="U+0051"))
