from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.accounts.models import User
from effectif.core.access import ensure, require
from effectif.core.editing import bound, saved, submit
from effectif.core.exporting import Column, export_response
from effectif.core.listing import page_of, query_without, requested_export
from effectif.core.panels import panels
from effectif.core.services import save_audited
from effectif.organisation import permissions as perms
from effectif.organisation.forms import (
    DepartmentForm,
    EmployerForm,
    EstablishmentForm,
    GrantForm,
    HealthServiceForm,
    PositionForm,
    UserForm,
)
from effectif.organisation.models import Establishment, HealthService
from effectif.organisation.selectors import (
    department_get,
    departments_for,
    employer_get,
    employers_for,
    establishment_get,
    hr_employers_for,
    org_chart,
    people_in_department,
    position_get,
    positions_for,
)
from effectif.organisation.services import (
    employer_access_grant,
    employer_access_revoke,
    user_save,
)

# --- Employers and establishments ------------------------------------------------------------


@require(perms.can_view_employer_details)
def employer_list(request: HttpRequest) -> HttpResponseBase:
    employers = (
        employers_for(request.user)
        .annotate(establishment_count=Count("establishments", distinct=True))
        .order_by("name")
    )
    if export := requested_export(request):
        return export_response(
            export_format=export,
            name=_("Employeurs"),
            rows=employers,
            columns=[
                Column(_("Raison sociale"), lambda e: e.name, 30),
                Column(_("SIREN"), lambda e: e.siren),
                Column(_("Forme juridique"), lambda e: e.get_legal_form_display()),
                Column(_("Code NAF"), lambda e: e.naf_code),
                Column(_("IDCC"), lambda e: e.idcc),
                Column(_("Convention collective"), lambda e: e.collective_agreement, 30),
                Column(_("Secteur"), lambda e: e.get_sector_display()),
                Column(_("Établissements"), lambda e: e.establishment_count),
            ],
        )
    return render(
        request,
        "organisation/employer_list.html",
        {"employers": employers, "can_create": perms.can_create_employer(request.user)},
    )


@require(perms.can_create_employer)
def employer_create(request: HttpRequest) -> HttpResponse:
    form = bound(request, EmployerForm)
    if request.method == "POST":
        employer = submit(form, lambda: save_audited(instance=form.instance, by=request.user))
        if employer is not None:
            employer_access_grant(employer=employer, user=request.user, by=request.user)  # type: ignore[arg-type]
            messages.success(request, _("L'employeur %(name)s est créé.") % {"name": employer.name})
            return redirect("organisation:employer_detail", pk=employer.pk)
    return render(request, "core/form_page.html", {"form": form, "title": _("Nouvel employeur")})


@require(perms.can_view_employer_details)
def employer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    employer = employer_get(request.user, pk)
    return render(
        request,
        "organisation/employer_detail.html",
        {
            "employer": employer,
            "establishments": employer.establishments.select_related("health_service"),
            "accesses": employer.accesses.select_related("user").order_by("user__username"),
            "grant_form": GrantForm(employer=employer) if request.user.is_admin else None,  # type: ignore[union-attr]
            "can_edit": perms.can_edit_employer(request.user),
            "panels": panels.for_page("employer", request, employer),
            "today": dt.date.today(),
        },
    )


@require(perms.can_edit_employer)
def employer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    employer = employer_get(request.user, pk)
    form = bound(request, EmployerForm, instance=employer)
    if request.method == "POST" and saved(
        form, lambda: save_audited(instance=form.instance, by=request.user)
    ):
        messages.success(request, _("Modifications enregistrées."))
        return redirect("organisation:employer_detail", pk=employer.pk)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("Modifier %(name)s") % {"name": employer.name}, "back": employer},
    )


@require(perms.can_create_employer)
@require_POST
def employer_grant(request: HttpRequest, pk: int) -> HttpResponse:
    employer = employer_get(request.user, pk)
    form = GrantForm(request.POST, employer=employer)
    if form.is_valid():
        employer_access_grant(employer=employer, user=form.cleaned_data["user"], by=request.user)
        messages.success(request, _("Accès accordé."))
    else:
        messages.error(request, _("Choisissez un utilisateur."))
    return redirect("organisation:employer_detail", pk=employer.pk)


@require(perms.can_create_employer)
@require_POST
def employer_revoke(request: HttpRequest, pk: int, access_pk: int) -> HttpResponse:
    employer = employer_get(request.user, pk)
    access = get_object_or_404(employer.accesses, pk=access_pk)
    employer_access_revoke(access=access, by=request.user)
    messages.success(request, _("Accès retiré."))
    return redirect("organisation:employer_detail", pk=employer.pk)


@require(perms.can_edit_employer)
def establishment_create(request: HttpRequest, pk: int) -> HttpResponse:
    employer = employer_get(request.user, pk)
    form = bound(request, EstablishmentForm, instance=Establishment(employer=employer))
    if request.method == "POST" and saved(
        form, lambda: save_audited(instance=form.instance, by=request.user)
    ):
        messages.success(request, _("Établissement créé."))
        return redirect("organisation:employer_detail", pk=employer.pk)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Nouvel établissement de %(name)s") % {"name": employer.name},
            "back": employer,
        },
    )


@require(perms.can_edit_employer)
def establishment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    establishment = establishment_get(request.user, pk)
    form = bound(request, EstablishmentForm, instance=establishment)
    if request.method == "POST" and saved(
        form, lambda: save_audited(instance=form.instance, by=request.user)
    ):
        messages.success(request, _("Modifications enregistrées."))
        return redirect("organisation:employer_detail", pk=establishment.employer_id)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": str(establishment), "back": establishment.employer},
    )


# --- Occupational health services ---------------------------------------------------------


@require(perms.can_edit_employer)
def health_service_list(request: HttpRequest) -> HttpResponseBase:
    services = HealthService.objects.annotate(n=Count("establishments")).order_by("name")
    if export := requested_export(request):
        return export_response(
            export_format=export,
            name=_("Services de santé au travail"),
            rows=services,
            columns=[
                Column(_("Nom"), lambda s: s.name, 30),
                Column(_("Adresse"), lambda s: s.address, 40),
                Column(_("Téléphone"), lambda s: s.phone),
                Column(_("E-mail"), lambda s: s.email, 25),
                Column(_("Identifiant DSN"), lambda s: s.dsn_identifier),
                Column(_("Établissements"), lambda s: s.n),
            ],
        )
    return render(request, "organisation/health_service_list.html", {"services": services})


@require(perms.can_edit_employer)
def health_service_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    service = get_object_or_404(HealthService, pk=pk) if pk else HealthService()
    form = bound(request, HealthServiceForm, instance=service)
    if request.method == "POST" and saved(
        form, lambda: save_audited(instance=form.instance, by=request.user)
    ):
        messages.success(request, _("Service de santé au travail enregistré."))
        return redirect("organisation:health_service_list")
    title = str(service) if pk else _("Nouveau service de santé au travail")
    return render(request, "core/form_page.html", {"form": form, "title": title})


# --- Departments ---------------------------------------------------------------------------


def _employer_filter(request: HttpRequest) -> tuple[Any, Any]:
    employers = employers_for(request.user).order_by("name")
    chosen = request.GET.get("employeur")
    selected = employers.filter(pk=chosen).first() if chosen and chosen.isdigit() else None
    return employers, selected


@login_required
def department_list(request: HttpRequest) -> HttpResponseBase:
    ensure(perms.can_view_employer_details(request.user))
    employers, selected = _employer_filter(request)
    departments = departments_for(request.user).annotate(
        people=people_in_department(dt.date.today())
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
def department_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
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


# --- Positions -----------------------------------------------------------------------------


@login_required
def position_list(request: HttpRequest) -> HttpResponseBase:
    ensure(perms.can_view_employer_details(request.user))
    employers, selected = _employer_filter(request)
    positions = positions_for(request.user)
    if selected is not None:
        positions = positions.filter(employer=selected)
    if q := request.GET.get("q", "").strip():
        positions = positions.filter(title__icontains=q)
    positions = positions.order_by("employer__name", "title")
    if export := requested_export(request):
        return export_response(
            export_format=export,
            name=_("Fiches de poste"),
            rows=positions,
            columns=[
                Column(_("Employeur"), lambda p: p.employer.name, 25),
                Column(_("Intitulé"), lambda p: p.title, 30),
                Column(_("Service"), lambda p: p.department.name if p.department else "", 20),
                Column(_("Classification"), lambda p: p.classification, 20),
                Column(_("Coefficient"), lambda p: p.coefficient),
                Column(_("PCS-ESE"), lambda p: p.pcs_ese),
                Column(_("Expositions"), lambda p: ", ".join(p.get_risk_exposures_display()), 40),
                Column(_("Finalité"), lambda p: p.purpose, 50),
            ],
        )
    return render(
        request,
        "organisation/position_list.html",
        {
            "page_obj": page_of(request, positions),
            "employers": employers,
            "selected": selected,
            "q": q,
            "query": query_without(request.GET, "page", "export"),
            "can_edit": perms.can_edit_organisation(request.user),
        },
    )


@login_required
def position_detail(request: HttpRequest, pk: int) -> HttpResponse:
    position = position_get(request.user, pk)
    return render(
        request,
        "organisation/position_detail.html",
        {"position": position, "can_edit": perms.can_edit_organisation(request.user)},
    )


@require(perms.can_edit_organisation)
def position_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    position = position_get(request.user, pk) if pk else None
    form = bound(
        request,
        PositionForm,
        instance=position,
        employers=hr_employers_for(request.user),
        initial={"employer": request.GET.get("employeur")} if position is None else None,
    )
    if request.method == "POST":
        saved = submit(form, lambda: save_audited(instance=form.instance, by=request.user))
        if saved is not None:
            messages.success(request, _("Fiche de poste enregistrée."))
            return redirect("organisation:position_detail", pk=saved.pk)
    title = (
        _("Modifier la fiche %(title)s") % {"title": position}
        if position
        else _("Nouvelle fiche de poste")
    )
    return render(request, "core/form_page.html", {"form": form, "title": title})


# --- Org chart -----------------------------------------------------------------------------


@login_required
def org_chart_view(request: HttpRequest) -> HttpResponse:
    employers, selected = _employer_filter(request)
    employer = selected or employers.first()
    return render(
        request,
        "organisation/org_chart.html",
        {
            "employers": employers,
            "employer": employer,
            "tree": org_chart(employer) if employer is not None else [],
        },
    )


# --- Users (administrators) ----------------------------------------------------------------


@require(perms.can_create_employer)
def user_list(request: HttpRequest) -> HttpResponseBase:
    users = (
        User.objects.prefetch_related("granted_employers")
        .annotate(
            active_tokens=Count(
                "api_tokens",
                filter=Q(
                    api_tokens__revoked_at__isnull=True, api_tokens__expires_at__gt=timezone.now()
                ),
            )
        )
        .order_by("username")
    )
    if q := request.GET.get("q", "").strip():
        users = users.filter(Q(username__icontains=q) | Q(last_name__icontains=q))
    if export := requested_export(request):
        return export_response(
            export_format=export,
            name=_("Comptes utilisateurs"),
            rows=users,
            columns=[
                Column(_("Identifiant"), lambda u: u.username, 18),
                Column(_("Nom"), lambda u: u.get_full_name(), 25),
                Column(_("E-mail"), lambda u: u.email, 28),
                Column(_("Rôle"), lambda u: u.get_role_display(), 20),
                Column(
                    _("Employeurs"),
                    lambda u: ", ".join(e.name for e in u.granted_employers.all()),
                    40,
                ),
                Column(_("Double authentification"), lambda u: u.has_totp),
                Column(_("Actif"), lambda u: u.is_active),
                Column(_("Dernière connexion"), lambda u: u.last_login, 18),
            ],
        )
    return render(
        request,
        "organisation/user_list.html",
        {"page_obj": page_of(request, users), "q": q, "query": query_without(request.GET, "page")},
    )


@require(perms.can_create_employer)
def user_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    account = get_object_or_404(User, pk=pk) if pk else User()
    form = bound(request, UserForm, instance=account)
    if request.method == "POST" and saved(
        form,
        lambda: user_save(
            user=form.instance,
            password=form.cleaned_data.get("password") or None,
            employers=form.cleaned_data.get("employers"),
            by=request.user,
        ),
    ):
        messages.success(request, _("Compte enregistré."))
        return redirect("organisation:user_list")
    title = _("Compte %(name)s") % {"name": account.username} if pk else _("Nouveau compte")
    return render(request, "core/form_page.html", {"form": form, "title": title})
