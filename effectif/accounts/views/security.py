"""The user's own security settings: the second factor and their API tokens."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.accounts.forms import TotpCodeForm
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
from effectif.core.scoping import get_in_scope
from effectif.core.typing import AuthenticatedRequest

_SETUP_SECRET = "totp_setup_secret"


@login_required
def security(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "accounts/security.html",
        {"required": totp_required_for(user), "tokens": active_api_tokens(user)},
    )


@login_required
@require_POST
def api_token_revoke_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The user revokes one of their own tokens (another's is not found)."""
    token = get_in_scope(active_api_tokens(request.user), pk)
    api_token_revoke(token=token, by=request.user)
    messages.success(request, _("Le jeton d'API est révoqué : il n'ouvre plus l'API."))
    return redirect("accounts:security")


@login_required
@require_POST
def api_tokens_revoke_own(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    count = api_tokens_revoke_all(user=user, by=user, reason="révoqués par leur titulaire")
    messages.success(request, _("%(count)s jeton(s) d'API révoqué(s).") % {"count": count})
    return redirect("accounts:security")


@login_required
def totp_setup(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
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


def code_refused(check: CodeCheck) -> str:
    """Why a second-factor code was refused."""
    if check.locked_seconds:
        return _(
            "Trop de codes incorrects. La double authentification est bloquée : réessayez dans "
            "%(minutes)s minute(s)."
        ) % {"minutes": check.locked_minutes}
    return _("Ce code est incorrect, a expiré ou a déjà été utilisé.")


@login_required
@require_POST
def totp_turn_off(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
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
            % {"reason": code_refused(check)},
        )
    return redirect("accounts:security")
