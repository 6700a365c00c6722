"""Print the lowest versions the runtime dependencies allow, as pins for pip.

python tools/lowest_requirements.py > lowest.txt
pip install --constraint lowest.txt .

Every dependency in pyproject.toml names its lowest version with ``>=``; a pin ``==`` of
that version keeps the environment marker (``tomli`` only before Python 3.11). .ci/run
installs these and runs the test suite, so that the declared minimums are true.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # the same parser, before Python 3.11
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*([^;]*?)\s*(;.*)?$")


def lowest_pins(dependencies: list[str]) -> list[str]:
    """``name==lowest`` (with the marker) for each requirement ``name>=lowest ...``."""
    pins = []
    for requirement in dependencies:
        match = _REQUIREMENT.match(requirement)
        lowest = re.search(r">=\s*([0-9][^,\s]*)", match.group(2)) if match else None
        if match is None or lowest is None:
            raise ValueError(f"{requirement!r} names no lowest version (>=)")
        pins.append(f"{match.group(1)}=={lowest.group(1)}{match.group(3) or ''}")
    return pins


def main() -> int:
    with PYPROJECT.open("rb") as stream:
        project = tomllib.load(stream)["project"]
    print("\n".join(lowest_pins(project["dependencies"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
