"""Write the labelled evaluation set: OUTDIR/share/ and OUTDIR/labels.json.

Usage: python bench/make_eval_set.py OUTDIR [--seed N]

Eight invented FMB projects (both variants, four folder layouts, planted
gaps) with a label per file (class, draft, must_register, personal_data)
and the expected status of every step per project. Format: docs/samples.md.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from recordkeeper.samples.projects import write_eval_set


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if (args.outdir / "share").exists():
        parser.error(f"{args.outdir / 'share'} exists; choose an empty OUTDIR")
    share, labels = write_eval_set(args.outdir, args.seed)

    data = json.loads(labels.read_text(encoding="utf-8"))
    classes = collections.Counter(f["class"] for f in data["files"])
    print(f"{len(data['files'])} files in {len(data['projects'])} projects under {share}")
    print(f"labels: {labels}")
    print(", ".join(f"{name} {count}" for name, count in sorted(classes.items())))


if __name__ == "__main__":
    main()
