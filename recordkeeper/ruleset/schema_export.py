"""JSON Schema of every registered rule kind, for editors' autocompletion.

`rules/schema/<kind>.schema.json` is generated from the pydantic models, so it
can never drift from what the loader accepts; a test fails when the committed
files differ from what `recordkeeper rules schema` would write.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from recordkeeper.ruleset.load import kinds


def schema_documents() -> dict[str, str]:
    """File name -> JSON text, one per registered kind, deterministic."""
    import recordkeeper.ruleset.kinds  # noqa: F401  (registers every kind's schema)

    out: dict[str, str] = {}
    for kind, model in sorted(kinds().items()):
        schema: dict[str, Any] = model.model_json_schema(by_alias=True)
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{kind}.schema.json",
            **schema,
        }
        out[f"{kind}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out


def write_schemas(directory: Path) -> list[Path]:
    """Write every kind's schema into `directory`; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
