"""Writes of imports: upload and analyse, confirm (all or nothing), cancel, purge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile, File
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.contracts.models import Contract, ContractTerms
from effectif.core.audit import audit_many, build_entry
from effectif.core.models import AuditAction, AuditEntry
from effectif.core.services import audited_fields
from effectif.employees.models import MASKED_IN_AUDIT, Employee
from effectif.imports.analysis import Analysis, analyse
from effectif.imports.auditing import CreationEntries, contract_label, terms_label
from effectif.imports.models import ImportBatch, ImportFormat, ImportStatus
from effectif.organisation.models import Employer
from effectif.organisation.selectors import hr_employers_for

if TYPE_CHECKING:
    from effectif.accounts.models import User

#: Rows per INSERT statement.
BULK_SIZE = 500


def _check_scope(user: User, employer_id: int) -> None:
    if not hr_employers_for(user).filter(pk=employer_id).exists():
        raise PermissionDenied(_("Vous n'administrez pas le personnel de cet employeur."))


def _store(batch: ImportBatch, analysis: Analysis) -> None:
    batch.description = analysis.description[:200]
    batch.row_count = analysis.data_rows
    batch.error_count = analysis.error_total
    batch.error_row_count = analysis.rows_in_error
    batch.employees_to_create = analysis.employees_to_create
    batch.contracts_to_create = analysis.contracts_to_create
    batch.contracts_for_existing = analysis.contracts_for_existing
    batch.errors = [error.as_dict() for error in analysis.errors]
    batch.notes = analysis.notes
    batch.columns = analysis.columns
    batch.sample = analysis.sample()


def import_upload(*, employer: Employer, upload: File[Any], by: User) -> ImportBatch:
    """Keep the file and analyse it: every error, and what it would create. Nothing else is
    written until the user confirms."""
    _check_scope(by, employer.pk)
    upload.seek(0)
    data = upload.read()
    name = Path(upload.name or "import.csv").name[:255]
    batch = ImportBatch(
        user=by,
        employer=employer,
        original_name=name,
        file_format=ImportFormat.XLSX if data[:4] == b"PK\x03\x04" else ImportFormat.CSV,
    )
    _store(batch, analyse(data, name, employer))
    batch.file.save(name, ContentFile(data), save=False)  # kept until confirmation
    batch.save()
    return batch


def _read(batch: ImportBatch) -> bytes:
    if not batch.file:
        raise ValidationError(
            _("Le fichier de cet import n'est plus disponible : importez-le à nouveau.")
        )
    try:
        with batch.file.open("rb") as handle:
            data: bytes = handle.read()
            return data
    except FileNotFoundError as error:
        raise ValidationError(
            _("Le fichier de cet import n'est plus disponible : importez-le à nouveau.")
        ) from error


def _forget_file(batch: ImportBatch) -> None:
    """Delete the stored file once the transaction commits (it holds NIRs and IBANs)."""
    if not batch.file:
        return
    storage, name = batch.file.storage, batch.file.name
    batch.file = None
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def _write(batch: ImportBatch, analysis: Analysis, by: User) -> list[AuditEntry]:
    plans = analysis.plans
    employees = [plan.employee for plan in plans if plan.creates_employee]
    Employee.objects.bulk_create(employees, batch_size=BULK_SIZE)
    contracts = []
    for plan in plans:
        plan.contract.employee = plan.employee  # now saved: sets employee_id
        contracts.append(plan.contract)
    Contract.objects.bulk_create(contracts, batch_size=BULK_SIZE)
    terms = []
    for plan in plans:
        plan.terms.contract = plan.contract
        terms.append(plan.terms)
    ContractTerms.objects.bulk_create(terms, batch_size=BULK_SIZE)

    # The entries `employee_save` and `contract_create` write, built in bulk.
    detail = _("Import « %(file)s »") % {"file": batch.original_name}
    employee_entries = CreationEntries(Employee, audited_fields(Employee), MASKED_IN_AUDIT)
    contract_entries = CreationEntries(Contract, audited_fields(Contract))
    terms_entries = CreationEntries(ContractTerms, ContractTerms.AMENDABLE_FIELDS)
    entries = [employee_entries.entry(employee, by=by, detail=detail) for employee in employees]
    for plan in plans:
        label = contract_label(plan.contract, contract_entries)
        entries.append(contract_entries.entry(plan.contract, by=by, detail=detail, label=label))
        entries.append(
            terms_entries.entry(
                plan.terms, by=by, detail=detail, label=terms_label(plan.terms, label)
            )
        )
    batch.employees_created = len(employees)
    batch.contracts_created = len(contracts)
    batch.created_contract_ids = [contract.pk for contract in contracts]
    return entries


def import_confirm(*, batch: ImportBatch, by: User) -> ImportBatch:
    """Write the whole file, or nothing: the file is analysed again in the transaction (the
    database may have changed since the preview), with the files it completes locked."""
    if batch.user_id != getattr(by, "pk", None):
        raise PermissionDenied
    try:
        with transaction.atomic():
            locked = ImportBatch.objects.select_for_update().select_related("employer")
            locked_batch = locked.get(pk=batch.pk)
            if not locked_batch.is_pending:
                raise ValidationError(_("Cet import a déjà été confirmé ou annulé."))
            _check_scope(by, locked_batch.employer_id)
            analysis = analyse(
                _read(locked_batch),
                locked_batch.original_name,
                locked_batch.employer,
                lock=True,
            )
            _store(locked_batch, analysis)
            if analysis.is_valid:
                entries = _write(locked_batch, analysis, by)
                locked_batch.status = ImportStatus.CONFIRMED
                locked_batch.confirmed_at = timezone.now()
                locked_batch.sample = []
                _forget_file(locked_batch)
                locked_batch.save()
                entries.append(
                    build_entry(
                        actor=by,
                        action=AuditAction.IMPORT,
                        target=locked_batch,
                        detail=_(
                            "Import « %(file)s » : %(rows)s lignes, %(employees)s salariés et "
                            "%(contracts)s contrats créés."
                        )
                        % {
                            "file": locked_batch.original_name,
                            "rows": locked_batch.row_count,
                            "employees": locked_batch.employees_created,
                            "contracts": locked_batch.contracts_created,
                        },
                    )
                )
                audit_many(entries)
            else:
                locked_batch.save()
    except IntegrityError as error:
        raise ValidationError(
            _(
                "Des salariés ou des contrats ont été enregistrés pendant la confirmation : "
                "rien n'a été importé. Importez à nouveau le fichier pour le vérifier."
            )
        ) from error
    if not analysis.is_valid:
        raise ValidationError(
            _(
                "Le fichier comporte des erreurs (la base a pu changer depuis l'aperçu) : rien "
                "n'a été importé. Corrigez-les puis importez à nouveau le fichier."
            )
        )
    return locked_batch


@transaction.atomic
def import_cancel(*, batch: ImportBatch, by: User) -> ImportBatch:
    """Drop a batch that was not confirmed, and its file."""
    if batch.user_id != getattr(by, "pk", None):
        raise PermissionDenied
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if not locked.is_pending:
        raise ValidationError(_("Cet import a déjà été confirmé ou annulé."))
    _cancel(locked)
    return locked


def _cancel(batch: ImportBatch) -> None:
    batch.status = ImportStatus.CANCELLED
    batch.cancelled_at = timezone.now()
    batch.errors = []
    batch.sample = []
    _forget_file(batch)
    batch.save()


def stale_imports(cutoff: dt.datetime) -> QuerySet[ImportBatch]:
    """The batches analysed before `cutoff` and never confirmed nor cancelled."""
    return ImportBatch.objects.filter(status=ImportStatus.ANALYSED, created_at__lt=cutoff)


@transaction.atomic
def import_purge(*, older_than: dt.timedelta, now: dt.datetime | None = None) -> int:
    """Cancel the batches left unconfirmed for longer than `older_than` and delete their files
    (run by `manage.py purge_personal_data`, or `purge_imports`)."""
    cutoff = (now or timezone.now()) - older_than
    stale = stale_imports(cutoff).select_for_update()
    count = 0
    for batch in stale:
        _cancel(batch)
        count += 1
    return count
