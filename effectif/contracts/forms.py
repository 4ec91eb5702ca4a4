from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from effectif.contracts.models import Contract, ContractTerms
from effectif.core.forms import DateInput, StyledFormMixin, set_queryset
from effectif.employees.models import Employee
from effectif.organisation.models import Establishment, Position


class ContractForm(StyledFormMixin, forms.ModelForm[Contract]):
    class Meta:
        model = Contract
        fields = [
            *Contract.OPENING_FIELDS,
            "trial_renewed",
            "trial_renewal_end_date",
            "temp_agency_name",
            "temp_agency_address",
            "tutor",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "trial_end_date": DateInput(),
            "trial_renewal_end_date": DateInput(),
        }
        help_texts = {
            "trial_end_date": _(
                "Laisser vide pour appliquer la durée maximale légale selon la nature du contrat "
                "et la catégorie (C. trav. L1221-19, L1242-10)."
            ),
            "temp_agency_name": _("Pour une mission d'intérim (registre unique du personnel)."),
            "tutor": _("Pour une convention de stage (C. éduc. L124-9)."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        employee = getattr(self.instance, "employee", None)
        tutors = Employee.objects.none()
        if employee is not None:
            tutors = Employee.objects.filter(employer_id=employee.employer_id).exclude(
                pk=employee.pk
            )
        set_queryset(self, "tutor", tutors)


class ContractEndForm(StyledFormMixin, forms.ModelForm[Contract]):
    class Meta:
        model = Contract
        fields = [
            "end_date",
            "end_reason",
            "trial_end_date",
            "trial_renewed",
            "trial_renewal_end_date",
        ]
        widgets = {
            "end_date": DateInput(),
            "trial_end_date": DateInput(),
            "trial_renewal_end_date": DateInput(),
        }


class TermsForm(StyledFormMixin, forms.ModelForm[ContractTerms]):
    class Meta:
        model = ContractTerms
        fields = list(ContractTerms.AMENDABLE_FIELDS)
        help_texts = {
            "hourly_rate_amount": _(
                "Calculé depuis le salaire mensuel et les heures si laissé vide."
            ),
        }

    def __init__(self, *args: Any, employer: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "establishment", Establishment.objects.filter(employer=employer))
        set_queryset(self, "position", Position.objects.filter(employer=employer))


class AmendmentForm(TermsForm):
    class Meta(TermsForm.Meta):
        fields = ["effective_date", "reason", *TermsForm.Meta.fields]
        widgets = {"effective_date": DateInput()}
        help_texts = TermsForm.Meta.help_texts


class AsOfForm(forms.Form):
    date = forms.DateField(label=_("Contrat tel qu'il était le"), widget=DateInput())
