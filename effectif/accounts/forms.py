from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from effectif.accounts.services import login_attempt_record, login_lockout_seconds
from effectif.core.middleware import client_ip


class LoginForm(AuthenticationForm):
    """Django's login form, throttled: repeated failures lock the account and the address."""

    def clean(self) -> dict[str, Any]:
        username = (self.cleaned_data.get("username") or "").strip()
        ip = client_ip(self.request) if self.request else None
        wait = login_lockout_seconds(username=username, ip_address=ip)
        if wait:
            minutes = max(1, (wait + 59) // 60)
            raise ValidationError(
                _(
                    "Trop de tentatives de connexion échouées. Réessayez dans %(minutes)s minute(s)."
                ),
                code="throttled",
                params={"minutes": minutes},
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            login_attempt_record(username=username, ip_address=ip, user=None, succeeded=False)
            raise
        login_attempt_record(username=username, ip_address=ip, user=self.user_cache, succeeded=True)
        return cleaned


class TotpCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code à 6 chiffres"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
