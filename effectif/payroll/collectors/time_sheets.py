"""Overtime and complementary hours of the validated time sheets, from the timekeeping app.

A week is paid with the month in which it ends, on its Sunday (`timekeeping.selectors.
weeks_of_month`, the rule of the app's own page of variable elements): the week of Monday 27
April 2026 is paid in May, the week of Monday 25 May too, that of Monday 1 June in June. Only a
validated week counts (`SheetStatus.APPROVED`): its hours by band were computed by the working-
time rules when it was validated (`timekeeping.services.sheets.timesheet_validate`: C. trav.
L3121-36 for overtime, L3123-29 for the complementary hours of a part-timer) and kept with the
version of the parameters used; they are read as stored, never computed again here.

One element per week and band with hours: « HS25 » (overtime, first band), « HS50 » (second
band), « HC10 » (complementary hours within the tenth of the contract, or the agreement's
fraction), « HC25 » (beyond). The premiums themselves are the engine's (`hour_premiums`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _

from effectif.payroll.catalogue import KINDS
from effectif.payroll.collectors import Draft
from effectif.payroll.models import ElementSource
from effectif.timekeeping.models import SheetStatus, TimeSheet
from effectif.timekeeping.selectors import weeks_of_month

if TYPE_CHECKING:
    from effectif.payroll.facts import Paid
    from effectif.payroll.models import PayrollPeriod

#: The sheet's hours by band, and the element each one becomes.
BANDS = (
    ("overtime_first_hours", "HS25"),
    ("overtime_second_hours", "HS50"),
    ("complementary_first_hours", "HC10"),
    ("complementary_second_hours", "HC25"),
)


def collect(period: PayrollPeriod, paid: list[Paid]) -> list[Draft]:
    """The hours by band of each validated week ending in the month, for the people paid."""
    ids = {person.employee.pk for person in paid}
    first, last = weeks_of_month(period.month)
    sheets = (
        TimeSheet.objects.filter(
            employee__employer_id=period.employer_id,
            status=SheetStatus.APPROVED,
            week_start__gte=first,
            week_start__lte=last,
        )
        .only(
            "pk",
            "employee_id",
            "week_start",
            "worked_hours",
            "parameters_version",
            *(name for name, _code in BANDS),
        )
        .order_by("employee_id", "week_start")
    )
    drafts = []
    for sheet in sheets:
        if sheet.employee_id not in ids:
            continue
        sunday = sheet.week_start + dt.timedelta(days=6)
        for name, code in BANDS:
            hours = getattr(sheet, name)
            if hours <= 0:
                continue
            drafts.append(
                Draft(
                    employee_id=sheet.employee_id,
                    code=code,
                    label=str(KINDS[code].label),
                    source=ElementSource.TIMEKEEPING,
                    source_key=f"timekeeping.timesheet:{sheet.pk}",
                    source_label=_("Feuille de temps de la semaine du %(day)s")
                    % {"day": sheet.week_start.strftime("%d/%m/%Y")},
                    source_url=reverse("timekeeping:sheet_detail", args=[sheet.pk]),
                    quantity=hours,
                    start_date=sheet.week_start,
                    end_date=sunday,
                    detail={
                        "worked_hours": str(sheet.worked_hours),
                        "parameters_version": sheet.parameters_version,
                    },
                )
            )
    return drafts
