from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from effectif.accounts.grants import registry
from effectif.accounts.models import User
from effectif.accounts.services import (
    LoginLockedOut,
    login_attempt_failed,
    login_attempt_start,
    login_attempt_succeeded,
)
from effectif.core.forms import StyledFormMixin, set_queryset
from effectif.core.middleware import client_ip


class LoginForm(AuthenticationForm):
    """Django's login form, throttled: each attempt is counted before its password is checked,
    and too many failures lock the account and the address."""

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not username or not password:
            # A field is missing (its error is shown): no password is checked, nothing counts.
            return self.cleaned_data
        ip = client_ip(self.request) if self.request else None
        try:
            attempt = login_attempt_start(username=username, ip_address=ip)
        except LoginLockedOut as locked:
            raise ValidationError(
                _(
                    "Trop de tentatives de connexion échouées. Réessayez dans %(minutes)s minute(s)."
                ),
                code="throttled",
                params={"minutes": locked.minutes},
            ) from None
        try:
            cleaned = super().clean()
        except ValidationError:
            login_attempt_failed(attempt=attempt)
            raise
        assert self.user_cache is not None
        login_attempt_succeeded(attempt=attempt, user=self.user_cache)
        return cleaned


class TotpCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code à 6 chiffres"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class UserForm(StyledFormMixin, forms.ModelForm[User]):
    password = forms.CharField(
        label=_("Mot de passe initial"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        required=False,
        help_text=_("Laisser vide pour ne pas le changer. 12 caractères au moins."),
    )
    employers: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Employeurs accessibles"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "is_active"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "employers", registry.get().employers())
        if self.instance.pk:
            self.fields["employers"].initial = list(
                self.instance.granted_employers.values_list("pk", flat=True)
            )
        else:
            self.fields["password"].required = True
        self.fields["employers"].widget.attrs["col"] = "col-12"
