"""De stap na de bouw, over de HTML in ``site/``, welke bouwer die ook schreef: ``python -m leidraadsite.nabouw site``
(``stappen``: controle, downloads, edities, printversie, rekenhulp, zoeken, CSP via ``csp``), en de PDF van de hele
leidraad (``python -m leidraadsite.nabouw.pdf --site site``, met Chromium via ``chromium``)."""
