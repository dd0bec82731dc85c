"""The audit log: canonical entries, Merkle tree (RFC 6962), signed heads."""
