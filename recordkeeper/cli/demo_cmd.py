"""`recordkeeper demo-share DIR`: create the example share that `make run` watches.

Writes a few realistic FMB project folders (recordkeeper.samples.projects)
when DIR is missing or empty, and leaves a non-empty DIR untouched, so it is
safe to run before every start. The share is built in a sibling temporary
folder and renamed into place, so an interrupted run leaves no half share.
The ground truth goes beside the share (DIR.labels.json), never inside it.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import typer

from recordkeeper import i18n
from recordkeeper.cli.common import print_json, state
from recordkeeper.errors import UsageError

i18n.register(
    {
        "demo.created": {
            "sv": "Exempelmapp skapad: {files} filer i {projects} projekt under {path}",
            "en": "Example share created: {files} files in {projects} projects under {path}",
        },
        "demo.exists": {
            "sv": "{path} finns redan och är inte tom; inget ändrades",
            "en": "{path} already exists and is not empty; nothing was changed",
        },
        "demo.not_a_directory": {
            "sv": "{path} är inte en mapp",
            "en": "{path} is not a directory",
        },
        "demo.labels": {
            "sv": "Facit (etiketter per fil och förväntad status per steg): {path}",
            "en": "Ground truth (labels per file, expected status per step): {path}",
        },
    }
)


def demo_share(
    ctx: typer.Context,
    directory: Path = typer.Argument(..., help="Share to create / mapp att skapa."),
    seed: int = typer.Option(0, "--seed", help="Same seed, same share / samma frö, samma mapp."),
    labels: Path | None = typer.Option(
        None, "--labels", help="Ground truth JSON (default: DIR.labels.json beside DIR)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Skapa en exempelmapp med FMB-projekt / create an example share of FMB projects."""
    # Imported here: the sample builders load python-docx, openpyxl, python-pptx and fpdf
    # (~50 MB), which every other command, the daemon among them, would carry for nothing.
    from recordkeeper.samples.projects import DEMO_SCENARIOS, generate_share, write_truth

    lang = state(ctx).lang
    if directory.exists() and not directory.is_dir():
        raise UsageError(i18n.t("demo.not_a_directory", lang, path=directory))
    if directory.is_dir() and any(directory.iterdir()):
        _report(as_json, lang, created=False, path=directory)
        return
    labels_path = labels or directory.with_name(directory.name + ".labels.json")
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".demo-share-", dir=directory.parent))
    try:
        truth = generate_share(staging, DEMO_SCENARIOS, seed)
        if directory.is_dir():
            directory.rmdir()  # empty, checked above
        staging.rename(directory)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    write_truth(truth, labels_path)
    _report(
        as_json,
        lang,
        created=True,
        path=directory,
        files=len(truth.files),
        projects=len(truth.projects),
        labels=labels_path,
    )


def _report(
    as_json: bool,
    lang: str,
    *,
    created: bool,
    path: Path,
    files: int = 0,
    projects: int = 0,
    labels: Path | None = None,
) -> None:
    if as_json:
        print_json(
            {
                "created": created,
                "path": str(path),
                "files": files,
                "projects": projects,
                "labels": str(labels) if labels else None,
            }
        )
    elif created:
        typer.echo(i18n.t("demo.created", lang, files=files, projects=projects, path=path))
        typer.echo(i18n.t("demo.labels", lang, path=labels))
    else:
        typer.echo(i18n.t("demo.exists", lang, path=path))
