"""Legal durations of family leave: family events (L3142-4), maternity, paternity."""

from __future__ import annotations

from datetime import date

from effectif.rules.parameters.leave import (
    CHILD_BEREAVEMENT_DAYS,
    FAMILY_EVENTS,
    MATERNITY,
    PATERNITY,
)


def family_event_days(event: str, on: date) -> int:
    """The minimum days of leave for a family event (« mariage », « naissance »…)."""
    durations = FAMILY_EVENTS.at(on)
    if event not in durations:
        raise KeyError(f"unknown family event {event!r}")
    return durations[event]


def child_bereavement_days(on: date) -> int:
    return CHILD_BEREAVEMENT_DAYS.at(on)


def maternity_weeks(case: str, on: date) -> tuple[int, int]:
    """Weeks before and after the birth: « premier_ou_deuxieme », « troisieme_enfant »,
    « jumeaux », « triples_ou_plus »."""
    rule = MATERNITY.at(on)[case]
    return rule.before, rule.after


def paternity_days(on: date, *, multiple_births: bool = False) -> int:
    rule = PATERNITY.at(on)
    return rule.multiple_births if multiple_births else rule.days
