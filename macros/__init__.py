"""Dunne lijm tussen de pagina's en de site: elke macro en elk filter op één regel.

mkdocs-macros roept ``define_env`` aan bij elke bouw. Het werk gebeurt in ``leidraadsite.weergave.bouw.Bouw``;
de getallen maakt ``jobcoach.opmaak`` op. Hier staat niets anders, en niets dat tussen bouwen blijft.
Dit werkt ook zonder de hooks van ``mkdocs.yml``: elke macro geeft dan zelf veilige HTML.
"""

from jobcoach.opmaak import datum, getal, procent, procent_afgekapt, uren
from leidraadsite.weergave.bouw import Bouw
from leidraadsite.inhoud.paginas import datum_tekst


def define_env(env) -> None:  # noqa: ANN001 - het object komt van mkdocs-macros
    b = Bouw(env)
    env.macro(b.casus, "casus")
    env.macro(b.schema_tabel, "schema_tabel")
    env.macro(b.berekening_tabel, "berekening_tabel")
    env.macro(b.bevindingen, "bevindingen")
    env.macro(b.coachingsdoelen, "coachingsdoelen")
    env.macro(b.protocollen_tabel, "protocollen_tabel")
    env.macro(b.protocol, "protocol")
    env.macro(b.einde_protocollen, "einde_protocollen")
    env.macro(b.rekenhulp_regels, "rekenhulp_regels")
    env.macro(b.sjabloon, "sjabloon")
    env.macro(b.download, "download")
    env.macro(b.wijzigingen, "wijzigingen")
    env.macro(b.rolkeuze, "rolkeuze")
    env.macro(b.rolpagina, "rolpagina")
    env.macro(b.routekeuze, "routekeuze")
    env.macro(b.meldadres, "meldadres")
    env.macro(b.voorlopig, "voorlopig")
    env.macro(b.routes_uitgebreid, "routes_uitgebreid")
    env.macro(b.begrippenlijst, "begrippenlijst")
    env.macro(b.herstellingen_tabel, "herstellingen_tabel")
    env.macro(b.regioplan_tabel, "regioplan_tabel")
    env.macro(b.regioplan_grafiek, "regioplan_grafiek")
    env.macro(b.regioplan_cijfer, "regioplan_cijfer")
    env.macro(b.regioplan_onderzoek, "regioplan_onderzoek")
    env.macro(b.prestaties, "prestaties")
    env.macro(b.prestaties_tabel, "prestaties_tabel")
    env.filter(uren, "uren")
    env.filter(getal, "getal")
    env.filter(procent, "procent")
    env.filter(procent_afgekapt, "procent_afgekapt")
    env.filter(datum, "datum")
    env.filter(datum_tekst, "datum_lang")
