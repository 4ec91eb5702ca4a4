"""Departures in the HR to-do: the next legal step of each procedure in progress, and files to
close after the departure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.deadlines import Deadline
from effectif.departures.computing import department_of, fmt
from effectif.departures.models import Departure, Status
from effectif.departures.selectors import departures_for
from effectif.departures.workflows import Procedure, workflow_of
from effectif.rules.contracts.procedure import (
    earliest_homologation_request,
    earliest_interview,
    earliest_notification,
    homologation,
    latest_disciplinary_notification,
)

if TYPE_CHECKING:
    from effectif.accounts.models import User


def _next_step(departure: Departure) -> tuple[dt.date, str, str] | None:
    """(due date, what to do, rule) of the next step, if the procedure is waiting for one."""
    flow = workflow_of(departure.reason)
    department = department_of(departure)
    if departure.status == Status.ENDED:
        return (
            departure.end_date or timezone.localdate(),
            _("Remettre les documents de fin de contrat et clore le dossier"),
            _(
                "Certificat de travail (L1234-19), reçu pour solde de tout compte (L1234-20), "
                "attestation France Travail sous 5 jours ouvrables (R1234-9)."
            ),
        )
    if flow.procedure == Procedure.DISMISSAL:
        if departure.convocation_date and not departure.interview_date:
            limit = earliest_interview(departure.convocation_date, department)
            return limit.day, _("Entretien préalable possible"), f"{limit.delay} ({limit.article})"
        if departure.interview_date and not departure.notification_date:
            limit = earliest_notification(
                departure.interview_date,
                department,
                economic=flow.economic,
                executive=departure.executive,
            )
            rule = f"{limit.delay} ({limit.article})"
            if flow.misconduct:
                latest = latest_disciplinary_notification(departure.interview_date)
                rule += _(" ; au plus tard le %(d)s (L1332-2)") % {"d": fmt(latest.day)}
            return limit.day, _("Notification du licenciement possible"), rule
    if flow.procedure == Procedure.CONVENTIONAL and departure.signature_date:
        if not departure.homologation_request_date:
            limit = earliest_homologation_request(departure.signature_date, department)
            return (
                limit.day,
                _("Fin de la rétractation : adresser la demande d'homologation"),
                _("15 jours calendaires après la signature (L1237-13, L1237-14)"),
            )
        if not departure.homologation_date:
            limit = homologation(departure.homologation_request_date, department)
            return limit.day, _("Homologation tacite"), f"{limit.delay} ({limit.article})"
    if departure.end_date:
        return (
            departure.end_date,
            _("Sortie : terminer le contrat"),
            _("Fin du contrat avec son motif DSN ; montants transmis à la paie."),
        )
    return None


def departures_due(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    rows = departures_for(user).filter(status__in=[Status.IN_PROGRESS, Status.ENDED])
    for departure in rows:
        step = _next_step(departure)
        if step is None:
            continue
        due, what, rule = step
        if due > end:  # a step not done stays in the to-do, overdue, until it is
            continue
        employee = departure.employee
        yield Deadline(
            due_date=due,
            kind="departure",
            title=_("%(what)s — %(name)s (%(reason)s)")
            % {
                "what": what,
                "name": employee.display_name,
                "reason": departure.get_reason_display(),
            },
            rule=rule,
            url=reverse("departures:detail", args=[departure.pk]),
            employer_id=employee.employer_id,
            employee_id=employee.pk,
        )
