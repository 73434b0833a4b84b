"""Een Content-Security-Policy voor elke gebouwde pagina: alleen de eigen scripts en stijlen van de site.

De site vraagt niets aan andere hosts en voert geen script uit dat er niet zelf staat. Material zet een
paar korte scripts in de pagina zelf, print-site en de rekenhulp een stijlblok; die staan met hun
controlesom (sha256) in de policy. Een script dat
iemand anders erin zet (bijvoorbeeld via een casustekst die toch HTML zou worden), heeft geen bekende
controlesom en wordt niet uitgevoerd. Een ``<meta>``-policy werkt ook vanaf een gewone bestandsserver.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script(?P<kenmerken>[^>]*)>(?P<inhoud>.*?)</script>", re.S | re.I)
_STIJL = re.compile(r"<style[^>]*>(?P<inhoud>.*?)</style>", re.S | re.I)
_TYPE = re.compile(r'\stype="([^"]+)"', re.I)
_GEEN_SCRIPT = {"application/json", "application/ld+json", "text/template"}  # gegevens, geen code


def _hash(inhoud: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(inhoud.encode("utf-8")).digest()).decode() + "'"


def policy(html: str) -> str:
    hashes = sorted({
        _hash(m.group("inhoud"))
        for m in _SCRIPT.finditer(html)
        if " src=" not in m.group("kenmerken")
        and (_TYPE.search(m.group("kenmerken")) is None or _TYPE.search(m.group("kenmerken")).group(1) not in _GEEN_SCRIPT)
    })
    stijlen = sorted({_hash(m.group("inhoud")) for m in _STIJL.finditer(html)})
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *hashes]),
        " ".join(["style-src 'self'", *stijlen]),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])


def met_policy(html: str) -> str:
    """De pagina met de policy als eerste element van ``<head>`` (vóór elk script en elke stijl)."""
    if 'http-equiv="Content-Security-Policy"' in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return re.sub(r"<head([^>]*)>", lambda m: f"<head{m.group(1)}>\n    {meta}", html, count=1, flags=re.I)
