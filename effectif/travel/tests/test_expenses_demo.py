"""The demo expense reports: loaded through the services after the demo trips, in every status,
with the anomalies an approver must see; a second load changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from effectif.core.roles import Role
from effectif.core.testing import sample_pdf
from effectif.organisation.tests.factories import grant
from effectif.travel.demo.expenses import load_expenses_demo
from effectif.travel.demo.trips import load_trips_demo
from effectif.travel.models import ExpenseLine, ExpenseReport, ExpenseStatus

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 2)


def test_demo_reports_in_every_status_with_their_anomalies(world, make_user):
    rh = make_user(Role.HR_MANAGER, username="rh")
    grant(rh, world.employer)
    load_trips_demo(today=TODAY)
    load_expenses_demo(today=TODAY, pdf=lambda title, lines: sample_pdf(title))
    reports = ExpenseReport.objects.filter(employer=world.employer)
    assert reports.count() == 12
    assert set(reports.values_list("status", flat=True)) == set(ExpenseStatus.values)
    assert reports.filter(trip__isnull=False).exists()
    codes = {a["code"] for line in ExpenseLine.objects.all() for a in line.anomalies}
    assert {"au_dela_urssaf", "week_end", "sans_justificatif", "doublon"} <= codes
    receipt = ExpenseLine.objects.exclude(receipt="").first()
    assert receipt.receipt.read().startswith(b"%PDF")
    assert not ExpenseReport.objects.filter(employer=world.other_employer).exists()
    load_expenses_demo(today=TODAY)
    assert ExpenseReport.objects.filter(employer=world.employer).count() == 12
