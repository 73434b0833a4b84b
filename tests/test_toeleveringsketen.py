"""Wat de site van anderen gebruikt, ligt vast: pakketten met controlesom, js-yaml met versie en controlesom,
GitHub Actions op een commit, de CI zonder bewaard token en met de kleinste rechten."""

from __future__ import annotations

import hashlib
import re

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def test_elk_pakket_in_de_lock_heeft_een_controlesom_en_make_eist_die():
    regels = [r for r in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
              if r.strip() and not r.startswith("#")]
    zonder = [r for r in regels if not re.fullmatch(r"[A-Za-z0-9_.-]+==\S+ --hash=sha256:[0-9a-f]{64}", r)]
    assert len(regels) > 40 and not zonder, f"zonder controlesom: {zonder}"
    assert "--require-hashes -r requirements.lock" in (ROOT / "Makefile").read_text(encoding="utf-8")


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
        extra = set(taak.get("permissions", {})) - {"pages", "id-token"}
        assert not extra, f"{naam}: meer rechten dan nodig: {extra}"
