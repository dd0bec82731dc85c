"""`classify_siblings.folder_mates` (the sibling pass's folder query, one statement per
number of folders, compiled once) finds exactly the present documents directly in each
folder, as a plain listing of every row says, whatever the folder names hold."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from recordkeeper.services import classify_siblings
from recordkeeper.store import bulk
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.unit import Store

AT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
# names that a range or a LIKE pattern could get wrong: prefixes, '0' and '.' after the
# name, wildcards, escapes, case, accents, nesting, the root folder
FOLDERS = [
    "", "a", "A", "a b", "a0", "a.b", "a/b", "a/b/c", "a/b0", "ab", "100%", "100_", "1000",
    "back\\slash", "back", "Å", "å/ä", "x" * 3, "x/" * 5 + "deep", "a%", "a_", "_a",
]  # fmt: skip


def _store_documents(store: Store, roots: list[str], folders: list[str]) -> None:
    rows = []
    rng = random.Random(7)
    for root in roots:
        for f, folder in enumerate(folders):
            for n in range(rng.randint(0, 3)):
                name = f"d{n}.{rng.choice(['pdf', 'docx', 'txt'])}"
                path = f"{folder}/{name}" if folder else name
                state = "present" if rng.random() < 0.8 else "gone"
                rows.append(
                    {"id": f"{root}-{f:03d}-{n}", "root": root, "path": path, "project": None,
                     "state": state, "first_seen_at": AT, "last_seen_at": AT, "gone_at": None,
                     "current_sha256": None, "size": 1, "mtime_ns": None, "inode": None,
                     "error_reason": None, "error_detail": None}
                )  # fmt: skip
    with store.transaction() as tx:
        bulk.insert_many(tx.session, DocumentRow, rows)


def _listing(store: Store) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """(root, folder) -> {(id, path)} of the present documents, from every row."""
    out: dict[tuple[str, str], set[tuple[str, str]]] = {}
    with store.read() as s:
        query = select(DocumentRow.id, DocumentRow.root, DocumentRow.path, DocumentRow.state)
        for doc_id, root, path, state in s.execute(query):
            if state == "present":
                out.setdefault((root, path.rpartition("/")[0]), set()).add((doc_id, path))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_the_mates_are_those_of_a_plain_listing(store: Store, seed: int) -> None:
    many = [f"p{i:02d}/q" for i in range(70)]  # more folders than one statement takes
    roots = ["r1", "r2"]
    _store_documents(store, roots, FOLDERS + many)
    listing = _listing(store)
    rng = random.Random(seed)
    everything = [(r, f) for r in roots for f in FOLDERS + many] + [("r1", "nowhere")]
    for size in (1, 2, 3, 5, 17, 33, 40, len(everything)):
        wanted = set(rng.sample(everything, min(size, len(everything))))
        if seed % 2:  # half the rounds without the root folder (that one reads the whole root)
            wanted = {(r, f) for r, f in wanted if f} or {("r2", "a")}
        with store.read() as s:
            found = classify_siblings.folder_mates(s, wanted)
        assert set(found) == wanted
        for key, mates in found.items():
            assert len(mates) == len(set(mates))  # each document once
            assert {(m.id, m.path) for m in mates} == listing.get(key, set()), key
