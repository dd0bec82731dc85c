"""Schema of the registration rule file (kind: registration, e.g. rules/registration.yaml).

Owned by registration (`recordkeeper.registry`). Which classes must be
registered comes from classes.yaml (`register_when_final`); this file holds
how a record is proposed and how deadlines are counted: the diarienummer
pattern, the agency's e-mail domains, non-working days, escalation levels,
labels that locate a signer, a counterpart or a signature date, and secrecy cues.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from recordkeeper.ruleset.load import Loc, register_cross_check, register_kind

DEFAULT_DNR_PATTERN = r"^\d+(\.\d+)*-\d+/\d{4}$"


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EscalationLevel(_Rule):
    """A prompt reaches `id` once it is `after_working_days` working days past due."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    after_working_days: int = Field(ge=0)


class SecrecyCue(_Rule):
    """Content that suggests secrecy may apply; proposes a marker, never decides.

    A cue matches when its detector fires or at least `min_matches` of its
    `terms` occur (case-insensitive substrings), in a document of one of
    `classes` (empty: any class). The registrar reads `name_sv`/`name_en` in the
    reason ("innehållet tyder på att sekretess kan gälla (uppgifter om hälsa)");
    a cue without a name shows its id there.
    """

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name_sv: str | None = Field(
        None, description="Swedish name shown to the registrar, e.g. 'uppgifter om hälsa'."
    )
    name_en: str | None = Field(
        None, description="English name shown to the registrar, e.g. 'health data'."
    )
    provision: str | None = None  # e.g. "21 kap. 1 § OSL", shown to the registrar
    classes: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    detector: Literal["personal_identity_number"] | None = None
    min_matches: int = Field(1, ge=1)

    @model_validator(mode="after")
    def _needs_a_signal(self) -> SecrecyCue:
        if not self.terms and self.detector is None:
            raise ValueError(f"secrecy cue '{self.id}' needs 'terms' or a 'detector'")
        return self


class ClassRegistration(_Rule):
    """How a record is proposed for documents of one class."""

    direction: Literal["received", "drawn_up"] | None = None  # None: from e-mail, else drawn_up
    counterpart: Literal["sender", "signer", "agreement_party", "none"] = "signer"


class RegistrationRules(_Rule):
    kind: Literal["registration"]
    version: int = 1
    timezone: str = "Europe/Stockholm"
    dnr_pattern: str = DEFAULT_DNR_PATTERN
    agency_domains: tuple[str, ...] = ()
    holiday_categories: tuple[Literal["public", "de_facto", "bank"], ...] = (
        "public",
        "de_facto",
    )
    extra_non_working_days: tuple[date, ...] = ()
    escalation: tuple[EscalationLevel, ...] = (
        EscalationLevel(id="overdue", after_working_days=0),
        EscalationLevel(id="escalated", after_working_days=3),
    )
    description_template: str = "{class_name} – {project}"
    description_template_no_project: str = "{class_name}"
    signer_labels: tuple[str, ...] = ("Namnförtydligande", "Namn", "Undertecknad", "Name")
    agreement_party_labels: tuple[str, ...] = ("Uppdragstagare", "Sakkunnig", "Motpart")
    date_labels: tuple[str, ...] = ("Ort och datum", "Datum", "Undertecknat", "Date")
    # the header lines of a forwarded mail that say when its writer sent it
    forwarded_date_labels: tuple[str, ...] = ("Skickat", "Sent", "Date", "Datum")
    classes: dict[str, ClassRegistration] = Field(default_factory=dict)
    secrecy_cues: tuple[SecrecyCue, ...] = ()

    @field_validator("dnr_pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"dnr_pattern is not a valid regular expression: {exc}") from exc
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone '{value}'") from exc
        return value

    @field_validator("agency_domains")
    @classmethod
    def _lower_domains(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(d.strip().lower().lstrip("@") for d in value if d.strip())

    @field_validator("escalation")
    @classmethod
    def _ascending(cls, value: tuple[EscalationLevel, ...]) -> tuple[EscalationLevel, ...]:
        days = [level.after_working_days for level in value]
        if days != sorted(set(days)):
            raise ValueError("escalation levels must have strictly increasing after_working_days")
        return value

    @field_validator("description_template", "description_template_no_project")
    @classmethod
    def _known_fields(cls, value: str) -> str:
        allowed = {"class_name", "project"}
        for field in re.findall(r"{([^}]*)}", value):
            if field not in allowed:
                raise ValueError(
                    f"unknown placeholder '{{{field}}}'; use {{class_name}} and {{project}} only "
                    "(a description must never carry document content)"
                )
        return value


def _check_classes(by_kind: dict[str, list[BaseModel]]) -> list[tuple[str, Loc, str]]:
    """Every class the registration rules name must be defined in the classes file."""
    if not by_kind.get("classes"):
        return []
    known = {str(c.id) for m in by_kind["classes"] for c in getattr(m, "classes", ())}
    out: list[tuple[str, Loc, str]] = []
    for model in by_kind.get("registration", []):
        if not isinstance(model, RegistrationRules):
            continue
        named = set(model.classes) | {c for cue in model.secrecy_cues for c in cue.classes}
        out.extend(
            (
                "registration rules",
                (),
                f"document class '{name}' is not defined in the classes file",
            )
            for name in sorted(named - known)
        )
    return out


register_kind("registration", RegistrationRules)
register_cross_check(_check_classes)
