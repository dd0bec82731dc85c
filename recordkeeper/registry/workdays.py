"""PURE: working days, due dates and escalation levels for registration.

A working day is a weekday that is neither a Swedish holiday (the maintained
`holidays` library, in the categories the rule file names: `public`, and by
default `de_facto` for midsommarafton, julafton and nyårsafton, which
agencies keep closed) nor one of the rule file's extra non-working days
(e.g. a "klämdag" the agency closes). Nothing here asks for the time: `today`
is an argument.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import holidays

_MAX_SCAN_DAYS = 3660  # ten years: a calendar with no working day at all is a rule error


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Swedish working days; build once per rule set and reuse (holiday years are cached)."""

    categories: tuple[str, ...] = ("public", "de_facto")
    extra_non_working: frozenset[date] = frozenset()
    _holidays: holidays.HolidayBase = field(init=False, repr=False, compare=False)
    # memo of (start, end) -> count: a queue of thousands of prompts shares few due dates
    _between: dict[tuple[date, date], int] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        cal = holidays.country_holidays("SE", categories=self.categories, language="sv")
        object.__setattr__(self, "_holidays", cal)

    @classmethod
    def from_rules(cls, categories: Iterable[str], extra: Iterable[date]) -> WorkCalendar:
        return cls(tuple(categories), frozenset(extra))

    def holiday_name(self, day: date) -> str | None:
        """The Swedish name of the holiday on `day`, if any."""
        name = self._holidays.get(day)
        return str(name) if name else None

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.extra_non_working and day not in self._holidays

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        for offset in range(1, _MAX_SCAN_DAYS):
            candidate = day + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError("no working day within ten years; check extra_non_working_days")

    def add_working_days(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (count >= 0; 0 returns `day`)."""
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end (0 when end <= start)."""
        known = self._between.get((start, end))
        if known is not None:
            return known
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        self._between[(start, end)] = count
        return count


@dataclass(frozen=True, slots=True)
class Escalation:
    """Where a prompt stands on `today`: overdue or not, and its escalation level."""

    due_on: date
    is_overdue: bool
    working_days_late: int
    level: str | None  # id of the highest escalation level reached; None while not overdue


def due_on(arrived_on: date, calendar: WorkCalendar) -> date:
    """Registration is due "without delay": at the latest the working day after arrival."""
    return calendar.next_working_day(arrived_on)


def escalation(
    due: date, today: date, calendar: WorkCalendar, levels: Iterable[tuple[str, int]]
) -> Escalation:
    """The escalation of a prompt due on `due`, seen on `today`.

    Args:
        due: the due date.
        today: the date to judge on (local agency date).
        calendar: the working-day calendar.
        levels: (level id, working days late from which it applies), ascending.

    Returns:
        Overdue once `today` is past `due`; the level is the last whose
        threshold the working days late have reached.
    """
    if today <= due:
        return Escalation(due, False, 0, None)
    late = calendar.working_days_between(due, today)
    level: str | None = None
    for level_id, threshold in levels:
        if late >= threshold:
            level = level_id
    return Escalation(due, True, late, level)
