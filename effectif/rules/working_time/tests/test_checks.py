"""The legal checks, case by case. Each expected figure is worked out by hand in the comment
above it, from the article cited; weeks are those of March 2026 (Monday 2, 9, 16, 23, 30), with
no public holiday."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

import pytest

from effectif.rules.working_time.breaches import Rule
from effectif.rules.working_time.engine import check
from effectif.rules.working_time.facts import AccordSettings, PersonFacts
from effectif.rules.working_time.tests.builders import MONDAY, every_day, timeline, week

D = Decimal
SUNDAY = date(2026, 3, 8)
ADULT = PersonFacts(birth_date=date(1985, 6, 1))
AGED_16 = PersonFacts(birth_date=date(2009, 6, 1))  # 16 in March 2026
AGED_15 = PersonFacts(birth_date=date(2010, 9, 1))  # 15 in March 2026


@dataclass
class Case:
    days: dict[date, str]
    expected: list[tuple[Rule, date, Decimal, Decimal]]
    facts: PersonFacts = ADULT
    first: date = MONDAY
    last: date = SUNDAY
    start: date = MONDAY
    end: date = SUNDAY
    totals: dict[date, Decimal] = field(default_factory=dict)


CASES = {
    # 5 × (3 h + 4 h) = 35 h, 1 h lunch, 16 h of night rest, Saturday and Sunday off.
    "semaine légale sans écart": Case(
        week(MONDAY, *["09:00-12:00 13:00-17:00"] * 5),
        [],
    ),
    # 4 h + 6 h 30 = 10 h 30 > 10 h (L3121-18); the afternoon runs 12:30–19:00 = 6 h 30 with
    # no pause of 20 min: > 6 h (L3121-16).
    "journée de 10 h 30 et après-midi sans pause": Case(
        week(MONDAY, "08:00-12:00 12:30-19:00"),
        [
            (Rule.DAILY_MAXIMUM, MONDAY, D("10.50"), D("10.00")),
            (Rule.BREAK, MONDAY, D("6.50"), D("6.00")),
        ],
    ),
    # The same day under an agreement allowing 12 h (L3121-19): only the break remains.
    "journée de 10 h 30 permise par accord": Case(
        week(MONDAY, "08:00-12:00 12:30-19:00"),
        [(Rule.BREAK, MONDAY, D("6.50"), D("6.00"))],
        facts=PersonFacts(accord=AccordSettings(daily_max_hours=D(12))),
    ),
    # 5 × (4 h + 6 h) = 50 h > 48 h (L3121-20); each day exactly 10 h and 6 h without pause:
    # neither exceeds its limit.
    "semaine de 50 h": Case(
        week(MONDAY, *["08:00-12:00 13:00-19:00"] * 5),
        [(Rule.WEEKLY_MAXIMUM, MONDAY, D("50.00"), D("48.00"))],
    ),
    # Monday ends at 22:30, Tuesday starts at 07:00: 8 h 30 of rest < 11 h (L3131-1).
    "repos quotidien de 8 h 30": Case(
        week(MONDAY, "14:00-18:00 18:30-22:30", "07:00-11:00 11:30-14:30"),
        [(Rule.DAILY_REST, date(2026, 3, 3), D("8.50"), D("11.00"))],
    ),
    # 07:00 to 21:30 = 14 h 30 of amplitude > 24 h − 11 h = 13 h, for 8 h 30 of work.
    "amplitude de 14 h 30 (horaire coupé)": Case(
        week(MONDAY, "07:00-11:00 17:00-21:30"),
        [(Rule.AMPLITUDE, MONDAY, D("14.50"), D("13.00"))],
    ),
    # 08:00–14:30 without a break: 6 h 30 > 6 h.
    "6 h 30 sans pause": Case(
        week(MONDAY, "08:00-14:30"), [(Rule.BREAK, MONDAY, D("6.50"), D("6.00"))]
    ),
    # Exactly 6 h then stop: the limit is reached, not exceeded.
    "6 h sans pause puis fin": Case(week(MONDAY, "08:00-14:00"), []),
    # A pause of 10 min is not the 20 min break: 3 h + 3 h 50 = 6 h 50 in one stretch.
    "pause trop courte": Case(
        week(MONDAY, "08:00-11:00 11:10-15:00"),
        [(Rule.BREAK, MONDAY, D("6.83"), D("6.00"))],
    ),
    # Monday to Saturday 7 h, and Sunday 08:00–12:00: 7 days > 6 (L3132-1). The longest rest
    # inside the week is Saturday 16:00 → Sunday 08:00 = 16 h < 24 h + 11 h (L3132-2).
    "sept jours sur sept": Case(
        week(MONDAY, *["08:00-12:00 13:00-16:00"] * 6, "08:00-12:00"),
        [
            (Rule.DAYS_PER_WEEK, MONDAY, D(7), D(6)),
            (Rule.WEEKLY_REST, MONDAY, D("16.00"), D("35.00")),
        ],
    ),
    # Monday to Saturday, Saturday ending at 22:00, next Monday at 08:00: 34 h of rest
    # < 24 h + 11 h = 35 h (L3132-2), though only 6 days are worked.
    "repos hebdomadaire de 34 h": Case(
        week(
            MONDAY,
            *["08:00-12:00 13:00-16:00"] * 5,
            "14:00-18:00 18:30-22:00",
            "",
            "08:00-12:00",
        ),
        [(Rule.WEEKLY_REST, MONDAY, D("34.00"), D("35.00"))],
        last=date(2026, 3, 9),
    ),
    # Seven days worked after a long weekend: the 69 h rest from Friday 27 February 17:00 to
    # Monday 2 March 14:00 has only 14 h in the week, so it is not this week's rest; the
    # longest rest inside the week is a night of 17 h (16:00 → 09:00).
    "sept jours après un long week-end": Case(
        {
            **week(date(2026, 2, 23), *["09:00-12:00 13:00-17:00"] * 5),
            **week(MONDAY, "14:00-18:00 18:30-22:00", *["09:00-12:00 13:00-16:00"] * 6),
        },
        [
            (Rule.DAYS_PER_WEEK, MONDAY, D(7), D(6)),
            (Rule.WEEKLY_REST, MONDAY, D("17.00"), D("35.00")),
        ],
        first=date(2026, 2, 23),
    ),
    # Saturday 13:00 → Monday 08:00 = 43 h ≥ 35 h, 35 h of it in the week: satisfied.
    "repos du samedi midi au lundi": Case(
        week(MONDAY, *["08:00-12:00 13:00-16:00"] * 5, "08:00-13:00", "", "08:00-12:00"),
        [],
        last=date(2026, 3, 9),
    ),
    # Night 22:00–06:00 (30 min pause at 02:00) belongs to Monday; Tuesday starts at 14:00:
    # 06:00 → 14:00 = 8 h < 11 h.
    "poste de nuit puis poste d'après-midi": Case(
        week(MONDAY, "22:00-02:00 02:30-06:00", "14:00-18:00 18:30-21:30"),
        [(Rule.DAILY_REST, date(2026, 3, 3), D("8.00"), D("11.00"))],
    ),
    # A day declared as 11 h in total, without times: its duration is checked, not its rests.
    "journée déclarée en total": Case(
        {}, [(Rule.DAILY_MAXIMUM, MONDAY, D("11.00"), D("10.00"))], totals={MONDAY: D(11)}
    ),
    # Forfait jours: no hourly maximum (L3121-62), but the 11 h rest still applies
    # (08:00–13:00 + 14:00–20:00 = 11 h of work, amplitude 12 h, 6 h stretch).
    "forfait jours, journée de 11 h": Case(
        week(MONDAY, "08:00-13:00 14:00-20:00"), [], facts=PersonFacts(days_package=True)
    ),
    "la même journée au temps plein": Case(
        week(MONDAY, "08:00-13:00 14:00-20:00"),
        [(Rule.DAILY_MAXIMUM, MONDAY, D("11.00"), D("10.00"))],
    ),
    # Young worker of 16 (L3162-1): 4 h + 4 h 30 = 8 h 30 > 8 h a day; 5 × 8 h 30 = 42 h 30 >
    # 35 h a week. The afternoon stretch is exactly 4 h 30: allowed (L3162-3).
    "jeune de 16 ans, 8 h 30 par jour": Case(
        week(MONDAY, *["08:00-12:00 13:00-17:30"] * 5),
        [
            *[(Rule.DAILY_MAXIMUM, date(2026, 3, d), D("8.50"), D("8.00")) for d in range(2, 7)],
            (Rule.WEEKLY_MAXIMUM, MONDAY, D("42.50"), D("35.00")),
        ],
        facts=AGED_16,
    ),
    # Young worker: 4 h 45 without a 30 min pause > 4 h 30 (L3162-3).
    "jeune de 16 ans, 4 h 45 d'affilée": Case(
        week(MONDAY, "08:00-12:45"), [(Rule.BREAK, MONDAY, D("4.75"), D("4.50"))], facts=AGED_16
    ),
    # Under 16: 14 h of rest (L3164-1). Monday ends 17:00, Tuesday starts 06:00: 13 h.
    "jeune de 15 ans, repos de 13 h": Case(
        week(MONDAY, "08:00-12:00 13:00-17:00", "06:00-10:00"),
        [(Rule.DAILY_REST, date(2026, 3, 3), D("13.00"), D("14.00"))],
        facts=AGED_15,
    ),
    # Young worker (L3164-2): Monday to Friday and Sunday, only Saturday free: no two
    # consecutive days of rest (Sunday 1 March and Monday 9 March are outside the timeline
    # and count as rest, yet neither is next to a free day).
    "jeune de 16 ans, un seul jour de repos": Case(
        week(MONDAY, *["08:00-12:00 13:00-15:00"] * 5, "", "08:00-12:00"),
        [(Rule.WEEKLY_REST, MONDAY, D(24), D(48))],
        facts=AGED_16,
    ),
    # Part time of 20 h a week, without derogation: below 24 h (L3123-7).
    "temps partiel de 20 h": Case(
        week(MONDAY, *["09:00-13:00"] * 5),
        [(Rule.PART_TIME_MINIMUM, MONDAY, D("20.00"), D("24.00"))],
        facts=PersonFacts(part_time_weekly_hours=D(20)),
    ),
    "temps partiel de 20 h à la demande du salarié": Case(
        week(MONDAY, *["09:00-13:00"] * 5),
        [],
        facts=PersonFacts(part_time_weekly_hours=D(20), part_time_minimum_waived=True),
    ),
    # 24 h contract, 27 h worked: 3 h of complementary hours > 24 h / 10 = 2 h 24 (L3123-28).
    "heures complémentaires au-delà du dixième": Case(
        week(MONDAY, "08:00-12:00 13:00-16:00", *["08:00-12:00 13:00-17:00"] * 2, "08:00-12:00"),
        [(Rule.COMPLEMENTARY_HOURS, MONDAY, D("3.00"), D("2.40"))],
        facts=PersonFacts(part_time_weekly_hours=D(24)),
    ),
    # The same week under an agreement allowing one third (L3123-20): 8 h allowed.
    "heures complémentaires dans le tiers": Case(
        week(MONDAY, "08:00-12:00 13:00-16:00", *["08:00-12:00 13:00-17:00"] * 2, "08:00-12:00"),
        [],
        facts=PersonFacts(
            part_time_weekly_hours=D(24), accord=AccordSettings(complementary_fraction=D(1) / 3)
        ),
    ),
    # 30 h contract, one third allowed (10 h), 35 h worked: 5 h of complementary hours, within
    # the third, but they bring the week to the legal duration (L3123-9).
    "heures complémentaires atteignant 35 h": Case(
        week(MONDAY, *["09:00-12:00 13:00-17:00"] * 5),
        [(Rule.COMPLEMENTARY_LEGAL_DURATION, MONDAY, D("35.00"), D("35.00"))],
        facts=PersonFacts(
            part_time_weekly_hours=D(30), accord=AccordSettings(complementary_fraction=D(1) / 3)
        ),
    ),
    # 215 h of overtime before; a week of 5 × 8 h 36 = 43 h adds 8 h: 223 h > 220 h
    # (D3121-24).
    "contingent annuel dépassé": Case(
        week(MONDAY, *["08:00-12:00 13:00-17:36"] * 5),
        [(Rule.OVERTIME_CONTINGENT, MONDAY, D("223.00"), D("220.00"))],
        facts=PersonFacts(overtime_before=D(215)),
    ),
    "contingent fixé à 300 h par accord": Case(
        week(MONDAY, *["08:00-12:00 13:00-17:36"] * 5),
        [],
        facts=PersonFacts(
            overtime_before=D(215), accord=AccordSettings(overtime_contingent_hours=D(300))
        ),
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_breaches(case: Case) -> None:
    found = check(
        case.facts, timeline(case.days, case.first, case.last, case.totals), case.start, case.end
    )
    got = [(b.rule, b.start_date, b.measured, b.limit) for b in found]
    assert sorted(got) == sorted(case.expected)


# 12 weeks of 5 × 9 h 12 = 46 h, from Monday 5 January to Sunday 29 March 2026.
TWELVE_WEEKS = every_day(date(2026, 1, 5), date(2026, 3, 29), "08:00-12:00 13:00-18:12")


def test_average_over_twelve_weeks_above_44_hours() -> None:
    # (12 × 46 h) / 12 = 46 h > 44 h (L3121-22), on the last week; no single week > 48 h.
    found = check(
        ADULT,
        timeline(TWELVE_WEEKS, date(2026, 1, 5), date(2026, 3, 29)),
        date(2026, 3, 23),
        date(2026, 3, 29),
    )
    assert [(b.rule, b.start_date, b.measured, b.limit) for b in found] == [
        (Rule.WEEKLY_AVERAGE, date(2026, 3, 23), D("46.00"), D("44.00"))
    ]


def test_average_allowed_up_to_46_hours_by_agreement() -> None:
    facts = PersonFacts(accord=AccordSettings(weekly_average_max_hours=D(46)))
    tl = timeline(TWELVE_WEEKS, date(2026, 1, 5), date(2026, 3, 29))
    assert check(facts, tl, date(2026, 3, 23), date(2026, 3, 29)) == []


def test_average_not_judged_on_fewer_than_twelve_known_weeks() -> None:
    # Known from 12 January only: the 12 weeks ending 29 March are not all known.
    tl = timeline(TWELVE_WEEKS, date(2026, 1, 12), date(2026, 3, 29))
    assert check(ADULT, tl, date(2026, 3, 23), date(2026, 3, 29)) == []


def test_breach_carries_its_article_and_the_times_of_a_short_rest() -> None:
    days = week(MONDAY, "14:00-18:00 18:30-22:30", "07:00-11:00 11:30-14:30")
    (breach,) = check(ADULT, timeline(days, MONDAY, SUNDAY), MONDAY, SUNDAY)
    assert breach.article == "C. trav. art. L3131-1"
    assert (breach.starts_at, breach.ends_at) == (
        datetime(2026, 3, 2, 22, 30),
        datetime(2026, 3, 3, 7, 0),
    )


def test_young_worker_article() -> None:
    (breach,) = check(AGED_16, timeline(week(MONDAY, "08:00-12:45")), MONDAY, SUNDAY)
    assert breach.young
    assert breach.article == "C. trav. art. L3162-3"


def test_days_outside_the_checked_period_give_context_only() -> None:
    # The short rest is on Tuesday 3 March; checking from Wednesday on finds nothing, checking
    # Tuesday alone finds it (Monday, outside, is the context).
    days = week(MONDAY, "14:00-18:00 18:30-22:30", "07:00-11:00 11:30-14:30")
    tl = timeline(days, MONDAY, SUNDAY)
    assert check(ADULT, tl, date(2026, 3, 4), SUNDAY) == []
    assert [b.rule for b in check(ADULT, tl, date(2026, 3, 3), date(2026, 3, 3))] == [
        Rule.DAILY_REST
    ]


def test_turning_18_lifts_the_young_workers_limit() -> None:
    # Born 4 March 2008: 17 on Tuesday 3 March 2026, 18 from Wednesday 4 March.
    facts = PersonFacts(birth_date=date(2008, 3, 4))
    days = week(MONDAY, *["08:00-12:00 13:00-17:30"] * 3)
    found = check(facts, timeline(days, MONDAY, SUNDAY), MONDAY, SUNDAY)
    daily = [(b.start_date, b.young) for b in found if b.rule == Rule.DAILY_MAXIMUM]
    assert daily == [(date(2026, 3, 2), True), (date(2026, 3, 3), True)]
