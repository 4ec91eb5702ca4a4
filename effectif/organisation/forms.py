from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from effectif.accounts.models import User
from effectif.core.forms import StyledFormMixin, set_queryset
from effectif.organisation.models import (
    Department,
    Employer,
    Establishment,
    HealthService,
    Position,
    RiskExposure,
)
from effectif.organisation.selectors import eligible_managers


class EmployerForm(StyledFormMixin, forms.ModelForm[Employer]):
    class Meta:
        model = Employer
        fields = list(Employer.TYPED_FIELDS)
        widgets = {"siren": forms.TextInput(attrs={"inputmode": "numeric"})}


class PercentField(forms.DecimalField):
    """A rate typed as a percentage (2,08) and stored as a fraction (0.0208)."""

    def prepare_value(self, value: Any) -> Any:
        if value in (None, ""):
            return value
        try:
            return (value * 100).normalize()
        except (TypeError, AttributeError):
            return value

    def clean(self, value: Any) -> Any:
        number = super().clean(value)  # checked as typed: a percentage, 3 decimals at most
        return None if number is None else number / 100


class EstablishmentForm(StyledFormMixin, forms.ModelForm[Establishment]):
    at_rate = PercentField(
        label=_("Taux AT/MP (%)"),
        max_digits=7,
        decimal_places=3,
        min_value=0,
        max_value=100,
        help_text=_("Taux notifié par la CARSAT, p. ex. 2,08."),
    )
    mobility_rate = PercentField(
        label=_("Taux du versement mobilité (%)"),
        max_digits=7,
        decimal_places=3,
        min_value=0,
        max_value=100,
        required=False,
        help_text=_("p. ex. 3,20 à Paris ; 0 hors périmètre d'une autorité organisatrice."),
    )

    class Meta:
        model = Establishment
        fields = [
            "name",
            "siret",
            "is_head_office",
            "address",
            "postal_code",
            "city",
            "at_rate",
            "at_risk_code",
            "mobility_rate",
            "health_service",
        ]
        widgets = {
            "siret": forms.TextInput(attrs={"inputmode": "numeric"}),
            "postal_code": forms.TextInput(attrs={"inputmode": "numeric"}),
        }

    def clean_mobility_rate(self) -> Any:
        return self.cleaned_data.get("mobility_rate") or 0


class DepartmentForm(StyledFormMixin, forms.ModelForm[Department]):
    class Meta:
        model = Department
        fields = ["employer", "name", "code", "parent", "manager"]

    def __init__(self, *args: Any, employers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "employer", employers)
        set_queryset(
            self,
            "parent",
            Department.objects.filter(employer__in=employers).select_related("employer"),
        )
        # The choices: people with access to the department's employer once it is known;
        # a submitted form takes those of any of the user's employers, so that the model
        # names what is wrong with someone of another of them (`Department.clean`).
        employer = None if self.is_bound else employers.filter(pk=self._employer_id()).first()
        set_queryset(
            self, "manager", eligible_managers(employer if employer is not None else employers)
        )

    def _employer_id(self) -> int | None:
        value = self.instance.employer_id or self.initial.get("employer")
        text = str(getattr(value, "pk", value) or "")
        return int(text) if text.isdigit() else None


class PositionForm(StyledFormMixin, forms.ModelForm[Position]):
    risk_exposures = forms.MultipleChoiceField(
        label=_("Expositions aux risques"),
        choices=RiskExposure.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Elles déterminent le suivi médical (suivi individuel renforcé, R4624-23)."),
    )

    class Meta:
        model = Position
        fields = [
            "employer",
            "title",
            "department",
            "purpose",
            "tasks",
            "required_skills",
            "classification",
            "coefficient",
            "pcs_ese",
            "risk_exposures",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3, "col": "col-12"}),
            "tasks": forms.Textarea(attrs={"rows": 6, "col": "col-12"}),
            "required_skills": forms.Textarea(attrs={"rows": 4, "col": "col-12"}),
        }

    def __init__(self, *args: Any, employers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "employer", employers)
        set_queryset(
            self,
            "department",
            Department.objects.filter(employer__in=employers).select_related("employer"),
        )
        self.fields["risk_exposures"].widget.attrs["col"] = "col-12"


class HealthServiceForm(StyledFormMixin, forms.ModelForm[HealthService]):
    class Meta:
        model = HealthService
        fields = ["name", "address", "phone", "email", "dsn_identifier"]


class GrantForm(StyledFormMixin, forms.Form):
    user = forms.ModelChoiceField(label=_("Utilisateur"), queryset=User.objects.none())

    def __init__(self, *args: Any, employer: Employer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(
            self, "user", User.objects.filter(is_active=True).exclude(granted_employers=employer)
        )
