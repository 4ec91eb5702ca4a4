"""Forms of the rights requests: the request, its extension, what was done, the answer, and the
confirmation of an erasure."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import DateInput, StyledFormMixin, set_queryset
from effectif.employees.models import Employee
from effectif.privacy.models import RequestStatus, RightKind


def _employee_label(employee: Employee) -> str:
    return f"{employee.display_name} — {employee.employer.name}"


class RequestForm(StyledFormMixin, forms.Form):
    employee: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None, label=_("Personne concernée")
    )
    kind = forms.ChoiceField(choices=RightKind.choices, label=_("Droit exercé"))
    received_date = forms.DateField(label=_("Reçue le"), widget=DateInput())
    details = forms.CharField(
        label=_("Objet de la demande"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "col": "col-12"}),
        help_text=_("Ce que la personne demande, avec ses mots ; la réponse est due dans le mois."),
    )

    def __init__(self, *args: Any, employees: QuerySet[Employee], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(
            self,
            "employee",
            employees.select_related("employer").order_by("last_name", "first_names"),
            label=_employee_label,
        )
        self.fields["received_date"].initial = timezone.localdate()


class ExtendForm(StyledFormMixin, forms.Form):
    extension_reason = forms.CharField(
        label=_("Motif de la prolongation"),
        max_length=300,
        widget=forms.TextInput(attrs={"col": "col-12"}),
        help_text=_("Communiqué à la personne avant la fin du premier mois (RGPD art. 12.3)."),
    )


class RecordForm(StyledFormMixin, forms.Form):
    what = forms.CharField(
        label=_("Suite donnée"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "col": "col-12"}),
        help_text=_(
            "Par exemple : adresse corrigée dans le dossier, demande de modification validée, "
            "traitement limité."
        ),
    )


class AnswerForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Issue"),
        choices=[
            (RequestStatus.ANSWERED.value, RequestStatus.ANSWERED.label),
            (RequestStatus.REFUSED.value, RequestStatus.REFUSED.label),
        ],
    )
    answered_date = forms.DateField(label=_("Répondue le"), widget=DateInput())
    answer = forms.CharField(
        label=_("Réponse donnée à la personne"),
        widget=forms.Textarea(attrs={"rows": 4, "col": "col-12"}),
        help_text=_("Un refus en donne les motifs et rappelle la possibilité de saisir la CNIL."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["answered_date"].initial = timezone.localdate()


class ErasureForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Motif de l'effacement"),
        max_length=300,
        widget=forms.TextInput(attrs={"col": "col-12"}),
        help_text=_("Par exemple : demande justifiée au titre de l'article 17 du RGPD."),
    )
    confirm = forms.BooleanField(
        label=_("Je confirme l'effacement : il est définitif."),
        widget=forms.CheckboxInput(attrs={"col": "col-12"}),
    )
