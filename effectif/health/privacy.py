"""Occupational health in a person's data: only what the employer holds — the visits it
organised and the notice it received (apte, apte avec aménagements, inapte), which it keeps to
show the labour inspectorate (C. trav. R4624-55). The medical file is the occupational health
service's (L4624-8), never Effectif's. Five years after the departure the visits go."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.core.personal_data import ErasureContext, ExportSection, PersonPart, rows
from effectif.core.retention import NOTHING, DataKind, Outcome
from effectif.employees.models import Employee
from effectif.health.models import VISIT_FIELDS, MedicalVisit
from effectif.rules.parameters.retention import PERSONNEL_FILE_RETENTION_YEARS
from effectif.rules.privacy.dates import Unit

MEDICAL = DataKind(
    key="medical",
    label=_("Suivi de santé au travail (visites et avis)"),
    processing="health",
    duration=PERSONNEL_FILE_RETENTION_YEARS,
    unit=Unit.YEARS,
    start=_("après le départ du salarié"),
    end=_("effacé"),
    from_departure=True,
    note=_(
        "L'employeur ne détient que l'avis d'aptitude ou d'inaptitude, qu'il conserve pour "
        "l'inspection du travail (C. trav. R4624-55) ; le dossier médical est tenu par le "
        "service de prévention et de santé au travail (L4624-8)."
    ),
    order=60,
)

#: The audited fields of a visit but its establishment and the notice (a document of the file).
EXPORTED_FIELDS = tuple(
    name for name in VISIT_FIELDS if name not in ("establishment", "notice_document")
)


def export_visits(employee: Employee) -> ExportSection:
    visits = MedicalVisit.objects.filter(employee=employee).select_related("health_service")
    return ExportSection(
        name="sante_au_travail",
        title=str(_("Visites médicales (ce que détient l'employeur)")),
        data=rows(visits.order_by("due_date", "id"), EXPORTED_FIELDS),
    )


def erase_visits(employee: Employee, ctx: ErasureContext) -> Outcome:
    if not ctx.expired:
        return NOTHING
    return Outcome(erased=MedicalVisit.objects.filter(employee=employee).delete()[0])


MEDICAL_PART = PersonPart(
    key="medical",
    label=_("Visites médicales"),
    kind="medical",
    export=export_visits,
    erase=erase_visits,
    order=60,
)


def register(registry: Any) -> None:
    registry.register_kind(MEDICAL)
    registry.register_part(MEDICAL_PART)
