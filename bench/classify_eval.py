"""Score `recordkeeper classify --json` against a labelled evaluation set.

Usage:
    python bench/make_eval_set.py /tmp/eval            # once: share + labels.json
    python bench/classify_eval.py /tmp/eval [--errors] [--markdown]

Runs the real command on OUTDIR/share (as an outside evaluator would) and
compares each file with OUTDIR/labels.json: accuracy per class (recall,
precision), overall class accuracy, draft accuracy, registration-duty
precision/recall, personal-data accuracy, and how many files were sent to
review. `--errors` lists every wrong class with its reasons.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def run_classify(share: Path) -> tuple[dict[str, dict[str, Any]], float]:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "recordkeeper", "classify", "--json", str(share)],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.monotonic() - started
    if proc.returncode != 0:
        sys.exit(f"classify failed ({proc.returncode}): {proc.stderr}")
    out: dict[str, dict[str, Any]] = {}
    prefix = str(share).rstrip("/") + "/"
    for line in proc.stdout.splitlines():
        row = json.loads(line)
        out[row["path"].removeprefix(prefix)] = row
    return out, elapsed


def _ratio(n: int, d: int) -> str:
    return f"{n / d:.1%}" if d else "–"


def score(labels: list[dict[str, Any]], got: dict[str, dict[str, Any]]) -> dict[str, Any]:
    per_class: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    totals: collections.Counter[str] = collections.Counter()
    errors = []
    for label in labels:
        row = got.get(label["path"])
        if row is None or row["ignored"]:
            totals["missing"] += 1
            continue
        want, have = label["class"], row["class"]
        totals["files"] += 1
        per_class[want]["support"] += 1
        per_class[have]["predicted"] += 1
        if want == have:
            per_class[want]["correct"] += 1
            totals["class_ok"] += 1
        else:
            errors.append((label, row))
        totals["draft_ok"] += row["draft"] == label["draft"]
        totals["pd_ok"] += row["personal_data"] == label["personal_data"]
        totals["review"] += bool(row.get("needs_review"))
        totals["unreadable"] += row["error"] is not None
        if label["must_register"] and row["must_register"]:
            totals["reg_tp"] += 1
        elif row["must_register"]:
            totals["reg_fp"] += 1
        elif label["must_register"]:
            totals["reg_fn"] += 1
    return {"per_class": per_class, "totals": totals, "errors": errors}


def report(result: dict[str, Any], elapsed: float) -> str:
    t = result["totals"]
    n = t["files"]
    lines = [
        f"files scored: {n} (missing from output: {t['missing']}); "
        f"classify wall time {elapsed:.1f} s",
        "",
        "| class | files | recall | precision |",
        "|---|---:|---:|---:|",
    ]
    for cls, c in sorted(result["per_class"].items()):
        if not c["support"] and not c["predicted"]:
            continue
        lines.append(
            f"| {cls} | {c['support']} | {_ratio(c['correct'], c['support'])} "
            f"| {_ratio(c['correct'], c['predicted'])} |"
        )
    tp, fp, fn = t["reg_tp"], t["reg_fp"], t["reg_fn"]
    lines += [
        "",
        "| measure | value |",
        "|---|---:|",
        f"| class accuracy | {_ratio(t['class_ok'], n)} |",
        f"| draft accuracy | {_ratio(t['draft_ok'], n)} |",
        f"| must_register precision | {_ratio(tp, tp + fp)} |",
        f"| must_register recall | {_ratio(tp, tp + fn)} |",
        f"| personal_data accuracy | {_ratio(t['pd_ok'], n)} |",
        f"| sent to review (needs_review) | {_ratio(t['review'], n)} |",
        f"| unreadable (classified by name only) | {t['unreadable']} |",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="directory made by bench/make_eval_set.py")
    parser.add_argument("--errors", action="store_true", help="list every wrong class")
    args = parser.parse_args()
    labels = json.loads((args.outdir / "labels.json").read_text(encoding="utf-8"))["files"]
    got, elapsed = run_classify(args.outdir / "share")
    result = score(labels, got)
    print(report(result, elapsed))
    if args.errors:
        print()
        for label, row in result["errors"]:
            print(f"{label['class']:>20} -> {row['class']:<20} {label['path']}")
            print(f"{'':>44}{row['reasons'][:8]} err={row['error']}")


if __name__ == "__main__":
    main()
