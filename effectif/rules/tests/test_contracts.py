"""Trial periods and headcount, each case worked out by hand from the article cited."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effectif.rules.contracts.headcount import HeadcountFacts, average_headcount, headcount_on
from effectif.rules.contracts.kinds import Category, ContractKind, WorkingTime
from effectif.rules.contracts.trial_period import add_months, trial_period


@pytest.mark.parametrize(
    ("category", "start", "end", "renewed_end"),
    [
        # L1221-19: 2 months for ouvriers and employés, 3 for TAM, 4 for cadres;
        # L1221-21: renewed, 4, 6 and 8 months at most.
        (Category.CLERK, date(2026, 3, 2), date(2026, 5, 1), date(2026, 7, 1)),
        (Category.WORKER, date(2026, 1, 31), date(2026, 3, 30), date(2026, 5, 30)),
        (Category.SUPERVISOR, date(2026, 3, 2), date(2026, 6, 1), date(2026, 9, 1)),
        (Category.EXECUTIVE, date(2026, 9, 1), date(2026, 12, 31), date(2027, 4, 30)),
    ],
)
def test_cdi_trial_period_by_category(
    category: Category, start: date, end: date, renewed_end: date
) -> None:
    trial = trial_period(kind=ContractKind.CDI, category=category, start_date=start, end_date=None)
    assert trial is not None
    assert trial.end_date == end
    assert trial.renewed_end_date == renewed_end


@pytest.mark.parametrize(
    ("start", "end", "trial_end", "label"),
    [
        # L1242-10: 1 day per week. 3 months (13 full weeks) → 13 days.
        (date(2026, 3, 2), date(2026, 6, 1), date(2026, 3, 14), "13 jours"),
        # 6 months exactly → 26 weeks → capped at 2 weeks (14 days).
        (date(2026, 1, 1), date(2026, 6, 30), date(2026, 1, 14), "14 jours"),
        # 9 months → 39 weeks → capped at 1 month.
        (date(2026, 1, 5), date(2026, 10, 4), date(2026, 2, 4), "1 mois"),
        # 10 days → 1 week → 1 day.
        (date(2026, 3, 2), date(2026, 3, 11), date(2026, 3, 2), "1 jour"),
    ],
)
def test_cdd_trial_period(start: date, end: date, trial_end: date, label: str) -> None:
    trial = trial_period(
        kind=ContractKind.CDD, category=Category.CLERK, start_date=start, end_date=end
    )
    assert trial is not None
    assert (trial.end_date, trial.length_label) == (trial_end, label)
    assert trial.renewed_end_date is None


def test_internships_and_civil_servants_have_no_trial_period() -> None:
    for kind in (ContractKind.INTERNSHIP, ContractKind.CIVIL_SERVANT):
        assert (
            trial_period(
                kind=kind, category=Category.CLERK, start_date=date(2026, 1, 1), end_date=None
            )
            is None
        )


def test_apprenticeship_trial_is_45_days_of_training() -> None:
    trial = trial_period(
        kind=ContractKind.APPRENTICESHIP,
        category=Category.CLERK,
        start_date=date(2026, 9, 1),
        end_date=date(2028, 8, 31),
    )
    assert trial is not None
    assert trial.end_date == date(2026, 10, 15)
    assert trial.estimated


def test_interim_trial_counts_working_days() -> None:
    # L1251-14: 2 days for a mission up to one month. Friday start → ends the Monday.
    trial = trial_period(
        kind=ContractKind.INTERIM,
        category=Category.WORKER,
        start_date=date(2026, 3, 6),
        end_date=date(2026, 3, 27),
    )
    assert trial is not None
    assert trial.end_date == date(2026, 3, 9)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


def _facts(
    kind: ContractKind, working: WorkingTime = WorkingTime.FULL_TIME, **kw: object
) -> HeadcountFacts:
    values: dict[str, object] = {
        "kind": kind,
        "start_date": date(2025, 1, 1),
        "end_date": None,
        "working_time": working,
        "monthly_hours": None,
    }
    values.update(kw)
    return HeadcountFacts(**values)  # type: ignore[arg-type]


def test_headcount_weighs_part_time_and_excludes_apprentices_and_replacements() -> None:
    on = date(2026, 3, 31)
    contracts = [
        _facts(ContractKind.CDI),
        _facts(ContractKind.CDI, WorkingTime.PART_TIME, monthly_hours=Decimal("75.84")),
        _facts(ContractKind.CDI, WorkingTime.DAYS_PACKAGE),
        _facts(ContractKind.CDD, end_date=date(2026, 6, 30)),
        _facts(ContractKind.CDD, end_date=date(2026, 6, 30), replaces_absent_employee=True),
        _facts(ContractKind.APPRENTICESHIP, end_date=date(2027, 6, 30)),
        _facts(ContractKind.INTERNSHIP, end_date=date(2026, 6, 30)),
        _facts(ContractKind.CDI, end_date=date(2026, 2, 28)),  # gone before the day counted
    ]
    # 1 + 75.84/151.67 (0.50003…) + 1 + 1 = 3.50
    assert headcount_on(contracts, on) == Decimal("3.50")


def test_average_headcount_is_the_mean_of_monthly_counts() -> None:
    assert average_headcount([Decimal(10)] * 6 + [Decimal(12)] * 6) == Decimal("11.00")
    assert average_headcount([]) == Decimal("0.00")


@pytest.mark.parametrize(
    ("on", "end"),
    [
        # Contract from 02/03/2026. L1221-25: under 8 days of presence → 24 h; from the 8th day
        # to a month → 48 h; after a month (from 02/04) → 2 weeks; after three months (from
        # 02/06) → a month.
        (date(2026, 3, 8), date(2026, 3, 9)),  # 7th day: 24 h
        (date(2026, 3, 9), date(2026, 3, 11)),  # 8th day: 48 h
        (date(2026, 4, 1), date(2026, 4, 3)),  # a month not yet completed: 48 h
        (date(2026, 4, 2), date(2026, 4, 16)),  # after a month: 2 weeks
        (date(2026, 6, 2), date(2026, 7, 2)),  # after three months: a month
    ],
)
def test_trial_notice_grows_with_presence(on: date, end: date) -> None:
    from effectif.rules.contracts.trial_notice import notice_end

    assert notice_end(date(2026, 3, 2), on) == end


def test_last_day_to_announce_the_end_of_a_trial() -> None:
    from effectif.rules.contracts.trial_notice import last_day_to_notify

    # A cadre's 4-month trial, 02/03 to 01/07/2026. From 02/06 (three months of presence) the
    # notice is a month and would run past 01/07; on 01/06 it is two weeks (→ 15/06): the
    # decision must be announced by 01/06.
    assert last_day_to_notify(date(2026, 3, 2), date(2026, 7, 1)) == date(2026, 6, 1)
    # A 2-week CDD trial from 02/03: 24 h notice until the 7th day, 48 h after; to end on
    # 15/03, announce by 13/03 (48 h → 15/03).
    assert last_day_to_notify(date(2026, 3, 2), date(2026, 3, 15)) == date(2026, 3, 13)


@given(
    start=st.dates(min_value=date(2009, 1, 1), max_value=date(2030, 12, 31)),
    length=st.integers(min_value=0, max_value=400),
)
def test_the_last_day_to_announce_is_the_latest_day_whose_notice_ends_in_time(
    start: date, length: int
) -> None:
    """Found by halving, it is the day a walk back from the trial's end, day by day, finds."""
    from datetime import timedelta

    from effectif.rules.contracts.trial_notice import last_day_to_notify, notice_end

    trial_end = start + timedelta(days=length)
    day = trial_end
    while day > start and notice_end(start, day) > trial_end:
        day -= timedelta(days=1)
    assert last_day_to_notify(start, trial_end) == day
