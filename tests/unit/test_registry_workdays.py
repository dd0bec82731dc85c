"""Working days, due dates and escalation across Swedish holidays and weekends."""

from datetime import date

import pytest

from recordkeeper.registry import WorkCalendar, due_on, escalation

CAL = WorkCalendar(("public", "de_facto"))
LEVELS = [("overdue", 0), ("escalated", 3)]


@pytest.mark.parametrize(
    ("arrived", "due", "why"),
    [
        (date(2025, 3, 4), date(2025, 3, 5), "ordinary Tuesday"),
        (date(2025, 3, 7), date(2025, 3, 10), "Friday -> Monday"),
        (date(2025, 3, 8), date(2025, 3, 10), "Saturday -> Monday"),
        (date(2025, 3, 9), date(2025, 3, 10), "Sunday -> Monday"),
        (date(2025, 4, 17), date(2025, 4, 22), "skärtorsdag -> after långfredag..annandag påsk"),
        (date(2025, 4, 30), date(2025, 5, 2), "valborg -> over första maj"),
        (date(2025, 5, 28), date(2025, 5, 30), "over Kristi himmelsfärd"),
        (date(2025, 6, 5), date(2025, 6, 9), "nationaldagen on a Friday"),
        (date(2026, 6, 5), date(2026, 6, 8), "nationaldagen on a Saturday"),
        (date(2025, 6, 19), date(2025, 6, 23), "midsommarafton (de facto) and midsommardagen"),
        (date(2026, 6, 18), date(2026, 6, 22), "midsommar 2026"),
        (date(2025, 12, 23), date(2025, 12, 29), "julafton, juldagen, annandag jul, weekend"),
        (date(2025, 12, 30), date(2026, 1, 2), "nyårsafton and nyårsdagen"),
        (date(2026, 1, 5), date(2026, 1, 7), "trettondedag jul"),
        (date(2025, 10, 31), date(2025, 11, 3), "alla helgons dag on a Saturday"),
    ],
)
def test_due_date_is_the_next_working_day(arrived: date, due: date, why: str) -> None:
    assert due_on(arrived, CAL) == due, why


def test_de_facto_days_are_working_days_when_the_rules_leave_them_out() -> None:
    public_only = WorkCalendar(("public",))
    assert due_on(date(2025, 6, 19), public_only) == date(2025, 6, 20)
    assert due_on(date(2025, 12, 23), public_only) == date(2025, 12, 24)


def test_extra_non_working_day_from_the_rules_is_skipped() -> None:
    with_klamdag = WorkCalendar(("public", "de_facto"), frozenset({date(2025, 5, 2)}))
    assert due_on(date(2025, 4, 30), with_klamdag) == date(2025, 5, 5)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2025, 6, 6), False),  # nationaldagen
        (date(2025, 6, 20), False),  # midsommarafton
        (date(2025, 12, 24), False),  # julafton
        (date(2025, 12, 31), False),  # nyårsafton
        (date(2025, 4, 18), False),  # långfredagen
        (date(2025, 4, 21), False),  # annandag påsk
        (date(2025, 4, 22), True),
        (date(2025, 6, 9), True),  # annandag pingst is no longer a holiday
        (date(2025, 3, 15), False),  # Saturday
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert CAL.is_working_day(day) is working


def test_holiday_name_is_swedish() -> None:
    assert CAL.holiday_name(date(2025, 6, 6)) == "Nationaldagen"


@pytest.mark.parametrize(
    ("today", "overdue", "late", "level"),
    [
        (date(2025, 6, 12), False, 0, None),  # before due
        (date(2025, 6, 13), False, 0, None),  # on the due date
        (date(2025, 6, 14), True, 0, "overdue"),  # Saturday after a Friday due date
        (date(2025, 6, 16), True, 1, "overdue"),
        (date(2025, 6, 18), True, 3, "escalated"),
        (date(2025, 6, 23), True, 5, "escalated"),  # 16-19 and 23: midsommarafton does not count
    ],
)
def test_escalation_counts_working_days_late(
    today: date, overdue: bool, late: int, level: str | None
) -> None:
    state = escalation(date(2025, 6, 13), today, CAL, LEVELS)
    assert (state.is_overdue, state.working_days_late, state.level) == (overdue, late, level)


def test_working_days_between_skips_easter() -> None:
    assert CAL.working_days_between(date(2025, 4, 16), date(2025, 4, 23)) == 3  # 17, 22, 23
