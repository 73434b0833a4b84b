"""De inhoud van de site: wat het project aan gegevens en bronnen heeft (``mkdocs.yml``, pagina's, begrippen, rollen,
routes, regioplan, transcripties, wijzigingen, prestaties) en wat de bouw uit de mappen leest. Kent geen bouwer en
maakt geen HTML; de andere delen van ``leidraadsite`` lezen hieruit."""
