"""The demo hook: a dismissal in progress and completed departures with their documents, files
closed; loaded once. (The whole demo organisation is tested in effectif/demo/tests.)"""

from __future__ import annotations

from datetime import date

import pytest

from effectif.contracts.tests.factories import hire
from effectif.departures.demo import load_departures_demo
from effectif.departures.models import Departure, Status
from effectif.documents.models import GeneratedDocument
from effectif.employees.tests.factories import EmployeeFactory
from effectif.organisation.models import Employer

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 28)


def test_demo_departures(settings, tmp_path, world, hr_manager):
    settings.MEDIA_ROOT = tmp_path
    gone = EmployeeFactory(employer=world.employer)
    contract = hire(gone, start=date(2025, 1, 6), end=date(2026, 6, 30), kind="cdd")
    contract.end_reason = "031"
    contract.save()
    employers = Employer.objects.filter(pk=world.employer.pk)
    assert load_departures_demo(employers=employers, today=TODAY, by=hr_manager) is True
    closed = Departure.objects.get(status=Status.CLOSED)
    assert closed.reason == "fin_cdd"
    assert closed.employee.is_closed
    kinds = set(
        GeneratedDocument.objects.filter(
            subject_type="depart", subject_id=str(closed.pk)
        ).values_list("kind", flat=True)
    )
    assert kinds == {"certificat_travail", "solde_tout_compte"}
    in_progress = Departure.objects.get(status=Status.IN_PROGRESS)
    assert in_progress.convocation_date == date(2026, 11, 26)
    assert load_departures_demo(employers=employers, today=TODAY, by=hr_manager) is False
