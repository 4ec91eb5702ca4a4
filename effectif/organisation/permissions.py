"""Who may change what in the organisation (scope is applied by the selectors first)."""

from __future__ import annotations

from typing import Any

from effectif.core.roles import EMPLOYER_EDITOR_ROLES, HR_ROLES, Role


def can_create_employer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.role == Role.ADMIN


def can_edit_employer(user: Any) -> bool:
    """Legal identity, establishments and rates: administrators and HR managers."""
    return bool(getattr(user, "is_authenticated", False)) and user.role in EMPLOYER_EDITOR_ROLES


def can_edit_organisation(user: Any) -> bool:
    """Departments and job descriptions: every HR role."""
    return bool(getattr(user, "is_authenticated", False)) and user.role in HR_ROLES


def can_view_employer_details(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.role in HR_ROLES
