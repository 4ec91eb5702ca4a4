"""Who runs payroll: HR of the employers they are granted prepare, compute and check periods
and enter elements; the payroll lead (HR manager or administrator) validates, closes and
reopens. An employee reads their own payslips; a manager reads none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from effectif.core.roles import EMPLOYER_EDITOR_ROLES, has_role, is_hr, is_self

if TYPE_CHECKING:
    from effectif.core.roles import Actor
    from effectif.employees.models import Employee


def may_run_payroll(user: Actor) -> bool:
    """May open the payroll pages (the periods are then those of the employers in scope)."""
    return user.is_authenticated and user.is_active and is_hr(user)


def is_payroll_lead(user: Actor) -> bool:
    """Validates, closes and reopens periods: the HR/payroll manager or an administrator."""
    return may_run_payroll(user) and has_role(user, EMPLOYER_EDITOR_ROLES)


def may_read_own_payslips(user: Actor, employee: Employee) -> bool:
    return is_self(user, employee)
