"""MkDocs-hook (dunne lijm): zet de downloads van de sjablonen bij de bouw in de site.

De bestanden komen uit ``leidraadsite.sjablonen.downloads`` en staan in de site onder
``sjablonen/downloads/``. Ze horen bij de bestanden van de bouw, dus de strenge controle van
links (``validation``) ziet ze: een link naar een download die niet bestaat, laat de bouw falen.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from jobcoach import Bestandsfout, laad_regels
from leidraadsite.sjablonen import SjabloonFout, downloads

MAP = "sjablonen/downloads"


class _Download(File):
    """Een gemaakt bestand dat MkDocs alleen kopieert. Ook een ``.md``-download wordt geen pagina."""

    def is_documentation_page(self) -> bool:
        return False


def on_files(files: Files, config) -> Files:  # noqa: ANN001 - MkDocsConfig
    try:
        editie = config.extra.get("editie")
        gemaakt = downloads(laad_regels(), editie=None if editie is None else str(editie))
    except SjabloonFout as fout:
        raise PluginError(f"Sjablonen: {fout}") from None
    except Bestandsfout as fout:
        raise PluginError("Ongeldige regels; de site wordt niet gebouwd:\n" + fout.tekst()) from None
    for download in gemaakt:
        files.append(_Download.generated(config, f"{MAP}/{download.bestandsnaam}", content=download.inhoud))
    return files
