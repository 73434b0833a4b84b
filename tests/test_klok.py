"""tools/klok.py: een opdracht met de klok verzet, ook in elk Python-proces dat eruit voortkomt."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

CODE = ("import datetime, subprocess, sys, threading, time; print(datetime.date.today()); "
        "t = time.monotonic(); threading.Event().wait(0.2); print(round(time.monotonic() - t, 1)); "
        "print(subprocess.run([sys.executable, '-c', 'import datetime; print(datetime.date.today())'], "
        "capture_output=True, text=True).stdout.strip())")


def test_klok_verzet_de_datum_ook_in_een_kindproces_en_wachttijden_blijven_echt():
    uit = subprocess.run([sys.executable, "-m", "tools.klok", "2031-02-03", "--", sys.executable, "-c", CODE],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert uit.returncode == 0, uit.stderr
    regels = uit.stdout.splitlines()
    assert regels[0].startswith("klok: 2031-02-03"), regels
    assert regels[1:] == ["2031-02-03", "0.2", "2031-02-03"], regels


def test_klok_weigert_een_datum_die_geen_datum_is():
    uit = subprocess.run([sys.executable, "-m", "tools.klok", "15-12-2027", "--", "true"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert uit.returncode == 2
    assert "'15-12-2027' is geen datum; schrijf JJJJ-MM-DD" in uit.stderr
