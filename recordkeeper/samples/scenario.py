"""What one sample project is: variant, layout, people, how far it got, its planted gaps.

A `Scenario` is the recipe; `Team` the people drawn for it. Gap codes
(documented in docs/samples.md) say which evidence is deliberately missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from recordkeeper.samples.people import Person

__all__ = ["GAPS", "STEP_IDS", "Scenario", "Team"]

# Canonical step ids of DOMAIN.md, in the instruction's order.
STEP_IDS = (
    "plan",
    "recruit_project_group",
    "statistics",
    "recruit_recommendation_group",
    "brief_diagnosis_text",
    "icf_sections",
    "startup_meeting",
    "compile_proposals",
    "collect_comments",
    "consider_comments",
    "revise",
    "knowledge_basis",
    "approval",
    "vips",
    "evaluate_close",
    "records_closure",
)

GAPS = {
    "missing_coi_expert": "one expert has an agreement but no conflict-of-interest declaration",
    "missing_coi_patient_rep": "the patient representative has no declaration",
    "single_expert_complicated": "only one expert although sick leave is not uncomplicated",
    "no_statistics_request": "no formal request to FK (Midas) and no FK delivery",
    "no_rg_meeting_new": "a new support with no recommendation-group meeting booked or held",
    "no_rg_meeting_update": "an update without a recommendation-group meeting (legitimate)",
    "stopped": "the project stopped after `stop_after`; later steps have no evidence",
    "no_survey": "material e-mailed to FK/NPO but no web survey to the recommendation group",
}


@dataclass(frozen=True, slots=True)
class Scenario:
    """Recipe for one project folder."""

    folder: str
    diagnosis: str
    variant: str  # "new" | "update"
    year: int
    layout: str  # a key of documents.LAYOUTS
    n_experts: int = 2
    n_rg: int = 5
    gaps: tuple[str, ...] = ()
    stop_after: str | None = None
    english: bool = False
    unnamed_share: float = 0.33
    draft_rounds: int = 1  # more rounds, longer version chains (a busy project has 200+ files)

    @property
    def rg_meeting(self) -> bool:
        if self.variant == "new":
            return "no_rg_meeting_new" not in self.gaps
        return "no_rg_meeting_update" not in self.gaps

    def reaches(self, step: str) -> bool:
        """Whether the project got as far as `step` (steps up to stop_after are done)."""
        if self.stop_after is None:
            return True
        return STEP_IDS.index(step) <= STEP_IDS.index(self.stop_after)


@dataclass(frozen=True, slots=True)
class Team:
    """The people of one project; the patient representative is also in `rg`."""

    lead: Person
    experts: tuple[Person, ...]
    rg: tuple[Person, ...]
    others: tuple[Person, ...] = field(default=())

    @property
    def patient_rep(self) -> Person:
        return next(p for p in self.rg if "patient_representative" in p.roles)
