"""Eén gewone statische bestandsserver op 127.0.0.1, voor de PDF, de prestatiemeting en de browsertests.

Zo ziet Chromium de gebouwde site zoals een lezer hem van een webserver krijgt. De server schrijft
geen regel per verzoek in de uitvoer.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


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
