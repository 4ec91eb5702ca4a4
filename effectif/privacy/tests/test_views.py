from __future__ import annotations

import pytest

from effectif.core.audit import audit
from effectif.core.models import AuditAction

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("admin_user", 200),
        ("hr_manager", 200),
        ("hr_assistant", 403),
        ("manager_user", 403),
        ("employee_user", 403),
        ("outsider", 403),
    ],
)
def test_audit_log_access(request, client_for, world, role, status):
    assert (
        client_for(request.getfixturevalue(role)).get("/donnees-personnelles/journal/").status_code
        == status
    )


def test_hr_manager_sees_only_granted_employers_entries(client_for, hr_manager, admin_user, world):
    audit(actor=admin_user, action=AuditAction.UPDATE, target=world.member, detail="visible")
    audit(actor=admin_user, action=AuditAction.UPDATE, target=world.stranger, detail="cachée")
    page = client_for(hr_manager).get("/donnees-personnelles/journal/").content.decode()
    assert "visible" in page
    assert "cachée" not in page
    page = client_for(admin_user).get("/donnees-personnelles/journal/").content.decode()
    assert "cachée" in page


def test_audit_log_filters_and_export(client_for, admin_user, world):
    audit(actor=admin_user, action=AuditAction.READ, target=world.member, detail="nir")
    client = client_for(admin_user)
    page = client.get("/donnees-personnelles/journal/", {"action": "read"}).content.decode()
    assert "Consultation de données sensibles" in page
    csv = b"".join(
        client.get(
            "/donnees-personnelles/journal/", {"action": "read", "export": "csv"}
        ).streaming_content
    ).decode()
    assert "Consultation de données sensibles" in csv
