from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from effectif.accounts.services import api_tokens_revoke_all
from effectif.core.access import ensure, require
from effectif.core.audit import audit
from effectif.core.dates import query_date
from effectif.core.editing import add_service_errors, bound, saved, submit
from effectif.core.exporting import Column, export_response
from effectif.core.htmx import render_page_or_partial
from effectif.core.listing import page_of, query_without, requested_export, sort_links
from effectif.core.models import AuditAction, AuditEntry
from effectif.core.panels import panels
from effectif.core.roles import is_hr, is_self
from effectif.core.typing import AuthenticatedRequest
from effectif.core.uploads import file_response
from effectif.employees import permissions as perms
from effectif.employees.extensions import registry
from effectif.employees.forms import ChangeRequestForm, DecisionForm, DocumentForm, EmployeeForm
from effectif.employees.models import Employee
from effectif.employees.selectors import (
    PRESENCE_CHOICES,
    EmployeeFilters,
    change_request_get,
    document_downloaded,
    document_get,
    documents_for,
    employee_get,
    employee_list,
    own_employee,
    pending_change_requests,
    sensitive_data,
    sensitive_shown,
)
from effectif.employees.services import (
    change_request_approve,
    change_request_reject,
    change_request_submit,
    employee_document_add,
    employee_document_delete,
    employee_save,
)
from effectif.organisation.selectors import (
    departments_for,
    employers_for,
    establishments_for,
    hr_employers_for,
)

SORTABLE = [
    ("matricule", _lazy("Matricule")),
    ("name", _lazy("Nom")),
    ("employer", _lazy("Employeur")),
    ("establishment", _lazy("Établissement")),
    ("department", _lazy("Service")),
    ("job_title", _lazy("Emploi")),
    ("kind", _lazy("Contrat")),
    ("hire_date", _lazy("Entrée")),
]


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def filters_from(request: AuthenticatedRequest) -> EmployeeFilters:
    sort = request.GET.get("tri", "name")
    presence = request.GET.get("presence", "present")
    return EmployeeFilters(
        q=request.GET.get("q", "").strip(),
        employer_id=_int(request.GET.get("employeur")),
        establishment_id=_int(request.GET.get("etablissement")),
        department_id=_int(request.GET.get("service")),
        kind=request.GET.get("nature") or None,
        presence=presence if presence in dict(PRESENCE_CHOICES) else "present",
        on=query_date(request, "date") or timezone.localdate(),
        sort=sort.lstrip("-"),
        descending=sort.startswith("-"),
    )


EXPORT_COLUMNS = [
    Column(_lazy("Matricule"), lambda e: e.matricule, 12),
    Column(_lazy("Nom"), lambda e: e.usage_name or e.last_name, 20),
    Column(_lazy("Nom de naissance"), lambda e: e.last_name, 20),
    Column(_lazy("Prénoms"), lambda e: e.first_names, 20),
    Column(_lazy("Employeur"), lambda e: e.employer.name, 25),
    Column(_lazy("Établissement"), lambda e: getattr(e, "situation_establishment", ""), 25),
    Column(_lazy("Service"), lambda e: e.department.name if e.department else "", 20),
    Column(_lazy("Emploi"), lambda e: getattr(e, "situation_job_title", ""), 25),
    Column(_lazy("Nature du contrat"), lambda e: getattr(e, "situation_kind", ""), 15),
    Column(_lazy("Date d'entrée"), lambda e: getattr(e, "hire_date", None), 12),
    Column(_lazy("Fin du contrat"), lambda e: getattr(e, "situation_end_date", None), 12),
    Column(_lazy("E-mail professionnel"), lambda e: e.work_email, 25),
]


@login_required
def employee_list_view(request: AuthenticatedRequest) -> HttpResponseBase:
    user = request.user
    if not perms.can_list_employees(user):
        own = own_employee(user)
        if own is None:
            raise Http404
        return redirect("employees:detail", pk=own.pk)
    filters = filters_from(request)
    employees = employee_list(user, filters)
    if export := requested_export(request):
        audit(
            actor=user,
            action=AuditAction.EXPORT,
            detail=_("Export de la liste des salariés (%(fmt)s)") % {"fmt": export},
        )
        return export_response(
            export_format=export,
            name=_("Salariés"),
            rows=employees.iterator(),
            columns=EXPORT_COLUMNS,
        )
    situation = registry.situation
    kind_labels = dict(situation.kind_choices()) if situation else {}
    context = {
        "page_obj": page_of(request, employees),
        "filters": filters,
        "query": query_without(request.GET, "page", "export"),
        "sorts": sort_links(request, SORTABLE),
        "employers": employers_for(user).order_by("name"),
        "establishments": establishments_for(user).order_by("name"),
        "departments": departments_for(user).order_by("name"),
        "kinds": situation.kind_choices() if situation else [],
        "kind_labels": kind_labels,
        "presences": PRESENCE_CHOICES,
        "can_create": is_hr(user),
    }
    return render_page_or_partial(
        request, "employees/list.html", "employees/partials/list_results.html", context
    )


@login_required
def my_file(request: AuthenticatedRequest) -> HttpResponse:
    own = own_employee(request.user)
    if own is None:
        messages.info(request, _("Aucun dossier du personnel n'est rattaché à votre compte."))
        return redirect("dashboards:home")
    return redirect("employees:detail", pk=own.pk)


@login_required
def employee_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employee = employee_get(request.user, pk)
    user = request.user
    show_sensitive = request.GET.get("sensibles") == "1"
    context = {
        "employee": employee,
        "can_edit": perms.can_edit_file(user, employee),
        "can_see_personal": perms.can_see_personal(user, employee),
        "can_see_sensitive": perms.can_see_sensitive(user, employee),
        "is_self": is_self(user, employee),
        "sensitive": sensitive_data(user, employee) if show_sensitive else None,
        "documents": documents_for(user, employee),
        "panels": panels.for_page("employee", request, employee),
        "change_requests": employee.change_requests.select_related("decided_by")[:10]
        if perms.can_see_personal(user, employee)
        else [],
        "today": timezone.localdate(),
    }
    return render(request, "employees/detail.html", context)


@login_required
def employee_sensitive(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The sensitive block, loaded on demand (htmx): each display is an audited read."""
    employee = employee_get(request.user, pk)
    data = sensitive_data(request.user, employee)
    ensure(data is not None)
    return render(
        request, "employees/partials/sensitive.html", {"employee": employee, "sensitive": data}
    )


@require(is_hr)
def employee_create(request: AuthenticatedRequest) -> HttpResponse:
    form = bound(request, EmployeeForm, employers=hr_employers_for(request.user))
    if request.method == "POST":
        employee = submit(form, lambda: employee_save(employee=form.instance, by=request.user))
        if employee is not None:
            messages.success(
                request,
                _("Le dossier de %(name)s est créé. Ajoutez son contrat.")
                % {"name": employee.display_name},
            )
            return redirect("employees:detail", pk=employee.pk)
    return render(request, "employees/form.html", {"form": form, "title": _("Nouveau salarié")})


@login_required
def employee_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employee = employee_get(request.user, pk)
    ensure(perms.can_edit_file(request.user, employee))
    form = bound(request, EmployeeForm, instance=employee, employers=hr_employers_for(request.user))
    if request.method == "POST" and saved(
        form, lambda: employee_save(employee=form.instance, by=request.user)
    ):
        messages.success(request, _("Dossier enregistré."))
        return redirect("employees:detail", pk=employee.pk)
    if not form.is_bound:  # filled with the file's NIR, IBAN, family: an audited read
        sensitive_shown(request.user, employee, form.fields)
    return render(
        request,
        "employees/form.html",
        {
            "form": form,
            "title": _("Modifier le dossier de %(name)s") % {"name": employee.display_name},
            "employee": employee,
        },
    )


@require(is_hr)
@require_POST
def employee_api_tokens_revoke(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """HR revoke every API token of the account of a file in their scope (404 out of it)."""
    employee = employee_get(request.user, pk)
    if employee.user is None:
        raise Http404
    count = api_tokens_revoke_all(
        user=employee.user,
        by=request.user,
        reason="révoqués par les RH depuis le dossier du salarié",
        employer_id=employee.employer_id,
        employee_id=employee.pk,
    )
    messages.success(
        request,
        _("%(count)s jeton(s) d'API du compte %(user)s révoqué(s).")
        % {"count": count, "user": employee.user.get_username()},
    )
    return redirect("employees:detail", pk=employee.pk)


@login_required
def employee_history(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employee = employee_get(request.user, pk)
    ensure(perms.can_see_personal(request.user, employee))
    entries = AuditEntry.objects.filter(employee_id=employee.pk).exclude(action=AuditAction.READ)
    return render(
        request,
        "employees/history.html",
        {
            "employee": employee,
            "page_obj": page_of(request, entries, 50),
            "query": query_without(request.GET, "page"),
        },
    )


# --- Documents -----------------------------------------------------------------------------


@login_required
def document_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employee = employee_get(request.user, pk)
    ensure(perms.can_edit_file(request.user, employee))
    form = bound(request, DocumentForm)
    if request.method == "POST" and saved(
        form,
        lambda: employee_document_add(
            employee=employee,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
            expiry_date=form.cleaned_data["expiry_date"],
            by=request.user,
        ),
    ):
        messages.success(request, _("Document ajouté au dossier."))
        return redirect("employees:detail", pk=employee.pk)
    return render(
        request,
        "employees/form.html",
        {"form": form, "title": _("Ajouter un document"), "employee": employee, "multipart": True},
    )


@login_required
def document_download(request: AuthenticatedRequest, pk: int, document_pk: int) -> HttpResponseBase:
    employee = employee_get(request.user, pk)
    ensure(perms.can_see_personal(request.user, employee))
    document = document_get(request.user, employee, document_pk)
    response = file_response(
        request, document.file, filename=(document.file.name or "document").rsplit("/", 1)[-1]
    )
    document_downloaded(request.user, document)
    return response


@login_required
@require_POST
def document_delete(request: AuthenticatedRequest, pk: int, document_pk: int) -> HttpResponse:
    employee = employee_get(request.user, pk)
    ensure(perms.can_edit_file(request.user, employee))
    document = document_get(request.user, employee, document_pk)
    employee_document_delete(document=document, by=request.user)
    messages.success(request, _("Document supprimé."))
    return redirect("employees:detail", pk=employee.pk)


# --- Self-service change requests ----------------------------------------------------------


@login_required
def change_request_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employee = employee_get(request.user, pk)
    ensure(perms.can_request_change(request.user, employee))
    form = bound(request, ChangeRequestForm, instance=Employee.objects.get(pk=employee.pk))
    if not form.is_bound:  # filled with the employee's own IBAN and family: audited too
        sensitive_shown(request.user, employee, form.fields)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            change_request_submit(
                employee=employee,
                changes=changes,
                message=form.cleaned_data["message"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Votre demande est transmise aux RH, qui la valideront."))
            return redirect("employees:detail", pk=employee.pk)
    return render(
        request,
        "employees/form.html",
        {
            "form": form,
            "title": _("Demander une modification de mon dossier"),
            "employee": employee,
        },
    )


@require(is_hr)
def change_request_list(request: AuthenticatedRequest) -> HttpResponseBase:
    requests = pending_change_requests(request.user).order_by("created_at")
    if export := requested_export(request):
        return export_response(
            export_format=export,
            name=_("Demandes de modification"),
            rows=requests,
            columns=[
                Column(_("Reçue le"), lambda r: r.created_at.date(), 12),
                Column(_("Matricule"), lambda r: r.employee.matricule),
                Column(_("Salarié"), lambda r: r.employee.display_name, 25),
                Column(_("Champs demandés"), lambda r: ", ".join(sorted(r.changes)), 40),
                Column(_("Message"), lambda r: r.message, 40),
            ],
        )
    return render(request, "employees/change_requests.html", {"requests": requests})


@require(is_hr)
def change_request_decide(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    change = change_request_get(request.user, pk)
    form = bound(request, DecisionForm)
    if request.method == "POST" and form.is_valid():
        comment = form.cleaned_data["comment"]
        try:
            if request.POST.get("decision") == "approve":
                change_request_approve(request=change, by=request.user, comment=comment)
                messages.success(request, _("Demande validée : le dossier est mis à jour."))
            else:
                change_request_reject(request=change, by=request.user, comment=comment)
                messages.success(request, _("Demande refusée."))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("employees:change_requests")
    employee = change.employee
    sensitive_shown(request.user, employee, change.changes)  # the values they replace
    rows = [
        {
            "label": getattr(Employee._meta.get_field(name), "verbose_name", name),
            "before": getattr(employee, name),
            "after": value,
        }
        for name, value in change.changes.items()
    ]
    return render(
        request,
        "employees/change_request_decide.html",
        {"change": change, "rows": rows, "form": form},
    )
