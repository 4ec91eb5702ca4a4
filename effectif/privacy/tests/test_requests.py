"""Rights requests: the deadline of RGPD art. 12.3, its extension, the answer, the to-do."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from effectif.core.deadlines import deadlines
from effectif.core.models import AuditAction, AuditEntry
from effectif.privacy.models import RequestStatus, RightKind
from effectif.privacy.services.requests import (
    request_answer,
    request_create,
    request_extend,
    request_record,
)
from effectif.privacy.tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def _request(world, hr_manager, received=dt.date(2026, 5, 20), kind=RightKind.ACCESS):
    return request_create(
        employee=world.member, kind=kind, received_date=received, details="", by=hr_manager
    )


def test_a_request_is_due_within_the_month(world, hr_manager):
    request = _request(world, hr_manager)
    assert request.deadline_date == dt.date(2026, 6, 20)
    assert request.employer == world.employer
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, target_id=str(request.pk))


def test_a_request_cannot_be_received_tomorrow(world, hr_manager):
    with pytest.raises(ValidationError, match="futur"):
        _request(world, hr_manager, received=TODAY + dt.timedelta(days=1))


def test_the_extension_adds_two_months_once_with_a_reason(world, hr_manager):
    request = _request(world, hr_manager)
    with pytest.raises(ValidationError, match="motif"):
        request_extend(request=request, reason=" ", by=hr_manager)
    extended = request_extend(request=request, reason="Dossier de 12 ans", by=hr_manager)
    assert extended.deadline_date == dt.date(2026, 8, 20)
    assert extended.status == RequestStatus.IN_PROGRESS
    with pytest.raises(ValidationError, match="déjà été prolongé"):
        request_extend(request=extended, reason="Encore", by=hr_manager)


def test_the_extension_must_be_announced_within_the_first_month(world, hr_manager):
    late = _request(world, hr_manager, received=dt.date(2026, 4, 1))
    with pytest.raises(ValidationError, match=r"délai d'un mois est dépassé"):
        request_extend(request=late, reason="Trop tard", by=hr_manager)


def test_a_refusal_states_its_reasons_and_the_cnil(world, hr_manager):
    request = _request(world, hr_manager, kind=RightKind.ERASURE)
    with pytest.raises(ValidationError) as error:
        request_answer(
            request=request,
            status=RequestStatus.REFUSED,
            answer="Non.",
            answered_date=TODAY,
            by=hr_manager,
        )
    assert "CNIL" in str(error.value)
    answered = request_answer(
        request=request,
        status=RequestStatus.REFUSED,
        answer="Le registre du personnel doit être gardé 5 ans (R1221-26). Recours : CNIL.",
        answered_date=TODAY,
        by=hr_manager,
    )
    assert answered.answered_by == hr_manager
    assert not answered.is_open
    with pytest.raises(ValidationError, match="déjà reçu sa réponse"):
        request_extend(request=answered, reason="x", by=hr_manager)


def test_what_was_done_is_noted_on_the_request(world, hr_manager):
    request = _request(world, hr_manager, kind=RightKind.RECTIFICATION)
    request_record(request=request, by=hr_manager, what="Adresse corrigée dans le dossier")
    request.refresh_from_db()
    assert request.actions[0]["what"] == "Adresse corrigée dans le dossier"
    assert request.actions[0]["by"] == "Rita Rh"
    assert request.status == RequestStatus.IN_PROGRESS


def test_open_requests_are_in_the_hr_to_do_overdue_ones_too(world, hr_manager, admin_user):
    due = _request(world, hr_manager)
    overdue = _request(world, hr_manager, received=dt.date(2026, 1, 5))
    items = deadlines.collect(
        hr_manager,
        TODAY - dt.timedelta(days=30),
        TODAY + dt.timedelta(days=60),
        kinds=["rights_request"],
    )
    assert [item.url for item in items] == [overdue.get_absolute_url(), due.get_absolute_url()]
    assert items[1].title == f"Demande d'accès de {world.member.display_name}, reçue le 20/05/2026"
    assert "12.3" in items[1].rule
    assert items[0].overdue(TODAY)
    assert deadlines.collect(
        admin_user, TODAY, TODAY + dt.timedelta(days=60), kinds=["rights_request"]
    )
    request_answer(
        request=due,
        status=RequestStatus.ANSWERED,
        answer="Archive remise.",
        answered_date=TODAY,
        by=hr_manager,
    )
    left = deadlines.collect(
        hr_manager, TODAY, TODAY + dt.timedelta(days=60), kinds=["rights_request"]
    )
    assert [item.url for item in left] == [overdue.get_absolute_url()]  # until answered


def test_the_to_do_shows_nothing_to_those_who_do_not_handle_rights(
    world, hr_manager, hr_assistant, manager_user
):
    _request(world, hr_manager)
    for user in (hr_assistant, manager_user):
        assert not deadlines.collect(
            user, TODAY, TODAY + dt.timedelta(days=60), kinds=["rights_request"]
        )
