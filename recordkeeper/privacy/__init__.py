"""PURE: keyed hashes of personal identifiers, so documents can be found by subject
without keeping personnummer, e-mail addresses or names in clear text."""

from recordkeeper.privacy.tokens import document_tokens, query_tokens

__all__ = ["document_tokens", "query_tokens"]
