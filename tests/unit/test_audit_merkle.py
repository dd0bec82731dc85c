"""The Merkle tree agrees with the Certificate Transparency reference vectors.

Vectors: the eight reference leaves, the roots of their first 1..8 leaves, and
the inclusion and consistency proofs of transparency-dev/merkle
`proof/verify_test.go` (Google's Go implementation of RFC 6962 / RFC 9162,
formerly google/trillian `merkle/log_verifier_test.go`; the same values are in
`testonly/constants.go` there and in google/certificate-transparency's C++
`merkle_tree_test.cc`).
"""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recordkeeper.audit.log import (
    EMPTY_ROOT,
    MerkleTree,
    leaf_hash,
    roots_at,
    tree_root,
    verify_consistency,
    verify_inclusion,
)

LEAVES = [
    bytes.fromhex(h)
    for h in (
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    )
]

ROOTS = [
    bytes.fromhex(h)
    for h in (
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    )
]


def _h(*hexes: str) -> list[bytes]:
    return [bytes.fromhex(h) for h in hexes]


# (leaf index 0-based, tree size, proof) — the reference vectors use 1-based leaves.
INCLUSION = [
    (
        0,
        8,
        _h(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ),
    ),
    (
        5,
        8,
        _h(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ),
    ),
    (2, 3, _h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
    (
        1,
        5,
        _h(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ),
    ),
    (0, 1, []),
]

CONSISTENCY = [
    (1, 1, []),
    (
        1,
        8,
        _h(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ),
    ),
    (
        6,
        8,
        _h(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ),
    ),
    (
        2,
        5,
        _h(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ),
    ),
    (
        6,
        7,
        _h(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ),
    ),
]

TREE = MerkleTree.from_leaves(LEAVES)


def test_empty_tree_hashes_to_sha256_of_nothing() -> None:
    assert tree_root([]) == EMPTY_ROOT == hashlib.sha256(b"").digest()
    assert MerkleTree([]).root() == EMPTY_ROOT


@pytest.mark.parametrize("size", range(1, 9))
def test_root_matches_reference_vector(size: int) -> None:
    assert TREE.root(size) == ROOTS[size - 1]
    assert tree_root(leaf_hash(leaf) for leaf in LEAVES[:size]) == ROOTS[size - 1]


def test_roots_at_computes_every_requested_size_in_one_pass() -> None:
    got = roots_at((leaf_hash(leaf) for leaf in LEAVES), [0, 3, 8, 1, 9])
    assert got == {0: EMPTY_ROOT, 1: ROOTS[0], 3: ROOTS[2], 8: ROOTS[7]}


@pytest.mark.parametrize(("index", "size", "proof"), INCLUSION)
def test_inclusion_proof_matches_reference_vector(
    index: int, size: int, proof: list[bytes]
) -> None:
    assert TREE.inclusion_proof(index, size) == proof
    assert verify_inclusion(index, size, leaf_hash(LEAVES[index]), proof, ROOTS[size - 1])


@pytest.mark.parametrize(("first", "second", "proof"), CONSISTENCY)
def test_consistency_proof_matches_reference_vector(
    first: int, second: int, proof: list[bytes]
) -> None:
    assert TREE.consistency_proof(first, second) == proof
    assert verify_consistency(first, second, ROOTS[first - 1], ROOTS[second - 1], proof)


@pytest.mark.parametrize(("index", "size", "proof"), INCLUSION[:4])
def test_corrupted_inclusion_proofs_are_rejected(index: int, size: int, proof: list[bytes]) -> None:
    root, hashed = ROOTS[size - 1], leaf_hash(LEAVES[index])
    assert not verify_inclusion(index + 1, size, hashed, proof, root)
    assert not verify_inclusion(index, size * 2, hashed, proof, root)
    assert not verify_inclusion(index, size, leaf_hash(b"WrongLeaf"), proof, root)
    assert not verify_inclusion(index, size, hashed, proof, EMPTY_ROOT)
    assert not verify_inclusion(index, size, hashed, [*proof, root], root)
    assert not verify_inclusion(index, size, hashed, [root, *proof], root)
    assert not verify_inclusion(index, size, hashed, proof[:-1], root)
    for i in range(len(proof)):
        flipped = [*proof]
        flipped[i] = bytes([proof[i][0] ^ 8]) + proof[i][1:]
        assert not verify_inclusion(index, size, hashed, flipped, root)


@pytest.mark.parametrize(("first", "second", "proof"), CONSISTENCY[1:])
def test_corrupted_consistency_proofs_are_rejected(
    first: int, second: int, proof: list[bytes]
) -> None:
    r1, r2 = ROOTS[first - 1], ROOTS[second - 1]
    assert not verify_consistency(first - 1, second, r1, r2, proof)
    assert not verify_consistency(first + 1, second, r1, r2, proof)
    assert not verify_consistency(first, second * 2, r1, r2, proof)
    assert not verify_consistency(first, second, r2, r1, proof)
    assert not verify_consistency(first, second, r1, r2, [])
    assert not verify_consistency(first, second, r1, r2, [*proof, r1])
    assert not verify_consistency(first, second, r1, r2, [r2, *proof])
    assert not verify_consistency(first, second, r1, r2, proof[:-1])
    for i in range(len(proof)):
        flipped = [*proof]
        flipped[i] = bytes([proof[i][0] ^ 16]) + proof[i][1:]
        assert not verify_consistency(first, second, r1, r2, flipped)


def test_trivial_consistency() -> None:
    assert verify_consistency(0, 5, EMPTY_ROOT, ROOTS[4], [])
    assert verify_consistency(3, 3, ROOTS[2], ROOTS[2], [])
    assert not verify_consistency(3, 3, ROOTS[2], ROOTS[3], [])
    assert not verify_consistency(3, 3, ROOTS[2], ROOTS[2], [EMPTY_ROOT])
    assert not verify_consistency(4, 3, ROOTS[3], ROOTS[2], [])


def _naive_root(hashes: list[bytes]) -> bytes:
    """MTH straight from RFC 6962's recursive definition, for comparison."""
    if not hashes:
        return EMPTY_ROOT
    if len(hashes) == 1:
        return hashes[0]
    k = 1 << ((len(hashes) - 1).bit_length() - 1)
    return hashlib.sha256(b"\x01" + _naive_root(hashes[:k]) + _naive_root(hashes[k:])).digest()


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=70), st.data())
def test_every_proof_of_a_random_tree_verifies(n: int, data: st.DataObject) -> None:
    hashes = [leaf_hash(i.to_bytes(4, "big")) for i in range(n)]
    tree = MerkleTree(hashes)
    second = data.draw(st.integers(min_value=1, max_value=n))
    first = data.draw(st.integers(min_value=0, max_value=second))
    index = data.draw(st.integers(min_value=0, max_value=second - 1))
    assert tree.root(second) == _naive_root(hashes[:second]) == tree_root(hashes[:second])
    proof = tree.inclusion_proof(index, second)
    assert verify_inclusion(index, second, hashes[index], proof, tree.root(second))
    consistency = tree.consistency_proof(first, second)
    assert verify_consistency(first, second, tree.root(first), tree.root(second), consistency)
