"""The personnel file's share of a person's data: its export, its erasure, its retention.

Five years after the departure (C. civ. 2224, CNIL référentiel « gestion du personnel ») the
file is emptied: contacts, bank, family, work permit, documents and change requests go. The name
stays while records kept longer (accounting vouchers) must still be tied to the person, then is
replaced by a pseudonym; the sex and the year of birth stay for the statistics of the headcount.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from effectif.core.personal_data import (
    ErasureContext,
    ExportSection,
    PersonPart,
    attached,
    blank,
    delete_files,
    file_path,
    row,
    rows,
)
from effectif.core.retention import DataKind, Outcome
from effectif.employees.models import (
    BANK_FIELDS,
    CIVIL_STATUS_FIELDS,
    CONTACT_FIELDS,
    DISABILITY_FIELDS,
    EMERGENCY_CONTACT_FIELDS,
    FAMILY_FIELDS,
    WORK_PERMIT_FIELDS,
    ChangeRequest,
    Employee,
    EmployeeDocument,
)
from effectif.rules.parameters.retention import PERSONNEL_FILE_RETENTION_YEARS
from effectif.rules.privacy.dates import Unit

FILE_FIELDS = (
    "matricule",
    "employer",
    "department",
    *CIVIL_STATUS_FIELDS,
    *CONTACT_FIELDS,
    *EMERGENCY_CONTACT_FIELDS,
    *BANK_FIELDS,
    *FAMILY_FIELDS,
    "education_level",
    *DISABILITY_FIELDS,
    *WORK_PERMIT_FIELDS,
    "file_closed_at",
    "created_at",
)
#: What a justified request may erase at any time: none of it is required by a text.
OPTIONAL_FIELDS = (*EMERGENCY_CONTACT_FIELDS, "education_level")
#: What goes once the retention has run out, the identity aside.
EXPIRED_FIELDS = (
    *OPTIONAL_FIELDS,
    "birth_place",
    "nir",
    "temporary_number",
    *CONTACT_FIELDS,
    *BANK_FIELDS,
    *FAMILY_FIELDS,
    *DISABILITY_FIELDS,
    *WORK_PERMIT_FIELDS,
)
IDENTITY_FIELDS = ("usage_name", "birth_country", "nationality")

PERSONNEL_FILE = DataKind(
    key="personnel_file",
    label=_("Dossier du personnel"),
    processing="personnel",
    duration=PERSONNEL_FILE_RETENTION_YEARS,
    unit=Unit.YEARS,
    start=_("après le départ du salarié"),
    end=_(
        "coordonnées, banque, famille, titre de travail, documents et demandes de modification "
        "effacés ; nom remplacé par un pseudonyme dès qu'aucune pièce conservée plus longtemps "
        "n'en a besoin"
    ),
    from_departure=True,
    note=_(
        "État civil, coordonnées, NIR, IBAN, situation familiale, RQTH, titre de travail, "
        "documents du dossier. Le sexe et l'année de naissance restent pour les statistiques "
        "de l'effectif."
    ),
    order=10,
)


def export_file(employee: Employee) -> ExportSection:
    documents = list(EmployeeDocument.objects.filter(employee=employee).order_by("created_at"))
    requests = ChangeRequest.objects.filter(employee=employee).order_by("created_at")
    return ExportSection(
        name="dossier",
        title=str(_("Dossier du personnel")),
        data={
            "dossier": row(employee, FILE_FIELDS),
            "documents": [
                {
                    **row(document, ("kind", "title", "expiry_date", "created_at")),
                    "fichier": file_path("documents", document.pk, document.file)
                    if document.file
                    else None,
                }
                for document in documents
            ],
            "demandes_de_modification": rows(
                requests, ("created_at", "changes", "message", "status", "decision_comment")
            ),
        },
        files=attached("documents", ((d.pk, d.file) for d in documents)),
    )


def _pseudonymise(employee: Employee, ctx: ErasureContext) -> list[str]:
    changed = blank(employee, IDENTITY_FIELDS)
    number = f"ANC-{employee.pk}"[:20]
    birth_year = dt.date(employee.birth_date.year, 1, 1)
    for name, value in (
        ("last_name", str(_("Ancien salarié"))),
        ("first_names", f"n° {employee.pk}"),
        ("matricule", number),
        ("birth_date", birth_year),
    ):
        if getattr(employee, name) != value:
            setattr(employee, name, value)
            changed.append(name)
    return changed


def erase_file(employee: Employee, ctx: ErasureContext) -> Outcome:
    changed = blank(employee, EXPIRED_FIELDS if ctx.expired else OPTIONAL_FIELDS)
    erased = 0
    if ctx.expired:
        documents = list(EmployeeDocument.objects.filter(employee=employee))
        files = [document.file for document in documents]
        erased += EmployeeDocument.objects.filter(pk__in=[d.pk for d in documents]).delete()[0]
        erased += ChangeRequest.objects.filter(employee=employee).delete()[0]
        transaction.on_commit(lambda: delete_files(files))
        if not ctx.keep_identity:
            changed += _pseudonymise(employee, ctx)
    if changed:
        employee.save(update_fields=[*changed, "updated_at"])
    return Outcome(erased=erased, pseudonymised=1 if changed else 0)


FILE_PART = PersonPart(
    key="personnel_file",
    label=_("Dossier du personnel"),
    kind="personnel_file",
    export=export_file,
    erase=erase_file,
    early=_("Personne à prévenir et niveau de formation"),
    order=10,
)


def register(registry: Any) -> None:
    registry.register_kind(PERSONNEL_FILE)
    registry.register_part(FILE_PART)
