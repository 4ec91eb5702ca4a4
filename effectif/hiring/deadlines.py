"""Deadlines of hiring for the HR to-do: the DPAE of each contract starting (this provider
replaces the contracts app's « hire » reminder: one line per hire, with the declaration to
file and its state), and the onboarding tasks not done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.contracts.deadlines import deadline_rows, kind_label, person
from effectif.core.deadlines import Deadline, page_link
from effectif.documents.subjects import short_date
from effectif.hiring import permissions as perms
from effectif.hiring.models import DpaeStatus
from effectif.hiring.selectors import contracts_to_declare, tasks_for
from effectif.rules.hiring.dpae import BEFORE_ARTICLE, earliest_filing_day

if TYPE_CHECKING:
    from effectif.accounts.models import User


def dpae_to_file(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    """Every contract starting in the period whose DPAE is not recorded as done."""
    contracts = deadline_rows(
        contracts_to_declare(user)
        .filter(start_date__range=(start, end))
        .exclude(dpae__status=DpaeStatus.DONE),
        "dpae__id",
        "dpae__hire_at",
    )
    dpae_link, new_dpae_link = page_link("hiring:dpae"), page_link("hiring:dpae_new")
    title = _("DPAE à faire : embauche de %(name)s le %(day)s%(hour)s (%(kind)s)")
    rule = _(
        "Déclaration préalable à l'embauche à l'URSSAF avant la prise de poste, au plus "
        "tôt le %(earliest)s (%(article)s) ; une DPAE tardive expose à une pénalité et au "
        "travail dissimulé (L8221-5)."
    )
    for row in contracts:
        earliest = earliest_filing_day(row.start_date)
        hour = f" {timezone.localtime(row.dpae__hire_at):%H:%M}" if row.dpae__hire_at else ""
        yield Deadline(
            due_date=row.start_date,
            kind="hire",
            title=title
            % {
                "name": person(row),
                "day": short_date(row.start_date),
                "hour": hour,
                "kind": kind_label(row.kind),
            },
            rule=rule % {"earliest": short_date(earliest), "article": BEFORE_ARTICLE},
            url=dpae_link(row.dpae__id) if row.dpae__id else new_dpae_link(row.pk),
            employer_id=row.employee__employer_id,
            employee_id=row.employee_id,
        )


def onboarding_tasks_overdue(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    """Onboarding tasks past their due date and not done (HR and managers, in their scope);
    the tasks to come are on each checklist, not in the to-do."""
    if not perms.can_follow_recruitment(user):
        return
    last = min(end, timezone.localdate() - dt.timedelta(days=1))
    tasks = (
        tasks_for(user)
        .filter(done_at__isnull=True, due_date__range=(start, last))
        .select_related("onboarding__employee")
    )
    for task in tasks:
        employee = task.onboarding.employee
        owner = (task.owner.get_full_name() or task.owner.get_username()) if task.owner else "—"
        yield Deadline(
            due_date=task.due_date,
            kind="onboarding",
            title=_("Intégration de %(name)s : %(task)s")
            % {"name": employee.display_name, "task": task.label},
            rule=_("Tâche du parcours d'intégration, confiée à %(owner)s.") % {"owner": owner},
            url=reverse("hiring:onboarding", args=[task.onboarding_id]),
            employer_id=employee.employer_id,
            employee_id=employee.pk,
        )
