"""Amounts handed to payroll, per employer and month; the employers' notice periods; renewing a
fixed-term contract."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.contracts.models import CategoryChoices
from effectif.core.access import require
from effectif.core.dates import parse_day
from effectif.core.editing import bound, submit
from effectif.core.exporting import Column, export_response
from effectif.core.listing import requested_export
from effectif.core.roles import is_hr
from effectif.core.scoping import get_in_scope
from effectif.core.typing import AuthenticatedRequest
from effectif.departures.forms import NoticePolicyForm, RenewalForm
from effectif.departures.models import FixedTermRenewal, NoticePolicy
from effectif.departures.policies import notice_policy_save
from effectif.departures.renewals import fixed_term_renew
from effectif.departures.selectors import (
    hr_employers,
    notice_policies,
    payroll_lines,
    renewable_contract,
)

if TYPE_CHECKING:
    from effectif.accounts.models import User

COLUMNS = [
    Column("Salarié", lambda line: line.departure.employee.display_name, 28),
    Column("Matricule", lambda line: line.departure.employee.matricule, 12),
    Column("Date de sortie", lambda line: line.departure.end_date),
    Column("Élément", lambda line: line.label, 40),
    Column("Montant brut", lambda line: line.amount, 16),
    Column("Calcul", lambda line: line.basis, 60),
]


def _month(value: str) -> dt.date:
    return parse_day(f"{value}-01") or timezone.localdate().replace(day=1)


@require(is_hr)
def payroll(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    employers = hr_employers(request.user)
    chosen = request.GET.get("employeur")
    employer = employers.filter(pk=chosen).first() if chosen and chosen.isdigit() else None
    employer = employer or employers.first()
    month = _month(request.GET.get("mois", ""))
    lines = payroll_lines(request.user, employer, month) if employer is not None else []
    export = requested_export(request)
    if export and employer is not None:
        return export_response(
            export_format=export,
            columns=COLUMNS,
            rows=lines,
            name=f"departs-paie-{employer.name}-{month:%Y-%m}",
        )
    return render(
        request,
        "departures/payroll.html",
        {
            "employers": employers,
            "employer": employer,
            "month": month,
            "lines": lines,
            "total": sum((line.amount for line in lines), start=0),
        },
    )


def _save_policy(form: NoticePolicyForm, user: User) -> NoticePolicy | None:
    return submit(form, lambda: notice_policy_save(policy=form.instance, by=user))


@require(is_hr)
def notices(request: AuthenticatedRequest, employer_pk: int) -> HttpResponse:
    employer = get_in_scope(hr_employers(request.user), employer_pk)
    existing = notice_policies(employer)
    forms = [
        (
            label,
            bound(
                request,
                NoticePolicyForm,
                prefix=value,
                instance=existing.get(value) or NoticePolicy(employer=employer, category=value),
            ),
        )
        for value, label in CategoryChoices.choices
    ]
    if request.method == "POST":
        results = [_save_policy(form, request.user) for _label, form in forms]
        if all(r is not None for r in results):
            messages.success(request, _("Préavis conventionnels enregistrés."))
            return redirect("departures:notices", employer_pk=employer.pk)
    return render(
        request,
        "departures/notices.html",
        {"employer": employer, "forms": forms, "employers": hr_employers(request.user)},
    )


@require(is_hr)
def renew(request: AuthenticatedRequest, contract_pk: int) -> HttpResponse:
    contract = renewable_contract(request.user, contract_pk)
    form = bound(request, RenewalForm)
    if request.method == "POST":
        renewal = submit(
            form,
            lambda: fixed_term_renew(
                contract=contract, new_end_date=form.cleaned_data["new_end_date"], by=request.user
            ),
        )
        if renewal is not None:
            messages.success(
                request,
                _("Contrat renouvelé jusqu'au %(day)s.")
                % {"day": f"{renewal.new_end_date:%d/%m/%Y}"},
            )
            return redirect("contracts:detail", pk=contract.pk)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Renouveler le contrat"),
            "subtitle": _(
                "%(contract)s — terme actuel le %(end)s ; %(count)s renouvellement(s) déjà "
                "(2 au plus, C. trav. L1243-13-1)."
            )
            % {
                "contract": contract,
                "end": f"{contract.end_date:%d/%m/%Y}" if contract.end_date else "—",
                "count": FixedTermRenewal.objects.filter(contract=contract).count(),
            },
        },
    )
