from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import StyledFormMixin, set_queryset
from effectif.organisation.models import Department


class DepartmentChoice(forms.ModelChoiceField[Department]):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.employer.name} — {obj.name}"


class BudgetForm(StyledFormMixin, forms.Form):
    department = DepartmentChoice(label=_("Service"), queryset=Department.objects.none())
    year = forms.IntegerField(label=_("Année"), min_value=2000, max_value=2100)
    amount = forms.DecimalField(
        label=_("Montant annuel (€)"),
        max_digits=12,
        decimal_places=2,
        help_text=_("Réparti par douzièmes sur les mois de l'année."),
    )
    comment = forms.CharField(label=_("Commentaire"), max_length=300, required=False)

    def __init__(
        self, *args: Any, departments: QuerySet[Department], editing: bool = False, **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", {}).setdefault("year", timezone.localdate().year)
        super().__init__(*args, **kwargs)
        set_queryset(self, "department", departments.order_by("employer__name", "name"))
        if editing:
            field = self.fields["department"]
            field.disabled = True
            field.help_text = _("Pour changer de service, supprimez ce budget et créez-en un.")
