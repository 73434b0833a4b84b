"""De cache van de Word-bestanden is privé (issue 20): een vervalst bestand wordt nooit gepubliceerd.

Vroeger stond de cache in de gedeelde tijdelijke map onder een voorspelbare naam, en telde elk zip-bestand daar:
een andere gebruiker van de machine kon zo een eigen Word-bestand in de volgende bouw krijgen.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

import pytest

import leidraadsite.weergave.sjablonen as sjablonen

TEKST = "# Titel\n\nEen alinea van het echte sjabloon.\n"


def _vervalst() -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        z.writestr("word/document.xml", "<w:document>VERVALST</w:document>")
    return uit.getvalue()


def _is_echt(docx: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return "Een alinea van het echte sjabloon." in xml and "VERVALST" not in xml


@pytest.fixture
def teller(monkeypatch):
    gemaakt: list[tuple] = []
    echt = sjablonen.maak_docx
    monkeypatch.setattr(sjablonen, "maak_docx", lambda *a: gemaakt.append(a) or echt(*a))
    sjablonen.markdown_naar_docx.cache_clear()
    yield gemaakt
    sjablonen.markdown_naar_docx.cache_clear()


def test_vervalst_bestand_in_de_gedeelde_tijdelijke_map_wordt_niet_gebruikt(teller):
    """De aanval: een ander zet onder de oude, voorspelbare naam in /tmp een eigen zip neer."""
    sleutel = sjablonen._docx_sleutel(TEKST, "t", "1")
    gedeeld = Path(tempfile.gettempdir()) / "jobcoach-docx"
    gedeeld.mkdir(exist_ok=True)
    vals = gedeeld / f"{sleutel}.docx"
    vals.write_bytes(_vervalst())
    try:
        assert _is_echt(sjablonen.markdown_naar_docx(TEKST, "t", "1"))
    finally:
        vals.unlink()
    assert not Path(sjablonen._DOCX_CACHE).is_relative_to(tempfile.gettempdir())


def test_cache_is_van_deze_gebruiker_en_alleen_voor_deze_gebruiker(tmp_path, monkeypatch, teller):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    map_ = sjablonen._cachemap()
    assert map_ == tmp_path / "xdg" / "leidraad-jobcoach" / "docx"
    monkeypatch.setattr(sjablonen, "_DOCX_CACHE", map_)
    eerste = sjablonen.markdown_naar_docx(TEKST, "t", "1")
    assert (map_.stat().st_mode & 0o777) == 0o700
    [bestand] = map_.glob("*.docx")
    assert (bestand.stat().st_mode & 0o077) == 0
    sjablonen.markdown_naar_docx.cache_clear()
    assert sjablonen.markdown_naar_docx(TEKST, "t", "1") == eerste and len(teller) == 1  # uit de cache


def test_vervalst_bestand_in_de_cache_wordt_herkend_aan_de_controlesom(tmp_path, monkeypatch, teller):
    monkeypatch.setattr(sjablonen, "_DOCX_CACHE", tmp_path / "cache")
    sjablonen.markdown_naar_docx(TEKST, "t", "1")
    [bestand] = (tmp_path / "cache").glob("*.docx")
    echt = bestand.read_bytes()
    for vals in (_vervalst(), echt[:64] + _vervalst(), b"0" * 64 + _vervalst()):
        bestand.write_bytes(vals)
        sjablonen.markdown_naar_docx.cache_clear()
        assert _is_echt(sjablonen.markdown_naar_docx(TEKST, "t", "1"))
    assert len(teller) == 4  # elke keer opnieuw gemaakt
    # een geldig cachebestand van een andere sleutel (andere editie) telt niet voor deze sleutel
    sjablonen.markdown_naar_docx.cache_clear()
    sjablonen.markdown_naar_docx(TEKST, "t", "2")
    ander = next(p for p in (tmp_path / "cache").glob("*.docx") if p != bestand)
    bestand.write_bytes(ander.read_bytes())
    sjablonen.markdown_naar_docx.cache_clear()
    sjablonen.markdown_naar_docx(TEKST, "t", "1")
    assert len(teller) == 6


def test_map_of_bestand_van_een_ander_telt_niet(tmp_path, monkeypatch, teller):
    cache = tmp_path / "cache"
    monkeypatch.setattr(sjablonen, "_DOCX_CACHE", cache)
    sjablonen.markdown_naar_docx(TEKST, "t", "1")
    # een bestand dat (volgens de eigenaar) van een andere gebruiker is
    echte_uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: echte_uid + 1)
    sjablonen.markdown_naar_docx.cache_clear()
    sjablonen.markdown_naar_docx(TEKST, "t", "1")
    assert len(teller) == 2
    monkeypatch.setattr(os, "getuid", lambda: echte_uid)
    # een map waarin iedereen kan schrijven: geen cache (niet lezen, niet schrijven)
    os.chmod(cache, 0o777)
    sjablonen.markdown_naar_docx.cache_clear()
    sjablonen.markdown_naar_docx(TEKST, "t", "1")
    assert len(teller) == 3
    # een bestand waarin iedereen kan schrijven
    os.chmod(cache, 0o700)
    [bestand] = cache.glob("*.docx")
    os.chmod(bestand, 0o666)
    sjablonen.markdown_naar_docx.cache_clear()
    sjablonen.markdown_naar_docx(TEKST, "t", "1")
    assert len(teller) == 4
    # een link in plaats van een bestand
    bestand.unlink()
    (tmp_path / "elders.docx").write_bytes(b"x")
    bestand.symlink_to(tmp_path / "elders.docx")
    sjablonen.markdown_naar_docx.cache_clear()
    assert _is_echt(sjablonen.markdown_naar_docx(TEKST, "t", "1"))
    assert len(teller) == 5
