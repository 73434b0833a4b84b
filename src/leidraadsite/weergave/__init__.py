"""De weergave tijdens de bouw, onder elke bouwer (MkDocs, ProperDocs, Zensical): de macro's (``bouw``), de Jinja van
de pagina's (``jinja``), de Markdown-extensies (``htmlblok``, ``statusblok``, ``tabellen``, ``afkortingen``,
``ankers``), de rekenhulp en de Word-sjablonen. ``motor`` is de enige plek die weet hoe elke bouwer een pagina
doorgeeft."""
