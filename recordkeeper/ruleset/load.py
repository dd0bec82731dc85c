"""Load rule files: YAML with line numbers -> frozen pydantic models.

Every rule file declares its `kind` at the top (`classes`, `process`,
`retention`, ...). A kind's schema registers itself with `register_kind()`;
`load_ruleset()` reads every `*.yaml` in the rules directory, validates each
against its kind and returns the models, or raises one `RuleFileError` that
lists every problem with file, line and a plain message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from recordkeeper.errors import RuleFileError, RuleProblem

Loc = tuple[str | int, ...]
CrossCheck = Callable[[dict[str, list[BaseModel]]], list[tuple[str, Loc, str]]]

_KINDS: dict[str, type[BaseModel]] = {}
_CROSS_CHECKS: list[CrossCheck] = []


def register_kind(kind: str, model: type[BaseModel]) -> None:
    """Declare that files with `kind: <kind>` validate against `model`."""
    _KINDS[kind] = model


def register_cross_check(check: CrossCheck) -> None:
    """Add a check across files (e.g. a process step naming an unknown class).

    A check returns (file name, location, message) triples.
    """
    _CROSS_CHECKS.append(check)


def kinds() -> dict[str, type[BaseModel]]:
    return dict(_KINDS)


def check_patterns(
    patterns: tuple[str, ...], compile_one: Callable[[str], re.Pattern[str]], if_empty: str
) -> tuple[str, ...]:
    """A field validator's check of rule regular expressions: each must compile (as
    `compile_one` compiles it) and must not match empty text (`if_empty` says why not)."""
    for pattern in patterns:
        try:
            compiled = compile_one(pattern)
        except re.error as exc:
            raise ValueError(
                f"pattern '{pattern}' is not a valid regular expression: {exc}"
            ) from exc
        if compiled.match(""):
            raise ValueError(f"pattern '{pattern}' matches empty text; {if_empty}")
    return patterns


@dataclass
class _Lines:
    """Maps a location path in the YAML document to the line it starts on."""

    by_loc: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        while loc:
            if loc in self.by_loc:
                return self.by_loc[loc]
            loc = loc[:-1]
        return self.by_loc.get((), 1)


def _construct(node: yaml.Node, loc: Loc, lines: _Lines, loader: yaml.SafeLoader) -> Any:
    lines.by_loc[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, (*loc, "<key>"), lines, loader)
            if key in out:
                raise _DuplicateKey(key_node.start_mark.line + 1, str(key))
            out[key] = _construct(value_node, (*loc, key), lines, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*loc, i), lines, loader) for i, item in enumerate(node.value)]
    # scalars: the safe loader resolves their types (int, bool, null, dates)
    return loader.construct_object(node, deep=True)


class _DuplicateKey(Exception):
    def __init__(self, line: int, key: str) -> None:
        self.line, self.key = line, key


# libyaml's parser when PyYAML has it: the same nodes, tags and marks, 10x faster (every
# command loads the rule files; `check` was spending a fifth of its time here)
_COMPOSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, file: str) -> tuple[Any, _Lines]:
    """Parse YAML text, keeping the line of every value; raises RuleFileError."""
    lines = _Lines()
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise RuleFileError([RuleProblem(file, line, f"not valid YAML: {exc.problem}")]) from exc
    if node is None:
        raise RuleFileError([RuleProblem(file, 1, "the file is empty")])
    try:
        return _construct(node, (), lines, yaml.SafeLoader("")), lines
    except _DuplicateKey as exc:
        raise RuleFileError(
            [RuleProblem(file, exc.line, f"key '{exc.key}' appears twice; keep one")]
        ) from exc


def _plain(err: Any) -> str:
    loc = ".".join(str(p) for p in err["loc"] if not str(p).startswith("function-"))
    msg = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        return f"unknown field '{loc}'; check the spelling against docs/rules.md"
    if err["type"] == "missing":
        return f"field '{loc}' is required"
    return f"{loc}: {msg}" if loc else msg


def validate_document(data: Any, lines: _Lines, file: str) -> BaseModel:
    """Validate parsed YAML against the model registered for its `kind`."""
    if not isinstance(data, dict) or "kind" not in data:
        raise RuleFileError([RuleProblem(file, 1, "the file must start with 'kind: <kind>'")])
    kind = data["kind"]
    model = _KINDS.get(str(kind))
    if model is None:
        known = ", ".join(sorted(_KINDS)) or "none"
        raise RuleFileError(
            [RuleProblem(file, lines.line_of(("kind",)), f"unknown kind '{kind}'; known: {known}")]
        )
    try:
        validated = model.model_validate(data)
    except ValidationError as exc:
        problems = [
            RuleProblem(file, lines.line_of(_yaml_loc(err["loc"])), _plain(err))
            for err in exc.errors()
        ]
        raise RuleFileError(problems) from exc
    # A model MAY offer `rule_problems() -> [(loc, message)]` for checks across
    # the file (duplicate ids, unknown references); each is reported at its line.
    checker = getattr(validated, "rule_problems", None)
    if callable(checker):
        located = checker()
        if located:
            raise RuleFileError(
                [RuleProblem(file, lines.line_of(tuple(loc)), msg) for loc, msg in located]
            )
    return validated


def _yaml_loc(loc: tuple[Any, ...]) -> Loc:
    """Pydantic's error location as a YAML path (aliases like `in` are already used)."""
    return tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))


def load_rule_file(path: Path) -> BaseModel:
    """Load and validate one rule file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError([RuleProblem(str(path), 0, f"cannot read the file: {exc}")]) from exc
    data, lines = parse_yaml(text, str(path))
    return validate_document(data, lines, str(path))


def rule_files(rules_dir: Path) -> Iterator[Path]:
    yield from sorted(p for p in rules_dir.glob("*.yaml") if p.is_file())


@dataclass(frozen=True)
class LoadedRules:
    """Every rule file, validated, grouped by kind; files keep their names."""

    by_kind: dict[str, list[BaseModel]]
    files: tuple[str, ...]

    def one(self, kind: str) -> Any:
        """The single model of `kind` (e.g. 'classes'); KeyError if absent."""
        models = self.by_kind.get(kind, [])
        if not models:
            raise KeyError(kind)
        return models[0]

    def all(self, kind: str) -> list[Any]:
        return list(self.by_kind.get(kind, []))


def load_ruleset(rules_dir: Path) -> LoadedRules:
    """Load every rule file in `rules_dir`; all problems are reported together."""
    import recordkeeper.ruleset.kinds  # noqa: F401  (registers every kind's schema)

    if not rules_dir.is_dir():
        raise RuleFileError([RuleProblem(str(rules_dir), 0, "rules directory does not exist")])
    problems: list[RuleProblem] = []
    by_kind: dict[str, list[BaseModel]] = {}
    names: dict[int, str] = {}
    files: list[str] = []
    for path in rule_files(rules_dir):
        try:
            model = load_rule_file(path)
        except RuleFileError as exc:
            problems.extend(exc.problems)
            continue
        kind = str(getattr(model, "kind", ""))
        by_kind.setdefault(kind, []).append(model)
        names[id(model)] = str(path)
        files.append(str(path))
    if not problems:
        for check in _CROSS_CHECKS:
            for file, _loc, message in check(by_kind):
                problems.append(RuleProblem(file, 0, message))
    if problems:
        raise RuleFileError(problems)
    return LoadedRules(by_kind=by_kind, files=tuple(files))
