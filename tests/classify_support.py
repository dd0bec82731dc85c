"""`classify --json`'s own path over a folder, in-process, for the tests of naming habits."""

from __future__ import annotations

from pathlib import Path

from recordkeeper.model import Classification
from recordkeeper.ruleset.classes import ClassRules
from recordkeeper.services.classify_files import classify_paths
from tests.fakes import InProcess


def classified_by_name(root: Path, rules: ClassRules) -> dict[str, Classification]:
    """Every file under `root` by its base name, classified as `classify --json` does
    (sibling, version and counterpart passes included)."""
    out = {}
    for outcome in classify_paths([str(root)], rules, InProcess(), ()):
        assert outcome.classification is not None
        out[outcome.path.rpartition("/")[2]] = outcome.classification
    return out
