"""Hiring a candidate: the file, the contract and its terms, prefilled from the application
and the posting; only what the candidate did not give is typed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from effectif.contracts.models import Contract, ContractTerms
from effectif.core.forms import DateInput, StyledFormMixin, set_queryset
from effectif.employees.models import CIVIL_STATUS_FIELDS, Employee
from effectif.hiring.models import OnboardingTemplate
from effectif.organisation.models import Department, Establishment, Position


class HireEmployeeForm(StyledFormMixin, forms.ModelForm[Employee]):
    class Meta:
        model = Employee
        fields = [
            "matricule",
            "department",
            *CIVIL_STATUS_FIELDS,
            # The address and the personal contacts but the country (France when hiring).
            "address",
            "postal_code",
            "city",
            "personal_email",
            "personal_phone",
        ]
        widgets = {"birth_date": DateInput()}

    def __init__(self, *args: Any, departments: QuerySet[Department], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "department", departments)
        self.fields["birth_place"].required = True
        self.fields["birth_place"].help_text = _("Commune (et département) : déclaré sur la DPAE.")


class HireContractForm(StyledFormMixin, forms.ModelForm[Contract]):
    class Meta:
        model = Contract
        # Not the trial's renewal, the temporary work agency nor the tutor, which the
        # contract's own form adds.
        fields = list(Contract.OPENING_FIELDS)
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "trial_end_date": DateInput(),
        }
        help_texts = {
            "trial_end_date": _(
                "Vide : la durée maximale légale selon la nature du contrat et la catégorie "
                "(C. trav. L1221-19, L1242-10)."
            )
        }


class HireTermsForm(StyledFormMixin, forms.ModelForm[ContractTerms]):
    class Meta:
        model = ContractTerms
        # The terms of the contract, the hourly rate being worked out from the pay.
        fields = list(ContractTerms.COPIED_ON_AMENDMENT)

    def __init__(
        self,
        *args: Any,
        establishments: QuerySet[Establishment],
        positions: QuerySet[Position],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "establishment", establishments)
        set_queryset(self, "position", positions)


class HireStepsForm(StyledFormMixin, forms.Form):
    hire_time = forms.TimeField(
        label=_("Heure d'embauche"),
        initial=dt.time(9, 0),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Déclarée sur la DPAE avec la date (C. trav. R1221-1)."),
    )
    nir_absence_reason = forms.CharField(
        label=_("Sans NIR : pourquoi"),
        required=False,
        help_text=_("P. ex. « première immatriculation en cours »."),
    )
    onboarding_template = forms.ModelChoiceField(
        label=_("Parcours d'intégration"),
        queryset=OnboardingTemplate.objects.none(),
        required=False,
        empty_label=_("Liste standard"),
    )

    def __init__(self, *args: Any, templates: QuerySet[OnboardingTemplate], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "onboarding_template", templates)
