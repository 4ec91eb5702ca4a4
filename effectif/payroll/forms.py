"""Payroll forms: opening a period, entering an element, accepting a warning, reopening."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import StyledFormMixin, set_choices, set_queryset
from effectif.employees.models import Employee
from effectif.organisation.models import Employer, Establishment
from effectif.payroll.catalogue import manual_choices
from effectif.payroll.models import EmployeePayrollSettings, EmployerPayrollSettings
from effectif.rules.payroll.inputs import ContractKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MonthInput(forms.TextInput):
    """A month picker (« 2026-12 »), for the first day of a pay month."""

    input_type = "month"

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, dt.date):
            return value.strftime("%Y-%m")
        formatted: str | None = super().format_value(value)
        return formatted


class PeriodForm(StyledFormMixin, forms.Form):
    employer = forms.ModelChoiceField(label=_("Employeur"), queryset=Employer.objects.none())
    month = forms.DateField(
        label=_("Mois"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        widget=MonthInput(),
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


#: The entry form's layout on the elements page: one line for who and what, one for the figures.
ELEMENT_COLUMNS = {
    "employee": "col-12 col-md-6",
    "code": "col-12 col-md-6",
    "quantity": "col-6 col-md-3",
    "base_amount": "col-6 col-md-3",
    "rate": "col-6 col-md-3",
    "amount": "col-6 col-md-3",
    "corrected_month": "col-12 col-md-3",
    "comment": "col-12 col-md-9",
}


class ElementForm(StyledFormMixin, forms.Form):
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
        widget=MonthInput(),
    )
    comment = forms.CharField(label=_("Commentaire"), required=False, max_length=300)

    def __init__(self, *args: Any, employees: QuerySet[Employee], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "employee", employees)
        set_choices(self, "code", [("", "—"), *manual_choices()])
        for name, column in ELEMENT_COLUMNS.items():
            self.fields[name].widget.attrs["col"] = column


class AcknowledgeForm(StyledFormMixin, forms.Form):
    comment = forms.CharField(label=_("Commentaire"), max_length=400)


class ReopenForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Motif de la réouverture"), max_length=300)


class EmployeeSettingsForm(StyledFormMixin, forms.ModelForm[EmployeePayrollSettings]):
    class Meta:
        model = EmployeePayrollSettings
        fields = EmployeePayrollSettings.TYPED_FIELDS
        widgets = {"effective_date": DATE}


class EmployerSettingsForm(StyledFormMixin, forms.ModelForm[EmployerPayrollSettings]):
    class Meta:
        model = EmployerPayrollSettings
        fields = EmployerPayrollSettings.TYPED_FIELDS


class SimulatorForm(StyledFormMixin, forms.Form):
    mode = forms.ChoiceField(
        label=_("Je connais"),
        choices=[
            ("brut", _("le salaire brut mensuel")),
            ("net_avant_impot", _("le net à payer avant impôt")),
            ("net_paye", _("le net payé après impôt")),
            ("cout_employeur", _("le coût employeur")),
        ],
        initial="brut",
    )
    amount = forms.DecimalField(
        label=_("Montant mensuel (€)"), max_digits=10, decimal_places=2, min_value=Decimal(1)
    )
    establishment = forms.ModelChoiceField(
        label=_("Établissement"), queryset=Establishment.objects.none()
    )
    month = forms.DateField(
        label=_("Mois"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        widget=MonthInput(),
    )
    contract = forms.ChoiceField(
        label=_("Contrat"),
        choices=[
            (ContractKind.PERMANENT.value, _("CDI")),
            (ContractKind.FIXED_TERM.value, _("CDD")),
            (ContractKind.APPRENTICESHIP.value, _("Apprentissage")),
        ],
    )
    cadre = forms.BooleanField(label=_("Cadre"), required=False)
    monthly_hours = forms.DecimalField(
        label=_("Heures mensuelles"),
        max_digits=6,
        decimal_places=2,
        initial=Decimal("151.67"),
        min_value=Decimal("1"),
        max_value=Decimal("260"),
    )
    headcount = forms.IntegerField(label=_("Effectif de l'employeur"), min_value=1, initial=10)
    pas_rate = forms.DecimalField(
        label=_("Taux de prélèvement à la source"),
        required=False,
        max_digits=5,
        decimal_places=4,
        min_value=Decimal(0),
        max_value=Decimal("0.43"),
        help_text=_("En fraction (0,075 pour 7,5 %) ; vide : grille neutre."),
    )
    health_premium_amount = forms.DecimalField(
        label=_("Cotisation mutuelle (mois)"),
        required=False,
        max_digits=8,
        decimal_places=2,
        min_value=Decimal(0),
        initial=Decimal(0),
    )

    def __init__(self, *args: Any, establishments: QuerySet[Establishment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "establishment", establishments)
        for field in self.fields.values():  # one column: the form sits beside the result
            field.widget.attrs["col"] = "col-12"
