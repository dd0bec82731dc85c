"""The audit key and master key files: created private, refused when open to others."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from recordkeeper.audit.keys import (
    KeyPermissionError,
    load_master_key,
    load_or_create_key,
    load_public_key,
    verify_signature,
)
from recordkeeper.errors import ConfigError


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_key_is_created_0600_in_a_0700_directory(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "audit.pem"
    key = load_or_create_key(path)
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert load_or_create_key(path).fingerprint == key.fingerprint  # loaded, not replaced


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644, 0o660])
def test_a_key_readable_by_others_is_refused(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "audit.pem"
    load_or_create_key(path)
    path.chmod(mode)
    with pytest.raises(KeyPermissionError, match=f"permissions {mode:04o}.*chmod 600"):
        load_or_create_key(path)


def test_a_master_key_readable_by_others_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "master.key"
    assert len(load_master_key(path)) == 32
    assert _mode(path) == 0o600
    path.chmod(0o644)
    with pytest.raises(KeyPermissionError):
        load_master_key(path)


def test_a_file_that_is_not_a_key_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "audit.pem"
    path.write_text("not a key\n")
    path.chmod(0o600)
    with pytest.raises(ConfigError, match="not a PEM private key"):
        load_or_create_key(path)


def test_signatures_verify_with_the_public_pem_only(tmp_path: Path) -> None:
    key = load_or_create_key(tmp_path / "audit.pem")
    public = load_public_key(key.public_pem().encode())
    signature = key.sign(b"message")
    assert verify_signature(public, b"message", signature)
    assert not verify_signature(public, b"messagE", signature)
    assert key.verify(b"message", signature)
