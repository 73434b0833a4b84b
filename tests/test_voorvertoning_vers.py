"""``make serve`` toont nooit oude inhoud (issue 20): na een map die weg was en terugkwam (een andere branch),
na een wijziging in de gegevens (begrippen.yml, teksten.yml) en in de Python-code, en na een weggehaalde pagina.
Een fout in ``mkdocs.yml`` of een pagina die niet te lezen is, geeft een Nederlandse foutpagina.

Elke stap wacht (met een tijdslimiet) tot de wijziging te zien is, en meet hoe lang dat duurde. Wijzigingen die elk
een nieuw bouwproces vragen (teksten.yml, een .py-bestand, een nieuwe pagina), komen samen in één bouw; de fouten
volgen elkaar op (elke stap herstelt de vorige fout en maakt de volgende), en pas na de laatste komt de hele site
terug. Zo blijft elk geval getoetst met minder volledige bouwen (issue 23: make test < 4 min).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tools.bench import haal, serve, wacht_op, wijzig_casus

CASUS = "casussen/begeleidingsbehoefte-en-regime.yml"
CASUS_PAGINA = "/casussen/begeleidingsbehoefte-en-regime/"
FOUTPAGINA = "De site kan nu niet gebouwd worden"
GRENS = 2.0  # seconden: zo snel moet een wijziging te zien zijn (issue 20)
# Op een machine die druk is met andere dingen (make check draait twee tests tegelijk, op twee kernen) duurt elke
# bouw langer. Dan geldt: niet trager dan twee keer een gewone casuswijziging op hetzelfde moment.
MARGE = 2.0
# Woorden die een Engelse foutmelding verraden (MkDocs, Python, YAML).
ENGELS = re.compile(r"\b(Error|error|Traceback|Config value|Aborted|Errno|Permission denied|No such file|"
                    r"Too many levels|while parsing|expected|found)\b")


def _wacht_niet_op(url: str, teken: str, proces, log: Path, wachttijd: float) -> float:
    """Wacht tot ``teken`` NIET meer op ``url`` staat (of de pagina weg is)."""
    begin = time.perf_counter()
    while True:
        status, tekst = haal(url, timeout=5)
        if status != 200 or teken not in tekst:
            return time.perf_counter() - begin
        assert proces.poll() is None, log.read_text(errors="replace")[-3000:]
        assert time.perf_counter() - begin < wachttijd, f"na {wachttijd} s staat {teken!r} nog op {url}"
        time.sleep(0.05)


@pytest.mark.voorvertoning
def test_voorvertoning_is_nooit_oud(project: Path, tmp_path: Path):
    log = tmp_path / "serve.log"
    casus = project / CASUS
    tijden: dict[str, float] = {}
    with serve(project, [], log, make_serve=True, env={"PYTHONPATH": str(project / "src")}) as (proces, basis):
        wacht_op(basis + CASUS_PAGINA, "In totaal komt dit neer op", proces, log, 180)

        def zichtbaar(naam: str, pagina: str, teken: str, wachttijd: float = 60) -> float:
            tijden[naam] = round(wacht_op(basis + pagina, teken, proces, log, wachttijd), 2)
            return tijden[naam]

        # De bestandswachter draait: een eerste wijziging komt door (geen vaste wachttijd). Een tweede gewone
        # wijziging is de maat voor deze machine op dit moment.
        zichtbaar("eerste casuswijziging", CASUS_PAGINA, f"In totaal komt dit neer op {wijzig_casus(casus, 1)} uur")
        gewoon = zichtbaar("gewone casuswijziging", CASUS_PAGINA,
                           f"In totaal komt dit neer op {wijzig_casus(casus, 3)} uur")
        grens = max(GRENS, MARGE * gewoon)

        # 1. casussen/ weg en terug (zoals bij een andere branch): daarna komt een wijziging nog steeds binnen 2 s.
        weg = project / "casussen.weg"
        (project / "casussen").rename(weg)
        zichtbaar("casussen weg: foutpagina", CASUS_PAGINA, FOUTPAGINA)
        weg.rename(project / "casussen")
        zichtbaar("casussen terug", CASUS_PAGINA, "In totaal komt dit neer op")
        duur = zichtbaar("casus na terugzetten", CASUS_PAGINA,
                         f"In totaal komt dit neer op {wijzig_casus(casus, 2)} uur", 30)
        assert duur < grens, f"casuswijziging na het terugzetten van casussen/ pas na {duur:.2f} s zichtbaar " \
                             f"(gewone wijziging: {gewoon:.2f} s)"

        # 2. begrippen.yml: de pagina Begrippen toont de nieuwe uitleg binnen 2 s.
        begrippen = project / "src/leidraadsite/data/begrippen.yml"
        tekst = begrippen.read_text(encoding="utf-8")
        oud = "Universitair ziekenhuis in Amsterdam."
        assert oud in tekst
        begrippen.write_text(tekst.replace(oud, "Universitair ziekenhuis in Amsterdam (proef begrippen)."),
                             encoding="utf-8")
        duur = zichtbaar("begrippen.yml", "/begrippen/", "(proef begrippen)", 30)
        assert duur < grens, f"wijziging in begrippen.yml pas na {duur:.2f} s zichtbaar (gewone wijziging: {gewoon:.2f} s)"

        # 3. teksten.yml (bij het importeren gelezen), een .py-bestand en een nieuwe pagina in het menu: alle drie
        #    zichtbaar. Ze vragen elk een nieuw bouwproces; één bouw voor de drie (issue 23: make test < 4 min).
        teksten = project / "src/jobcoach/data/teksten.yml"
        teksten.write_text(teksten.read_text(encoding="utf-8").replace(
            "totaal: Totaal begeleidingsuren", "totaal: Totaal begeleidingsuren (proef teksten)"), encoding="utf-8")
        code = project / "src/leidraadsite/inhoud/begrippen.py"
        code.write_text(code.read_text(encoding="utf-8").replace('" Ook geschreven als ', '" Ook (proef py) geschreven als '),
                        encoding="utf-8")
        config = project / "mkdocs.yml"
        config_tekst = config.read_text(encoding="utf-8")
        (project / "docs/proefpagina.md").write_text("# Proefpagina weg\n\nTekst.\n", encoding="utf-8")
        config.write_text(config_tekst.replace("  - Begrippen: begrippen.md\n",
                                               "  - Begrippen: begrippen.md\n  - Proefpagina: proefpagina.md\n"),
                          encoding="utf-8")
        zichtbaar("teksten.yml", CASUS_PAGINA, "Totaal begeleidingsuren (proef teksten)")
        zichtbaar(".py-bestand", "/begrippen/", "Ook (proef py) geschreven als")
        zichtbaar("nieuwe pagina", "/proefpagina/", "Proefpagina weg")

        # 4. Een weggehaalde pagina wordt niet meer geserveerd.
        (project / "docs/proefpagina.md").unlink()
        config.write_text(config_tekst, encoding="utf-8")
        tijden["pagina weg"] = round(_wacht_niet_op(basis + "/proefpagina/", "Proefpagina weg", proces, log, 60), 2)
        # eerst kan de foutpagina er staan (het menu noemt de pagina nog even); daarna: niet gevonden
        zichtbaar("pagina weg: 404", "/404.html", "404")
        begin = time.perf_counter()
        while haal(basis + "/proefpagina/")[0] != 404:
            assert time.perf_counter() - begin < 60, "de weggehaalde pagina wordt nog geserveerd"
            time.sleep(0.05)
        # ook een pagina die niet in het menu staat (een rolpagina: de bouw meldt dan dat ze ontbreekt)
        rol = next((project / "docs/rollen").glob("*.md"))
        adres = f"/rollen/{rol.stem}/"
        status, inhoud = haal(basis + adres)
        kop = re.search(r"<h1[^>]*>(.*?)</h1>", inhoud, re.S).group(1)
        bewaard = rol.read_bytes()
        rol.unlink()
        tijden["pagina buiten menu weg"] = round(_wacht_niet_op(basis + adres, kop, proces, log, 60), 2)

        # 5. Fouten in het Nederlands: een kapotte mkdocs.yml en een pagina die niet te lezen is. Elke stap herstelt
        #    de vorige en maakt de volgende; pas na de laatste komt de hele site terug, met de rolpagina weer erin.
        rol.write_bytes(bewaard)
        config.write_text(config_tekst.replace("strict: true", "strict: [true"), encoding="utf-8")
        zichtbaar("mkdocs.yml kapot", CASUS_PAGINA, "mkdocs.yml:")
        _, pagina = haal(basis + CASUS_PAGINA)
        assert FOUTPAGINA in pagina, pagina[:2000]
        melding = pagina.split("<h2>Wat is er mis?</h2>")[1].split("<h2>")[0]
        assert "mkdocs.yml" in melding and not ENGELS.search(melding), melding

        config.write_text(config_tekst, encoding="utf-8")
        over = project / "docs/over.md"
        over_tekst = over.read_bytes()
        over.unlink()
        over.symlink_to("over.md")  # een link naar zichzelf: niet te lezen (ook niet voor root)
        zichtbaar("pagina onleesbaar", CASUS_PAGINA, "over.md")
        _, pagina = haal(basis + CASUS_PAGINA)
        melding = pagina.split("<h2>Wat is er mis?</h2>")[1].split("<h2>")[0]
        assert "over.md" in melding and "mkdocs.yml" not in melding and not ENGELS.search(melding), melding
        over.unlink()
        over.write_bytes(over_tekst)
        zichtbaar("alles hersteld", CASUS_PAGINA, "In totaal komt dit neer op")
        zichtbaar("pagina buiten menu terug", adres, kop)
        zichtbaar("pagina hersteld", "/over/", "Licentie")

    uitvoer = log.read_text(errors="replace")
    assert "Traceback" not in uitvoer, uitvoer[-4000:]
    print(f"\ngrens {grens:.2f} s (2 s, of 2 × een gewone casuswijziging als de machine druk is)\n"
          + "\n".join(f"{naam}: {tijd:.2f} s" for naam, tijd in tijden.items()))


def test_onthouden_themabestanden_volgen_een_nieuw_of_weggehaald_bestand(project: Path):
    """De voorvertoning onthoudt de bestanden van het thema (aanpassing themabestanden-voorvertoning); een bestand dat
    in overrides/ bijkomt of weggaat, telt bij de volgende bouw meteen mee. En een bestand in docs/ gaat voor."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files

    from leidraadsite import aanpassingen

    aanpassingen.themabestanden_onthouden()
    config = load_config(config_file=str(project / "mkdocs.yml"))
    env = config.theme.get_env()

    def namen(docs: list[str] = ()) -> set[str]:
        files = Files([File(n, str(project / "docs"), config.site_dir, True) for n in docs])
        files.add_files_from_theme(env, config)
        return {f.src_uri for f in files if f.src_dir != str(project / "docs")}

    voor = namen()
    assert any(n.startswith("assets/javascripts/bundle.") for n in voor), sorted(voor)[:20]
    (project / "overrides" / "proef-thema.css").write_text("/* proef */\n", encoding="utf-8")
    assert "proef-thema.css" in namen()
    (project / "overrides" / "proef-thema.css").unlink()
    assert "proef-thema.css" not in namen()
    assert namen() == voor
    eerste = sorted(voor)[0]
    assert eerste not in namen([eerste])  # het bestand in docs/ gaat voor


@pytest.mark.unit
@pytest.mark.parametrize(("pad", "weg", "soort"), [
    # test_voorvertoning_is_nooit_oud laat teksten.yml, een .py-bestand en mkdocs.yml in één bouw veranderen; dat elk
    # van de drie op zichzelf een nieuw bouwproces vraagt, toetst deze tabel (issue 20 en 23).
    ("src/leidraadsite/inhoud/begrippen.py", False, "herstart"),
    ("src/jobcoach/data/teksten.yml", False, "herstart"),
    ("mkdocs.yml", False, "herstart"),
    ("mkdocs.volledig.yml", False, "herstart"),
    ("overrides/main.html", False, "herstart"),
    ("hooks/iets.py", False, "herstart"),
    ("docs/over.md", False, "pagina"),
    ("docs/over.md", True, "herstart"),
    ("casussen/a.yml", False, "pagina"),
    ("casussen/a.yml", True, "herstart"),
    ("CHANGELOG.md", False, "pagina"),
    ("src/leidraadsite/data/begrippen.yml", False, "gegevens"),
    ("src/jobcoach/data/regels.yml", True, "herstart"),
    ("tests/test_iets.py", False, ""),
    ("tools/iets.py", False, ""),
    ("README.md", False, ""),
])
def test_soort_wijziging_per_bestand(pad: str, weg: bool, soort: str):
    from leidraadsite.mkdocs.serve import soort_wijziging

    oud = {pad: (1, 1)}
    nieuw = {} if weg else {pad: (2, 1)}
    assert soort_wijziging(oud, nieuw)[0] == soort
    # Samen met een gewone paginawijziging wint de zwaarste soort.
    assert soort_wijziging({**oud, "docs/a.md": (1,)}, {**nieuw, "docs/a.md": (2,)})[0] == (soort or "pagina")
