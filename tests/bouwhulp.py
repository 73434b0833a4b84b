"""Hulp voor tests die een kopie van het project bouwen waarin ook het pakket (src/) is aangepast."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def bouw_met_eigen_pakket(project: Path, doel: Path) -> subprocess.CompletedProcess[str]:
    """Bouw de kopie streng, met het pakket ``jobcoach`` uit die kopie (PYTHONPATH gaat voor de
    editable installatie), zodat gewijzigde data in ``src/jobcoach/data/`` meetelt."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "src")}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(doel)],
        cwd=project, capture_output=True, text=True, env=env, timeout=300,
    )
