"""/api/v1/candidates for every role: the scope of the pages, HR's entries, the pipeline's
rules, French errors; the CV never served."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from effectif.api.tests.conftest import ROLES, fields_of, ids
from effectif.hiring.models import (
    Candidate,
    CandidateStatus,
    PostingStatus,
)
from effectif.hiring.tests.factories import (
    CandidateFactory,
    JobPostingFactory,
    JobRequisitionFactory,
)

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture
def posting(world, manager_user):
    requisition = JobRequisitionFactory(
        position=world.position,
        department=world.team,
        start_date=dt.date(2026, 9, 1),
        budget_amount=Decimal("30000"),
        status="approved",
        requested_by=manager_user,
    )
    return JobPostingFactory(
        requisition=requisition,
        position=world.position,
        reference="2026-001",
        title="Technicien (H/F)",
        summary="Maintenir le parc.",
        status=PostingStatus.PUBLISHED,
        published_at=timezone.now(),
    )


@pytest.fixture
def candidate(posting):
    candidate = CandidateFactory(
        posting=posting, first_names="Lou", last_name="Durand", email="lou@example.test"
    )
    candidate.cv.save("cv.pdf", ContentFile(b"%PDF-1.4 secret"), save=True)
    return candidate


@pytest.fixture
def stranger(world):
    other = JobPostingFactory(
        position=world.other_position,
        reference="2026-001",
        title="Vendeur (H/F)",
        summary="Vendre.",
        status=PostingStatus.PUBLISHED,
    )
    return CandidateFactory(posting=other, first_names="A", last_name="B", email="b@x.test")


SEES = {
    "admin": True,
    "hr_manager": True,
    "hr_ungranted": False,
    "hr_assistant": True,
    "manager": True,  # the candidates of their requisition's posting
    "employee": None,  # 403: no access to recruitment
    "outsider": False,
}


@pytest.mark.parametrize("role", ROLES)
def test_list(api_for, candidate, stranger, role):
    response = api_for(role).get("/api/v1/candidates")
    if role == "anonymous":
        assert response.status_code == 401
        return
    if SEES[role] is None:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    assert (candidate.pk in ids(response)) is SEES[role]
    assert (stranger.pk in ids(response)) is (role == "admin")


DETAIL = {
    "admin": 200,
    "hr_manager": 200,
    "hr_ungranted": 404,
    "hr_assistant": 200,
    "manager": 200,
    "employee": 404,
    "outsider": 404,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", ROLES)
def test_detail_never_exposes_the_cv(api_for, candidate, role):
    response = api_for(role).get(f"/api/v1/candidates/{candidate.pk}")
    assert response.status_code == DETAIL[role]
    if response.status_code == 200:
        data = response.json()
        assert data["has_cv"] is True
        assert data["status"] == "received"
        assert data["status_label"] == "Reçue"
        assert data["posting"]["reference"] == "2026-001"
        assert data["erasure_date"] is not None
        assert "secret" not in response.content.decode()
        assert "candidatures/" not in response.content.decode()  # no file path either


CREATE = {
    "admin": 201,
    "hr_manager": 201,
    "hr_ungranted": 422,  # may enter candidates, but the posting is out of scope
    "hr_assistant": 201,
    "manager": 403,
    "employee": 403,
    "outsider": 422,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", ROLES)
def test_create(api_for, posting, role):
    body = {
        "posting": posting.pk,
        "civility": "mme",
        "first_names": "Camille",
        "last_name": "Martin",
        "email": "camille@example.test",
    }
    response = api_for(role).post("/api/v1/candidates", body, content_type=JSON)
    assert response.status_code == CREATE[role], response.content
    if response.status_code == 201:
        data = response.json()
        assert data["source"] == "api"
        assert data["has_cv"] is False
        assert Candidate.objects.get(pk=data["id"]).employer == posting.employer
    if response.status_code == 422:
        assert "posting" in fields_of(response)


def test_create_refuses_bad_input_in_french(api_for, posting):
    response = api_for("hr_manager").post(
        "/api/v1/candidates",
        {
            "posting": posting.pk,
            "first_names": "",
            "last_name": "X",
            "email": "pas-un-email",
            "x": 1,
        },
        content_type=JSON,
    )
    errors = fields_of(response)
    assert errors["x"] == "Ce champ est inconnu ou ne peut pas être modifié ainsi."
    response = api_for("hr_manager").post(
        "/api/v1/candidates",
        {"posting": posting.pk, "first_names": "", "last_name": "X", "email": "pas-un-email"},
        content_type=JSON,
    )
    errors = fields_of(response)
    assert set(errors) == {"first_names", "email"}
    assert errors["email"] == "Saisissez une adresse de courriel valide."


MOVE = {
    # role: (to shortlist, to reject)
    "admin": (200, 200),
    "hr_manager": (200, 200),
    "hr_ungranted": (404, 404),
    "hr_assistant": (200, 200),
    "manager": (200, 403),
    "employee": (404, 404),
    "outsider": (404, 404),
    "anonymous": (401, 401),
}


@pytest.mark.parametrize("role", ROLES)
def test_status_moves_under_the_pages_rules(api_for, candidate, role):
    client = api_for(role)
    url = f"/api/v1/candidates/{candidate.pk}/status"
    shortlist = client.post(url, {"status": "shortlisted"}, content_type=JSON)
    assert shortlist.status_code == MOVE[role][0], shortlist.content
    reject = client.post(
        url, {"status": "rejected", "comment": "Profil éloigné"}, content_type=JSON
    )
    assert reject.status_code == MOVE[role][1], reject.content
    candidate.refresh_from_db()
    expected = CandidateStatus.RECEIVED
    if MOVE[role][0] == 200:
        expected = CandidateStatus.SHORTLISTED
    if MOVE[role][1] == 200:
        expected = CandidateStatus.REJECTED
    assert candidate.status == expected


def test_hiring_and_unknown_stages_are_refused_with_a_reason(api_for, candidate):
    client = api_for("hr_manager")
    url = f"/api/v1/candidates/{candidate.pk}/status"
    hired = client.post(url, {"status": "hired"}, content_type=JSON)
    assert "Embaucher" in fields_of(hired)["status"]
    unknown = client.post(url, {"status": "bidon"}, content_type=JSON)
    assert fields_of(unknown)["status"] == "Étape inconnue : bidon."
    same = client.post(url, {"status": "received"}, content_type=JSON)
    assert "ne passe pas" in fields_of(same)["status"]
