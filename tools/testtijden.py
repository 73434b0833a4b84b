"""Waar de testtijd heen gaat: wandtijd en CPU-tijd per test en per soort (unit, build, browser).

Gebruik (een pytest-plugin; meet, maar toetst niets):

    .venv/bin/python -m pytest -p tools.testtijden [-m build] [-n 2 --dist loadgroup]
    TESTTIJDEN=40 .venv/bin/python -m pytest -p tools.testtijden      # de 40 langste tests

Per test (setup + aanroep + afbreken) telt de CPU-tijd van het testproces en van zijn kindprocessen die klaar zijn
(zoals ``mkdocs build`` in een eigen proces). Chromium is een kind van de Playwright-driver en telt dus pas aan het
eind mee (bij 'kindprocessen na afloop'). Aan het eind komen ook de belasting (/proc/loadavg) en de totalen.
Met pytest-xdist meet elke werker zijn eigen tests; de hoofdprocessen tonen dan de som.
"""

from __future__ import annotations

import os
import resource
import time
from collections import defaultdict
from collections.abc import Generator
from typing import Any

import pytest

SOORTEN = ("unit", "build", "browser", "bench")


def _cpu() -> float:
    eigen, kinderen = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return eigen.ru_utime + eigen.ru_stime + kinderen.ru_utime + kinderen.ru_stime


def _belasting() -> str:
    try:
        with open("/proc/loadavg", encoding="ascii") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


class Testtijden:
    def __init__(self) -> None:
        self.tijden: dict[str, list[float]] = {}  # nodeid -> [wand, cpu]
        self.soort: dict[str, str] = {}
        self.begin = (time.perf_counter(), _cpu())
        self.belasting_begin = _belasting()

    def pytest_runtest_logstart(self, nodeid: str, location) -> None:  # noqa: ANN001
        self.start = (time.perf_counter(), _cpu())

    # Het verslag van het afbreken (het laatste van een test) krijgt de meting mee; zo komt ze met pytest-xdist ook
    # van de werker bij het hoofdproces.
    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call) -> Generator[None, Any, None]:  # noqa: ANN001
        uitkomst = yield
        if call.when == "teardown":
            wand, cpu = self.start
            soort = next((m.name for m in item.iter_markers() if m.name in SOORTEN), "?")
            uitkomst.get_result().user_properties.append(
                ("testtijden", (time.perf_counter() - wand, _cpu() - cpu, soort)))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "teardown":
            for naam, waarde in report.user_properties:
                if naam == "testtijden":
                    wand, cpu, soort = waarde
                    self.tijden[report.nodeid] = [wand, cpu]
                    self.soort[report.nodeid] = soort

    def pytest_terminal_summary(self, terminalreporter) -> None:  # noqa: ANN001
        if hasattr(terminalreporter.config, "workerinput") or not self.tijden:
            return
        wand0, cpu0 = self.begin
        n = int(os.environ.get("TESTTIJDEN", "25"))
        schrijf = terminalreporter.write_line
        terminalreporter.section("testtijden (wand / CPU in s)")
        for nodeid, (wand, cpu) in sorted(self.tijden.items(), key=lambda kv: -kv[1][0])[:n]:
            schrijf(f"{wand:7.1f} {cpu:7.1f}  {self.soort[nodeid]:<7} {nodeid}")
        per_soort: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
        for nodeid, (wand, cpu) in self.tijden.items():
            s = per_soort[self.soort[nodeid]]
            s[0] += wand
            s[1] += cpu
            s[2] += 1
        for soort, (wand, cpu, aantal) in sorted(per_soort.items()):
            schrijf(f"{soort:<8} {aantal:4d} tests: wand {wand:6.1f} s, CPU {cpu:6.1f} s (som over de tests)")
        schrijf(f"hele run: wand {time.perf_counter() - wand0:.1f} s; CPU van dit proces en zijn kinderen "
                f"{_cpu() - cpu0:.1f} s (met de werkers van xdist, zonder Chromium zolang de driver loopt)")
        schrijf(f"belasting (/proc/loadavg) bij begin {self.belasting_begin}, aan het eind {_belasting()}")


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(Testtijden(), "testtijden-meting")
