"""Who may do what with departures: HR of the employers it is granted (scope by the
selectors); reopening a closed file is for an HR manager or an administrator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from effectif.core.roles import is_employer_editor

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def can_reopen(user: Actor) -> bool:
    return is_employer_editor(user)
