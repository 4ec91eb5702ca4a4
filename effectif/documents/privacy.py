"""Generated documents in a person's data: the list of what was generated for them (letters,
certificates, orders); the PDF files are documents of the personnel file, exported and erased
with it. Five years after the departure the list goes too."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.core.personal_data import ErasureContext, ExportSection, PersonPart, rows
from effectif.core.retention import NOTHING, Outcome
from effectif.documents.models import GeneratedDocument
from effectif.employees.models import Employee


def export_generated(employee: Employee) -> ExportSection:
    generated = GeneratedDocument.objects.filter(employee=employee).order_by("created_at")
    return ExportSection(
        name="documents_generes",
        title=str(_("Documents générés")),
        data=rows(
            generated,
            ("kind", "title", "created_at", "file_document", "signed_document", "missing_fields"),
        ),
    )


def erase_generated(employee: Employee, ctx: ErasureContext) -> Outcome:
    if not ctx.expired:
        return NOTHING
    return Outcome(erased=GeneratedDocument.objects.filter(employee=employee).delete()[0])


GENERATED_PART = PersonPart(
    key="generated_documents",
    label=_("Documents générés"),
    kind="personnel_file",
    export=export_generated,
    erase=erase_generated,
    order=12,
)


def register(registry: Any) -> None:
    registry.register_part(GENERATED_PART)
