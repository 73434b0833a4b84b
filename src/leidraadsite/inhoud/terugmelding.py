"""Terugmelden zonder account: "Klopt er iets niet?" met het e-mailadres van de onderhoudsgroep.

Het adres staat in ``mkdocs.yml`` onder ``extra.onderhoudsgroep.email``. De paginavoet
(``overrides/partials/pagina-voet.html``) toont het op elke pagina als ``mailto:``-link; dat is geen verzoek
aan een andere host. Bij elke bouw controleert ``leidraadsite.weergave.statusblok`` met :func:`onderhoudsadres` of het adres
er staat en of het een geldig e-mailadres is (alleen de vorm: of het adres echt bestaat, kan de bouw niet weten).

Plaatshouders kunnen niet weglekken (issue 22):

- een voorlopig adres staat op een gereserveerd testdomein (RFC 2606: ``example.org``, ``example.com``,
  ``example.net``, of de topdomeinen ``.test``, ``.example``, ``.invalid``, ``.localhost``), zodat een mail nooit
  bij een ander aankomt; ``example.nl`` en dergelijke zijn gewone domeinen en geven een fout;
- een voorlopig adres is gemarkeerd (``extra.onderhoudsgroep.voorlopig: true``): de site toont dan "nog in te
  vullen" in plaats van een link (``overrides/partials/pagina-voet.html``, het voorblad van de PDF);
- de productiebouw (``make publiceer``, die ``LEIDRAAD_PRODUCTIE=1`` zet) stopt bij een voorlopig of gereserveerd
  adres, van de groep of van de site (``site_url``).
"""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import urlsplit

# Eenvoudige vorm van een adres: geen spaties, precies één @, een domein met minstens één punt, en labels
# van letters, cijfers en streepjes (niet aan het begin of eind). Genoeg om tikfouten te vangen.
_LOKAAL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$")
_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")

VELD = "extra.onderhoudsgroep.email"
PRODUCTIE = "LEIDRAAD_PRODUCTIE"  # omgevingsvariabele; make publiceer zet hem op 1

# RFC 2606: gereserveerd voor voorbeelden en tests; een mail of link daarheen bereikt nooit iemand.
_GERESERVEERD = ("example.org", "example.com", "example.net")
_GERESERVEERDE_TLD = ("test", "example", "invalid", "localhost")


def is_gereserveerd(domein: str) -> bool:
    """Is ``domein`` (of een domein erboven) gereserveerd voor voorbeelden (RFC 2606)?"""
    domein = domein.lower().rstrip(".")
    return (domein.rsplit(".", 1)[-1] in _GERESERVEERDE_TLD
            or any(domein == d or domein.endswith("." + d) for d in _GERESERVEERD))


def lijkt_voorbeeld(domein: str) -> bool:
    """Heet ``domein`` als een voorbeeld (``example.nl``, ``voorbeeld.nl``) zonder gereserveerd te zijn?"""
    labels = domein.lower().rstrip(".").split(".")
    return not is_gereserveerd(domein) and any(label in {"example", "voorbeeld"} for label in labels)


def productie() -> bool:
    """Is dit de bouw die gepubliceerd wordt (``LEIDRAAD_PRODUCTIE=1``, gezet door ``make publiceer``)?"""
    return os.environ.get(PRODUCTIE, "").strip() == "1"


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


def onderhoudsadres(extra: dict[str, Any] | None, site_url: str | None = None, productie_: bool | None = None) -> str:
    """Het adres uit ``extra`` van mkdocs.yml; ``ValueError`` met een Nederlandse melding als het ontbreekt of niet klopt.

    Ook: een voorbeeldadres moet op een gereserveerd domein staan en als voorlopig gemarkeerd zijn; en in de
    productiebouw (``productie_``, standaard uit ``LEIDRAAD_PRODUCTIE``) mag geen adres voorlopig zijn.
    """
    groep = (extra or {}).get("onderhoudsgroep")
    adres = groep.get("email") if isinstance(groep, dict) else None
    fout = fout_in_adres(adres)
    if fout:
        raise ValueError(f"mkdocs.yml: {VELD}: {fout}. Zet hier het e-mailadres waarop de onderhoudsgroep "
                         "meldingen over de site ontvangt.")
    voorlopig = isinstance(groep, dict) and groep.get("voorlopig") is True
    domein = adres.split("@")[1]  # type: ignore[union-attr]
    site_domein = urlsplit(site_url or "").hostname or ""
    for veld, waarde, dom in ((VELD, adres, domein), ("site_url", site_url, site_domein)):
        if dom and lijkt_voorbeeld(dom):
            raise ValueError(f"mkdocs.yml: {veld}: '{waarde}' staat op {dom}, een gewoon domein dat iemand anders kan "
                             "bezitten. Gebruik voor een voorlopig adres een gereserveerd testdomein (RFC 2606), "
                             "bijvoorbeeld example.org.")
    if is_gereserveerd(domein) and not voorlopig:
        raise ValueError(f"mkdocs.yml: {VELD}: '{adres}' is een voorbeeldadres. Zet eronder 'voorlopig: true' "
                         "(dan toont de site 'nog in te vullen'), of vul het echte adres in.")
    if productie_ is None:
        productie_ = productie()
    if productie_:
        voorlopige = [f"{VELD} ({adres})"] if voorlopig or is_gereserveerd(domein) else []
        if site_domein and is_gereserveerd(site_domein):
            voorlopige.append(f"site_url ({site_url})")
        if voorlopige:
            raise ValueError("mkdocs.yml: de site wordt niet gepubliceerd: nog een voorlopig adres in "
                             + " en ".join(voorlopige) + ". Vul het echte adres van de onderhoudsgroep en de site in "
                             "en haal 'voorlopig: true' weg (extra.onderhoudsgroep).")
    return adres  # type: ignore[return-value]
