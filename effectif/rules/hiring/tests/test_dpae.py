"""The DPAE's content (C. trav. R1221-1) and its deadline: before the hire (L1221-10), not
more than 8 days earlier. Plain facts, no database."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from effectif.rules.hiring.dpae import (
    DpaeFacts,
    data_problems,
    earliest_filing,
    earliest_filing_day,
    needs_trial_length,
    timing_problem,
    trial_days,
)
from effectif.rules.identity.generate import make_nir, make_siren, make_siret

PARIS = ZoneInfo("Europe/Paris")
HIRE = dt.datetime(2026, 4, 1, 9, 0, tzinfo=PARIS)
SIREN = make_siren(123)

COMPLETE = DpaeFacts(
    employer_name="Atelier Durand",
    naf_code="62.01Z",
    employer_address="1 rue de la Paix, 75002 Paris",
    siret=make_siret(SIREN, 1),
    health_service="SPST Paris",
    last_name="Martin",
    first_names="Camille",
    sex="F",
    birth_date=dt.date(1990, 4, 2),
    birth_place="Lyon",
    birth_country="France",
    nir=make_nir(sex="F", birth_date=dt.date(1990, 4, 2), department="69", commune=123, order=7),
    nir_absence_reason="",
    hire_at=HIRE,
    contract_start=HIRE.date(),
    contract_kind="cdi",
    contract_end=None,
    trial_end=dt.date(2026, 5, 31),
)


def with_(**changes):
    return dataclasses.replace(COMPLETE, **changes)


def test_complete_facts_have_no_problem():
    assert data_problems(COMPLETE) == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"siret": ""}, "siret"),
        ({"siret": "12345678901234"}, "siret"),  # wrong key
        ({"naf_code": ""}, "naf_code"),
        ({"health_service": ""}, "health_service"),
        ({"employer_address": " "}, "employer_address"),
        ({"birth_place": ""}, "birth_place"),
        ({"birth_date": None}, "birth_date"),
        ({"sex": ""}, "sex"),
        ({"nir": ""}, "nir_absence_reason"),  # no NIR and no reason given
        ({"nir": "290046912300799"}, "nir"),  # wrong key
        ({"hire_at": None}, "hire_at"),
        ({"hire_at": HIRE + dt.timedelta(days=1)}, "hire_at"),  # not the contract's start
        ({"contract_kind": "cdd", "contract_end": None}, "contract_end"),
    ],
)
def test_each_missing_or_wrong_item_is_named_with_its_article(changes, field):
    problems = data_problems(with_(**changes))
    assert [p.field for p in problems] == [field]
    assert problems[0].article == "C. trav. R1221-1"


def test_a_nir_absent_for_a_reason_is_accepted():
    assert data_problems(with_(nir="", nir_absence_reason="Immatriculation en cours")) == []


def test_a_nir_that_contradicts_the_sex_is_refused():
    problems = data_problems(with_(sex="M"))
    assert [p.field for p in problems] == ["nir"]


def test_the_window_opens_8_days_before():
    assert earliest_filing(HIRE) == dt.date(2026, 3, 24)
    assert earliest_filing_day(HIRE.date()) == dt.date(2026, 3, 24)  # the to-do's day


@pytest.mark.parametrize(
    ("declared", "article", "fragment"),
    [
        (HIRE - dt.timedelta(minutes=1), None, None),
        (HIRE, None, None),  # at the hour of hire, before the work starts
        (dt.datetime(2026, 3, 24, 8, 0, tzinfo=PARIS), None, None),  # 8 days before
        (HIRE + dt.timedelta(minutes=30), "C. trav. L1221-10", "après l'embauche"),
        (dt.datetime(2026, 4, 3, 9, 0, tzinfo=PARIS), "C. trav. L1221-10", "L8221-5"),
        (
            dt.datetime(2026, 3, 23, 18, 0, tzinfo=PARIS),
            "C. trav. L1221-10, R1221-1 s.",
            "24/03/2026",
        ),
    ],
)
def test_a_declaration_after_the_hire_or_too_early_is_an_error(declared, article, fragment):
    problem = timing_problem(HIRE, declared)
    if article is None:
        assert problem is None
        return
    assert problem is not None
    assert problem.article == article
    assert fragment in problem.message


@pytest.mark.parametrize(
    ("kind", "end", "trial_end", "needed", "days"),
    [
        ("cdi", None, dt.date(2026, 5, 31), True, 61),
        ("cdi", None, None, True, None),
        ("cdd", dt.date(2026, 6, 30), dt.date(2026, 4, 13), False, 13),  # 3 months: not needed
        ("cdd", dt.date(2026, 12, 31), dt.date(2026, 4, 30), True, 30),  # 9 months: needed
    ],
)
def test_the_trial_length_is_declared_for_a_cdi_and_a_cdd_over_six_months(
    kind, end, trial_end, needed, days
):
    facts = with_(contract_kind=kind, contract_end=end, trial_end=trial_end)
    assert needs_trial_length(facts) is needed
    assert trial_days(facts) == days
