"""Who handles personal-data rights: administrators and HR managers, for the employers they are
granted (the same people who read the audit trail). Every person with a file may download
their own data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from effectif.core.roles import can_read_audit

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def is_privacy_officer(user: Actor) -> bool:
    """Handles rights requests, erasures and the record of processing activities."""
    return can_read_audit(user)


def has_own_file(user: Actor) -> bool:
    return user.is_authenticated and hasattr(user, "employee")
