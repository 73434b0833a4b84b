"""De site Leidraad Jobcoach online: alles wat pagina's, edities, de printversie, downloads en ``mkdocs.yml`` kent.

Het pakket ``jobcoach`` (de leidraad zelf: casus, regels, berekening) kent deze site niet; dit pakket
gebruikt het. De map ``macros/`` maakt de functies van dit pakket beschikbaar voor de pagina's; Markdown-extensies
(``htmlblok``, ``statusblok``, ``tabellen``, ``afkortingen``) en de stap na de bouw (``nabouw``) maken de site onder
elke bouwer (MkDocs, ProperDocs, Zensical); ``plugin`` is de plugin voor MkDocs en ProperDocs (voorvertoning).
"""
