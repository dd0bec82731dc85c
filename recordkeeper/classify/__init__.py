"""PURE classification: DocumentFacts + class rules -> Classification.

No I/O, no clock: the same facts and rules always give the same answer.
"""

from recordkeeper.classify.classifier import classify_document, warm
from recordkeeper.classify.compiled import CompiledRules, compile_rules, compiled
from recordkeeper.classify.personal_data import detect_personal_data

__all__ = [
    "CompiledRules",
    "classify_document",
    "compile_rules",
    "compiled",
    "detect_personal_data",
    "warm",
]
