"""Wat de site van anderen gebruikt, ligt vast: pakketten met controlesom, js-yaml met versie en controlesom,
GitHub Actions op een commit, de CI zonder bewaard token en met de kleinste rechten."""

from __future__ import annotations

import hashlib
import json
import re
from importlib import metadata

import pytest
import yaml
from packaging import tags
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename
from packaging.version import Version

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


LOCK = ROOT / "requirements.lock"

# De doelen uit issue 20 ("Any laptop"): Linux x86-64 en aarch64 (glibc 2.28+), macOS arm64 en x86-64 (13+),
# Windows amd64; Python 3.11 t/m 3.15 (wat de Makefile toestaat). Hier los van tools/hashes.py opgeschreven.
PYTHONS = [(3, 11), (3, 12), (3, 13), (3, 14), (3, 15)]


def _platformlabels(soort: str, arch: str) -> list[str]:
    if soort == "windows":
        return ["win_amd64"]
    if soort == "macos":
        return list(tags.mac_platforms((13, 0), arch))
    legacy = ["manylinux2014", "manylinux2010", "manylinux1"] if arch == "x86_64" else ["manylinux2014"]
    return [f"manylinux_2_{m}_{arch}" for m in range(28, 4, -1)] + [f"{n}_{arch}" for n in legacy]


DOELEN = {(f"{soort}-{arch}", py): _platformlabels(soort, arch)
          for soort, arch in [("linux", "x86_64"), ("linux", "aarch64"), ("macos", "arm64"), ("macos", "x86_64"),
                              ("windows", "amd64")]
          for py in PYTHONS}
# Pakketten zonder wiel voor een doel, met de reden waarom de broncode (sdist) daar toch installeert.
ALLEEN_BRONCODE = {"rjsmin": "de broncode valt zonder C-compiler terug op rjsmin.py (gewoon Python)"}


def _lock() -> dict[str, tuple[str, list[str]]]:
    tekst = re.sub(r"\\\n", " ", LOCK.read_text(encoding="utf-8"))
    uit = {}
    for regel in tekst.splitlines():
        if regel.strip() and not regel.startswith("#"):
            m = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)((?: +--hash=sha256:[0-9a-f]{64})+) *", regel)
            assert m, f"requirements.lock: regel zonder versie of controlesom: {regel[:80]}"
            uit[m.group(1)] = (m.group(2), re.findall("[0-9a-f]{64}", m.group(3)))
    return uit


def _bestanden() -> dict[str, str]:
    regels = (ROOT / "requirements.bestanden").read_text(encoding="utf-8").splitlines()
    return {r.split("  ")[0]: r.split("  ")[1] for r in regels if r and not r.startswith("#")}


def test_elk_pakket_in_de_lock_heeft_een_controlesom_en_make_eist_die():
    lock = _lock()
    assert len(lock) > 40, len(lock)
    assert "--require-hashes -r requirements.lock" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_elke_controlesom_hoort_bij_een_bestand_van_die_versie():
    bestanden = _bestanden()
    for naam, (versie, sommen) in _lock().items():
        for som in sommen:
            assert som in bestanden, f"{naam}: controlesom {som[:12]}… staat niet in requirements.bestanden"
            bestand = bestanden[som]
            if bestand.endswith(".whl"):
                wnaam, wversie, _, _ = parse_wheel_filename(bestand)
            else:
                wnaam, wversie = parse_sdist_filename(bestand)
            assert (wnaam, wversie) == (canonicalize_name(naam), Version(versie)), f"{naam}=={versie}: {bestand}"


@pytest.mark.parametrize(("platform", "python"), sorted(DOELEN), ids=lambda x: x if isinstance(x, str) else "%d.%d" % x)
def test_de_lock_heeft_voor_elk_doel_een_wiel_van_elk_pakket(platform, python):
    labels = DOELEN[platform, python]
    abi = f"cp{python[0]}{python[1]}"
    doel = set(tags.cpython_tags(python, [abi, "abi3", "none"], labels)) | set(tags.compatible_tags(python, abi, labels))
    bestanden = _bestanden()
    zonder = []
    for naam, (_, sommen) in _lock().items():
        namen = [bestanden[s] for s in sommen if s in bestanden]
        if any(n.endswith(".whl") and parse_wheel_filename(n)[3] & doel for n in namen):
            continue
        if canonicalize_name(naam) in ALLEEN_BRONCODE and any(n.endswith(".tar.gz") for n in namen):
            continue
        zonder.append(naam)
    assert not zonder, f"{platform}, Python {python[0]}.{python[1]}: geen bestand met controlesom voor {zonder}"


def test_makefile_readme_en_contributing_noemen_dezelfde_python_versies():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    m = re.search(r"\((\d+), (\d+)\) <= sys\.version_info\[:2\] <= \((\d+), (\d+)\)", makefile)
    assert m, "de Makefile controleert de Python-versie niet met een onder- en bovengrens"
    laag, hoog = (int(m[1]), int(m[2])), (int(m[3]), int(m[4]))
    assert (laag, hoog) == (PYTHONS[0], PYTHONS[-1]), (laag, hoog)
    tekst = f"Python {laag[0]}.{laag[1]} tot en met {hoog[0]}.{hoog[1]}"
    for doc in ("README.md", "CONTRIBUTING.md"):
        assert tekst in (ROOT / doc).read_text(encoding="utf-8"), f"{doc} noemt niet '{tekst}'"


def test_elk_pakket_van_de_lock_aanvaardt_de_laagste_python_die_de_makefile_toestaat():
    # Debian 12 heeft Python 3.11.2. De metadata van de geïnstalleerde pakketten (zonder netwerk).
    laagste = Version("3.11.0")
    geweigerd = []
    for naam, (versie, _) in _lock().items():
        meta = metadata.metadata(naam)
        assert Version(meta["Version"]) == Version(versie), f"{naam}: geïnstalleerd {meta['Version']}, lock {versie}"
        eis = meta.get("Requires-Python")
        if eis and laagste not in SpecifierSet(eis):
            geweigerd.append(f"{naam}=={versie} (Requires-Python {eis})")
    assert not geweigerd, f"weigert Python {laagste}: {geweigerd}"


def test_js_yaml_heeft_de_versie_en_controlesom_uit_het_script():
    script = (ROOT / "tools" / "js-yaml.sh").read_text(encoding="utf-8")
    versie = re.search(r'^VERSIE="([0-9.]+)"', script, re.M).group(1)
    som = re.search(r'^CONTROLESOM="([0-9a-f]{64})"', script, re.M).group(1)
    bestand = (ROOT / "docs" / "javascripts" / "js-yaml.min.js").read_bytes()
    assert bestand.startswith(f"/*! js-yaml {versie} ".encode()), "versie in het bestand en in tools/js-yaml.sh verschillen"
    assert hashlib.sha256(bestand).hexdigest() == som, "docs/javascripts/js-yaml.min.js is veranderd zonder tools/js-yaml.sh"


def test_actions_vast_op_een_commit_zonder_bewaard_token_met_kleinste_rechten():
    ci = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert ci["permissions"] == {"contents": "read"}, ci["permissions"]
    for naam, taak in ci["jobs"].items():
        for stap in taak["steps"]:
            if "uses" in stap:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", stap["uses"]), f"{naam}: {stap['uses']} niet op een commit"
                if stap["uses"].startswith("actions/checkout@"):
                    assert stap.get("with", {}).get("persist-credentials") is False, f"{naam}: checkout bewaart het token"
        if "container" in taak:
            image = taak["container"] if isinstance(taak["container"], str) else taak["container"]["image"]
            assert re.fullmatch(r"[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}", image), f"{naam}: image {image} niet op een digest"
        extra = set(taak.get("permissions", {})) - {"pages", "id-token"}
        assert not extra, f"{naam}: meer rechten dan nodig: {extra}"


def test_js_yaml_komt_uit_een_package_lock_met_npm_ci_zonder_scripts():
    script = (ROOT / "tools" / "js-yaml.sh").read_text(encoding="utf-8")
    opdrachten = [r.strip() for r in script.splitlines() if r.strip().startswith("npm ")]
    assert opdrachten == ["npm ci --ignore-scripts --no-audit --no-fund --silent"], opdrachten
    lock = json.loads((ROOT / "tools" / "js-yaml" / "package-lock.json").read_text(encoding="utf-8"))
    pakketten = {pad.removeprefix("node_modules/"): p for pad, p in lock["packages"].items() if pad}
    versies = {"js-yaml": re.search(r'^VERSIE="(.+)"', script, re.M)[1],
               "esbuild": re.search(r'^ESBUILD="(.+)"', script, re.M)[1]}
    for naam, versie in versies.items():
        assert pakketten[naam]["version"] == versie, f"{naam}: package-lock.json {pakketten[naam]['version']}, script {versie}"
    zonder = [n for n, p in pakketten.items() if not p.get("integrity", "").startswith("sha512-")]
    assert not zonder, f"zonder controlesom in package-lock.json: {zonder}"
    # De controle van het gemaakte bestand: het script vergelijkt met CONTROLESOM en met het bestand in git.
    assert 'if [ "$som" != "$CONTROLESOM" ] || [ "$in_git" != "$CONTROLESOM" ]' in script
