"""Links in de printversie: de plugin maakt sommige stuk; leidraadsite.nabouw.printversie herstelt ze.

En: ``ankers_uniek`` (snel) geeft precies dezelfde HTML als de werkwijze van de plugin zelf.
"""

from __future__ import annotations

import importlib.util
import random
import re
import time
from pathlib import Path

import mkdocs_print_site_plugin.urls as print_site_urls
import pytest
from mkdocs.exceptions import PluginError

from leidraadsite.nabouw.printversie import _ID, _ids, ankers_plugin, ankers_uniek, herstel_links, kopregels_css, paginasleutel


def test_anker_naar_element_zonder_voorvoegsel_en_markdown_download_worden_hersteld(tmp_path: Path):
    (tmp_path / "sjablonen" / "downloads").mkdir(parents=True)
    (tmp_path / "sjablonen" / "downloads" / "logboek.md").write_text("# Logboek\n", encoding="utf-8")
    pagina = tmp_path / "printversie" / "index.html"
    html = (
        '<h2 id="achtergrond-tabel">Tabel</h2><p id="tabel-3-2-opm-1">Opmerking</p>'
        '<a href="#achtergrond-x-tabel-3-2-opm-1">1</a>'
        '<a href="#achtergrond-tabel">kop</a>'
        '<a download="logboek.md" href="#sjablonen-downloads-logboek.md">md</a>'
        '<a href="#bestaat-nergens">weg</a>'
    )
    nieuw, aantal = herstel_links(html, tmp_path, pagina)
    assert aantal == 2
    assert '<a href="#tabel-3-2-opm-1">1</a>' in nieuw
    assert '<a href="#achtergrond-tabel">kop</a>' in nieuw  # bestond al: ongemoeid
    assert '<a download="logboek.md" href="../sjablonen/downloads/logboek.md">md</a>' in nieuw
    assert '<a href="#bestaat-nergens">weg</a>' in nieuw  # niet te herstellen: blijft, de linkcontrole meldt hem


def test_ids_zoekt_hetzelfde_als_de_regex(site: Path):
    """``_ids`` (str.find) vindt dezelfde ids als ``_ID.findall``: op de printversie, en op willekeurige tekst
    met de lastige gevallen (witruimte ervoor of niet, lege waarde, geen sluitend aanhalingsteken, id=" in
    een waarde)."""
    printversie = (site / "printversie" / "index.html").read_text(encoding="utf-8")
    gevonden = _ids(printversie)
    assert len(gevonden) > 100, f"te weinig ids in de printversie: {len(gevonden)}"
    assert gevonden == set(_ID.findall(printversie))
    rnd = random.Random(20261126)
    stukjes = ["i", "d", "=", '"', " ", "\n", "x", "\t", 'id="', ' id="', '""', "\x1c", "\u00a0", "a-b"]
    for _ in range(5000):
        tekst = "".join(rnd.choice(stukjes) for _ in range(rnd.randint(0, 30)))
        assert _ids(tekst) == set(_ID.findall(tekst)), repr(tekst)


# ---------------------------------------------------------------------------------------------
# ankers_uniek == de plugin
# ---------------------------------------------------------------------------------------------


def _plugin_origineel():
    """``update_anchor_ids`` zoals de geïnstalleerde plugin hem heeft: de maatstaf voor alle tests hieronder.

    De hook vervangt de functie in de module; de oorspronkelijke staat in een verse kopie van de module.
    """
    vers = importlib.util.module_from_spec(importlib.util.find_spec(print_site_urls.__name__))
    vers.__spec__.loader.exec_module(vers)
    return vers.update_anchor_ids


update_anchor_ids = _plugin_origineel()


def test_terugval_doet_hetzelfde_als_de_plugin():
    """``ankers_plugin`` (de terugval bij een id-waarde over twee regels) is gelijk aan de plugin."""
    html = '<h2 id="a">A</h2><p>x <sup id="fnref:1"><a href="#fn:1">1</a></sup></p>\n<li id="fn:1">noot</li><div id="d">'
    html += '<h3 id="over\nregels">B</h3>'
    assert ankers_plugin(html, "pag") == update_anchor_ids(html, "pag") != html
    assert ankers_uniek(html, "pag") == update_anchor_ids(html, "pag")


def test_zelfde_uitkomst_op_elke_pagina_van_de_site(site: Path):
    paginas = sorted(site.rglob("*.html"))
    assert len(paginas) > 30
    veranderd = 0
    for pagina in paginas:
        html = pagina.read_text(encoding="utf-8")
        verwacht = update_anchor_ids(html, "sleutel")
        assert ankers_uniek(html, "sleutel") == verwacht, pagina
        veranderd += verwacht != html
    assert veranderd > 10, "bijna geen pagina met ankers: dan toetst dit weinig"


STUKJES = ['<', '>', '"', ' ', '\n', 'id="', 'ID="', 'id=', 'h2', 'H2', 'li', 'sup', 'div', 'a', 'x', 'data-id="',
           'h2 id="k"', '<li ', '</', '=', '\t', 'İ', 'İd="']


@pytest.mark.parametrize("zaad", range(6))
def test_zelfde_uitkomst_op_willekeurige_html(zaad: int):
    """Willekeurige reeksen van de tekens waar de expressie op let, ook rare: id's zonder sluitteken,
    id-waarden over twee regels (dan de gewone weg), hoofdletters, tags die niet sluiten."""
    kans = random.Random(zaad)
    verschil = 0
    for _ in range(500):
        html = "".join(kans.choice(STUKJES) for _ in range(kans.randint(0, 60)))
        verwacht = update_anchor_ids(html, "p")
        assert ankers_uniek(html, "p") == verwacht, repr(html)
        verschil += verwacht != html
    assert verschil > 20, "de willekeurige HTML raakt bijna nooit een anker: dan toetst dit weinig"


def test_lange_regel_zonder_ankers_aan_het_eind():
    """Het geval dat de plugin traag maakt: een tabel op één regel na het laatste anker.

    De rekentijd van de plugin groeit hier met het kwadraat van de regel (bij 2000 rijen: ruim vijf
    minuten); daarom maar 100 rijen. De tijden worden alleen getoond, niet getoetst.
    """
    tabel = "<table>" + "<tr><td>1</td><td class=\"x\">2</td></tr>" * 100 + "</table>"
    html = '<h2 id="kop">Kop</h2>' + tabel + '\n<h3 id="b">B</h3>' + tabel
    begin = time.perf_counter()
    uit = ankers_uniek(html, "casus")
    midden = time.perf_counter()
    verwacht = update_anchor_ids(html, "casus")
    eind = time.perf_counter()
    assert uit == verwacht
    assert '<h2 id="casus-kop">' in uit and '<h3 id="casus-b">' in uit
    print(f"\nankers_uniek {1000 * (midden - begin):.2f} ms, plugin {1000 * (eind - midden):.0f} ms")


def test_aanpassing_zet_de_snelle_functie_in_de_plugin_en_stopt_bij_een_andere_versie(monkeypatch):
    from leidraadsite import aanpassingen

    monkeypatch.setattr(print_site_urls, "update_anchor_ids", print_site_urls.update_anchor_ids)
    aanpassingen.printsite_ankers()
    assert print_site_urls.update_anchor_ids is ankers_uniek
    monkeypatch.setattr("importlib.metadata.version", lambda naam: "9.9")
    with pytest.raises(PluginError, match=r"getest met mkdocs-print-site-plugin 2\.9, maar 9\.9"):
        aanpassingen.printsite_ankers()


def test_aanpassing_staat_uit_met_de_schakelaar(monkeypatch):
    from leidraadsite import aanpassingen

    monkeypatch.setattr(print_site_urls, "update_anchor_ids", ankers_plugin)
    monkeypatch.setenv("JOBCOACH_ZONDER", "printsite-ankers")
    aanpassingen.printsite_ankers()
    assert print_site_urls.update_anchor_ids is ankers_plugin, "de schakelaar zette de aanpassing niet uit"
    monkeypatch.setenv("JOBCOACH_ZONDER", "printsite-ankerz")
    with pytest.raises(PluginError, match="onbekende aanpassing printsite-ankerz"):
        aanpassingen.printsite_ankers()



@pytest.mark.parametrize("url", ["", "index.html", "/", "leidraad/", "leidraad/doel/", "a/B.html", " x/y/ "])
def test_paginasleutel_is_die_van_de_plugin(url):
    assert paginasleutel(url) == print_site_urls.get_page_key(url)


def test_kopregels_per_sectie_en_groep_met_de_naam_van_haar_eerste_pagina():
    html = (
        '<section id="print-site-cover-page"></section><section class="print-page"></section>'
        '<section class="print-page" id="index" heading-number="1"></section>'
        "<section class='print-page md-section' id='section-2' heading-number='2'>"
        '<section class="print-page" id="leidraad" heading-number="2.1"></section></section>'
        '<section class="print-page" id="onbekend" heading-number="3"></section>'
    )
    css = kopregels_css(html, {"index": "https://x.test/", "leidraad": 'https://x.test/le"id/'})
    regels = css.splitlines()
    assert regels == [
        '#print-site-page section.print-page[id="index"] { page: webadres-index; }',
        '@page webadres-index { @top-left { content: "https://x.test/"; } }',
        '#print-site-page section.print-page[id="section-2"] { page: webadres-leidraad; }',
        '@page webadres-leidraad { @top-left { content: "https://x.test/le\\"id/"; } }',
        '#print-site-page section.print-page[id="leidraad"] { page: webadres-leidraad; }',
    ], css


def test_printversie_heeft_een_kopregel_voor_elke_pagina(site: Path):
    html = (site / "printversie" / "index.html").read_text(encoding="utf-8")
    assert '<style id="print-kopregels">' in html
    for sectie_id in ("index", "wat-geldt-nu", "leidraad-doel", "casussen-begeleidingsbehoefte-en-regime"):
        assert f'section.print-page[id="{sectie_id}"] {{ page: webadres-{sectie_id}; }}' in html, sectie_id
    assert '@page webadres-leidraad-doel { @top-left { content: "https://leidraad-jobcoach.example.org/leidraad/doel/"; } }' in html


# ---------------------------------------------------------------------------------------------
# printsite-bestanden: de stijl- en scriptbestanden van print-site alleen in de printversie
# ---------------------------------------------------------------------------------------------

_BESTAND = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
PRINTSITE_BESTANDEN = ["css/print-site.css", "css/print-site-material.css", "js/print-site.js"]


def _geladen(pagina: Path) -> list[str]:
    """De stijl- en scriptbestanden die een pagina laadt, als pad vanaf de hoofdmap van de site."""
    return [re.sub(r"^(\.\./|\./|/)+", "", pad) for pad in _BESTAND.findall(pagina.read_text(encoding="utf-8"))]


def test_gewone_paginas_laden_de_bestanden_van_print_site_niet(site: Path):
    paginas = sorted(site.rglob("*.html"))
    assert len(paginas) > 40
    for pagina in paginas:
        geladen = _geladen(pagina)
        if pagina == site / "printversie" / "index.html":
            continue
        assert "stylesheets/print.css" in geladen, f"{pagina.relative_to(site)}: print.css ontbreekt (afdrukken)"
        te_veel = [p for p in geladen if "print-site" in p]
        assert not te_veel, f"{pagina.relative_to(site)} laadt {te_veel}"


def test_de_printversie_laadt_ze_wel_en_print_css_daarna(site: Path):
    geladen = _geladen(site / "printversie" / "index.html")
    for pad in PRINTSITE_BESTANDEN:
        assert pad in geladen, f"de printversie laadt {pad} niet"
        assert (site / pad).is_file(), f"{pad} staat niet in de site"
    # print.css komt na de stijl van print-site: zijn @page (A4, marges, geen Engelse paginanummers) wint
    assert geladen.index("stylesheets/print.css") > geladen.index("css/print-site-material.css")


def _config(css: list[str], js: list[str]):
    from types import SimpleNamespace

    return SimpleNamespace(extra_css=list(css), extra_javascript=list(js))


CSS = ["css/print-site.css", "css/print-site-material.css", "stylesheets/jobcoach.css", "stylesheets/print.css"]
JS = ["js/print-site.js", "javascripts/toegankelijkheid.js", "javascripts/print.js"]


def test_aanpassing_haalt_de_bestanden_weg_en_zet_ze_op_dezelfde_plaats_terug():
    from leidraadsite import aanpassingen

    config = _config(CSS, JS)
    apart = aanpassingen.printsite_bestanden_apart(config)
    assert apart is not None
    assert config.extra_css == ["stylesheets/jobcoach.css", "stylesheets/print.css"]
    assert config.extra_javascript == ["javascripts/toegankelijkheid.js", "javascripts/print.js"]
    aanpassingen.printsite_bestanden_terug(config, apart)
    assert (config.extra_css, config.extra_javascript) == (CSS, JS)
    zonder = _config(CSS[2:], JS[1:])  # print-site voegde niets toe (of draait niet)
    assert aanpassingen.printsite_bestanden_apart(zonder) is None and zonder.extra_css == CSS[2:]


def test_aanpassing_printsite_bestanden_schakelaar_en_versie(monkeypatch):
    from leidraadsite import aanpassingen

    monkeypatch.setenv("JOBCOACH_ZONDER", "printsite-bestanden")
    config = _config(CSS, JS)
    assert aanpassingen.printsite_bestanden_apart(config) is None
    assert (config.extra_css, config.extra_javascript) == (CSS, JS), "de schakelaar zette de aanpassing niet uit"
    monkeypatch.delenv("JOBCOACH_ZONDER")
    monkeypatch.setattr("importlib.metadata.version", lambda naam: "9.9")
    with pytest.raises(PluginError, match=r"getest met mkdocs-print-site-plugin 2\.9, maar 9\.9"):
        aanpassingen.printsite_bestanden_apart(_config(CSS, JS))
