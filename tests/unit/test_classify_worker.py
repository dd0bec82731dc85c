"""The classifier as an extraction worker runs it (`services.classify_worker`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from recordkeeper.classify import classifier, compile_rules, personal_data, views
from recordkeeper.model import DocumentFacts
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.services.classify_worker import WorkerClassifier

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The patterns `re` compiles (its own cache emptied first, as in a new process)."""
    seen: list[str] = []
    compile_ = re._compile  # type: ignore[attr-defined]

    def counted(pattern: str, flags: int) -> re.Pattern[str]:
        if (type(pattern), pattern, flags) not in re._cache:  # type: ignore[attr-defined]
            seen.append(pattern)
        return compile_(pattern, flags)  # type: ignore[no-any-return]

    re.purge()
    views.untitled_pattern.cache_clear()
    classifier._unread_names.cache_clear()
    monkeypatch.setattr(re, "_compile", counted)
    yield seen


def test_a_prepared_worker_compiles_no_pattern_at_its_first_documents(
    compiles: list[str],
) -> None:
    # what a new worker would compile at its first documents (≈ 8 M instructions): a tool's
    # default title, an unread scan's name; `prepare()` does it before the worker is ready
    worker = WorkerClassifier(compile_rules(RULES), "0" * 64)
    worker.prepare()
    compiles.clear()
    scan = DocumentFacts(
        path="RG/Mats Kjellberg.pdf",
        size=10,
        sha256="0" * 64,
        kind="pdf",
        title="Scanned document",
        has_text_layer=False,
    )
    mail = DocumentFacts(
        path="P/Svar.txt", size=10, sha256="1" * 64, kind="txt", text="Hej – svar Ⅻ ٣"
    )
    found = [worker(scan).classification, worker(mail).classification]
    assert found[0].reasons[0] == "textless:unread_scan"
    assert compiles == []
    assert personal_data._ANY_DIGIT.pattern == r"\d"
