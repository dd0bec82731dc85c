"""PURE: canonical audit entries and the Merkle tree over them (RFC 6962 / RFC 9162).

An entry is canonical JSON: keys sorted, no insignificant whitespace, UTF-8,
timestamps in UTC ISO 8601 with microseconds. It holds identifiers, hashes,
rule ids and user ids only, never names or text: `check_identifiers_only`
refuses an event whose values look like personal data, before it is written.

The tree follows RFC 6962 section 2.1: leaf hash SHA-256(0x00 || leaf), node
hash SHA-256(0x01 || left || right), the empty tree hashes to SHA-256("").
`MerkleTree` keeps every complete subtree hash (about 2n hashes, built with
n - 1 node hashes), so the root at any earlier size, inclusion proofs and
consistency proofs all cost O(log^2 n) after one O(n) pass. Proof
verification follows RFC 9162 sections 2.1.3.2 and 2.1.4.2. What is checked
and how problems are diagnosed lives in `recordkeeper.audit.check`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime

from recordkeeper import pii
from recordkeeper.errors import RecordkeeperError
from recordkeeper.model import AuditEvent

__all__ = [
    "EMPTY_ROOT",
    "ENTRY_VERSION",
    "HEAD_FORMAT",
    "CompactRange",
    "MerkleTree",
    "PersonalDataInAuditEntry",
    "canonical_entry",
    "canonical_json",
    "check_identifiers_only",
    "head_message",
    "leaf_hash",
    "new_id",
    "node_hash",
    "root_from_inclusion",
    "roots_at",
    "tree_root",
    "verify_consistency",
    "verify_inclusion",
]

ENTRY_VERSION = 1
HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()
_LEAF_PREFIX = b"\x00"
_NODE_PREFIX = b"\x01"
_sha256 = hashlib.sha256


class PersonalDataInAuditEntry(RecordkeeperError):
    """An audit event carried something that looks like personal data; nothing was written."""

    code = "audit_personal_data"


def check_identifiers_only(event: AuditEvent) -> None:
    """Refuse an event whose fields look like names, e-mail, phone or personnummer.

    Every audit append passes here (two a file of a bulk ingest), so the usual event is
    decided in C: its data keys are among the keys allowed already, its values among
    the values found clean already (`_clean`); a value not seen yet (mostly the event's
    new document id and content hash) is scanned once (`pii.find_kinds`).

    Raises:
        PersonalDataInAuditEntry: naming the field and the kind found, never the value.
    """
    data = event.data
    if not _allowed_keys.issuperset(data):
        _check_keys(event)
    fields = (event.event, event.actor, event.document_id, event.project_id, event.rule_id)
    sha256 = event.sha256
    try:
        if _clean.issuperset(fields) and sha256 in _clean and _clean.issuperset(data.values()):
            return
        unseen = [item for item in (*fields, sha256, *data.values()) if item not in _clean]
    except TypeError:  # an unhashable data value (not text): field by field
        _check_values(event)
        return
    for item in unseen:
        if isinstance(item, str) and pii.find_kinds(item):
            _check_values(event)  # raises, naming the first such field
    fresh = [item for item in unseen if type(item) in _PLAIN]
    if len(_clean) + len(fresh) > _CLEAN_MAX:  # bounded: new ids and hashes come for ever
        _clean.clear()
        _clean.update(_ALWAYS_CLEAN)
    _clean.update(fresh)


# Text `check_identifiers_only` found nothing in (and values it does not scan), at most
# _CLEAN_MAX of them. Only values of these exact types are kept: equal ones are equal in
# what is scanned (the patterns read a text's characters; other types are not scanned).
# Full, it starts again: a bulk ingest brings two new values a file (its id and content
# hash), so the names, classes and signals are scanned again once per ~8,000 files.
_PLAIN = frozenset({str, int, float, bool, type(None)})
_CLEAN_MAX = 16384
_ALWAYS_CLEAN: frozenset[object] = frozenset({None, True, False})
_clean: set[object] = set(_ALWAYS_CLEAN)
# data keys found allowed already (none names personal data, in any case)
_allowed_keys: set[object] = set()


def _check_keys(event: AuditEvent) -> None:
    """Refuse a data key that names personal data; remember the allowed ones."""
    data = event.data
    for key in data:
        if key.lower() in pii.DENY_KEYS:
            raise PersonalDataInAuditEntry(
                f"audit event {event.event!r}: field data.{key} is not allowed in the audit log "
                "(identifiers, hashes and rule ids only)"
            )
    if len(_allowed_keys) > _CLEAN_MAX:
        _allowed_keys.clear()
    _allowed_keys.update(key for key in data if type(key) is str)  # as `_PLAIN`


def _check_values(event: AuditEvent) -> None:
    """Refuse the first field (in a fixed order) whose text looks like personal data."""
    data = event.data
    values = (event.event, event.actor, event.document_id, event.project_id, event.rule_id)
    fields: dict[str, object] = dict(zip(_FIELDS, values, strict=True))
    fields["sha256"] = event.sha256
    fields.update((f"data.{key}", item) for key, item in data.items())
    for key, value in fields.items():
        if isinstance(value, str):
            kinds = _kinds(value)
            if kinds:
                raise PersonalDataInAuditEntry(
                    f"audit event {event.event!r}: field {key} looks like personal data "
                    f"({', '.join(kinds)}); the audit log holds identifiers only"
                )


_FIELDS = ("event", "actor", "document_id", "project_id", "rule_id")


@functools.lru_cache(maxsize=4096)
def _kinds(value: str) -> tuple[str, ...]:
    """`pii.find_kinds`, memoised: events repeat their names, actors, rule and project ids.

    Every event of a bulk ingest passes here (the regex scan was most of an append's CPU).
    """
    return pii.find_kinds(value)


def new_id() -> str:
    """A random 16-hex-digit identifier that `check_identifiers_only` always accepts.

    About one draw in 30,000 is all digits after a leading 0, which the guard rightly
    reads as a phone number: draw again, so no id-minting caller can trip it.
    """
    while True:
        value = uuid.uuid4().hex[:16]
        if not _kinds(value):
            return value


def canonical_entry(event: AuditEvent, index: int) -> bytes:
    """The exact bytes stored and hashed as leaf `index` of the log.

    That is `canonical_json` of the entry's body; for the usual event (text and
    None fields, an int index) the body's keys are written here in their sorted
    order, each value by the encoder's own string function, and `data` by
    `_data_json` (memoised: the events of a batch repeat their data), instead of
    building and sorting the body (two entries per file of a bulk ingest). The texts
    entries repeat (actor, event, project and rule ids, the batch's time) are quoted
    once (`_quoted`, `_quoted_at`); ids and hashes of one document each time. A field
    of another type (a `str` subclass too) takes the general way.
    tests/unit/test_audit_canonical.py holds the two equal.
    """
    actor, name = event.actor, event.event
    document_id, project_id = event.document_id, event.project_id
    rule_id, sha256 = event.rule_id, event.sha256
    if not (
        type(index) is int
        and type(actor) is str
        and type(name) is str
        and (document_id is None or type(document_id) is str)
        and (project_id is None or type(project_id) is str)
        and (rule_id is None or type(rule_id) is str)
        and (sha256 is None or type(sha256) is str)
    ):
        return _encode(_body(event, index)).encode()
    parts = ['{"actor":', _quoted(actor), ',"at":', _quoted_at(event.at)]
    if event.data:
        parts += (',"data":', _data_json(event.data))
    if document_id is not None:
        parts += (',"document_id":', _string(document_id))
    parts += (',"event":', _quoted(name), ',"index":', int.__repr__(index))
    if project_id is not None:
        parts += (',"project_id":', _quoted(project_id))
    if rule_id is not None:
        parts += (',"rule_id":', _quoted(rule_id))
    if sha256 is not None:
        parts += (',"sha256":', _string(sha256))
    parts.append(_END)
    return "".join(parts).encode()


_END = ',"v":' + str(ENTRY_VERSION) + "}"
# texts as the encoder quotes them, for the fields entries repeat; emptied when full
_QUOTED: dict[str, str] = {}
_QUOTED_MAX = 4096


def _quoted(text: str) -> str:
    """`_string(text)`, kept for the next entry (an exact `str`: no subclass's equality)."""
    found = _QUOTED.get(text)
    if found is None:
        if len(_QUOTED) >= _QUOTED_MAX:
            _QUOTED.clear()
        found = _QUOTED[text] = _string(text)
    return found


def _body(event: AuditEvent, index: int) -> dict[str, object]:
    body: dict[str, object] = {
        "v": ENTRY_VERSION,
        "index": index,
        "event": event.event,
        "at": _timestamp(event.at),
        "actor": event.actor,
    }
    if event.document_id is not None:
        body["document_id"] = event.document_id
    if event.project_id is not None:
        body["project_id"] = event.project_id
    if event.rule_id is not None:
        body["rule_id"] = event.rule_id
    if event.sha256 is not None:
        body["sha256"] = event.sha256
    if event.data:
        body["data"] = dict(event.data)
    return body


# values whose equal ones are written alike (not int or float: 1 == True, 0.0 == -0.0)
_PLAIN_VALUES = (str, bool, type(None))


def _data_json(data: Mapping[str, object]) -> str:
    """`_encode(dict(data))`, memoised for data of text, booleans and None only."""
    items = tuple(data.items())
    for key, value in items:
        if type(key) is not str or type(value) not in _PLAIN_VALUES:
            return _encode(dict(items))
    return _plain_data_json(items)


@functools.lru_cache(maxsize=4096)
def _plain_data_json(items: tuple[tuple[str, object], ...]) -> str:
    return _encode(dict(items))


# the last time written (as text, and quoted), by identity: a batch's events share `at`
_last_at: tuple[datetime | None, str, str] = (None, "", "")


def _timestamp(at: datetime) -> str:
    """UTC ISO 8601 with microseconds."""
    last = _last_at  # one read: another thread may replace it
    return last[1] if last[0] is at else _remember_at(at)[1]


def _quoted_at(at: datetime) -> str:
    """`_string(_timestamp(at))`."""
    last = _last_at
    return last[2] if last[0] is at else _remember_at(at)[2]


def _remember_at(at: datetime) -> tuple[datetime | None, str, str]:
    global _last_at
    text = at.astimezone(UTC).isoformat(timespec="microseconds")
    _last_at = last = (at, text, _string(text))
    return last


# json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False), without
# making an encoder for each entry (one per audit append)
_encode = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode
# a str as that encoder writes it (quoted, escaped)
_string: Callable[[str], str] = json.encoder.encode_basestring


def canonical_json(body: Mapping[str, object]) -> bytes:
    """Sorted keys, no whitespace, UTF-8: the one serialisation of an entry."""
    return _encode(body).encode()


HEAD_FORMAT = "recordkeeper-sth-v1"


def head_message(tree_size: int, root_hash: bytes, timestamp: str) -> bytes:
    """The exact bytes an Ed25519 tree-head signature covers (docs/audit.md).

    ASCII lines joined by "\\n", no trailing newline: the format name, the tree
    size in decimal, the root hash in lowercase hex, the timestamp string.
    """
    return f"{HEAD_FORMAT}\n{tree_size}\n{root_hash.hex()}\n{timestamp}".encode("ascii")


# --- hashing (RFC 6962 section 2.1) ---------------------------------------------


def leaf_hash(leaf: bytes) -> bytes:
    """SHA-256(0x00 || leaf)."""
    return _sha256(_LEAF_PREFIX + leaf).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """SHA-256(0x01 || left || right)."""
    return _sha256(_NODE_PREFIX + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than n (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


class CompactRange:
    """Streaming root computation in O(log n) memory: append leaf hashes, ask for the root.

    The stack holds the roots of the perfect subtrees that make up [0, size),
    largest first; appending merges equal-sized neighbours like a binary counter.
    """

    __slots__ = ("_stack", "size")

    def __init__(self) -> None:
        self.size = 0
        self._stack: list[bytes] = []

    def append(self, hashed_leaf: bytes) -> None:
        stack = self._stack
        stack.append(hashed_leaf)
        self.size += 1
        carries = self.size
        while not carries & 1:  # one merge per trailing zero bit of the new size
            right = stack.pop()
            stack[-1] = _sha256(_NODE_PREFIX + stack[-1] + right).digest()
            carries >>= 1

    def root(self) -> bytes:
        """MTH of all leaves appended so far (right-to-left fold of the stack)."""
        if not self._stack:
            return EMPTY_ROOT
        acc = self._stack[-1]
        for left in reversed(self._stack[:-1]):
            acc = node_hash(left, acc)
        return acc


def tree_root(leaf_hashes: Iterable[bytes]) -> bytes:
    """MTH(D[n]) of the given leaf hashes, in one pass."""
    compact = CompactRange()
    for hashed in leaf_hashes:
        compact.append(hashed)
    return compact.root()


def roots_at(leaf_hashes: Iterable[bytes], sizes: Iterable[int]) -> dict[int, bytes]:
    """Roots of the prefixes of the given sizes, in one pass over the leaf hashes.

    Sizes beyond the number of leaves are absent from the result.
    """
    wanted = sorted(set(sizes))
    out: dict[int, bytes] = {}
    compact = CompactRange()
    pos = 0
    while pos < len(wanted) and wanted[pos] == 0:
        out[0] = EMPTY_ROOT
        pos += 1
    for hashed in leaf_hashes:
        if pos >= len(wanted):
            break
        compact.append(hashed)
        if compact.size == wanted[pos]:
            out[compact.size] = compact.root()
            pos += 1
    return out


class MerkleTree:
    """All complete subtree hashes of a log: roots and proofs for any prefix size.

    `levels[h][i]` is the hash of the perfect subtree over leaves
    [i * 2**h, (i + 1) * 2**h).
    """

    def __init__(self, leaf_hashes: Sequence[bytes]) -> None:
        levels: list[list[bytes]] = [list(leaf_hashes)]
        below = levels[0]
        while len(below) > 1:
            above = [
                _sha256(_NODE_PREFIX + below[i] + below[i + 1]).digest()
                for i in range(0, len(below) - 1, 2)
            ]
            levels.append(above)
            below = above
        self.levels = levels

    @classmethod
    def from_leaves(cls, leaves: Iterable[bytes]) -> MerkleTree:
        return cls([leaf_hash(leaf) for leaf in leaves])

    @property
    def size(self) -> int:
        return len(self.levels[0])

    def leaf_hash(self, index: int) -> bytes:
        return self.levels[0][index]

    def _range_hash(self, lo: int, hi: int) -> bytes:
        """MTH(D[lo:hi]) where lo is aligned to the largest power of two below hi - lo."""
        n = hi - lo
        if n & (n - 1) == 0 and lo % n == 0:
            return self.levels[n.bit_length() - 1][lo // n]
        k = _split(n)
        return node_hash(self._range_hash(lo, lo + k), self._range_hash(lo + k, hi))

    def _check_size(self, size: int) -> None:
        if not 0 <= size <= self.size:
            raise ValueError(f"tree size {size} outside 0..{self.size}")

    def root(self, size: int | None = None) -> bytes:
        """MTH of the first `size` leaves (all when None)."""
        size = self.size if size is None else size
        self._check_size(size)
        return EMPTY_ROOT if size == 0 else self._range_hash(0, size)

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """PATH(index, D[size]) of RFC 6962 section 2.1.1."""
        size = self.size if size is None else size
        self._check_size(size)
        if not 0 <= index < size:
            raise ValueError(f"leaf index {index} outside tree of size {size}")
        return self._path(index, 0, size)

    def _path(self, m: int, lo: int, hi: int) -> list[bytes]:
        if hi - lo == 1:
            return []
        k = _split(hi - lo)
        if m < k:
            return [*self._path(m, lo, lo + k), self._range_hash(lo + k, hi)]
        return [*self._path(m - k, lo + k, hi), self._range_hash(lo, lo + k)]

    def consistency_proof(self, first: int, second: int | None = None) -> list[bytes]:
        """PROOF(first, D[second]) of RFC 6962 section 2.1.2 (empty when trivial)."""
        second = self.size if second is None else second
        self._check_size(second)
        if not 0 <= first <= second:
            raise ValueError(f"sizes {first} and {second} are not in order")
        if first in (0, second):
            return []
        return self._subproof(first, 0, second, True)

    def _subproof(self, m: int, lo: int, hi: int, whole: bool) -> list[bytes]:
        n = hi - lo
        if m == n:
            return [] if whole else [self._range_hash(lo, hi)]
        k = _split(n)
        if m <= k:
            return [*self._subproof(m, lo, lo + k, whole), self._range_hash(lo + k, hi)]
        return [*self._subproof(m - k, lo + k, hi, False), self._range_hash(lo, lo + k)]


# --- verification (RFC 9162 sections 2.1.3.2 and 2.1.4.2) -------------------------


def root_from_inclusion(index: int, size: int, hashed_leaf: bytes, proof: Sequence[bytes]) -> bytes:
    """The root implied by an inclusion proof; ValueError when the proof cannot fit."""
    if not 0 <= index < size:
        raise ValueError(f"leaf index {index} outside tree of size {size}")
    fn, sn, r = index, size - 1, hashed_leaf
    for p in proof:
        if sn == 0:
            raise ValueError("inclusion proof too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ValueError("inclusion proof too short")
    return r


def verify_inclusion(
    index: int, size: int, hashed_leaf: bytes, proof: Sequence[bytes], root: bytes
) -> bool:
    """True when `proof` shows leaf `index` with hash `hashed_leaf` in the tree `root`."""
    if any(len(p) != HASH_SIZE for p in proof):
        return False
    try:
        return root_from_inclusion(index, size, hashed_leaf, proof) == root
    except ValueError:
        return False


def verify_consistency(
    first: int, second: int, first_root: bytes, second_root: bytes, proof: Sequence[bytes]
) -> bool:
    """True when `proof` shows the tree of size `first` is a prefix of the one of size `second`."""
    if not 0 <= first <= second or any(len(p) != HASH_SIZE for p in proof):
        return False
    if first == second:
        return not proof and first_root == second_root
    if first == 0:
        return not proof  # the empty tree is a prefix of every tree
    if not proof:
        return False
    path = list(proof)
    if first & (first - 1) == 0:  # first is a power of two: its root is a node of the path
        path.insert(0, first_root)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_root and sr == second_root
