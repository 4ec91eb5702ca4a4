"""Recruitment in the demo organisation: two requisitions of the `manager` account (one
approved and published, one waiting for HR), candidates at every stage of the pipeline with an
interview to come, and a hire of two weeks ago with its DPAE filed and its onboarding under
way. Loaded once: a second call finds the requisitions and does nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from effectif.contracts.models import Contract, ContractTerms
from effectif.documents.subjects import head_office
from effectif.employees.models import Employee
from effectif.hiring.models import (
    Candidate,
    CandidateStatus,
    Civility,
    Interview,
    JobPosting,
    JobRequisition,
)
from effectif.hiring.services.candidates import candidate_apply, candidate_move, interview_save
from effectif.hiring.services.dpae import dpae_mark_done
from effectif.hiring.services.hire import candidate_hire, suggest_matricule
from effectif.hiring.services.onboarding import task_tick, template_install_default
from effectif.hiring.services.postings import (
    posting_close,
    posting_from_position,
    posting_publish,
    posting_save,
)
from effectif.hiring.services.requisitions import (
    requisition_approve,
    requisition_close,
    requisition_save,
)
from effectif.organisation.models import Department, Employer, Establishment, Position
from effectif.organisation.selectors import managed_department_ids
from effectif.rules.identity.generate import make_french_iban, make_nir

CONSENT = (
    "J'accepte que l'employeur traite les données de ma candidature pour ce recrutement et les "
    "conserve 2 ans après notre dernier contact pour me proposer d'autres postes."
)
#: (civility, first name, last name, stage reached)
APPLICANTS = (
    (Civility.MADAME, "Léa", "Fontaine", CandidateStatus.RECEIVED),
    (Civility.MONSIEUR, "Hugo", "Marchand", CandidateStatus.SHORTLISTED),
    (Civility.MADAME, "Inès", "Benali", CandidateStatus.INTERVIEW),
    (Civility.MONSIEUR, "Thomas", "Girard", CandidateStatus.OFFER),
    (Civility.MADAME, "Julie", "Perrin", CandidateStatus.REJECTED),
)
PdfMaker = Callable[[str, list[str]], bytes]

if TYPE_CHECKING:
    from effectif.accounts.models import User


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _apply(posting: JobPosting, civility: str, first: str, last: str, pdf: PdfMaker) -> Candidate:
    email = f"{first.lower()}.{last.lower()}@exemple.test".replace("é", "e").replace("è", "e")
    cv = pdf(f"CV — {first} {last}", ["Candidature fictive de la démonstration d'Effectif."])
    return candidate_apply(
        posting=posting,
        candidate=Candidate(
            civility=civility, first_names=first, last_name=last, email=email, phone="0600000000"
        ),
        cv=SimpleUploadedFile(f"cv-{last.lower()}.pdf", cv, content_type="application/pdf"),
        consent_text=CONSENT,
        by=None,
    )


def _posting(
    requisition: JobRequisition, establishment: Establishment | None, hr: User, pay: str
) -> JobPosting:
    draft = posting_from_position(position=requisition.position, requisition=requisition)
    draft.establishment = establishment
    draft.pay_range = pay
    posting = posting_save(posting=draft, by=hr)
    return posting_publish(posting=posting, by=hr)


def _requisition(
    employer: Employer, position: Position, manager: User, start: dt.date, **extra: Any
) -> JobRequisition:
    values: dict[str, Any] = {
        "reason": "creation",
        "contract_kind": "cdi",
        "budget_amount": Decimal("45000"),
        "justification": "Croissance de l'activité : deux nouveaux projets clients.",
    }
    values.update(extra)
    return requisition_save(
        requisition=JobRequisition(
            employer=employer, position=position, start_date=start, **values
        ),
        by=manager,
    )


def _hire(posting: JobPosting, start: dt.date, today: dt.date, hr: User, pdf: PdfMaker) -> None:
    """Nathan Roux, hired two weeks ago: DPAE filed three days before, onboarding under way."""
    candidate = _apply(posting, Civility.MONSIEUR, "Nathan", "Roux", pdf)
    candidate_move(candidate=candidate, status=CandidateStatus.OFFER, by=hr)
    position = posting.position
    birth = dt.date(1996, 9, 14)
    done = candidate_hire(
        candidate=candidate,
        employee=Employee(
            matricule=suggest_matricule(posting.employer),
            department=position.department,
            last_name="ROUX",
            first_names="Nathan",
            sex="M",
            birth_date=birth,
            birth_place="Rennes (35)",
            nir=make_nir(sex="M", birth_date=birth, department="35", commune=238, order=412),
            personal_email=candidate.email,
            personal_phone=candidate.phone,
            address="8 rue de Brest",
            postal_code="35000",
            city="Rennes",
            iban=make_french_iban(bank=30004, branch=1745, account=142_001),
            bic="BNPAFRPP",
            family_status="celibataire",
            education_level="7",
            emergency_contact_name="Claire Roux",
            emergency_contact_phone="0699999999",
            emergency_contact_relation="sœur",
        ),
        contract=Contract(kind="cdi", start_date=start),
        terms=ContractTerms(
            establishment=posting.establishment,
            position=position,
            job_title=position.title,
            category="cadre",
            classification=position.classification,
            coefficient=position.coefficient,
            working_time="temps_plein",
            monthly_gross_amount=Decimal("3300.00"),
        ),
        hire_time=dt.time(9, 30),
        by=hr,
    )
    dpae_mark_done(
        dpae=done.dpae,
        declared_at=min(_at(start - dt.timedelta(days=3), 11), timezone.now()),
        receipt_number="DPAE-DEMO-000142",
        by=hr,
    )
    for task in done.onboarding.tasks.filter(due_date__lt=today).select_related("owner"):
        task_tick(task=task, by=task.owner or hr, done=True)


@transaction.atomic
def load_hiring_demo(
    *, employers: QuerySet[Employer], today: dt.date, hr: User, manager: User, pdf: PdfMaker
) -> bool:
    """False when the demo employers already have their requisitions."""
    if JobRequisition.objects.filter(employer__in=employers).exists():
        return False
    team = Department.objects.filter(employer__in=employers, manager=manager).first()
    if team is None:
        return False
    employer = team.employer
    positions = list(
        Position.objects.filter(
            employer=employer, department_id__in=managed_department_ids(manager)
        ).order_by("title")
    )
    if len(positions) < 2:
        return False
    establishment = head_office(employer)
    template_install_default(employer=employer, by=hr)

    earlier = _requisition(employer, positions[0], manager, today - dt.timedelta(days=14))
    requisition_approve(requisition=earlier, by=hr, comment="Budget prévu au plan de recrutement.")
    first = _posting(earlier, establishment, hr, "40 000 à 46 000 € bruts annuels")
    _hire(first, today - dt.timedelta(days=14), today, hr, pdf)
    posting_close(posting=first, by=hr)
    requisition_close(requisition=earlier, by=hr, comment="Poste pourvu.")

    approved = _requisition(employer, positions[0], manager, today + dt.timedelta(days=45))
    requisition_approve(requisition=approved, by=hr, comment="Accord de la direction.")
    posting = _posting(approved, establishment, hr, "38 000 à 44 000 € bruts annuels")
    for civility, first_name, last_name, stage in APPLICANTS:
        candidate = _apply(posting, civility, first_name, last_name, pdf)
        if stage == CandidateStatus.INTERVIEW:
            interview_save(
                interview=Interview(
                    candidate=candidate,
                    scheduled_at=_at(today + dt.timedelta(days=3), 10),
                    place="Siège, salle de réunion du 2e étage",
                ),
                by=hr,
                interviewers=[hr, manager],
            )
        elif stage != CandidateStatus.RECEIVED:
            candidate_move(candidate=candidate, status=stage, by=hr)

    _requisition(
        employer,
        positions[1],
        manager,
        today + dt.timedelta(days=21),
        reason="remplacement",
        replaced_person="Mme Claire Dubois, en congé maternité",
        contract_kind="cdd",
        fixed_term_reason="remplacement",
        end_date=today + dt.timedelta(days=21 + 180),
        budget_amount=Decimal("21000"),
        justification="Remplacement pendant le congé maternité.",
    )
    return True
