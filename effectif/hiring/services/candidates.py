"""Candidates: applications from the careers page, entries by HR, the status pipeline,
interviews. Every exchange with a candidate moves their last contact, from which their data
are kept two years."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit, audit_creation, snapshot
from effectif.core.models import AuditAction
from effectif.core.services import save_audited
from effectif.hiring.models import (
    OPEN_STATUSES,
    ApplicationAttempt,
    Candidate,
    CandidateSource,
    CandidateStatus,
    Interview,
    InterviewStatus,
    JobPosting,
)
from effectif.hiring.uploads import check_cv, display_name, stored_name

if TYPE_CHECKING:
    from effectif.accounts.models import User
    from effectif.core.roles import Actor

CANDIDATE_FIELDS = [
    "posting",
    *Candidate.CONTACT_FIELDS,
    "cv_filename",
    "message",
    "status",
    "source",
    "consent_at",
    "notes",
]
INTERVIEW_FIELDS = [
    "scheduled_at",
    "duration_minutes",
    "place",
    "video_link",
    "other_interviewers",
    "status",
    "assessment",
]
#: Applications accepted from one address per hour on the public form.
APPLICATIONS_PER_HOUR = 5
ATTEMPT_WINDOW = dt.timedelta(hours=1)
ATTEMPT_KEPT = dt.timedelta(days=1)


def client_hash(address: str | None) -> str:
    """A keyed hash of the client's address: counts submissions, identifies no one."""
    key = settings.SECRET_KEY.encode()
    return hashlib.blake2b((address or "").encode(), key=key[:64], digest_size=32).hexdigest()


@transaction.atomic
def application_attempt(client: str) -> bool:
    """Count a submission of the public form; False when this address sent too many in the
    last hour (failed submissions count too: a robot does not get to retry forever)."""
    now = timezone.now()
    ApplicationAttempt.objects.filter(at__lt=now - ATTEMPT_KEPT).delete()
    recent = ApplicationAttempt.objects.filter(
        client_hash=client, at__gte=now - ATTEMPT_WINDOW
    ).count()
    if recent >= APPLICATIONS_PER_HOUR:
        return False
    ApplicationAttempt.objects.create(client_hash=client)
    return True


def _attach_cv(candidate: Candidate, upload: Any) -> None:
    suffix = check_cv(upload)
    if candidate.cv:
        candidate.cv.delete(save=False)
    candidate.cv_filename = display_name(upload.name or "")
    candidate.cv.save(stored_name(suffix), upload, save=False)


def touch(candidate: Candidate, at: dt.datetime | None = None) -> None:
    """A contact with the candidate: their data are kept two years from now."""
    candidate.last_contact_at = at or timezone.now()
    Candidate.objects.filter(pk=candidate.pk).update(last_contact_at=candidate.last_contact_at)


@transaction.atomic
def candidate_apply(
    *,
    posting: JobPosting,
    candidate: Candidate,
    cv: Any,
    consent_text: str,
    by: Actor | None,
) -> Candidate:
    """An application from the public careers page, with its consent recorded."""
    if not posting.is_open(timezone.localdate()):
        raise ValidationError(_("Cette offre n'accepte plus de candidatures."))
    if cv is None:
        raise ValidationError({"cv": [_("Joignez votre CV.")]})
    if not consent_text.strip():
        raise ValidationError({"consent": [_("Votre accord est nécessaire pour candidater.")]})
    check_cv(cv)
    candidate.employer = posting.employer
    candidate.posting = posting
    candidate.source = CandidateSource.CAREERS
    candidate.status = CandidateStatus.RECEIVED
    candidate.consent_at = timezone.now()
    candidate.consent_text = consent_text
    candidate.last_contact_at = candidate.consent_at
    candidate.full_clean(exclude=["cv"])
    _attach_cv(candidate, cv)
    candidate.save()
    audit_creation(actor=by, target=candidate, fields=CANDIDATE_FIELDS)
    return candidate


@transaction.atomic
def candidate_save(*, candidate: Candidate, by: User, cv: Any = None) -> Candidate:
    """HR enters a candidate (a CV received by mail, a referral) or corrects their data."""
    if candidate.pk is None:
        candidate.created_by = by
        candidate.last_contact_at = timezone.now()
        if candidate.posting is not None:
            candidate.employer = candidate.posting.employer
    if cv is not None:
        check_cv(cv)
        candidate.full_clean(exclude=["cv"])
        _attach_cv(candidate, cv)
    return save_audited(instance=candidate, by=by, fields=CANDIDATE_FIELDS)


def allowed_moves(candidate: Candidate) -> list[str]:
    """The statuses a candidate may move to by hand (hiring has its own step)."""
    if candidate.status == CandidateStatus.HIRED:
        return []
    if candidate.status == CandidateStatus.REJECTED:
        return [CandidateStatus.RECEIVED, CandidateStatus.SHORTLISTED]
    return [s for s in (*OPEN_STATUSES, CandidateStatus.REJECTED) if s != candidate.status]


@transaction.atomic
def candidate_move(*, candidate: Candidate, status: str, by: User, comment: str = "") -> Candidate:
    locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if status == CandidateStatus.HIRED:
        raise ValidationError(
            {
                "status": [
                    _("L'embauche se fait par « Embaucher » : dossier et contrat en une fois.")
                ]
            }
        )
    if status not in allowed_moves(locked):
        raise ValidationError(
            {
                "status": [
                    _("Une candidature « %(from)s » ne passe pas à « %(to)s ».")
                    % {
                        "from": locked.get_status_display(),
                        "to": CandidateStatus(status).label
                        if status in CandidateStatus.values
                        else status,
                    }
                ]
            }
        )
    before = snapshot(locked, ["status"])
    locked.status = status
    locked.save(update_fields=["status", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=locked,
        changes={"status": [before["status"], str(locked.get_status_display())]},
        detail=comment[:500],
    )
    return locked


@transaction.atomic
def interview_save(*, interview: Interview, by: User, interviewers: Any = None) -> Interview:
    """Schedule an interview (or change it); the candidate moves to « Entretien »."""
    creating = interview.pk is None
    interview = save_audited(instance=interview, by=by, fields=INTERVIEW_FIELDS)
    if interviewers is not None:
        interview.interviewers.set(interviewers)
    candidate = interview.candidate
    if creating and candidate.status in (CandidateStatus.RECEIVED, CandidateStatus.SHORTLISTED):
        candidate_move(candidate=candidate, status=CandidateStatus.INTERVIEW, by=by)
    if interview.status != InterviewStatus.CANCELLED:
        touch(candidate)
    return interview


def cv_opened(*, candidate: Candidate, by: User) -> None:
    """Opening a CV is recorded: it is personal data read by someone."""
    audit(actor=by, action=AuditAction.READ, target=candidate, detail=_("CV consulté"))
