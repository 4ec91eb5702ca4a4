"""Payroll forms: opening a period, entering an element, accepting a warning, reopening."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import set_choices, set_queryset
from effectif.employees.models import Employee
from effectif.organisation.models import Employer
from effectif.payroll.catalogue import manual_choices

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    employer = forms.ModelChoiceField(label=_("Employeur"), queryset=Employer.objects.none())
    month = forms.DateField(
        label=_("Mois"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )
    pay_date = forms.DateField(label=_("Date de paiement"), widget=DATE)
    cutoff_date = forms.DateField(label=_("Date limite des éléments variables"), widget=DATE)

    def __init__(self, *args: Any, employers: QuerySet[Employer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "employer", employers)


def default_dates(today: dt.date) -> dict[str, dt.date]:
    """The current month, paid on its last day, elements until the 20th."""
    month = today.replace(day=1)
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return {
        "month": month,
        "pay_date": following - dt.timedelta(days=1),
        "cutoff_date": month.replace(day=20),
    }


class ElementForm(forms.Form):
    employee = forms.ModelChoiceField(label=_("Salarié"), queryset=Employee.objects.none())
    code = forms.ChoiceField(label=_("Élément"))
    quantity = forms.DecimalField(
        label=_("Quantité"),
        required=False,
        max_digits=9,
        decimal_places=2,
        help_text=_("Heures, jours ou nombre selon l'élément."),
    )
    base_amount = forms.DecimalField(
        label=_("Base"), required=False, max_digits=12, decimal_places=2
    )
    rate = forms.DecimalField(label=_("Taux"), required=False, max_digits=9, decimal_places=4)
    amount = forms.DecimalField(
        label=_("Montant (€)"), required=False, max_digits=12, decimal_places=2
    )
    corrected_month = forms.DateField(
        label=_("Mois corrigé (rappel)"),
        required=False,
        input_formats=["%Y-%m", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )
    comment = forms.CharField(label=_("Commentaire"), required=False, max_length=300)

    def __init__(self, *args: Any, employees: QuerySet[Employee], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "employee", employees)
        set_choices(self, "code", [("", "—"), *manual_choices()])


class AcknowledgeForm(forms.Form):
    comment = forms.CharField(label=_("Commentaire"), max_length=400)


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Motif de la réouverture"), max_length=300)
