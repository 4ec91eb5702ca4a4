from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import StyledFormMixin
from effectif.hiring.models import Dpae

LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
FORMATS = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]


class DpaeForm(StyledFormMixin, forms.ModelForm[Dpae]):
    hire_at = forms.DateTimeField(
        label=_("Date et heure d'embauche"), input_formats=FORMATS, widget=LOCAL_DATETIME
    )

    class Meta:
        model = Dpae
        fields = ["hire_at", "nir_absence_reason"]


class DpaeNewForm(StyledFormMixin, forms.Form):
    hire_time = forms.TimeField(
        label=_("Heure d'embauche"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    nir_absence_reason = forms.CharField(label=_("Sans NIR : pourquoi"), required=False)


class DpaeDoneForm(StyledFormMixin, forms.Form):
    declared_at = forms.DateTimeField(
        label=_("Déclarée le"), input_formats=FORMATS, widget=LOCAL_DATETIME
    )
    receipt_number = forms.CharField(
        label=_("Numéro de l'accusé de réception"),
        max_length=40,
        help_text=_("Figure sur l'accusé de réception de l'URSSAF (à remettre au salarié)."),
    )
