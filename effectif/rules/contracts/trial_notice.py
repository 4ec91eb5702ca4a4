"""When an employer must announce the end of a trial period (C. trav. L1221-25).

The notice grows with the time spent in the company: 24 hours under 8 days of presence, 48 hours
between 8 days and a month, two weeks after a month, a month after three months. The trial is
not extended by the notice, so to end the contract on the trial's last day the employer must
speak early enough.
"""

from __future__ import annotations

from datetime import date, timedelta

from effectif.rules.contracts.trial_period import add_months
from effectif.rules.parameters.contracts import TRIAL_EMPLOYER_NOTICE


def _shift(day: date, amount: int, unit: str) -> date:
    return add_months(day, amount) if unit == "months" else day + timedelta(days=amount)


Notice = tuple[int, str]


def _notices(start: date) -> list[tuple[date, Notice]]:
    """From which day each notice applies, for a trial that started on `start`."""
    return [
        (_shift(start, amount, unit), notice)
        for (amount, unit), notice in TRIAL_EMPLOYER_NOTICE.at(start)
    ]


def _notice_end(notices: list[tuple[date, Notice]], on: date) -> date:
    notice: Notice = (1, "days")
    for since, applicable in notices:
        if on >= since:
            notice = applicable
    return _shift(on, *notice)


def notice_end(start: date, on: date) -> date:
    """The day the employer's notice runs out for a decision announced on `on`."""
    return _notice_end(_notices(start), on)


def last_day_to_notify(start: date, trial_end: date) -> date:
    """The last day the employer can announce the end of the trial so that the notice runs out
    by its last day; the start date if even that is too late.

    The notice only grows with the day it is given, so the day that runs out later is found by
    halving the interval (a few evaluations rather than one per day of the trial).
    """
    notices = _notices(start)
    low, high = start, trial_end  # notice given on `low` is in time (or `low` is the start)
    while low < high:
        middle = low + timedelta(days=(high - low).days + 1 >> 1)
        if _notice_end(notices, middle) > trial_end:
            high = middle - timedelta(days=1)
        else:
            low = middle
    return low
