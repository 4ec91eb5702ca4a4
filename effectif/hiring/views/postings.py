"""Job postings: drafted from the fiche de poste, reviewed, published, exported."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.audit import audit
from effectif.core.editing import bound, submit
from effectif.core.listing import page_of, query_without
from effectif.core.models import AuditAction
from effectif.core.typing import AuthenticatedRequest
from effectif.hiring import permissions as perms
from effectif.hiring.exports import posting_pdf, posting_text
from effectif.hiring.forms.postings import PostingForm
from effectif.hiring.models import CandidateStatus, JobPosting, PostingStatus, RequisitionStatus
from effectif.hiring.selectors import posting_get, postings_for, requisitions_for
from effectif.hiring.services.postings import (
    FIELD_LABELS,
    posting_close,
    posting_from_position,
    posting_publish,
    posting_save,
    review,
)
from effectif.organisation.models import Establishment
from effectif.organisation.selectors import positions_for


@require(perms.can_follow_recruitment)
def posting_list(request: AuthenticatedRequest) -> HttpResponse:
    rows = (
        postings_for(request.user)
        .annotate(candidate_count=Count("candidates"))
        .order_by("-created_at", "-id")
    )
    status = request.GET.get("statut", "")
    if status in PostingStatus.values:
        rows = rows.filter(status=status)
    return render(
        request,
        "hiring/posting_list.html",
        {
            "page_obj": page_of(request, rows),
            "statuses": PostingStatus.choices,
            "status": status,
            "query": query_without(request.GET, "page"),
            "can_manage": perms.can_manage_postings(request.user),
            "today": timezone.localdate(),
        },
    )


def _establishments(posting: JobPosting) -> QuerySet[Establishment]:
    return Establishment.objects.filter(employer_id=posting.employer_id)


@require(perms.can_manage_postings)
def posting_create(request: AuthenticatedRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    requisition = None
    if data.get("demande"):
        requisition = (
            requisitions_for(request.user)
            .filter(pk=str(data.get("demande")), status=RequisitionStatus.APPROVED)
            .first()
        )
    position = requisition.position if requisition is not None else None
    if position is None and str(data.get("poste", "")).isdigit():
        position = positions_for(request.user).filter(pk=str(data.get("poste"))).first()
    if position is None:
        return render(
            request,
            "hiring/posting_choose.html",
            {
                "positions": positions_for(request.user).order_by("employer__name", "title"),
                "requisitions": requisitions_for(request.user).filter(
                    status=RequisitionStatus.APPROVED
                ),
            },
        )
    draft = posting_from_position(position=position, requisition=requisition)
    form = bound(request, PostingForm, instance=draft, establishments=_establishments(draft))
    if request.method == "POST":
        saved = submit(form, lambda: posting_save(posting=form.instance, by=request.user))
        if saved is not None:
            messages.success(
                request, _("Offre enregistrée en brouillon : relisez-la avant de la publier.")
            )
            return redirect(saved.get_absolute_url())
    return render(
        request,
        "hiring/posting_form.html",
        {
            "form": form,
            "title": _("Nouvelle offre — %(position)s") % {"position": position.title},
            "position": position,
            "requisition": requisition,
        },
    )


@require(perms.can_manage_postings)
def posting_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    posting = posting_get(request.user, pk)
    form = bound(request, PostingForm, instance=posting, establishments=_establishments(posting))
    if request.method == "POST":
        saved = submit(form, lambda: posting_save(posting=form.instance, by=request.user))
        if saved is not None:
            messages.success(request, _("Offre enregistrée."))
            return redirect(saved.get_absolute_url())
    return render(
        request,
        "hiring/posting_form.html",
        {
            "form": form,
            "title": posting.title,
            "posting": posting,
            "position": posting.position,
            "review": review(form.instance),
            "field_labels": FIELD_LABELS,
        },
    )


@require(perms.can_follow_recruitment)
def posting_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    posting = posting_get(request.user, pk)
    candidates = posting.candidates.order_by("-created_at")
    counts = dict.fromkeys(CandidateStatus.values, 0)
    for status in candidates.values_list("status", flat=True):
        counts[status] += 1
    return render(
        request,
        "hiring/posting_detail.html",
        {
            "posting": posting,
            "review": review(posting),
            "field_labels": FIELD_LABELS,
            "candidates": candidates[:50],
            "pipeline": [(value, label, counts[value]) for value, label in CandidateStatus.choices],
            "can_manage": perms.can_manage_postings(request.user),
            "today": timezone.localdate(),
        },
    )


@require(perms.can_manage_postings)
@require_POST
def posting_status(request: AuthenticatedRequest, pk: int, action: str) -> HttpResponse:
    posting = posting_get(request.user, pk)
    ensure(action in ("publier", "clore"))
    try:
        if action == "publier":
            posting_publish(posting=posting, by=request.user)
            messages.success(request, _("Offre publiée."))
        else:
            posting_close(posting=posting, by=request.user)
            messages.success(request, _("Offre close : elle ne reçoit plus de candidatures."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(posting.get_absolute_url())


@require(perms.can_manage_postings)
@require_POST
def posting_check(request: AuthenticatedRequest) -> HttpResponse:
    """The wording review of a posting being typed (htmx), before anything is saved."""
    position = positions_for(request.user).filter(pk=request.POST.get("poste") or 0).first()
    ensure(position is not None)
    assert position is not None
    draft = posting_from_position(position=position)
    form = PostingForm(request.POST, instance=draft, establishments=_establishments(draft))
    form.is_valid()  # fills the instance with what was typed, valid or not
    return render(
        request,
        "hiring/partials/review.html",
        {"review": review(form.instance), "field_labels": FIELD_LABELS},
    )


@require(perms.can_follow_recruitment)
def posting_export(request: AuthenticatedRequest, pk: int, fmt: str) -> HttpResponseBase:
    posting = posting_get(request.user, pk)
    ensure(fmt in ("pdf", "txt"))
    audit(
        actor=request.user,
        action=AuditAction.EXPORT,
        target=posting,
        detail=_("Offre exportée (%(fmt)s)") % {"fmt": fmt},
    )
    name = slugify(f"offre {posting.reference} {posting.title}")[:80]
    if fmt == "pdf":
        response = HttpResponse(posting_pdf(posting), content_type="application/pdf")
    else:
        response = HttpResponse(posting_text(posting), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
