#!/usr/bin/env python3
"""Verify a recordkeeper audit export without recordkeeper (Python stdlib + cryptography).

Usage:
    python verify_audit_export.py EXPORT.jsonl PUBLIC_KEY.pem [--anchor ANCHOR.json ...]

EXPORT.jsonl comes from `recordkeeper audit export`, PUBLIC_KEY.pem from
`recordkeeper audit key`, anchors from `recordkeeper audit head` (kept outside
the system). The script recomputes the RFC 6962 Merkle tree over the exact
entry bytes, checks every signed tree head (Ed25519 over the message described
in docs/audit.md) and that its root is the root of the first `tree_size`
entries, which also makes every head consistent with every other. Exit status
0 when everything verifies, 1 with one line per problem otherwise, 2 on bad
usage or unreadable input.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import sys
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

HEAD_FORMAT = "recordkeeper-sth-v1"
EMPTY_ROOT = hashlib.sha256(b"").digest()


def head_message(tree_size: int, root_hash: bytes, timestamp: str) -> bytes:
    return f"{HEAD_FORMAT}\n{tree_size}\n{root_hash.hex()}\n{timestamp}".encode("ascii")


def prefix_roots(leaves: list[bytes], sizes: set[int]) -> dict[int, bytes]:
    """RFC 6962 roots of the given prefix sizes, in one pass (a stack of perfect subtrees)."""
    roots = {0: EMPTY_ROOT} if 0 in sizes else {}
    stack: list[bytes] = []
    for count, leaf in enumerate(leaves, start=1):
        stack.append(hashlib.sha256(b"\x00" + leaf).digest())
        carries = count
        while not carries & 1:
            right = stack.pop()
            stack[-1] = hashlib.sha256(b"\x01" + stack[-1] + right).digest()
            carries >>= 1
        if count in sizes:
            acc = stack[-1]
            for left in reversed(stack[:-1]):
                acc = hashlib.sha256(b"\x01" + left + acc).digest()
            roots[count] = acc
    return roots


def read_export(path: Path) -> tuple[list[bytes], list[dict[str, object]], list[str]]:
    leaves: list[bytes] = []
    heads: list[dict[str, object]] = []
    problems: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            item = json.loads(line)
            if "leaf" in item:
                if heads:
                    problems.append(f"line {number}: entry after the heads")
                if item["index"] != len(leaves):
                    problems.append(
                        f"line {number}: entry index {item['index']}, expected {len(leaves)}"
                        " (an entry is missing or out of order)"
                    )
                leaves.append(base64.b64decode(item["leaf"], validate=True))
            else:
                heads.append(item)
    return leaves, heads, problems


def check_head(
    head: dict[str, object], name: str, key: Ed25519PublicKey, roots: dict[int, bytes], n: int
) -> list[str]:
    size = int(str(head["tree_size"]))
    root = bytes.fromhex(str(head["root_hash"]))
    message = head_message(size, root, str(head["timestamp"]))
    try:
        key.verify(base64.b64decode(str(head["signature"]), validate=True), message)
    except InvalidSignature:
        return [f"{name}: bad signature"]
    if size > n:
        return [f"{name}: covers {size} entries but the export holds {n} (truncated)"]
    if roots[size] != root:
        return [f"{name}: root of the first {size} entries does not match (modified or forked)"]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("public_key", type=Path)
    parser.add_argument("--anchor", type=Path, action="append", default=[])
    args = parser.parse_args(argv)
    try:
        key = load_pem_public_key(args.public_key.read_bytes())
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError("not an Ed25519 public key")
        leaves, heads, problems = read_export(args.export)
        anchors = [json.loads(p.read_text(encoding="utf-8")) for p in args.anchor]
    except (OSError, ValueError, KeyError) as exc:
        print(f"cannot read input: {exc}", file=sys.stderr)
        return 2
    named = [(h, f"head {i + 1}") for i, h in enumerate(heads)]
    named += [(a, f"anchor {p.name}") for a, p in zip(anchors, args.anchor, strict=True)]
    sizes = {int(str(h["tree_size"])) for h, _ in named}
    roots = prefix_roots(leaves, sizes)
    for head, name in named:
        problems += check_head(head, name, key, roots, len(leaves))
    if not heads:
        problems.append("no signed tree head in the export")
    if problems:
        for problem in problems:
            print(problem)
        return 1
    latest = max(int(str(h["tree_size"])) for h in heads)
    print(
        f"OK: {len(leaves)} entries, {len(heads)} signed heads, {len(anchors)} anchors; "
        f"{latest} entries covered by a signature"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
