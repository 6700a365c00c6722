"""Outputs that appear whole or not at all: written under a temporary name beside their
place, then renamed into it (one text file: ``cablemodel._output.atomic_text``). The
temporary files and folders get the permissions an ordinary new file would (the umask
applies), unlike ``tempfile``'s private ones."""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

__all__ = ["new_temporary_file", "new_temporary_folder", "replace_folder"]


def _temporary_name(path: Path, suffix: str) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}{suffix}")


def new_temporary_file(path: Path) -> Path:
    """An empty new file beside ``path``, for what will replace it."""
    while True:
        candidate = _temporary_name(path, ".tmp")
        try:
            with open(candidate, "x"):
                return candidate
        except FileExistsError:  # pragma: no cover - 32 random bits
            continue


def new_temporary_folder(path: Path, suffix: str = ".tmp") -> Path:
    """An empty new folder beside ``path``."""
    while True:
        candidate = _temporary_name(path, suffix)
        try:
            candidate.mkdir()
        except FileExistsError:  # pragma: no cover - 32 random bits
            continue
        return candidate


def replace_folder(new: Path, path: Path) -> None:
    """Put the folder ``new`` at ``path``; what was there is moved aside first, then removed."""
    old = None
    if path.exists():
        old = new_temporary_folder(path, ".old")
        os.replace(path, old / path.name)
    os.replace(new, path)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
