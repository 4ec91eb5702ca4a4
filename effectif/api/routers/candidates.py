"""Candidates: listed and read in the scope of the pages (HR of the employer, the managers of
the postings), entered by HR, moved along the pipeline under the same rules. The CV is never
served by the API."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from effectif.api.assignment import unknown_reference
from effectif.api.auth import request_user
from effectif.api.errors import forbidden
from effectif.api.pagination import Page, Paging, page_of
from effectif.api.schemas.candidates import CandidateIn, CandidateOut, StatusIn
from effectif.api.schemas.common import READ_ERRORS, WRITE_ERRORS, Id, ref
from effectif.hiring import permissions as perms
from effectif.hiring.models import Candidate, CandidateSource, CandidateStatus, PostingStatus
from effectif.hiring.selectors import candidate_get, candidates_for, postings_for
from effectif.hiring.services.candidates import candidate_move, candidate_save
from effectif.hiring.services.retention import erasure_date

router = Router(tags=["Recrutement"])


def candidate_out(candidate: Candidate) -> dict[str, Any]:
    posting = candidate.posting
    return {
        "id": candidate.pk,
        "employer": ref(candidate.employer),
        "posting": None
        if posting is None
        else {"id": posting.pk, "reference": posting.reference, "title": posting.title},
        "civility": candidate.civility,
        "first_names": candidate.first_names,
        "last_name": candidate.last_name,
        "email": candidate.email,
        "phone": candidate.phone,
        "address": candidate.address,
        "postal_code": candidate.postal_code,
        "city": candidate.city,
        "message": candidate.message,
        "status": candidate.status,
        "status_label": str(candidate.get_status_display()),
        "source": candidate.source,
        "created_at": candidate.created_at,
        "consent_at": candidate.consent_at,
        "last_contact_at": candidate.last_contact_at,
        "erasure_date": None
        if candidate.status == CandidateStatus.HIRED
        else erasure_date(candidate),
        "has_cv": bool(candidate.cv),
        "employee_id": candidate.employee_id,
    }


@router.get("", response={200: Page[CandidateOut], **READ_ERRORS}, url_name="candidates")
def candidate_list(
    request: HttpRequest,
    paging: Query[Paging],
    status: str | None = None,
    posting: Id | None = None,
    q: str | None = None,
) -> Any:
    """Candidates in scope, latest first; `status` filters a stage of the pipeline, `q` the
    names and e-mail."""
    user = request_user(request)
    if not perms.can_follow_recruitment(user):
        raise forbidden()
    rows = candidates_for(user).order_by("-created_at", "-id")
    if status:
        rows = rows.filter(status=status)
    if posting:
        rows = rows.filter(posting_id=posting)
    for term in (q or "").split():
        rows = rows.filter(
            Q(last_name__icontains=term) | Q(first_names__icontains=term) | Q(email__icontains=term)
        )
    return page_of(rows, paging, present=lambda items: map(candidate_out, items))


@router.get(
    "/{int:candidate_id}", response={200: CandidateOut, **READ_ERRORS}, url_name="candidate"
)
def candidate_detail(request: HttpRequest, candidate_id: int) -> Any:
    return candidate_out(candidate_get(request_user(request), candidate_id))


@router.post("", response={201: CandidateOut, **WRITE_ERRORS})
def candidate_create(request: HttpRequest, payload: CandidateIn) -> Any:
    """A candidate entered by HR for one of the employer's offers (no CV through the API)."""
    user = request_user(request)
    if not perms.can_edit_candidate(user):
        raise forbidden()
    posting = (
        postings_for(user).exclude(status=PostingStatus.DRAFT).filter(pk=payload.posting).first()
    )
    if posting is None:
        raise ValidationError({"posting": [unknown_reference(payload.posting)]})
    data = payload.dict(exclude={"posting"})
    candidate = candidate_save(
        candidate=Candidate(
            employer=posting.employer, posting=posting, source=CandidateSource.API, **data
        ),
        by=user,
    )
    return Status(201, candidate_out(candidate))


@router.post("/{int:candidate_id}/status", response={200: CandidateOut, **WRITE_ERRORS})
def candidate_status(request: HttpRequest, candidate_id: int, payload: StatusIn) -> Any:
    """Move a candidate along the pipeline: HR to any stage but the hire; a manager to
    « shortlisted » or « interview »."""
    user = request_user(request)
    candidate = candidate_get(user, candidate_id)
    if payload.status not in CandidateStatus.values:
        raise ValidationError(
            {"status": [_("Étape inconnue : %(value)s.") % {"value": payload.status}]}
        )
    if not perms.can_move_candidate(user, payload.status):
        raise forbidden()
    moved = candidate_move(
        candidate=candidate, status=payload.status, by=user, comment=payload.comment
    )
    return candidate_out(moved)
