"""A large mixed corpus for benchmarks: `generate_corpus(dir, n_files, seed)`.

The files are the project generator's (random `Scenario`s: real FMB
content, messy names, drafts, scans, e-mails), so classification speed is
measured on realistic text. On top, a share of files is made heavier, as on
a real share: Word files with pictures or long appendices, e-mails with
large attachments, workbooks with a raw-data sheet, full-size scans. Noise
images are made once and reused, so 1,000 files take about 20-30 s.
`generate_labelled_corpus` also returns the labels.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from recordkeeper.samples.images import image_pool
from recordkeeper.samples.projects import ProjectTruth, ShareTruth, plan_share, random_scenarios
from recordkeeper.samples.spec import DocSpec, render
from recordkeeper.samples.texts import filler_paragraphs

__all__ = ["generate_corpus", "generate_labelled_corpus"]

# Roughly 50 files per random project; plan a few spare projects and cut at n_files.
_FILES_PER_PROJECT = 40


def generate_corpus(directory: Path, n_files: int, seed: int = 0) -> list[Path]:
    """Write `n_files` mixed documents under `directory` and return their paths.

    Args:
        directory: created if missing; files go into project folders.
        n_files: how many files to write.
        seed: the same seed gives the same names, contents and sizes.

    Returns:
        The written paths, in generation order.
    """
    paths, _ = _generate(directory, n_files, seed)
    return paths


def generate_labelled_corpus(directory: Path, n_files: int, seed: int = 0) -> ShareTruth:
    """As `generate_corpus`, returning the ground truth (see docs/samples.md).

    Projects cut short by `n_files` keep the expected statuses of the whole
    project, so use the file labels, not the project truth, of a corpus.
    """
    _, truth = _generate(directory, n_files, seed)
    return truth


def _generate(directory: Path, n_files: int, seed: int) -> tuple[list[Path], ShareTruth]:
    rng = random.Random(seed)
    specs: list[DocSpec] = []
    projects: list[ProjectTruth] = []
    while len(specs) < n_files:
        count = max(1, (n_files - len(specs)) // _FILES_PER_PROJECT + 1)
        more, truths = plan_share(random_scenarios(rng, count), rng.randrange(2**32))
        known = {t.folder for t in projects}
        specs += [s for s in more if s.relpath.split("/", 1)[0] not in known]
        projects += [t for t in truths if t.folder not in known]
    images = image_pool(rng)
    paths, files = [], []
    for spec in specs[:n_files]:
        heavy = _heavier(spec, rng)
        paths.append(render(heavy, directory, images))
        files.append(spec.label.as_json(spec.relpath, spec.relpath.split("/", 1)[0], spec.fmt))
    return paths, ShareTruth(seed, files, projects)


def _heavier(spec: DocSpec, rng: random.Random) -> DocSpec:
    """Sometimes add weight that does not change what the document is."""
    roll = rng.random()
    if spec.fmt == "docx" and roll < 0.12:
        return replace(spec, images=spec.images + rng.choice((1, 2, 4)))
    if spec.fmt == "docx" and roll < 0.25:
        appendix = filler_paragraphs(rng, rng.choice((40, 120, 300)))
        return replace(spec, paragraphs=[*spec.paragraphs, *appendix])
    if spec.fmt == "eml" and roll < 0.2:
        size = rng.choice((20_000, 200_000, 1_500_000))
        return replace(spec, attachments=[*spec.attachments, ("bilaga.pdf", rng.randbytes(size))])
    if spec.fmt == "xlsx" and roll < 0.15:
        raw = [[n, rng.randint(1, 5), rng.random()] for n in range(rng.choice((500, 3000)))]
        return replace(spec, extra_sheets={"Rådata": [["Rad", "Värde", "Andel"], *raw]})
    if spec.fmt == "pdf" and not spec.text_layer:
        return replace(spec, images=max(spec.images, rng.randint(1, 4)))
    return spec
