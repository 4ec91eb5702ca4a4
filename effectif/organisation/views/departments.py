"""Departments: the tree of services of each employer and who runs them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.access import ensure, require
from effectif.core.editing import bound, saved
from effectif.core.exporting import Column, export_response
from effectif.core.listing import query_without, requested_export
from effectif.core.services import save_audited
from effectif.core.typing import AuthenticatedRequest
from effectif.organisation import permissions as perms
from effectif.organisation.forms import DepartmentForm
from effectif.organisation.selectors import (
    department_get,
    departments_for,
    hr_employers_for,
    people_in_department,
)
from effectif.organisation.views import employer_filter


@login_required
def department_list(request: AuthenticatedRequest) -> HttpResponseBase:
    ensure(perms.can_view_employer_details(request.user))
    employers, selected = employer_filter(request)
    departments = departments_for(request.user).annotate(
        people=people_in_department(timezone.localdate())
    )
    if selected is not None:
        departments = departments.filter(employer=selected)
    departments = departments.order_by("employer__name", "name")
    if export := requested_export(request):
        return export_response(
            export_format=export,
            name=_("Services"),
            rows=departments,
            columns=[
                Column(_("Employeur"), lambda d: d.employer.name, 25),
                Column(_("Service"), lambda d: d.name, 25),
                Column(_("Code"), lambda d: d.code),
                Column(_("Service parent"), lambda d: d.parent.name if d.parent else "", 25),
                Column(_("Responsable"), lambda d: str(d.manager) if d.manager else "", 25),
                Column(_("Salariés rattachés"), lambda d: d.people),
            ],
        )
    return render(
        request,
        "organisation/department_list.html",
        {
            "departments": departments,
            "employers": employers,
            "selected": selected,
            "query": query_without(request.GET, "export"),
            "can_edit": perms.can_edit_organisation(request.user),
        },
    )


@require(perms.can_edit_organisation)
def department_edit(request: AuthenticatedRequest, pk: int | None = None) -> HttpResponse:
    department = department_get(request.user, pk) if pk else None
    form = bound(
        request,
        DepartmentForm,
        instance=department,
        employers=hr_employers_for(request.user),
        initial={"employer": request.GET.get("employeur")} if department is None else None,
    )
    if request.method == "POST" and saved(
        form, lambda: save_audited(instance=form.instance, by=request.user)
    ):
        messages.success(request, _("Service enregistré."))
        return redirect("organisation:department_list")
    title = (
        _("Modifier le service %(name)s") % {"name": department}
        if department
        else _("Nouveau service")
    )
    return render(request, "core/form_page.html", {"form": form, "title": title})
