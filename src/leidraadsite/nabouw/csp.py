"""De Content-Security-Policy van de gebouwde site, en de controle dat er geen ander script in staat.

De site vraagt niets aan andere hosts en voert alleen script uit dat er zelf staat. Een paar korte stukken script
en stijl staan in de pagina zelf (inline): de opstart van Material, het script van de printversie, de gegevens van
de rekenhulp en de kopregels van de printversie. Die staan op een **lijst van toegestane stukken**
(``data/csp.yml``): scripts met hun controlesom (sha256), gegevensblokken met hun ``id``, stijlblokken met hun
vaste vorm. De lijst noemt de versies van Material en print-site waarmee hij is opgenomen.

``controleer(html)`` geeft elk ander inline ``<script>``, elke andere ``<style>``, elk ``on…=``-kenmerk, elke
``javascript:``-link en elk script van een andere host als probleem; de bouw stopt dan (``beveilig_site``) met
het gebouwde bestand en de bronpagina. ``policy(html)`` is de policy van één pagina: alleen de controlesommen van
de toegestane stukken die op die pagina staan. Die staat als ``<meta>`` in elke pagina (``met_policy``; werkt ook
vanaf een gewone bestandsserver) en, met ``frame-ancestors 'none'`` (dat kan alleen als header), in het bestand
``_headers`` voor de host (``headers``). Alles hier is een gewone functie van tekst naar tekst, behalve
``beveilig_site``, die de bestanden van een gebouwde site leest en schrijft.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from jobcoach.lezer import Strikt, laad_yaml_model
from leidraadsite.inhoud.htmlstukken import Stuk, lees_stukken

TOEGESTAAN_PAD = Path(__file__).parents[1] / "data" / "csp.yml"

# Soorten <script> die geen code zijn (de browser voert ze niet uit).
_GEGEVENSSOORTEN = {"application/json", "application/ld+json"}
# Soorten <script> die de browser als JavaScript uitvoert.
_JS_SOORTEN = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}

# De opstart van Material zet het pad naar de hoofdmap van de site in het script ("." of "../.." of "/").
_BASIS = re.compile(r'^__md_scope=new URL\("(?P<basis>/|\.|\.\.(?:/\.\.)*)",location\)')

# De vaste vormen van stijlblokken (elke regel moet er een zijn; lege regels mogen).
_ID = r"[A-Za-z0-9_-]+"
VORMEN: dict[str, list[re.Pattern[str]]] = {
    # leidraadsite.nabouw.printversie.kopregels_css
    "print-kopregels": [
        re.compile(r'#print-site-page section\.print-page\[id="[^"\\<>\n]+"\] \{ page: webadres-[a-z0-9-]+; \}'),
        re.compile(r'@page webadres-[a-z0-9-]+ \{ @top-left \{ content: "(?:[^"\\<>\n]|\\["\\]|\\a )*"; \} \}'),
    ],
    # mkdocs-print-site-plugin, renderer.py (enumerate_headings)
    "print-site-nummering": [
        re.compile(rf"\.print-site-enumerate-headings #{_ID} > h1:before \{{ content: '[0-9.]+ ' \}}"),
        re.compile(rf"\.print-site-enumerate-headings #{_ID} h[2-6]:before \{{ content: '[0-9.]+\.' "
                   rf"counter\(counter-{_ID}-[1-6]\)(?: '\.' counter\(counter-{_ID}-[1-6]\))* ' ' \}}"),
        re.compile(rf"\.print-site-enumerate-headings #{_ID} h[2-6] \{{\s+(?:counter-reset: [A-Za-z0-9_ -]+;\s+)?"
                   rf"counter-increment: counter-{_ID}-[2-6] \}}"),
    ],
}


# --- De lijst van toegestane stukken (data/csp.yml) ---------------------------------------------------------------


class Script(Strikt):
    naam: str
    bron: str = Field(description="Waar het script vandaan komt (pakket en bestand).")
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="Controlesom (hex) van de inhoud; bij basis: true met {basis} in plaats van het pad.")
    basis: bool = Field(False, description="Material's opstart: het pad naar de hoofdmap telt niet mee.")


class Gegevens(Strikt):
    id: str
    bron: str


class Stijl(Strikt):
    naam: str
    bron: str
    vorm: Literal["print-kopregels", "print-site-nummering"]


class Toegestaan(Strikt):
    versies: dict[str, str] = Field(description="Pakket → versie waarmee de lijst is opgenomen.")
    scripts: list[Script]
    gegevens: list[Gegevens]
    stijlen: list[Stijl]


@lru_cache(maxsize=4)
def laad_toegestaan(pad: Path = TOEGESTAAN_PAD) -> Toegestaan:
    return laad_yaml_model(Path(pad), Toegestaan)


def _sha256_hex(tekst: str) -> str:
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def _bron_hash(hex_: str) -> str:
    return "'sha256-" + base64.b64encode(bytes.fromhex(hex_)).decode() + "'"


def script_sleutel(inhoud: str) -> str:
    """De controlesom (hex) waarmee een inline script op de lijst staat: bij Material's opstart met ``{basis}`` in
    plaats van het pad naar de hoofdmap (dat verschilt per pagina)."""
    m = _BASIS.match(inhoud)
    if m:
        inhoud = inhoud[: m.start("basis")] + "{basis}" + inhoud[m.end("basis"):]
    return _sha256_hex(inhoud)


def heeft_vorm(css: str, vorm: str) -> bool:
    regels = [r.strip() for r in css.splitlines() if r.strip()]
    return bool(regels) and all(any(p.fullmatch(r) for p in VORMEN[vorm]) for r in regels)


# --- Controleren en de policy maken ----------------------------------------------------------------------------


def _toegestaan_script(stuk: Stuk, lijst: Toegestaan) -> str | None:
    """De controlesom (hex, van de echte inhoud) als dit inline script op de lijst staat, anders None."""
    sleutel = script_sleutel(stuk.inhoud)
    for s in lijst.scripts:
        if s.sha256 == sleutel and (s.basis == (sleutel != _sha256_hex(stuk.inhoud))):
            return _sha256_hex(stuk.inhoud)
    return None


def _soort(stuk: Stuk) -> str:
    return stuk.kenmerken.get("type", "").strip().lower()


def controleer(html: str, lijst: Toegestaan | None = None, stukken: list[Stuk] | None = None) -> list[str]:
    """Wat er in deze HTML staat dat niet op de lijst staat: per stuk de regel en wat het is (Nederlands).
    ``stukken``: ``lees_stukken(html)`` als die al gelezen zijn (de hele site: één keer lezen per pagina)."""
    lijst = lijst or laad_toegestaan()
    gegevens_ids = {g.id for g in lijst.gegevens}
    problemen: list[str] = []
    for stuk in lees_stukken(html) if stukken is None else stukken:
        kort = re.sub(r"\s+", " ", stuk.inhoud).strip()
        kort = kort[:80] + ("…" if len(kort) > 80 else "")
        if stuk.soort == "bestand":
            continue
        if stuk.soort == "element":
            problemen.append(f"regel {stuk.regel}: het element {kort!r}; een pagina van de site gebruikt geen "
                             f"<{stuk.tag}> (het laadt of toont iets buiten de policy om)")
            continue
        if stuk.soort == "kenmerk":
            problemen.append(f"regel {stuk.regel}: <{stuk.tag}> met het kenmerk {kort!r}; een pagina mag geen "
                             f"script in een kenmerk hebben (on…= of javascript:)")
        elif stuk.soort == "extern":
            problemen.append(f"regel {stuk.regel}: <script src={kort!r}> haalt script van een andere host; de site "
                             f"gebruikt alleen eigen scripts (docs/javascripts/)")
        elif stuk.soort == "stijl":
            if not any(heeft_vorm(stuk.inhoud, s.vorm) for s in lijst.stijlen):
                problemen.append(f"regel {stuk.regel}: een <style>-blok in de pagina ({kort!r}); zet stijlen in "
                                 f"docs/stylesheets/ (een ander inline stijlblok staat niet op de lijst "
                                 f"src/leidraadsite/data/csp.yml)")
        elif _soort(stuk) in _GEGEVENSSOORTEN:
            if stuk.kenmerken.get("id") not in gegevens_ids:
                problemen.append(f"regel {stuk.regel}: een gegevensblok <script type=\"{_soort(stuk)}\"> met id "
                                 f"{stuk.kenmerken.get('id')!r} staat niet op de lijst src/leidraadsite/data/csp.yml")
        elif _soort(stuk) not in _JS_SOORTEN or _toegestaan_script(stuk, lijst) is None:
            problemen.append(f"regel {stuk.regel}: een inline <script> dat niet op de lijst staat ({kort!r}); "
                             f"zet script in docs/javascripts/ (de lijst: src/leidraadsite/data/csp.yml)")
    return problemen


def policy(html: str, lijst: Toegestaan | None = None, stukken: list[Stuk] | None = None) -> str:
    """De policy van één pagina: eigen bestanden, plus de controlesommen van de toegestane inline stukken erin."""
    lijst = lijst or laad_toegestaan()
    scripts: set[str] = set()
    stijlen: set[str] = set()
    for stuk in lees_stukken(html) if stukken is None else stukken:
        if stuk.soort == "script" and _soort(stuk) in _JS_SOORTEN:
            hex_ = _toegestaan_script(stuk, lijst)
            if hex_ is not None:
                scripts.add(_bron_hash(hex_))
        elif stuk.soort == "stijl" and any(heeft_vorm(stuk.inhoud, s.vorm) for s in lijst.stijlen):
            stijlen.add(_bron_hash(_sha256_hex(stuk.inhoud)))
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *sorted(scripts)]),
        " ".join(["style-src 'self'", *sorted(stijlen)]),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])


# Alleen als header (in een <meta> negeert de browser het): geen enkele andere site mag deze in een frame tonen.
ALLEEN_HEADER = "frame-ancestors 'none'"

_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def met_policy(html: str, lijst: Toegestaan | None = None, stukken: list[Stuk] | None = None) -> str:
    """De pagina met de policy als eerste element van ``<head>`` (vóór elk script en elke stijl)."""
    if 'http-equiv="Content-Security-Policy"' in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, lijst, stukken)}">'
    return re.sub(r"<head([^>]*)>", lambda m: f"<head{m.group(1)}>\n    {meta}", html, count=1, flags=re.I)


VASTE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def headers(policies: dict[str, str]) -> str:
    """Het bestand ``_headers`` (de vorm van Netlify en Cloudflare Pages; andere hosts: zie CONTRIBUTING.md):
    voor elk adres de policy van die pagina met ``frame-ancestors 'none'``, en voor de hele site de vaste headers
    en een policy die alleen frames en plug-ins weert. ``policies``: adres (``/``, ``/casussen/x/``) → policy."""
    regels = ["# Gemaakt door de bouw (leidraadsite.nabouw.csp.headers); niet met de hand veranderen.", "/*"]
    regels += [f"  {naam}: {waarde}" for naam, waarde in VASTE_HEADERS.items()]
    regels.append(f"  Content-Security-Policy: {ALLEEN_HEADER}; object-src 'none'; base-uri 'self'")
    for adres, pol in sorted(policies.items()):
        regels += ["", adres, f"  Content-Security-Policy: {pol}; {ALLEEN_HEADER}"]
    return "\n".join(regels) + "\n"


def _versieverschil(lijst: Toegestaan) -> str:
    verschillen = []
    for pakket, versie in lijst.versies.items():
        try:
            gevonden = metadata.version(pakket)
        except metadata.PackageNotFoundError:
            continue
        if gevonden != versie:
            verschillen.append(f"{pakket} {gevonden} (de lijst is opgenomen met {versie})")
    if not verschillen:
        return ""
    return (" Let op: geïnstalleerd is " + ", ".join(verschillen) + ". Is een stuk script van het thema "
            "veranderd, controleer het dan en zet de nieuwe controlesom in src/leidraadsite/data/csp.yml "
            "(python -m leidraadsite.nabouw.csp BESTAND.html toont ze).")


class CspFout(Exception):
    """Inline script, stijl of kenmerken die niet op de lijst staan; de tekst is de Nederlandse melding."""


def beveilig_site(site_dir: Path, bronnen: dict[str, str], lijst: Toegestaan | None = None) -> None:
    """Controleer elk HTML-bestand van de gebouwde site, zet de policy erin en schrijf ``_headers``.

    ``bronnen``: gebouwd bestand (``casussen/x/index.html``) → bron (``docs/casussen/x.md``), voor de melding.
    Staat er iets in dat niet op de lijst staat, dan ``CspFout`` met elk bestand, zijn bron en de regel.
    """
    lijst = lijst or laad_toegestaan()
    fouten: list[str] = []
    policies: dict[str, str] = {}
    for pad in sorted(site_dir.rglob("*.html")):
        relatief = pad.relative_to(site_dir).as_posix()
        tekst = pad.read_text(encoding="utf-8")
        stukken = lees_stukken(tekst)  # één keer lezen: de controle en de policy gebruiken dezelfde stukken
        problemen = controleer(tekst, lijst, stukken)
        if problemen:
            bron = bronnen.get(relatief, "onbekend")
            fouten += [f"{relatief} (bron: {bron}): {p}" for p in problemen]
            continue
        nieuw = met_policy(tekst, lijst, stukken)
        if nieuw != tekst:
            pad.write_text(nieuw, encoding="utf-8")
        m = _META.search(nieuw)
        if m:
            adres = "/" + relatief
            policies[adres.removesuffix("index.html")] = m.group(1)
    if fouten:
        raise CspFout("Script of stijl in de gebouwde site dat niet op de lijst staat; de site wordt niet gebouwd:\n"
                      + "\n".join(fouten) + _versieverschil(lijst))
    (site_dir / "_headers").write_text(headers(policies), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """``python -m leidraadsite.nabouw.csp BESTAND.html …``: de inline scripts met hun controlesom (voor ``data/csp.yml``)."""
    import sys

    for naam in argv if argv is not None else sys.argv[1:]:
        for stuk in lees_stukken(Path(naam).read_text(encoding="utf-8")):
            if stuk.soort == "script":
                print(f"{naam}:{stuk.regel}: sha256 {script_sleutel(stuk.inhoud)} "
                      f"{re.sub(chr(10), ' ', stuk.inhoud)[:60]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
