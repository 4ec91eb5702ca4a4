"""Every read of sensitive data is audited: opening a form that shows the NIR, the IBAN or the
family (HR's file form, the employee's change request, HR's decision on a requested change),
and downloading any document of the file (identity, residence permit, Carte Vitale, RIB…)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from effectif.core.models import AuditAction, AuditEntry
from effectif.employees.models import (
    SENSITIVE_FIELDS,
    ChangeRequest,
    DocumentKind,
    EmployeeDocument,
)
from effectif.employees.services import change_request_submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _client(request, role):
    client = Client()
    client.force_login(request.getfixturevalue(role))
    return client


def _reads(employee, actor=None):
    entries = AuditEntry.objects.filter(action=AuditAction.READ, employee_id=employee.pk)
    return entries.filter(actor=actor) if actor is not None else entries


# --- Audited reads: the forms that show the NIR, the IBAN, the family -----------------------


@pytest.mark.parametrize("role", ["admin_user", "hr_manager", "hr_assistant"])
def test_opening_the_file_form_is_an_audited_read(request, world, role):
    client = _client(request, role)
    page = client.get(reverse("employees:edit", args=[world.member.pk])).content.decode()
    assert world.member.nir in page  # the form shows it
    entry = _reads(world.member).get()
    assert entry.actor == request.getfixturevalue(role)
    assert entry.target_type == "employees.Employee"
    assert entry.target_id == str(world.member.pk)
    assert entry.employer_id == world.employer.pk
    assert {"nir", "iban"} <= set(entry.detail.split(", "))
    assert set(entry.detail.split(", ")) <= set(SENSITIVE_FIELDS)


def test_a_refused_edit_form_is_not_an_audited_read(client_for, world, manager_user, outsider):
    url = reverse("employees:edit", args=[world.member.pk])
    assert client_for(manager_user).get(url).status_code == 403
    assert client_for(outsider).get(url).status_code == 404
    assert not _reads(world.member).exists()


def test_the_employee_opening_their_change_request_form_is_an_audited_read(
    client_for, world, employee_user
):
    page = client_for(employee_user).get(
        reverse("employees:change_request_create", args=[world.member.pk])
    )
    assert world.member.iban in page.content.decode()
    entry = _reads(world.member).get()
    assert entry.actor == employee_user
    assert "iban" in entry.detail.split(", ")


def test_hr_reading_a_requested_bank_change_is_an_audited_read(
    client_for, world, employee_user, hr_assistant
):
    change = change_request_submit(
        employee=world.member,
        changes={"iban": "FR7630004000031234567890143", "city": "Nancy"},
        message="",
        by=employee_user,
    )
    page = client_for(hr_assistant).get(
        reverse("employees:change_request_decide", args=[change.pk])
    )
    assert world.member.iban in page.content.decode()  # the value it replaces
    entry = _reads(world.member, hr_assistant).get()
    assert entry.detail == "iban"


def test_a_change_request_of_no_sensitive_field_is_not_a_sensitive_read(
    client_for, world, employee_user, hr_assistant
):
    change = change_request_submit(
        employee=world.member, changes={"city": "Nancy"}, message="", by=employee_user
    )
    client_for(hr_assistant).get(reverse("employees:change_request_decide", args=[change.pk]))
    assert not _reads(world.member, hr_assistant).exists()
    assert ChangeRequest.objects.filter(pk=change.pk).exists()


# --- Audited reads: every document of the file downloaded ---------------------------------


def _document(world, kind):
    document = EmployeeDocument(employee=world.member, kind=kind, title=f"Document {kind}")
    document.file.save(f"{kind}.pdf", ContentFile(b"%PDF-1.4 fictif"), save=False)
    document.save()
    return document


@pytest.mark.parametrize("kind", DocumentKind.values)
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("hr_manager", 200),
        ("hr_assistant", 200),
        ("employee_user", 200),
        ("manager_user", 403),
        ("outsider", 404),
    ],
)
def test_every_document_download_is_an_audited_read(request, world, kind, role, status):
    document = _document(world, kind)
    url = reverse("employees:document_download", args=[world.member.pk, document.pk])
    response = _client(request, role).get(url)
    assert response.status_code == status, (role, kind)
    reads = AuditEntry.objects.filter(
        action=AuditAction.READ,
        target_type="employees.EmployeeDocument",
        target_id=str(document.pk),
    )
    if status != 200:
        assert not reads.exists()
        return
    b"".join(response.streaming_content)
    entry = reads.get()
    assert entry.actor == request.getfixturevalue(role)
    assert entry.employee_id == world.member.pk
    assert document.title in entry.detail
