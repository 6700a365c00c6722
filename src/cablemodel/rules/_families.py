"""Imports every module that registers rules, so that importing this registers all."""

from . import content, declassification, identity, markings, sections  # noqa: F401
