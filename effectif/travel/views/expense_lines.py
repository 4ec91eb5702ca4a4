"""The lines of an expense report: added and edited with htmx, deleted, their receipts (scoped,
audited reads) and the approvers' decision on each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure
from effectif.core.editing import add_service_errors, submit
from effectif.core.htmx import is_htmx
from effectif.core.uploads import file_response
from effectif.rules.travel.allowances import is_paris_area
from effectif.travel.forms.expenses import DecisionForm, LineForm
from effectif.travel.models import ExpenseLine, ExpenseReport
from effectif.travel.permissions import (
    can_edit_report,
)
from effectif.travel.selectors.expenses import (
    line_get,
    receipt_read,
)
from effectif.travel.selectors.scope import report_get, vehicles_for
from effectif.travel.services.expenses import (
    can_decide_lines,
    line_decide,
    line_delete,
    line_save,
)

if TYPE_CHECKING:
    from effectif.core.typing import AuthenticatedRequest


def go_to(request: AuthenticatedRequest, url: str) -> HttpResponse:
    """Back to a page: an htmx request is told to load it (HX-Redirect)."""
    if is_htmx(request):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def form_messages(form: Any) -> list[str]:
    return [str(message) for errors in form.errors.values() for message in errors]


def _line_initial(report: ExpenseReport, line: ExpenseLine | None) -> dict[str, Any]:
    if line is not None:
        return {
            "category": line.category,
            "expense_date": line.expense_date,
            "merchant": line.merchant,
            "description": line.description,
            "currency": line.currency,
            "amount": line.amount if line.currency == "EUR" else None,
            "original_amount": line.original_amount,
            "exchange_rate": line.exchange_rate,
            "vat_amount": line.vat_amount,
            "meal_kind": line.meal_kind,
            "guests": line.guests,
            "paris_area": line.paris_area,
            "vehicle": line.vehicle_id,
            "route_from": line.route_from,
            "route_to": line.route_to,
            "distance_km": line.distance_km,
        }
    initial: dict[str, Any] = {"currency": "EUR", "guests": 1, "meal_kind": "restaurant"}
    trip = report.trip
    if trip is not None:
        initial["expense_date"] = trip.start_date
        codes = trip.destinations.values_list("postal_code", flat=True)
        initial["paris_area"] = any(is_paris_area(code) for code in codes if code)
        initial["route_from"] = trip.departure_place
        destination = trip.destinations.order_by("position").first()
        if destination is not None:
            initial["route_to"] = destination.place
            initial["distance_km"] = 2 * trip.distance_km
    return initial


def _line_form_page(
    request: AuthenticatedRequest, report: ExpenseReport, line: ExpenseLine | None
) -> HttpResponse:
    vehicles = vehicles_for(request.user).filter(employee=report.employee, active=True)
    if request.method == "POST":
        form = LineForm(request.POST, request.FILES or None, vehicles=vehicles)
        if form.is_valid():
            try:
                line_save(
                    report=report,
                    line=line,
                    data=form.to_input(),
                    receipt=form.cleaned_data.get("receipt") or None,
                    remove_receipt=request.POST.get("receipt-clear") == "on",
                    by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Dépense enregistrée."))
                return go_to(request, report.get_absolute_url())
    else:
        initial = _line_initial(report, line)
        if "category" in request.GET:  # the category changed: keep what was typed
            initial.update({k: v for k, v in request.GET.items() if k != "receipt"})
        form = LineForm(initial=initial, vehicles=vehicles)
    context = {
        "form": form,
        "report": report,
        "line": line,
        "action": (
            reverse("travel:line_edit", args=[report.pk, line.pk])
            if line is not None
            else reverse("travel:line_add", args=[report.pk])
        ),
        "has_vehicles": vehicles.exists(),
    }
    if is_htmx(request):
        return render(request, "travel/expenses/partials/line_form.html", context)
    return render(request, "travel/expenses/line_form.html", context)


@login_required
def line_add_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    report = report_get(request.user, pk)
    ensure(can_edit_report(request.user, report))
    return _line_form_page(request, report, None)


@login_required
def line_edit_view(request: AuthenticatedRequest, pk: int, line_pk: int) -> HttpResponse:
    report = report_get(request.user, pk)
    ensure(can_edit_report(request.user, report))
    return _line_form_page(request, report, line_get(request.user, report, line_pk))


@login_required
@require_POST
def line_delete_view(request: AuthenticatedRequest, pk: int, line_pk: int) -> HttpResponse:
    report = report_get(request.user, pk)
    ensure(can_edit_report(request.user, report))
    line = line_get(request.user, report, line_pk)
    line_delete(line=line, by=request.user)
    messages.success(request, _("Dépense retirée de la note."))
    return go_to(request, report.get_absolute_url())


@login_required
def receipt_view(request: AuthenticatedRequest, pk: int, line_pk: int) -> HttpResponseBase:
    report = report_get(request.user, pk)
    line = line_get(request.user, report, line_pk)
    if not line.receipt:
        raise Http404
    receipt_read(request.user, line)
    name = (line.receipt.name or "justificatif").rsplit("/", 1)[-1]
    # Shown in the browser (a checked PDF or image), sandboxed; a missing file gives a 404.
    return file_response(request, line.receipt, filename=name, inline=True)


@login_required
@require_POST
def line_decide_view(request: AuthenticatedRequest, pk: int, line_pk: int) -> HttpResponse:
    report = report_get(request.user, pk)
    ensure(can_decide_lines(request.user, report))
    line = line_get(request.user, report, line_pk)
    form = DecisionForm(request.POST, prefix=f"l{line.pk}")
    refused: list[str] = []
    done = submit(
        form,
        lambda: line_decide(
            line=line,
            decision=form.cleaned_data["decision"],
            accepted_amount=form.cleaned_data["accepted_amount"],
            comment=form.cleaned_data["comment"],
            version=form.cleaned_data["version"],
            by=request.user,
        ),
    )
    if done is not None:
        if not is_htmx(request):
            messages.success(request, _("Décision enregistrée."))
            return redirect(report.get_absolute_url())
        line, form = done, DecisionForm.for_line(done)
    elif not is_htmx(request) or form.non_field_errors():
        # Without htmx, or when the report itself changed meanwhile: the page, as it is now.
        for message in form_messages(form):
            messages.error(request, message)
        return go_to(request, report.get_absolute_url())
    elif form.has_error("version"):
        # The line changed since the page was read: the row as it is now, with the refusal.
        refused = [str(message) for message in form.errors["version"]]
        line = line_get(request.user, report, line_pk)
        form = DecisionForm.for_line(line)
    return render(
        request,
        "travel/expenses/partials/line_row.html",
        {
            "report": report,
            "line": line,
            "deciding": True,
            "forms": {line.pk: form},
            "saved": done is not None,
            "refused": refused,
        },
    )
