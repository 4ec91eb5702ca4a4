from __future__ import annotations

import datetime as dt
from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.access import require
from effectif.core.dates import query_date
from effectif.core.deadlines import deadlines, reads_deadlines
from effectif.core.exporting import Column, export_response
from effectif.core.listing import page_of, parse_id, query_without, requested_export
from effectif.core.typing import AuthenticatedRequest
from effectif.dashboards.selectors import home_summary
from effectif.organisation.selectors import employers_for


@login_required
def home(request: AuthenticatedRequest) -> HttpResponse:
    today = timezone.localdate()
    upcoming = (
        deadlines.collect(
            request.user, today - dt.timedelta(days=30), today + dt.timedelta(days=30)
        )
        if reads_deadlines(request.user)
        else []
    )
    return render(
        request,
        "dashboards/home.html",
        {
            "summary": home_summary(request.user, today),
            "today": today,
            "deadlines": upcoming[:12],
            "deadline_count": len(upcoming),
            "overdue_count": sum(1 for d in upcoming if d.overdue(today)),
            "deadline_labels": dict(deadlines.choices()),
        },
    )


@require(reads_deadlines)
def deadline_list(request: AuthenticatedRequest) -> HttpResponseBase:
    """The échéancier: every upcoming and overdue legal deadline the user may see."""
    today = timezone.localdate()
    start = query_date(request, "du") or today - dt.timedelta(days=30)
    end = query_date(request, "au") or today + dt.timedelta(days=60)
    kind = request.GET.get("type") or None
    employer = request.GET.get("employeur", "")
    items = deadlines.collect(
        request.user,
        start,
        end,
        kinds=[kind] if kind else None,
        employer_id=parse_id(employer),
    )
    if export := requested_export(request):
        return export_response(
            export_format=export,
            name=_("Échéancier"),
            rows=items,
            columns=[
                Column(_("Échéance"), lambda d: d.due_date, 12),
                Column(_("Type"), lambda d: str(deadlines.label(d.kind)), 22),
                Column(_("Objet"), lambda d: d.title, 45),
                Column(_("Règle"), lambda d: d.rule, 70),
                Column(_("En retard"), lambda d: d.overdue(today)),
            ],
        )
    # A large employer's to-do holds a thousand lines: shown 100 at a time, soonest first,
    # grouped by week (the export holds them all).
    page = page_of(request, items, 100)
    weeks = [
        (monday, list(group))
        for monday, group in groupby(
            page.object_list, key=lambda d: d.due_date - dt.timedelta(days=d.due_date.weekday())
        )
    ]
    return render(
        request,
        "dashboards/deadlines.html",
        {
            "weeks": weeks,
            "page_obj": page,
            "count": len(items),
            "overdue": sum(1 for d in items if d.overdue(today)),
            "today": today,
            "start": start,
            "end": end,
            "kind": kind,
            "kinds": deadlines.choices(),
            "labels": dict(deadlines.choices()),
            "employers": employers_for(request.user).order_by("name"),
            "employer": parse_id(employer),
            "query": query_without(request.GET, "export", "page"),
        },
    )
