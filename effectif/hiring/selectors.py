"""Reads of recruitment and onboarding, through the requesting user's scope.

HR sees the employers it is granted (an administrator all of them). A manager sees the
requisitions they raised or that concern the departments they manage, the postings of those
requisitions and of their departments' positions, and the candidates of those postings. An
employee sees the postings of the internal board and their own onboarding; the onboarding of a
new hire is also seen by their manager and by the owners of its tasks.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from effectif.contracts.models import Contract
from effectif.contracts.selectors import contracts_for
from effectif.core.roles import HR_ROLES, Role
from effectif.core.scoping import get_in_scope
from effectif.employees.selectors import employees_for
from effectif.hiring import permissions as perms
from effectif.hiring.models import (
    Candidate,
    CandidateLetter,
    DiscriminatoryTerm,
    Dpae,
    Interview,
    JobPosting,
    JobRequisition,
    Onboarding,
    OnboardingTask,
    OnboardingTemplate,
    PostingStatus,
)
from effectif.organisation.models import Employer
from effectif.organisation.selectors import (
    employers_for,
    hr_employers_for,
    managed_department_ids,
)

if TYPE_CHECKING:
    from effectif.accounts.models import User


def requisitions_for(user: User) -> QuerySet[JobRequisition]:
    rows = JobRequisition.objects.select_related("employer", "position", "department")
    if perms.acting_hr(user):
        return rows.filter(employer__in=hr_employers_for(user))
    if perms.acting_manager(user):
        return rows.filter(Q(requested_by=user) | Q(department_id__in=managed_department_ids(user)))
    return rows.none()


def requisition_get(user: User, pk: Any) -> JobRequisition:
    return get_in_scope(requisitions_for(user), pk)


def postings_for(user: User) -> QuerySet[JobPosting]:
    """The postings a user follows (not the internal board: see `internal_board`)."""
    rows = JobPosting.objects.select_related("employer", "position", "establishment")
    if perms.acting_hr(user):
        return rows.filter(employer__in=hr_employers_for(user))
    if perms.acting_manager(user):
        requisitions = requisitions_for(user).values("pk")
        return rows.filter(
            Q(requisition__in=requisitions)
            | Q(position__department_id__in=managed_department_ids(user))
        )
    return rows.none()


def posting_get(user: User, pk: Any) -> JobPosting:
    return get_in_scope(postings_for(user), pk)


def _open(rows: QuerySet[JobPosting], today: dt.date) -> QuerySet[JobPosting]:
    return rows.filter(status=PostingStatus.PUBLISHED).filter(
        Q(closes_on__isnull=True) | Q(closes_on__gte=today)
    )


def internal_board(user: User, today: dt.date) -> QuerySet[JobPosting]:
    """Open postings shown to the staff of the user's employers."""
    rows = JobPosting.objects.filter(employer__in=employers_for(user), on_internal_board=True)
    return _open(rows, today).select_related("employer", "establishment").order_by("-published_at")


def internal_posting_get(user: User, pk: Any, today: dt.date) -> JobPosting:
    return get_in_scope(internal_board(user, today), pk)


def careers_employer(siren: str) -> Employer | None:
    return Employer.objects.filter(siren=siren).first()


def public_postings(employer: Employer, today: dt.date) -> QuerySet[JobPosting]:
    """What the public careers page lists: no login, so nothing but the offers themselves."""
    rows = JobPosting.objects.filter(employer=employer, on_careers_page=True)
    return _open(rows, today).select_related("establishment").order_by("-published_at")


def candidates_for(user: User) -> QuerySet[Candidate]:
    rows = Candidate.objects.select_related("employer", "posting")
    if perms.acting_hr(user):
        return rows.filter(employer__in=hr_employers_for(user))
    if perms.acting_manager(user):
        return rows.filter(posting__in=postings_for(user).values("pk"))
    return rows.none()


def candidate_get(user: User, pk: Any) -> Candidate:
    return get_in_scope(candidates_for(user), pk)


def interviews_for(user: User) -> QuerySet[Interview]:
    return Interview.objects.filter(candidate__in=candidates_for(user).values("pk")).select_related(
        "candidate", "candidate__posting", "candidate__employer"
    )


def interview_get(user: User, pk: Any) -> Interview:
    return get_in_scope(interviews_for(user), pk)


def letters_for(user: User) -> QuerySet[CandidateLetter]:
    if not perms.can_edit_candidate(user):
        return CandidateLetter.objects.none()
    return CandidateLetter.objects.filter(
        candidate__in=candidates_for(user).values("pk")
    ).select_related("candidate")


def letter_get(user: User, pk: Any) -> CandidateLetter:
    return get_in_scope(letters_for(user), pk)


def interviewers_for(employer: Employer) -> QuerySet[Any]:
    """Who may sit on an interview: the employer's HR, its managers, the administrators."""
    users = get_user_model().objects.filter(is_active=True)
    return (
        users.filter(
            Q(role=Role.ADMIN)
            | Q(role__in=HR_ROLES, granted_employers=employer)
            | Q(role=Role.MANAGER, managed_departments__employer=employer)
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


def dpaes_for(user: User) -> QuerySet[Dpae]:
    if not perms.can_manage_dpae(user):
        return Dpae.objects.none()
    return Dpae.objects.filter(
        contract__employee__employer__in=hr_employers_for(user)
    ).select_related("contract", "contract__employee", "contract__employee__employer")


def dpae_get(user: User, pk: Any) -> Dpae:
    return get_in_scope(dpaes_for(user), pk)


def contracts_to_declare(user: User) -> QuerySet[Contract]:
    """Contracts in HR's scope that need a DPAE (interns and civil servants do not)."""
    if not perms.can_manage_dpae(user):
        return Contract.objects.none()
    return contracts_for(user).exclude(kind__in=["stage", "titulaire"])


def contract_to_declare_get(user: User, pk: Any) -> Contract:
    return get_in_scope(contracts_to_declare(user), pk)


def onboardings_for(user: User) -> QuerySet[Onboarding]:
    if not perms.signed_in(user):
        return Onboarding.objects.none()
    owned = OnboardingTask.objects.filter(owner=user).values("onboarding_id")
    return Onboarding.objects.filter(
        Q(employee__in=employees_for(user)) | Q(pk__in=owned)
    ).select_related("employee", "employee__employer", "employee__department")


def onboarding_get(user: User, pk: Any) -> Onboarding:
    return get_in_scope(onboardings_for(user), pk)


def tasks_for(user: User) -> QuerySet[OnboardingTask]:
    return OnboardingTask.objects.filter(
        onboarding__in=onboardings_for(user).values("pk")
    ).select_related("onboarding", "onboarding__employee", "owner")


def task_get(user: User, pk: Any) -> OnboardingTask:
    return get_in_scope(tasks_for(user), pk)


def manages(user: User, onboarding: Onboarding) -> bool:
    """Whether the user manages the new hire's department."""
    department_id = onboarding.employee.department_id
    return department_id is not None and department_id in managed_department_ids(user)


def onboarding_templates_for(user: User) -> QuerySet[OnboardingTemplate]:
    if not perms.can_manage_onboarding(user):
        return OnboardingTemplate.objects.none()
    return OnboardingTemplate.objects.filter(employer__in=hr_employers_for(user)).select_related(
        "employer", "position", "establishment"
    )


def onboarding_template_get(user: User, pk: Any) -> OnboardingTemplate:
    return get_in_scope(onboarding_templates_for(user), pk)


def best_template(
    employer: Employer, position_id: int | None, establishment_id: int | None
) -> OnboardingTemplate | None:
    """The most specific active template: for the position and the establishment, then the
    position, then the establishment, then the employer's general one."""
    templates = list(OnboardingTemplate.objects.filter(employer=employer, is_active=True))

    def score(template: OnboardingTemplate) -> int | None:
        if template.position_id not in (None, position_id):
            return None
        if template.establishment_id not in (None, establishment_id):
            return None
        return (2 if template.position_id else 0) + (1 if template.establishment_id else 0)

    ranked = [(s, t.pk, t) for t in templates if (s := score(t)) is not None]
    return max(ranked, key=lambda item: (item[0], -item[1]))[2] if ranked else None


def terms_for(user: User) -> QuerySet[DiscriminatoryTerm]:
    if not perms.can_edit_terms(user):
        return DiscriminatoryTerm.objects.none()
    return DiscriminatoryTerm.objects.all()


def term_get(user: User, pk: Any) -> DiscriminatoryTerm:
    return get_in_scope(terms_for(user), pk)
