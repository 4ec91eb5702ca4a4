"""What the checks need to know of a person, and the limits that follow on each day.

The limits come from the dated parameters of `parameters.working_time`; a collective agreement
may move some of them within what the law allows (`AccordSettings`), and workers under 18 have
their own, which no agreement loosens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from effectif.rules.parameters.smic import LEGAL_WEEKLY_HOURS
from effectif.rules.parameters.working_time import (
    BREAK,
    DAILY_MAXIMUM,
    DAILY_REST,
    OVERTIME,
    PART_TIME,
    SOLIDARITY_DAY_HOURS,
    WEEKLY_AVERAGE_MAXIMUM,
    WEEKLY_MAXIMUM,
    WEEKLY_REST,
    YOUNG_WORKERS,
)
from effectif.rules.working_time.timeline import minutes_of


@dataclass(frozen=True, slots=True)
class AccordSettings:
    """Values set by a collective agreement; None keeps the legal default."""

    daily_max_hours: Decimal | None = None  # up to 12 h (L3121-19)
    weekly_average_max_hours: Decimal | None = None  # up to 46 h (L3121-23)
    complementary_fraction: Decimal | None = None  # up to 1/3 (L3123-20)
    overtime_contingent_hours: Decimal | None = None  # any figure the agreement sets (L3121-33)


def accord_problems(accord: AccordSettings, on: date) -> list[str]:
    """The settings an agreement may not choose, by field name (empty when lawful)."""
    problems = []
    daily = DAILY_MAXIMUM.at(on)
    if accord.daily_max_hours is not None and not (
        0 < accord.daily_max_hours <= daily.accord_limit
    ):
        problems.append("daily_max_hours")
    average = WEEKLY_AVERAGE_MAXIMUM.at(on).hours
    if accord.weekly_average_max_hours is not None and not (
        0 < accord.weekly_average_max_hours <= average.accord_limit
    ):
        problems.append("weekly_average_max_hours")
    fraction = PART_TIME.at(on).complementary_fraction
    if accord.complementary_fraction is not None and not (
        0 <= accord.complementary_fraction <= fraction.accord_limit
    ):
        problems.append("complementary_fraction")
    if accord.overtime_contingent_hours is not None and accord.overtime_contingent_hours < 0:
        problems.append("overtime_contingent_hours")
    return problems


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """One person, as the checks see them.

    `part_time_weekly_hours` is the contractual weekly duration of a part-time contract (None
    at full time); `days_package` marks a forfait jours, to which the hourly maximums and
    overtime do not apply (L3121-62); `overtime_before` is the overtime already worked in the
    contingent's year before the checked period.
    """

    birth_date: date | None = None
    part_time_weekly_hours: Decimal | None = None
    part_time_minimum_waived: bool = False
    days_package: bool = False
    accord: AccordSettings = field(default_factory=AccordSettings)
    solidarity_days: frozenset[date] = frozenset()
    overtime_before: Decimal = Decimal(0)

    @property
    def part_time(self) -> bool:
        return self.part_time_weekly_hours is not None

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        birthday_passed = (day.month, day.day) >= (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - (0 if birthday_passed else 1)


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits of one day, in minutes (days for `max_days`)."""

    young: bool
    daily_max: int
    weekly_max: int
    average_max: int
    average_weeks: int
    daily_rest: int
    weekly_rest: int  # consecutive minutes (24 h + the daily rest)
    weekly_rest_days: int  # consecutive whole days for young workers, else 0
    max_days: int
    break_minutes: int
    break_after: int
    legal_week: int
    overtime_first_band: int
    contingent: int
    complementary_fraction: Decimal
    part_time_minimum: int
    solidarity_day: int


#: Age classes: 0 adult, 1 from 16 to 17, 2 under 16.
ADULT, YOUNG, UNDER_16 = 0, 1, 2


def _age_class(facts: PersonFacts, day: date) -> int:
    age = facts.age_on(day)
    if age is None:
        return ADULT
    young = YOUNG_WORKERS.at(day)
    if age >= young.age:
        return ADULT
    return UNDER_16 if age < 16 else YOUNG


@lru_cache(maxsize=1024)
def resolve_limits(on: date, age_class: int, accord: AccordSettings) -> Limits:
    """The limits on a day for an age class under an agreement."""
    daily, average = DAILY_MAXIMUM.at(on), WEEKLY_AVERAGE_MAXIMUM.at(on)
    rest, weekly_rest, pause = DAILY_REST.at(on), WEEKLY_REST.at(on), BREAK.at(on)
    overtime, part_time = OVERTIME.at(on), PART_TIME.at(on)
    daily_max = accord.daily_max_hours or daily.default
    weekly_max = WEEKLY_MAXIMUM.at(on)
    rest_hours, rest_days = rest, 0
    break_minutes, break_after = pause.minutes, pause.after_hours
    if age_class != ADULT:
        young = YOUNG_WORKERS.at(on)
        daily_max, weekly_max = young.daily_hours, young.weekly_hours
        rest_hours = (
            young.daily_rest_hours_under_16 if age_class == UNDER_16 else young.daily_rest_hours
        )
        rest_days = young.weekly_rest_days
        break_minutes, break_after = young.break_minutes, young.break_after_hours
    return Limits(
        young=age_class != ADULT,
        daily_max=minutes_of(daily_max),
        weekly_max=minutes_of(weekly_max),
        average_max=minutes_of(accord.weekly_average_max_hours or average.hours.default),
        average_weeks=average.weeks,
        daily_rest=minutes_of(rest_hours),
        weekly_rest=minutes_of(weekly_rest.hours + rest_hours),
        weekly_rest_days=rest_days,
        max_days=weekly_rest.max_days,
        break_minutes=break_minutes,
        break_after=minutes_of(break_after),
        legal_week=minutes_of(Decimal(LEGAL_WEEKLY_HOURS.at(on))),
        overtime_first_band=minutes_of(overtime.first_band_hours),
        contingent=minutes_of(
            overtime.contingent_hours
            if accord.overtime_contingent_hours is None
            else accord.overtime_contingent_hours
        ),
        complementary_fraction=(
            part_time.complementary_fraction.default
            if accord.complementary_fraction is None
            else accord.complementary_fraction
        ),
        part_time_minimum=minutes_of(part_time.minimum_weekly_hours),
        solidarity_day=minutes_of(SOLIDARITY_DAY_HOURS.at(on)),
    )


_PARAMETERS = (
    BREAK,
    DAILY_MAXIMUM,
    DAILY_REST,
    OVERTIME,
    PART_TIME,
    SOLIDARITY_DAY_HOURS,
    WEEKLY_AVERAGE_MAXIMUM,
    WEEKLY_MAXIMUM,
    WEEKLY_REST,
    YOUNG_WORKERS,
    LEGAL_WEEKLY_HOURS,
)


def _changes(facts: PersonFacts, first: date, last: date) -> list[date]:
    """Days after `first` on which the limits may change: a parameter's new value, or a
    birthday at 16 or 18."""
    days = {
        value.start
        for parameter in _PARAMETERS
        for value in parameter.values
        if first < value.start <= last
    }
    if facts.birth_date is not None:
        for age in (16, YOUNG_WORKERS.at(last).age):
            try:
                birthday = facts.birth_date.replace(year=facts.birth_date.year + age)
            except ValueError:  # born on 29 February
                birthday = date(facts.birth_date.year + age, 3, 1)
            if first < birthday <= last:
                days.add(birthday)
    return sorted(days)


def daily_limits(facts: PersonFacts, first: date, days: int) -> list[Limits]:
    """The limits of each day from `first`, resolved once per stretch where they are constant."""
    last = first + timedelta(days=days - 1)
    limits: list[Limits] = []
    starts = [first, *_changes(facts, first, last)]
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else last + timedelta(days=1)
        value = resolve_limits(start, _age_class(facts, start), facts.accord)
        limits.extend([value] * (end - start).days)
    return limits
