"""Zet de klok van dit Python-proces op ``JOBCOACH_KLOK`` (alleen als die variabele er is; zie tools/klok.py).

Python laadt dit bestand vanzelf bij het starten, omdat tools/klok.py deze map vooraan in PYTHONPATH zet. Zo krijgt
elk Python-proces van een testrun (pytest, de werkers van pytest-xdist, mkdocs build en serve, jobcoach) dezelfde
verzette klok. De klok loopt vanaf dat moment gewoon door; wachttijden (time.sleep, time-outs) blijven echt.
"""

import os

if os.environ.get("JOBCOACH_KLOK"):
    import time_machine

    time_machine.travel(os.environ["JOBCOACH_KLOK"], tick=True).start()
