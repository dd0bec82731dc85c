"""The process check run in-process on a folder, as several tests need it: the
files extracted one after another in this process and classified with the rules'
classifier (no pool, no database)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from recordkeeper.classify import classify_document, compiled
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import Classification, ExtractionResult
from recordkeeper.process import ClassifiedDocument
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services import check as check_service

TODAY = date(2026, 11, 1)


class InProcessExtractor:
    """`check_project`'s extractor without worker processes."""

    def map(self, items: Iterable[check_service.Job]) -> Iterator[ExtractionResult]:
        for path, rel, project in items:
            yield extract_file(path, rel, Limits(), project)


def check_folder(folder: Path, rules: LoadedRules) -> check_service.ProjectCheck:
    """`check_project` of `folder` on `TODAY` with `rules`, extracted in-process."""
    classes = compiled(rules.one("classes"))
    return check_service.check_project(
        folder,
        rules=rules,
        extractor=InProcessExtractor(),
        classify=lambda facts: classify_document(facts, classes),
        today=TODAY,
    )


def checked_classifications(
    folder: Path, rules: LoadedRules, monkeypatch: pytest.MonkeyPatch
) -> dict[str, Classification]:
    """`check_folder` of `folder`, and the classification of each document it handed the
    process check, by path: what `check` judged, to hold against classify's own passes."""
    seen: list[ClassifiedDocument] = []
    evaluate = check_service.check_documents

    def spy(process: Any, docs: Sequence[ClassifiedDocument], *a: Any, **k: Any) -> Any:
        seen.extend(docs)
        return evaluate(process, docs, *a, **k)

    monkeypatch.setattr(check_service, "check_documents", spy)
    check_folder(folder, rules)
    return {d.facts.path: d.classification for d in seen}
