"""A recruitment in progress at employer A (the `world` of the root conftest): an approved
requisition of the manager, a published posting, candidates at every stage; and a posting of
employer B that nobody but the administrator sees."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from effectif.core.testing import sample_pdf
from effectif.hiring.models import (
    Candidate,
    CandidateSource,
    CandidateStatus,
    JobPosting,
    PostingStatus,
    RequisitionStatus,
)
from effectif.hiring.tests.factories import (
    CandidateFactory,
    InterviewFactory,
    JobPostingFactory,
    JobRequisitionFactory,
)
from effectif.organisation.models import HealthService
from effectif.organisation.tests.factories import PositionFactory

PARIS = ZoneInfo("Europe/Paris")
NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=PARIS)  # a Monday
PDF = sample_pdf("CV")


def pdf_upload(name: str = "cv.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def now(time_machine: Any) -> dt.datetime:
    time_machine.move_to(NOW, tick=False)
    return NOW


def _candidate(posting: JobPosting, last: str, status: str, **extra: Any) -> Candidate:
    return CandidateFactory(
        posting=posting, last_name=last, status=status, source=CandidateSource.HR, **extra
    )


@pytest.fixture
def recruiting(world: Any, manager_user: Any, now: dt.datetime) -> SimpleNamespace:
    health = HealthService.objects.create(name="SPST Paris")
    world.establishment.health_service = health
    world.establishment.save()
    position = PositionFactory(
        employer=world.employer,
        department=world.team,
        title="Comptable",
        purpose="Tenir la comptabilité générale.",
        tasks="Saisie, rapprochements, déclarations de TVA.",
        required_skills="BTS comptabilité ou expérience équivalente.",
        classification="Position 2.1",
    )
    requisition = JobRequisitionFactory(
        position=position,
        department=world.team,
        status=RequisitionStatus.APPROVED,
        requested_by=manager_user,
    )
    posting = JobPostingFactory(
        requisition=requisition,
        position=position,
        establishment=world.establishment,
        reference="2026-001",
        summary=position.purpose,
        tasks=position.tasks,
        profile=position.required_skills,
        start_date=dt.date(2026, 4, 1),
        pay_range="32 000 à 36 000 € bruts annuels",
        status=PostingStatus.PUBLISHED,
        published_at=timezone.now(),
    )
    other_position = PositionFactory(employer=world.other_employer, title="Boulanger")
    other_posting = JobPostingFactory(
        position=other_position,
        reference="2026-001",
        title="Boulanger (H/F)",
        summary="Pétrir et cuire.",
        status=PostingStatus.PUBLISHED,
        published_at=timezone.now(),
    )
    received = _candidate(
        posting, "Reçu", CandidateStatus.RECEIVED, civility="mme", phone="0601020304"
    )
    received.cv.save("cv.pdf", pdf_upload(), save=True)
    received.cv_filename = "mon-cv.pdf"
    received.save()
    interviewed = _candidate(posting, "Entretenu", CandidateStatus.INTERVIEW, civility="m")
    InterviewFactory(
        candidate=interviewed, scheduled_at=NOW + dt.timedelta(days=2), place="Siège, salle 2"
    )
    offered = _candidate(
        posting,
        "Retenue",
        CandidateStatus.OFFER,
        civility="mme",
        address="3 rue des Lilas",
        postal_code="75011",
        city="Paris",
        phone="0611223344",
    )
    rejected = _candidate(posting, "Refusé", CandidateStatus.REJECTED)
    stranger = _candidate(other_posting, "Ailleurs", CandidateStatus.RECEIVED)
    return SimpleNamespace(
        world=world,
        position=position,
        requisition=requisition,
        posting=posting,
        other_posting=other_posting,
        received=received,
        interviewed=interviewed,
        offered=offered,
        rejected=rejected,
        stranger=stranger,
    )
