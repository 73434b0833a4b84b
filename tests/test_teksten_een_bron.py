"""Een zin die Python en de rekenhulp allebei tonen, staat één keer in ``data/teksten.yml`` (issue 23: 'every
limit and text from the JSON the build emits'). Twee kopieën lopen uit elkaar zodra iemand er één verbetert; de
pariteitstest in Chromium ziet dat pas bij een foute casus die precies die melding geeft.

De test zoekt in de scripts van de rekenhulp naar letterlijke tekst van drie of meer woorden en meldt elke tekst die
ook letterlijk in de Python-code van ``jobcoach`` staat.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = [ROOT / "docs/javascripts/rekenhulp.js", ROOT / "docs/javascripts/rekenkern.js"]

_COMMENTAAR = re.compile(r"/\*.*?\*/|(?<![:\\'\"`])//[^\n]*", re.S)
_LETTERLIJK = re.compile(r"'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`|\"((?:[^\"\\\n]|\\.)*)\"")
_WOORD = re.compile(r"\b[a-zà-ÿ]{2,}\b")


def js_teksten(code: str) -> set[str]:
    """De stukken letterlijke tekst (tussen de ${…} van een sjabloon) met minstens drie woorden."""
    uit: set[str] = set()
    for m in _LETTERLIJK.finditer(_COMMENTAAR.sub("", code)):
        tekst = next(g for g in m.groups() if g is not None)
        for stuk in re.split(r"\$\{[^}]*\}", tekst):
            if len(_WOORD.findall(stuk)) >= 3 and len(stuk.split()) >= 3 and "<" not in stuk:
                uit.add(stuk.strip())
    return uit


def python_teksten(pakket: Path) -> list[str]:
    """Elke tekst in de code (ook de vaste stukken van f-strings; aan elkaar geschreven stukken zijn één tekst),
    zonder docstrings: die toont niemand."""
    uit: list[str] = []
    for bestand in sorted(pakket.rglob("*.py")):
        boom = ast.parse(bestand.read_text(encoding="utf-8"))
        docstrings = {id(k.value) for k in ast.walk(boom) if isinstance(k, ast.Expr) and isinstance(k.value, ast.Constant)}
        uit += [k.value for k in ast.walk(boom)
                if isinstance(k, ast.Constant) and isinstance(k.value, str) and id(k) not in docstrings]
    return uit


def dubbel(scripts: list[Path], pakket: Path) -> list[str]:
    python = python_teksten(pakket)
    return sorted(f"{s.name}: {t!r}" for s in scripts for t in js_teksten(s.read_text(encoding="utf-8"))
                  if any(t in p for p in python))


def test_geen_zin_staat_zowel_in_python_als_in_de_rekenhulp():
    gevonden = dubbel(SCRIPTS, ROOT / "src/jobcoach")
    assert not gevonden, "zet deze teksten in src/jobcoach/data/teksten.yml (meldingen) en lees ze daar in beide:\n" + \
        "\n".join(gevonden)


def test_de_zoeker_ziet_een_gedeelde_zin(tmp_path):
    """De zoeker zelf: een zin in een sjabloon van het script en in een f-string van Python valt op; een losse
    term (twee woorden), commentaar of een docstring niet."""
    script = tmp_path / "x.js"
    script.write_text("// tab gevonden; spring in met spaties\nconst a = `sleutel staat twee keer (regel ${n})`;\n"
                      "const b = 'ongeldige YAML: ';\nconst c = `Rij ${i} van het schema`;\n", encoding="utf-8")
    pakket = tmp_path / "p"
    pakket.mkdir()
    (pakket / "m.py").write_text('"""een docstring met van het schema"""\nA = f"sleutel staat twee keer (regel {n})"\n'
                                 'B = "tab gevonden; spring in met spaties"\nC = "ongeldige YAML: "\n', encoding="utf-8")
    assert dubbel([script], pakket) == ["x.js: 'sleutel staat twee keer (regel'"]
