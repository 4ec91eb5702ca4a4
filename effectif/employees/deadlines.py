"""Deadlines of personnel files for the HR to-do: work permits and documents expiring."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.deadlines import Deadline
from effectif.employees.models import EmployeeDocument
from effectif.employees.permissions import can_see_personal
from effectif.employees.selectors import employees_for


def work_permits_expiring(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    """A foreign worker's permit expires: the employer must not employ them without a valid one
    and checks its renewal (C. trav. L5221-8, R5221-41)."""
    for employee in employees_for(user).filter(work_permit_expiry__range=(start, end)):
        if not can_see_personal(user, employee):
            continue
        yield Deadline(
            due_date=employee.work_permit_expiry or end,
            kind="work_permit",
            title=_("Titre de travail de %(name)s : expiration") % {"name": employee.display_name},
            rule=_(
                "Demander au salarié le titre renouvelé ou son récépissé ; sans autorisation de "
                "travail valable, l'emploi est interdit (C. trav. L5221-8)."
            ),
            url=reverse("employees:detail", args=[employee.pk]),
            employer_id=employee.employer_id,
            employee_id=employee.pk,
        )


def documents_expiring(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    documents = EmployeeDocument.objects.filter(
        employee__in=employees_for(user), expiry_date__range=(start, end)
    ).select_related("employee")
    for document in documents:
        if not can_see_personal(user, document.employee):
            continue
        yield Deadline(
            due_date=document.expiry_date or end,
            kind="document",
            title=_("%(title)s de %(name)s : expiration")
            % {"title": document.title, "name": document.employee.display_name},
            rule=_("Obtenir le document à jour et l'ajouter au dossier."),
            url=reverse("employees:detail", args=[document.employee_id]),
            employer_id=document.employee.employer_id,
            employee_id=document.employee_id,
        )
