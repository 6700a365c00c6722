"""Without Hypothesis, importing the strategies says what to install."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_strategies_without_hypothesis_say_what_to_install(tmp_path: Path) -> None:
    # None in sys.modules makes `import hypothesis` fail as if it were not installed.
    script = "import sys; sys.modules['hypothesis'] = None; import cablemodel.strategies"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path,
        check=False,
    )

    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "ImportError: cablemodel.strategies needs Hypothesis, which is not installed: "
        "pip install 'cablemodel[testing]'"
    )
