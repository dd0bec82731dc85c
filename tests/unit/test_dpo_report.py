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
