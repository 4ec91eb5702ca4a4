"""Who may see and write budgets: HR of the department's employer write them; a manager reads
those of the departments they manage (and their sub-departments). Either must hold an account
that is still open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from effectif.core.roles import is_hr, is_manager

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def is_active(user: Actor) -> bool:
    """Logged in, with an account still open."""
    return user.is_authenticated and user.is_active


def may_read(user: Actor) -> bool:
    """May open the budget pages at all (their rows are then scoped by the selectors)."""
    return is_active(user) and (is_hr(user) or is_manager(user))


def may_edit(user: Actor) -> bool:
    return is_active(user) and is_hr(user)
