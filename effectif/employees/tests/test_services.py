from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from effectif.core.models import AuditAction, AuditEntry
from effectif.employees.models import ChangeRequestStatus, Employee
from effectif.employees.selectors import (
    employees_for,
    sensitive_data,
)
from effectif.employees.services import (
    change_request_approve,
    change_request_reject,
    change_request_submit,
    employee_document_add,
    employee_save,
)
from effectif.employees.tests.factories import EmployeeFactory
from effectif.organisation.tests.factories import DepartmentFactory, EmployerFactory, grant

pytestmark = pytest.mark.django_db


def test_an_invalid_nir_key_is_refused_and_nothing_is_written(hr_manager):
    employee = EmployeeFactory.build(
        employer=EmployerFactory(), nir="255081416802539", birth_date=date(1955, 8, 1)
    )
    with pytest.raises(ValidationError) as error:
        employee_save(employee=employee, by=hr_manager)
    assert "La clé du NIR est incorrecte" in error.value.message_dict["nir"][0]
    assert not Employee.objects.exists()


def test_an_invalid_iban_is_refused(hr_manager):
    employee = EmployeeFactory.build(employer=EmployerFactory(), iban="FR7630006000011234567890188")
    with pytest.raises(ValidationError) as error:
        employee_save(employee=employee, by=hr_manager)
    assert "clé de contrôle" in error.value.message_dict["iban"][0]


def test_a_duplicate_matricule_is_refused(hr_manager):
    first = EmployeeFactory(matricule="A001")
    twin = EmployeeFactory.build(employer=first.employer, matricule="A001")
    with pytest.raises(ValidationError) as error:
        employee_save(employee=twin, by=hr_manager)
    assert error.value.message_dict["matricule"] == [
        "Le matricule A001 est déjà attribué à un autre salarié de cet employeur."
    ]


def test_every_change_is_in_the_history_with_sensitive_values_masked(hr_manager):
    employee = EmployeeFactory(city="Lyon")
    employee.city = "Metz"
    employee.iban = "FR7630006000011234567890189"
    employee.nir = employee.nir  # unchanged
    employee.personal_phone = "06 12 34 56 78"
    employee_save(employee=employee, by=hr_manager)
    entry = AuditEntry.objects.get(action=AuditAction.UPDATE, employee_id=employee.pk)
    assert entry.changes["city"] == ["Lyon", "Metz"]
    assert entry.changes["personal_phone"] == ["", "06 12 34 56 78"]
    assert entry.actor == hr_manager


def test_reading_sensitive_data_is_audited(hr_manager, admin_user):
    employee = EmployeeFactory()
    assert sensitive_data(admin_user, employee)["nir"] == employee.nir
    entry = AuditEntry.objects.get(action=AuditAction.READ)
    assert entry.employee_id == employee.pk
    assert "nir" in entry.detail


def test_scope_by_role(make_user, hr_manager, manager_user, employee_user):
    employer, other = EmployerFactory(), EmployerFactory()
    grant(hr_manager, employer)
    team = DepartmentFactory(employer=employer, manager=manager_user)
    sub_team = DepartmentFactory(employer=employer, parent=team)
    elsewhere = DepartmentFactory(employer=employer)
    member = EmployeeFactory(employer=employer, department=team)
    sub_member = EmployeeFactory(employer=employer, department=sub_team)
    stranger = EmployeeFactory(employer=employer, department=elsewhere)
    me = EmployeeFactory(employer=employer, department=elsewhere, user=employee_user)
    abroad = EmployeeFactory(employer=other)

    assert set(employees_for(hr_manager)) == {member, sub_member, stranger, me}
    assert set(employees_for(manager_user)) == {member, sub_member}
    assert set(employees_for(employee_user)) == {me}
    assert abroad not in employees_for(hr_manager)
    assert sensitive_data(manager_user, member) is None


def test_self_service_change_request_is_applied_when_hr_validates(employee_user, hr_manager):
    employee = EmployeeFactory(user=employee_user, city="Lyon", postal_code="69001")
    request = change_request_submit(
        employee=employee,
        changes={"city": "Nancy", "postal_code": "54000"},
        message="Déménagement",
        by=employee_user,
    )
    employee.refresh_from_db()
    assert employee.city == "Lyon"
    change_request_approve(request=request, by=hr_manager)
    employee.refresh_from_db()
    assert (employee.city, employee.postal_code) == ("Nancy", "54000")
    request.refresh_from_db()
    assert request.status == ChangeRequestStatus.APPROVED
    with pytest.raises(ValidationError, match="déjà été traitée"):
        change_request_reject(request=request, by=hr_manager, comment="non")


def test_change_request_is_checked_when_submitted(employee_user):
    employee = EmployeeFactory(user=employee_user)
    with pytest.raises(ValidationError) as error:
        change_request_submit(
            employee=employee, changes={"iban": "FR00 1234"}, message="", by=employee_user
        )
    assert "iban" in error.value.message_dict
    with pytest.raises(ValidationError, match="ne peuvent pas être modifiés"):
        change_request_submit(employee=employee, changes={"nir": "1"}, message="", by=employee_user)


def test_documents_must_be_pdf_or_images(hr_manager):
    employee = EmployeeFactory()
    fake = SimpleUploadedFile("cv.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError, match="ne correspond pas"):
        employee_document_add(
            employee=employee,
            kind="identite",
            title="CNI",
            upload=fake,
            expiry_date=None,
            by=hr_manager,
        )
    exe = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(ValidationError, match="PDF, PNG et JPEG"):
        employee_document_add(
            employee=employee,
            kind="identite",
            title="CNI",
            upload=exe,
            expiry_date=None,
            by=hr_manager,
        )
