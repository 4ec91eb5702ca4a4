from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from effectif.dashboards.selectors import home_summary


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today = dt.date.today()
    return render(
        request,
        "dashboards/home.html",
        {"summary": home_summary(request.user, today), "today": today},
    )
