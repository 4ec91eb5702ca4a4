"""Imports of clocked hours: analysed at upload, written all at once at confirmation.

The confirmation writes the days as the preview showed them, into the weeks' time sheets
(which then await the manager's validation), replacing what those days held; it first checks
again what may have changed since the preview (a week validated meanwhile), and writes nothing
if anything is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit, audit_many, build_entry
from effectif.core.models import AuditAction
from effectif.organisation.models import Employer
from effectif.timekeeping.clocking import analyse
from effectif.timekeeping.models import (
    ClockImport,
    ClockImportStatus,
    RecordSource,
    SheetStatus,
    TimeRecord,
    TimeSheet,
)

if TYPE_CHECKING:
    from effectif.accounts.models import User

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def clock_import_upload(*, employer: Employer, upload: UploadedFile[Any], by: User) -> ClockImport:
    """Read and check the file; what it would write is kept for the confirmation."""
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError({"file": [_("Le fichier dépasse 10 Mo.")]})
    data = upload.read()
    analysis = analyse(data, upload.name or "pointages.csv", employer)
    batch = ClockImport.objects.create(
        user=by,
        employer=employer,
        original_name=(upload.name or "")[:255],
        description=analysis.description[:200],
        row_count=analysis.rows,
        error_count=analysis.error_count,
        errors=[error.as_dict() for error in analysis.errors],
        days=analysis.days,
        employee_count=analysis.employees,
    )
    audit(
        actor=by,
        action=AuditAction.IMPORT,
        target=batch,
        detail=_("Pointages déposés : %(rows)s lignes, %(errors)s erreurs")
        % {"rows": analysis.rows, "errors": analysis.error_count},
    )
    return batch


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@transaction.atomic
def clock_import_confirm(*, batch: ClockImport, by: User) -> ClockImport:
    batch = ClockImport.objects.select_for_update().get(pk=batch.pk)
    if not batch.can_confirm:
        raise ValidationError(_("Cet import ne peut pas être confirmé."))
    days = [(entry, dt.date.fromisoformat(entry["day"])) for entry in batch.days]
    keys = {(entry["employee"], _monday(day)) for entry, day in days}
    employee_ids = {employee for employee, _week in keys}
    sheets = {
        (sheet.employee_id, sheet.week_start): sheet
        for sheet in TimeSheet.objects.select_for_update()
        .filter(employee_id__in=employee_ids, week_start__in={week for _e, week in keys})
        .select_related("employee")
    }
    locked = sorted(
        (sheet.employee.display_name, week)
        for (employee, week), sheet in sheets.items()
        if (employee, week) in keys and sheet.status == SheetStatus.APPROVED
    )
    if locked:
        name, week = locked[0]
        raise ValidationError(
            _(
                "La semaine du %(week)s de %(name)s a été validée depuis l'aperçu : déposez "
                "le fichier à nouveau (%(count)s semaine(s) concernée(s))."
            )
            % {"week": week.strftime("%d/%m/%Y"), "name": name, "count": len(locked)}
        )
    now = timezone.now()
    missing = [
        TimeSheet(
            employee_id=employee, week_start=week, status=SheetStatus.SUBMITTED, submitted_at=now
        )
        for employee, week in sorted(keys)
        if (employee, week) not in sheets
    ]
    TimeSheet.objects.bulk_create(missing, batch_size=1000)
    for sheet in TimeSheet.objects.filter(
        employee_id__in=employee_ids, week_start__in={week for _e, week in keys}
    ).select_related("employee"):
        sheets[(sheet.employee_id, sheet.week_start)] = sheet
    drafts = [
        sheet for key, sheet in sheets.items() if key in keys and sheet.status == SheetStatus.DRAFT
    ]
    for sheet in drafts:
        sheet.status, sheet.submitted_at = SheetStatus.SUBMITTED, now
    TimeSheet.objects.bulk_update(drafts, ["status", "submitted_at"], batch_size=1000)

    by_sheet: dict[int, list[tuple[dict[str, Any], dt.date]]] = defaultdict(list)
    for entry, day in days:
        by_sheet[sheets[(entry["employee"], _monday(day))].pk].append((entry, day))
    replaced = TimeRecord.objects.filter(sheet_id__in=by_sheet).values_list("pk", "sheet_id", "day")
    clocked = {(sheet_id, day) for sheet_id, items in by_sheet.items() for _entry, day in items}
    TimeRecord.objects.filter(
        pk__in=[pk for pk, sheet_id, day in replaced if (sheet_id, day) in clocked]
    ).delete()
    TimeRecord.objects.bulk_create(
        [
            TimeRecord(
                sheet_id=sheet_id,
                day=day,
                intervals=entry["intervals"],
                hours=Decimal(entry["hours"]),
                source=RecordSource.CLOCKED,
            )
            for sheet_id, items in by_sheet.items()
            for entry, day in items
        ],
        batch_size=1000,
    )
    by_pk = {sheet.pk: sheet for sheet in sheets.values()}
    audit_many(
        [
            build_entry(
                actor=by,
                action=AuditAction.IMPORT,
                target=by_pk[sheet_id],
                changes={
                    day.strftime("%d/%m"): [
                        "",
                        ", ".join(f"{a}–{b}" for a, b in entry["intervals"]),
                    ]
                    for entry, day in items
                },
                detail=_("Import de pointages n° %(pk)s") % {"pk": batch.pk},
            )
            for sheet_id, items in by_sheet.items()
        ]
    )
    batch.status = ClockImportStatus.CONFIRMED
    batch.confirmed_at = now
    batch.save(update_fields=["status", "confirmed_at", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.IMPORT,
        target=batch,
        detail=_("Pointages importés : %(days)s journées, %(people)s salariés")
        % {"days": len(days), "people": len(employee_ids)},
    )
    return batch


@transaction.atomic
def clock_import_cancel(*, batch: ClockImport, by: User) -> ClockImport:
    batch = ClockImport.objects.select_for_update().get(pk=batch.pk)
    if not batch.is_pending:
        raise ValidationError(_("Cet import n'est plus en attente."))
    batch.status = ClockImportStatus.CANCELLED
    batch.save(update_fields=["status", "updated_at"])
    audit(actor=by, action=AuditAction.UPDATE, target=batch, detail=_("Import de pointages annulé"))
    return batch
