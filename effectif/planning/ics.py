"""An employee's own calendar as .ics: their planned stretches of work, approved leave and
the public holidays off where they work, from a month back to six months ahead.

Calendar applications read it by its secret address, without a session, and often copy it to
a cloud service: the nature of health-related absences (sickness, work accident, sick child,
maternity) is therefore written « Absence », never named, nor that of any type the employer
does not show to managers (`leave.visibility`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from effectif.employees.models import Employee
from effectif.leave.calendar import AFTERNOON, FULL, MORNING, DayAbsence, absences_by_day
from effectif.leave.models import RECORDED_CATEGORIES, Status
from effectif.planning.cells import hours_label, worked_stretches
from effectif.timekeeping.selectors import planned_days_many

PARIS = ZoneInfo("Europe/Paris")
PAST_DAYS = 31
FUTURE_DAYS = 183
DOMAIN = "effectif"


def feed_window(today: dt.date) -> tuple[dt.date, dt.date]:
    return today - dt.timedelta(days=PAST_DAYS), today + dt.timedelta(days=FUTURE_DAYS)


def _at(day: dt.date, minutes: int) -> dt.datetime:
    midnight = dt.datetime.combine(day, dt.time(0), tzinfo=PARIS)
    return (midnight + dt.timedelta(minutes=minutes)).astimezone(PARIS)


def _leave_name(absence: DayAbsence) -> str:
    return _("Absence") if absence.category in RECORDED_CATEGORIES else absence.label


def _leave_events(
    employee: Employee, absences: dict[tuple[int, dt.date], DayAbsence], stamp: dt.datetime
) -> list[Event]:
    by_request: dict[int, list[tuple[dt.date, DayAbsence]]] = defaultdict(list)
    for (_pk, day), absence in absences.items():
        if absence.status == Status.APPROVED:
            by_request[absence.request_id].append((day, absence))
    events = []
    for request_id, days in sorted(by_request.items()):
        days.sort(key=lambda item: item[0])
        first_day, first = days[0]
        last_day, last = days[-1]
        event = Event()
        event.add("uid", f"conge-{request_id}@{DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", _leave_name(first))
        event.add("dtstart", first_day)
        event.add("dtend", last_day + dt.timedelta(days=1))
        notes = []
        if first.part == AFTERNOON:
            notes.append(_("à partir de l'après-midi du %(day)s") % {"day": f"{first_day:%d/%m}"})
        if last.part == MORNING:
            notes.append(_("jusqu'à midi le %(day)s") % {"day": f"{last_day:%d/%m}"})
        if notes:
            event.add("description", " ; ".join(notes))
        event.add("transp", "TRANSPARENT")
        events.append(event)
    return events


def employee_calendar(employee: Employee, today: dt.date | None = None) -> bytes:
    """The .ics of the employee's planning around `today`."""
    today = today or timezone.localdate()
    start, end = feed_window(today)
    stamp = timezone.now()
    days = planned_days_many([employee], start, end).get(employee.pk, {})
    absences = absences_by_day([employee.pk], start, end, viewer=None)  # no session
    calendar = Calendar()
    calendar.add("prodid", "-//Effectif//Planning//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Planning — %(name)s") % {"name": employee.display_name})
    calendar.add("x-wr-timezone", "Europe/Paris")
    calendar.add("refresh-interval", dt.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    for day, planned in sorted(days.items()):
        absence = absences.get((employee.pk, day))
        approved = absence if absence is not None and absence.status == Status.APPROVED else None
        if approved is not None and approved.part == FULL:
            continue
        shift = planned.shift
        if planned.holiday is not None and not shift.works:
            holiday = Event()
            holiday.add("uid", f"ferie-{employee.pk}-{day:%Y%m%d}@{DOMAIN}")
            holiday.add("dtstamp", stamp)
            holiday.add("summary", _("Férié : %(name)s") % {"name": planned.holiday.name})
            holiday.add("dtstart", day)
            holiday.add("dtend", day + dt.timedelta(days=1))
            holiday.add("transp", "TRANSPARENT")
            calendar.add_component(holiday)
            continue
        if not shift.works:
            continue
        if not shift.intervals:
            untimed = Event()
            untimed.add("uid", f"poste-{employee.pk}-{day:%Y%m%d}@{DOMAIN}")
            untimed.add("dtstamp", stamp)
            untimed.add("summary", _("Travail (%(hours)s)") % {"hours": hours_label(shift.hours)})
            untimed.add("dtstart", day)
            untimed.add("dtend", day + dt.timedelta(days=1))
            calendar.add_component(untimed)
            continue
        stretches = (
            worked_stretches(shift.intervals, approved.part)
            if approved is not None
            else shift.intervals
        )
        for number, (begin, finish) in enumerate(stretches):
            event = Event()
            event.add("uid", f"poste-{employee.pk}-{day:%Y%m%d}-{number}@{DOMAIN}")
            event.add("dtstamp", stamp)
            event.add("summary", _("Travail"))
            event.add("dtstart", _at(day, begin))
            event.add("dtend", _at(day, finish))
            calendar.add_component(event)
    for event in _leave_events(employee, absences, stamp):
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
