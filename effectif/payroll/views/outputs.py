"""The outputs of a period: the payroll journal (livre de paie), the accounting entries with
the employer's accounts, and the salary transfer file (SEPA pain.001), each as a page and a
download for HR of the employer."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from effectif.core.access import require
from effectif.core.audit import audit
from effectif.core.editing import bound, saved
from effectif.core.exporting import Column, export_response
from effectif.core.listing import requested_export
from effectif.core.models import AuditAction
from effectif.core.services import save_audited
from effectif.core.typing import AuthenticatedRequest
from effectif.payroll.accounting.entries import (
    EntryLine,
    accounting_settings,
    check_balanced,
    entries_of,
)
from effectif.payroll.accounting.forms import AccountingSettingsForm
from effectif.payroll.journal import (
    journal_columns,
    journal_export_rows,
    journal_of,
    journal_table,
)
from effectif.payroll.models import AccountingSettings, PayrollPeriod
from effectif.payroll.permissions import is_payroll_lead, may_run_payroll
from effectif.payroll.selectors import period_get
from effectif.payroll.transfers import (
    PAYABLE_STATUSES,
    execution_date,
    salary_transfer_file,
    transfer_plan,
)


def _exported(request: AuthenticatedRequest, period: PayrollPeriod, what: str) -> None:
    audit(actor=request.user, action=AuditAction.EXPORT, target=period, detail=what)


@require(may_run_payroll)
def journal(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    period = period_get(request.user, pk)
    book = journal_of(period)
    if export := requested_export(request):
        _exported(request, period, _("Livre de paie (%(format)s)") % {"format": export})
        return export_response(
            export_format=export,
            columns=journal_columns(book),
            rows=journal_export_rows(book),
            name=_("livre de paie %(month)s") % {"month": f"{period.month:%Y-%m}"},
        )
    return render(
        request,
        "payroll/journal.html",
        {"period": period, "journal": book, **journal_table(book)},
    )


@require(may_run_payroll)
def accounting(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    period = period_get(request.user, pk)
    accounts = accounting_settings(period.employer_id)
    entries = entries_of(period, accounts)
    if export := requested_export(request):
        try:
            check_balanced(entries)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("payroll:accounting", pk=period.pk)
        _exported(request, period, _("Écritures comptables (%(format)s)") % {"format": export})
        columns: list[Column] = [
            Column(_("Journal"), lambda _line: entries.journal_code, 8),
            Column(_("Date"), lambda _line: entries.entry_date, 12),
            Column(_("Pièce"), lambda _line: entries.reference, 14),
            Column(_("Compte"), lambda line: line.account, 12),
            Column(_("Libellé"), lambda line: line.label, 40),
            Column(_("Débit"), lambda line: line.debit or None, 14),
            Column(_("Crédit"), lambda line: line.credit or None, 14),
        ]
        rows: list[EntryLine] = list(entries.lines)
        return export_response(
            export_format=export,
            columns=columns,
            rows=rows,
            name=_("ecritures de paie %(month)s") % {"month": f"{period.month:%Y-%m}"},
        )
    return render(
        request,
        "payroll/accounting.html",
        {
            "period": period,
            "entries": entries,
            "accounts": accounts,
            "is_lead": is_payroll_lead(request.user),
        },
    )


@require(is_payroll_lead)
def accounting_settings_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = period_get(request.user, pk)
    instance = accounting_settings(period.employer_id)
    form = bound(request, AccountingSettingsForm, instance=instance)
    if request.method == "POST" and saved(
        form,
        lambda: save_audited(
            instance=form.instance,
            by=request.user,
            fields=AccountingSettings.ACCOUNT_FIELDS,
        ),
    ):
        messages.success(request, _("Comptes de paie enregistrés."))
        return redirect("payroll:accounting", pk=period.pk)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Comptes de paie de %(employer)s") % {"employer": period.employer.name},
            "subtitle": _("Paie"),
            "back": period,
        },
    )


@require(may_run_payroll)
def transfers(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = period_get(request.user, pk)
    return render(
        request,
        "payroll/transfers.html",
        {
            "period": period,
            "plan": transfer_plan(period),
            "payable": period.status in PAYABLE_STATUSES,
            "execution_date": execution_date(period),
        },
    )


@require(may_run_payroll)
def transfer_file(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    period = period_get(request.user, pk)
    try:
        name, document, _plan = salary_transfer_file(period=period, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("payroll:transfers", pk=period.pk)
    response = HttpResponse(document, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
