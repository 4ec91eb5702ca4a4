"""The types of what a view receives once the user is logged in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from effectif.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    """A request behind `login_required` (or `core.access.require`): its user is a `User`, and
    django-htmx's middleware has said whether htmx sent it.

    Annotate a view's `request` with it; nothing is converted at run time."""

    user: User
    htmx: HtmxDetails
