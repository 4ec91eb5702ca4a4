"""Candidates erased two years after the last contact: the command is idempotent, the audit
entries are redacted and never removed, hired candidates and recent ones stay."""

from __future__ import annotations

import datetime as dt
import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from effectif.core.models import AuditAction, AuditEntry
from effectif.hiring.models import Candidate, CandidateLetter, CandidateStatus, Interview
from effectif.hiring.services.candidates import candidate_move
from effectif.hiring.services.letters import letter_generate
from effectif.hiring.services.retention import (
    REDACTED,
    candidate_erase,
    erasure_date,
    purge_candidates,
    retention_deadline,
)
from effectif.hiring.tests.conftest import NOW, PARIS
from effectif.hiring.tests.factories import InterviewFactory

pytestmark = pytest.mark.django_db


def test_the_deadline_is_two_years_back():
    assert retention_deadline(NOW) == dt.datetime(2024, 3, 2, 10, 0, tzinfo=PARIS)
    leap = dt.datetime(2028, 2, 29, 12, 0, tzinfo=PARIS)
    assert retention_deadline(leap).date() == dt.date(2026, 2, 28)


def test_erasure_date_moves_with_each_contact(recruiting):
    assert erasure_date(recruiting.received) == dt.date(2028, 3, 2)


@pytest.fixture
def aged(recruiting, hr_manager, time_machine):
    """The rejected candidate, with an interview, a letter and audit entries, last contacted
    two years and a day ago."""
    candidate = recruiting.rejected
    candidate.cv.save("cv.pdf", ContentFile(b"%PDF-1.4 x"), save=True)
    interview = InterviewFactory(
        candidate=candidate, scheduled_at=NOW, place="Siège", assessment="Bon profil"
    )
    letter = letter_generate(candidate=candidate, kind="refus_candidature", by=hr_manager)
    candidate_move(candidate=candidate, status=CandidateStatus.RECEIVED, by=hr_manager)
    files = [candidate.cv.path, letter.file.path]
    Candidate.objects.filter(pk=candidate.pk).update(last_contact_at=NOW - dt.timedelta(days=731))
    hired = recruiting.offered
    hired.status = CandidateStatus.HIRED
    hired.save()
    Candidate.objects.filter(pk=hired.pk).update(last_contact_at=NOW - dt.timedelta(days=3000))
    return candidate, interview, letter, files


def test_the_purge_erases_data_and_redacts_the_trail(
    aged, recruiting, django_capture_on_commit_callbacks
):
    candidate, interview, letter, files = aged
    entries = list(
        AuditEntry.objects.filter(target_type="hiring.Candidate", target_id=str(candidate.pk))
    )
    assert any(candidate.last_name.upper() in e.target_label.upper() for e in entries)
    total = AuditEntry.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        result = purge_candidates(now=NOW)

    assert result.candidates == 1
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert not Interview.objects.filter(pk=interview.pk).exists()
    assert not CandidateLetter.objects.filter(pk=letter.pk).exists()
    assert all(not os.path.exists(path) for path in files)
    assert Candidate.objects.filter(pk=recruiting.offered.pk).exists()  # hired: kept
    assert Candidate.objects.filter(pk=recruiting.received.pk).exists()  # recent: kept
    # Never removed: one more entry, the erasure itself, and the old ones redacted.
    assert AuditEntry.objects.count() == total + 1
    about = AuditEntry.objects.filter(
        target_type__in=["hiring.Candidate", "hiring.Interview", "hiring.CandidateLetter"],
        target_id__in=[str(candidate.pk), str(interview.pk), str(letter.pk)],
    )
    for entry in about:
        assert candidate.last_name.lower() not in (entry.target_label + entry.detail).lower()
        assert "@" not in str(entry.changes)
    redacted = about.exclude(action=AuditAction.DELETE)
    assert redacted.count() == len(entries) + 1  # plus the letter's creation
    assert all(e.detail == REDACTED for e in redacted)
    erased = about.get(action=AuditAction.DELETE)
    assert erased.actor is None
    assert "2 ans" in erased.detail
    assert erased.employer_id == recruiting.world.employer.pk


def test_the_command_is_idempotent(aged):
    out = io.StringIO()
    call_command("purge_candidates", stdout=out, now="2026-03-02T10:00")
    assert "1 candidat" in out.getvalue()
    count = AuditEntry.objects.count()
    out = io.StringIO()
    call_command("purge_candidates", stdout=out, now="2026-03-02T10:00")
    assert "Aucun candidat" in out.getvalue()
    assert AuditEntry.objects.count() == count


def test_the_dry_run_changes_nothing(aged):
    candidate = aged[0]
    out = io.StringIO()
    call_command("purge_candidates", "--dry-run", stdout=out, now="2026-03-02T10:00")
    assert "1 candidat" in out.getvalue()
    assert Candidate.objects.filter(pk=candidate.pk).exists()


def test_a_new_contact_postpones_the_erasure(aged):
    candidate = aged[0]
    Candidate.objects.filter(pk=candidate.pk).update(last_contact_at=NOW - dt.timedelta(days=10))
    assert purge_candidates(now=NOW).candidates == 0


def test_hr_erases_a_candidate_on_request(
    recruiting, client_for, hr_manager, manager_user, django_capture_on_commit_callbacks
):
    candidate = recruiting.received
    path = candidate.cv.path
    url = reverse("hiring:candidate_delete", args=[candidate.pk])
    assert client_for(manager_user).post(url).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(hr_manager).post(url, {"motif": "Demande reçue par e-mail"})
    assert response.status_code == 302
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert not os.path.exists(path)
    erased = AuditEntry.objects.get(
        action=AuditAction.DELETE, target_type="hiring.Candidate", target_id=str(candidate.pk)
    )
    assert erased.actor == hr_manager
    assert "Demande reçue par e-mail" in erased.detail


def test_a_hired_candidate_is_not_erased_from_here(recruiting, hr_manager):
    recruiting.offered.status = CandidateStatus.HIRED
    recruiting.offered.save()
    with pytest.raises(ValidationError):
        candidate_erase(candidate=recruiting.offered, by=hr_manager)
