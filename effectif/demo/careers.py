"""Careers as plain data: who is hired on what contract, amended and ended when.

The demo story (`effectif.demo.staff`) is written with the `Planner` below; the loader
(`effectif.demo.loading`) then replays every plan through the services, so that the audit trail
reads like three years of real work. Dates are relative to the day of loading: the history
always ends today.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from typing import Any

from effectif.demo.identities import Identity, IdentityMaker, ascii_slug
from effectif.demo.organisation import (
    DAYS_PACKAGE,
    EMPLOYERS_BY_KEY,
    ESTABLISHMENTS_BY_KEY,
    FULL_TIME,
    PART_TIME,
)
from effectif.demo.positions import POSITIONS_BY_KEY, PositionSpec
from effectif.rules.contracts.kinds import ContractKind
from effectif.rules.contracts.trial_period import add_months

FULL_TIME_HOURS = Decimal("151.67")
DAYS_PER_YEAR = 218  # the Syntec and CCN 66 forfait annuel en jours
CENT = Decimal("0.01")

#: Why people left, with their weights, for the people drawn at random (DSN end reasons).
DEPARTURES = (("059", 45), ("043", 30), ("020", 10), ("035", 8), ("034", 7))


@dataclass
class Terms:
    """The terms of a contract from a date on (the fields of `ContractTerms`)."""

    position: str
    establishment: str
    job_title: str
    category: str
    classification: str
    coefficient: str
    working_time: str
    monthly_gross: Decimal
    monthly_hours: Decimal | None = None
    days_per_year: int | None = None


@dataclass
class Amendment:
    on: date
    reason: str
    terms: Terms


@dataclass
class ContractPlan:
    kind: str
    start: date
    terms: Terms
    end: date | None = None
    fixed_term_reason: str = ""
    replaced_person: str = ""
    imprecise_term: bool = False
    amendments: list[Amendment] = field(default_factory=list)
    #: (last day, DSN end reason) once the contract has ended
    ended: tuple[date, str] | None = None

    def current_terms(self) -> Terms:
        return self.amendments[-1].terms if self.amendments else self.terms


@dataclass
class DocumentPlan:
    kind: str
    title: str
    expiry: date | None = None


@dataclass
class StaffPlan:
    """One person's file and career with one employer."""

    key: str
    employer: str
    department: str
    identity: Identity
    education_level: str
    contracts: list[ContractPlan] = field(default_factory=list)
    matricule: str = ""
    work_email: str = ""
    work_phone: str = ""
    account: str | None = None  # user name of the person's account, if they log in
    disability_recognised: bool = False
    disability_end_date: date | None = None
    work_permit: tuple[str, str, date] | None = None  # (type, number, expiry)
    documents: list[DocumentPlan] = field(default_factory=list)

    @property
    def first_start(self) -> date:
        return min(c.start for c in self.contracts)


def weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    """One of the values of a (value, weight) table."""
    return rng.choices([value for value, _ in table], [weight for _, weight in table])[0]


def euros(value: Decimal | float | int) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP).quantize(CENT)


class Planner:
    """Writes careers relative to `today`, drawing everything else from a seeded generator."""

    def __init__(self, today: date, seed: int) -> None:
        self.today = today
        self.rng = random.Random(seed)
        self.people = IdentityMaker(self.rng)
        self.staff: list[StaffPlan] = []
        self.heads: dict[str, str] = {}  # department key → staff key of its manager
        self.emails: set[str] = set()

    # --- dates ---------------------------------------------------------------------------

    def month(self, months_ago: int, day: int = 1) -> date:
        """A day of the month `months_ago` months before this one (negative: ahead)."""
        return add_months(self.today.replace(day=1), -months_ago).replace(day=day)

    def month_end(self, months_ago: int) -> date:
        return self.month(months_ago - 1) - timedelta(days=1)

    def years_ago(self, years: float) -> date:
        return self.month(round(years * 12))

    # --- people --------------------------------------------------------------------------

    def person(
        self,
        key: str,
        position: str,
        *,
        department: str | None = None,
        establishment: str | None = None,
        education: str | None = None,
        head_of: tuple[str, ...] = (),
        **identity: object,
    ) -> StaffPlan:
        spec = POSITIONS_BY_KEY[position]
        area = ESTABLISHMENTS_BY_KEY[establishment or self.establishment_of(spec)].home_area
        plan = StaffPlan(
            key=key,
            employer=spec.employer,
            department=department or spec.department,
            identity=self.people.person(today=self.today, area=area, **identity),  # type: ignore[arg-type]
            education_level=education or self.rng.choice(spec.education),
        )
        self._work_contacts(plan)
        self.staff.append(plan)
        for department_key in head_of:
            self.heads[department_key] = key
        return plan

    def _work_contacts(self, plan: StaffPlan) -> None:
        person = plan.identity
        name = (
            f"{ascii_slug(person.first_names)}.{ascii_slug(person.usage_name or person.last_name)}"
        )
        domain = EMPLOYERS_BY_KEY[plan.employer].mail_domain
        email, n = f"{name}@{domain}", 1
        while email in self.emails:
            n += 1
            email = f"{name}{n}@{domain}"
        self.emails.add(email)
        plan.work_email = email
        plan.work_phone = self.people.phone(mobile=False)

    @staticmethod
    def establishment_of(spec: PositionSpec) -> str:
        return "nancy" if spec.employer == "coteaux" else "paris"

    def terms(
        self,
        plan: StaffPlan,
        position: str,
        *,
        establishment: str | None = None,
        gross: float | None = None,
        hours: Decimal | None = None,
        job_title: str | None = None,
        **overrides: Any,
    ) -> Terms:
        spec = POSITIONS_BY_KEY[position]
        full_gross = Decimal(gross if gross is not None else self.rng.randint(*spec.salary))
        if hours is not None and hours < FULL_TIME_HOURS:
            working_time, days = PART_TIME, None
            monthly_gross = full_gross * hours / FULL_TIME_HOURS
        elif spec.days_package:
            working_time, hours, days, monthly_gross = DAYS_PACKAGE, None, DAYS_PER_YEAR, full_gross
        else:
            working_time, hours, days, monthly_gross = FULL_TIME, FULL_TIME_HOURS, None, full_gross
        terms = Terms(
            position=position,
            establishment=establishment or self.establishment_of(spec),
            job_title=job_title or spec.job_title(plan.identity.sex),
            category=spec.category,
            classification=spec.classification,
            coefficient=spec.coefficient,
            working_time=working_time,
            monthly_gross=euros(monthly_gross),
            monthly_hours=hours,
            days_per_year=days,
        )
        return replace(terms, **overrides)

    # --- contracts -----------------------------------------------------------------------

    def hire(
        self,
        plan: StaffPlan,
        kind: ContractKind,
        start: date,
        terms: Terms,
        *,
        end: date | None = None,
        reason: str = "",
        replaced: str = "",
        imprecise: bool = False,
    ) -> ContractPlan:
        contract = ContractPlan(
            kind=kind.value,
            start=start,
            terms=terms,
            end=end,
            fixed_term_reason=reason,
            replaced_person=replaced,
            imprecise_term=imprecise,
        )
        plan.contracts.append(contract)
        if end is not None and end <= self.today and not imprecise:
            contract.ended = (end, _END_AT_TERM.get(kind, ""))
        return contract

    def amend(self, contract: ContractPlan, on: date, reason: str, **changes: object) -> None:
        """An amendment from `on`, if it falls within the contract and not after today."""
        last_day = contract.ended[0] if contract.ended else contract.end
        if on <= contract.start or on > self.today or (last_day is not None and on > last_day):
            return
        if any(a.on == on for a in contract.amendments) or (
            contract.amendments and on < contract.amendments[-1].on
        ):
            return
        terms = replace(contract.current_terms(), **changes)  # type: ignore[arg-type]
        contract.amendments.append(Amendment(on=on, reason=reason, terms=terms))

    def pay_rise(self, contract: ContractPlan, on: date, percent: float, reason: str = "") -> None:
        current = contract.current_terms().monthly_gross
        gross = euros(current * (1 + Decimal(str(percent)) / 100))
        label = reason or f"Augmentation individuelle de {percent:.1f} %".replace(".", ",")
        self.amend(contract, on, label, monthly_gross=gross)

    def promote(self, contract: ContractPlan, on: date) -> None:
        current = contract.current_terms()
        spec = POSITIONS_BY_KEY[current.position]
        if spec.promotion is None or current.classification == spec.promotion[0]:
            return
        classification, coefficient = spec.promotion
        gross = euros(current.monthly_gross * Decimal("1.07"))
        self.amend(
            contract,
            on,
            f"Évolution de classification : {classification}, coefficient {coefficient}",
            classification=classification,
            coefficient=coefficient,
            monthly_gross=gross,
        )

    def part_time(self, contract: ContractPlan, on: date, share: Decimal, reason: str) -> None:
        current = contract.current_terms()
        if current.working_time != FULL_TIME:
            return
        hours = (FULL_TIME_HOURS * share).quantize(CENT, rounding=ROUND_HALF_UP)
        self.amend(
            contract,
            on,
            reason,
            working_time=PART_TIME,
            monthly_hours=hours,
            monthly_gross=euros(current.monthly_gross * share),
        )

    def full_time(self, contract: ContractPlan, on: date, reason: str) -> None:
        current = contract.current_terms()
        if current.working_time != PART_TIME or current.monthly_hours is None:
            return
        gross = euros(current.monthly_gross * FULL_TIME_HOURS / current.monthly_hours)
        self.amend(
            contract,
            on,
            reason,
            working_time=FULL_TIME,
            monthly_hours=FULL_TIME_HOURS,
            monthly_gross=gross,
        )

    def leave(self, contract: ContractPlan, last_day: date, reason: str) -> None:
        """The contract ends on `last_day` (a resignation, a dismissal, an early end…)."""
        contract.ended = (last_day, reason)
        contract.amendments = [a for a in contract.amendments if a.on <= last_day]

    # --- people drawn at random ----------------------------------------------------------

    def anyone(self, position: str, *, establishment: str | None = None) -> StaffPlan:
        """Someone on `position` with a career drawn at random: long-serving, recently
        hired, gone, or hired on a CDD then kept on a CDI."""
        rng = self.rng
        story = rng.choices(["long", "recent", "gone", "cdd_cdi"], [48, 25, 19, 8])[0]
        departure = weighted(rng, DEPARTURES) if story == "gone" else ""
        retiring = story == "gone" and rng.random() < 0.15
        last_day = self.month_end(rng.randint(1, 33))
        if story == "long":
            start = self._past_start(3, 14)
        elif story == "recent":
            start = self.month(rng.randint(1, 33))
        elif story == "gone" and departure in {"034", "035"}:
            start = last_day - timedelta(days=rng.randint(20, 50))
        elif story == "gone":
            start = self._past_start(1, 10, before=last_day)
        else:
            start = self.month(rng.randint(9, 33))
        # Old enough to have been hired after their studies.
        youngest = max(23, (self.today - start).days // 365 + 21)
        age = (61, 64) if retiring else (youngest, max(youngest + 6, 58))
        plan = self.person(
            f"{position}-{len(self.staff)}", position, establishment=establishment, age=age
        )
        terms = self.terms(plan, position, establishment=establishment)
        if story == "cdd_cdi":
            cdd_end = add_months(start, 6) - timedelta(days=1)
            self.hire(plan, ContractKind.CDD, start, terms, end=cdd_end, reason="accroissement")
            start = cdd_end + timedelta(days=1)
        contract = self.hire(plan, ContractKind.CDI, start, terms)
        self._career_events(contract)
        if story == "gone":
            self.leave(contract, last_day, "039" if retiring else departure)
        return plan

    def _past_start(self, min_years: int, max_years: int, before: date | None = None) -> date:
        start = self.month(self.rng.randint(min_years * 12, max_years * 12))
        if before is not None and start >= before:
            start = add_months(before, -12).replace(day=1)
        return start

    def _career_events(self, contract: ContractPlan) -> None:
        """Raises, a promotion, a spell of part-time work: what three years bring."""
        rng = self.rng
        events: list[tuple[date, Callable[[date], None]]] = []
        for year in range(self.today.year - 2, self.today.year + 1):
            if rng.random() < 0.45:
                percent = rng.choice([1.5, 2.0, 2.5, 3.0, 4.0])
                events.append(
                    (date(year, rng.choice([1, 4, 7]), 1), partial(self._rise, contract, percent))
                )
        if rng.random() < 0.18:
            events.append((self.month(rng.randint(2, 30)), partial(self.promote, contract)))
        if rng.random() < 0.08:
            start = self.month(rng.randint(8, 30))
            events.append((start, partial(self._parental_part_time, contract)))
            events.append((add_months(start, 12), partial(self._back_full_time, contract)))
        for on, event in sorted(events, key=lambda item: item[0]):
            event(on)

    def _rise(self, contract: ContractPlan, percent: float, on: date) -> None:
        self.pay_rise(contract, on, percent)

    def _parental_part_time(self, contract: ContractPlan, on: date) -> None:
        reason = "Passage à temps partiel à 80 % (congé parental d'éducation)"
        self.part_time(contract, on, Decimal("0.8"), reason)

    def _back_full_time(self, contract: ContractPlan, on: date) -> None:
        self.full_time(contract, on, "Reprise à temps plein")

    def number(self, prefixes: dict[str, str]) -> None:
        """Matricules in order of hiring, per employer: AN0001, AN0002…"""
        counters: dict[str, int] = {}
        for plan in sorted(self.staff, key=lambda p: (p.first_start, p.key)):
            counters[plan.employer] = counters.get(plan.employer, 0) + 1
            plan.matricule = f"{prefixes[plan.employer]}{counters[plan.employer]:04d}"


#: The DSN end reason of a fixed-term contract that reached its term.
_END_AT_TERM = {
    ContractKind.CDD: "031",
    ContractKind.INTERIM: "032",
    ContractKind.APPRENTICESHIP: "081",
}
