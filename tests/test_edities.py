"""De PDF van elke eerdere editie blijft te downloaden op een vast adres (issue 22, "Deze pagina citeren").

De onderhoudsgroep zet de PDF van een uitgebrachte editie in ``edities/`` onder zijn vaste naam; de bouw zet hem in de
hoofdmap van de site en de pagina "Wijzigingen" linkt ernaar. Een verkeerde naam laat de bouw stoppen.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT, mkdocs_build

from leidraadsite.inhoud.config import lees_editie

HUIDIG = lees_editie(ROOT / "mkdocs.yml").editie
OUD = "2025.9"  # een verzonnen eerdere editie, alleen in de kopie
# Een heel klein PDF-bestand, in de test gemaakt; de bouw moet het onveranderd doorgeven.
KLEINE_PDF = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"


def _met_oude_editie(project: Path) -> None:
    changelog = project / "CHANGELOG.md"
    tekst = changelog.read_text(encoding="utf-8")
    tweede = tekst.index("\n## Editie", tekst.index("\n## Editie") + 1)  # onder de huidige editie: de nieuwste boven
    changelog.write_text(tekst[:tweede] + f"\n## Editie {OUD} (1 september 2025)\n\nEen verzonnen eerdere editie.\n"
                         + tekst[tweede:], encoding="utf-8")
    (project / "edities").mkdir(exist_ok=True)


def test_pdf_van_een_eerdere_editie_staat_op_zijn_vaste_adres_en_wijzigingen_linkt_ernaar(project, tmp_path):
    _met_oude_editie(project)
    (project / "edities" / f"leidraad-jobcoach-{OUD}.pdf").write_bytes(KLEINE_PDF)
    # Een PDF met de naam van de huidige editie mag de PDF die de bouw zelf maakt nooit vervangen.
    (project / "edities" / f"leidraad-jobcoach-{HUIDIG}.pdf").write_bytes(b"%PDF-1.4 oud\n%%EOF\n")
    bouw = mkdocs_build(project, tmp_path / "site")
    assert bouw.returncode == 0, bouw.stderr
    site = tmp_path / "site"
    assert (site / f"leidraad-jobcoach-{OUD}.pdf").read_bytes() == KLEINE_PDF
    assert not (site / f"leidraad-jobcoach-{HUIDIG}.pdf").exists(), "de huidige PDF komt uit leidraadsite.nabouw.pdf, niet uit edities/"
    pagina = BeautifulSoup((site / "wijzigingen/index.html").read_text(encoding="utf-8"), "html.parser")
    gevonden = pagina.select("article p.editie-pdf a")  # niet de link bovenaan elke pagina (pdf-link.html)
    links = {a["href"]: a for a in gevonden}
    assert len(gevonden) == 2 and set(links) == {f"../leidraad-jobcoach-{HUIDIG}.pdf", f"../leidraad-jobcoach-{OUD}.pdf"}, links
    for editie in (HUIDIG, OUD):
        a = links[f"../leidraad-jobcoach-{editie}.pdf"]
        assert a.has_attr("download") and a.get("type") == "application/pdf", a
        kop = a.find_previous(["h2"])
        assert kop.get_text().startswith(f"Editie {editie} "), (editie, kop)


def test_zonder_map_edities_linkt_wijzigingen_alleen_de_huidige_pdf(project, tmp_path):
    _met_oude_editie(project)
    bouw = mkdocs_build(project, tmp_path / "site")
    assert bouw.returncode == 0, bouw.stderr
    pagina = BeautifulSoup((tmp_path / "site/wijzigingen/index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in pagina.select("article p.editie-pdf a")] == [f"../leidraad-jobcoach-{HUIDIG}.pdf"]
    assert not (tmp_path / "site" / f"leidraad-jobcoach-{OUD}.pdf").exists()


def test_verkeerde_naam_in_edities_laat_de_bouw_stoppen_met_de_naam(project, tmp_path):
    _met_oude_editie(project)
    (project / "edities" / "leidraad-jobcoach-2024.1.pdf").write_bytes(KLEINE_PDF)  # geen editie in CHANGELOG.md
    (project / "edities" / f"leidraad_jobcoach_{OUD}.pdf").write_bytes(KLEINE_PDF)  # verkeerde vorm
    bouw = mkdocs_build(project, tmp_path / "site")
    assert bouw.returncode != 0
    uitvoer = bouw.stdout + bouw.stderr
    assert ("edities/leidraad-jobcoach-2024.1.pdf: dit bestand hoort niet in edities/: editie 2024.1 staat niet in "
            "CHANGELOG.md") in uitvoer, uitvoer[-3000:]
    assert (f"edities/leidraad_jobcoach_{OUD}.pdf: dit bestand hoort niet in edities/: de naam heeft niet de vorm "
            "leidraad-jobcoach-<editie>.pdf") in uitvoer, uitvoer[-3000:]


def test_na_de_bouw_wijst_de_link_naar_de_pdf_van_een_editie_naar_de_hoofdmap(tmp_path):
    """Zensical leest een href in de HTML van een macro als een link in de bron (ten opzichte van ``wijzigingen.md``) en
    zet er nog een ``../`` voor; MkDocs niet. De stap na de bouw zet de link naar de PDF van een editie daarom goed,
    vanaf elke diepte, zoals de links naar de downloads. Links naar andere bestanden blijven zoals ze zijn."""
    from leidraadsite.nabouw.stappen import Instellingen, downloads

    site = tmp_path / "site"
    pdf = f"leidraad-jobcoach-{HUIDIG}.pdf"
    paginas = {"wijzigingen/index.html": "../", "index.html": "", "a/b/index.html": "../../"}
    for pad in paginas:
        (site / pad).parent.mkdir(parents=True, exist_ok=True)
        (site / pad).write_text(f'<p class="editie-pdf"><a download="{pdf}" href="../../../{pdf}">{pdf}</a> '
                                '<a download="ander.pdf" href="../x/ander.pdf">ander</a></p>', encoding="utf-8")
    inst = Instellingen.uit_bestand(ROOT / "mkdocs.yml")
    downloads(site, inst)
    for pad, diepte in paginas.items():
        soep = BeautifulSoup((site / pad).read_text(encoding="utf-8"), "html.parser")
        assert [a["href"] for a in soep.select("a[download]")] == [f"{diepte}{pdf}", "../x/ander.pdf"], pad
