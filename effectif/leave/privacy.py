"""Leave and absences in a person's data and in the retention schedule.

The requests and the ledger are payroll evidence (leave pay, L3141-24) kept with the personnel
file, five years after the departure; then the free comments go and the dated movements stay,
tied to the pseudonymised file. Supporting documents (sick notes) are documents of the file and
go with it. Notifications shown in the application go after a year.
"""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.core.personal_data import ErasureContext, ExportSection, PersonPart, blank, rows
from effectif.core.retention import NOTHING, DataKind, Outcome
from effectif.employees.models import Employee
from effectif.leave.models import LeaveRequest, LedgerEntry, Notification
from effectif.rules.parameters.base import DatedValue, Parameter
from effectif.rules.parameters.retention import PERSONNEL_FILE_RETENTION_YEARS
from effectif.rules.privacy.dates import Unit

#: Effectif's own choice: a notification is a reminder, read or not after a year.
NOTIFICATION_MONTHS: Parameter[int] = Parameter(
    name="notifications_conservation_mois",
    description="Conservation des notifications affichées dans Effectif",
    values=(
        DatedValue(
            date(2026, 1, 1),
            12,
            "Choix d'Effectif : minimisation (RGPD art. 5, 1, e) ; chaque notification est "
            "aussi envoyée par e-mail",
        ),
    ),
)

LEAVE = DataKind(
    key="leave",
    label=_("Congés et absences"),
    processing="working_time",
    duration=PERSONNEL_FILE_RETENTION_YEARS,
    unit=Unit.YEARS,
    start=_("après le départ du salarié"),
    end=_("commentaires effacés ; mouvements datés gardés sous pseudonyme"),
    from_departure=True,
    note=_(
        "Éléments de paie (indemnité de congés payés, C. trav. L3141-24 ; action en paiement : "
        "L3245-1). Les justificatifs d'absence sont des documents du dossier."
    ),
    order=40,
)


def purge_notifications(now: dt.datetime, dry_run: bool) -> Outcome:
    old = Notification.objects.filter(created_at__lt=NOTIFICATIONS.cutoff(now))
    return Outcome(erased=old.count() if dry_run else old.delete()[0])


NOTIFICATIONS = DataKind(
    key="notifications",
    label=_("Notifications dans Effectif"),
    processing="working_time",
    duration=NOTIFICATION_MONTHS,
    unit=Unit.MONTHS,
    start=_("après l'envoi"),
    end=_("effacées"),
    purge=purge_notifications,
    order=45,
)

REQUEST_FIELDS = (
    *LeaveRequest.REQUESTED_FIELDS,
    "status",
    "comment",
    "decided_at",
    "decision_comment",
    "subrogation",
    "created_at",
)
LEDGER_FIELDS = (
    "leave_type",
    "kind",
    "entry_date",
    "amount",
    "period_start",
    "available_until",
    "label",
    "basis",
)


def export_leave(employee: Employee) -> ExportSection:
    requests = LeaveRequest.objects.filter(employee=employee).select_related("leave_type")
    entries = LedgerEntry.objects.filter(employee=employee).select_related("leave_type")
    notifications = (
        Notification.objects.filter(user_id=employee.user_id) if employee.user_id else []
    )
    return ExportSection(
        name="conges",
        title=str(_("Congés et absences")),
        data={
            "demandes": rows(requests.order_by("start_date", "id"), REQUEST_FIELDS),
            "mouvements": rows(entries.order_by("entry_date", "id"), LEDGER_FIELDS),
            "notifications": rows(notifications, ("created_at", "message", "read_at")),
        },
    )


def erase_leave(employee: Employee, ctx: ErasureContext) -> Outcome:
    if not ctx.expired:
        return NOTHING
    count = 0
    for request in LeaveRequest.objects.filter(employee=employee):
        if changed := blank(request, ("comment", "decision_comment")):
            request.save(update_fields=[*changed, "updated_at"])
            count += 1
    return Outcome(pseudonymised=count)


LEAVE_PART = PersonPart(
    key="leave",
    label=_("Congés et absences"),
    kind="leave",
    export=export_leave,
    erase=erase_leave,
    order=40,
)


def register(registry: Any) -> None:
    registry.register_kind(LEAVE)
    registry.register_kind(NOTIFICATIONS)
    registry.register_part(LEAVE_PART)
