"""The second factor: asked after login, and enrolled first where settings make it mandatory."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

from effectif.accounts.services import totp_required_for
from effectif.accounts.signals import TOTP_PENDING

_OPEN_DURING_VERIFY = {"accounts:logout", "accounts:totp_verify"}
_OPEN_DURING_SETUP = {"accounts:logout", "accounts:security", "accounts:totp_setup"}


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not request.path.startswith(("/static/", "/api/")):
            try:
                name = resolve(request.path_info).view_name
            except Resolver404:
                name = ""
            if request.session.get(TOTP_PENDING) and name not in _OPEN_DURING_VERIFY:
                return redirect("accounts:totp_verify")
            if (
                not request.session.get(TOTP_PENDING)
                and totp_required_for(user)
                and not user.has_totp
                and name not in _OPEN_DURING_SETUP
            ):
                return redirect("accounts:totp_setup")
        return self.get_response(request)
