"""The example configuration documents every setting, and parses to the defaults' types."""

from __future__ import annotations

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


def test_every_setting_appears_in_the_example_file() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    missing = []
    for key in sorted(_keys(Settings)):
        section, _, leaf = key.rpartition(".")
        # a commented-out key ("# rules_dir = ...") documents it too
        if f"{leaf} =" not in text or (section and f"[{section}]" not in text):
            missing.append(key)
    assert missing == []


def test_the_example_file_is_valid() -> None:
    assert tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert load_settings(EXAMPLE).lang == "sv"
