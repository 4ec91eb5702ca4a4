"""What a reader is told of the nature of an absence.

The nature of an absence — sickness, a work accident, a maternity, a family event — is health or
family data (RGPD art. 9). HR of the employer and the employee themself read it; anyone else —
the manager who approves, a colleague or a manager in the planning, a calendar application
reading a feed without a session — reads « Absence » and its dates, unless the employer marks
the type as one managers may read (`LeaveType.shown_to_managers`: paid leave, RTT… by default).

Every page, export, notification, calendar and API response that names the type of a request
asks a `TypeReader` (`TypeReader(user).label(request)`…): the rule lives here and nowhere
else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Q
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.roles import is_admin, is_hr
from effectif.leave.models import LeaveRequest, LeaveType
from effectif.organisation.selectors import hr_employers_for

if TYPE_CHECKING:
    from effectif.core.roles import Actor


#: The colour of an absence whose nature is not shown (a neutral grey).
NEUTRAL_COLOUR = "#6c757d"

T = TypeVar("T")
S = TypeVar("S", bound=Any)


def neutral_label() -> str:
    return _("Absence")


@dataclass(frozen=True)
class ShownType:
    """The type of a request as one reader may read it: itself, or « Absence » with no
    identifier, code, nature nor colour of its own."""

    id: int | None
    code: str
    label: str
    colour: str
    unit: str
    category: str
    hidden: bool

    def __str__(self) -> str:
        return self.label


class TypeReader:
    """One reader's view of the types of absences (their HR employers looked up once, when
    first needed). `viewer` None is a reader with no session: a calendar feed."""

    def __init__(self, viewer: Actor | None) -> None:
        self.viewer: User | None = (
            viewer if viewer is not None and viewer.is_authenticated else None
        )
        self._hr_employer_ids: set[int] | None = None

    def _hr_of(self, employer_id: int) -> bool:
        viewer = self.viewer
        if viewer is None or not is_hr(viewer):
            return False
        if is_admin(viewer):
            return True
        if self._hr_employer_ids is None:
            self._hr_employer_ids = set(hr_employers_for(viewer).values_list("pk", flat=True))
        return employer_id in self._hr_employer_ids

    def reads_nature(self, leave_type: LeaveType, *, employee_user_id: int | None) -> bool:
        """May the reader know that the employee (by their account) is away for this type?"""
        if leave_type.shown_to_managers:
            return True
        if self.viewer is not None and employee_user_id == self.viewer.pk:
            return True
        return self._hr_of(leave_type.employer_id)

    def reads(self, request: LeaveRequest) -> bool:
        return self.reads_nature(request.leave_type, employee_user_id=request.employee.user_id)

    def type_of(self, leave_type: LeaveType, *, employee_user_id: int | None) -> ShownType:
        if self.reads_nature(leave_type, employee_user_id=employee_user_id):
            return ShownType(
                id=leave_type.pk,
                code=leave_type.code,
                label=leave_type.label,
                colour=leave_type.colour,
                unit=leave_type.unit,
                category=leave_type.category,
                hidden=False,
            )
        return ShownType(
            id=None,
            code="",
            label=neutral_label(),
            colour=NEUTRAL_COLOUR,
            unit=leave_type.unit,
            category="",
            hidden=True,
        )

    def shown(self, request: LeaveRequest) -> ShownType:
        return self.type_of(request.leave_type, employee_user_id=request.employee.user_id)

    def label(self, request: LeaveRequest) -> str:
        return self.shown(request).label

    def comment(self, request: LeaveRequest) -> str:
        """What the requester or HR wrote about the absence goes with its nature."""
        return request.comment if self.reads(request) else ""

    def filterable_types(self) -> Q:
        """The types (as a filter on `LeaveType`) a list may be filtered by: those whose nature
        the reader reads for everyone in the list (a filter by a hidden one would single out
        who is away for it)."""
        viewer = self.viewer
        if viewer is not None and is_admin(viewer):
            return Q()
        condition = Q(shown_to_managers=True)
        if viewer is not None and is_hr(viewer):
            condition |= Q(employer__in=hr_employers_for(viewer))
        return condition

    def keep(
        self, items: Iterable[T], leave_type_of: Any, *, employee_user_id: int | None
    ) -> list[T]:
        """The items (balances, ledger entries of one employee) whose type the reader may
        read; `leave_type_of(item)` gives the type of an item."""
        return [
            item
            for item in items
            if self.reads_nature(leave_type_of(item), employee_user_id=employee_user_id)
        ]

    def statement(self, found: S) -> S:
        """A statement (`selectors.Statement`) without the balances of the types whose nature
        the reader may not read."""
        balances = self.keep(
            found.balances, lambda b: b.leave_type, employee_user_id=found.employee.user_id
        )
        return replace(found, balances=balances)
