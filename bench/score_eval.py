"""Score `recordkeeper classify` and `recordkeeper check` against the labelled evaluation set.

Usage: python bench/score_eval.py OUTDIR [--seed N] [--json]

If OUTDIR/labels.json is missing, the set is generated there first
(bench/make_eval_set.py). Then `classify --json OUTDIR/share` is run once and
`check --json` once per project folder (skipped if the command does not exist
yet), and compared with the labels as defined in docs/samples.md:

- classify: class accuracy overall, per true class and on files with
  uninformative names; draft accuracy; precision/recall of must_register and
  personal_data; the most frequent confusions.
- check: variant accuracy; step statuses correct when equal to the expected
  status or listed in `also_acceptable`; per step and per project; people
  missing a declaration (`missing_coi_for`) against the truth.

Prints Markdown for docs/benchmarks.md (or JSON with --json).
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

from recordkeeper.samples.projects import write_eval_set

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo, for bench.*

from bench.classify_eval import run_classify

_UNINFORMATIVE = re.compile(
    r"^(Dokument\d|Nytt dokument|ny\d|temp|Namnlöst|scan_|Skannat|IMG_|doc\d|svar|Bok\d|export"
    r"|Blad\d|Presentation\d|ppt\d|Meddelande|SV_ FMB|VB_|RE_|anteckningar|Ny textfil)"
)


def _command() -> list[str]:
    found = shutil.which("recordkeeper", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "recordkeeper"]


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_command(), *args], capture_output=True, text=True, check=False)


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def _precision_recall(pairs: list[tuple[bool, bool]]) -> dict[str, float | None]:
    tp = sum(1 for truth, got in pairs if truth and got)
    fp = sum(1 for truth, got in pairs if not truth and got)
    fn = sum(1 for truth, got in pairs if truth and not got)
    return {"precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn)}


def score_classify(share: Path, files: list[dict[str, Any]]) -> dict[str, Any]:
    """Run classify on the share and compare each file with its label."""
    got, _ = run_classify(share)  # the one runner, shared with classify_eval and the holdouts
    per_class: dict[str, list[bool]] = collections.defaultdict(list)
    confusions: collections.Counter[str] = collections.Counter()
    unnamed, drafts, register, personal = [], [], [], []
    for label in files:
        row = got.get(label["path"], {})
        ok = row.get("class") == label["class"]
        per_class[label["class"]].append(ok)
        if not ok:
            confusions[f"{label['class']} -> {row.get('class')}"] += 1
        if _UNINFORMATIVE.match(label["path"].rsplit("/", 1)[-1]):
            unnamed.append(ok)
        drafts.append(row.get("draft") == label["draft"])
        register.append((label["must_register"], bool(row.get("must_register"))))
        personal.append((label["personal_data"], bool(row.get("personal_data"))))
    every = [ok for oks in per_class.values() for ok in oks]
    return {
        "files": len(files),
        "answered": sum(1 for f in files if f["path"] in got),
        "class_accuracy": _ratio(sum(every), len(every)),
        "class_accuracy_uninformative_names": _ratio(sum(unnamed), len(unnamed)),
        "per_class": {c: _ratio(sum(v), len(v)) for c, v in sorted(per_class.items())},
        "draft_accuracy": _ratio(sum(drafts), len(drafts)),
        "must_register": _precision_recall(register),
        "personal_data": _precision_recall(personal),
        "top_confusions": confusions.most_common(8),
    }


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def _missing_coi(project: dict[str, Any], files: list[dict[str, Any]]) -> set[str]:
    declared = {
        p for f in files if f["project"] == project["folder"] and f["class"] == "coi_declaration"
        for p in f["people"]
    }  # fmt: skip
    needs = [p["name"] for p in project["people"] if set(p["roles"]) - {"project_lead"}]
    return {_fold(n) for n in needs if n not in declared}


def score_check(share: Path, data: dict[str, Any]) -> dict[str, Any]:
    """Run check per project and compare statuses, variant and missing declarations."""
    if _run(["check", "--help"]).returncode != 0:
        return {"available": False}
    per_step: dict[str, list[bool]] = collections.defaultdict(list)
    projects = {}
    for project in data["projects"]:
        result = _run(["check", "--json", str(share / project["folder"])])
        try:
            report = json.loads(result.stdout)
        except json.JSONDecodeError:
            projects[project["folder"]] = {"error": result.stderr.strip()[:200]}
            continue
        statuses = {s["id"]: s["status"] for s in report.get("steps", [])}
        wrong = {}
        for step, expected in project["expected_steps"].items():
            allowed = {expected, *project["also_acceptable"].get(step, [])}
            ok = statuses.get(step) in allowed
            per_step[step].append(ok)
            if not ok:
                wrong[step] = f"{statuses.get(step)} (expected {expected})"
        truth_coi = _missing_coi(project, data["files"])
        got_coi = {_fold(n) for n in report.get("missing_coi_for", [])}
        projects[project["folder"]] = {
            "variant_ok": report.get("variant") == project["variant"],
            "steps_correct": f"{16 - len(wrong)}/16",
            "wrong": wrong,
            "missing_coi_ok": truth_coi == got_coi,
        }
    every = [ok for oks in per_step.values() for ok in oks]
    return {
        "available": True,
        "step_accuracy": _ratio(sum(every), len(every)),
        "per_step": {s: _ratio(sum(v), len(v)) for s, v in per_step.items()},
        "projects": projects,
    }


def _markdown(scores: dict[str, Any]) -> str:
    c, k = scores["classify"], scores["check"]
    lines = [
        f"Evaluation set: {c['files']} files, seed {scores['seed']} "
        f"(`python bench/score_eval.py OUTDIR`).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| class accuracy | {c['class_accuracy']} |",
        f"| class accuracy, uninformative names | {c['class_accuracy_uninformative_names']} |",
        f"| draft accuracy | {c['draft_accuracy']} |",
        f"| must_register precision / recall | {c['must_register']['precision']} / "
        f"{c['must_register']['recall']} |",
        f"| personal_data precision / recall | {c['personal_data']['precision']} / "
        f"{c['personal_data']['recall']} |",
    ]
    if k.get("available"):
        lines.append(f"| check: step status accuracy | {k['step_accuracy']} |")
    lines += ["", "| class | accuracy |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in c["per_class"].items()]
    if k.get("available"):
        lines += [
            "",
            "| project | variant | steps | missing declarations | wrong |",
            "|---|---|---|---|---|",
        ]
        for folder, p in k["projects"].items():
            wrong = "; ".join(f"{s}: {v}" for s, v in p.get("wrong", {}).items())
            lines.append(
                f"| {folder} | {p.get('variant_ok')} | {p.get('steps_correct')} | "
                f"{p.get('missing_coi_ok')} | {wrong or p.get('error', '')} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    labels = args.outdir / "labels.json"
    if not labels.exists():
        write_eval_set(args.outdir, args.seed)
    data = json.loads(labels.read_text(encoding="utf-8"))
    share = (args.outdir / "share").resolve()
    scores = {
        "seed": data["seed"],
        "classify": score_classify(share, data["files"]),
        "check": score_check(share, data),
    }
    print(json.dumps(scores, ensure_ascii=False, indent=1) if args.json else _markdown(scores))


if __name__ == "__main__":
    main()
