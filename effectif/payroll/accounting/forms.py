"""The employer's payroll accounts, as the payroll lead types them."""

from __future__ import annotations

from django import forms

from effectif.core.forms import StyledFormMixin
from effectif.payroll.models import AccountingSettings


class AccountingSettingsForm(StyledFormMixin, forms.ModelForm[AccountingSettings]):
    class Meta:
        model = AccountingSettings
        fields = AccountingSettings.ACCOUNT_FIELDS
