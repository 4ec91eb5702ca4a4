"""Drafts are private: a trip request or an expense report still being written is seen by its
owner (the requester, and the travellers a trip names) and by HR, never by the manager, who
sees it once it is submitted to them. The manager's lists, pages, receipts, mission orders and
the employee-file panel all follow the same rule."""

from __future__ import annotations

import pytest
from django.urls import reverse

from effectif.travel.selectors.expenses import ReportFilters, report_list
from effectif.travel.selectors.scope import lines_for, reports_for, trips_for
from effectif.travel.selectors.trips import TripFilters, employee_trips, trip_list
from effectif.travel.services.expenses import report_submit
from effectif.travel.services.trips import option_choose, trip_submit
from effectif.travel.tests.builders import meal, report_with
from effectif.travel.tests.test_trips_services import draft, with_options

pytestmark = pytest.mark.django_db


def test_the_manager_cannot_open_a_team_members_draft_report(
    world, employee_user, manager_user, hr_manager, client_for
):
    report = report_with(world.member, employee_user, meal("32.00"))
    line = report.lines.get()
    manager = client_for(manager_user)
    assert manager.get(reverse("travel:report", args=[report.pk])).status_code == 404
    assert manager.get(reverse("travel:receipt", args=[report.pk, line.pk])).status_code == 404
    assert not reports_for(manager_user).filter(pk=report.pk).exists()
    assert not lines_for(manager_user).filter(pk=line.pk).exists()
    listed = report_list(manager_user, ReportFilters(status="draft"))
    assert not listed.filter(pk=report.pk).exists()
    # the owner and HR still open it
    assert client_for(employee_user).get(report.get_absolute_url()).status_code == 200
    assert client_for(hr_manager).get(report.get_absolute_url()).status_code == 200
    # once submitted, the manager sees it
    report_submit(report=report, by=employee_user)
    assert manager.get(reverse("travel:report", args=[report.pk])).status_code == 200


def test_the_manager_cannot_open_a_team_members_draft_trip(
    world, employee_user, manager_user, hr_manager, client_for
):
    trip = draft(world, employee_user)
    manager = client_for(manager_user)
    assert manager.get(reverse("travel:trip", args=[trip.pk])).status_code == 404
    assert not trips_for(manager_user).filter(pk=trip.pk).exists()
    for state in ("draft", "tous"):
        assert not trip_list(manager_user, TripFilters(state=state)).filter(pk=trip.pk).exists()
    assert not employee_trips(manager_user, world.member).filter(pk=trip.pk).exists()
    assert client_for(employee_user).get(trip.get_absolute_url()).status_code == 200
    assert client_for(hr_manager).get(trip.get_absolute_url()).status_code == 200
    train, _plane = with_options(trip, employee_user)
    option_choose(option=train, by=employee_user)
    trip_submit(trip=trip, by=employee_user)
    assert manager.get(reverse("travel:trip", args=[trip.pk])).status_code == 200


def test_hr_finds_the_drafts_they_prepare_with_the_draft_filter(world, employee_user, hr_manager):
    report = report_with(world.member, employee_user, meal("32.00"))
    assert not report_list(hr_manager, ReportFilters()).filter(pk=report.pk).exists()
    assert report_list(hr_manager, ReportFilters(status="draft")).filter(pk=report.pk).exists()


def test_a_manager_still_sees_their_own_drafts(world, manager_user, client_for):
    report = report_with(world.manager_file, manager_user, meal("20.00"))
    assert client_for(manager_user).get(report.get_absolute_url()).status_code == 200
