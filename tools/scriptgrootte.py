"""Meet hoeveel script de pagina Rekenhulp toevoegt: ruw, gzip -9 en brotli (als Node.js er is).

Gebruik: .venv/bin/python tools/scriptgrootte.py
Het budget is 30 KB gecomprimeerd (issue 6). Dit script meet en meldt; het is geen test.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
import rjsmin

from jobcoach import laad_regels
from leidraadsite.weergave.rekenhulp import rekenhulp_html

BUDGET = 30 * 1024


def brotli(data: bytes) -> int | None:
    """Brotli (kwaliteit 11) via de zlib van Node.js; None als Node.js ontbreekt."""
    node = shutil.which("node")
    if node is None:
        return None
    code = "let b=[];process.stdin.on('data',d=>b.push(d)).on('end',()=>{" \
           "const z=require('zlib');process.stdout.write(String(z.brotliCompressSync(Buffer.concat(b)," \
           "{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))})"
    return int(subprocess.run([node, "-e", code], input=data, capture_output=True, check=True).stdout)


def _verkleind(naam: str) -> bytes:
    """Zoals in de gebouwde site: verkleind door rjsmin (leidraadsite.weergave.rekenhulp.verklein, na de bouw)."""
    return rjsmin.jsmin((ROOT / "docs/javascripts" / naam).read_text(encoding="utf-8"), keep_bang_comments=True).encode("utf-8")


def main() -> int:
    laden = {  # wat de pagina laadt
        "docs/javascripts/rekenkern.js (rjsmin)": _verkleind("rekenkern.js"),
        "docs/javascripts/rekenhulp.js (rjsmin)": _verkleind("rekenhulp.js"),
        "regels (JSON in de pagina)": rekenhulp_html(laad_regels()).encode("utf-8"),
    }
    later = {  # wat pas komt als u erom vraagt
        "docs/javascripts/rekenhulp-word.js (rjsmin, bij een uitkomst)": _verkleind("rekenhulp-word.js"),
        "docs/javascripts/js-yaml.min.js (bij 'Casus openen')": (ROOT / "docs/javascripts/js-yaml.min.js").read_bytes(),
    }
    delen = {**laden, **later, "bij het laden (rekenkern.js + rekenhulp.js + JSON)": b"".join(laden.values())}
    print(f"{'deel':62} {'ruw':>9} {'gzip -9':>9} {'brotli':>9}")
    for naam, data in delen.items():
        br = brotli(data)
        print(f"{naam:62} {len(data):>9} {len(gzip.compress(data, 9)):>9} {br if br is not None else '-':>9}")
    totaal = sum(len(gzip.compress(d, 9)) for d in laden.values())
    print(f"budget: {BUDGET} bytes gecomprimeerd bij het laden van de pagina; gzip -9 per deel opgeteld (rekenkern.js, "
          f"rekenhulp.js en JSON): {totaal} ({'binnen' if totaal <= BUDGET else 'BOVEN'} het budget). Het Word-script komt "
          f"pas als er een uitkomst is, js-yaml pas bij 'Casus openen'.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
