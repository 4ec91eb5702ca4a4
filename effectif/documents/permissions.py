"""Who may do what with templates, letterheads and generated documents (after the selectors
have scoped the rows)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from effectif.core.roles import is_admin, is_hr

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def can_use_library(user: Actor) -> bool:
    """The template library, letterheads and generation: HR roles only."""
    return is_hr(user)


def can_edit_template(user: Actor, template: Any) -> bool:
    """An employer's templates: HR of that employer (scope checked by the selector). The
    installation's defaults: administrators only; the others copy them."""
    if not is_hr(user):
        return False
    if template.employer_id is None:
        return is_admin(user)
    return True
