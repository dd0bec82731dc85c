"""The DPO report groups personal data and flags overdue deletions, from values alone."""

from datetime import UTC, date, datetime

from recordkeeper.retention.report import DeadlineLine, build_report, render_csv, render_html

NOW = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


def _line(doc: str, cls: str, due: date | None, pd: bool = True) -> DeadlineLine:
    return DeadlineLine(
        doc,
        "P",
        cls,
        f"{cls}.rule",
        "weed" if due else "keep",
        "IHP 1",
        due,
        pd,
        overdue=due is not None and due < NOW.date(),
    )


def test_personal_data_is_grouped_by_project_and_class_with_the_next_deadline() -> None:
    report = build_report(
        today=NOW.date(),
        generated_at=NOW,
        deadlines=[
            _line("a", "survey_response", date(2026, 1, 1)),
            _line("b", "survey_response", date(2025, 1, 1)),
            _line("c", "coi_declaration", None),
            _line("d", "publication", None, pd=False),
        ],
        proposals=[],
        deletions=[],
        holds=[],
    )
    groups = {(g.doc_class, g.documents, g.next_due_on) for g in report.personal_data}
    assert groups == {("coi_declaration", 1, None), ("survey_response", 2, date(2025, 1, 1))}
    assert [d.document_id for d in report.overdue] == ["b"]


def test_renderings_carry_no_content_but_ids_and_rules() -> None:
    report = build_report(
        today=NOW.date(),
        generated_at=NOW,
        deadlines=[_line("a", "survey_response", date(2024, 1, 1))],
        proposals=[],
        deletions=[],
        holds=[],
    )
    csv_text = render_csv(report, "en")
    assert csv_text.splitlines()[1].startswith("a,P,survey_response,survey_response.rule,weeded")
    assert 'class="overdue"' in render_html(report, "sv")


def _waiting(doc: str, cls: str, rule: str, action: str = "weed") -> DeadlineLine:
    return DeadlineLine(doc, "P", cls, rule, action, "IHP 1", None, True, overdue=False)


def test_a_deadline_waiting_for_the_project_to_close_is_not_called_kept() -> None:
    """The DPO's table said 'bevaras' (kept) for survey responses weeded a year after the
    project closes, because their deadline had no date yet."""
    report = build_report(
        today=NOW.date(),
        generated_at=NOW,
        deadlines=[
            _waiting("a", "survey_response", "survey_responses.weed"),
            _waiting("b", "coi_declaration", "coi.keep", "keep"),
            _waiting("c", "agreement", "agreements.keep", "keep"),
            _waiting("d", "agreement", "drafts.after_closure"),
        ],
        proposals=[],
        deletions=[],
        holds=[],
        triggers={
            "survey_responses.weed": "project_closed",
            "drafts.after_closure": "project_closed",
        },
    )
    shown = {g.doc_class: (g.waits_for, g.is_partly_kept) for g in report.personal_data}
    assert shown == {
        "agreement": ("project_closed", True),
        "coi_declaration": (None, True),
        "survey_response": ("project_closed", False),
    }
    sv, en = render_html(report, "sv"), render_html(report, "en")
    assert "<td>fristen börjar när projektet avslutas</td>" in sv
    assert "<td>fristen börjar när projektet avslutas; övriga bevaras</td>" in sv
    assert sv.count("<td>bevaras</td>") == 1  # the declarations only
    assert "<td>the deadline starts when the project closes</td>" in en
    assert "<td>the deadline starts when the project closes; the others are kept</td>" in en
