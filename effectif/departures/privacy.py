"""Departures in a person's data. The procedure's dates, the amounts handed to payroll and the
end-of-contract documents (certificate L1234-19, receipt for the balance L1234-20, France
Travail certificate R1234-9) are evidence for the actions on the rupture and on pay; five years
after the departure the free notes, the interview's place and the exit checklist go, the dates
and amounts stay under the pseudonym. The documents themselves are documents of the file."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.core.personal_data import ErasureContext, ExportSection, PersonPart, blank, rows
from effectif.core.retention import NOTHING, DataKind, Outcome
from effectif.departures.models import Departure
from effectif.employees.models import Employee
from effectif.rules.parameters.retention import PERSONNEL_FILE_RETENTION_YEARS
from effectif.rules.privacy.dates import Unit

DEPARTURES = DataKind(
    key="departures",
    label=_("Départs et documents de fin de contrat"),
    processing="personnel",
    duration=PERSONNEL_FILE_RETENTION_YEARS,
    unit=Unit.YEARS,
    start=_("après le départ du salarié"),
    end=_("observations et liste de sortie effacées ; dates et montants gardés sous pseudonyme"),
    from_departure=True,
    note=_(
        "Contestation de la rupture : 12 mois (C. trav. L1471-1) ; reçu pour solde de tout "
        "compte : 6 mois (L1234-20) ; salaire : 3 ans (L3245-1)."
    ),
    order=70,
)

DEPARTURE_FIELDS = (
    "contract",
    "reason",
    "status",
    *Departure.PROCEDURE_FIELDS,
    "notice_label",
    "notice_basis",
    "notice_start_date",
    "notice_end_date",
    "notice_waived",
    "last_working_date",
    "end_date",
    "reference_salary_amount",
    "severance_amount",
    "cdd_indemnity_amount",
    "leave_days",
    "leave_indemnity_amount",
    "amounts_basis",
    "note",
    "closed_at",
)
ERASED_FIELDS = ("interview_place", "checklist", "note")


def export_departures(employee: Employee) -> ExportSection:
    departures = Departure.objects.filter(employee=employee).select_related("contract__employee")
    return ExportSection(
        name="departs",
        title=str(_("Départs")),
        data=rows(departures.order_by("created_at"), DEPARTURE_FIELDS),
    )


def erase_departures(employee: Employee, ctx: ErasureContext) -> Outcome:
    if not ctx.expired:
        return NOTHING
    count = 0
    for departure in Departure.objects.filter(employee=employee):
        if changed := blank(departure, ERASED_FIELDS):
            departure.save(update_fields=[*changed, "updated_at"])
            count += 1
    return Outcome(pseudonymised=count)


DEPARTURES_PART = PersonPart(
    key="departures",
    label=_("Départs"),
    kind="departures",
    export=export_departures,
    erase=erase_departures,
    order=70,
)


def register(registry: Any) -> None:
    registry.register_kind(DEPARTURES)
    registry.register_part(DEPARTURES_PART)
