"""Voer een opdracht uit met de klok verzet, voor elk Python-proces dat eruit voortkomt.

    python -m tools.klok 2027-12-15 -- make check

De tests mogen niet afhangen van de datum van vandaag. Zo bewijst u dat: dezelfde tests, met de klok op een andere
dag. Deze opdracht zet ``JOBCOACH_KLOK`` en zet tools/klok_site/ vooraan in ``PYTHONPATH``; het ``sitecustomize``
daar verzet in elk Python-proces de klok met time-machine (``datetime``, ``date.today()``, ``time.time()``).
Waarom niet libfaketime (``faketime``) van Debian: daaronder blijft Python hangen bij elke wachttijd met een
time-out (``threading.Event().wait(0.3)`` komt nooit terug; gemeten met faketime 0.9.10), en daar wachten de
voorvertoning en de bestandsserver op. De browser (Chromium) houdt zijn eigen klok.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

MAP = Path(__file__).resolve().parent / "klok_site"


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 3 or args[1] != "--":
        print("Gebruik: python -m tools.klok JJJJ-MM-DD -- OPDRACHT [ARGUMENTEN]", file=sys.stderr)
        return 2
    try:
        dag = dt.date.fromisoformat(args[0])
    except ValueError:
        print(f"Fout: '{args[0]}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2027-12-15.", file=sys.stderr)
        return 2
    env = dict(os.environ)
    env["JOBCOACH_KLOK"] = f"{dag.isoformat()}T12:00:00+00:00"
    env["PYTHONPATH"] = os.pathsep.join([str(MAP), *filter(None, [env.get("PYTHONPATH")])])
    print(f"klok: {dag.isoformat()} 12:00 UTC voor elk Python-proces van: {' '.join(args[2:])}", flush=True)
    return subprocess.call(args[2:], env=env)


if __name__ == "__main__":
    sys.exit(main())
