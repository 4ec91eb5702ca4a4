from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import DateInput, StyledFormMixin, set_queryset
from effectif.leave.models import LeaveType
from effectif.rules.leave.counting import Span


class RequestForm(StyledFormMixin, forms.Form):
    leave_type = forms.ModelChoiceField(label=_("Type"), queryset=LeaveType.objects.none())
    start_date = forms.DateField(label=_("Du"), widget=DateInput())
    start_afternoon = forms.BooleanField(label=_("à partir de l'après-midi"), required=False)
    end_date = forms.DateField(label=_("Au"), widget=DateInput())
    end_morning = forms.BooleanField(label=_("jusqu'à midi"), required=False)
    hours = forms.DecimalField(
        label=_("Heures (une seule journée)"),
        required=False,
        min_value=0,
        max_digits=5,
        decimal_places=2,
        help_text=_("Pour les types décomptés en heures ; sinon les heures prévues du jour."),
    )
    comment = forms.CharField(
        label=_("Commentaire"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, types: QuerySet[LeaveType], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "leave_type", types)
        if not types.filter(unit="heures").exists():
            del self.fields["hours"]

    def span(self) -> Span:
        data = self.cleaned_data
        return Span(
            data["start_date"], data["end_date"], data["start_afternoon"], data["end_morning"]
        )


class AbsenceForm(RequestForm):
    subrogation = forms.BooleanField(
        label=_("Subrogation (salaire maintenu, indemnités journalières à l'employeur)"),
        required=False,
    )
    document = forms.FileField(
        label=_("Justificatif (arrêt de travail…)"),
        required=False,
        help_text=_("PDF, PNG ou JPEG ; il rejoint le dossier du salarié."),
    )


class DecisionForm(StyledFormMixin, forms.Form):
    comment = forms.CharField(
        label=_("Commentaire"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AdjustmentForm(StyledFormMixin, forms.Form):
    leave_type = forms.ModelChoiceField(label=_("Type"), queryset=LeaveType.objects.none())
    amount = forms.DecimalField(
        label=_("Quantité"),
        max_digits=7,
        decimal_places=2,
        help_text=_("Positive pour créditer, négative pour débiter."),
    )
    entry_date = forms.DateField(label=_("Date"), widget=DateInput())
    label = forms.CharField(label=_("Motif"), max_length=200)

    def __init__(self, *args: Any, types: QuerySet[LeaveType], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "leave_type", types)


class LeaveTypeForm(StyledFormMixin, forms.ModelForm[LeaveType]):
    class Meta:
        model = LeaveType
        fields = [
            "label",
            "code",
            "category",
            "unit",
            "counting",
            "balance_policy",
            "requires_approval",
            "employee_can_request",
            "acquisition_effect",
            "period_start_month",
            "validity_months",
            "splitting",
            "family_event",
            "colour",
            "shown_to_managers",
            "active",
        ]
        widgets = {"colour": forms.TextInput(attrs={"type": "color"})}
