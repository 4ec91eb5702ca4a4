"""The demo trips: loaded through the services for the employers of the demo HR manager, in
every status, approved ones with their mission order; a second load changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from effectif.core.roles import Role
from effectif.organisation.tests.factories import grant
from effectif.travel.demo.trips import load_trips_demo
from effectif.travel.models import PriceListEntry, TravelPolicy, Trip, TripStatus, Vehicle

pytestmark = pytest.mark.django_db


def test_demo_trips_in_every_status(world, make_user):
    rh = make_user(Role.HR_MANAGER, username="rh")
    grant(rh, world.employer)
    load_trips_demo(today=dt.date(2026, 3, 2))
    trips = Trip.objects.filter(employer=world.employer)
    assert set(trips.values_list("status", flat=True)) == set(TripStatus.values)
    assert TravelPolicy.objects.filter(employer=world.employer).exists()
    assert PriceListEntry.objects.filter(employer=world.employer, destination="Lyon").exists()
    assert Vehicle.objects.filter(employee__employer=world.employer).exists()
    for trip in trips.filter(status=TripStatus.APPROVED):
        assert trip.mission_order is not None
    assert not Trip.objects.filter(employer=world.other_employer).exists()
    count = trips.count()
    load_trips_demo(today=dt.date(2026, 3, 2))
    assert Trip.objects.filter(employer=world.employer).count() == count
