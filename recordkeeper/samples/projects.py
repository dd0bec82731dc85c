"""Seedable generator of realistic FMB project folders with their ground truth.

`generate_share(root, scenarios, seed)` writes one folder per `Scenario`
under `root` and returns a `ShareTruth`: a label per file and, per project,
the variant, people, planted gaps and the expected status of every step id.
`write_truth` stores it as JSON *beside* the share (never inside it, so the
labels are not themselves ingested). The format is documented in
docs/samples.md; helpers score `classify` and `check` against it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from recordkeeper.samples import steps_early, steps_late
from recordkeeper.samples.documents import LAYOUTS, ProjectDraft
from recordkeeper.samples.images import image_pool
from recordkeeper.samples.people import Person, make_person
from recordkeeper.samples.scenario import GAPS, STEP_IDS, Scenario, Team
from recordkeeper.samples.spec import DocSpec, render
from recordkeeper.samples.texts import DIAGNOSES

__all__ = [
    "DEMO_SCENARIOS",
    "EVAL_SCENARIOS",
    "GAPS",
    "LARGE_SCENARIO",
    "STEP_IDS",
    "ProjectTruth",
    "Scenario",
    "ShareTruth",
    "expected_steps",
    "generate_share",
    "plan_share",
    "random_scenarios",
    "write_eval_set",
    "write_truth",
]

StepFn = Callable[[ProjectDraft, Scenario, Team], None]

# Which generator produces each step's evidence (vips and records_closure leave no document).
_STEP_BUILDERS: tuple[tuple[str, StepFn], ...] = (
    ("plan", steps_early.add_plan),
    ("recruit_project_group", steps_early.add_project_group),
    ("statistics", steps_early.add_statistics),
    ("recruit_recommendation_group", steps_early.add_recommendation_group),
    ("brief_diagnosis_text", steps_early.add_brief_text),
    ("icf_sections", steps_early.add_icf),
    ("startup_meeting", steps_early.add_startup),
    ("compile_proposals", steps_late.add_compile),
    ("collect_comments", steps_late.add_collect_comments),
    ("consider_comments", steps_late.add_consider_comments),
    ("revise", steps_late.add_revise),
    ("knowledge_basis", steps_late.add_knowledge_basis),
    ("approval", steps_late.add_approval),
    ("evaluate_close", steps_late.add_close),
)

DEMO_SCENARIOS: tuple[Scenario, ...] = (
    Scenario("FMB Lumbago uppdatering 2025", "lumbago", "update", 2025, "numbered",
             gaps=("no_rg_meeting_update",)),
    Scenario("FMB Långvarig covid nytt beslutsstöd", "covid", "new", 2025, "topical",
             gaps=("missing_coi_expert",), n_experts=3, n_rg=6),
    Scenario("FMB Radiusfraktur 2024", "radius", "update", 2024, "flat", n_experts=1,
             english=True),
    Scenario("Utmattningssyndrom - nytt FMB", "utmattning", "new", 2025, "mixed",
             gaps=("stopped", "no_statistics_request"), stop_after="startup_meeting"),
)  # fmt: skip

EVAL_SCENARIOS: tuple[Scenario, ...] = (
    *DEMO_SCENARIOS,
    Scenario("FMB Fibromyalgi nytt beslutsstöd 2025", "fibromyalgi", "new", 2025, "numbered",
             gaps=("no_rg_meeting_new",)),
    Scenario("FMB Karpaltunnelsyndrom uppd 2023", "karpaltunnel", "update", 2023, "topical",
             n_experts=1, gaps=("missing_coi_patient_rep",), english=True),
    Scenario("FMB Migrän 2026", "migran", "new", 2026, "flat", n_experts=2,
             gaps=("no_survey",)),
    Scenario("FMB Lumbago 2022 (gammal)", "lumbago", "update", 2022, "mixed", n_experts=1,
             gaps=("single_expert_complicated",)),
)  # fmt: skip


_FOLDER_FORMS = (
    "FMB {name} {kind} {year}",
    "{name} - {kind}",
    "{year} FMB {name}",
    "FMB {name} ({kind}) {n}",
)


def random_scenarios(rng: random.Random, count: int) -> list[Scenario]:
    """`count` varied projects (variant, layout, size, gaps, stop point) with unique folders."""
    scenarios: list[Scenario] = []
    for n in range(count):
        key = rng.choice(sorted(DIAGNOSES))
        variant = rng.choice(("new", "update"))
        kind = "nytt beslutsstöd" if variant == "new" else rng.choice(("uppdatering", "uppd"))
        year = rng.randint(2021, 2026)
        folder = rng.choice(_FOLDER_FORMS).format(
            name=DIAGNOSES[key].name, kind=kind, year=year, n=n
        )
        gaps = [g for g in ("missing_coi_expert", "no_statistics_request", "no_survey")
                if rng.random() < 0.15]  # fmt: skip
        if rng.random() < 0.3:
            gaps.append("no_rg_meeting_new" if variant == "new" else "no_rg_meeting_update")
        stop_after = rng.choice(STEP_IDS[2:13]) if rng.random() < 0.2 else None
        if stop_after:
            gaps.append("stopped")
        scenarios.append(
            Scenario(
                f"{folder} #{n}" if any(s.folder == folder for s in scenarios) else folder,
                key,
                variant,
                year,
                rng.choice(sorted(LAYOUTS)),
                n_experts=rng.randint(1, 3) if DIAGNOSES[key].uncomplicated else rng.randint(2, 3),
                n_rg=rng.randint(4, 9),
                gaps=tuple(gaps),
                stop_after=stop_after,
                english=rng.random() < 0.15,
                unnamed_share=rng.uniform(0.2, 0.45),
                draft_rounds=rng.choice((1, 1, 1, 2, 3)),
            )
        )
    return scenarios


# A busy project of about 210 files, for timing `check` on a 200-file project (issue 5).
LARGE_SCENARIO = Scenario(
    "FMB Långvarig covid stort projekt 2025", "covid", "new", 2025, "numbered",
    n_experts=4, n_rg=12, draft_rounds=25,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ProjectTruth:
    """Expected outcome of `check` for one project folder."""

    folder: str
    variant: str
    people: tuple[Person, ...]
    gaps: tuple[str, ...]
    stop_after: str | None
    steps: dict[str, str]
    also_acceptable: dict[str, list[str]]

    def as_json(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "variant": self.variant,
            "people": [{"name": p.name, "roles": list(p.roles)} for p in self.people],
            "gaps": list(self.gaps),
            "stop_after": self.stop_after,
            "expected_steps": self.steps,
            "also_acceptable": self.also_acceptable,
        }


@dataclass(frozen=True, slots=True)
class ShareTruth:
    """Labels for every file written and expectations for every project."""

    seed: int
    files: list[dict[str, Any]]
    projects: list[ProjectTruth]

    def as_json(self) -> dict[str, Any]:
        return {
            "format": "recordkeeper-samples/1",
            "seed": self.seed,
            "files": self.files,
            "projects": [p.as_json() for p in self.projects],
        }


def _team(rng: random.Random, sc: Scenario) -> Team:
    used: set[str] = set()
    lead = make_person(rng, ("project_lead",), used)
    lead = Person(
        lead.given, lead.family, lead.middle,
        lead.email.split("@")[0] + "@socialstyrelsen.se", lead.phone, "Socialstyrelsen",
        "utredare", lead.personnummer, lead.roles,
    )  # fmt: skip
    experts = tuple(make_person(rng, ("expert",), used) for _ in range(sc.n_experts))
    rg = [make_person(rng, ("recommendation_group",), used) for _ in range(sc.n_rg - 1)]
    rg.append(make_person(rng, ("recommendation_group", "patient_representative"), used))
    return Team(lead, experts, tuple(rg))


def expected_steps(
    sc: Scenario, unattributed: frozenset[str] = frozenset()
) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Expected status per step id, and other statuses a reasonable reading also allows.

    Args:
        sc: the project's recipe.
        unattributed: steps with a scanned declaration whose file name does not
            name its person; no software can tell whose it is, so asking a
            person (`needs_confirmation`) is also right there.
    """
    steps: dict[str, str] = {}
    also: dict[str, list[str]] = {}
    for step in STEP_IDS:
        steps[step] = "complete" if sc.reaches(step) else "missing"
    partial_when = {
        "recruit_project_group": ("missing_coi_expert", "single_expert_complicated"),
        "statistics": ("no_statistics_request",),
        "recruit_recommendation_group": ("missing_coi_patient_rep", "no_rg_meeting_new"),
        "consider_comments": ("no_rg_meeting_new", "no_survey"),
        "collect_comments": ("no_survey",),
    }
    for step, gaps in partial_when.items():
        if sc.reaches(step) and any(g in sc.gaps for g in gaps):
            steps[step] = "partial"
    # No document can show these; a person confirms them (DOMAIN.md).
    steps["vips"] = "needs_confirmation" if sc.reaches("vips") else "missing"
    steps["records_closure"] = "needs_confirmation" if sc.stop_after is None else "missing"
    if "no_rg_meeting_update" in sc.gaps and sc.reaches("consider_comments"):
        # For an update a meeting is held only when needed, a judgement the files cannot show.
        also["consider_comments"] = ["needs_confirmation"]
    # A missing declaration is provable (fewer declarations than people) even when a scan
    # cannot be attributed, so unattributed scans only soften an otherwise complete step.
    confirm = {step for step in unattributed if steps[step] == "complete"}
    if sc.n_experts == 1 and sc.reaches("recruit_project_group"):
        # One expert is enough only if sick leave is uncomplicated: a person's judgement.
        confirm.add("recruit_project_group")
    for step in sorted(confirm):
        also[step] = sorted({*also.get(step, []), "needs_confirmation"})
    return steps, also


def _unattributed(specs: Sequence[DocSpec]) -> frozenset[str]:
    """Steps holding a scanned declaration whose file name does not name its person."""
    steps = set()
    for spec in specs:
        if spec.label.doc_class != "coi_declaration" or spec.text_layer or not spec.label.step:
            continue
        name = spec.relpath.rsplit("/", 1)[-1]
        if not any(person.split()[-1] in name for person in spec.label.people):
            steps.add(spec.label.step)
    return frozenset(steps)


def plan_share(
    scenarios: Sequence[Scenario], seed: int
) -> tuple[list[DocSpec], list[ProjectTruth]]:
    """All documents and project expectations, as values; nothing is written."""
    rng = random.Random(seed)
    specs: list[DocSpec] = []
    truths: list[ProjectTruth] = []
    for sc in scenarios:
        team = _team(rng, sc)
        start = date(sc.year, 1, 8) + timedelta(days=rng.randint(0, 60))
        pd = ProjectDraft(
            rng, sc.folder, sc.layout, DIAGNOSES[sc.diagnosis], sc.variant, team.lead, start,
            sc.unnamed_share,
        )  # fmt: skip
        for step, build in _STEP_BUILDERS:
            if sc.reaches(step):
                build(pd, sc, team)
        steps_late.add_noise(pd, sc, team)
        specs.extend(pd.specs)
        steps, also = expected_steps(sc, _unattributed(pd.specs))
        people = (team.lead, *team.experts, *team.rg)
        truths.append(ProjectTruth(sc.folder, sc.variant, people, sc.gaps, sc.stop_after, steps,
                                   also))  # fmt: skip
    return specs, truths


def generate_share(
    root: Path,
    scenarios: Sequence[Scenario] = DEMO_SCENARIOS,
    seed: int = 0,
    *,
    image_scale: float = 0.5,
) -> ShareTruth:
    """Write the project folders of `scenarios` under `root` and return their ground truth.

    Args:
        root: the share; created if missing. Existing files are overwritten.
        scenarios: one project folder each.
        seed: the same seed gives the same people, names, contents and labels.
        image_scale: size of scanned pages and figures (1.0 is a realistic A4 scan).

    Returns:
        Labels for every written file (paths relative to `root`) and per-project truth.
    """
    specs, truths = plan_share(scenarios, seed)
    images = image_pool(random.Random(seed), scale=image_scale)
    files = []
    for spec in specs:
        render(spec, root, images)
        project = spec.relpath.split("/", 1)[0]
        files.append(spec.label.as_json(spec.relpath, project, spec.fmt))
    return ShareTruth(seed, files, truths)


def write_truth(truth: ShareTruth, path: Path) -> Path:
    """Store the ground truth as JSON (UTF-8, sorted by path) at `path`."""
    data = truth.as_json()
    data["files"] = sorted(data["files"], key=lambda f: f["path"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def write_eval_set(outdir: Path, seed: int = 0) -> tuple[Path, Path]:
    """The labelled evaluation set: `outdir/share/` (EVAL_SCENARIOS) and `outdir/labels.json`.

    Returns:
        (share directory, labels file).
    """
    share = outdir / "share"
    truth = generate_share(share, EVAL_SCENARIOS, seed)
    return share, write_truth(truth, outdir / "labels.json")
