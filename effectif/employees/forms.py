from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import DateInput, StyledFormMixin, set_queryset
from effectif.employees.models import (
    BANK_FIELDS,
    CIVIL_STATUS_FIELDS,
    CONTACT_FIELDS,
    DISABILITY_FIELDS,
    EMERGENCY_CONTACT_FIELDS,
    FAMILY_FIELDS,
    SELF_SERVICE_FIELDS,
    WORK_PERMIT_FIELDS,
    DocumentKind,
    Employee,
)
from effectif.organisation.models import Department

#: The sections of the file form, in the order the page shows them.
FILE_SECTIONS: list[tuple[Any, tuple[str, ...]]] = [
    (_("Affectation"), ("employer", "matricule", "department", "user")),
    (_("État civil"), CIVIL_STATUS_FIELDS),
    (_("Coordonnées"), CONTACT_FIELDS),
    (_("Personne à prévenir"), EMERGENCY_CONTACT_FIELDS),
    (_("Banque"), BANK_FIELDS),
    (
        _("Famille, formation, handicap"),
        (*FAMILY_FIELDS, "education_level", *DISABILITY_FIELDS),
    ),
    (_("Titre de travail"), WORK_PERMIT_FIELDS),
]

DATE_FIELDS = ("birth_date", "disability_end_date", "work_permit_expiry")


class EmployeeForm(StyledFormMixin, forms.ModelForm[Employee]):
    class Meta:
        model = Employee
        fields = [name for _, names in FILE_SECTIONS for name in names]
        widgets = {name: DateInput() for name in DATE_FIELDS} | {
            "nir": forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            "iban": forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        }

    def __init__(self, *args: Any, employers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "employer", employers)
        set_queryset(
            self,
            "department",
            Department.objects.filter(employer__in=employers).select_related("employer"),
        )
        self.fields["user"].help_text = _("Le compte qui donne au salarié l'accès à son dossier.")
        if self.instance.pk:
            self.fields["employer"].disabled = True

    def sections(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(title, [self[name] for name in names]) for title, names in FILE_SECTIONS]


class ChangeRequestForm(StyledFormMixin, forms.ModelForm[Employee]):
    """What an employee may ask to change in their own file."""

    message = forms.CharField(
        label=_("Message aux RH"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "col": "col-12"}),
        help_text=_("Joignez si besoin un justificatif (RIB, justificatif de domicile) aux RH."),
    )

    class Meta:
        model = Employee
        fields = list(SELF_SERVICE_FIELDS)


class DocumentForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Intitulé"), max_length=200)
    file = forms.FileField(
        label=_("Fichier"),
        help_text=_("PDF, PNG ou JPEG, 10 Mo au plus."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )
    expiry_date = forms.DateField(label=_("Date d'expiration"), required=False, widget=DateInput())


class DecisionForm(StyledFormMixin, forms.Form):
    comment = forms.CharField(
        label=_("Commentaire"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "col": "col-12"}),
    )
