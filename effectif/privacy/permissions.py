"""Who handles personal-data rights: administrators and HR managers, for the employers they are
granted (the same people who read the audit trail). Every person with a file may download
their own data."""

from __future__ import annotations

from typing import Any

from effectif.core.roles import AUDIT_READER_ROLES

#: Roles that handle rights requests, erasures and the record of processing activities.
PRIVACY_OFFICER_ROLES = AUDIT_READER_ROLES


def is_privacy_officer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.role in PRIVACY_OFFICER_ROLES


def has_own_file(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and hasattr(user, "employee")
