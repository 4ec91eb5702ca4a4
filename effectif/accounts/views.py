from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.accounts.forms import LoginForm, TotpCodeForm
from effectif.accounts.models import User
from effectif.accounts.services import (
    totp_disable,
    totp_enable,
    totp_new_secret,
    totp_provisioning_uri,
    totp_required_for,
    totp_verify,
)
from effectif.accounts.signals import TOTP_PENDING

_SETUP_SECRET = "totp_setup_secret"


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:security")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        messages.success(self.request, _("Votre mot de passe a été changé."))
        return super().form_valid(form)


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
def security(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    return render(
        request,
        "accounts/security.html",
        {
            "required": totp_required_for(user),
            "tokens": user.api_tokens.order_by("-created_at")[:5],
        },
    )


@login_required
def totp_setup(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    secret = request.session.get(_SETUP_SECRET) or totp_new_secret()
    request.session[_SETUP_SECRET] = secret
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if totp_enable(user=user, secret=secret, code=form.cleaned_data["code"]):
            del request.session[_SETUP_SECRET]
            messages.success(request, _("La double authentification est activée."))
            return redirect("accounts:security")
        form.add_error("code", _("Ce code est incorrect ou a expiré. Saisissez le code affiché."))
    uri = totp_provisioning_uri(user=user, secret=secret)
    qr_svg = segno.make(uri, error="m").svg_inline(scale=5, title=_("QR code de l'application"))
    return render(
        request,
        "accounts/totp_setup.html",
        {"form": form, "secret": secret, "qr_svg": qr_svg, "required": totp_required_for(user)},
    )


@login_required
@require_POST
def totp_turn_off(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if totp_required_for(user):
        messages.error(request, _("La double authentification est obligatoire pour votre rôle."))
    elif totp_verify(secret=user.totp_secret, code=request.POST.get("code", "")):
        totp_disable(user=user, by=user)
        messages.success(request, _("La double authentification est désactivée."))
    else:
        messages.error(request, _("Code incorrect : la double authentification reste active."))
    return redirect("accounts:security")


@login_required
def totp_check(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not request.session.get(TOTP_PENDING):
        return redirect("dashboards:home")
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if totp_verify(secret=user.totp_secret, code=form.cleaned_data["code"]):
            request.session.cycle_key()
            request.session[TOTP_PENDING] = False
            return redirect(request.GET.get("next") or "dashboards:home")
        form.add_error("code", _("Ce code est incorrect ou a expiré."))
    return render(request, "accounts/totp_verify.html", {"form": form})
