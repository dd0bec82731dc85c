"""PURE: the folders of one series (a folder per day, week or meeting) under one parent.

Teams that keep a folder per day or meeting (`2026-04-10/`, `2026-04-17/`, `Möte 3/`) put
version 3 of a text in one and version 4 in the next, or the Word file in one and its signed
PDF in another. A folder whose name matches one of `series_folders` (classes.yaml; from the
start of the name, case-insensitive, accents optional) belongs to its parent's series: the
version and sibling passes compare the names of its files with those of every folder of the
series, as if they lay in one folder. A file directly in the parent, or in a folder of
another name, is not of the series. Without `series_folders` every folder stands alone.

A folder a team moves superseded versions into (`versions.history_folders`: `historik/`,
`Gamla versioner/`) is compared with the folder that holds it: its files are grouped with
that folder's (`group_of`), and the version pass finds their newer versions there.
"""

from __future__ import annotations

import functools
import re

from recordkeeper.ruleset.classes import ClassRules, compile_patterns, fold

# appended to a parent folder: the group of its series folders (no path holds NUL)
SERIES = "\x00"


@functools.lru_cache(maxsize=8)
def _pattern(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return compile_patterns(patterns)


@functools.lru_cache(maxsize=65536)  # a batch's folders recur in the next batch
def _group(folder: str, patterns: tuple[str, ...]) -> str:
    parent, _, name = folder.rpartition("/")
    return parent + SERIES if _pattern(patterns).match(fold(name)) else folder


@functools.lru_cache(maxsize=65536)
def _history(folder: str, patterns: tuple[str, ...]) -> bool:
    return bool(folder) and _pattern(patterns).match(fold(folder.rpartition("/")[2])) is not None


def is_history(folder: str, rules: ClassRules) -> bool:
    """Whether `folder` ('a/historik') is a folder of superseded versions
    (`versions.history_folders`, matched from the start of its own name)."""
    patterns = rules.versions.history_folders
    return bool(patterns) and _history(folder, patterns)


def group_of(folder: str, rules: ClassRules) -> str:
    """Where a file in `folder` ('a/b', '' for the top) is compared: the folder itself, or,
    when it is a folder of a series, the series ('a' + SERIES for 'a/2026-04-17'); a
    folder of superseded versions ('a/historik') is compared where its parent is."""
    if is_history(folder, rules):
        return group_of(folder.rpartition("/")[0], rules)
    patterns = rules.series_folders
    if not patterns or not folder:
        return folder
    return _group(folder, patterns)


def is_series(group: str) -> bool:
    """Whether a group (`group_of`) is a series of folders rather than one folder."""
    return group.endswith(SERIES)


def parent_of(group: str) -> str:
    """The folder that holds a series' folders."""
    return group[: -len(SERIES)]
