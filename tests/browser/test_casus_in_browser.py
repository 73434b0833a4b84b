"""De casuspagina in een echte browser: beide tabellen zichtbaar, alle verzoeken naar de eigen server."""

from __future__ import annotations

from urllib.parse import urlparse


def test_casuspagina_toont_beide_tabellen_zonder_verzoeken_naar_andere_hosts(pagina, server):
    pagina.goto(f"{server}/casussen/begeleidingsbehoefte-en-regime/")
    schema = pagina.locator("table", has=pagina.locator("caption", has_text="Schema begeleidingsbehoefte"))
    berekening = pagina.locator("table", has=pagina.locator("caption", has_text="Urenberekening per rij"))
    assert schema.is_visible() and berekening.is_visible()
    assert berekening.locator("tfoot td").last.inner_text().strip() == "42"
    hosts = {urlparse(u).netloc for u in pagina.verzoeken if not u.startswith(("data:", "blob:"))}
    assert hosts == {urlparse(server).netloc}, hosts
