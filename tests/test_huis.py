"""De indeling van de code: het domein kent de site niet, macros/ is dunne lijm, aanpassingen staan op één plek.

Deze tests lezen de code (AST), ze draaien haar niet. Zo ziet een onderhouder meteen als een wijziging de
stroom omdraait: casusbestand → lezer → model → berekening → bevindingen → tabelgegevens → weergave →
macro → pagina.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

DOMEIN = ROOT / "src" / "jobcoach"
SITE = ROOT / "src" / "leidraadsite"
# Wat het domein nooit mag gebruiken: de site, de generator en zijn plugins, het thema, Jinja.
VERBODEN_VOOR_DOMEIN = ("leidraadsite", "mkdocs", "material", "mkdocs_macros", "mkdocs_print_site_plugin",
                        "jinja2", "markupsafe", "pymdownx", "playwright", "tools", "macros")


def _imports(pad: Path) -> list[tuple[int, str]]:
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    gevonden = []
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            gevonden += [(knoop.lineno, a.name) for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            gevonden.append((knoop.lineno, knoop.module))
    return gevonden


def test_het_domein_importeert_niets_van_de_site_of_van_mkdocs():
    fouten = [f"{pad.relative_to(ROOT)}:{regel}: import {naam}"
              for pad in sorted(DOMEIN.rglob("*.py"))
              for regel, naam in _imports(pad)
              if naam.split(".")[0] in VERBODEN_VOOR_DOMEIN]
    assert not fouten, "het pakket jobcoach hoort de site niet te kennen:\n" + "\n".join(fouten)


def test_het_domein_leest_geen_mkdocs_yml_en_geen_paginas():
    for pad in sorted(DOMEIN.rglob("*.py")):
        tekst = pad.read_text(encoding="utf-8")
        for woord in ("mkdocs.yml", "docs_dir", "print-site", "printversie", "bench"):
            assert woord not in tekst, f"{pad.relative_to(ROOT)} noemt '{woord}': dat hoort bij de site"


def test_geen_kring_van_imports_in_het_domein():
    """Elke module van het domein importeert alleen modules die (via hun imports) niet naar haar terugwijzen."""
    grafiek: dict[str, set[str]] = {}
    for pad in DOMEIN.glob("*.py"):
        boom = ast.parse(pad.read_text(encoding="utf-8"))
        doelen = set()
        for knoop in ast.walk(boom):
            if isinstance(knoop, ast.ImportFrom) and knoop.level == 1:
                doelen.add(knoop.module or "__init__")
        grafiek[pad.stem] = doelen - {"__init__"}

    def bereikbaar(van: str) -> set[str]:
        gezien: set[str] = set()
        te_doen = list(grafiek.get(van, ()))
        while te_doen:
            m = te_doen.pop()
            if m not in gezien:
                gezien.add(m)
                te_doen += grafiek.get(m, ())
        return gezien

    kringen = sorted(m for m in grafiek if m in bereikbaar(m))
    assert not kringen, f"modules die zichzelf via hun imports terugzien: {kringen}"


def test_define_env_is_een_regel_per_macro_zonder_toestand():
    boom = ast.parse((ROOT / "macros" / "__init__.py").read_text(encoding="utf-8"))
    bovenaan = [k for k in boom.body if not isinstance(k, (ast.Import, ast.ImportFrom, ast.Expr))]
    assert [type(k).__name__ for k in bovenaan] == ["FunctionDef"], "alleen define_env, geen andere toestand"
    functie = bovenaan[0]
    assert functie.name == "define_env"
    eerste, *rest = functie.body
    assert isinstance(eerste, ast.Assign), "eerst de bouw maken"
    for regel in rest:
        aanroep = regel.value if isinstance(regel, ast.Expr) else None
        assert isinstance(aanroep, ast.Call) and isinstance(aanroep.func, ast.Attribute) \
            and aanroep.func.attr in {"macro", "filter"}, f"regel {regel.lineno}: alleen env.macro(...) of env.filter(...)"


# Namen binnenin andere pakketten die de site vervangt; dat mag alleen in leidraadsite/aanpassingen.py.
INWENDIG = {"get_env", "from_string", "__defaults__", "update_anchor_ids", "fix_internal_links", "entries"}


def test_aanpassingen_van_andere_pakketten_staan_alleen_in_aanpassingen_py():
    fouten = []
    for pad in sorted([*SITE.rglob("*.py"), *(ROOT / "macros").rglob("*.py"), *DOMEIN.rglob("*.py")]):
        if pad.name == "aanpassingen.py":
            continue
        boom = ast.parse(pad.read_text(encoding="utf-8"))
        vreemd = {a.asname or a.name.split(".")[0] for k in ast.walk(boom) if isinstance(k, ast.Import)
                  for a in k.names if not a.name.startswith(("jobcoach", "leidraadsite"))}
        vreemd |= {a.asname or a.name for k in ast.walk(boom) if isinstance(k, ast.ImportFrom) and k.level == 0
                   and not (k.module or "").startswith(("jobcoach", "leidraadsite", "__future__")) for a in k.names}
        for knoop in ast.walk(boom):
            doelen = knoop.targets if isinstance(knoop, ast.Assign) else [knoop.target] \
                if isinstance(knoop, (ast.AugAssign, ast.AnnAssign)) else []
            for doel in doelen:
                if not isinstance(doel, ast.Attribute):
                    continue
                basis = doel.value
                while isinstance(basis, ast.Attribute):
                    basis = basis.value
                if doel.attr in INWENDIG or (isinstance(basis, ast.Name) and basis.id in vreemd):
                    fouten.append(f"{pad.relative_to(ROOT)}:{knoop.lineno}: {ast.unparse(doel)} = …")
    assert not fouten, "aanpassing van een ander pakket buiten aanpassingen.py:\n" + "\n".join(fouten)


def test_tests_en_tools_zetten_geen_sys_path():
    for pad in sorted([*(ROOT / "tests").rglob("*.py"), *(ROOT / "tools").rglob("*.py")]):
        assert "sys.path.insert" not in pad.read_text(encoding="utf-8").replace(
            '"sys.path.insert"', ""), f"{pad.relative_to(ROOT)}: gebruik een import (pythonpath in pyproject.toml)"


# De delen van leidraadsite en wat elk deel mag gebruiken. De stroom gaat één kant op: inhoud → weergave → nabouw;
# mkdocs/ (alleen MkDocs en ProperDocs) mag alles, maar niets gebruikt mkdocs/: zonder dat deel bouwt de site ook.
# Bovenaan staan alleen de opdrachtregel (cli, __main__, nieuw) en aanpassingen.py (alle aanpassingen van andere
# pakketten, met schakelaar; gebruikt door weergave, nabouw en mkdocs).
DELEN = {
    "inhoud": {"inhoud"},
    "weergave": {"inhoud", "weergave", "aanpassingen"},
    "nabouw": {"inhoud", "weergave", "nabouw", "aanpassingen"},
    "mkdocs": {"inhoud", "weergave", "nabouw", "mkdocs", "aanpassingen"},
}
BOVENAAN = {"__init__", "__main__", "cli", "nieuw", "aanpassingen"}
BOUWERS = ("mkdocs", "material", "properdocs", "zensical", "mkdocs_macros", "mkdocs_print_site_plugin")


def _deel(pad: Path) -> str:
    relatief = pad.relative_to(SITE)
    return relatief.parts[0] if len(relatief.parts) > 1 else relatief.stem


def test_leidraadsite_is_ingedeeld_in_delen():
    los = sorted(p.name for p in SITE.glob("*.py") if p.stem not in BOVENAAN)
    assert not los, f"modules zonder deel in src/leidraadsite (zet ze in {', '.join(DELEN)}): {los}"
    onbekend = sorted(p.name for p in SITE.iterdir() if p.is_dir() and p.name not in {*DELEN, "data", "__pycache__"})
    assert not onbekend, f"onbekende map in src/leidraadsite: {onbekend}"


def test_de_delen_van_leidraadsite_gebruiken_elkaar_in_een_richting():
    fouten = []
    for pad in sorted(SITE.rglob("*.py")):
        deel = _deel(pad)
        toegestaan = DELEN.get(deel, set(DELEN) | BOVENAAN)
        for regel, naam in _imports(pad):
            stukken = naam.split(".")
            if stukken[0] == "leidraadsite" and len(stukken) > 1 and stukken[1] not in toegestaan:
                fouten.append(f"{pad.relative_to(ROOT)}:{regel}: {deel} gebruikt {stukken[1]} (import {naam})")
            if stukken[1:2] == ["mkdocs"] and deel != "mkdocs":
                fouten.append(f"{pad.relative_to(ROOT)}:{regel}: alleen mkdocs/ gebruikt leidraadsite.mkdocs")
    assert not fouten, "de delen van leidraadsite wijzen de verkeerde kant op:\n" + "\n".join(fouten)


def test_alleen_mkdocs_en_aanpassingen_kennen_de_bouwer():
    """weergave/motor.py mag MkDocs' foutklasse proberen (met een terugval als MkDocs er niet is)."""
    fouten = [f"{pad.relative_to(ROOT)}:{regel}: import {naam}"
              for pad in sorted(SITE.rglob("*.py"))
              if _deel(pad) not in ("mkdocs", "aanpassingen") and pad.relative_to(SITE).as_posix() != "weergave/motor.py"
              for regel, naam in _imports(pad)
              if naam.split(".")[0] in BOUWERS]
    assert not fouten, "alleen mkdocs/ en aanpassingen.py mogen een bouwer importeren:\n" + "\n".join(fouten)
