"""EDGE: the audit signing key (Ed25519) and the vault master key, on disk.

Both are secrets readable only by the service: created 0600 (directories
0700) on first use, and refused, with a message saying how to fix it, when the
file is readable or writable by anyone else. The signing key signs tree heads;
its public half (PEM) is what anyone needs to verify them.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from recordkeeper.errors import ConfigError

__all__ = [
    "AuditKey",
    "KeyPermissionError",
    "fingerprint_of",
    "load_master_key",
    "load_or_create_key",
    "load_public_key",
    "verify_signature",
]

MASTER_KEY_BYTES = 32


class KeyPermissionError(ConfigError):
    """A key file (or its directory) is open to other users; the service refuses to start."""

    code = "key_permissions"


def _check_private(path: Path) -> None:
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise KeyPermissionError(f"key file {path} is not a regular file")
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        raise KeyPermissionError(
            f"key file {path} has permissions {mode:04o}; it must be readable only by the "
            f"service (0600). Fix: chmod 600 {path}"
        )
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise KeyPermissionError(
            f"key file {path} belongs to another user (uid {info.st_uid}); "
            "it must belong to the user the service runs as"
        )


def _secret_file(path: Path, create: Callable[[], bytes]) -> bytes:
    """Read a secret file after checking its permissions; create it 0600 when absent."""
    if not path.exists() and not path.is_symlink():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = create()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process created it first; read theirs below
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
    _check_private(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read key file {path} ({exc.strerror})") from exc


def fingerprint_of(public_key: Ed25519PublicKey) -> str:
    """`sha256:` + hex SHA-256 of the raw 32-byte public key."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "sha256:" + hashlib.sha256(raw).hexdigest()


class AuditKey:
    """The Ed25519 key that signs tree heads."""

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._private = private_key
        self.public_key = private_key.public_key()
        self.fingerprint = fingerprint_of(self.public_key)

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)

    def verify(self, message: bytes, signature: bytes) -> bool:
        return verify_signature(self.public_key, message, signature)

    def public_pem(self) -> str:
        return self.public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode("ascii")


def _new_private_pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def load_or_create_key(path: Path) -> AuditKey:
    """The signing key at `path`, created (0600, directories 0700) on first run.

    Raises:
        KeyPermissionError: when the file is open to other users.
        ConfigError: when the file is not an Ed25519 private key.
    """
    data = _secret_file(path, _new_private_pem)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"key file {path} is not a PEM private key") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigError(f"key file {path} is not an Ed25519 key")
    return AuditKey(key)


def load_public_key(pem: bytes) -> Ed25519PublicKey:
    """An Ed25519 public key from PEM; ValueError otherwise."""
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def verify_signature(public_key: Ed25519PublicKey, message: bytes, signature: bytes) -> bool:
    try:
        public_key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def load_master_key(path: Path) -> bytes:
    """The 256-bit vault master key (base64 in the file), created 0600 on first run.

    Raises:
        KeyPermissionError: when the file is open to other users.
        ConfigError: when the file does not hold a 256-bit key.
    """
    data = _secret_file(
        path, lambda: base64.b64encode(secrets.token_bytes(MASTER_KEY_BYTES)) + b"\n"
    )
    try:
        key = base64.b64decode(data.strip(), validate=True)
    except ValueError as exc:
        raise ConfigError(f"master key file {path} is not base64") from exc
    if len(key) != MASTER_KEY_BYTES:
        raise ConfigError(f"master key file {path} must hold {MASTER_KEY_BYTES} bytes")
    return key
