"""The watched roots and their stable keys (what documents store as their root).

A light module of its own: `check` needs the keys to find a folder's documents
in the store without importing the ingest and, through it, the whole pipeline.
`services.ingest` re-exports these names.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from recordkeeper.config import Settings

__all__ = ["RootSpec", "configured_roots", "resolve_roots", "root_key"]


@dataclass(frozen=True, slots=True)
class RootSpec:
    """A watched root: `key` is what documents store as their root."""

    key: str
    path: Path
    mode: str = "auto"


def root_key(path: Path, name: str | None = None) -> str:
    """A stable key for a root: its configured name, else its absolute path."""
    key = name or str(path.resolve())
    if len(key) > 200:
        key = key[:150] + "#" + hashlib.sha256(key.encode()).hexdigest()[:40]
    return key


def configured_roots(settings: Settings) -> list[RootSpec]:
    return [RootSpec(root_key(r.path, r.name), r.path, r.mode) for r in settings.roots]


def resolve_roots(settings: Settings, paths: Sequence[Path]) -> list[RootSpec]:
    """Roots for command-line paths: a configured root keeps its key, others are ad hoc."""
    if not paths:
        return configured_roots(settings)
    by_real = {os.path.realpath(r.path): r for r in configured_roots(settings)}
    return [by_real.get(os.path.realpath(p), RootSpec(root_key(p), p)) for p in paths]
