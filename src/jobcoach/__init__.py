"""De Leidraad Jobcoach als rekenregels: casusgegevens lezen, met de regels doorrekenen, controleren.

Dit pakket kent geen site: niet MkDocs, niet Material, geen pagina's. De stroom is één richting op:
casusbestand → lezer (``lezer``) → model (``casus``, ``regels``) → berekening (``berekening``) →
bevindingen (``controles``) → tabelgegevens (``tabeldata``) → weergave (``html``, ``terminal``,
``browser``). Het pakket ``leidraadsite`` maakt er de site van.
"""

from .berekening import bereken
from .casus import Casus, json_schema, laad_casus
from .fouten import Bestandsfout, Probleem
from .regels import Regels, laad_regels
from .uitkomst import Bevinding, RijUitkomst, Uitkomst

__all__ = [
    "Bestandsfout",
    "Bevinding",
    "Casus",
    "Probleem",
    "Regels",
    "RijUitkomst",
    "Uitkomst",
    "bereken",
    "json_schema",
    "laad_casus",
    "laad_regels",
]
