"""Forms of the planning: one day's stretches of work as people type them, and a team's
minimum staffing by day of the week."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import StyledFormMixin
from effectif.planning.models import Weekday
from effectif.timekeeping.shifts import clock_minutes

_TIME = r"\d{1,2}(?:\s*[:hH.]\s*\d{2}|\s*[hH])?"
_PAIR = re.compile(rf"({_TIME})\s*(?:-|–|—|à|a)\s*({_TIME})")
_SEPARATORS = re.compile(r"(?:[\s,;/+]|et)*")
REST_WORDS = frozenset({"repos", "r", "off", "aucun", "aucune"})
MAX_STRETCHES = 6

Stretch = tuple[dt.time, dt.time]


def _clock(text: str) -> dt.time:
    text = text.strip()
    if text.isdigit():
        text = f"{text}:00"
    minutes = clock_minutes(text)
    return dt.time(minutes // 60, minutes % 60)


def parse_stretches(text: str) -> list[Stretch]:
    """« 08:00–12:00, 13:00–16:30 », « 8h-12h et 13h30-17h », or « repos » (none)."""
    cleaned = " ".join((text or "").split()).lower()
    if cleaned in REST_WORDS:
        return []
    if not cleaned:
        raise ValidationError(_("Indiquez les plages de travail, ou « repos »."), code="required")
    pairs = list(_PAIR.finditer(cleaned))
    if not pairs or not _SEPARATORS.fullmatch(_PAIR.sub(" ", cleaned)):
        raise ValidationError(
            _("Plages illisibles : écrivez-les comme « 08:00–12:00, 13:00–16:30 »."),
            code="invalid",
        )
    if len(pairs) > MAX_STRETCHES:
        raise ValidationError(
            _("Au plus %(max)s plages par jour.") % {"max": MAX_STRETCHES}, code="too_many"
        )
    try:
        return [(_clock(m.group(1)), _clock(m.group(2))) for m in pairs]
    except ValueError as error:
        raise ValidationError(
            _("Heure invalide : %(value)s.") % {"value": error}, code="invalid_time"
        ) from error


class DayForm(StyledFormMixin, forms.Form):
    """The stretches of one day. The « Jour de repos » button posts `repos`; « Revenir à
    l'horaire habituel » posts `reset`."""

    stretches = forms.CharField(
        label=_("Plages de travail"),
        required=False,
        max_length=120,
        help_text=_("Par exemple « 08:00–12:00, 13:00–16:30 », ou « repos »."),
    )
    override_reason = forms.CharField(
        label=_("Motif de la dérogation"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Enregistré dans le journal d'audit avec les dépassements."),
    )

    def clean_stretches(self) -> list[Stretch] | None:
        if self.resets:
            return None
        if self.data.get("repos"):
            return []
        return parse_stretches(self.cleaned_data.get("stretches", ""))

    @property
    def resets(self) -> bool:
        return bool(self.data.get("reset"))


class StaffingForm(StyledFormMixin, forms.Form):
    """A team's minimum staffing: one figure per day of the week, empty for none."""

    def __init__(self, *args: Any, initial_minimums: dict[int, int] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for weekday, label in Weekday.choices:
            self.fields[f"day_{weekday}"] = forms.IntegerField(
                label=label,
                required=False,
                min_value=0,
                max_value=999,
                initial=(initial_minimums or {}).get(weekday),
                widget=forms.NumberInput(
                    attrs={"col": "col-6 col-sm-4 col-lg", "inputmode": "numeric"}
                ),
            )

    def minimums(self) -> dict[int, int | None]:
        return {
            weekday: (self.cleaned_data.get(f"day_{weekday}") or None)
            for weekday, _label in Weekday.choices
        }
