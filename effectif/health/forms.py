from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import DateInput, StyledFormMixin
from effectif.health.models import FollowUpSettings, MedicalVisit, Outcome, VisitKind
from effectif.organisation.models import HealthService

SECRECY_WARNING = _(
    "N'inscrivez jamais de diagnostic, de symptôme ni de traitement : l'employeur ne connaît "
    "que l'avis (apte, apte avec aménagements, inapte) et les aménagements du poste proposés "
    "par le professionnel de santé (C. trav. L4624-3 et L4624-4, RGPD art. 9)."
)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%H:%M")


class _Schedule(StyledFormMixin, forms.Form):
    day = forms.DateField(label=_("Date de la visite"), widget=DateInput())
    time = forms.TimeField(label=_("Heure"), widget=TimeInput())
    health_service = forms.ModelChoiceField(
        label=_("Service de santé au travail"),
        queryset=HealthService.objects.order_by("name"),
        required=False,
    )
    place = forms.CharField(
        label=_("Lieu"),
        max_length=300,
        required=False,
        help_text=_("Vide : l'adresse du service de santé au travail."),
    )

    def planned_at(self) -> dt.datetime:
        day, time = self.cleaned_data["day"], self.cleaned_data["time"]
        return timezone.make_aware(dt.datetime.combine(day, time))


class PlanForm(_Schedule):
    def __init__(self, *args: Any, visit: MedicalVisit, **kwargs: Any) -> None:
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("health_service", visit.health_service_id)
        service = visit.health_service
        if visit.place and (service is None or visit.place != service.address):
            initial.setdefault("place", visit.place)
        if visit.planned_at is not None:
            planned = timezone.localtime(visit.planned_at)
            initial.setdefault("day", planned.date())
            initial.setdefault("time", planned.time())
        super().__init__(*args, **kwargs)


class VisitCreateForm(_Schedule):
    kind = forms.ChoiceField(label=_("Nature de la visite"), choices=VisitKind.choices)
    due_date = forms.DateField(label=_("Échéance"), widget=DateInput())
    field_order = ["kind", "due_date", "day", "time", "health_service", "place"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["day"].required = False
        self.fields["time"].required = False
        self.fields["day"].help_text = _("Facultatif : la visite reste alors « à planifier ».")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("day")) != bool(data.get("time")):
            self.add_error("time", _("Indiquez la date et l'heure, ou ni l'une ni l'autre."))
        return data

    def planned_at_or_none(self) -> dt.datetime | None:
        if self.cleaned_data.get("day") and self.cleaned_data.get("time"):
            return self.planned_at()
        return None


class OutcomeForm(StyledFormMixin, forms.Form):
    held_on = forms.DateField(label=_("Date de la visite"), widget=DateInput())
    outcome = forms.ChoiceField(label=_("Avis"), choices=Outcome.choices, widget=forms.RadioSelect)
    restrictions = forms.CharField(
        label=_("Aménagements du poste"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "col": "col-12"}),
        help_text=_("Seulement pour « apte avec aménagements » : ce qui change au poste."),
    )
    next_visit_by = forms.DateField(
        label=_("Prochaine visite avant le"),
        required=False,
        widget=DateInput(),
        help_text=_("Si le professionnel de santé a fixé une échéance plus proche que la loi."),
    )
    notice = forms.FileField(
        label=_("Avis ou attestation (PDF, PNG, JPEG)"),
        required=False,
        help_text=_("Classé dans le dossier comme document de santé : RH et salarié seulement."),
    )

    def __init__(self, *args: Any, visit: MedicalVisit, **kwargs: Any) -> None:
        initial = kwargs.setdefault("initial", {})
        if visit.planned_at is not None:
            initial.setdefault("held_on", timezone.localtime(visit.planned_at).date())
        super().__init__(*args, **kwargs)
        self.fields["outcome"].widget.attrs["col"] = "col-12"


class CancelForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Motif de l'annulation"),
        max_length=300,
        widget=forms.TextInput(attrs={"col": "col-12"}),
        help_text=_("P. ex. « visite déjà passée chez le précédent employeur »."),
    )


class SettingsForm(StyledFormMixin, forms.ModelForm[FollowUpSettings]):
    class Meta:
        model = FollowUpSettings
        fields = ["mid_career_age"]
