"""The period a planning shows: a week (Monday to Sunday) or a calendar month, and its
neighbours."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from effectif.core.dates import parse_day

WEEK = "semaine"
MONTH = "mois"
KINDS = (WEEK, MONTH)


def long_date(day: dt.date) -> str:
    """« lundi 2 mars 2026 », in the active language."""
    return date_format(day, "l j F Y")


@dataclass(frozen=True)
class Period:
    kind: str
    start: dt.date
    end: dt.date

    @classmethod
    def around(cls, day: dt.date, kind: str) -> Period:
        if kind == WEEK:
            monday = day - dt.timedelta(days=day.weekday())
            return cls(WEEK, monday, monday + dt.timedelta(days=6))
        first = day.replace(day=1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return cls(MONTH, first, last)

    @classmethod
    def from_query(cls, kind: str | None, day: str | None, today: dt.date) -> Period:
        """The period the query asks for (`periode`, `date`), this month by default."""
        chosen = kind if kind in KINDS else MONTH
        return cls.around(parse_day(day) or today, chosen)

    @property
    def previous(self) -> Period:
        return Period.around(self.start - dt.timedelta(days=1), self.kind)

    @property
    def following(self) -> Period:
        return Period.around(self.end + dt.timedelta(days=1), self.kind)

    @property
    def is_week(self) -> bool:
        return self.kind == WEEK

    @property
    def title(self) -> str:
        """« mars 2026 », « semaine du 2 au 8 mars 2026 »."""
        if self.kind == MONTH:
            return date_format(self.start, "F Y")
        start = "j" if self.start.month == self.end.month else "j F"
        return _("semaine du %(start)s au %(end)s") % {
            "start": date_format(self.start, start),
            "end": date_format(self.end, "j F Y"),
        }

    @property
    def slug(self) -> str:
        """For file names: « 2026-03 », « 2026-s10 »."""
        if self.kind == MONTH:
            return self.start.strftime("%Y-%m")
        year, week, _weekday = self.start.isocalendar()
        return f"{year}-s{week:02d}"
