"""The org chart: an employer's departments as a tree, with the people in each."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from effectif.core.typing import AuthenticatedRequest
from effectif.organisation.selectors import org_chart
from effectif.organisation.views import employer_filter


@login_required
def org_chart_view(request: AuthenticatedRequest) -> HttpResponse:
    employers, selected = employer_filter(request)
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
