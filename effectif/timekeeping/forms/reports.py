"""Filters of the checks and of the variable elements, and the upload of clocked hours."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import DateInput, StyledFormMixin
from effectif.organisation.models import Department, Employer, Establishment

#: A period longer than this is checked in several times (a quarter covers any planning).
MAX_CHECK_DAYS = 93
ACCEPTED_SUFFIXES = (".xlsx", ".csv", ".txt")


class ChecksForm(StyledFormMixin, forms.Form):
    target = forms.ChoiceField(label=_("Établissement ou équipe"))
    start = forms.DateField(label=_("Du"), widget=DateInput())
    end = forms.DateField(label=_("Au"), widget=DateInput())

    def __init__(
        self,
        *args: Any,
        establishments: QuerySet[Establishment],
        departments: QuerySet[Department],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.establishments = {str(e.pk): e for e in establishments}
        self.departments = {str(d.pk): d for d in departments}
        groups: list[tuple[Any, Any]] = []
        if self.establishments:
            groups.append(
                (
                    _("Établissements"),
                    [(f"e{pk}", str(e)) for pk, e in self.establishments.items()],
                )
            )
        if self.departments:
            groups.append(
                (_("Équipes"), [(f"d{pk}", d.name) for pk, d in self.departments.items()])
            )
        field = self.fields["target"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = groups
        field.widget.attrs["col"] = "col-12 col-md-6"
        for name in ("start", "end"):
            self.fields[name].widget.attrs["col"] = "col-6 col-md-2"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("La fin de la période précède son début."))
            elif (end - start).days >= MAX_CHECK_DAYS:
                self.add_error(
                    "end",
                    _("Contrôlez %(days)s jours au plus à la fois.") % {"days": MAX_CHECK_DAYS},
                )
        return data

    def scope(self) -> tuple[Establishment | None, Department | None]:
        target = self.cleaned_data["target"]
        if target.startswith("e"):
            return self.establishments[target[1:]], None
        return None, self.departments[target[1:]]


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m")


class VariableElementsForm(StyledFormMixin, forms.Form):
    employer = forms.ModelChoiceField(queryset=Employer.objects.none(), label=_("Employeur"))
    month = forms.DateField(label=_("Mois de paie"), input_formats=["%Y-%m"], widget=MonthInput())

    def __init__(self, *args: Any, employers: QuerySet[Employer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["employer"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = employers
        field.empty_label = None
        field.widget.attrs["col"] = "col-12 col-md-6"
        month = self.fields["month"]
        month.widget = MonthInput()
        month.widget.attrs.update({"class": "form-control", "col": "col-8 col-md-3"})


class ClockUploadForm(StyledFormMixin, forms.Form):
    employer = forms.ModelChoiceField(queryset=Employer.objects.none(), label=_("Employeur"))
    file = forms.FileField(
        label=_("Fichier des pointages"),
        help_text=_("Classeur Excel (.xlsx) ou fichier CSV, 10 Mo au plus."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,.csv,.txt,text/csv", "col": "col-12"}
        ),
    )

    def __init__(self, *args: Any, employers: QuerySet[Employer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["employer"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = employers
        field.empty_label = None
        field.widget.attrs["col"] = "col-12"

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name or "").suffix.lower() not in ACCEPTED_SUFFIXES:
            raise forms.ValidationError(
                _("Déposez un classeur .xlsx ou un fichier .csv (fichier « %(name)s » reçu).")
                % {"name": Path(upload.name or "").name}
            )
        return upload


def month_start(value: dt.date | None) -> dt.date:
    return (value or timezone.localdate()).replace(day=1)
