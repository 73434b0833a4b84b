"""Issue 22: betekenissen die verschoven waren, en delen van de leidraad die in de bronnen staan maar niet op de site.

Bronnen: de brief in de seed 001 (samenvatting op Kwaliteit van jobcoaching) en de AKC-pagina's 189926, 189893 en
189891 (zoals samengevat in de onderzoeksnotities). De test leest de Markdown van de pagina's.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

DOCS = ROOT / "docs"


def _tekst(pad: str) -> str:
    return re.sub(r"\s+", " ", (DOCS / pad).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("pad", "moet", "niet"), [
    # 189893: bij een onvolledige set krijgt de aanvrager de kans aan te vullen; niet 'de aanvraag gaat terug'
    ("leidraad/toetsing/algemene-voorwaarden.md", ["de kans om hem aan te vullen", "bekend bij UWV",
                                                   "administratief medewerker"], ["gaat de aanvraag terug"]),
    # 189891: doelgericht, chronologisch en kort rapporteren
    ("leidraad/logboek.md", ["doelgericht", "chronologisch", "kort kan rapporteren"], []),
    # 189926: beoordeling op de inhoud door een arbeidsdeskundige; de werkwijze rust op consensus
    ("leidraad/opstellen/index.md", ["op de inhoud moet beoordelen", "consensus"], []),
    # seed 001: vijf verschuivingen in de samenvatting
    ("achtergrond/kwaliteit-jobcoaching.md",
     ["*tijdelijk* tussen haakjes", "gefaciliteerd", "23 competenties", "Breed offensief", "staatssecretaris",
      "andere vormen van ondersteuning"],
     ["vaak tijdelijk", "krijgt de middelen", "onleesbaar geworden", "2018 of later"]),
])
def test_betekenis_volgt_de_bron(pad, moet, niet):
    tekst = _tekst(pad)
    for zin in moet:
        assert zin in tekst, f"{pad}: '{zin}' ontbreekt"
    for zin in niet:
        assert zin not in tekst, f"{pad}: '{zin}' staat er nog"


def test_de_drie_urengroepen_heten_nergens_coachingsdoel():
    """Eén betekenis voor 'coachingsdoel': het doel uit de matching. De drie vaste groepen van de uren heten urengroep."""
    teksten = (ROOT / "src/jobcoach/data/teksten.yml").read_text(encoding="utf-8")
    assert "Begeleidingsuren per urengroep" in teksten and "label: Coachingsdoel" not in teksten
    for pad in ("casussen/casusbestand.md", "casussen/zo-rekent-de-site.md"):
        assert not re.search(r"uren per coachingsdoel|Coachingsdoel 1, 2 of 3", _tekst(pad)), pad
