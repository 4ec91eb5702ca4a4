from __future__ import annotations

import pytest

from effectif.core.audit import audit, diff, mask
from effectif.core.models import AuditAction, AuditEntry, ImmutableAuditError

pytestmark = pytest.mark.django_db


def test_audit_entries_cannot_be_changed_or_deleted(hr_manager) -> None:
    entry = audit(actor=hr_manager, action=AuditAction.UPDATE, target=hr_manager, detail="x")
    entry.detail = "y"
    with pytest.raises(ImmutableAuditError):
        entry.save()
    with pytest.raises(ImmutableAuditError):
        entry.delete()
    with pytest.raises(ImmutableAuditError):
        AuditEntry.objects.all().delete()
    with pytest.raises(ImmutableAuditError):
        AuditEntry.objects.update(detail="z")
    assert AuditEntry.objects.get().detail == "x"


def test_diff_lists_changed_fields_only() -> None:
    before = {"nom": "Durand", "ville": "Lyon"}
    after = {"nom": "Durand", "ville": "Metz"}
    assert diff(before, after) == {"ville": ["Lyon", "Metz"]}


def test_mask_keeps_the_end_only() -> None:
    assert mask("1850575116107") == "••••••••••107"
    assert mask("12") == "••"
