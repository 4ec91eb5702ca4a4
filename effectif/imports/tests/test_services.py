"""Upload, confirm (all or nothing, re-checked, audited), cancel and purge."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from effectif.contracts.models import Contract, ContractTerms
from effectif.contracts.tests.factories import hire
from effectif.core.models import AuditAction, AuditEntry
from effectif.employees.models import Employee
from effectif.employees.tests.factories import EmployeeFactory
from effectif.imports.models import ImportBatch, ImportStatus
from effectif.imports.services import import_cancel, import_confirm, import_purge, import_upload
from effectif.imports.tests.files import csv_bytes, person_row
from effectif.organisation.models import EmployerAccess
from effectif.organisation.tests.factories import EmployerFactory, grant

pytestmark = pytest.mark.django_db


def upload(employer, user, rows, name="salaries.csv"):
    return import_upload(
        employer=employer, upload=SimpleUploadedFile(name, csv_bytes(rows)), by=user
    )


def test_upload_keeps_the_file_and_writes_nothing_else(hr, employer, establishment, settings):
    batch = upload(employer, hr, [person_row(establishment.siret, n) for n in (1, 2)])
    assert batch.status == ImportStatus.ANALYSED
    assert (batch.row_count, batch.error_count, batch.employees_to_create) == (2, 0, 2)
    assert batch.file.name.startswith(f"imports/{employer.pk}/")
    assert Path(settings.MEDIA_ROOT, batch.file.name).exists()
    assert batch.original_name == "salaries.csv"
    assert batch.can_confirm
    assert Employee.objects.count() == 0
    assert not AuditEntry.objects.exists()


def test_confirm_writes_files_contracts_terms_and_audit_in_one_go(
    hr, employer, establishment, settings, django_capture_on_commit_callbacks
):
    known = EmployeeFactory(employer=employer, matricule="K0001", last_name="Connu")
    hire(
        known,
        start=dt.date(2023, 1, 1),
        end=dt.date(2023, 12, 31),
        kind="cdd",
        establishment=establishment,
    )
    rows = [person_row(establishment.siret, n) for n in (1, 2, 3)]
    rows.append(
        person_row(
            establishment.siret,
            4,
            Matricule="K0001",
            Nom="",
            Prénoms="",
            Sexe="",
            NIR="",
            **{"Date de naissance": ""},
        )
    )
    batch = upload(employer, hr, rows)
    stored = Path(settings.MEDIA_ROOT, batch.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        batch = import_confirm(batch=batch, by=hr)

    assert batch.status == ImportStatus.CONFIRMED
    assert batch.confirmed_at is not None
    assert (batch.employees_created, batch.contracts_created) == (3, 4)
    assert not batch.file
    assert not stored.exists()
    created = Employee.objects.filter(matricule__in=["T0001", "T0002", "T0003"])
    assert created.count() == 3
    employee = created.get(matricule="T0001")
    employee.full_clean()
    contract = employee.contracts.get()
    assert contract.number == "001"
    assert contract.trial_end_date == dt.date(2025, 10, 31)
    terms = contract.versions.get()
    assert terms.effective_date == dt.date(2025, 9, 1)
    assert terms.reason == "Embauche"
    assert terms.hourly_rate_amount == Decimal("14.1788")
    assert terms.establishment == establishment
    assert known.contracts.count() == 2
    assert sorted(batch.created_contract_ids) == sorted(
        Contract.objects.filter(versions__reason="Embauche", employee__employer=employer)
        .exclude(start_date__year=2023)
        .values_list("pk", flat=True)
    )

    creations = AuditEntry.objects.filter(action=AuditAction.CREATE)
    assert creations.filter(target_type="employees.Employee").count() == 3
    assert creations.filter(target_type="contracts.Contract").count() == 4
    assert creations.filter(target_type="contracts.ContractTerms").count() == 4
    entry = creations.get(target_type="employees.Employee", target_id=str(employee.pk))
    assert entry.actor == hr
    assert entry.employer_id == employer.pk
    assert entry.employee_id == employee.pk
    assert entry.changes["last_name"] == ["", "Durand1"]
    assert entry.changes["nir"][1].startswith("•")  # masked, as in the other services
    assert "salaries.csv" in entry.detail
    summary = AuditEntry.objects.get(action=AuditAction.IMPORT)
    assert summary.target_type == "imports.ImportBatch"
    assert summary.employer_id == employer.pk
    assert summary.detail == "Import « salaries.csv » : 4 lignes, 3 salariés et 4 contrats créés."


def test_one_bad_row_and_nothing_is_written(hr, employer, establishment):
    rows = [person_row(establishment.siret, n) for n in range(1, 6)]
    rows.append(person_row(establishment.siret, 6, **{"Date de début": "31/02/2025"}))
    batch = upload(employer, hr, rows)
    assert (batch.error_count, batch.error_row_count) == (1, 1)
    assert batch.errors[0]["row"] == 7
    assert batch.errors[0]["column"] == "Date de début"
    assert not batch.can_confirm
    with pytest.raises(ValidationError, match="rien n'a été importé"):
        import_confirm(batch=batch, by=hr)
    assert not Employee.objects.exists()
    assert not Contract.objects.exists()
    assert not ContractTerms.objects.exists()
    assert not AuditEntry.objects.exists()
    batch.refresh_from_db()
    assert batch.status == ImportStatus.ANALYSED


def test_confirm_checks_again_against_the_database(hr, employer, establishment):
    batch = upload(employer, hr, [person_row(establishment.siret, n) for n in (1, 2)])
    assert batch.can_confirm
    EmployeeFactory(employer=employer, matricule="T0002", last_name="Autre")  # typed meanwhile
    with pytest.raises(ValidationError):
        import_confirm(batch=batch, by=hr)
    batch.refresh_from_db()
    assert batch.error_count == 1
    assert "déjà attribué à un autre salarié" in batch.errors[0]["message"]
    assert Employee.objects.count() == 1


def test_a_failure_while_writing_rolls_everything_back(hr, employer, establishment, monkeypatch):
    batch = upload(employer, hr, [person_row(establishment.siret, n) for n in (1, 2)])

    def clash(*args, **kwargs):
        raise IntegrityError("duplicate key")

    monkeypatch.setattr(Contract.objects, "bulk_create", clash)
    with pytest.raises(ValidationError, match="rien n'a été importé"):
        import_confirm(batch=batch, by=hr)
    assert not Employee.objects.exists()
    assert not AuditEntry.objects.exists()
    batch.refresh_from_db()
    assert batch.status == ImportStatus.ANALYSED


def test_a_batch_is_confirmed_once(hr, employer, establishment):
    batch = upload(employer, hr, [person_row(establishment.siret, 1)])
    import_confirm(batch=batch, by=hr)
    with pytest.raises(ValidationError, match="déjà été confirmé"):
        import_confirm(batch=batch, by=hr)
    with pytest.raises(ValidationError, match="déjà été confirmé"):
        import_cancel(batch=batch, by=hr)
    assert Employee.objects.count() == 1


def test_scope_of_uploads_and_confirmations(hr, employer, establishment, make_user, manager_user):
    other_employer = EmployerFactory()
    with pytest.raises(PermissionDenied):
        upload(other_employer, hr, [person_row(establishment.siret, 1)])
    with pytest.raises(PermissionDenied):
        upload(employer, manager_user, [person_row(establishment.siret, 1)])
    batch = upload(employer, hr, [person_row(establishment.siret, 1)])
    colleague = make_user("hr_manager")
    grant(colleague, employer)
    with pytest.raises(PermissionDenied):
        import_confirm(batch=batch, by=colleague)  # a batch belongs to its author
    with pytest.raises(PermissionDenied):
        import_cancel(batch=batch, by=colleague)
    EmployerAccess.objects.filter(user=hr).delete()
    with pytest.raises(PermissionDenied):
        import_confirm(batch=batch, by=hr)  # the grant was withdrawn meanwhile
    assert not Employee.objects.exists()


def test_cancel_drops_the_file(
    hr, employer, establishment, settings, django_capture_on_commit_callbacks
):
    batch = upload(employer, hr, [person_row(establishment.siret, 1, NIR="1")])
    stored = Path(settings.MEDIA_ROOT, batch.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        batch = import_cancel(batch=batch, by=hr)
    assert batch.status == ImportStatus.CANCELLED
    assert batch.cancelled_at is not None
    assert batch.errors == []
    assert not batch.file
    assert not stored.exists()


def test_purge_cancels_forgotten_batches(
    hr, employer, establishment, django_capture_on_commit_callbacks
):
    with time_machine.travel(dt.datetime(2025, 1, 1, 9, tzinfo=dt.UTC)):
        old = upload(employer, hr, [person_row(establishment.siret, 1)])
    recent = upload(employer, hr, [person_row(establishment.siret, 2)])
    with django_capture_on_commit_callbacks(execute=True):
        assert import_purge(older_than=dt.timedelta(days=7)) == 1
    assert ImportBatch.objects.get(pk=old.pk).status == ImportStatus.CANCELLED
    assert ImportBatch.objects.get(pk=recent.pk).status == ImportStatus.ANALYSED


def test_a_missing_file_cannot_be_confirmed(hr, employer, establishment):
    batch = upload(employer, hr, [person_row(establishment.siret, 1)])
    batch.file.storage.delete(batch.file.name)
    with pytest.raises(ValidationError, match="n'est plus disponible"):
        import_confirm(batch=batch, by=hr)


def test_confirming_does_not_query_per_row(hr, employer, establishment):
    """Statements grow with the INSERT batches only (SQLite caps the parameters of one
    statement: a few dozen rows of a wide table each)."""

    def queries(count, offset):
        rows = [person_row(establishment.siret, n) for n in range(offset, offset + count)]
        batch = upload(employer, hr, rows)
        with CaptureQueriesContext(connection) as context:
            import_confirm(batch=batch, by=hr)
        return len(context.captured_queries)

    few, many = queries(3, 1), queries(150, 100)
    assert many - few < 150 / 5
