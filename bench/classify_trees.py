"""CPU per document of the pure classifier, two git revisions each with its own rules.

    .venv/bin/python bench/classify_trees.py REF_A REF_B SHARE... [--rounds 5] [--repeat 3]

`bench/classify_pure.py` compares code with this tree's rules (same answers, faster);
this one compares revisions whose rules differ too (an accuracy change: different
answers, what do they cost). Each revision is `git archive`d into a temporary
directory; for each, in interleaved runs, a fresh process importing that tree
extracts every file under SHARE... once, classifies them once to warm up, then
times `classify_document` over all of them `--rounds` times with its own
`rules/classes.yaml` and prints the best round's process time per document.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_CHILD = """
import sys, time
from pathlib import Path
from recordkeeper.classify import classify_document, compiled
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import DocumentFacts
from recordkeeper.ruleset.load import load_ruleset
rules = load_ruleset(Path(sys.argv[1]) / "rules").one("classes")
facts = []
for root in sys.argv[3:]:
    for p in sorted(Path(root).rglob("*")):
        if p.is_file():
            r = extract_file(p, str(p.relative_to(root)), Limits())
            if isinstance(r, DocumentFacts):
                facts.append(r)
cr = compiled(rules)
cr.warm()
for f in facts:
    classify_document(f, cr)
best = float("inf")
for _ in range(int(sys.argv[2])):
    t = time.process_time()
    for f in facts:
        classify_document(f, cr)
    best = min(best, (time.process_time() - t) / len(facts))
print(len(facts), best * 1000)
"""


def _tree(ref: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", ref], capture_output=True, check=True
    ).stdout
    with tempfile.TemporaryFile() as handle:
        handle.write(archive)
        handle.seek(0)
        with tarfile.open(fileobj=handle) as tar:
            tar.extractall(into, filter="data")
    return into


def _run(tree: Path, rounds: int, shares: list[str]) -> tuple[int, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tree), str(rounds), *shares],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tree,  # the tree first on sys.path, not this checkout
    ).stdout.split()
    return int(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref_a")
    parser.add_argument("ref_b")
    parser.add_argument("shares", nargs="+")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    shares = [str(Path(s).resolve()) for s in args.shares]
    with tempfile.TemporaryDirectory() as tmp:
        trees = {
            ref: _tree(ref, Path(tmp) / str(i)) for i, ref in enumerate((args.ref_a, args.ref_b))
        }
        best: dict[str, float] = {}
        for _ in range(args.repeat):
            for ref, tree in trees.items():
                files, ms = _run(tree, args.rounds, shares)
                best[ref] = min(best.get(ref, ms), ms)
                print(f"{ref}: {files} files, {ms:.4f} ms/doc", flush=True)
    a, b = best[args.ref_a], best[args.ref_b]
    print(f"best: {args.ref_a} {a:.4f}, {args.ref_b} {b:.4f} ms/doc; {b / a - 1:+.1%}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
