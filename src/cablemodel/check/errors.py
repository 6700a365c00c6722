"""What stops a check: one line for the user, exit status 2."""

from __future__ import annotations

__all__ = ["CheckError"]


class CheckError(Exception):
    """The check cannot do its job (usage, a missing path, settings or a baseline that
    cannot be read, an output it cannot write): one line for the user, exit status 2."""
