"""Requisitions, postings and candidates through their services: decisions, publication
checks, applications, the pipeline, interviews; every change audited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from effectif.core.models import AuditAction, AuditEntry
from effectif.hiring.models import (
    Candidate,
    CandidateStatus,
    Interview,
    JobRequisition,
    PostingStatus,
    RequisitionStatus,
)
from effectif.hiring.services.candidates import (
    application_attempt,
    candidate_apply,
    candidate_move,
    client_hash,
    interview_save,
)
from effectif.hiring.services.postings import (
    next_reference,
    posting_from_position,
    posting_publish,
    posting_save,
    review,
)
from effectif.hiring.services.requisitions import (
    requisition_approve,
    requisition_refuse,
    requisition_save,
)
from effectif.hiring.tests.conftest import NOW, pdf_upload

pytestmark = pytest.mark.django_db


def _entries(target):
    return AuditEntry.objects.filter(target_type=target._meta.label, target_id=str(target.pk))


def test_a_manager_raises_a_requisition_and_hr_decides(recruiting, manager_user, hr_manager):
    requisition = requisition_save(
        requisition=JobRequisition(
            employer=recruiting.world.employer,
            position=recruiting.position,
            reason="remplacement",
            replaced_person="Mme Petit, comptable",
            contract_kind="cdd",
            fixed_term_reason="remplacement",
            start_date=dt.date(2026, 5, 4),
            end_date=dt.date(2026, 10, 30),
            budget_amount=Decimal("15000"),
        ),
        by=manager_user,
    )
    assert requisition.status == RequisitionStatus.SUBMITTED
    assert requisition.department == recruiting.world.team  # the position's department
    with pytest.raises(ValidationError) as refused:
        requisition_refuse(requisition=requisition, by=hr_manager, comment="  ")
    assert "comment" in refused.value.message_dict
    approved = requisition_approve(requisition=requisition, by=hr_manager, comment="OK")
    assert approved.status == RequisitionStatus.APPROVED
    assert approved.decided_by == hr_manager
    with pytest.raises(ValidationError):
        requisition_save(requisition=approved, by=manager_user)  # decided: frozen
    assert list(_entries(requisition).values_list("action", flat=True)) == [
        AuditAction.UPDATE,
        AuditAction.CREATE,
    ]


def test_a_replacement_names_the_person_and_a_cdd_its_end(recruiting, manager_user):
    with pytest.raises(ValidationError) as error:
        requisition_save(
            requisition=JobRequisition(
                employer=recruiting.world.employer,
                position=recruiting.position,
                reason="remplacement",
                contract_kind="cdd",
                start_date=dt.date(2026, 5, 4),
                budget_amount=Decimal("15000"),
            ),
            by=manager_user,
        )
    assert {"replaced_person", "end_date"} <= set(error.value.message_dict)


def test_a_posting_is_drafted_from_the_fiche_de_poste(recruiting, hr_manager):
    draft = posting_from_position(position=recruiting.position, requisition=recruiting.requisition)
    assert draft.title == "Comptable (H/F)"
    assert draft.summary == "Tenir la comptabilité générale."
    assert draft.tasks.startswith("Saisie")
    assert draft.start_date == dt.date(2026, 4, 1)
    saved = posting_save(posting=draft, by=hr_manager)
    assert saved.reference == "2026-002"  # 2026-001 is taken
    assert saved.status == PostingStatus.DRAFT
    assert next_reference(recruiting.world.employer, 2026) == "2026-003"


def test_publication_is_refused_for_a_gendered_title_or_discriminatory_wording(
    recruiting, hr_manager
):
    draft = posting_from_position(position=recruiting.position)
    draft.title = "Comptable"
    draft.profile = "Jeune diplômé, célibataire de préférence."
    posting = posting_save(posting=draft, by=hr_manager)
    result = review(posting)
    assert [f.term.ground for f in result.findings] == ["age", "famille"]
    assert {m.article for m in result.blocking} == {
        "C. trav. L1142-1",
        "C. trav. L1132-1, L1142-1, L5331-2 ; C. pén. 225-2",
    }
    with pytest.raises(ValidationError) as refused:
        posting_publish(posting=posting, by=hr_manager)
    text = " ".join(refused.value.messages)
    assert "L1142-1" in text
    assert "jeune diplômé" in text
    assert "première expérience" in text
    posting.refresh_from_db()
    assert posting.status == PostingStatus.DRAFT  # nothing half-done

    posting.title = "Comptable (H/F)"
    posting.profile = "Première expérience acceptée."
    posting_save(posting=posting, by=hr_manager)
    published = posting_publish(posting=posting, by=hr_manager)
    assert published.status == PostingStatus.PUBLISHED
    assert published.published_at is not None
    # A published posting stays clean.
    published.summary += " Idéal pour une jeune femme."
    with pytest.raises(ValidationError):
        posting_save(posting=published, by=hr_manager)


def test_a_justified_requirement_lets_a_term_through(recruiting, hr_manager):
    draft = posting_from_position(position=recruiting.position)
    draft.title = "Comédien pour le rôle d'un homme âgé (H/F)"
    draft.wording_exception = "Rôle de théâtre : exigence essentielle et déterminante."
    posting = posting_save(posting=draft, by=hr_manager)
    assert review(posting).publishable
    assert posting_publish(posting=posting, by=hr_manager).status == PostingStatus.PUBLISHED


def test_the_pay_range_is_recommended_not_required(recruiting, hr_manager):
    draft = posting_from_position(position=recruiting.position)
    mentions = {m.label: m for m in review(draft).mentions}
    pay = mentions["Rémunération indiquée"]
    assert pay.ok is False
    assert not pay.blocking
    assert review(draft).publishable


def test_an_application_records_consent_and_contact(recruiting, rf):
    candidate = candidate_apply(
        posting=recruiting.posting,
        candidate=Candidate(first_names="Lou", last_name="Durand", email="lou@example.test"),
        cv=pdf_upload("Mon CV.pdf"),
        consent_text="J'accepte…",
        by=None,
    )
    assert candidate.status == CandidateStatus.RECEIVED
    assert candidate.consent_at == NOW
    assert candidate.last_contact_at == NOW
    assert candidate.consent_text == "J'accepte…"
    assert candidate.cv.name.endswith(".pdf")
    assert "Mon CV" not in candidate.cv.name
    assert candidate.cv_filename == "Mon CV.pdf"
    assert _entries(candidate).get().actor_label == "système"


def test_an_application_to_a_closed_posting_or_without_consent_is_refused(recruiting):
    posting = recruiting.posting
    with pytest.raises(ValidationError) as refused:
        candidate_apply(
            posting=posting,
            candidate=Candidate(first_names="Lou", last_name="Durand", email="lou@example.test"),
            cv=pdf_upload(),
            consent_text=" ",
            by=None,
        )
    assert "consent" in refused.value.message_dict
    posting.closes_on = dt.date(2026, 3, 1)
    posting.save()
    with pytest.raises(ValidationError):
        candidate_apply(
            posting=posting,
            candidate=Candidate(first_names="Lou", last_name="Durand", email="lou@example.test"),
            cv=pdf_upload(),
            consent_text="oui",
            by=None,
        )
    assert not Candidate.objects.filter(last_name="Durand").exists()


def test_five_submissions_per_address_and_hour(now, db):
    client = client_hash("203.0.113.9")
    assert [application_attempt(client) for _ in range(6)] == [True] * 5 + [False]
    assert application_attempt(client_hash("203.0.113.10")) is True
    assert client not in ("203.0.113.9",)
    assert len(client) == 64


def test_the_pipeline_moves_and_hiring_has_its_own_step(recruiting, hr_manager):
    candidate = recruiting.received
    moved = candidate_move(candidate=candidate, status=CandidateStatus.SHORTLISTED, by=hr_manager)
    assert moved.status == CandidateStatus.SHORTLISTED
    with pytest.raises(ValidationError) as refused:
        candidate_move(candidate=candidate, status=CandidateStatus.HIRED, by=hr_manager)
    assert "Embaucher" in refused.value.messages[0]
    with pytest.raises(ValidationError):
        candidate_move(candidate=candidate, status=CandidateStatus.SHORTLISTED, by=hr_manager)
    candidate_move(candidate=candidate, status=CandidateStatus.REJECTED, by=hr_manager)
    reopened = candidate_move(candidate=candidate, status=CandidateStatus.RECEIVED, by=hr_manager)
    assert reopened.status == CandidateStatus.RECEIVED


def test_an_interview_moves_the_candidate_and_the_last_contact(
    recruiting, hr_manager, manager_user, time_machine
):
    candidate = recruiting.received
    time_machine.move_to(NOW + dt.timedelta(days=3), tick=False)
    interview = interview_save(
        interview=Interview(
            candidate=candidate,
            scheduled_at=NOW + dt.timedelta(days=7),
            video_link="https://visio.example.test/abc",
        ),
        by=hr_manager,
        interviewers=[hr_manager, manager_user],
    )
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.INTERVIEW
    assert candidate.last_contact_at == NOW + dt.timedelta(days=3)
    assert set(interview.interviewers.all()) == {hr_manager, manager_user}
    with pytest.raises(ValidationError) as refused:
        interview_save(interview=Interview(candidate=candidate, scheduled_at=NOW), by=hr_manager)
    assert "place" in refused.value.message_dict
