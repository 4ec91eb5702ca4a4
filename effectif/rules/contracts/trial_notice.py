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


def notice_end(start: date, on: date) -> date:
    """The day the employer's notice runs out for a decision announced on `on`."""
    notice = (1, "days")
    for (amount, unit), applicable in TRIAL_EMPLOYER_NOTICE.at(start):
        if on >= _shift(start, amount, unit):
            notice = applicable
    return _shift(on, *notice)


def last_day_to_notify(start: date, trial_end: date) -> date:
    """The last day the employer can announce the end of the trial so that the notice runs out
    by its last day; the start date if even that is too late."""
    day = trial_end
    while day > start and notice_end(start, day) > trial_end:
        day -= timedelta(days=1)
    return day
