"""A worker keeps freed heap for the next file instead of faulting it in again."""

from __future__ import annotations

import resource
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from recordkeeper.ingest.extract import Limits
from recordkeeper.ingest.pool import Extracted, ExtractionPool, Job
from recordkeeper.model import DocumentFacts

_BLOCK = 20 * 1024  # above pymalloc's small objects, below glibc's first mmap threshold
_BLOCKS = 2_000  # 40 MiB: what a large parse tree holds and frees


def _one_file(tmp_path: Path, limits: Limits, analyzer: Any = None) -> Extracted:
    """A fresh one-worker pool's answer for a small text file."""
    note = tmp_path / "note.txt"
    note.write_text("Protokoll", encoding="utf-8")
    with ExtractionPool(limits, workers=1, analyzer=analyzer) as pool:
        (done,) = pool.map_extracted([Job(note, "note.txt")])
    assert isinstance(done.result, DocumentFacts)
    return done


@dataclass(frozen=True)
class _HeapChurn:
    """An analyzer that does what a large file does to the worker's heap: allocate
    ~40 MiB in blocks, free them, and again; it answers with the minor page faults
    the second round took (pages the first had and glibc gave back in between)."""

    def __call__(self, facts: DocumentFacts) -> int:
        del facts
        blocks = [bytearray(_BLOCK) for _ in range(_BLOCKS)]
        del blocks
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        blocks = [bytearray(_BLOCK) for _ in range(_BLOCKS)]
        after = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        del blocks
        return after - before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_a_worker_keeps_freed_heap_for_its_next_allocations(tmp_path: Path) -> None:
    # With glibc's defaults the 40 MiB freed at the heap's top goes back to the kernel
    # (trim threshold 128 KiB) and the next round faults all ~10,000 pages in again.
    done = _one_file(tmp_path, Limits(), _HeapChurn())
    assert done.analysis < _BLOCKS * _BLOCK // 4096 // 10


@dataclass(frozen=True)
class _HeapGrowth:
    """An analyzer that grows the heap as a fresh worker's first large files do: it
    allocates and writes ~8 MiB in blocks and keeps them alive while it counts the
    minor page faults that took."""

    def __call__(self, facts: DocumentFacts) -> int:
        del facts
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        blocks = [b"x" * _BLOCK for _ in range(_BLOCKS // 5)]
        after = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        del blocks
        return after - before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_a_fresh_worker_has_its_heap_grown_before_its_first_file(tmp_path: Path) -> None:
    # Without the growth at start the worker faults the ~2,000 pages in one by one
    # while it works on its first files.
    done = _one_file(tmp_path, Limits(), _HeapGrowth())
    assert done.analysis < _BLOCKS // 5 * _BLOCK // 4096 // 10


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_a_worker_with_a_small_memory_cap_grows_its_heap_within_it(tmp_path: Path) -> None:
    # A quarter of a 64 MiB cap is grown at most, so the worker still has room for files.
    done = _one_file(tmp_path, Limits(memory_mb=64))
    assert done.result.text.strip() == "Protokoll"
