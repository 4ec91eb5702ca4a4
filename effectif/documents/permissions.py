"""Who may do what with templates, letterheads and generated documents (after the selectors
have scoped the rows)."""

from __future__ import annotations

from typing import Any

from effectif.core.roles import HR_ROLES, Role


def is_hr(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.role in HR_ROLES


def can_use_library(user: Any) -> bool:
    """The template library, letterheads and generation: HR roles only."""
    return is_hr(user)


def can_edit_template(user: Any, template: Any) -> bool:
    """An employer's templates: HR of that employer (scope checked by the selector). The
    installation's defaults: administrators only; the others copy them."""
    if not is_hr(user):
        return False
    if template.employer_id is None:
        return bool(user.role == Role.ADMIN)
    return True
