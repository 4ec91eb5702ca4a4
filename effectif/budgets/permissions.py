"""Who may see and write budgets: HR of the department's employer write them; a manager reads
those of the departments they manage (and their sub-departments)."""

from __future__ import annotations

from typing import Any

from effectif.core.roles import HR_ROLES, Role


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.is_active


def is_hr(user: Any) -> bool:
    return _active(user) and user.role in HR_ROLES


def may_read(user: Any) -> bool:
    """May open the budget pages at all (their rows are then scoped by the selectors)."""
    return _active(user) and (user.role in HR_ROLES or user.role == Role.MANAGER)


def may_edit(user: Any) -> bool:
    return is_hr(user)
