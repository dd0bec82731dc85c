"""Swedish/English texts of the settings' errors (`recordkeeper config check`, `doctor`).

`config.load_settings` raises one ConfigError whose `texts` hold every problem in both
languages; the command line shows the user's (Swedish by default, `--lang en`). A
pydantic error is named by its type; a type without a text here shows pydantic's
own (English) sentence after "ogiltigt värde".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from recordkeeper import i18n

MESSAGES: dict[str, dict[str, str]] = {
    "config.where.environment": {"sv": "miljövariabler", "en": "environment"},
    "config.where.line": {"sv": "{where} rad {line}", "en": "{where} line {line}"},
    "config.problem": {
        "sv": "{place}: nyckeln '{name}': {what}",
        "en": "{place}: key '{name}': {what}",
    },
    "config.cannot_read": {
        "sv": "{path}: konfigurationsfilen kan inte läsas ({reason})",
        "en": "{path}: cannot read config file ({reason})",
    },
    "config.toml_syntax": {
        "sv": "{place}: ogiltig TOML-syntax; jämför med config/recordkeeper.example.toml",
        "en": "{place}: invalid TOML syntax ({detail}); "
        "compare with config/recordkeeper.example.toml",
    },
    "config.toml_at": {
        "sv": "{path} rad {line}, kolumn {column}",
        "en": "{path} line {line}, column {column}",
    },
    "config.is.extra_forbidden": {
        "sv": "okänd nyckel; se config/recordkeeper.example.toml för de giltiga",
        "en": "unknown key; see config/recordkeeper.example.toml for the valid ones",
    },
    "config.is.missing": {"sv": "måste anges", "en": "is required"},
    "config.is.integer": {"sv": "ska vara ett heltal", "en": "must be a whole number"},
    "config.is.number": {"sv": "ska vara ett tal", "en": "must be a number"},
    "config.is.boolean": {"sv": "ska vara true eller false", "en": "must be true or false"},
    "config.is.string": {
        "sv": "ska vara en text inom citattecken",
        "en": "must be a quoted string",
    },
    "config.is.list": {"sv": "ska vara en lista [ ... ]", "en": "must be a list [ ... ]"},
    "config.is.table": {"sv": "ska vara en tabell [avsnitt]", "en": "must be a table [section]"},
    "config.is.literal_error": {"sv": "ska vara {expected}", "en": "must be {expected}"},
    "config.is.greater_than_equal": {"sv": "ska vara minst {ge}", "en": "must be at least {ge}"},
    "config.is.greater_than": {"sv": "ska vara större än {gt}", "en": "must be greater than {gt}"},
    "config.is.less_than_equal": {"sv": "ska vara högst {le}", "en": "must be at most {le}"},
    "config.is.less_than": {"sv": "ska vara mindre än {lt}", "en": "must be less than {lt}"},
    "config.is.string_pattern_mismatch": {
        "sv": "har fel form (mönster {pattern})",
        "en": "has the wrong form (pattern {pattern})",
    },
    "config.is.crontab_fields": {
        "sv": "ska ha 5 crontab-fält: minut timme dag månad veckodag",
        "en": "expected 5 crontab fields: minute hour day month weekday",
    },
    "config.is.other": {"sv": "ogiltigt värde ({detail})", "en": "invalid value ({detail})"},
}

i18n.register(MESSAGES)

# pydantic's error types -> our text (several types say the same to a person)
_SAME = {
    "int_parsing": "integer",
    "int_type": "integer",
    "int_from_float": "integer",
    "float_parsing": "number",
    "float_type": "number",
    "bool_parsing": "boolean",
    "bool_type": "boolean",
    "string_type": "string",
    "list_type": "list",
    "tuple_type": "list",
    "dict_type": "table",
    "model_type": "table",
    "model_attributes_type": "table",
}


def _what(error: Mapping[str, Any], lang: str) -> str:
    kind = str(error["type"])
    kind = _SAME.get(kind, kind)
    context = dict(error.get("ctx") or {})
    if kind == "literal_error":
        joiner = " eller " if lang == "sv" else " or "
        context["expected"] = str(context.get("expected", "")).replace(" or ", joiner)
    key = f"config.is.{kind}"
    if key in i18n.catalogue():
        return i18n.t(key, lang, **context)
    return i18n.t("config.is.other", lang, detail=error["msg"])


def problem_texts(where: str | None, line: int, error: Mapping[str, Any]) -> dict[str, str]:
    """One invalid key, {lang: text}: file (or the environment) and line, the key, what is wrong."""
    key = ".".join(str(p) for p in error["loc"])
    out: dict[str, str] = {}
    for lang in i18n.LANGUAGES:
        place = where or i18n.t("config.where.environment", lang)
        if line:
            place = i18n.t("config.where.line", lang, where=place, line=line)
        out[lang] = i18n.t("config.problem", lang, place=place, name=key, what=_what(error, lang))
    return out


def texts(key: str, **values: object) -> dict[str, str]:
    """`key` rendered in every language."""
    return {lang: i18n.t(key, lang, **values) for lang in i18n.LANGUAGES}


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def toml_texts(path: object, error: str) -> dict[str, str]:
    """A TOML syntax error, {lang: text}, with its line and column in the user's words."""
    found = _TOML_AT.search(error)
    detail = _TOML_AT.sub("", error)
    out: dict[str, str] = {}
    for lang in i18n.LANGUAGES:
        place = str(path)
        if found:
            line, column = found.groups()
            place = i18n.t("config.toml_at", lang, path=path, line=line, column=column)
        out[lang] = i18n.t("config.toml_syntax", lang, place=place, detail=detail)
    return out
