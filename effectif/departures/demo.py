"""Departures of the demo organisation: a dismissal in progress (convocation sent, interview
to hold) and a few completed departures with their certificat de travail and reçu pour solde
de tout compte, files closed. Loaded once: a second call finds them and does nothing."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet

from effectif.contracts.models import Contract, Kind
from effectif.contracts.selectors import active_on
from effectif.departures.merging import SUBJECT
from effectif.departures.models import Departure
from effectif.departures.services import (
    REASON_OF_CODE,
    departure_close,
    departure_record_past,
    departure_start,
    departure_update,
)
from effectif.departures.workflows import Reason
from effectif.documents.generation import render_for
from effectif.documents.models import DocumentTemplate, TemplateKind
from effectif.documents.services import generated_save_to_file
from effectif.organisation.models import Employer

if TYPE_CHECKING:
    from effectif.accounts.models import User

COMPLETED = 3
DOCUMENTS = (TemplateKind.WORK_CERTIFICATE, TemplateKind.FINAL_SETTLEMENT)


def _file_documents(departure: Departure, by: User) -> None:
    for kind in DOCUMENTS:
        template = DocumentTemplate.objects.filter(employer__isnull=True, kind=kind).first()
        if template is None:
            continue
        generated = render_for(template=template, subject=SUBJECT, obj=departure)
        generated_save_to_file(generated=generated, subject=SUBJECT, obj=departure, by=by)


def _completed(employers: QuerySet[Employer], today: dt.date, by: User) -> None:
    ended = (
        Contract.objects.filter(
            employee__employer__in=employers,
            end_reason__in=list(REASON_OF_CODE),
            end_date__lt=today,
            end_date__gte=today - dt.timedelta(days=365),
        )
        .exclude(employee__contracts__end_date__isnull=True)
        .select_related("employee")
        .order_by("-end_date", "id")
    )
    done = 0
    for contract in ended:
        employee = contract.employee
        if Contract.objects.filter(employee=employee, start_date__gt=contract.start_date).exists():
            continue  # hired again since: not a closed file
        departure = departure_record_past(contract=contract, by=by)
        _file_documents(departure, by)
        departure_close(departure=departure, by=by, today=today)
        done += 1
        if done == COMPLETED:
            return


def _in_progress(employers: QuerySet[Employer], today: dt.date, by: User) -> None:
    contract = (
        Contract.objects.filter(active_on(today), employee__employer__in=employers, kind=Kind.CDI)
        .filter(start_date__lte=today - dt.timedelta(days=730), employee__user__isnull=True)
        .exclude(departures__isnull=False)
        .order_by("employee__last_name", "id")
        .first()
    )
    if contract is None:
        return
    departure = departure_start(contract=contract, reason=Reason.DISMISSAL, by=by)
    convocation = today - dt.timedelta(days=2)
    departure_update(
        departure=departure,
        values={
            "convocation_date": convocation,
            "interview_place": "au siège, bureau des ressources humaines",
        },
        by=by,
    )


@transaction.atomic
def load_departures_demo(*, employers: QuerySet[Employer], today: dt.date, by: User) -> bool:
    """False when the demo employers already have departures recorded."""
    if Departure.objects.filter(employee__employer__in=employers).exists():
        return False
    _completed(employers, today, by)
    _in_progress(employers, today, by)
    return True
