"""Score `recordkeeper check` against labelled sample projects.

Usage: python bench/check_eval.py [--seeds 0 1 2] [--workdir DIR] [--verbose]

For each seed it writes the samples helper's evaluation set (8 invented FMB
projects, both variants, planted gaps; docs/samples.md), runs the same
service `check --json` runs (extraction pool + classification + evaluator)
on every project folder, and compares:
- per step: the status against `expected_steps` (or `also_acceptable`);
- the variant;
- people: experts and RG members found, and `missing_coi_for` against the
  people whose declaration is absent from the file labels.
Prints a table per step and the totals (Markdown, for docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import collections
import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from recordkeeper.classify import classify_document, compiled
from recordkeeper.ingest.extract import Limits
from recordkeeper.ingest.pool import ExtractionPool
from recordkeeper.process.names import parse_name, same_person
from recordkeeper.process.report import Renderer, to_json
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.projects import write_eval_set
from recordkeeper.services.check import check_project

RULES = Path(__file__).resolve().parent.parent / "rules"
TODAY = date(2026, 11, 25)


def _same(a: str, b: str) -> bool:
    ka, kb = parse_name(a), parse_name(b)
    return ka is not None and kb is not None and same_person(ka, kb)


def _expected_missing_coi(labels: dict[str, Any], project: dict[str, Any]) -> set[str]:
    members = {
        p["name"] for p in project["people"] if {"expert", "recommendation_group"} & set(p["roles"])
    }
    declared = {
        name
        for f in labels["files"]
        if f["project"] == project["folder"] and f["class"] == "coi_declaration"
        for name in f.get("people", [])
    }
    return members - declared


def run(seed: int, workdir: Path, verbose: bool) -> dict[str, Any]:
    target = workdir / f"seed{seed}"
    if (target / "labels.json").is_file():  # reuse a set written by an earlier run
        share, labels_path = target / "share", target / "labels.json"
    else:
        share, labels_path = write_eval_set(target, seed)
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    rules = load_ruleset(RULES)
    classes = compiled(rules.one("classes"))
    names = {str(c.id): (str(c.name_sv), str(c.name_en)) for c in rules.one("classes").classes}
    per_step: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    out: dict[str, Any] = {"variant": [0, 0], "coi": [0, 0, 0], "people": [0, 0, 0], "misses": []}
    with ExtractionPool(Limits(), workers=2) as pool:
        for project in labels["projects"]:
            check = check_project(
                share / project["folder"],
                rules=rules,
                extractor=pool,
                classify=lambda facts: classify_document(facts, classes),
                today=TODAY,
            )
            data = to_json(
                check.evaluation, check.rules, check.project, Renderer(check.rules, names, "en")
            )
            _score(project, labels, data, per_step, out, verbose)
    out["per_step"] = dict(per_step)
    return out


def _score(project, labels, data, per_step, out, verbose) -> None:  # type: ignore[no-untyped-def]
    also = project.get("also_acceptable", {})
    for step in data["steps"]:
        expected = project["expected_steps"][step["id"]]
        ok = step["status"] == expected or step["status"] in also.get(step["id"], [])
        per_step[step["id"]][0] += int(ok)
        per_step[step["id"]][1] += 1
        if not ok:
            out["misses"].append(
                (project["folder"], step["id"], expected, step["status"], step["missing"])
            )
    out["variant"][0] += int(data["variant"] == project["variant"])
    out["variant"][1] += 1
    truth = _expected_missing_coi(labels, project)
    found = set(data["missing_coi_for"])
    hit = sum(1 for t in truth if any(_same(t, f) for f in found))
    out["coi"][0] += hit  # true positives
    out["coi"][1] += len(found)  # reported
    out["coi"][2] += len(truth)  # expected
    members = [
        p["name"] for p in project["people"] if {"expert", "recommendation_group"} & set(p["roles"])
    ]
    reported = [p["name"] for p in data["people"] if {"expert", "rg_member"} & set(p["roles"])]
    out["people"][0] += sum(1 for m in members if any(_same(m, r) for r in reported))
    out["people"][1] += len(reported)
    out["people"][2] += len(members)
    if verbose:
        print(f"## {project['folder']}: variant {data['variant']} (truth {project['variant']})")
        print(f"   missing_coi_for {sorted(found)} truth {sorted(truth)}")
        print(f"   people reported {sorted(reported)}")
        print(f"   truth members   {sorted(members)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        totals: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
        agg = {"variant": [0, 0], "coi": [0, 0, 0], "people": [0, 0, 0]}
        misses = []
        for seed in args.seeds:
            result = run(seed, workdir, args.verbose)
            for step, (ok, n) in result["per_step"].items():
                totals[step][0] += ok
                totals[step][1] += n
            for key in agg:
                agg[key] = [a + b for a, b in zip(agg[key], result[key], strict=True)]
            misses += [(seed, *m) for m in result["misses"]]
    print("| step | agree | projects |")
    print("|---|---|---|")
    for step, (ok, n) in totals.items():
        print(f"| `{step}` | {ok / n:.0%} | {ok}/{n} |")
    ok = sum(v[0] for v in totals.values())
    n = sum(v[1] for v in totals.values())
    print(f"| **all steps** | **{ok / n:.1%}** | {ok}/{n} |")
    print(f"\nvariant: {agg['variant'][0]}/{agg['variant'][1]}")
    tp, rep, exp = agg["coi"]
    print(f"missing_coi_for: precision {tp}/{rep}, recall {tp}/{exp}")
    tp, rep, exp = agg["people"]
    print(f"experts + RG members found: {tp}/{exp} (reported {rep})")
    if args.verbose:
        for miss in misses:
            print("MISS", miss)


if __name__ == "__main__":
    main()
