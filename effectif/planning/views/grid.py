"""The planning grid of a team or an establishment, and one's own; printable and exported as
.xlsx and .pdf."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from effectif.core.access import require
from effectif.core.audit import audit
from effectif.core.exporting import XLSX_TYPE
from effectif.core.models import AuditAction
from effectif.core.typing import AuthenticatedRequest
from effectif.employees.selectors import own_employee
from effectif.planning.exports import xlsx_bytes
from effectif.planning.grid import Grid, build_grid
from effectif.planning.pdf import pdf_of
from effectif.planning.periods import Period
from effectif.planning.permissions import sees_plannings
from effectif.planning.selectors import (
    TEAM,
    Target,
    default_target,
    feed_of,
    planning_people,
    target_choices,
    target_get,
)

EXPORTS = ("xlsx", "pdf")


def edit_prefix() -> str:
    """The editor's address without its employee and day (`…/jour/`), for every cell."""
    url = reverse("planning:day", kwargs={"employee_pk": 1, "day": "2000-01-01"})
    return url[: -len("1/2000-01-01/")]


def target_label(target: Target) -> str:
    if target.kind == TEAM:
        return _("Équipe %(name)s (avec ses sous-services)") % {"name": target.name}
    return _("Établissement %(name)s") % {"name": target.name}


def _queries(base: dict[str, str], period: Period, today: Any) -> dict[str, str]:
    def query(start: Any) -> str:
        return urlencode({**base, "periode": period.kind, "date": start.isoformat()})

    return {
        "query": query(period.start),
        "previous_query": query(period.previous.start),
        "next_query": query(period.following.start),
        "today_query": query(today),
    }


def _export(
    request: AuthenticatedRequest, grid: Grid, kind: str, context: dict[str, Any]
) -> HttpResponse:
    name = slugify(f"planning-{context['file_label']}-{context['period'].slug}")
    audit(
        actor=request.user,
        action=AuditAction.EXPORT,
        detail=_("Export du planning (%(format)s) : %(what)s")
        % {"format": kind, "what": context["subtitle"]},
    )
    if kind == "xlsx":
        body = xlsx_bytes(grid, context["heading"], context["subtitle"])
        response = HttpResponse(body, content_type=XLSX_TYPE)
    else:
        body = pdf_of(grid, {**context, "printed_at": timezone.localtime(), "edit_prefix": ""})
        response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response


def _show(
    request: AuthenticatedRequest, template: str, context: dict[str, Any]
) -> HttpResponseBase:
    grid: Grid | None = context.get("grid")
    export = request.GET.get("export")
    if grid is not None:
        context["caption"] = f"{context['heading']} — {context['subtitle']}"
        context["colspan"] = len(grid.columns) + 1
        context["show_groups"] = len(grid.groups) > 1 or context.get("target") is not None
        if export in EXPORTS:
            return _export(request, grid, export, context)
    return render(request, template, context)


@require(sees_plannings)
def planning_grid(request: AuthenticatedRequest) -> HttpResponseBase:
    """A team's or an establishment's planning, by week or by month."""
    user = request.user
    today = timezone.localdate()
    period = Period.from_query(request.GET.get("periode"), request.GET.get("date"), today)
    key = request.GET.get("pour")
    target = target_get(user, key) if key else default_target(user)
    context: dict[str, Any] = {
        "heading": _("Planning"),
        "period": period,
        "target": target,
        "choices": target_choices(user),
        "staffing_url": reverse("planning:staffing"),
    }
    if target is None:
        context.update(
            subtitle=period.title,
            empty_message=_("Aucune équipe ni aucun établissement dont vous suivez le planning."),
            **_queries({}, period, today),
        )
        return _show(request, "planning/planning.html", context)
    people = planning_people(user, target, period.start, period.end)
    grid = build_grid(
        user=user,
        people=people,
        start=period.start,
        end=period.end,
        week=period.is_week,
        target=target,
        today=today,
    )
    context.update(
        grid=grid,
        subtitle=f"{target_label(target)} · {period.title}",
        file_label=target.name,
        edit_prefix=edit_prefix(),
        edit_query=urlencode({"pour": target.key, "periode": period.kind}),
        **_queries({"pour": target.key}, period, today),
    )
    return _show(request, "planning/planning.html", context)


@login_required
def my_planning(request: AuthenticatedRequest) -> HttpResponseBase:
    """One's own planning, read-only, with the calendar subscription."""
    user = request.user
    employee = own_employee(user)
    if employee is None:
        if sees_plannings(user):
            return redirect("planning:grid")
        raise Http404
    today = timezone.localdate()
    period = Period.from_query(request.GET.get("periode"), request.GET.get("date"), today)
    grid = build_grid(
        user=user,
        people=[employee],
        start=period.start,
        end=period.end,
        week=period.is_week,
        today=today,
    )
    context: dict[str, Any] = {
        "heading": _("Mon planning"),
        "subtitle": f"{employee.display_name} · {period.title}",
        "file_label": employee.display_name,
        "period": period,
        "grid": grid,
        "feed": feed_of(employee),
        **_queries({}, period, today),
    }
    return _show(request, "planning/mine.html", context)
