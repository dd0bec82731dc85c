"""The example configuration documents every setting, and parses to the defaults' types."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from pydantic import BaseModel

from recordkeeper.config import Settings, load_settings

EXAMPLE = Path(__file__).resolve().parent.parent / "config" / "recordkeeper.example.toml"


def _keys(model: type[BaseModel], prefix: str = "") -> set[str]:
    out: set[str] = set()
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out |= _keys(annotation, f"{prefix}{name}.")
        elif name != "roots":
            out.add(f"{prefix}{name}")
    return out


def _documented(text: str) -> set[str]:
    """section.key for every key line, commented out or not, under its [section] header."""
    found: set[str] = set()
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        header = re.match(r"^\[+([a-z_.]+)\]+$", line)
        if header:
            section = header.group(1)
            continue
        key = re.match(r"^#?\s*([a-z_]+)\s*=", line)
        if key:
            found.add(f"{section}.{key.group(1)}" if section else key.group(1))
    return found


def test_every_setting_appears_in_the_example_file() -> None:
    documented = _documented(EXAMPLE.read_text(encoding="utf-8"))
    assert sorted(_keys(Settings) - documented) == []


def test_the_example_file_is_valid() -> None:
    assert tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert load_settings(EXAMPLE).lang == "sv"
