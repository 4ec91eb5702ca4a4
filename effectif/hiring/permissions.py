"""Who may do what in recruitment and onboarding, once the selectors have scoped the rows.

HR administers the employers it is granted; a manager raises requisitions and follows the
candidates of their postings (shortlisting, interviews); employees see only the internal board
and their own onboarding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from effectif.core.roles import is_hr, is_manager
from effectif.hiring.models import CandidateStatus, OnboardingTask

if TYPE_CHECKING:
    from effectif.core.roles import Actor

#: What a manager may move a candidate to; the outcomes (offer, hire, rejection) are HR's.
MANAGER_MOVES = frozenset({CandidateStatus.SHORTLISTED, CandidateStatus.INTERVIEW})


def signed_in(user: Actor) -> bool:
    """Logged in, with an account still open (recruitment asks it of every role)."""
    return user.is_authenticated and user.is_active


def acting_hr(user: Actor) -> bool:
    """HR (core.roles.is_hr) with an account still open."""
    return signed_in(user) and is_hr(user)


def acting_manager(user: Actor) -> bool:
    """A manager (core.roles.is_manager) with an account still open."""
    return signed_in(user) and is_manager(user)


def can_follow_recruitment(user: Actor) -> bool:
    """Requisitions, postings and candidates in scope: HR and managers."""
    return acting_hr(user) or acting_manager(user)


def can_raise_requisition(user: Actor) -> bool:
    return can_follow_recruitment(user)


def can_decide_requisition(user: Actor) -> bool:
    return acting_hr(user)


def can_manage_postings(user: Actor) -> bool:
    return acting_hr(user)


def can_edit_candidate(user: Actor) -> bool:
    """Enter candidates, change their data, reject, offer, hire, write to them: HR."""
    return acting_hr(user)


def can_move_candidate(user: Actor, status: str) -> bool:
    return acting_hr(user) or (acting_manager(user) and status in MANAGER_MOVES)


def can_schedule_interview(user: Actor) -> bool:
    return can_follow_recruitment(user)


def can_manage_dpae(user: Actor) -> bool:
    return acting_hr(user)


def can_manage_onboarding(user: Actor) -> bool:
    """Templates, checklists and their tasks: HR."""
    return acting_hr(user)


def can_tick(user: Actor, task: OnboardingTask, *, manages_employee: bool) -> bool:
    """HR, the task's owner and the new hire's manager tick a task off."""
    if not signed_in(user):
        return False
    return acting_hr(user) or task.owner_id == user.pk or (is_manager(user) and manages_employee)


def can_edit_terms(user: Actor) -> bool:
    return acting_hr(user)
