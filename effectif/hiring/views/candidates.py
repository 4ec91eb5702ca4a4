"""Candidates: the pipeline, a candidate's page, their CV, entries by HR, status moves."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.audit import audit
from effectif.core.editing import bound, submit
from effectif.core.exporting import Column, export_response
from effectif.core.listing import page_of, parse_id, query_without, requested_export
from effectif.core.models import AuditAction
from effectif.core.typing import AuthenticatedRequest
from effectif.core.uploads import file_response
from effectif.hiring import permissions as perms
from effectif.hiring.forms.candidates import CandidateForm, StatusForm
from effectif.hiring.models import Candidate, CandidateStatus, PostingStatus
from effectif.hiring.selectors import candidate_get, candidates_for, postings_for
from effectif.hiring.services.candidates import (
    allowed_moves,
    candidate_move,
    candidate_save,
    cv_opened,
)
from effectif.hiring.services.letters import rejection_letter_pending
from effectif.hiring.services.retention import candidate_erase, erasure_date
from effectif.rules.parameters.retention import CANDIDATE_RETENTION_YEARS


@require(perms.can_follow_recruitment)
def candidate_list(request: AuthenticatedRequest) -> HttpResponseBase:
    rows = candidates_for(request.user)
    status = request.GET.get("statut", "")
    posting = request.GET.get("offre", "")
    q = request.GET.get("q", "").strip()
    if status in CandidateStatus.values:
        rows = rows.filter(status=status)
    if (posting_id := parse_id(posting)) is not None:
        rows = rows.filter(posting_id=posting_id)
    for term in q.split():
        rows = rows.filter(
            Q(last_name__icontains=term) | Q(first_names__icontains=term) | Q(email__icontains=term)
        )
    if export := requested_export(request):
        audit(
            actor=request.user,
            action=AuditAction.EXPORT,
            detail=_("Liste des candidats exportée (%(fmt)s)") % {"fmt": export},
        )
        return export_response(
            export_format=export,
            name=_("Candidats"),
            rows=rows,
            columns=[
                Column(_("Nom"), lambda c: c.last_name, 20),
                Column(_("Prénom"), lambda c: c.first_names, 18),
                Column(_("E-mail"), lambda c: c.email, 28),
                Column(_("Offre"), lambda c: c.posting.title if c.posting else "", 30),
                Column(_("Statut"), lambda c: c.get_status_display()),
                Column(_("Reçue le"), lambda c: timezone.localdate(c.created_at), 12),
            ],
        )
    counts = dict.fromkeys(CandidateStatus.values, 0)
    scoped = candidates_for(request.user)
    if (posting_id := parse_id(posting)) is not None:
        scoped = scoped.filter(posting_id=posting_id)
    for value in scoped.values_list("status", flat=True):
        counts[value] += 1
    return render(
        request,
        "hiring/candidate_list.html",
        {
            "page_obj": page_of(request, rows),
            "pipeline": [(v, label, counts[v]) for v, label in CandidateStatus.choices],
            "status": status,
            "posting": posting,
            "q": q,
            "postings": postings_for(request.user).order_by("-created_at"),
            "query": query_without(request.GET, "page", "export"),
            "pipeline_query": query_without(request.GET, "page", "export", "statut"),
            "can_edit": perms.can_edit_candidate(request.user),
        },
    )


@require(perms.can_edit_candidate)
def candidate_edit(request: AuthenticatedRequest, pk: int | None = None) -> HttpResponse:
    """A candidate entered by HR (no `pk`: `?offre=` chooses the posting) or corrected."""
    candidate = candidate_get(request.user, pk) if pk else Candidate()
    ensure(candidate.status != CandidateStatus.HIRED)
    offer = request.GET.get("offre") if pk is None else None
    form = bound(
        request,
        CandidateForm,
        instance=candidate,
        postings=postings_for(request.user).exclude(status=PostingStatus.DRAFT),
        initial={"posting": offer} if offer else {},
    )
    if request.method == "POST":
        saved = submit(
            form,
            lambda: candidate_save(
                candidate=form.instance, by=request.user, cv=form.cleaned_data.get("cv_upload")
            ),
        )
        if saved is not None:
            done = _("Candidature modifiée.") if pk else _("Candidature enregistrée.")
            messages.success(request, done)
            return redirect(saved.get_absolute_url())
    if pk:
        page = {"title": candidate.display_name, "back_url": candidate.get_absolute_url()}
    else:
        page = {
            "title": _("Saisir une candidature"),
            "subtitle": _(
                "Informez le candidat de l'usage de ses données et de leur durée de conservation "
                "(RGPD art. 14) : la lettre de réponse le rappelle."
            ),
            "back": "hiring:candidates",
        }
    return render(request, "hiring/form.html", {"form": form, **page})


def next_stage(candidate: Candidate, moves: list[str]) -> str | None:
    """What the form proposes first: the next stage of the pipeline."""
    order = list(CandidateStatus.values)
    later = [s for s in moves if order.index(s) > order.index(candidate.status)]
    choices = later or moves
    return choices[0] if choices else None


@require(perms.can_follow_recruitment)
def candidate_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    candidate = candidate_get(request.user, pk)
    user = request.user
    moves = [s for s in allowed_moves(candidate) if perms.can_move_candidate(user, s)]
    return render(
        request,
        "hiring/candidate_detail.html",
        {
            "candidate": candidate,
            "interviews": candidate.interviews.prefetch_related("interviewers"),
            "letters": candidate.letters.all() if perms.can_edit_candidate(user) else [],
            "status_form": StatusForm(
                allowed=moves, initial={"status": next_stage(candidate, moves)}
            )
            if moves
            else None,
            "can_edit": perms.can_edit_candidate(user)
            and candidate.status != CandidateStatus.HIRED,
            "can_write": perms.can_edit_candidate(user),
            "can_hire": perms.can_edit_candidate(user)
            and candidate.status not in (CandidateStatus.HIRED, CandidateStatus.REJECTED),
            "can_schedule": perms.can_schedule_interview(user)
            and candidate.status not in (CandidateStatus.HIRED, CandidateStatus.REJECTED),
            "rejection_pending": rejection_letter_pending(candidate),
            "erase_on": erasure_date(candidate),
            "retention_years": CANDIDATE_RETENTION_YEARS.at(timezone.localdate()),
        },
    )


@require(perms.can_follow_recruitment)
@require_POST
def candidate_status(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    candidate = candidate_get(request.user, pk)
    form = StatusForm(request.POST, allowed=allowed_moves(candidate))
    if form.is_valid():
        status = form.cleaned_data["status"]
        ensure(perms.can_move_candidate(request.user, status))
        try:
            candidate_move(
                candidate=candidate,
                status=status,
                by=request.user,
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Candidature passée à l'étape « %(s)s ».") % {"s": CandidateStatus(status).label},
            )
    else:
        messages.error(request, _("Choisissez une étape possible."))
    return redirect(candidate.get_absolute_url())


@require(perms.can_edit_candidate)
@require_POST
def candidate_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Erase a candidate's data now (their request, RGPD art. 17); the trail is redacted."""
    candidate = candidate_get(request.user, pk)
    try:
        candidate_erase(candidate=candidate, by=request.user, reason=request.POST.get("motif", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(candidate.get_absolute_url())
    messages.success(request, _("Les données du candidat sont effacées."))
    return redirect("hiring:candidates")


@require(perms.can_follow_recruitment)
def candidate_cv(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    """The CV, downloaded (never shown inline), its reading recorded."""
    candidate = candidate_get(request.user, pk)
    if not candidate.cv:
        raise Http404
    cv_opened(candidate=candidate, by=request.user)
    suffix = "." + (candidate.cv.name or "").rsplit(".", 1)[-1].lower()
    return file_response(request, candidate.cv, filename=candidate.cv_filename or f"cv{suffix}")
