"""Forms of expense reports and their reimbursement. They only parse what is typed; the
services check it (so the demo and the API meet the same French errors)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import DateInput, StyledFormMixin, set_queryset
from effectif.employees.models import Employee
from effectif.rules.money import ZERO
from effectif.travel.models import (
    ExpenseCategory,
    ExpenseLine,
    LineDecision,
    MealKind,
    ReimbursementMethod,
    Trip,
    Vehicle,
)
from effectif.travel.services.expenses import LineInput

#: Which fields each category shows (the others are hidden and ignored).
CATEGORY_FIELDS = {
    ExpenseCategory.MEAL: ("merchant", "meal_kind", "guests", "money", "receipt"),
    ExpenseCategory.LODGING: ("merchant", "paris_area", "money", "receipt"),
    ExpenseCategory.TRANSPORT: ("merchant", "money", "receipt"),
    ExpenseCategory.MILEAGE: ("vehicle", "route"),
    ExpenseCategory.TOLLS_PARKING: ("merchant", "money", "receipt"),
    ExpenseCategory.OTHER: ("merchant", "money", "receipt"),
}


class ReportForm(StyledFormMixin, forms.Form):
    employee = forms.ModelChoiceField(
        label=_("Salarié"),
        queryset=Employee.objects.none(),
        help_text=_(
            "Les RH saisissent la note d'un salarié, y compris sans compte ; "
            "il pourra la compléter s'il en a un."
        ),
    )
    title = forms.CharField(label=_("Intitulé"), max_length=200)
    trip = forms.ModelChoiceField(
        label=_("Ordre de mission"),
        queryset=Trip.objects.none(),
        required=False,
        empty_label=_("— aucun (frais hors mission) —"),
        help_text=_("Les dates et la distance de la mission servent au contrôle des frais."),
    )

    def __init__(
        self, *args: Any, trips: Any, requesters: Any = None, reload_url: str = "", **kwargs: Any
    ) -> None:
        """`requesters`: whom the report may be for (a choice shown to HR only, when there is
        more than one); choosing one reloads the trips with htmx from `reload_url`."""
        super().__init__(*args, **kwargs)
        set_queryset(self, "trip", trips)
        employee = self.fields["employee"]
        assert isinstance(employee, forms.ModelChoiceField)
        if requesters is None or requesters.count() <= 1:
            del self.fields["employee"]
            return
        set_queryset(self, "employee", requesters)
        employee.empty_label = _("— choisir le salarié —")
        employee.widget.attrs.update(
            {
                "hx-get": reload_url,
                "hx-trigger": "change",
                "hx-select": "#id_trip",
                "hx-target": "#id_trip",
                "hx-swap": "outerHTML",
            }
        )
        self.order_fields(["employee", "title", "trip"])


class LineForm(StyledFormMixin, forms.Form):
    category = forms.ChoiceField(label=_("Catégorie"), choices=ExpenseCategory.choices)
    expense_date = forms.DateField(label=_("Date"), widget=DateInput())
    merchant = forms.CharField(label=_("Fournisseur"), max_length=120, required=False)
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    currency = forms.CharField(
        label=_("Devise"),
        max_length=3,
        initial="EUR",
        required=False,
        help_text=_("EUR, ou USD, GBP, CHF…"),
    )
    amount = forms.DecimalField(
        label=_("Montant TTC (€)"), max_digits=9, decimal_places=2, required=False
    )
    original_amount = forms.DecimalField(
        label=_("Montant en devise"), max_digits=11, decimal_places=2, required=False
    )
    exchange_rate = forms.DecimalField(
        label=_("Taux de change (€ pour 1 unité)"),
        max_digits=12,
        decimal_places=6,
        required=False,
    )
    vat_amount = forms.DecimalField(
        label=_("TVA récupérable (€)"), max_digits=9, decimal_places=2, required=False
    )
    meal_kind = forms.ChoiceField(
        label=_("Type de repas"),
        choices=[("", "—"), *MealKind.choices],
        required=False,
        initial=MealKind.RESTAURANT,
    )
    guests = forms.IntegerField(
        label=_("Nombre de convives"), min_value=1, initial=1, required=False
    )
    paris_area = forms.BooleanField(
        label=_("Paris et petite couronne (75, 92, 93, 94)"), required=False
    )
    vehicle = forms.ModelChoiceField(
        label=_("Véhicule"),
        queryset=Vehicle.objects.none(),
        required=False,
        empty_label=_("— choisir le véhicule —"),
    )
    route_from = forms.CharField(label=_("Départ"), max_length=120, required=False)
    route_to = forms.CharField(label=_("Arrivée"), max_length=120, required=False)
    distance_km = forms.DecimalField(
        label=_("Distance (km)"), max_digits=7, decimal_places=1, required=False
    )
    receipt = forms.FileField(
        label=_("Justificatif (PDF, PNG ou JPEG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )

    def __init__(self, *args: Any, vehicles: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "vehicle", vehicles)

    def category_value(self) -> str:
        value = self["category"].value()
        return value if value in ExpenseCategory.values else ExpenseCategory.MEAL

    def groups(self) -> tuple[str, ...]:
        return CATEGORY_FIELDS[ExpenseCategory(self.category_value())]

    def to_input(self) -> LineInput:
        data = self.cleaned_data
        return LineInput(
            category=data["category"],
            expense_date=data["expense_date"],
            amount=data.get("amount"),
            vat_amount=data.get("vat_amount") or ZERO,
            merchant=data.get("merchant") or "",
            description=data.get("description") or "",
            currency=(data.get("currency") or "EUR").upper(),
            original_amount=data.get("original_amount"),
            exchange_rate=data.get("exchange_rate"),
            meal_kind=data.get("meal_kind") or "",
            paris_area=bool(data.get("paris_area")),
            guests=data.get("guests") or 1,
            vehicle=data.get("vehicle"),
            route_from=data.get("route_from") or "",
            route_to=data.get("route_to") or "",
            distance_km=data.get("distance_km"),
        )


class DecisionForm(StyledFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Décision"),
        choices=[
            (LineDecision.ACCEPTED, _("Accepter")),
            (LineDecision.REDUCED, _("Réduire")),
            (LineDecision.REJECTED, _("Rejeter")),
        ],
    )
    accepted_amount = forms.DecimalField(
        label=_("Montant accepté (€)"), max_digits=9, decimal_places=2, required=False
    )
    comment = forms.CharField(label=_("Commentaire"), max_length=300, required=False)
    # The version of the line shown: a decision on a line changed since is refused.
    version = forms.IntegerField(
        min_value=1,
        widget=forms.HiddenInput(),
        error_messages={
            "required": _(
                "Rechargez la page : ce formulaire de décision ne dit pas quelle version de la ligne il vise."
            ),
            "invalid": _(
                "Rechargez la page : ce formulaire de décision ne dit pas quelle version de la ligne il vise."
            ),
        },
    )

    @classmethod
    def for_line(cls, line: ExpenseLine) -> DecisionForm:
        """The form as the line stands (an undecided line is offered as accepted)."""
        return cls(
            prefix=f"l{line.pk}",
            initial={
                "decision": (
                    line.decision
                    if line.decision != LineDecision.PENDING
                    else LineDecision.ACCEPTED
                ),
                "accepted_amount": line.accepted_amount,
                "comment": line.decision_comment,
                "version": line.version,
            },
        )


class CommentForm(StyledFormMixin, forms.Form):
    comment = forms.CharField(
        label=_("Commentaire"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class MethodForm(StyledFormMixin, forms.Form):
    method = forms.ChoiceField(
        label=_("Mode de remboursement"),
        choices=ReimbursementMethod.choices,
        widget=forms.Select(attrs={"class": "form-select-sm w-auto"}),
    )
    payroll_month = forms.CharField(
        label=_("Mois de paie"),
        required=False,
        help_text=_("Pour un remboursement avec la paie."),
        widget=forms.TextInput(attrs={"type": "month", "class": "form-control-sm w-auto"}),
    )

    def clean_payroll_month(self) -> dt.date | None:
        value = self.cleaned_data.get("payroll_month") or ""
        if not value:
            return None
        try:
            return dt.date.fromisoformat(f"{value}-01")
        except ValueError as error:
            raise forms.ValidationError(_("Mois invalide (AAAA-MM).")) from error


def _euros(amount: Any) -> str:
    return f"{amount:,.2f}\u00a0€".replace(",", "\u202f").replace(".", ",")


class BatchForm(StyledFormMixin, forms.Form):
    execution_date = forms.DateField(label=_("Date d'exécution"), widget=DateInput())
    reports = forms.ModelMultipleChoiceField(
        label=_("Notes à rembourser"),
        queryset=Trip.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"required": _("Choisissez au moins une note de frais à rembourser.")},
    )

    def __init__(self, *args: Any, ready: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(
            self,
            "reports",
            ready,
            label=lambda r: (
                f"{r.reference} — {r.employee.display_name} — {_euros(r.payable_amount)}"
            ),
        )
