"""Who may do what in recruitment and onboarding, once the selectors have scoped the rows.

HR administers the employers it is granted; a manager raises requisitions and follows the
candidates of their postings (shortlisting, interviews); employees see only the internal board
and their own onboarding.
"""

from __future__ import annotations

from typing import Any

from effectif.core.roles import HR_ROLES, Role
from effectif.hiring.models import CandidateStatus, OnboardingTask

#: What a manager may move a candidate to; the outcomes (offer, hire, rejection) are HR's.
MANAGER_MOVES = frozenset({CandidateStatus.SHORTLISTED, CandidateStatus.INTERVIEW})


def signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and bool(user.is_active)


def is_hr(user: Any) -> bool:
    return signed_in(user) and user.role in HR_ROLES


def is_manager(user: Any) -> bool:
    return signed_in(user) and user.role == Role.MANAGER


def can_follow_recruitment(user: Any) -> bool:
    """Requisitions, postings and candidates in scope: HR and managers."""
    return is_hr(user) or is_manager(user)


def can_raise_requisition(user: Any) -> bool:
    return can_follow_recruitment(user)


def can_decide_requisition(user: Any) -> bool:
    return is_hr(user)


def can_manage_postings(user: Any) -> bool:
    return is_hr(user)


def can_edit_candidate(user: Any) -> bool:
    """Enter candidates, change their data, reject, offer, hire, write to them: HR."""
    return is_hr(user)


def can_move_candidate(user: Any, status: str) -> bool:
    return is_hr(user) or (is_manager(user) and status in MANAGER_MOVES)


def can_schedule_interview(user: Any) -> bool:
    return can_follow_recruitment(user)


def can_manage_dpae(user: Any) -> bool:
    return is_hr(user)


def can_manage_onboarding(user: Any) -> bool:
    """Templates, checklists and their tasks: HR."""
    return is_hr(user)


def can_tick(user: Any, task: OnboardingTask, *, manages_employee: bool) -> bool:
    """HR, the task's owner and the new hire's manager tick a task off."""
    if not signed_in(user):
        return False
    return is_hr(user) or task.owner_id == user.pk or (is_manager(user) and manages_employee)


def can_edit_terms(user: Any) -> bool:
    return is_hr(user)
