"""Terugmelden zonder account: "Klopt er iets niet?" met het e-mailadres van de onderhoudsgroep.

Het adres staat in ``mkdocs.yml`` onder ``extra.onderhoudsgroep.email``. De paginavoet
(``overrides/partials/pagina-voet.html``) toont het op elke pagina als ``mailto:``-link; dat is geen verzoek
aan een andere host. Bij elke bouw controleert ``leidraadsite.statusblok`` met :func:`onderhoudsadres` of het adres
er staat en of het een geldig e-mailadres is (alleen de vorm: of het adres echt bestaat, kan de bouw niet weten).
"""

from __future__ import annotations

import re
from typing import Any

# Eenvoudige vorm van een adres: geen spaties, precies één @, een domein met minstens één punt, en labels
# van letters, cijfers en streepjes (niet aan het begin of eind). Genoeg om tikfouten te vangen.
_LOKAAL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$")
_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")

VELD = "extra.onderhoudsgroep.email"


def fout_in_adres(adres: Any) -> str | None:
    """Wat er mis is met ``adres`` als e-mailadres, of None als de vorm klopt."""
    if not isinstance(adres, str) or not adres.strip():
        return "er staat geen e-mailadres"
    if adres != adres.strip() or any(c.isspace() for c in adres):
        return f"'{adres}' bevat een spatie"
    if adres.count("@") != 1:
        return f"'{adres}' moet precies één @ bevatten"
    lokaal, domein = adres.split("@")
    if not lokaal or len(lokaal) > 64 or not _LOKAAL.match(lokaal) or lokaal.startswith(".") \
            or lokaal.endswith(".") or ".." in lokaal:
        return f"'{adres}': het deel vóór de @ is geen geldig adres"
    labels = domein.split(".")
    if len(labels) < 2 or len(domein) > 253 or not all(_LABEL.match(label) for label in labels) \
            or not labels[-1].isalpha() or len(labels[-1]) < 2:
        return f"'{adres}': het domein na de @ is ongeldig (bijvoorbeeld voorbeeld.nl)"
    return None


def onderhoudsadres(extra: dict[str, Any] | None) -> str:
    """Het adres uit ``extra`` van mkdocs.yml; ``ValueError`` met een Nederlandse melding als het ontbreekt of niet klopt."""
    groep = (extra or {}).get("onderhoudsgroep")
    adres = groep.get("email") if isinstance(groep, dict) else None
    fout = fout_in_adres(adres)
    if fout:
        raise ValueError(f"mkdocs.yml: {VELD}: {fout}. Zet hier het e-mailadres waarop de onderhoudsgroep "
                         "meldingen over de site ontvangt.")
    return adres  # type: ignore[return-value]
