"""Schema of `rules/classes.yaml` (kind: classes): document classes and their signals.

Owned by classification; the classifier in `recordkeeper.classify` consumes it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from recordkeeper.ruleset.load import register_kind


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentClass(_Rule):
    id: str
    name_sv: str
    name_en: str
    register_when_final: bool | Literal["when_sent", "if_adds_facts", "case_by_case"] = False
    personal_data: bool | Literal["sometimes", "unknown"] = False


class ClassRules(_Rule):
    kind: Literal["classes"]
    version: int = 1
    classes: tuple[DocumentClass, ...]


register_kind("classes", ClassRules)
