"""The week of a time sheet, as the employee fills it in: for each day, up to two stretches
(entry and exit), or a total of hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import StyledFormMixin
from effectif.timekeeping.forms.schedules import TimeInput
from effectif.timekeeping.models import TimeRecord
from effectif.timekeeping.services.sheets import DayEntry
from effectif.timekeeping.shifts import Shift, clock_minutes

STRETCHES = 2
DAY_NAMES = (
    _("Lundi"),
    _("Mardi"),
    _("Mercredi"),
    _("Jeudi"),
    _("Vendredi"),
    _("Samedi"),
    _("Dimanche"),
)


def _time(text: str) -> dt.time:
    minutes = clock_minutes(text)
    return dt.time(minutes // 60, minutes % 60)


class WeekForm(forms.Form):
    def __init__(self, *args: Any, monday: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.monday = monday
        for day in self.days():
            key = day.isoformat()
            for n in range(1, STRETCHES + 1):
                self.fields[f"{key}_in{n}"] = forms.TimeField(
                    label=_("Entrée %(n)s") % {"n": n}, required=False, widget=TimeInput()
                )
                self.fields[f"{key}_out{n}"] = forms.TimeField(
                    label=_("Sortie %(n)s") % {"n": n}, required=False, widget=TimeInput()
                )
            self.fields[f"{key}_hours"] = forms.DecimalField(
                label=_("ou total (h)"),
                required=False,
                min_value=Decimal(0),
                max_value=Decimal(24),
                decimal_places=2,
                localize=True,
                widget=forms.TextInput(
                    attrs={"class": "form-control form-control-sm", "inputmode": "decimal"}
                ),
            )

    def days(self) -> list[dt.date]:
        return [self.monday + dt.timedelta(days=n) for n in range(7)]

    @staticmethod
    def initial_from(records: list[TimeRecord]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for record in records:
            key = record.day.isoformat()
            if record.intervals:
                for n, (entry, leave) in enumerate(record.intervals[:STRETCHES], start=1):
                    initial[f"{key}_in{n}"] = _time(entry)
                    initial[f"{key}_out{n}"] = _time(leave)
            else:
                initial[f"{key}_hours"] = record.hours
        return initial

    @staticmethod
    def initial_from_shifts(shifts: Mapping[dt.date, Shift]) -> dict[str, Any]:
        """The planned week as a starting point (its first two stretches, or its hours)."""
        initial: dict[str, Any] = {}
        for day, shift in shifts.items():
            key = day.isoformat()
            if shift.timed and shift.intervals:
                for n, (entry, leave) in enumerate(shift.pairs()[:STRETCHES], start=1):
                    initial[f"{key}_in{n}"] = _time(entry)
                    initial[f"{key}_out{n}"] = _time(leave)
            elif shift.hours:
                initial[f"{key}_hours"] = shift.hours
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for day in self.days():
            key = day.isoformat()
            for n in range(1, STRETCHES + 1):
                entry, leave = data.get(f"{key}_in{n}"), data.get(f"{key}_out{n}")
                if (entry is None) != (leave is None):
                    self.add_error(
                        f"{key}_out{n}" if leave is None else f"{key}_in{n}",
                        _("Indiquez l'entrée et la sortie."),
                    )
            has_times = any(data.get(f"{key}_in{n}") for n in range(1, STRETCHES + 1))
            if has_times and data.get(f"{key}_hours"):
                self.add_error(
                    f"{key}_hours", _("Indiquez des horaires ou un total, pas les deux.")
                )
        return data

    def entries(self) -> dict[dt.date, DayEntry]:
        data = self.cleaned_data
        found = {}
        for day in self.days():
            key = day.isoformat()
            stretches = [
                (data[f"{key}_in{n}"], data[f"{key}_out{n}"])
                for n in range(1, STRETCHES + 1)
                if data.get(f"{key}_in{n}") is not None and data.get(f"{key}_out{n}") is not None
            ]
            found[day] = DayEntry(intervals=stretches, hours=data.get(f"{key}_hours"))
        return found

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "day": day,
                "name": DAY_NAMES[day.weekday()],
                "key": day.isoformat(),
                "stretches": [
                    (self[f"{day.isoformat()}_in{n}"], self[f"{day.isoformat()}_out{n}"])
                    for n in range(1, STRETCHES + 1)
                ],
                "hours": self[f"{day.isoformat()}_hours"],
            }
            for day in self.days()
        ]


class ReturnForm(StyledFormMixin, forms.Form):
    comment = forms.CharField(
        label=_("Ce qu'il faut corriger"),
        widget=forms.Textarea(attrs={"rows": 2, "col": "col-12"}),
        max_length=1000,
    )


class ReopenForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Motif de la réouverture"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
    )
