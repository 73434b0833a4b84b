"""``python -m jobcoach``: dezelfde opdrachten als de opdracht ``jobcoach`` (bereken, controleer, schema, nieuw, …).

Het domein kent de site niet. Daarom zoekt deze ingang de geïnstalleerde opdracht ``jobcoach`` van dit pakket op
(het *entry point* uit pyproject.toml) en voert die uit. Is het pakket niet geïnstalleerd (alleen ``src/`` op het
pad), dan blijven de opdrachten van het domein over: bereken, controleer en schema.
"""

import sys
from importlib.metadata import entry_points

from .cli import main as domein


def _opdracht():  # noqa: ANN202
    for ingang in entry_points(group="console_scripts", name="jobcoach"):
        if ingang.dist is not None and ingang.dist.name == "jobcoach":
            return ingang.load()
    return domein


sys.exit(_opdracht()())
