"""The visits due, case by case. Every expected date is worked out by hand from the article
cited in the comment (C. trav.); months are calendar months (5 January + 3 months = 5 April,
31 January + 3 months = 30 April), day counts are calendar days, both bounds included.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from effectif.rules.health.facts import (
    Absence,
    AbsenceKind,
    DueVisit,
    HealthFacts,
    PastVisit,
    Reason,
    VisitKind,
)
from effectif.rules.health.schedule import add_years, spells, visits_due

K = VisitKind
R = Reason
A = AbsenceKind

ON = date(2026, 2, 1)
#: Born 1990: the mid-career visit falls in 2035, out of the way of most cases.
BASE = HealthFacts(birth_date=date(1990, 4, 2), start=date(2026, 1, 5))
MID_2035 = (K.MID_CAREER, date(2035, 12, 31), R.MID_CAREER)
#: Hired 1 March 2020, VIP held 12 May 2020.
SETTLED = replace(
    BASE,
    start=date(2020, 3, 1),
    visits=(PastVisit(K.VIP_INITIAL, date(2020, 5, 12)),),
)
#: The same, with a recent VIP: its renewal (2030) leaves the return-to-work cases alone.
RECENT = replace(SETTLED, visits=(PastVisit(K.VIP_PERIODIC, date(2025, 6, 1)),))
VIP_2030 = (K.VIP_PERIODIC, date(2030, 6, 1), R.VIP_PERIODIC)


def summary(due: list[DueVisit]) -> list[tuple[str, date, str]]:
    return [(d.kind, d.due_date, d.reason) for d in due]


def visit(kind: VisitKind, held: date, next_by: date | None = None) -> PastVisit:
    return PastVisit(kind, held, next_by)


STANDARD = [
    # R4624-10: within 3 months of taking up the post, 5 January → 5 April.
    ("new hire", BASE, ON, [(K.VIP_INITIAL, date(2026, 4, 5), R.VIP_HIRING), MID_2035]),
    # 31 January + 3 months: April has 30 days → 30 April.
    (
        "hired on the 31st",
        replace(BASE, start=date(2026, 1, 31)),
        ON,
        [(K.VIP_INITIAL, date(2026, 4, 30), R.VIP_HIRING), MID_2035],
    ),
    # Hired in 2014, before the 2017 reform, no visit recorded: today's rules apply from the
    # start (1 September 2014 + 3 months = 1 December 2014), overdue until HR records the visits.
    (
        "hired before the reform",
        replace(BASE, start=date(2014, 9, 1)),
        ON,
        [(K.VIP_INITIAL, date(2014, 12, 1), R.VIP_HIRING), MID_2035],
    ),
    # R4624-18 2°: 18 on 15 June 2026, hired 5 January at 17 → before the assignment.
    (
        "under 18",
        replace(BASE, birth_date=date(2008, 6, 15)),
        ON,
        [
            (K.VIP_INITIAL, date(2026, 1, 5), R.VIP_BEFORE_MINOR),
            (K.MID_CAREER, date(2053, 12, 31), R.MID_CAREER),
        ],
    ),
    # R4624-18 1°: a night worker from the start → before the assignment.
    (
        "night worker",
        replace(BASE, night_since=date(2026, 1, 5)),
        ON,
        [(K.VIP_INITIAL, date(2026, 1, 5), R.VIP_BEFORE_NIGHT), MID_2035],
    ),
    # R4624-16: VIP 12 May 2020 + 5 years = 12 May 2025, overdue on 1 February 2026.
    ("periodic", SETTLED, ON, [(K.VIP_PERIODIC, date(2025, 5, 12), R.VIP_PERIODIC), MID_2035]),
    # R4624-17: a disabled worker, 3 years → 12 May 2023.
    (
        "disabled",
        replace(SETTLED, disabled=True),
        ON,
        [(K.VIP_PERIODIC, date(2023, 5, 12), R.VIP_ADAPTED), MID_2035],
    ),
    # R4624-17: a night worker, 3 years → 12 May 2023.
    (
        "night worker periodic",
        replace(SETTLED, night_since=date(2020, 3, 1)),
        ON,
        [(K.VIP_PERIODIC, date(2023, 5, 12), R.VIP_ADAPTED), MID_2035],
    ),
    # R4624-16: the professional set the next visit within 4 years → 12 May 2024.
    (
        "periodicity set by the professional",
        replace(SETTLED, visits=(visit(K.VIP_INITIAL, date(2020, 5, 12), date(2024, 5, 12)),)),
        ON,
        [(K.VIP_PERIODIC, date(2024, 5, 12), R.SET_BY_PROFESSIONAL), MID_2035],
    ),
    # R4624-15: a VIP held 1 June 2023, within 5 years before the hiring (5 January 2021 on)
    # spares the hiring VIP; its renewal: 1 June 2028.
    (
        "recent VIP spares the hiring one",
        replace(BASE, visits=(visit(K.VIP_PERIODIC, date(2023, 6, 1)),)),
        ON,
        [(K.VIP_PERIODIC, date(2028, 6, 1), R.VIP_PERIODIC), MID_2035],
    ),
    # 1 June 2020 is before 5 January 2021: too old, the hiring VIP is due.
    (
        "old VIP does not",
        replace(BASE, visits=(visit(K.VIP_PERIODIC, date(2020, 6, 1)),)),
        ON,
        [(K.VIP_INITIAL, date(2026, 4, 5), R.VIP_HIRING), MID_2035],
    ),
    # A disabled worker: 3 years back from 5 January 2026 is 5 January 2023; June 2022 is older.
    (
        "disabled: 3-year window",
        replace(BASE, disabled=True, visits=(visit(K.VIP_PERIODIC, date(2022, 6, 1)),)),
        ON,
        [(K.VIP_INITIAL, date(2026, 4, 5), R.VIP_HIRING), MID_2035],
    ),
    # Night work from 2 March 2026, not yet begun on 1 February: the VIP before the assignment
    # (R4624-18 1°) and the 5-year renewal still apply.
    (
        "moved to night work",
        replace(SETTLED, night_since=date(2026, 3, 2)),
        ON,
        [
            (K.VIP_PERIODIC, date(2025, 5, 12), R.VIP_PERIODIC),
            (K.VIP_INITIAL, date(2026, 3, 2), R.VIP_NIGHT_ASSIGNMENT),
            MID_2035,
        ],
    ),
    # Once at night (1 April): 3 years from the last VIP → 12 May 2023.
    (
        "moved to night work, later",
        replace(SETTLED, night_since=date(2026, 3, 2)),
        date(2026, 4, 1),
        [
            (K.VIP_PERIODIC, date(2023, 5, 12), R.VIP_ADAPTED),
            (K.VIP_INITIAL, date(2026, 3, 2), R.VIP_NIGHT_ASSIGNMENT),
            MID_2035,
        ],
    ),
    # A VIP held 15 February 2026, within 3 months before the assignment, covers it; renewal
    # 3 years later, 15 February 2029.
    (
        "moved to night work after a VIP",
        replace(
            SETTLED,
            night_since=date(2026, 3, 2),
            visits=(*SETTLED.visits, visit(K.VIP_PERIODIC, date(2026, 2, 15))),
        ),
        date(2026, 4, 1),
        [(K.VIP_PERIODIC, date(2029, 2, 15), R.VIP_ADAPTED), MID_2035],
    ),
]

REINFORCED = [
    # R4624-24: the aptitude exam before the assignment; it stands in for the VIP.
    (
        "new hire on a risky post",
        replace(BASE, reinforced_since=date(2026, 1, 5)),
        ON,
        [(K.APTITUDE_INITIAL, date(2026, 1, 5), R.APTITUDE_BEFORE_ASSIGNMENT), MID_2035],
    ),
    # R4624-28: exam 10 March 2024 → intermediate visit by 10 March 2026, renewal by 10 March
    # 2028.
    (
        "cycle",
        replace(
            BASE,
            start=date(2024, 3, 1),
            reinforced_since=date(2024, 3, 1),
            visits=(visit(K.APTITUDE_INITIAL, date(2024, 3, 10)),),
        ),
        ON,
        [
            (K.INTERMEDIATE, date(2026, 3, 10), R.INTERMEDIATE),
            (K.APTITUDE_PERIODIC, date(2028, 3, 10), R.APTITUDE_RENEWAL),
            MID_2035,
        ],
    ),
    # The intermediate visit held on 20 January 2026: only the renewal remains.
    (
        "intermediate held",
        replace(
            BASE,
            start=date(2024, 3, 1),
            reinforced_since=date(2024, 3, 1),
            visits=(
                visit(K.APTITUDE_INITIAL, date(2024, 3, 10)),
                visit(K.INTERMEDIATE, date(2026, 1, 20)),
            ),
        ),
        ON,
        [(K.APTITUDE_PERIODIC, date(2028, 3, 10), R.APTITUDE_RENEWAL), MID_2035],
    ),
    # Moved to a risky post on 1 September 2025: a VIP is no aptitude exam.
    (
        "moved to a risky post",
        replace(SETTLED, reinforced_since=date(2025, 9, 1)),
        ON,
        [(K.APTITUDE_INITIAL, date(2025, 9, 1), R.APTITUDE_BEFORE_ASSIGNMENT), MID_2035],
    ),
    # R4624-27: an exam of 1 December 2023, within 2 years before the assignment (1 September
    # 2023 on), spares it: intermediate by 1 December 2025, renewal by 1 December 2027.
    (
        "recent exam spares the first",
        replace(
            BASE,
            start=date(2025, 9, 1),
            reinforced_since=date(2025, 9, 1),
            visits=(visit(K.APTITUDE_PERIODIC, date(2023, 12, 1)),),
        ),
        ON,
        [
            (K.INTERMEDIATE, date(2025, 12, 1), R.INTERMEDIATE),
            (K.APTITUDE_PERIODIC, date(2027, 12, 1), R.APTITUDE_RENEWAL),
            MID_2035,
        ],
    ),
    # The physician set the next exam for 10 September 2026 (R4624-28 sets a maximum).
    (
        "exam periodicity set by the physician",
        replace(
            BASE,
            start=date(2024, 3, 1),
            reinforced_since=date(2024, 3, 1),
            visits=(visit(K.APTITUDE_INITIAL, date(2024, 3, 10), date(2026, 9, 10)),),
        ),
        ON,
        [
            (K.INTERMEDIATE, date(2026, 3, 10), R.INTERMEDIATE),
            (K.APTITUDE_PERIODIC, date(2026, 9, 10), R.SET_BY_PROFESSIONAL),
            MID_2035,
        ],
    ),
]


def absent(kind: AbsenceKind, start: date, end: date) -> Absence:
    return Absence(kind, start, end)


RETURNS = [
    # R4624-31 1°: after maternity leave, any length; back 22 December + 8 days = 30 December.
    (
        "maternity",
        replace(RECENT, absences=(absent(A.MATERNITY, date(2025, 9, 1), date(2025, 12, 21)),)),
        ON,
        [(K.RETURN, date(2025, 12, 30), R.RETURN_MATERNITY), VIP_2030, MID_2035],
    ),
    # 4°: 1 October to 29 November = 31 + 29 = 60 days; back 30 November + 8 = 8 December.
    (
        "illness of 60 days",
        replace(RECENT, absences=(absent(A.ILLNESS, date(2025, 10, 1), date(2025, 11, 29)),)),
        ON,
        [(K.RETURN, date(2025, 12, 8), R.RETURN_ILLNESS), VIP_2030, MID_2035],
    ),
    # 59 days: no return-to-work visit.
    (
        "illness of 59 days",
        replace(RECENT, absences=(absent(A.ILLNESS, date(2025, 10, 1), date(2025, 11, 28)),)),
        ON,
        [VIP_2030, MID_2035],
    ),
    # A stoppage of 31 days and its extension of 29 days the next day: one spell of 60 days.
    (
        "stoppage and extension",
        replace(
            RECENT,
            absences=(
                absent(A.ILLNESS, date(2025, 11, 1), date(2025, 11, 29)),
                absent(A.ILLNESS, date(2025, 10, 1), date(2025, 10, 31)),
            ),
        ),
        ON,
        [(K.RETURN, date(2025, 12, 8), R.RETURN_ILLNESS), VIP_2030, MID_2035],
    ),
    # A day at work (1 November) between them: 31 and 30 days, neither reaches 60.
    (
        "two stoppages",
        replace(
            RECENT,
            absences=(
                absent(A.ILLNESS, date(2025, 10, 1), date(2025, 10, 31)),
                absent(A.ILLNESS, date(2025, 11, 2), date(2025, 12, 1)),
            ),
        ),
        ON,
        [VIP_2030, MID_2035],
    ),
    # 3°: work accident, 1 to 30 October = 30 days; back 31 October + 8 = 8 November.
    (
        "work accident of 30 days",
        replace(RECENT, absences=(absent(A.WORK_ACCIDENT, date(2025, 10, 1), date(2025, 10, 30)),)),
        ON,
        [(K.RETURN, date(2025, 11, 8), R.RETURN_WORK_ACCIDENT), VIP_2030, MID_2035],
    ),
    (
        "work accident of 29 days",
        replace(RECENT, absences=(absent(A.WORK_ACCIDENT, date(2025, 10, 1), date(2025, 10, 29)),)),
        ON,
        [VIP_2030, MID_2035],
    ),
    # 2°: occupational disease, 3 days; back 4 October + 8 = 12 October.
    (
        "occupational disease of 3 days",
        replace(
            RECENT,
            absences=(absent(A.OCCUPATIONAL_DISEASE, date(2025, 10, 1), date(2025, 10, 3)),),
        ),
        ON,
        [(K.RETURN, date(2025, 10, 12), R.RETURN_OCCUPATIONAL_DISEASE), VIP_2030, MID_2035],
    ),
    # Before the décret n° 2022-372: 30 days were enough after an illness begun before
    # 1 April 2022. 1 February to 5 March 2022 = 28 + 5 = 33 days; back 6 March + 8 = 14 March.
    (
        "illness of 33 days begun before April 2022",
        replace(SETTLED, absences=(absent(A.ILLNESS, date(2022, 2, 1), date(2022, 3, 5)),)),
        date(2022, 6, 1),
        [
            (K.RETURN, date(2022, 3, 14), R.RETURN_ILLNESS),
            (K.VIP_PERIODIC, date(2025, 5, 12), R.VIP_PERIODIC),
            MID_2035,
        ],
    ),
    # The same length begun on 1 April 2022 (to 3 May: 30 + 3 = 33 days): below 60.
    (
        "illness of 33 days begun in April 2022",
        replace(SETTLED, absences=(absent(A.ILLNESS, date(2022, 4, 1), date(2022, 5, 3)),)),
        date(2022, 6, 1),
        [(K.VIP_PERIODIC, date(2025, 5, 12), R.VIP_PERIODIC), MID_2035],
    ),
    # The return-to-work exam held on 1 December 2025.
    (
        "return visit held",
        replace(
            RECENT,
            absences=(absent(A.ILLNESS, date(2025, 10, 1), date(2025, 11, 29)),),
            visits=(*RECENT.visits, visit(K.RETURN, date(2025, 12, 1))),
        ),
        ON,
        [VIP_2030, MID_2035],
    ),
    # A stoppage still running until 30 April 2026: back 1 May + 8 = 9 May.
    (
        "stoppage still running",
        replace(RECENT, absences=(absent(A.ILLNESS, date(2026, 1, 10), date(2026, 4, 30)),)),
        ON,
        [(K.RETURN, date(2026, 5, 9), R.RETURN_ILLNESS), VIP_2030, MID_2035],
    ),
]

#: Born 14 July 1981: 45 in 2026.
BORN_1981 = replace(RECENT, birth_date=date(1981, 7, 14))
MID_CAREER = [
    # L4624-2-2: during the calendar year of the 45th birthday → by 31 December 2026.
    (
        "45 this year",
        BORN_1981,
        ON,
        [(K.MID_CAREER, date(2026, 12, 31), R.MID_CAREER), VIP_2030],
    ),
    # Held on 1 June 2024, within the 2 years before (1 January 2024 on).
    (
        "held in advance",
        replace(BORN_1981, visits=(*RECENT.visits, visit(K.MID_CAREER, date(2024, 6, 1)))),
        ON,
        [VIP_2030],
    ),
    (
        "held too early",
        replace(BORN_1981, visits=(*RECENT.visits, visit(K.MID_CAREER, date(2023, 12, 31)))),
        ON,
        [(K.MID_CAREER, date(2026, 12, 31), R.MID_CAREER), VIP_2030],
    ),
    # 45 in 2021, before the law came into force (31 March 2022).
    ("45 before the law", replace(RECENT, birth_date=date(1976, 7, 14)), ON, [VIP_2030]),
    # A branch agreement sets 50: born 1976 → by 31 December 2026.
    (
        "age set by agreement",
        replace(RECENT, birth_date=date(1976, 7, 14), mid_career_age=50),
        ON,
        [(K.MID_CAREER, date(2026, 12, 31), R.MID_CAREER_AGREEMENT), VIP_2030],
    ),
    # Hired in 2027, after the year of the 45th birthday.
    (
        "hired after the year",
        replace(BORN_1981, start=date(2027, 2, 1), visits=()),
        date(2027, 3, 1),
        [(K.VIP_INITIAL, date(2027, 5, 1), R.VIP_HIRING)],
    ),
]

ENDINGS = [
    # A fixed-term contract ending 15 March 2026: the VIP (5 April) would fall after it.
    ("short fixed term", replace(BASE, end=date(2026, 3, 15)), ON, []),
    # A fixed-term contract ending 30 June 2026 in the year of the 45th birthday.
    (
        "mid-career within the contract",
        replace(BORN_1981, end=date(2026, 6, 30)),
        ON,
        [(K.MID_CAREER, date(2026, 6, 30), R.MID_CAREER)],
    ),
    # L4624-2-1: a worker under reinforced follow-up leaving on 30 June 2026.
    (
        "post-exposure visit",
        replace(
            BASE,
            start=date(2024, 3, 1),
            end=date(2026, 6, 30),
            reinforced_since=date(2024, 3, 1),
            visits=(visit(K.APTITUDE_INITIAL, date(2024, 3, 10)),),
        ),
        ON,
        [
            (K.INTERMEDIATE, date(2026, 3, 10), R.INTERMEDIATE),
            (K.POST_EXPOSURE, date(2026, 6, 30), R.POST_EXPOSURE),
        ],
    ),
    # After the departure only the post-exposure visit remains.
    (
        "after the departure",
        replace(
            BASE,
            start=date(2024, 3, 1),
            end=date(2025, 12, 31),
            reinforced_since=date(2024, 3, 1),
            visits=(visit(K.APTITUDE_INITIAL, date(2024, 3, 10)),),
        ),
        ON,
        [(K.POST_EXPOSURE, date(2025, 12, 31), R.POST_EXPOSURE)],
    ),
    ("after the departure, standard", replace(SETTLED, end=date(2025, 12, 31)), ON, []),
]


def _ids(cases: list[tuple[str, HealthFacts, date, list[tuple[str, date, str]]]]) -> list[str]:
    return [case[0] for case in cases]


@pytest.mark.parametrize(
    ("name", "facts", "on", "expected"),
    STANDARD + REINFORCED + RETURNS + MID_CAREER + ENDINGS,
    ids=_ids(STANDARD + REINFORCED + RETURNS + MID_CAREER + ENDINGS),
)
def test_visits_due(
    name: str, facts: HealthFacts, on: date, expected: list[tuple[str, date, str]]
) -> None:
    assert summary(visits_due(facts, on)) == expected


def test_each_visit_cites_its_article_and_keeps_its_key() -> None:
    due = visits_due(
        replace(RECENT, absences=(absent(A.ILLNESS, date(2025, 10, 1), date(2025, 11, 29)),)),
        ON,
    )
    first = due[0]
    assert first.basis.startswith("C. trav. art. R4624-31")
    assert first.basis.endswith("4°")
    assert first.key == "reprise:illness:2025-10-01"
    assert first.since == date(2025, 11, 30)
    hiring = visits_due(BASE, ON)[0]
    assert (hiring.key, hiring.basis) == ("vip:2026-01-05", "C. trav. art. R4624-10")
    # The key stays the same when the stoppage is extended: the visit planned is moved, not
    # duplicated.
    longer = visits_due(
        replace(RECENT, absences=(absent(A.ILLNESS, date(2025, 10, 1), date(2025, 12, 31)),)),
        ON,
    )
    assert longer[0].key == first.key
    assert longer[0].due_date == date(2026, 1, 9)


def test_spells_merge_only_touching_absences_of_one_kind() -> None:
    merged = spells(
        [
            absent(A.ILLNESS, date(2025, 1, 1), date(2025, 1, 10)),
            absent(A.WORK_ACCIDENT, date(2025, 1, 11), date(2025, 1, 20)),
            absent(A.ILLNESS, date(2025, 1, 8), date(2025, 1, 15)),  # overlaps the first
            absent(A.ILLNESS, date(2025, 1, 16), date(2025, 1, 31)),  # the next day
        ]
    )
    assert merged == [
        absent(A.ILLNESS, date(2025, 1, 1), date(2025, 1, 31)),
        absent(A.WORK_ACCIDENT, date(2025, 1, 11), date(2025, 1, 20)),
    ]


def test_add_years_of_29_february() -> None:
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert add_years(date(2024, 2, 29), 5) == date(2029, 2, 28)


def test_every_parameter_cites_its_article() -> None:
    from effectif.rules.parameters.health import ALL

    for parameter in ALL:
        for value in parameter:
            assert value.source.startswith("C. trav. art. "), parameter.name
