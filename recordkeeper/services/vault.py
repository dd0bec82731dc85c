"""The personal-data vault: names and addresses the service must keep, encrypted per person.

Each person (a "subject") gets a random AES-256 data key, stored only wrapped
(AES-GCM) under a key derived from the master key. Values are encrypted with
AES-GCM under the person's key; the item and subject refs are bound in as
associated data, so a ciphertext moved to another row does not decrypt.
Shredding a person destroys the wrapped key (crypto-shredding): every value
stored for them becomes unreadable, and nothing in the audit log has to change
because the log only ever holds the random `subject_ref`.

Callers (process and registration helpers) name a person by a `subject_key` of
their choosing (e.g. a normalised e-mail address or name); only an HMAC of it
is stored, so the vault tables reveal nothing without the master key. The
caller records its own state change (its audit event may carry the returned
item ref); `shred` records its own event.

Usage, inside the caller's transaction::

    vault = vault_of(ctx)
    ref = vault.put(tx, "anna.andersson@example.se", "Anna Andersson")
    vault.get(tx.session, ref)            # "Anna Andersson", or None once shredded
    vault.shred(tx, vault.subject_ref(tx.session, key), actor="dpo-17", at=now)
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import inspect, select, update
from sqlalchemy.orm import Session

from recordkeeper.errors import ConfigError, NotFound, RecordkeeperError
from recordkeeper.model import AuditEvent
from recordkeeper.services.context import Clock, Context, SystemClock
from recordkeeper.store.tables_vault import VaultItemRow, VaultSubjectRow
from recordkeeper.store.unit import Tx

__all__ = ["VAULT", "Vault", "VaultError", "vault_of"]

VAULT = "vault"
_NONCE_BYTES = 12
_SUBJECTS = "recordkeeper.vault.subjects"  # `Session.info` key: see `Vault._subject`


class VaultError(RecordkeeperError):
    """A vault value cannot be decrypted: wrong master key or altered data."""

    code = "vault_integrity"


def _derive(master_key: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(master_key)


def vault_of(ctx: Context) -> Vault:
    vault = ctx.extras.get(VAULT)
    if not isinstance(vault, Vault):
        raise ConfigError("the personal-data vault is not loaded (settings.audit.master_key_file)")
    return vault


class Vault:
    """Encrypt, decrypt and shred personal data, one key per person."""

    def __init__(self, master_key: bytes, clock: Clock | None = None) -> None:
        self._clock: Clock = clock or SystemClock()
        if len(master_key) != 32:
            raise ConfigError("the vault master key must be 32 bytes")
        self._wrap = AESGCM(_derive(master_key, b"recordkeeper vault v1 wrap"))
        self._lookup_key = _derive(master_key, b"recordkeeper vault v1 lookup")

    def _lookup(self, subject_key: str) -> str:
        normalised = " ".join(subject_key.split()).casefold().encode("utf-8")
        return hmac.new(self._lookup_key, normalised, hashlib.sha256).hexdigest()

    def subject_ref(self, session: Session, subject_key: str) -> str | None:
        """The live subject for `subject_key` (None when unknown or shredded)."""
        lookup = self._lookup(subject_key)
        return session.scalar(select(VaultSubjectRow.ref).where(VaultSubjectRow.lookup == lookup))

    def _data_key(self, row: VaultSubjectRow) -> AESGCM | None:
        if row.wrapped_key is None:
            return None
        nonce, wrapped = row.wrapped_key[:_NONCE_BYTES], row.wrapped_key[_NONCE_BYTES:]
        try:
            return AESGCM(self._wrap.decrypt(nonce, wrapped, row.ref.encode("ascii")))
        except InvalidTag as exc:
            raise VaultError(f"vault subject {row.ref}: key does not unwrap") from exc

    def _subject(self, tx: Tx, subject_key: str) -> VaultSubjectRow:
        lookup = self._lookup(subject_key)
        # The subjects this transaction's session found or made, by lookup: the row the
        # query below would return from the session's identity map, while it is still
        # persistent there (not made in a savepoint rolled back since) and still has this
        # lookup (not shredded since). A registration batch seals hundreds of names in one
        # transaction, most of them people sealed before in it (issue #3).
        known: dict[str, VaultSubjectRow] = tx.session.info.setdefault(_SUBJECTS, {})
        row = known.get(lookup)
        if row is not None and inspect(row).persistent and row.lookup == lookup:
            return row
        row = tx.session.scalars(
            select(VaultSubjectRow).where(VaultSubjectRow.lookup == lookup)
        ).first()
        if row is not None:
            known[lookup] = row
            return row
        ref = secrets.token_hex(16)
        nonce = secrets.token_bytes(_NONCE_BYTES)
        key = AESGCM.generate_key(bit_length=256)
        row = VaultSubjectRow(
            ref=ref,
            lookup=lookup,
            wrapped_key=nonce + self._wrap.encrypt(nonce, key, ref.encode("ascii")),
            created_at=self._clock.now(),
        )
        tx.session.add(row)
        tx.session.flush()
        known[lookup] = row
        return row

    def put(self, tx: Tx, subject_key: str, plaintext: str) -> str:
        """Encrypt `plaintext` under the person's key (made on first use); returns the item ref."""
        subject = self._subject(tx, subject_key)
        aead = self._data_key(subject)
        assert aead is not None  # a live subject always has its key
        ref = secrets.token_hex(16)
        nonce = secrets.token_bytes(_NONCE_BYTES)
        aad = f"{ref}|{subject.ref}".encode("ascii")
        tx.session.add(
            VaultItemRow(
                ref=ref,
                subject_ref=subject.ref,
                nonce=nonce,
                ciphertext=aead.encrypt(nonce, plaintext.encode("utf-8"), aad),
            )
        )
        # not flushed here: its ref is ours, nothing needs the row before the session's
        # next flush (a query's, a caller's, the commit's), which inserts it with the rest
        return ref

    def get(self, session: Session, ref: str) -> str | None:
        """The plaintext of item `ref`, or None when its person was shredded.

        Raises:
            NotFound: no such item.
            VaultError: the data does not decrypt (altered, or another master key).
        """
        item = session.get(VaultItemRow, ref)
        if item is None:
            raise NotFound(f"vault item {ref} does not exist")
        subject = session.get(VaultSubjectRow, item.subject_ref)
        if subject is None or item.ciphertext is None or item.nonce is None:
            return None
        aead = self._data_key(subject)
        if aead is None:
            return None
        aad = f"{item.ref}|{subject.ref}".encode("ascii")
        try:
            return aead.decrypt(item.nonce, item.ciphertext, aad).decode("utf-8")
        except InvalidTag as exc:
            raise VaultError(f"vault item {ref} does not decrypt") from exc

    def shred(self, tx: Tx, subject_ref: str, actor: str, at: datetime) -> int:
        """Destroy a person's key and ciphertexts; records `personal_data_shredded`.

        Returns the number of items made unreadable. Shredding twice is a no-op
        that records nothing.

        Raises:
            NotFound: no such subject.
        """
        subject = tx.session.get(VaultSubjectRow, subject_ref)
        if subject is None:
            raise NotFound(f"vault subject {subject_ref} does not exist")
        if subject.wrapped_key is None:
            return 0
        subject.wrapped_key = None
        subject.lookup = None
        subject.shredded_at = at
        result = tx.session.execute(
            update(VaultItemRow)
            .where(VaultItemRow.subject_ref == subject_ref)
            .values(ciphertext=None, nonce=None)
        )
        count = int(getattr(result, "rowcount", 0) or 0)
        tx.record(
            AuditEvent(
                "personal_data_shredded",
                at,
                actor=actor,
                data={"subject_ref": subject_ref, "items": count},
            )
        )
        return count
