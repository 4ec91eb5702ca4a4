"""Schedules to start from: the usual patterns, offered on the creation page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.timekeeping.models import ScheduleKind


@dataclass(frozen=True)
class Preset:
    label: Any
    kind: str
    cycle_weeks: int
    days: dict[tuple[int, int], tuple[str, ...] | Decimal]

    def initial(self) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for (week, weekday), value in self.days.items():
            prefix = f"w{week}d{weekday}"
            if isinstance(value, Decimal):
                initial[f"{prefix}_hours"] = value
                continue
            for part, text in zip(
                ("start", "end", "break_start", "break_end"), value, strict=False
            ):
                initial[f"{prefix}_{part}"] = dt.time.fromisoformat(text)
        return initial


def _weekdays(weekdays: range, times: tuple[str, ...], week: int = 1) -> dict[tuple[int, int], Any]:
    return {(week, weekday): times for weekday in weekdays}


PRESETS: dict[str, Preset] = {
    "35h": Preset(
        _("35 h, du lundi au vendredi (9 h–17 h, pause de 12 h à 13 h)"),
        ScheduleKind.HOURS,
        1,
        _weekdays(range(5), ("09:00", "17:00", "12:00", "13:00")),
    ),
    "39h": Preset(
        _("39 h, du lundi au vendredi (4 h supplémentaires par semaine)"),
        ScheduleKind.HOURS,
        1,
        _weekdays(range(5), ("08:00", "16:48", "12:00", "13:00")),
    ),
    "4j": Preset(
        _("Semaine de quatre jours, 35 h (lundi au jeudi)"),
        ScheduleKind.HOURS,
        1,
        _weekdays(range(4), ("08:00", "17:45", "12:00", "13:00")),
    ),
    "tp24": Preset(
        _("Temps partiel, 24 h sur quatre matinées longues"),
        ScheduleKind.HOURS,
        1,
        _weekdays(range(4), ("08:30", "14:30")),
    ),
    "cycle2": Preset(
        _("Cycle de deux semaines : 6 jours puis 3 jours (moyenne 36 h)"),
        ScheduleKind.HOURS,
        2,
        _weekdays(range(6), ("07:00", "15:30", "11:30", "12:00"))
        | _weekdays(range(3), ("07:00", "15:30", "11:30", "12:00"), week=2),
    ),
    "forfait": Preset(
        _("Forfait jours, du lundi au vendredi"),
        ScheduleKind.DAYS,
        1,
        {(1, weekday): Decimal(7) for weekday in range(5)},
    ),
}
