"""Alle casussen uit één map: gelezen, gecontroleerd en berekend, en onthouden zolang het proces loopt.

Bij ``mkdocs build`` start elk proces leeg: elke casus wordt gelezen en gecontroleerd. Bij
``mkdocs serve`` bouwt hetzelfde proces de site na elke wijziging opnieuw. Dan leest ``Casusmap``
alleen de bestanden opnieuw die veranderd zijn (ander tijdstip, andere grootte of een nieuw
bestand op dezelfde plek). Een ongeldige casus wordt nooit onthouden: die geeft bij elke bouw
opnieuw een fout.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from jobcoach.berekening import Uitkomst, bereken
from jobcoach.casus import laad_casus
from jobcoach.fouten import Bestandsfout, Probleem
from jobcoach.lezer import bestanden_in_map
from jobcoach.regels import Regels

Stempel = tuple[int, int, int]  # (mtime in ns, grootte, inode)


def _stempel(status: os.stat_result) -> Stempel:
    return (status.st_mtime_ns, status.st_size, status.st_ino)


@dataclass
class Casusmap:
    """De casussen in ``map_`` (``*.yml``), per naam (de bestandsnaam zonder ``.yml``)."""

    map_: Path
    _onthouden: dict[str, tuple[Stempel, Uitkomst]] = field(default_factory=dict)
    _regels: Regels | None = None

    def laad(self, regels: Regels) -> tuple[dict[str, Uitkomst], set[str]]:
        """Geef alle uitkomsten, en de namen van de casussen die sinds de vorige keer zijn veranderd.

        Veranderd zijn: nieuwe, gewijzigde en verdwenen casussen. Gooit ``Bestandsfout`` met de
        problemen van alle ongeldige casussen tegelijk.
        """
        if regels != self._regels:  # andere regels: alles opnieuw berekenen (en alles telt als veranderd)
            self._onthouden.clear()
            self._regels = regels
        uitkomsten: dict[str, Uitkomst] = {}
        veranderd: set[str] = set()
        problemen: list[Probleem] = []
        for bestand in bestanden_in_map(self.map_):  # een map die niet te lezen is: een melding, niet 'geen casussen'
            naam = bestand.stem
            try:
                stempel = _stempel(bestand.stat())
            except OSError:  # net verwijderd; laad_casus geeft de nette melding
                stempel = None
            bekend = self._onthouden.get(naam)
            if bekend is not None and bekend[0] == stempel:
                uitkomsten[naam] = bekend[1]
                continue
            veranderd.add(naam)
            self._onthouden.pop(naam, None)
            try:
                uitkomst = bereken(laad_casus(bestand, regels, binnen=self.map_.parent), regels)
            except Bestandsfout as fout:
                problemen.extend(fout.problemen)
                continue
            uitkomsten[naam] = uitkomst
            if stempel is not None:
                self._onthouden[naam] = (stempel, uitkomst)
        for naam in set(self._onthouden) - set(uitkomsten):
            del self._onthouden[naam]
            veranderd.add(naam)
        if problemen:
            raise Bestandsfout(problemen)
        return uitkomsten, veranderd
