"""Each employee's calendar subscription: the secret address (created, regenerated, revoked
by the employee), and the .ics it serves to calendar applications without a session."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from effectif.core.access import ensure
from effectif.core.htmx import is_htmx
from effectif.core.typing import AuthenticatedRequest
from effectif.employees.selectors import own_employee
from effectif.planning.ics import employee_calendar
from effectif.planning.permissions import can_subscribe
from effectif.planning.selectors import feed_by_token, feed_of
from effectif.planning.services import (
    calendar_feed_issue,
    calendar_feed_revoke,
    calendar_feed_touch,
)


@never_cache
@login_required
def feed(request: AuthenticatedRequest) -> HttpResponseBase:
    """The subscription card: GET shows it, POST `issue` or `revoke` changes it. A new address
    is shown once, in the response to its creation."""
    employee = own_employee(request.user)
    if employee is None:
        raise Http404
    ensure(can_subscribe(request.user, employee))
    feed_url = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "issue":
            token = calendar_feed_issue(employee=employee, by=request.user)
            feed_url = request.build_absolute_uri(reverse("planning:ics", args=[token]))
        elif action == "revoke":
            calendar_feed_revoke(employee=employee, by=request.user)
    context = {"feed": feed_of(employee), "feed_url": feed_url}
    template = "planning/partials/feed.html" if is_htmx(request) else "planning/feed.html"
    return render(request, template, context)


@require_GET
def calendar_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The .ics of the employee whose token this is; 404 for an unknown or revoked one, or
    when their account is closed."""
    subscription = feed_by_token(token)
    if subscription is None:
        raise Http404
    user = subscription.employee.user
    if user is None or not user.is_active:
        raise Http404
    calendar_feed_touch(feed=subscription)
    response = HttpResponse(
        employee_calendar(subscription.employee), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="planning.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
