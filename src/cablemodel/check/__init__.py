"""``cablemodel check`` as a library: settings, baseline, report formats and one run.

:func:`run_check` does everything a run decides (reading the settings and the baseline,
finding the inputs, writing the report, counting, the exit status); the command line is
a thin layer that turns its flags into a :class:`CheckRequest`.
"""

from __future__ import annotations

from .errors import CheckError
from .run import (
    EXIT_FAILURE,
    EXIT_FINDINGS,
    EXIT_OK,
    STDIN,
    CheckRequest,
    Progress,
    Tally,
    choose_output_format,
    collect_inputs,
    nothing_to_check,
    output_stream,
    package_version,
    read_error_message,
    refuse_overwriting_inputs,
    run_check,
)

__all__ = [
    "EXIT_FAILURE",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "STDIN",
    "CheckError",
    "CheckRequest",
    "Progress",
    "Tally",
    "choose_output_format",
    "collect_inputs",
    "nothing_to_check",
    "output_stream",
    "package_version",
    "read_error_message",
    "refuse_overwriting_inputs",
    "run_check",
]
