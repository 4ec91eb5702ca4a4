"""Interviews and letters to candidates."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.editing import add_service_errors, bound
from effectif.core.typing import AuthenticatedRequest
from effectif.core.uploads import file_response
from effectif.documents.models import TemplateKind
from effectif.hiring import permissions as perms
from effectif.hiring.forms.candidates import InterviewForm
from effectif.hiring.models import Candidate, CandidateStatus, Interview
from effectif.hiring.selectors import (
    candidate_get,
    interview_get,
    interviewers_for,
    letter_get,
)
from effectif.hiring.services.letters import interview_schedule, letter_email, letter_generate


def _save(request: AuthenticatedRequest, form: InterviewForm, creating: bool) -> Interview | None:
    if not form.is_valid():
        return None
    invite = creating and bool(form.cleaned_data.get("send_invitation"))
    try:
        interview = interview_schedule(
            interview=form.instance,
            by=request.user,
            interviewers=form.cleaned_data["interviewers"],
            invite=invite,
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    if invite:
        messages.info(
            request,
            _("Invitation envoyée à %(email)s.") % {"email": interview.candidate.email},
        )
    return interview


def _page(
    request: AuthenticatedRequest, form: InterviewForm, candidate: Candidate, **titles: str
) -> HttpResponse:
    """The interview form, its way back the candidate's page."""
    back = {"back_url": candidate.get_absolute_url(), "back_label": candidate.display_name}
    return render(request, "hiring/form.html", {"form": form, **titles, **back})


@require(perms.can_schedule_interview)
def interview_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    candidate = candidate_get(request.user, pk)
    ensure(candidate.status not in (CandidateStatus.HIRED, CandidateStatus.REJECTED))
    form = bound(
        request,
        InterviewForm,
        instance=Interview(candidate=candidate),
        people=interviewers_for(candidate.employer),
        creating=True,
        initial={"interviewers": [request.user.pk]},
    )
    if not perms.can_edit_candidate(request.user):
        form.fields.pop("send_invitation", None)  # letters are HR's
    if request.method == "POST" and _save(request, form, creating=True) is not None:
        messages.success(request, _("Entretien planifié."))
        return redirect(candidate.get_absolute_url())
    return _page(
        request, form, candidate, title=_("Planifier un entretien"), subtitle=candidate.display_name
    )


@require(perms.can_schedule_interview)
def interview_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    interview = interview_get(request.user, pk)
    candidate = interview.candidate
    form = bound(
        request,
        InterviewForm,
        instance=interview,
        people=interviewers_for(candidate.employer),
        creating=False,
    )
    if request.method == "POST" and _save(request, form, creating=False) is not None:
        messages.success(request, _("Entretien mis à jour."))
        return redirect(candidate.get_absolute_url())
    return _page(request, form, candidate, title=str(interview))


@require(perms.can_edit_candidate)
@require_POST
def letter_create(request: AuthenticatedRequest, pk: int, kind: str) -> HttpResponse:
    """Generate a letter from the employer's template (or the default) and keep it."""
    candidate = candidate_get(request.user, pk)
    ensure(kind in (TemplateKind.APPLICATION_REJECTED, TemplateKind.RECRUITMENT_INTERVIEW))
    try:
        letter = letter_generate(candidate=candidate, kind=kind, by=request.user)
        if request.POST.get("envoyer"):
            letter_email(letter=letter, by=request.user)
            messages.success(request, _("Courrier généré et envoyé par e-mail."))
        else:
            messages.success(request, _("Courrier généré : « %(t)s ».") % {"t": letter.title})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(candidate.get_absolute_url())


@require(perms.can_edit_candidate)
@require_POST
def letter_send(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    letter = letter_get(request.user, pk)
    try:
        letter_email(letter=letter, by=request.user)
        messages.success(
            request, _("Courrier envoyé à %(email)s.") % {"email": letter.candidate.email}
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(letter.candidate.get_absolute_url())


@require(perms.can_edit_candidate)
def letter_download(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    letter = letter_get(request.user, pk)
    return file_response(request, letter.file, filename=f"{letter.title[:80]}.pdf")
