"""Wat alleen MkDocs (en ProperDocs) draait: de plugin ``jobcoach`` (``plugin``: snelle voorvertoning, Nederlandse
meldingen, de stap na de bouw) en ``make serve`` (``serve``). De site bouwt ook zonder dit deel goed."""
