"""Who may change what in the organisation (scope is applied by the selectors first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from effectif.core.roles import is_admin, is_employer_editor, is_hr

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def can_create_employer(user: Actor) -> bool:
    return is_admin(user)


def can_edit_employer(user: Actor) -> bool:
    """Legal identity, establishments and rates: administrators and HR managers."""
    return is_employer_editor(user)


def can_edit_organisation(user: Actor) -> bool:
    """Departments and job descriptions: every HR role."""
    return is_hr(user)


def can_view_employer_details(user: Actor) -> bool:
    return is_hr(user)
