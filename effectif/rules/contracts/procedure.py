"""The delays of departure procedures: dismissal (C. trav. L1232-2, L1232-6, L1233-15, L1332-2)
and rupture conventionnelle (L1237-13, L1237-14). Each function gives the earliest (or latest)
date the law allows, with the article to quote when a date is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from effectif.rules.contracts.trial_period import add_months
from effectif.rules.contracts.working_days import after_calendar_days, after_working_days
from effectif.rules.parameters.departures import CONVENTIONAL_DELAYS, DISMISSAL_DELAYS


@dataclass(frozen=True)
class Limit:
    """A date the law sets, the article, and the delay in words."""

    day: date
    article: str
    delay: str


def earliest_interview(convocation_presented: date, department: str | None = None) -> Limit:
    """The interview takes place at least 5 jours ouvrables after the letter of convocation was
    presented or handed over (L1232-2): the day after the delay ends."""
    days = DISMISSAL_DELAYS.at(convocation_presented)["convocation_to_interview"]
    end = after_working_days(convocation_presented, days, department)
    return Limit(end + timedelta(days=1), "C. trav. art. L1232-2", f"{days} jours ouvrables")


def earliest_notification(
    interview: date,
    department: str | None = None,
    *,
    economic: bool = False,
    executive: bool = False,
) -> Limit:
    """The dismissal letter is sent at least 2 jours ouvrables after the interview (L1232-6);
    7, or 15 for an executive, for an individual economic dismissal (L1233-15)."""
    table = DISMISSAL_DELAYS.at(interview)
    if economic:
        key = (
            "economic_executive_interview_to_notification"
            if executive
            else "economic_interview_to_notification"
        )
        article = "C. trav. art. L1233-15"
    else:
        key, article = "interview_to_notification", "C. trav. art. L1232-6"
    days = table[key]
    end = after_working_days(interview, days, department)
    return Limit(end + timedelta(days=1), article, f"{days} jours ouvrables")


def latest_disciplinary_notification(interview: date) -> Limit:
    """A disciplinary sanction (dismissal for misconduct) is notified within one month of the
    interview (L1332-2)."""
    months = DISMISSAL_DELAYS.at(interview)["disciplinary_notification_max_months"]
    return Limit(add_months(interview, months), "C. trav. art. L1332-2", f"{months} mois")


def withdrawal_end(signature: date, department: str | None = None) -> Limit:
    """Each party may withdraw from a rupture conventionnelle for 15 calendar days from the day
    after the signature (L1237-13)."""
    days = CONVENTIONAL_DELAYS.at(signature)["withdrawal_calendar_days"]
    return Limit(
        after_calendar_days(signature, days, department),
        "C. trav. art. L1237-13",
        f"{days} jours calendaires",
    )


def earliest_homologation_request(signature: date, department: str | None = None) -> Limit:
    """The request for homologation is sent once the withdrawal period has run (L1237-14)."""
    end = withdrawal_end(signature, department)
    return Limit(end.day + timedelta(days=1), "C. trav. art. L1237-14", end.delay)


def homologation(request_received: date, department: str | None = None) -> Limit:
    """The administration has 15 jours ouvrables from the receipt of the request; its silence
    is homologation (L1237-14): the last day of that delay."""
    days = CONVENTIONAL_DELAYS.at(request_received)["homologation_working_days"]
    return Limit(
        after_working_days(request_received, days, department),
        "C. trav. art. L1237-14",
        f"{days} jours ouvrables",
    )


def earliest_conventional_end(homologated: date) -> Limit:
    """The contract cannot end before the day after the homologation (L1237-13)."""
    return Limit(homologated + timedelta(days=1), "C. trav. art. L1237-13", "")
