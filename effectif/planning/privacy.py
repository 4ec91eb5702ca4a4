"""The calendar subscription in a person's data: whether it exists and when it was last read
(only the token's hash is stored). It goes with the account, or earlier on request."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.core.personal_data import ErasureContext, ExportSection, PersonPart, rows
from effectif.core.retention import Outcome
from effectif.employees.models import Employee
from effectif.planning.models import CalendarFeed


def export_feed(employee: Employee) -> ExportSection:
    return ExportSection(
        name="agenda",
        title=str(_("Abonnement à l'agenda")),
        data=rows(CalendarFeed.objects.filter(employee=employee), ("created_at", "last_read_at")),
    )


def erase_feed(employee: Employee, ctx: ErasureContext) -> Outcome:
    return Outcome(erased=CalendarFeed.objects.filter(employee=employee).delete()[0])


FEED_PART = PersonPart(
    key="calendar_feed",
    label=_("Abonnement à l'agenda"),
    kind="accounts",
    export=export_feed,
    erase=erase_feed,
    early=_("L'abonnement à l'agenda (son adresse cesse de répondre)"),
    order=105,
)


def register(registry: Any) -> None:
    registry.register_part(FEED_PART)
