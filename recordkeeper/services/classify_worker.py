"""The pure classifier as it runs inside ingest's extraction workers.

Kept apart from `services.classification` on purpose: a worker unpickles
`WorkerClassifier` and so imports this module, which must not pull in the
store, SQLAlchemy or the other services (a second of imports per worker).
The pool's fork server preloads it (bootstrap.open_extractor).
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from typing import Any

from recordkeeper.classify import CompiledRules, classify_document, compiled, warm
from recordkeeper.memo import by_identity
from recordkeeper.model import Classification, DocumentFacts, fast_constructor
from recordkeeper.ruleset.classes import ClassRules

__all__ = ["Precomputed", "WorkerClassifier"]


@dataclass(frozen=True, slots=True)
class Precomputed:
    """A classification made in an extraction worker, with what it was made from."""

    rules_hash: str
    path: str
    project: str | None
    sha256: str
    classification: Classification

    def __reduce__(self) -> tuple[Any, ...]:
        # sent once per file from a worker: rebuilt whole, not field by field
        return (
            _new_precomputed,
            (self.rules_hash, self.path, self.project, self.sha256, self.classification),
        )


# made once per file in a worker and again in the daemon process from its pickle: without
# the frozen `__init__` (≈ 7,500 instructions for these five fields; `model.fast_constructor`),
# and pickled by reference as this module's `_new_precomputed`
_new_precomputed = fast_constructor(Precomputed)
_new_precomputed.__module__, _new_precomputed.__qualname__ = __name__, "_new_precomputed"


@dataclass(frozen=True)
class WorkerClassifier:
    """The pure classifier as ingest's worker analyzer (pickled once per worker).

    It carries the rules compiled (`compiled(rules)`, done once in the parent):
    a worker then only rebuilds the automata and the regular expressions
    instead of parsing every pattern for its needles again. The compiled rules
    are pickled once per rules object, not once per worker.
    Equal when the rules hash is, so a pool is sent new rules only when they change.
    """

    rules: ClassRules | CompiledRules = field(compare=False, repr=False)
    digest: str

    def prepare(self) -> None:
        """Compile the rules now (the pool calls this before a worker takes files), and
        whatever else the first documents would compile (`classify.warm`)."""
        warm(self.rules)

    def __call__(self, facts: DocumentFacts) -> Precomputed:
        result = classify_document(facts, compiled(self.rules))
        return _new_precomputed(self.digest, facts.path, facts.project, facts.sha256, result)

    def __reduce__(self) -> tuple[Any, ...]:
        if isinstance(self.rules, CompiledRules):
            return (_from_pickled, (_pickled(self.rules), self.digest))
        return (WorkerClassifier, (self.rules, self.digest))


@by_identity(maxsize=1)  # one rule set at a time: a reload replaces it
def _pickled(rules: CompiledRules) -> bytes:
    # the places' scanners built here once, so every worker gets their databases
    # (`hsscan`: loading one takes microseconds, compiling them all ≈ 2 s)
    rules.warm()
    return pickle.dumps(rules, pickle.HIGHEST_PROTOCOL)


def _from_pickled(rules: bytes, digest: str) -> WorkerClassifier:
    return WorkerClassifier(pickle.loads(rules), digest)  # noqa: S301  (the parent's own bytes)
