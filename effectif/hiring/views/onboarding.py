"""Onboarding: the checklists in scope, one checklist, ticking tasks off, the templates."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.editing import bound, submit
from effectif.core.typing import AuthenticatedRequest
from effectif.hiring import permissions as perms
from effectif.hiring.forms.onboarding import ItemForm, TaskForm, TemplateForm, TickForm
from effectif.hiring.models import OnboardingTask, OnboardingTemplate, OnboardingTemplateItem
from effectif.hiring.selectors import (
    interviewers_for,
    manages,
    onboarding_get,
    onboarding_template_get,
    onboarding_templates_for,
    onboardings_for,
    task_get,
    tasks_for,
)
from effectif.hiring.services.onboarding import (
    item_delete,
    item_save,
    task_add,
    task_tick,
    template_install_default,
    template_save,
)
from effectif.organisation.models import Establishment, Position
from effectif.organisation.selectors import hr_employers_for


@login_required
def onboarding_list(request: AuthenticatedRequest) -> HttpResponse:
    rows = (
        onboardings_for(request.user)
        .annotate(
            total=Count("tasks"),
            done=Count("tasks", filter=Q(tasks__done_at__isnull=False)),
        )
        .order_by("-start_date")
    )
    mine = (
        tasks_for(request.user)
        .filter(owner_id=request.user.pk, done_at__isnull=True)
        .order_by("due_date")[:50]
    )
    return render(
        request,
        "hiring/onboarding_list.html",
        {
            "onboardings": rows[:200],
            "mine": mine,
            "today": timezone.localdate(),
            "can_manage": perms.can_manage_onboarding(request.user),
        },
    )


@login_required
def onboarding_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    onboarding = onboarding_get(request.user, pk)
    managing = manages(request.user, onboarding)
    tasks = list(onboarding.tasks.select_related("owner", "done_by"))
    context: dict[str, Any] = {
        "onboarding": onboarding,
        "tasks": tasks,
        "done": sum(1 for t in tasks if t.done_at),
        "can_tick": {
            t.pk: perms.can_tick(request.user, t, manages_employee=managing) for t in tasks
        },
        "today": timezone.localdate(),
        "can_manage": perms.can_manage_onboarding(request.user),
    }
    if context["can_manage"]:
        context["task_form"] = TaskForm(
            people=interviewers_for(onboarding.employee.employer),
            initial={"due_date": onboarding.start_date},
        )
    return render(request, "hiring/onboarding_detail.html", context)


@login_required
@require_POST
def task_toggle(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    task = task_get(request.user, pk)
    onboarding = task.onboarding
    ensure(perms.can_tick(request.user, task, manages_employee=manages(request.user, onboarding)))
    form = TickForm(request.POST)
    form.is_valid()
    try:
        task_tick(
            task=task,
            by=request.user,
            done=bool(form.cleaned_data.get("done")),
            note=form.cleaned_data.get("note") or "",
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    back = request.POST.get("retour", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = onboarding.get_absolute_url()
    return redirect(back)


@require(perms.can_manage_onboarding)
@require_POST
def task_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    onboarding = onboarding_get(request.user, pk)
    form = TaskForm(
        request.POST,
        instance=OnboardingTask(onboarding=onboarding),
        people=interviewers_for(onboarding.employee.employer),
    )
    if submit(form, lambda: task_add(task=form.instance, by=request.user)) is None:
        problems = " ".join(str(m) for errors in form.errors.values() for m in errors)
        messages.error(request, _("Tâche non ajoutée : %(e)s") % {"e": problems})
    else:
        messages.success(request, _("Tâche ajoutée."))
    return redirect(onboarding.get_absolute_url())


@require(perms.can_manage_onboarding)
def template_list(request: AuthenticatedRequest) -> HttpResponse:
    if request.method == "POST":
        employer = (
            hr_employers_for(request.user).filter(pk=request.POST.get("employeur") or 0).first()
        )
        ensure(employer is not None)
        template = template_install_default(employer=employer, by=request.user)  # type: ignore[arg-type]
        messages.success(request, _("Modèle standard créé : adaptez-le à l'employeur."))
        return redirect(template.get_absolute_url())
    return render(
        request,
        "hiring/onboarding_templates.html",
        {
            "templates": onboarding_templates_for(request.user).annotate(size=Count("items")),
            "employers": hr_employers_for(request.user).order_by("name"),
        },
    )


def _template_form(request: AuthenticatedRequest, template: OnboardingTemplate) -> Any:
    employers = hr_employers_for(request.user)
    return bound(
        request,
        TemplateForm,
        instance=template,
        employers=employers,
        positions=Position.objects.filter(employer__in=employers),
        establishments=Establishment.objects.filter(employer__in=employers),
    )


@require(perms.can_manage_onboarding)
def template_create(request: AuthenticatedRequest) -> HttpResponse:
    form = _template_form(request, OnboardingTemplate())
    if request.method == "POST":
        saved = submit(form, lambda: template_save(template=form.instance, by=request.user))
        if saved is not None:
            return redirect(saved.get_absolute_url())
    return render(
        request,
        "hiring/form.html",
        {
            "form": form,
            "title": _("Nouveau modèle d'intégration"),
            "back": "hiring:onboarding_templates",
        },
    )


@require(perms.can_manage_onboarding)
def template_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    template = onboarding_template_get(request.user, pk)
    form = _template_form(request, template)
    people = interviewers_for(template.employer)
    item_form = ItemForm(people=people, initial={"order": template.items.count() + 1})
    if request.method == "POST" and request.POST.get("action") == "modele":
        if submit(form, lambda: template_save(template=form.instance, by=request.user)):
            messages.success(request, _("Modèle enregistré."))
            return redirect(template.get_absolute_url())
    elif request.method == "POST" and request.POST.get("action") == "tache":
        item_form = ItemForm(
            request.POST, instance=OnboardingTemplateItem(template=template), people=people
        )
        if submit(item_form, lambda: item_save(item=item_form.instance, by=request.user)):
            messages.success(request, _("Tâche ajoutée au modèle."))
            return redirect(template.get_absolute_url())
    elif request.method == "POST" and request.POST.get("action") == "retirer":
        item = template.items.filter(pk=request.POST.get("tache") or 0).first()
        if item is not None:
            item_delete(item=item, by=request.user)
            messages.success(request, _("Tâche retirée du modèle."))
        return redirect(template.get_absolute_url())
    return render(
        request,
        "hiring/onboarding_template.html",
        {
            "template": template,
            "form": form,
            "item_form": item_form,
            "items": template.items.select_related("owner"),
        },
    )
