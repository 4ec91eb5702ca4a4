"""A file closed after the departure is read-only: edits, documents and requests are refused
until HR reopens it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from effectif.core.models import AuditEntry
from effectif.core.testing import sample_pdf
from effectif.employees.permissions import can_edit_file, can_see_sensitive
from effectif.employees.services import (
    change_request_submit,
    employee_document_add,
    employee_file_close,
    employee_file_reopen,
    employee_save,
)

pytestmark = pytest.mark.django_db


def test_a_closed_file_refuses_every_edit(world, hr_manager, employee_user):
    member = employee_file_close(employee=world.member, by=hr_manager)
    assert member.is_closed
    member.usage_name = "Nouveau"
    with pytest.raises(ValidationError, match="clos"):
        employee_save(employee=member, by=hr_manager)
    with pytest.raises(ValidationError, match="clos"):
        employee_document_add(
            employee=member,
            kind="autre",
            title="Pièce",
            upload=SimpleUploadedFile("a.pdf", sample_pdf(), content_type="application/pdf"),
            expiry_date=None,
            by=hr_manager,
        )
    with pytest.raises(ValidationError, match="clos"):
        change_request_submit(
            employee=member, changes={"city": "Lyon"}, message="", by=employee_user
        )
    member.refresh_from_db()
    assert member.usage_name == ""
    assert not can_edit_file(hr_manager, member)
    assert can_see_sensitive(hr_manager, member)  # still readable by HR


def test_the_edit_page_of_a_closed_file_is_forbidden_and_the_file_still_shows(
    world, hr_manager, client_for
):
    employee_file_close(employee=world.member, by=hr_manager)
    client = client_for(hr_manager)
    assert client.get(reverse("employees:detail", args=[world.member.pk])).status_code == 200
    assert client.get(reverse("employees:edit", args=[world.member.pk])).status_code == 403


def test_reopening_needs_a_reason_and_is_audited(world, hr_manager):
    employee_file_close(employee=world.member, by=hr_manager)
    with pytest.raises(ValidationError):
        employee_file_reopen(employee=world.member, by=hr_manager, reason=" ")
    member = employee_file_reopen(employee=world.member, by=hr_manager, reason="Erreur de saisie")
    assert not member.is_closed
    member.usage_name = "Nouveau"
    employee_save(employee=member, by=hr_manager)
    details = list(
        AuditEntry.objects.filter(employee_id=member.pk).values_list("detail", flat=True)
    )
    assert "Dossier clos" in details
    assert any("Erreur de saisie" in d for d in details)
