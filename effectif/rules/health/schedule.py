"""The visits due for one worker, with their due dates and legal basis.

`visits_due(facts, on)` lists every obligation not yet met on `on`:

- standard follow-up: the information and prevention visit (VIP) within 3 months of taking up
  the post (R4624-10), before the assignment for night workers and workers under 18
  (R4624-18); unless a visit held within the period before the start spares it (R4624-15).
  Then renewed within 5 years at most (R4624-16), 3 for night workers, disabled workers and
  invalidity pensioners (R4624-17), or earlier when the health professional set so;
- reinforced follow-up of the posts of R4624-23: the aptitude exam before the assignment
  (R4624-24), unless one was held in the 2 years before (R4624-27); renewed within 4 years,
  with an intermediate visit by a health professional within 2 years of the exam (R4624-28);
- the return-to-work exam (R4624-31) after maternity leave, an occupational disease, a work
  accident of 30 days or more, a non-occupational illness or accident of 60 days or more (30
  for stoppages begun before 1 April 2022): within 8 days of the return;
- the mid-career visit during the calendar year of the 45th birthday, or at the age a branch
  agreement sets (L4624-2-2);
- the post-exposure visit of a worker under reinforced follow-up when the employment ends
  (L4624-2-1, R4624-28-1).

An obligation falling after the end of the employment is not due; after the end, only the
post-exposure visit remains.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TypeVar

from effectif.rules.health.facts import (
    EXAM_KINDS,
    FOLLOW_UP_KINDS,
    Absence,
    AbsenceKind,
    DueVisit,
    HealthFacts,
    PastVisit,
    Reason,
    VisitKind,
)
from effectif.rules.leave.periods import add_months
from effectif.rules.parameters.base import DatedValue, MissingParameter, Parameter
from effectif.rules.parameters.health import (
    ADAPTED_PERIOD_YEARS,
    MID_CAREER_ADVANCE_YEARS,
    MID_CAREER_AGE,
    MID_CAREER_FROM,
    MINOR_AGE,
    RETURN_DELAY_DAYS,
    RETURN_THRESHOLD_DAYS,
    SIR_DISPENSE_YEARS,
    SIR_INTERMEDIATE_YEARS,
    SIR_RENEWAL_YEARS,
    VIP_DELAY_MONTHS,
    VIP_PERIOD_YEARS,
)

T = TypeVar("T")

_RETURN_REASONS = {
    AbsenceKind.MATERNITY: (Reason.RETURN_MATERNITY, "1°"),
    AbsenceKind.OCCUPATIONAL_DISEASE: (Reason.RETURN_OCCUPATIONAL_DISEASE, "2°"),
    AbsenceKind.WORK_ACCIDENT: (Reason.RETURN_WORK_ACCIDENT, "3°"),
    AbsenceKind.ILLNESS: (Reason.RETURN_ILLNESS, "4°"),
}


def _in_force(parameter: Parameter[T], day: date) -> DatedValue[T]:
    """The value in force on `day`; for a day before the parameter's first value (an employment
    that began before the 2017 reform), its first value: the earlier regime is not modelled,
    HR records the visits held since."""
    return parameter.version_at(max(day, parameter.values[0].start))


def add_years(day: date, years: int) -> date:
    """The same day `years` later (29 February becomes 28 February)."""
    return add_months(day, 12 * years)


def _latest(visits: Iterable[PastVisit]) -> PastVisit | None:
    return max(visits, key=lambda v: v.held_on, default=None)


def adapted_follow_up(facts: HealthFacts, on: date) -> bool:
    """Night workers, disabled workers and invalidity pensioners (R4624-17)."""
    return facts.disabled or (facts.night_since is not None and facts.night_since <= on)


def standard_follow_up(facts: HealthFacts, on: date) -> list[DueVisit]:
    adapted = adapted_follow_up(facts, on)
    period = _in_force(ADAPTED_PERIOD_YEARS if adapted else VIP_PERIOD_YEARS, on)
    last = _latest(v for v in facts.visits if v.kind in FOLLOW_UP_KINDS)
    if last is None or last.held_on < add_years(facts.start, -period.value):
        return [_hiring_vip(facts)]
    due: list[DueVisit] = []
    night = facts.night_since
    if night is not None and night > facts.start:
        delay = _in_force(VIP_DELAY_MONTHS, night).value
        if last.held_on < add_months(night, -delay):
            due.append(
                DueVisit(
                    VisitKind.VIP_INITIAL,
                    Reason.VIP_NIGHT_ASSIGNMENT,
                    night,
                    f"vip-nuit:{night.isoformat()}",
                    "C. trav. art. R4624-18, 1°",
                    night,
                )
            )
    limit = add_years(last.held_on, period.value)
    reason = Reason.VIP_ADAPTED if adapted else Reason.VIP_PERIODIC
    basis = period.source
    if last.next_by is not None and last.next_by < limit:
        limit, reason = last.next_by, Reason.SET_BY_PROFESSIONAL
        basis = f"{_in_force(VIP_PERIOD_YEARS, on).source} (périodicité fixée par le professionnel de santé)"
    due.append(
        DueVisit(
            VisitKind.VIP_PERIODIC,
            reason,
            limit,
            f"vip-periodique:{last.held_on.isoformat()}",
            basis,
            last.held_on,
        )
    )
    return due


def _hiring_vip(facts: HealthFacts) -> DueVisit:
    start = facts.start
    key = f"vip:{start.isoformat()}"
    minor = _in_force(MINOR_AGE, start)
    if add_years(facts.birth_date, minor.value) > start:
        return DueVisit(
            VisitKind.VIP_INITIAL, Reason.VIP_BEFORE_MINOR, start, key, minor.source, start
        )
    if facts.night_since is not None and facts.night_since <= start:
        return DueVisit(
            VisitKind.VIP_INITIAL,
            Reason.VIP_BEFORE_NIGHT,
            start,
            key,
            "C. trav. art. R4624-18, 1°",
            start,
        )
    delay = _in_force(VIP_DELAY_MONTHS, start)
    return DueVisit(
        VisitKind.VIP_INITIAL,
        Reason.VIP_HIRING,
        add_months(start, delay.value),
        key,
        delay.source,
        start,
    )


def reinforced_follow_up(facts: HealthFacts, on: date) -> list[DueVisit]:
    assert facts.reinforced_since is not None
    since = max(facts.reinforced_since, facts.start)
    exam = _latest(v for v in facts.visits if v.kind in EXAM_KINDS)
    dispense = _in_force(SIR_DISPENSE_YEARS, since).value
    if exam is None or exam.held_on < add_years(since, -dispense):
        return [
            DueVisit(
                VisitKind.APTITUDE_INITIAL,
                Reason.APTITUDE_BEFORE_ASSIGNMENT,
                since,
                f"aptitude:{since.isoformat()}",
                "C. trav. art. R4624-24",
                since,
            )
        ]
    renewal = _in_force(SIR_RENEWAL_YEARS, on)
    limit = add_years(exam.held_on, renewal.value)
    reason, basis = Reason.APTITUDE_RENEWAL, renewal.source
    if exam.next_by is not None and exam.next_by < limit:
        limit, reason = exam.next_by, Reason.SET_BY_PROFESSIONAL
        basis = f"{renewal.source} (périodicité fixée par le médecin du travail)"
    held = exam.held_on.isoformat()
    due = [
        DueVisit(
            VisitKind.APTITUDE_PERIODIC,
            reason,
            limit,
            f"aptitude-periodique:{held}",
            basis,
            exam.held_on,
        )
    ]
    intermediate = _in_force(SIR_INTERMEDIATE_YEARS, on)
    by = add_years(exam.held_on, intermediate.value)
    done = any(v.kind == VisitKind.INTERMEDIATE and v.held_on > exam.held_on for v in facts.visits)
    if not done and by < limit:
        due.append(
            DueVisit(
                VisitKind.INTERMEDIATE,
                Reason.INTERMEDIATE,
                by,
                f"intermediaire:{held}",
                intermediate.source,
                exam.held_on,
            )
        )
    return due


def spells(absences: Iterable[Absence]) -> list[Absence]:
    """Absences of one kind that follow each other with no day between (a stoppage and its
    extensions) make one spell."""
    merged: list[Absence] = []
    for absence in sorted(absences, key=lambda a: (a.kind, a.start, a.end)):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == absence.kind
            and absence.start <= previous.end + timedelta(days=1)
        ):
            merged[-1] = Absence(previous.kind, previous.start, max(previous.end, absence.end))
        else:
            merged.append(absence)
    return sorted(merged, key=lambda a: (a.start, a.kind))


def return_to_work(facts: HealthFacts) -> list[DueVisit]:
    due: list[DueVisit] = []
    returns = [v for v in facts.visits if v.kind == VisitKind.RETURN]
    for spell in spells(facts.absences):
        try:
            thresholds = RETURN_THRESHOLD_DAYS.version_at(spell.start)
        except MissingParameter:
            continue
        length = (spell.end - spell.start).days + 1
        if length < thresholds.value[spell.kind]:
            continue
        back = spell.end + timedelta(days=1)
        if back <= facts.start or any(v.held_on >= spell.start for v in returns):
            continue
        reason, item = _RETURN_REASONS[spell.kind]
        delay = _in_force(RETURN_DELAY_DAYS, back).value
        due.append(
            DueVisit(
                VisitKind.RETURN,
                reason,
                back + timedelta(days=delay),
                f"reprise:{spell.kind}:{spell.start.isoformat()}",
                f"{thresholds.source}, {item}",
                back,
            )
        )
    return due


def mid_career(facts: HealthFacts) -> list[DueVisit]:
    agreed = facts.mid_career_age
    age = agreed if agreed is not None else MID_CAREER_AGE.at(MID_CAREER_FROM)
    year = facts.birth_date.year + age
    deadline = date(year, 12, 31)
    if deadline < MID_CAREER_FROM or facts.start > deadline:
        return []
    if facts.end is not None and facts.end < date(year, 1, 1):
        return []
    advance = MID_CAREER_ADVANCE_YEARS.at(MID_CAREER_FROM)
    earliest = date(year - advance, 1, 1)
    if any(v.kind == VisitKind.MID_CAREER and v.held_on >= earliest for v in facts.visits):
        return []
    source = MID_CAREER_AGE.version_at(MID_CAREER_FROM).source
    if agreed is not None:
        reason, basis = Reason.MID_CAREER_AGREEMENT, f"{source} (âge fixé par accord de branche)"
    else:
        reason, basis = Reason.MID_CAREER, source
    if facts.end is not None:
        deadline = min(deadline, facts.end)
    return [
        DueVisit(
            VisitKind.MID_CAREER, reason, deadline, f"mi-carriere:{year}", basis, date(year, 1, 1)
        )
    ]


def post_exposure(facts: HealthFacts) -> list[DueVisit]:
    since, end = facts.reinforced_since, facts.end
    if since is None or end is None:
        return []
    if any(v.kind == VisitKind.POST_EXPOSURE and v.held_on >= since for v in facts.visits):
        return []
    return [
        DueVisit(
            VisitKind.POST_EXPOSURE,
            Reason.POST_EXPOSURE,
            end,
            f"fin-exposition:{end.isoformat()}",
            "C. trav. art. L4624-2-1 et R4624-28-1",
            end,
        )
    ]


def visits_due(facts: HealthFacts, on: date) -> list[DueVisit]:
    """Every visit due and not yet held on `on`, by due date."""
    if facts.end is not None and facts.end < on:
        return post_exposure(facts)
    due: list[DueVisit] = []
    if facts.reinforced_since is not None:
        due.extend(reinforced_follow_up(facts, on))
    else:
        due.extend(standard_follow_up(facts, on))
    due.extend(return_to_work(facts))
    due.extend(mid_career(facts))
    end = facts.end
    if end is not None:
        due = [d for d in due if d.due_date <= end]
    due.extend(post_exposure(facts))
    return sorted(due, key=lambda d: (d.due_date, d.kind))
