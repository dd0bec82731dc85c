"""PURE: Swedish and English texts of the audit commands, and `describe()` for problems.

Each problem of `recordkeeper.audit.check` is rendered as one plain sentence
saying what is wrong and where (entry indexes, which head or anchor).
"""

from __future__ import annotations

from recordkeeper import i18n
from recordkeeper.audit.check import Checkpoint, Problem

i18n.register(
    {
        "audit.where.head": {
            "sv": "signerat trädhuvud nr {ref} ({timestamp}, {size} poster)",
            "en": "signed tree head #{ref} ({timestamp}, {size} entries)",
        },
        "audit.where.anchor": {
            "sv": "ankaret {ref} ({timestamp}, {size} poster)",
            "en": "anchor {ref} ({timestamp}, {size} entries)",
        },
        "audit.problem.modified_entry.not_canonical": {
            "sv": "ändrad post: post {index} är inte längre i kanonisk form",
            "en": "modified entry: entry {index} is no longer in canonical form",
        },
        "audit.problem.modified_entry.columns": {
            "sv": "ändrad post: post {index} stämmer inte med sina indexerade kolumner",
            "en": "modified entry: entry {index} disagrees with its indexed columns",
        },
        "audit.problem.modified_entry.index": {
            "sv": "ändrad post: post {index} bär fel index",
            "en": "modified entry: entry {index} carries a wrong index",
        },
        "audit.problem.modified_range": {
            "sv": "ändrad post: posterna {first}–{last} stämmer inte med {where}; "
            "minst en av dem har ändrats",
            "en": "modified entry: entries {first}–{last} do not match {where}; "
            "at least one of them has been changed",
        },
        "audit.problem.deleted_entry": {
            "sv": "raderad post: post {first}–{last} saknas i loggen",
            "en": "deleted entry: entry {first}–{last} is missing from the log",
        },
        "audit.problem.reordered_entries": {
            "sv": "omkastade poster: {count} poster ligger på fel plats (index {indexes})",
            "en": "reordered entries: {count} entries are out of place (indexes {indexes})",
        },
        "audit.problem.truncated_log": {
            "sv": "avkortad logg: loggen har {entries} poster men {where} omfattar {size}",
            "en": "truncated log: the log holds {entries} entries but {where} covers {size}",
        },
        "audit.problem.forked_history": {
            "sv": "förgrenad historik: {where} och {other} är båda giltigt signerade men "
            "beskriver olika loggar (de första {size} posterna skiljer sig)",
            "en": "forked history: {where} and {other} are both validly signed but describe "
            "different logs (the first {size} entries differ)",
        },
        "audit.problem.bad_signature": {
            "sv": "felaktig signatur: {where} är inte signerat med granskningsnyckeln",
            "en": "bad signature: {where} is not signed by the audit key",
        },
        "audit.problem.unknown_key": {
            "sv": "felaktig signatur: {where} är signerat med en annan nyckel ({fingerprint})",
            "en": "bad signature: {where} is signed by another key ({fingerprint})",
        },
        "audit.problem.bad_anchor": {
            "sv": "ankaret {ref} går inte att läsa: {reason}",
            "en": "anchor {ref} cannot be read: {reason}",
        },
        "audit.verify.ok": {
            "sv": "granskningsloggen är verifierad: {entries} poster, {heads} signerade "
            "trädhuvuden, {anchors} ankare; rot {root}",
            "en": "audit log verified: {entries} entries, {heads} signed tree heads, "
            "{anchors} anchors; root {root}",
        },
        "audit.verify.uncovered": {
            "sv": "obs: {count} poster efter senaste trädhuvudet är ännu inte signerade "
            "(kör `recordkeeper audit head`)",
            "en": "note: {count} entries after the latest tree head are not signed yet "
            "(run `recordkeeper audit head`)",
        },
        "audit.verify.failed": {
            "sv": "granskningsloggen kunde inte verifieras ({count} fel):",
            "en": "audit log verification failed ({count} problems):",
        },
        "audit.head.none": {
            "sv": "loggen är tom; det finns inget trädhuvud att signera",
            "en": "the log is empty; there is no tree head to sign",
        },
        "audit.prove.no_entry": {
            "sv": "post {index} finns inte i granskningsloggen",
            "en": "audit entry {index} does not exist",
        },
        "audit.prove.not_covered": {
            "sv": "post {index} omfattas inte av senaste trädhuvudet ({size} poster); "
            "kör `recordkeeper audit head` först",
            "en": "entry {index} is not covered by the latest tree head ({size} entries); "
            "run `recordkeeper audit head` first",
        },
        "audit.show.none": {"sv": "inga poster", "en": "no entries"},
    }
)


def where(checkpoint: Checkpoint, lang: str) -> str:
    """A head or anchor, named for people."""
    return i18n.t(
        f"audit.where.{checkpoint.source}",
        lang,
        ref=checkpoint.ref,
        timestamp=checkpoint.timestamp,
        size=checkpoint.tree_size,
    )


def describe(problem: Problem, lang: str) -> str:
    """One sentence for one problem."""
    key = f"audit.problem.{problem.kind}"
    if problem.kind == "modified_entry":
        key += f".{problem.values.get('reason', 'columns')}"
    values: dict[str, object] = {"index": problem.index, **problem.values}
    if problem.checkpoint is not None:
        values["where"] = where(problem.checkpoint, lang)
    if problem.other is not None:
        values["other"] = where(problem.other, lang)
    return i18n.t(key, lang, **values)
