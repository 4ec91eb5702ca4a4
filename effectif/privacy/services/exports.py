"""Everything Effectif holds about a person, as one ZIP archive (RGPD art. 15 and 20).

Each app contributes its section (`core.personal_data.PersonPart.export`): one JSON file per
kind of data, and the stored files (documents of the file, receipts). The archive is built by a
background task (`privacy.tasks`): a person with years of documents makes a large archive. A
`LISEZMOI.txt` says what is in it, how long each kind is kept and how to exercise the rights.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import zipfile
from typing import TYPE_CHECKING, Any

from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.personal_data import ExportSection
from effectif.core.retention import retention
from effectif.employees.models import Employee
from effectif.privacy.models import DataExport, ExportStatus, RightsRequest
from effectif.privacy.services.requests import request_record

if TYPE_CHECKING:
    from effectif.accounts.models import User

logger = logging.getLogger(__name__)
CHUNK = 1024 * 1024


def sections_of(employee: Employee) -> list[ExportSection]:
    return [part.export(employee) for part in retention.person_parts()]


def _json(data: Any) -> bytes:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def write_archive(employee: Employee, target: Any) -> tuple[int, list[str]]:
    """Write the archive into the open binary file `target`; returns how many stored files it
    holds and the paths of those missing on disk."""
    sections = sections_of(employee)
    today = timezone.localdate()
    written, missing = 0, []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for section in sections:
            archive.writestr(f"{section.name}.json", _json(section.data))
            for item in section.files:
                try:
                    with item.file.open("rb") as source, archive.open(item.path, "w") as dest:
                        shutil.copyfileobj(source, dest, CHUNK)
                    written += 1
                except (OSError, ValueError):
                    missing.append(item.path)
        readme = render_to_string(
            "privacy/archive_readme.txt",
            {
                "employee": employee,
                "now": timezone.localtime(),
                "sections": sections,
                "missing": missing,
                "schedule": [
                    (kind.label, kind.describe(today), kind.source(today))
                    for kind in retention.schedule()
                ],
            },
        )
        archive.writestr("LISEZMOI.txt", readme.encode())
    return written, missing


def archive_name(export: DataExport) -> str:
    when = timezone.localtime(export.created_at)
    return f"{slugify(f'donnees-{export.employee.display_name}')}-{when:%Y-%m-%d}.zip"


def build_archive(export_id: int) -> str:
    """Build the archive of an export (the task's body); a second call does nothing."""
    with transaction.atomic():
        export = (
            DataExport.objects.select_for_update()
            .select_related("employee__employer")
            .filter(pk=export_id)
            .first()
        )
        if export is None or not export.is_waiting:
            return "ignored"
        export.status = ExportStatus.RUNNING
        export.save(update_fields=["status"])
    try:
        with tempfile.TemporaryFile() as target:
            count, missing = write_archive(export.employee, target)
            target.seek(0)
            export.file.save("archive.zip", File(target), save=False)
            export.size = export.file.size
        export.file_count = count
        export.error = (
            _("Fichiers introuvables : %(f)s") % {"f": ", ".join(missing)} if missing else ""
        )[:500]
        export.status = ExportStatus.READY
    except Exception as error:  # the page says it failed; the log keeps the trace
        logger.exception("Archive de données personnelles %s", export_id)
        export.status = ExportStatus.FAILED
        export.error = str(error)[:500]
    export.finished_at = timezone.now()
    export.save()
    return str(export.status)


def export_request(
    *, employee: Employee, by: User, request: RightsRequest | None = None
) -> DataExport:
    """Ask for the archive of a person's data; one at a time per person."""
    from effectif.privacy.tasks import build_data_export

    with transaction.atomic():
        Employee.objects.select_for_update().filter(pk=employee.pk).first()
        waiting = DataExport.objects.filter(
            employee=employee, status__in=(ExportStatus.PENDING, ExportStatus.RUNNING)
        ).first()
        if waiting is not None:
            return waiting
        export = DataExport.objects.create(employee=employee, request=request, requested_by=by)
        audit(
            actor=by,
            action=AuditAction.EXPORT,
            target=employee,
            detail=_("Archive de toutes les données personnelles demandée"),
        )
        if request is not None:
            request_record(
                request=request,
                by=by,
                what=_("Archive des données demandée (n° %(n)s)") % {"n": export.pk},
            )
        result = build_data_export.enqueue(export.pk)
        DataExport.objects.filter(pk=export.pk).update(task_id=str(result.id)[:64])
    export.refresh_from_db()
    return export


def export_downloaded(*, export: DataExport, by: User) -> None:
    audit(
        actor=by,
        action=AuditAction.EXPORT,
        target=export.employee,
        detail=_("Archive de données personnelles téléchargée (n° %(n)s, %(size)s octets)")
        % {"n": export.pk, "size": export.size},
    )
