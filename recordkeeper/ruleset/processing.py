"""Schema of `rules/processing.yaml` (kind: processing): the record of processing (GDPR art. 30).

The agency's own description of why and how personal data is processed in FMB
projects; the DPO report prints it beside the figures recordkeeper measures.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from recordkeeper.ruleset.load import register_kind


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Rule):
    sv: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv


class Processing(_Rule):
    """One processing activity (art. 30.1)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_.-]*$")
    name: Text
    purpose: Text
    legal_basis: Text
    data_subjects: tuple[Text, ...]
    data_categories: tuple[Text, ...]
    recipients: tuple[Text, ...] = ()
    third_country_transfers: Text | None = None
    security_measures: tuple[Text, ...] = ()
    classes: tuple[str, ...] = ()  # document classes where this data is found


class ProcessingRules(_Rule):
    kind: Literal["processing"]
    version: int = 1
    controller: Text
    dpo_contact: Text
    activities: tuple[Processing, ...] = Field(min_length=1)


register_kind("processing", ProcessingRules)
