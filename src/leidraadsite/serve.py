"""``make serve``: de voorvertoning die nooit stopt bij een fout (``python -m leidraadsite.serve``).

Dit is ``mkdocs serve --dirty --livereload``, met één verschil: faalt een bouw (een fout in een casus, een
tikfout in een macro, een verwijderd of half geschreven bestand, een bestand dat geen UTF-8 is), dan blijft
de server draaien. De browser krijgt meteen een Nederlandse foutpagina (bestand, regel, veld, wat u kunt
doen) in plaats van te blijven wachten, en de terminal noemt dezelfde fout één keer. Is het bestand
hersteld, dan bouwt de server de hele site opnieuw en laadt de browser de pagina vanzelf.

``mkdocs build --strict`` (en dus de CI) stopt bij dezelfde fouten gewoon hard.

Dit gebruikt de bouwstenen van MkDocs 1.6 (``build``, ``load_config`` en de ``LiveReloadServer``), niet
zijn binnenkant; de geteste versie staat in ``aanpassingen.py`` (``voorvertoning-server``).
"""

from __future__ import annotations

import argparse
import html
import logging
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from . import aanpassingen
from .jinja import Paginafout

log = logging.getLogger("mkdocs.leidraadsite.serve")

# Wacht op een nieuwe versie van de site (zelfde adres als het script van MkDocs) en laad dan opnieuw.
_HERLAAD = """<script>
(function () {
  var bekend = 0;
  function vraag() {
    fetch('/livereload/' + bekend + '/0').then(function (r) { return r.text(); }).then(function (t) {
      var nu = parseInt(t, 10);
      if (bekend && nu > bekend) { location.reload(); return; }
      bekend = nu; vraag();
    }, function () { setTimeout(vraag, 1000); });
  }
  vraag();
})();
</script>"""


def foutpagina(meldingen: Sequence[str]) -> str:
    """De Nederlandse foutpagina van de voorvertoning."""
    items = "".join(f"<li><code>{html.escape(m)}</code></li>" for m in meldingen)
    return f"""<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fout in de site – voorvertoning</title>
<style>body{{font-family:sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}
code{{white-space:pre-wrap}}li{{margin-bottom:.75rem}}.kader{{border-left:.3rem solid #b00;padding-left:1rem}}</style>
</head>
<body>
<main class="kader">
<h1>De site kan nu niet gebouwd worden</h1>
<p>Er staat een fout in een bestand van de site. Zolang die er is, ziet u deze pagina.</p>
<h2>Wat is er mis?</h2>
<ul>{items}</ul>
<h2>Wat kunt u doen?</h2>
<p>Verbeter het bestand dat hierboven staat (vóór de dubbele punt staan het bestand en de regel) en bewaar het.
Deze pagina laadt dan vanzelf opnieuw. Meer over de meldingen leest u in <code>CONTRIBUTING.md</code>,
onder "Een foutmelding lezen".</p>
</main>
{_HERLAAD}
</body>
</html>
"""


class _Meldingen(logging.Handler):
    """Verzamelt de fouten (en bij strict de waarschuwingen) die MkDocs tijdens één bouw meldt."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.meldingen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        tekst = record.getMessage().strip()
        if tekst and not tekst.startswith(("Aborted with", "Error reading page")) and tekst not in self.meldingen:
            self.meldingen.append(tekst)


def _paginas(config) -> list[Path]:  # noqa: ANN001
    """Het HTML-bestand van elke pagina in docs/ (zodat elk adres de foutpagina toont)."""
    docs, site = Path(config["docs_dir"]), Path(config["site_dir"])
    uit = [site / "index.html", site / "404.html"]
    for md in docs.rglob("*.md"):
        deel = md.relative_to(docs).with_suffix("")
        if config["use_directory_urls"]:
            uit.append(site / (deel.parent if deel.name in ("index", "README") else deel) / "index.html")
        else:
            uit.append(site / deel.with_suffix(".html"))
    return uit


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m leidraadsite.serve",
                                     description="De voorvertoning van de site (make serve).")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", metavar="BESTAND")
    parser.add_argument("-a", "--dev-addr", default=None, metavar="ADRES:POORT")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    if not aanpassingen.aan("voorvertoning-server"):
        from mkdocs.commands.serve import serve

        serve(config_file=args.config_file, livereload=True, build_type="dirty", dev_addr=args.dev_addr)
        return 0

    site_dir = tempfile.mkdtemp(prefix="leidraad_")
    opties = {"config_file": args.config_file, "site_dir": site_dir}
    if args.dev_addr:
        opties["dev_addr"] = args.dev_addr

    eerste = load_config(**opties)
    eerste.plugins.on_startup(command="serve", dirty=True)
    host, poort = eerste.dev_addr
    adres = f"http://{host}:{poort}/"
    toestand = {"fout": None, "volledig": True}  # na een fout bouwt de volgende bouw alles opnieuw

    def bouw() -> None:
        meldingen = _Meldingen()
        logging.getLogger("mkdocs").addHandler(meldingen)
        try:
            config = load_config(**opties)
            config.site_url = adres
            # Geen PDF in de voorvertoning (die maakt make build): de PDF-link op elke pagina wijst naar de uitleg.
            config.extra["voorvertoning"] = True
            build(config, serve_url=adres, dirty=not toestand["volledig"])
        except (Exception, SystemExit) as fout:  # noqa: BLE001 - elke fout wordt een foutpagina, de server blijft
            if isinstance(fout, Paginafout):  # een fout in een pagina: de Nederlandse melding zelf
                meldingen.meldingen.append(str(fout))
            elif not meldingen.meldingen:
                meldingen.meldingen.append(f"{type(fout).__name__}: {fout}")
            tekst = "\n".join(meldingen.meldingen)
            pagina = foutpagina(meldingen.meldingen)
            for bestand in _paginas(eerste):
                bestand.parent.mkdir(parents=True, exist_ok=True)
                bestand.write_text(pagina, encoding="utf-8")
            if tekst != toestand["fout"]:
                log.error("De site kan niet gebouwd worden; de browser toont de fout:\n%s", tekst)
            toestand.update(fout=tekst, volledig=True)
        else:
            if toestand["fout"] is not None:
                log.info("De fout is hersteld; de site is weer helemaal gebouwd.")
            toestand.update(fout=None, volledig=False)
        finally:
            logging.getLogger("mkdocs").removeHandler(meldingen)

    server = LiveReloadServer(builder=bouw, host=host, port=poort, root=site_dir, mount_path="/")
    server.error_handler = lambda code: (Path(site_dir) / "404.html").read_bytes() \
        if code == 404 and (Path(site_dir) / "404.html").is_file() else None
    try:
        bouw()
        server.watch(eerste.docs_dir)
        server.watch(eerste.config_file_path)
        for pad in eerste.watch:
            server.watch(pad)
        server.serve(open_in_browser=False)
    except KeyboardInterrupt:
        log.info("Gestopt.")
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
