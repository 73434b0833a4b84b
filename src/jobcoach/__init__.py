"""Domeinlogica van de Leidraad Jobcoach online: casusgegevens, regels, berekening en tabellen.

Dit pakket kent MkDocs niet; de map ``macros/`` maakt het beschikbaar voor de pagina's.
"""

from .berekening import Bevinding, RijUitkomst, Uitkomst, bereken
from .casus import Casus, json_schema, laad_casus
from .fouten import CasusFout, Probleem
from .regels import Regels, laad_regels

__all__ = [
    "Bevinding",
    "Casus",
    "CasusFout",
    "Probleem",
    "Regels",
    "RijUitkomst",
    "Uitkomst",
    "bereken",
    "json_schema",
    "laad_casus",
    "laad_regels",
]
