from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.accounts.forms import LoginForm, TotpCodeForm
from effectif.accounts.models import User
from effectif.accounts.services import (
    CodeCheck,
    active_api_tokens,
    api_token_revoke,
    api_tokens_revoke_all,
    totp_code_check,
    totp_disable,
    totp_enable,
    totp_new_secret,
    totp_provisioning_uri,
    totp_required_for,
)
from effectif.accounts.signals import TOTP_PENDING
from effectif.core.scoping import get_in_scope

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

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        # The new password and the end of the old one's API tokens, together or not at all.
        with transaction.atomic():
            api_tokens_revoke_all(user=form.user, by=form.user, reason="mot de passe réinitialisé")
            return super().form_valid(form)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:security")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        with transaction.atomic():
            api_tokens_revoke_all(user=form.user, by=form.user, reason="mot de passe changé")
            response = super().form_valid(form)
        messages.success(self.request, _("Votre mot de passe a été changé."))
        return response


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
def security(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    return render(
        request,
        "accounts/security.html",
        {"required": totp_required_for(user), "tokens": active_api_tokens(user)},
    )


@login_required
@require_POST
def api_token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The user revokes one of their own tokens (another's is not found)."""
    user = _user(request)
    token = get_in_scope(active_api_tokens(user), pk)
    api_token_revoke(token=token, by=user)
    messages.success(request, _("Le jeton d'API est révoqué : il n'ouvre plus l'API."))
    return redirect("accounts:security")


@login_required
@require_POST
def api_tokens_revoke_own(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    count = api_tokens_revoke_all(user=user, by=user, reason="révoqués par leur titulaire")
    messages.success(request, _("%(count)s jeton(s) d'API révoqué(s).") % {"count": count})
    return redirect("accounts:security")


@login_required
@require_POST
def user_api_tokens_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """An administrator revokes every token of any user (HR do it from the personnel file)."""
    if not _user(request).is_admin:
        raise PermissionDenied
    target = get_in_scope(User.objects.all(), pk)
    count = api_tokens_revoke_all(
        user=target, by=_user(request), reason="révoqués par un administrateur"
    )
    messages.success(
        request,
        _("%(count)s jeton(s) d'API de %(user)s révoqué(s).")
        % {"count": count, "user": target.get_username()},
    )
    return redirect(_safe_next(request, "accounts:security"))


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


def _code_refused(check: CodeCheck) -> str:
    if check.locked_seconds:
        return _(
            "Trop de codes incorrects. La double authentification est bloquée : réessayez dans "
            "%(minutes)s minute(s)."
        ) % {"minutes": check.locked_minutes}
    return _("Ce code est incorrect, a expiré ou a déjà été utilisé.")


@login_required
@require_POST
def totp_turn_off(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if totp_required_for(user):
        messages.error(request, _("La double authentification est obligatoire pour votre rôle."))
        return redirect("accounts:security")
    check = totp_code_check(user=user, code=request.POST.get("code", ""))
    if check.accepted:
        totp_disable(user=user, by=user)
        messages.success(request, _("La double authentification est désactivée."))
    else:
        messages.error(
            request,
            _("%(reason)s La double authentification reste active.")
            % {"reason": _code_refused(check)},
        )
    return redirect("accounts:security")


def _safe_next(request: HttpRequest, default: str) -> str:
    """The `next` address if it stays on this site, else `default` (a URL name)."""
    target = request.GET.get("next") or request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(default)


@login_required
def totp_check(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not request.session.get(TOTP_PENDING):
        return redirect("dashboards:home")
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = totp_code_check(user=user, code=form.cleaned_data["code"])
        if check.accepted:
            request.session.cycle_key()
            request.session[TOTP_PENDING] = False
            return redirect(_safe_next(request, "dashboards:home"))
        form.add_error(None if check.locked_seconds else "code", _code_refused(check))
    return render(request, "accounts/totp_verify.html", {"form": form})
