"""Rights requests, handled by HR managers and administrators: the list with its deadlines,
a new request, and one request with what may be done for it — prepare the person's archive,
note a rectification, extend the deadline, erase what may go, answer."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.editing import bound, submit
from effectif.core.exporting import Column, export_response
from effectif.core.listing import page_of, query_without, requested_export
from effectif.core.typing import AuthenticatedRequest
from effectif.privacy.forms import AnswerForm, ErasureForm, ExtendForm, RecordForm, RequestForm
from effectif.privacy.models import OPEN_REQUEST_STATUSES, RightKind, RightsRequest
from effectif.privacy.permissions import is_privacy_officer
from effectif.privacy.selectors import (
    exports_of,
    rights_request_get,
    rights_requests_for,
    subject_get,
    subjects_for,
)
from effectif.privacy.services.erasure import erasure_plan, person_erase
from effectif.privacy.services.exports import export_request
from effectif.privacy.services.requests import (
    request_answer,
    request_create,
    request_extend,
    request_record,
)


@require(is_privacy_officer)
def request_list(request: AuthenticatedRequest) -> HttpResponseBase:
    state = request.GET.get("etat", "ouvertes")
    requests = rights_requests_for(request.user)
    if state == "ouvertes":
        requests = requests.filter(status__in=OPEN_REQUEST_STATUSES)
    requests = requests.order_by("deadline_date", "id") if state == "ouvertes" else requests
    if export := requested_export(request):
        return export_response(
            export_format=export,
            name=_("Demandes d'exercice des droits"),
            rows=requests.iterator(),
            columns=[
                Column(_("Reçue le"), lambda r: r.received_date, 12),
                Column(_("Personne"), lambda r: r.employee.display_name, 25),
                Column(_("Droit"), lambda r: r.get_kind_display(), 22),
                Column(_("À répondre avant le"), lambda r: r.deadline_date, 14),
                Column(_("État"), lambda r: r.get_status_display(), 14),
                Column(_("Répondue le"), lambda r: r.answered_date, 12),
            ],
        )
    return render(
        request,
        "privacy/requests.html",
        {
            "page_obj": page_of(request, requests, 50),
            "state": state,
            "today": timezone.localdate(),
            "query": query_without(request.GET, "page", "export"),
        },
    )


@require(is_privacy_officer)
def request_new(request: AuthenticatedRequest) -> HttpResponse:
    employees = subjects_for(request.user)
    initial: dict[str, object] = {}
    if (pk := request.GET.get("salarie", "")).isdigit():
        initial["employee"] = subject_get(request.user, pk)
    if (kind := request.GET.get("droit", "")) in RightKind.values:
        initial["kind"] = kind
    form = bound(request, RequestForm, employees=employees, initial=initial)
    created = submit(
        form,
        lambda: request_create(
            employee=form.cleaned_data["employee"],
            kind=form.cleaned_data["kind"],
            received_date=form.cleaned_data["received_date"],
            details=form.cleaned_data["details"],
            by=request.user,
        ),
    )
    if created is not None:
        messages.success(
            request,
            _("Demande enregistrée : réponse due au plus tard le %(day)s.")
            % {"day": created.deadline_date.strftime("%d/%m/%Y")},
        )
        return redirect(created.get_absolute_url())
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Nouvelle demande d'exercice de droits"),
            "subtitle": _("Accès, rectification, effacement, limitation, portabilité, opposition"),
            "breadcrumb": [{"url": reverse("privacy:requests"), "label": _("Demandes de droits")}],
        },
    )


def _detail(request: HttpRequest, rights: RightsRequest, **forms: object) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "rights": rights,
        "employee": rights.employee,
        "today": today,
        "exports": exports_of(rights.employee)[:5],
        "plan": erasure_plan(rights.employee, today) if rights.kind == RightKind.ERASURE else None,
        "extend_form": ExtendForm(),
        "record_form": RecordForm(),
        "answer_form": AnswerForm(),
        "erasure_form": ErasureForm(),
    }
    context.update(forms)
    return render(request, "privacy/request_detail.html", context)


@require(is_privacy_officer)
def request_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _detail(request, rights_request_get(request.user, pk))


@require(is_privacy_officer)
@require_POST
def request_extend_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    rights = rights_request_get(request.user, pk)
    form = ExtendForm(request.POST)
    done = submit(
        form,
        lambda: request_extend(
            request=rights, reason=form.cleaned_data["extension_reason"], by=request.user
        ),
    )
    if done is None:
        return _detail(request, rights, extend_form=form)
    messages.success(
        request,
        _("Délai prolongé jusqu'au %(day)s ; informez-en la personne avec le motif.")
        % {"day": done.deadline_date.strftime("%d/%m/%Y")},
    )
    return redirect(rights.get_absolute_url())


@require(is_privacy_officer)
@require_POST
def request_record_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    rights = rights_request_get(request.user, pk)
    form = RecordForm(request.POST)
    if (
        submit(
            form,
            lambda: request_record(request=rights, by=request.user, what=form.cleaned_data["what"]),
        )
        is None
    ):
        return _detail(request, rights, record_form=form)
    messages.success(request, _("Suite donnée enregistrée sur la demande."))
    return redirect(rights.get_absolute_url())


@require(is_privacy_officer)
@require_POST
def request_archive(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    rights = rights_request_get(request.user, pk)
    export_request(employee=rights.employee, by=request.user, request=rights)
    messages.success(
        request, _("Archive en préparation ; elle apparaît ci-dessous dès qu'elle est prête.")
    )
    return redirect(rights.get_absolute_url())


@require(is_privacy_officer)
@require_POST
def request_erase(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    rights = rights_request_get(request.user, pk)
    ensure(rights.kind == RightKind.ERASURE and rights.is_open)
    form = ErasureForm(request.POST)
    report = submit(
        form,
        lambda: person_erase(
            employee=rights.employee,
            by=request.user,
            request=rights,
            reason=form.cleaned_data["reason"],
        ),
    )
    if report is None:
        return _detail(request, rights, erasure_form=form)
    messages.success(request, _("Effacement fait : %(s)s") % {"s": report.summary()})
    return redirect(rights.get_absolute_url())


@require(is_privacy_officer)
@require_POST
def request_answer_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    rights = rights_request_get(request.user, pk)
    form = AnswerForm(request.POST)
    done = submit(
        form,
        lambda: request_answer(
            request=rights,
            status=form.cleaned_data["status"],
            answer=form.cleaned_data["answer"],
            answered_date=form.cleaned_data["answered_date"],
            by=request.user,
        ),
    )
    if done is None:
        return _detail(request, rights, answer_form=form)
    messages.success(request, _("Réponse enregistrée ; la demande est close."))
    return redirect(rights.get_absolute_url())
