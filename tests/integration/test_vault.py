"""The personal-data vault: round trip, per-person keys, crypto-shredding."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import event

from recordkeeper.config import Settings
from recordkeeper.errors import NotFound
from recordkeeper.services.vault import Vault, VaultError, vault_of
from recordkeeper.store.tables_vault import VaultItemRow
from recordkeeper.store.unit import Store
from tests.audit_support import audit_context, db_file, query
from tests.fakes import FakeClock

ANNA = "anna.andersson@example.se"
BO = "bo.berg@example.se"


@pytest.fixture
def vault(settings: Settings, store: Store, clock: FakeClock) -> Vault:
    return vault_of(audit_context(settings, store, clock))


def test_a_value_round_trips(store: Store, vault: Vault) -> None:
    with store.transaction() as tx:
        ref = vault.put(tx, ANNA, "Anna Andersson")
    with store.read() as session:
        assert vault.get(session, ref) == "Anna Andersson"


def test_nothing_readable_is_stored(settings: Settings, store: Store, vault: Vault) -> None:
    with store.transaction() as tx:
        vault.put(tx, ANNA, "Anna Andersson")
    rows = query(settings, "SELECT * FROM vault_subjects") + query(
        settings, "SELECT * FROM vault_items"
    )
    raw = repr(rows).encode()
    path = db_file(settings)
    if path is not None:  # SQLite: the whole file and its write-ahead log
        raw += b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    assert b"Anna" not in raw
    assert b"anna.andersson" not in raw


def test_the_same_person_shares_one_key(store: Store, vault: Vault) -> None:
    with store.transaction() as tx:
        vault.put(tx, ANNA, "Anna Andersson")
        vault.put(tx, " Anna.Andersson@example.se ", "070-123 45 67")
        vault.put(tx, BO, "Bo Berg")
    with store.read() as session:
        assert vault.subject_ref(session, ANNA) == vault.subject_ref(session, ANNA.upper())
        assert vault.subject_ref(session, ANNA) != vault.subject_ref(session, BO)


def test_shredding_destroys_one_persons_data_only(
    settings: Settings, store: Store, vault: Vault, clock: FakeClock
) -> None:
    with store.transaction() as tx:
        anna = [vault.put(tx, ANNA, "Anna Andersson"), vault.put(tx, ANNA, "070-123 45 67")]
        bo = vault.put(tx, BO, "Bo Berg")
    with store.read() as session:
        subject = vault.subject_ref(session, ANNA)
    assert subject is not None
    with store.transaction() as tx:
        assert vault.shred(tx, subject, actor="dpo-1", at=clock.now()) == 2
    with store.read() as session:
        assert [vault.get(session, ref) for ref in anna] == [None, None]
        assert vault.get(session, bo) == "Bo Berg"
        assert vault.subject_ref(session, ANNA) is None
    ((leaf,),) = query(settings, "SELECT leaf FROM audit_entries")
    entry = json.loads(bytes(leaf))
    assert entry["event"] == "personal_data_shredded"
    assert entry["data"] == {"subject_ref": subject, "items": 2}
    assert entry["actor"] == "dpo-1"


def test_shredding_twice_records_once(store: Store, vault: Vault, clock: FakeClock) -> None:
    with store.transaction() as tx:
        vault.put(tx, ANNA, "Anna Andersson")
        subject = vault.subject_ref(tx.session, ANNA)
        assert subject is not None
        vault.shred(tx, subject, actor="dpo-1", at=clock.now())
        assert vault.shred(tx, subject, actor="dpo-1", at=clock.now()) == 0


def test_a_person_seen_again_after_shredding_gets_a_new_key(
    store: Store, vault: Vault, clock: FakeClock
) -> None:
    with store.transaction() as tx:
        old = vault.put(tx, ANNA, "Anna Andersson")
        subject = vault.subject_ref(tx.session, ANNA)
        assert subject is not None
        vault.shred(tx, subject, actor="dpo-1", at=clock.now())
        new = vault.put(tx, ANNA, "Anna Andersson")
    with store.read() as session:
        assert vault.get(session, old) is None
        assert vault.get(session, new) == "Anna Andersson"
        assert vault.subject_ref(session, ANNA) != subject


def test_another_master_key_cannot_read(store: Store, vault: Vault) -> None:
    with store.transaction() as tx:
        ref = vault.put(tx, ANNA, "Anna Andersson")
    with store.read() as session, pytest.raises(VaultError):
        Vault(b"\x01" * 32).get(session, ref)


def test_unknown_refs_are_not_found(store: Store, vault: Vault, clock: FakeClock) -> None:
    with store.read() as session, pytest.raises(NotFound):
        vault.get(session, "0" * 32)
    with pytest.raises(NotFound), store.transaction() as tx:
        vault.shred(tx, "0" * 32, actor="dpo-1", at=clock.now())


def _subject_lookups(store: Store) -> list[str]:
    """The statements reading vault_subjects from now on (a list that fills)."""
    seen: list[str] = []

    def note(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "vault_subjects" in statement:
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", note)
    return seen


def test_a_transaction_looks_each_person_up_once(store: Store, vault: Vault) -> None:
    # a registration batch seals many names in one transaction, most of them people it
    # sealed before: the subject found or made first is taken again, not queried
    lookups = _subject_lookups(store)
    with store.transaction() as tx:
        refs = [vault.put(tx, ANNA, "Anna Andersson"), vault.put(tx, ANNA.upper(), "Anna A")]
        refs.append(vault.put(tx, BO, "Bo Berg"))
        refs.append(vault.put(tx, ANNA, "070-123 45 67"))
    assert len(lookups) == 2
    with store.transaction() as tx:  # another transaction asks again
        refs.append(vault.put(tx, ANNA, "Anna"))
    assert len(lookups) == 3
    with store.read() as session:
        texts = [vault.get(session, ref) for ref in refs]
        assert texts == ["Anna Andersson", "Anna A", "Bo Berg", "070-123 45 67", "Anna"]
        assert {session.get(VaultItemRow, r).subject_ref for r in refs[:2] + refs[3:]} == {  # type: ignore[union-attr]
            vault.subject_ref(session, ANNA)
        }


def test_a_person_made_in_a_savepoint_rolled_back_is_made_again(store: Store, vault: Vault) -> None:
    with store.transaction() as tx:
        with pytest.raises(RuntimeError), tx.savepoint():
            vault.put(tx, ANNA, "Anna Andersson")
            raise RuntimeError("this item fails")
        ref = vault.put(tx, ANNA, "Anna Andersson")
    with store.read() as session:
        assert vault.get(session, ref) == "Anna Andersson"
        subject = vault.subject_ref(session, ANNA)
        assert subject is not None
        assert session.get(VaultItemRow, ref).subject_ref == subject  # type: ignore[union-attr]


def test_items_put_are_shredded_in_the_same_transaction(
    store: Store, vault: Vault, clock: FakeClock
) -> None:
    # an item is inserted at the session's next flush: the shred's update still finds it
    with store.transaction() as tx:
        refs = [vault.put(tx, ANNA, "Anna Andersson"), vault.put(tx, ANNA, "070-123 45 67")]
        subject = vault.subject_ref(tx.session, ANNA)
        assert subject is not None
        assert vault.shred(tx, subject, actor="dpo-1", at=clock.now()) == 2
    with store.read() as session:
        assert [vault.get(session, ref) for ref in refs] == [None, None]
        assert all(session.get(VaultItemRow, r).ciphertext is None for r in refs)  # type: ignore[union-attr]
