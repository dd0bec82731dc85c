"""Swedish/English messages of the process check, registered with `recordkeeper.i18n`.

Steps are named by the instruction's own heading (from the rule file), so a
message reads "«Inhämta statistikunderlag»: ..." in Swedish and uses the
English heading with `--lang en`.
"""

from __future__ import annotations

from recordkeeper import i18n

i18n.register(
    {
        "process.status.complete": {"sv": "klart", "en": "complete"},
        "process.status.partial": {"sv": "delvis", "en": "partial"},
        "process.status.missing": {"sv": "saknas", "en": "missing"},
        "process.status.not_applicable": {"sv": "ej aktuellt", "en": "not applicable"},
        "process.status.needs_confirmation": {
            "sv": "behöver bekräftas",
            "en": "needs confirmation",
        },
        "process.severity.info": {"sv": "info", "en": "info"},
        "process.severity.warning": {"sv": "varning", "en": "warning"},
        "process.severity.error": {"sv": "allvarligt", "en": "serious"},
        "process.variant.unknown": {"sv": "okänd", "en": "unknown"},
        "process.missing.for_person": {"sv": "{what} för {person}", "en": "{what} for {person}"},
        "process.missing.people": {
            "sv": "{what} (hittade {count})",
            "en": "{what} (found {count})",
        },
        "process.missing.approver": {
            "sv": "godkännande av {expected} (underlaget nämner {found})",
            "en": "approval by {expected} (the material names {found})",
        },
        "process.missing.confirmation": {"sv": "{what}", "en": "{what}"},
        "process.warn.variant_unknown": {
            "sv": "Det framgår inte om projektet är ett nytt beslutsstöd eller en uppdatering; "
            "ange variant i projektfilen (recordkeeper-project.yaml).",
            "en": "It is not clear whether the project is a new decision support or an update; "
            "state the variant in the project file (recordkeeper-project.yaml).",
        },
        "process.warn.wrong_approver": {
            "sv": "«{heading}»: underlaget nämner {found}, men {expected} ska godkänna.",
            "en": "«{heading}»: the material names {found}, but {expected} must approve.",
        },
        "process.warn.started_before_done": {
            "sv": "«{heading}» har påbörjats trots att tidigare steg är ofullständiga: {gaps}.",
            "en": "«{heading}» has begun although earlier steps are incomplete: {gaps}.",
        },
        "process.warn.gap_missing": {
            "sv": "«{heading}» saknar underlag, men «{later}» har redan påbörjats.",
            "en": "«{heading}» has no evidence, but «{later}» has already begun.",
        },
        "process.warn.gap_partial": {
            "sv": "«{heading}» är ofullständigt, men «{later}» har redan påbörjats.",
            "en": "«{heading}» is incomplete, but «{later}» has already begun.",
        },
        "process.warn.person_missing_now": {
            "sv": "«{heading}»: {what} saknas för {person}.",
            "en": "«{heading}»: {what} is missing for {person}.",
        },
        "process.warn.person_missing_late": {
            "sv": "«{heading}»: {what} saknas för {person}, som redan deltar i arbetet.",
            "en": "«{heading}»: {what} is missing for {person}, who already takes part.",
        },
        "process.warn.overdue": {
            "sv": "«{heading}»: svarstiden gick ut omkring {deadline}, men {what} saknas.",
            "en": "«{heading}»: the answer period ended about {deadline}, but {what} is missing.",
        },
        "process.warn.waiting": {
            "sv": "«{heading}»: väntar på {what} till omkring {deadline}.",
            "en": "«{heading}»: waiting for {what} until about {deadline}.",
        },
        "process.warn.unnamed_documents": {
            "sv": "«{heading}»: {count} dokument ({what}) saknar läsbart namn; "
            "bekräfta vems de är.",
            "en": "«{heading}»: {count} documents ({what}) have no readable name; "
            "confirm whose they are.",
        },
        "process.warn.unreadable": {
            "sv": "{count} filer kunde inte läsas och räknas inte som underlag.",
            "en": "{count} files could not be read and are not counted as evidence.",
        },
        "process.warn.project_file": {
            "sv": "Projektfilen är ogiltig och har inte använts: {problem}",
            "en": "The project file is invalid and was not used: {problem}",
        },
        "process.check.not_a_project": {
            "sv": "inte en projektmapp: {path}",
            "en": "not a project folder: {path}",
        },
        "process.check.no_projects": {
            "sv": "inga projektmappar under de konfigurerade rötterna",
            "en": "no project folders under the configured roots",
        },
        "process.check.no_rules": {
            "sv": "ingen processregelfil (kind: process) i {path}",
            "en": "no process rule file (kind: process) in {path}",
        },
        "process.board.people": {"sv": "Personer", "en": "People"},
        "process.board.warnings": {"sv": "Varningar", "en": "Warnings"},
        "process.board.variant": {"sv": "Variant", "en": "Variant"},
        "process.board.step": {"sv": "Steg", "en": "Step"},
        "process.board.status": {"sv": "Status", "en": "Status"},
        "process.board.missing": {"sv": "Saknas", "en": "Missing"},
        "process.board.evidence": {"sv": "Underlag", "en": "Evidence"},
        "process.board.roles": {"sv": "Roller", "en": "Roles"},
        "process.board.name": {"sv": "Namn", "en": "Name"},
        "process.board.coi": {"sv": "Jävsdeklaration", "en": "Declaration"},
        "process.board.agreement": {"sv": "Avtal", "en": "Agreement"},
        "process.board.none": {"sv": "inga", "en": "none"},
        "process.board.yes": {"sv": "ja", "en": "yes"},
        "process.board.no": {"sv": "nej", "en": "no"},
    }
)
