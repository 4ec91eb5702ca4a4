"""Departure rules, each case worked out by hand from the article cited.

Calendar of 2026 used below: Easter Sunday is 5 April (Easter Monday 6 April), Ascension
Thursday 14 May; 1 and 8 May are Fridays.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from effectif.rules.contracts.fixed_term import (
    end_of_contract_indemnity,
    fixed_term_breaches,
    waiting_period,
)
from effectif.rules.contracts.notice import (
    NoticeLength,
    dismissal_notice,
    resignation_notice,
    trial_end,
)
from effectif.rules.contracts.procedure import (
    earliest_conventional_end,
    earliest_homologation_request,
    earliest_interview,
    earliest_notification,
    homologation,
    latest_disciplinary_notification,
)
from effectif.rules.contracts.seniority import Seniority, seniority
from effectif.rules.contracts.severance import (
    MonthPay,
    legal_severance,
    reference_salary,
    retirement_indemnity,
)

ON = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # 1 Sept 2016 to 31 May 2026 inclusive: 9 full years and 9 full months.
        (date(2016, 9, 1), date(2026, 5, 31), Seniority(9, 9, 0)),
        # 15 Jan to 14 Sept: 8 full months exactly.
        (date(2024, 1, 15), date(2024, 9, 14), Seniority(0, 8, 0)),
        # One day short: 7 months (to 14 Aug) and 30 days (15 Aug to 13 Sept).
        (date(2024, 1, 15), date(2024, 9, 13), Seniority(0, 7, 30)),
        # A single day.
        (date(2026, 3, 2), date(2026, 3, 2), Seniority(0, 0, 1)),
    ],
)
def test_seniority(start: date, end: date, expected: Seniority) -> None:
    assert seniority(start, end) == expected


@pytest.mark.parametrize(
    ("months", "misconduct", "agreement", "expected"),
    [
        # L1234-1 1°: under 6 months, the agreement or usage; none given, nothing to compute.
        (4, False, None, None),
        (4, False, NoticeLength(days=15), NoticeLength(days=15)),
        # L1234-1 2°: from 6 months to 2 years, 1 month.
        (6, False, None, NoticeLength(months=1)),
        (23, False, None, NoticeLength(months=1)),
        # L1234-1 3°: 2 years and more, 2 months.
        (24, False, None, NoticeLength(months=2)),
        # L1234-2: an agreement giving more prevails; one giving less does not.
        (30, False, NoticeLength(months=3), NoticeLength(months=3)),
        (30, False, NoticeLength(months=1), NoticeLength(months=2)),
        # L1234-1: no notice for gross or serious misconduct.
        (120, True, None, NoticeLength()),
    ],
)
def test_dismissal_notice(
    months: int, misconduct: bool, agreement: NoticeLength | None, expected: NoticeLength | None
) -> None:
    notice = dismissal_notice(
        seniority_months=months, on=ON, misconduct=misconduct, agreement=agreement
    )
    assert notice.length == expected
    assert "L1234" in notice.basis or "Convention" in notice.basis


def test_resignation_notice_comes_from_the_agreement() -> None:
    assert resignation_notice(None).length is None
    assert "L1237-1" in resignation_notice(None).basis
    assert resignation_notice(NoticeLength(months=3)).label == "3 mois"


@pytest.mark.parametrize(
    ("length", "start", "last_day"),
    [
        # A month from the presentation on 15 March ends on 14 April (L1234-3).
        (NoticeLength(months=1), date(2026, 3, 15), date(2026, 4, 14)),
        # Two months from 31 March: 31 May is the same day two months on, so 30 May.
        (NoticeLength(months=2), date(2026, 3, 31), date(2026, 5, 30)),
        # Fifteen days from 2 March: 2 to 16 March.
        (NoticeLength(days=15), date(2026, 3, 2), date(2026, 3, 16)),
    ],
)
def test_notice_last_day(length: NoticeLength, start: date, last_day: date) -> None:
    assert length.last_day(start) == last_day


@pytest.mark.parametrize(
    ("presented", "earliest"),
    [
        # Monday 2 March: Tue 3 … Sat 7 are the 5 jours ouvrables; a delay ending on a Saturday
        # runs to Monday 9 (R1231-1); the interview may be held from Tuesday 10.
        (date(2026, 3, 2), date(2026, 3, 10)),
        # Wednesday 4 March: Thu 5, Fri 6, Sat 7, Mon 9, Tue 10 → from Wednesday 11.
        (date(2026, 3, 4), date(2026, 3, 11)),
        # Thursday 30 April: Fri 1 May is a holiday; Sat 2, Mon 4, Tue 5, Wed 6, Thu 7 → Fri 8.
        (date(2026, 4, 30), date(2026, 5, 8)),
    ],
)
def test_earliest_interview(presented: date, earliest: date) -> None:
    limit = earliest_interview(presented)
    assert limit.day == earliest
    assert limit.article == "C. trav. art. L1232-2"


@pytest.mark.parametrize(
    ("interview", "economic", "executive", "earliest", "article"),
    [
        # Monday 9 March: Tue 10 and Wed 11 → sent from Thursday 12 (L1232-6).
        (date(2026, 3, 9), False, False, date(2026, 3, 12), "C. trav. art. L1232-6"),
        # Thursday 12 March: Fri 13, Sat 14 → runs to Mon 16 → from Tuesday 17.
        (date(2026, 3, 12), False, False, date(2026, 3, 17), "C. trav. art. L1232-6"),
        # Economic, 7 jours ouvrables: Tue 10 … Sat 14, Mon 16, Tue 17 → from Wednesday 18.
        (date(2026, 3, 9), True, False, date(2026, 3, 18), "C. trav. art. L1233-15"),
        # Executive, 15: 10–14 (5), 16–21 (11), 23–26 (15) → Thursday 26 → from Friday 27.
        (date(2026, 3, 9), True, True, date(2026, 3, 27), "C. trav. art. L1233-15"),
    ],
)
def test_earliest_notification(
    interview: date, economic: bool, executive: bool, earliest: date, article: str
) -> None:
    limit = earliest_notification(interview, economic=economic, executive=executive)
    assert (limit.day, limit.article) == (earliest, article)


def test_disciplinary_notification_within_a_month() -> None:
    assert latest_disciplinary_notification(date(2026, 3, 10)).day == date(2026, 4, 10)


@pytest.mark.parametrize(
    ("signed", "request_from"),
    [
        # Tuesday 3 March + 15 calendar days = Wednesday 18 March; request from Thursday 19.
        (date(2026, 3, 3), date(2026, 3, 19)),
        # Friday 6 March + 15 = Saturday 21 → runs to Monday 23; request from Tuesday 24.
        (date(2026, 3, 6), date(2026, 3, 24)),
    ],
)
def test_conventional_withdrawal(signed: date, request_from: date) -> None:
    assert earliest_homologation_request(signed).day == request_from


def test_homologation_after_fifteen_working_days() -> None:
    # Received Friday 20 March: Sat 21 (1), 23–28 (2–7), 30 Mar–4 Apr (8–13), Easter Monday
    # 6 April skipped, Tue 7 (14), Wed 8 (15): homologated Wednesday 8 April; the contract may
    # end from Thursday 9 April (L1237-13).
    homologated = homologation(date(2026, 3, 20))
    assert homologated.day == date(2026, 4, 8)
    assert earliest_conventional_end(homologated.day).day == date(2026, 4, 9)


@pytest.mark.parametrize(
    ("months", "expected", "method"),
    [
        # A raise in the last 3 months: 12-month average (9 × 2 000 + 3 × 2 300) / 12 = 2 075,
        # 3-month average 2 300: the more favourable is 2 300.
        ([MonthPay(Decimal(2000))] * 9 + [MonthPay(Decimal(2300))] * 3, "2300.00", "3 mois"),
        # An annual bonus of 3 000 paid with the last month: (11 × 2 000 + 5 000) / 12 = 2 250;
        # over 3 months the bonus counts for 3/12: (2 000 + 2 000 + 2 000 + 750) / 3 = 2 250.
        (
            [MonthPay(Decimal(2000))] * 11 + [MonthPay(Decimal(5000), Decimal(3000))],
            "2250.00",
            "12 mois",
        ),
        # Fewer than 12 months: the average of all of them.
        ([MonthPay(Decimal(1900))] * 5, "1900.00", "12 mois"),
    ],
)
def test_reference_salary(months: list[MonthPay], expected: str, method: str) -> None:
    reference = reference_salary(months)
    assert (reference.amount, reference.method) == (Decimal(expected), method)


def _severance(months_notified: int, end: Seniority, reference: str, **kwargs: bool) -> Decimal:
    result = legal_severance(
        seniority_at_notification=Seniority(months_notified // 12, months_notified % 12, 0),
        seniority_at_end=end,
        reference=Decimal(reference),
        on=ON,
        **kwargs,
    )
    return result.amount if result.due else Decimal(-1)


@pytest.mark.parametrize(
    ("notified", "end", "reference", "flags", "expected"),
    [
        # 12 years 7 months, 3 000 €: 10 × 3 000 / 4 = 7 500, plus (2 + 7/12) × 3 000 / 3
        # = 2 583,33 → 10 083,33 (R1234-2, incomplete year by months R1234-1).
        (150, Seniority(12, 7, 0), "3000", {}, "10083.33"),
        # 3 years 4 months, 2 400 €: (3 + 4/12) × 2 400 / 4 = 10/3 × 600 = 2 000.
        (38, Seniority(3, 4, 0), "2400", {}, "2000.00"),
        # 7 months at the notification: under the 8 months of L1234-9, not due.
        (7, Seniority(0, 9, 0), "2000", {}, "-1"),
        # Unfitness of professional origin: 5 × 2 000 / 4 = 2 500, doubled (L1226-14).
        (60, Seniority(5, 0, 0), "2000", {"professional_unfitness": True}, "5000.00"),
        # Gross misconduct: none.
        (60, Seniority(5, 0, 0), "2000", {"misconduct": True}, "-1"),
        # Rupture conventionnelle after 6 months: pro rata 0,5 × 2 000 / 4 = 250.
        (6, Seniority(0, 6, 0), "2000", {"minimum_seniority": False}, "250.00"),
    ],
)
def test_legal_severance(
    notified: int, end: Seniority, reference: str, flags: dict[str, bool], expected: str
) -> None:
    assert _severance(notified, end, reference, **flags) == Decimal(expected)


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        (8, None),  # under 10 years: nothing (D1237-1)
        (12, "1250.00"),  # half a month of 2 500
        (22, "3750.00"),  # a month and a half
        (31, "5000.00"),  # two months
    ],
)
def test_retirement_indemnity(years: int, expected: str | None) -> None:
    result = retirement_indemnity(seniority=Seniority(years, 0, 0), reference=Decimal(2500), on=ON)
    assert result.due is (expected is not None)
    if expected:
        assert result.amount == Decimal(expected)


@pytest.mark.parametrize(
    ("reason", "exception", "reduced", "due", "amount"),
    [
        # 10 % of 12 000 € of total gross pay (L1243-8).
        ("accroissement", "", False, True, "1200.00"),
        # 6 % with an agreement offering training (L1243-9).
        ("accroissement", "", True, True, "720.00"),
        # Seasonal jobs: not due (L1243-10 1°).
        ("saisonnier", "", False, False, "0.00"),
        # CDI refused for a similar job (L1243-10 3°).
        ("remplacement", "cdi_refuse", False, False, "0.00"),
    ],
)
def test_end_of_contract_indemnity(
    reason: str, exception: str, reduced: bool, due: bool, amount: str
) -> None:
    result = end_of_contract_indemnity(
        total_gross=Decimal(12000),
        on=ON,
        reason=reason,
        exception=exception,
        reduced_by_agreement=reduced,
    )
    assert (result.due, result.amount) == (due, Decimal(amount))


@pytest.mark.parametrize(
    ("reason", "start", "end", "renewals", "articles"),
    [
        # 18 months from 1 January 2026 end on 30 June 2027 (L1242-8-1).
        ("accroissement", date(2026, 1, 1), date(2027, 6, 30), 2, []),
        ("accroissement", date(2026, 1, 1), date(2027, 7, 1), 0, ["C. trav. art. L1242-8-1"]),
        # Awaiting a CDI hire: 9 months, to 30 September 2026.
        ("attente_embauche", date(2026, 1, 1), date(2026, 10, 1), 0, ["C. trav. art. L1242-8-1"]),
        # Three renewals: over the 2 of L1243-13-1.
        ("accroissement", date(2026, 1, 1), date(2026, 6, 30), 3, ["C. trav. art. L1243-13-1"]),
        # A customary CDD has no legal maximum.
        ("usage", date(2026, 1, 1), date(2029, 1, 1), 0, []),
    ],
)
def test_fixed_term_limits(
    reason: str, start: date, end: date, renewals: int, articles: list[str]
) -> None:
    breaches = fixed_term_breaches(reason=reason, start=start, end=end, renewals=renewals)
    assert [b.article for b in breaches] == articles


@pytest.mark.parametrize(
    ("previous", "reason", "days", "earliest"),
    [
        # 5 January to 31 March 2026: 27 + 28 + 31 = 86 days ≥ 14 → 86 / 3 = 28,67 → 29 open
        # days (Monday–Friday, holidays out): April 1–3 (3), 7–10 (7, Easter Monday out),
        # 13–17 (12), 20–24 (17), 27–30 (21), May 4–7 (25, 1 May out), 11–13 (28, 8 May out),
        # Ascension 14 May out, Friday 15 (29) → a new CDD from Saturday 16 May.
        ((date(2026, 1, 5), date(2026, 3, 31)), "accroissement", 29, date(2026, 5, 16)),
        # 2 to 11 March: 10 days < 14 → half, 5 open days: 12, 13, 16, 17, 18 → from the 19th.
        ((date(2026, 3, 2), date(2026, 3, 11)), "accroissement", 5, date(2026, 3, 19)),
        # A new replacement of an absent employee: no waiting period (L1244-4-1 1°).
        ((date(2026, 3, 2), date(2026, 3, 11)), "remplacement", 0, date(2026, 3, 12)),
    ],
)
def test_waiting_period(
    previous: tuple[date, date], reason: str, days: int, earliest: date
) -> None:
    result = waiting_period(previous_start=previous[0], previous_end=previous[1], new_reason=reason)
    assert (result.open_days, result.earliest_start) == (days, earliest)


def test_trial_end_notice() -> None:
    # Employer, after more than a month of presence: 2 weeks (L1221-25), but never past the
    # trial's last day: notified 20 April for a trial ending 1 May → ends 1 May.
    end, article = trial_end(
        start=date(2026, 3, 2),
        trial_last_day=date(2026, 5, 1),
        notified=date(2026, 4, 20),
        by_employer=True,
    )
    assert (end, article) == (date(2026, 5, 1), "C. trav. art. L1221-25")
    # Employee, after 4 days of presence: 24 hours (L1221-26).
    end, article = trial_end(
        start=date(2026, 3, 2),
        trial_last_day=date(2026, 5, 1),
        notified=date(2026, 3, 5),
        by_employer=False,
    )
    assert (end, article) == (date(2026, 3, 6), "C. trav. art. L1221-26")
