"""The daemon's ingest on the test store, and what it stored, for the tests that compare
the daemon with `classify --json` and `check` (series, versions, siblings, copies)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from recordkeeper.model import Classification
from recordkeeper.services.classification import current_classification
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import RootIngestor, configured_roots
from recordkeeper.store.tables import AuditEntryRow, DocumentRow


def scan(ctx: Context) -> None:
    """One ingest pass over the first configured root, as the daemon's scan does."""
    RootIngestor(ctx, configured_roots(ctx.settings)[0]).scan()


def file_name(path: str) -> str:
    return path.rpartition("/")[2]


def stored_classifications(
    ctx: Context, key: Callable[[str], str] = file_name
) -> dict[str, Classification]:
    """`key(path)` -> the current classification of every present document."""
    with ctx.store.read() as s:
        docs = s.execute(select(DocumentRow).where(DocumentRow.state == "present")).scalars()
        out = {}
        for d in docs:
            found = current_classification(s, d.id)
            assert found is not None
            out[key(d.path)] = found.classification
        return out


def document_id(ctx: Context, name: str) -> str:
    """The id of the one document whose path ends in `/name`."""
    with ctx.store.read() as s:
        rows = s.execute(select(DocumentRow.id, DocumentRow.path)).all()
    (found,) = [i for i, p in rows if p.endswith("/" + name)]
    return found


def classified_events(ctx: Context, doc_id: str) -> int:
    """How many `document_classified` audit entries the document has."""
    with ctx.store.read() as s:
        rows = s.execute(select(AuditEntryRow.event).where(AuditEntryRow.document_id == doc_id))
        return sum(1 for (e,) in rows.all() if e == "document_classified")
