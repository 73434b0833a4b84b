"""Chromium van Debian starten en de gebouwde site serveren, voor de PDF (``leidraadsite.nabouw.pdf``).

De prestatiemeting (tools/bench.py) en de browsertests (tests/browser/) starten Chromium op dezelfde manier en
gebruiken dezelfde bestandsserver. Nooit een download door Playwright, geen netwerk naar buiten.

- ``CHROMIUM``: het programma (``/usr/bin/chromium``, of de omgevingsvariabele ``CHROMIUM``);
- ``CHROMIUM_VLAGGEN``: de vlaggen bij het starten (zonder scherm, zonder achtergrondverkeer);
- ``bestandsserver(map_)``: één gewone statische bestandsserver op 127.0.0.1. Zo ziet Chromium de gebouwde site
  zoals een lezer hem van een webserver krijgt. De server schrijft geen regel per verzoek in de uitvoer.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_VLAGGEN = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _StilleHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - naam van de standaardbibliotheek
        pass


@contextmanager
def bestandsserver(map_: Path) -> Iterator[str]:
    """Serveer ``map_`` op een vrije poort van 127.0.0.1 zolang het blok loopt; geeft de basis-URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StilleHandler, directory=str(map_)))
    draad = threading.Thread(target=httpd.serve_forever, daemon=True)
    draad.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
