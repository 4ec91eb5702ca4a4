"""Fuzzing the API from its OpenAPI document (Schemathesis): every operation, called as HR,
as a manager and as an employee with data drawn from the document, valid and invalid, never
answers a server error (HTTP 5xx).

Deterministic: Hypothesis draws derandomized examples, a bounded number per operation, role
and mode, with no shrinking; a failure names the role and gives the request as a curl command
with the server's traceback. Path identifiers are drawn both at random and among the rows of a
small organisation (a leave request, a departure, a candidate, a medical visit, a trip, an
expense report, a budget…), so that the operations reach their services, not only their 404.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import schemathesis
from django.core.signals import got_request_exception, request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode

from effectif.accounts.services import api_token_issue
from effectif.api.tests.conftest import World
from effectif.api.tests.travel_builders import meal, report_draft, trip_submitted
from effectif.budgets.models import Budget
from effectif.departures.services import departure_start
from effectif.health.models import VisitKind
from effectif.health.services import visit_create
from effectif.hiring.models import Candidate, JobPosting, PostingStatus
from effectif.leave.acquisitions import acquisitions_post
from effectif.leave.defaults import leave_types_install_defaults
from effectif.leave.models import LeaveType
from effectif.leave.services import leave_request_submit
from effectif.rules.leave.counting import Span
from effectif.wsgi import application

#: `slow`: about 80 s on two cores; `make test` runs it, `pytest -m "not slow"` skips it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root"), pytest.mark.slow]

SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]

#: The callers: HR granted the employer, the manager of the team, an employee of the team.
ROLES = ("hr_manager", "manager_user", "employee_user")
#: Examples per operation, role and mode (data that fits the document, data that does not):
#: about a minute and a half for the whole API on two cores.
EXAMPLES = 12
#: `HYPOTHESIS_PROFILE=explore` (as for the other property tests) draws fresh random examples,
#: ten times as many, on a developer's machine.
EXPLORING = os.environ.get("HYPOTHESIS_PROFILE") == "explore"


@pytest.fixture
def _wsgi_in_the_test_transaction() -> Iterator[None]:
    """The WSGI handler closes the database connection after each request, which would end
    the test's transaction: keep it open, as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def server_errors() -> Iterator[list[str]]:
    """The tracebacks of the exceptions the views raised, to say why a 500 was answered."""
    caught: list[str] = []

    def record(sender: Any, request: Any = None, **kwargs: Any) -> None:
        caught.append(traceback.format_exc())

    got_request_exception.connect(record)
    yield caught
    got_request_exception.disconnect(record)


@pytest.fixture
def identifiers(world: World, hr_manager, employee_user, time_machine) -> dict[str, list[int]]:
    """A small organisation with a row of every kind; the identifiers by path parameter."""
    time_machine.move_to(dt.datetime(2026, 6, 1, 9, tzinfo=ZoneInfo("Europe/Paris")), tick=False)
    leave_types_install_defaults(employer=world.employer, by=None)
    cp = LeaveType.objects.get(employer=world.employer, code="cp")
    acquisitions_post(leave_type=cp, up_to=dt.date(2026, 5, 31))
    leave = leave_request_submit(
        employee=world.employee_file,
        leave_type=cp,
        span=Span(dt.date(2026, 6, 8), dt.date(2026, 6, 8)),
        by=employee_user,
    ).request
    departure = departure_start(
        contract=world.colleague_contract, reason="licenciement_personnel", by=hr_manager
    )
    posting = JobPosting.objects.create(
        employer=world.employer,
        position=world.position,
        reference="2026-001",
        title="Technicien (H/F)",
        summary="Maintenir le parc.",
        contract_kind="cdi",
        status=PostingStatus.PUBLISHED,
    )
    candidate = Candidate.objects.create(
        employer=world.employer, posting=posting, first_names="Lou", last_name="Durand"
    )
    visit = visit_create(
        employee=world.employee_file,
        kind=VisitKind.VIP_INITIAL,
        due_date=dt.date(2026, 7, 1),
        by=hr_manager,
    )
    trip = trip_submitted(world.employee_file, employee_user)
    report = report_draft(world.employee_file, employee_user, meal(), meal("32.00"))
    budget = Budget.objects.create(department=world.team, year=2026, amount=Decimal("6000"))
    return {
        "employer_id": [world.employer.pk, world.other_employer.pk],
        "establishment_id": [world.establishment.pk, world.other_establishment.pk],
        "department_id": [world.team.pk, world.other_department.pk],
        "position_id": [world.position.pk],
        "employee_id": [world.employee_file.pk, world.manager_file.pk, world.colleague.pk],
        "contract_id": [world.employee_contract.pk, world.colleague_contract.pk],
        "request_id": [leave.pk],
        "departure_id": [departure.pk],
        "candidate_id": [candidate.pk],
        "visit_id": [visit.pk],
        "trip_id": [trip.pk],
        "option_id": list(trip.options.values_list("pk", flat=True)),
        "report_id": [report.pk],
        "line_id": list(report.lines.values_list("pk", flat=True)),
        "budget_id": [budget.pk],
    }


def _known(operation: Any, identifiers: dict[str, list[int]]) -> st.SearchStrategy[Any]:
    """Path parameters among the rows of the data set."""
    names = [
        parameter.name for parameter in operation.path_parameters if parameter.name in identifiers
    ]
    return st.fixed_dictionaries({name: st.sampled_from(identifiers[name]) for name in names})


def _media_type(operation: Any, mode: GenerationMode) -> str | None:
    """JSON for the invalid bodies of an operation that also takes a multipart form (an
    expense line with its receipt): Schemathesis 4 cannot yet make an invalid multipart body
    with a file in it (« Unsupported type: 'Binary' » while generating). Its valid multipart
    bodies are sent, and the receipt's own multipart operation gets both."""
    types = [body.media_type for body in operation.body]
    if mode == GenerationMode.NEGATIVE and len(types) > 1 and "application/json" in types:
        return "application/json"
    return None


def _operation_id(operation: Any) -> str:
    return operation.label


@pytest.mark.usefixtures("_wsgi_in_the_test_transaction")
@pytest.mark.parametrize("operation", OPERATIONS, ids=_operation_id)
def test_no_server_error(
    operation: Any,
    identifiers: dict[str, list[int]],
    server_errors: list[str],
    request: pytest.FixtureRequest,
) -> None:
    for role in ROLES:
        raw, _token = api_token_issue(user=request.getfixturevalue(role))
        headers = {"Authorization": f"Bearer {raw}"}
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            media_type = _media_type(operation, mode)
            cases = st.one_of(
                operation.as_strategy(mode, media_type=media_type),
                _known(operation, identifiers).flatmap(
                    lambda known, mode=mode, media_type=media_type: operation.as_strategy(
                        mode, path_parameters=known, media_type=media_type
                    )
                ),
            )
            _fuzz(cases, headers, server_errors, role)


def _fuzz(
    cases: st.SearchStrategy[Any], headers: dict[str, str], server_errors: list[str], role: str
) -> None:
    @settings(
        max_examples=EXAMPLES * 10 if EXPLORING else EXAMPLES,
        derandomize=not EXPLORING,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(case=cases)
    def run(case: Any) -> None:
        server_errors.clear()
        response = case.call(headers=headers)
        try:
            case.validate_response(response, checks=[not_a_server_error])
        except Exception as failure:
            failure.add_note(f"As {role}.")
            for text in server_errors:
                failure.add_note(text)
            raise

    run()
