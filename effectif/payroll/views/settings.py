"""Payroll settings: an employee's, by date of effect (withholding rate and its origin,
complementary health and prévoyance, transport pass, paper payslip), and an employer's (absence
method, headcount for the thresholds, anomaly threshold)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.access import require
from effectif.core.editing import bound, saved
from effectif.core.scoping import get_in_scope
from effectif.core.typing import AuthenticatedRequest
from effectif.employees.models import Employee
from effectif.organisation.selectors import hr_employers_for
from effectif.payroll import services
from effectif.payroll.forms import EmployeeSettingsForm, EmployerSettingsForm
from effectif.payroll.models import EmployeePayrollSettings, EmployerPayrollSettings
from effectif.payroll.permissions import is_payroll_lead, may_run_payroll


@require(may_run_payroll)
def employee_settings(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employee = get_in_scope(
        Employee.objects.filter(employer__in=hr_employers_for(request.user)), pk
    )
    versions = EmployeePayrollSettings.objects.filter(employee=employee).order_by("-effective_date")
    latest = versions.first()
    initial = {"effective_date": timezone.localdate().replace(day=1)}
    if latest is not None:
        initial |= {
            name: getattr(latest, name)
            for name in EmployeePayrollSettings.TYPED_FIELDS
            if name != "effective_date"
        }
    form = bound(
        request,
        EmployeeSettingsForm,
        instance=EmployeePayrollSettings(employee=employee),
        initial=initial,
    )
    if request.method == "POST" and saved(
        form, lambda: services.employee_settings_save(settings=form.instance, by=request.user)
    ):
        messages.success(request, _("Paramètres de paie enregistrés."))
        return redirect("payroll:employee_settings", pk=employee.pk)
    return render(
        request,
        "payroll/employee_settings.html",
        {"employee": employee, "versions": versions, "form": form},
    )


@require(is_payroll_lead)
def employer_settings(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employer = get_in_scope(hr_employers_for(request.user), pk)
    current = EmployerPayrollSettings.objects.filter(employer=employer).first()
    form = bound(
        request,
        EmployerSettingsForm,
        instance=current or EmployerPayrollSettings(employer=employer),
    )
    if request.method == "POST" and saved(
        form, lambda: services.employer_settings_save(settings=form.instance, by=request.user)
    ):
        messages.success(request, _("Paramètres de paie de l'employeur enregistrés."))
        return redirect("payroll:periods")
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Paramètres de paie"),
            "subtitle": employer.name,
        },
    )
