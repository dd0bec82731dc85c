"""Schema of `rules/retention.yaml` (kind: retention): what is kept, weeded or stripped, and why.

Mirrors the agency's information management plan. Every rule cites its basis
(a regulation such as RA-FS, or a point of the plan); a rule without a basis
is refused. Rules are matched in file order: the first rule whose classes and
state match a document decides. A document no rule matches is kept for ever.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from recordkeeper.ruleset.load import register_kind

Trigger = Literal[
    "project_closed",  # the project's records_closure step is done / project marked closed
    "registered",  # the document was registered (diarieförd)
    "document_date",  # the date of arrival or drawing-up
    "participation_ended",  # the person the document concerns left the project
    "last_change",  # the file's last modification
]
Action = Literal["keep", "weed", "delete_personal_data"]
DocumentState = Literal["official", "non_official", "any"]


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Period(_Rule):
    """A span of calendar time; months and years follow the calendar."""

    years: int = Field(0, ge=0, le=200)
    months: int = Field(0, ge=0, le=2400)
    days: int = Field(0, ge=0, le=100_000)

    def describe(self) -> str:
        parts = [(self.years, "y"), (self.months, "m"), (self.days, "d")]
        return " ".join(f"{n}{unit}" for n, unit in parts if n) or "0d"


class RetentionRule(_Rule):
    """One line of the information management plan."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_.-]*$")
    description_sv: str
    description_en: str
    classes: tuple[str, ...] = Field(min_length=1)  # class ids, or "*" for every class
    state: DocumentState = "any"
    action: Action
    after: Period | None = None
    trigger: Trigger | None = None
    basis: str = Field(min_length=3)  # e.g. "RA-FS 1991:6 bil. 1 p. 3" or "IHP 4.2.1"

    @model_validator(mode="after")
    def _period_matches_action(self) -> RetentionRule:
        if self.action == "keep" and (self.after or self.trigger):
            raise ValueError(f"rule '{self.id}': a keep rule takes no 'after' or 'trigger'")
        if self.action != "keep" and (self.after is None or self.trigger is None):
            raise ValueError(
                f"rule '{self.id}': action '{self.action}' needs 'after' and 'trigger'"
            )
        return self


class ApprovalPolicy(_Rule):
    """Who may approve a destruction proposal, and how many distinct people must."""

    roles: tuple[str, ...] = ("dpo", "archivist", "admin")
    approvals_required: int = Field(1, ge=1, le=5)


class RetentionRules(_Rule):
    kind: Literal["retention"]
    version: int = 1
    approval: ApprovalPolicy = ApprovalPolicy()
    rules: tuple[RetentionRule, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> RetentionRules:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"rule id '{rule.id}' is used twice; ids must be unique")
            seen.add(rule.id)
        return self


register_kind("retention", RetentionRules)
