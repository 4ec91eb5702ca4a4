"""A breach of a working-time limit: which rule, under which article, on which day or week.

The rules name breaches by code and figures; the application words them for the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum


class Rule(StrEnum):
    DAILY_MAXIMUM = "duree_quotidienne"
    WEEKLY_MAXIMUM = "duree_hebdomadaire"
    WEEKLY_AVERAGE = "moyenne_hebdomadaire"
    DAILY_REST = "repos_quotidien"
    AMPLITUDE = "amplitude"
    WEEKLY_REST = "repos_hebdomadaire"
    DAYS_PER_WEEK = "jours_par_semaine"
    BREAK = "pause"
    PART_TIME_MINIMUM = "temps_partiel_minimum"
    COMPLEMENTARY_HOURS = "heures_complementaires"
    COMPLEMENTARY_LEGAL_DURATION = "heures_complementaires_duree_legale"
    OVERTIME_CONTINGENT = "contingent_heures_supplementaires"


#: The article of each rule, for adults and (where they differ) for workers under 18.
ARTICLES: dict[Rule, tuple[str, str]] = {
    Rule.DAILY_MAXIMUM: ("C. trav. art. L3121-18", "C. trav. art. L3162-1"),
    Rule.WEEKLY_MAXIMUM: ("C. trav. art. L3121-20", "C. trav. art. L3162-1"),
    Rule.WEEKLY_AVERAGE: ("C. trav. art. L3121-22", "C. trav. art. L3121-22"),
    Rule.DAILY_REST: ("C. trav. art. L3131-1", "C. trav. art. L3164-1"),
    Rule.AMPLITUDE: (
        "C. trav. art. L3131-1 (Cass. soc. 23/09/2009 n° 07-44.226)",
        "C. trav. art. L3164-1",
    ),
    Rule.WEEKLY_REST: ("C. trav. art. L3132-2", "C. trav. art. L3164-2"),
    Rule.DAYS_PER_WEEK: ("C. trav. art. L3132-1", "C. trav. art. L3132-1"),
    Rule.BREAK: ("C. trav. art. L3121-16", "C. trav. art. L3162-3"),
    Rule.PART_TIME_MINIMUM: ("C. trav. art. L3123-7", "C. trav. art. L3123-7"),
    Rule.COMPLEMENTARY_HOURS: ("C. trav. art. L3123-28", "C. trav. art. L3123-28"),
    Rule.COMPLEMENTARY_LEGAL_DURATION: ("C. trav. art. L3123-9", "C. trav. art. L3123-9"),
    Rule.OVERTIME_CONTINGENT: ("C. trav. art. D3121-24", "C. trav. art. D3121-24"),
}

#: The rules whose figures are counted in days rather than hours.
COUNTED_IN_DAYS = frozenset({Rule.DAYS_PER_WEEK})


@dataclass(frozen=True, slots=True)
class Breach:
    """One limit exceeded (or one minimum not reached).

    `start_date`–`end_date` is the day, the week (Monday to Sunday) or the period concerned;
    `measured` and `limit` are in hours (in days for the days worked in a week); `starts_at`
    and `ends_at` place a short rest or an over-long stretch of work in time.
    """

    rule: Rule
    start_date: date
    end_date: date
    measured: Decimal
    limit: Decimal
    young: bool = False
    starts_at: datetime | None = None
    ends_at: datetime | None = None

    @property
    def article(self) -> str:
        adult, young = ARTICLES[self.rule]
        return young if self.young else adult

    @property
    def in_days(self) -> bool:
        return self.rule in COUNTED_IN_DAYS

    @property
    def key(self) -> tuple[str, date, date]:
        """What identifies a breach when a change is compared with the planning before it."""
        return (self.rule.value, self.start_date, self.end_date)
