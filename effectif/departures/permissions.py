"""Who may do what with departures: HR of the employers it is granted (scope by the
selectors); reopening a closed file is for an HR manager or an administrator."""

from __future__ import annotations

from typing import Any

from effectif.core.roles import EMPLOYER_EDITOR_ROLES, HR_ROLES


def is_hr(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.role in HR_ROLES


def can_reopen(user: Any) -> bool:
    return is_hr(user) and user.role in EMPLOYER_EDITOR_ROLES
