"""Schedules as a grid of days, their assignment, and the employer's settings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import DateInput, StyledFormMixin
from effectif.organisation.models import Employer
from effectif.timekeeping.models import (
    ScheduleAssignment,
    ScheduleDay,
    WorkingTimeSettings,
    WorkSchedule,
)
from effectif.timekeeping.models.schedules import MAX_CYCLE_WEEKS, Weekday
from effectif.timekeeping.models.settings import ComplementaryFraction
from effectif.timekeeping.services.schedules import DayInput

TIME_PARTS = ("start", "end", "break_start", "break_end")


class WorkScheduleForm(StyledFormMixin, forms.ModelForm[WorkSchedule]):
    class Meta:
        model = WorkSchedule
        fields = ["name", "kind", "cycle_weeks", "works_public_holidays", "description", "active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2, "col": "col-12"})}

    @staticmethod
    def employer_field(employers: QuerySet[Employer]) -> forms.ModelChoiceField[Employer]:
        """The employer of a new schedule, among those the user administers."""
        field: forms.ModelChoiceField[Employer] = forms.ModelChoiceField(
            queryset=employers, label=_("Employeur"), empty_label=None
        )
        field.widget.attrs["class"] = "form-select"
        return field


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self) -> None:
        super().__init__(format="%H:%M", attrs={"class": "form-control form-control-sm"})


class ScheduleGridForm(forms.Form):
    """The days of a cycle: for each week and day, the times of work and of the break (a day
    left empty is a rest day), or the hours of a forfait-jours day."""

    def __init__(self, *args: Any, weeks: int, days_package: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.weeks = max(1, min(weeks, MAX_CYCLE_WEEKS))
        self.days_package = days_package
        for week in range(1, self.weeks + 1):
            for weekday, label in Weekday.choices:
                prefix = f"w{week}d{weekday}"
                if days_package:
                    self.fields[f"{prefix}_hours"] = forms.DecimalField(
                        label=_("%(day)s, heures") % {"day": label},
                        required=False,
                        min_value=Decimal(0),
                        max_value=Decimal(24),
                        decimal_places=2,
                        localize=True,
                        widget=forms.TextInput(
                            attrs={"class": "form-control form-control-sm", "inputmode": "decimal"}
                        ),
                    )
                    continue
                for part, part_label in zip(
                    TIME_PARTS,
                    (_("début"), _("fin"), _("début de pause"), _("fin de pause")),
                    strict=True,
                ):
                    self.fields[f"{prefix}_{part}"] = forms.TimeField(
                        label=f"{label}, {part_label}", required=False, widget=TimeInput()
                    )

    @staticmethod
    def initial_from(days: list[ScheduleDay]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for day in days:
            prefix = f"w{day.week}d{day.weekday}"
            initial[f"{prefix}_hours"] = day.hours
            for part in TIME_PARTS:
                field = "start_time" if part == "start" else "end_time" if part == "end" else part
                initial[f"{prefix}_{part}"] = getattr(day, field)
        return initial

    def rows(self) -> list[dict[str, Any]]:
        """The grid as the template lays it out: weeks, then days with their fields."""
        return [
            {
                "week": week,
                "days": [
                    {
                        "label": label,
                        "fields": [
                            self[f"w{week}d{weekday}_{part}"]
                            for part in (("hours",) if self.days_package else TIME_PARTS)
                        ],
                        "errors": self.errors.get(f"w{week}d{weekday}", []),
                    }
                    for weekday, label in Weekday.choices
                ],
            }
            for week in range(1, self.weeks + 1)
        ]

    def day_inputs(self) -> list[DayInput]:
        found = []
        data = self.cleaned_data
        for week in range(1, self.weeks + 1):
            for weekday in range(7):
                prefix = f"w{week}d{weekday}"
                if self.days_package:
                    hours = data.get(f"{prefix}_hours")
                    if hours:
                        found.append(DayInput(week, weekday, hours=hours))
                    continue
                start, end, pause_start, pause_end = (
                    data.get(f"{prefix}_{part}") for part in TIME_PARTS
                )
                if any(value is not None for value in (start, end, pause_start, pause_end)):
                    found.append(DayInput(week, weekday, start, end, pause_start, pause_end))
        return found


class AssignmentForm(StyledFormMixin, forms.ModelForm[ScheduleAssignment]):
    class Meta:
        model = ScheduleAssignment
        fields = ["schedule", "start_date", "end_date", "cycle_start_week"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args: Any, schedules: QuerySet[WorkSchedule], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["schedule"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = schedules
        field.empty_label = _("Choisissez un horaire")
        self.fields["end_date"].help_text = _("Laissez vide pour un horaire sans fin prévue.")


class WorkingTimeSettingsForm(StyledFormMixin, forms.ModelForm[WorkingTimeSettings]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["complementary_fraction"]
        assert isinstance(field, forms.ChoiceField)
        # Left empty, the legal tenth applies; the choices are what an agreement may set.
        field.choices = [("", _("Valeur légale (1/10e)")), *ComplementaryFraction.choices[1:]]

    class Meta:
        model = WorkingTimeSettings
        fields = [
            "solidarity_day",
            "daily_max_hours",
            "weekly_average_max_hours",
            "complementary_fraction",
            "overtime_contingent_hours",
            "accord_reference",
        ]
