"""Signing in and out, the second factor asked at login, and the password forms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from effectif.accounts.forms import LoginForm, TotpCodeForm
from effectif.accounts.models import User
from effectif.accounts.services import api_tokens_revoke_all, totp_code_check
from effectif.accounts.signals import TOTP_PENDING
from effectif.accounts.views import safe_next
from effectif.accounts.views.security import code_refused
from effectif.core.typing import AuthenticatedRequest


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


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

    def form_valid(self, form: SetPasswordForm[User]) -> HttpResponse:
        # The new password and the end of the old one's API tokens, together or not at all.
        with transaction.atomic():
            api_tokens_revoke_all(user=form.user, by=form.user, reason="mot de passe réinitialisé")
            return super().form_valid(form)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:security")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        with transaction.atomic():
            api_tokens_revoke_all(user=form.user, by=form.user, reason="mot de passe changé")
            response = super().form_valid(form)
        messages.success(self.request, _("Votre mot de passe a été changé."))
        return response


@login_required
def totp_check(request: AuthenticatedRequest) -> HttpResponse:
    if not request.session.get(TOTP_PENDING):
        return redirect("dashboards:home")
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = totp_code_check(user=request.user, code=form.cleaned_data["code"])
        if check.accepted:
            request.session.cycle_key()
            request.session[TOTP_PENDING] = False
            return redirect(safe_next(request, "dashboards:home"))
        form.add_error(None if check.locked_seconds else "code", code_refused(check))
    return render(request, "accounts/totp_verify.html", {"form": form})
