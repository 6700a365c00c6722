"""Imports every module that registers rules, so that importing this registers all."""
