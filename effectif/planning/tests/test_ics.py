"""Each employee's calendar: a secret address (a hash stored, shown once), regenerated or
revoked; the .ics with the planned stretches, approved leave and holidays, read without a
session."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from django.urls import reverse
from icalendar import Calendar

from effectif.core.models import AuditAction, AuditEntry
from effectif.leave.models import Status
from effectif.planning.models import CalendarFeed
from effectif.planning.services import calendar_feed_issue, calendar_feed_revoke
from effectif.timekeeping.services import shift_set

pytestmark = pytest.mark.django_db

FEED = reverse("planning:feed")


def ics_url(token: str) -> str:
    return reverse("planning:ics", args=[token])


def events(client, token: str) -> dict[str, dict]:
    response = client.get(ics_url(token))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {
        str(e["uid"]): {
            "summary": str(e["summary"]),
            "start": e.decoded("dtstart"),
            "end": e.decoded("dtend"),
            "description": str(e.get("description", "")),
        }
        for e in calendar.walk("VEVENT")
    }


def test_the_address_is_shown_once_and_only_its_hash_kept(client_for, world, employee_user):
    response = client_for(employee_user).post(FEED, {"action": "issue"})
    page = response.content.decode()
    found = re.search(r"/planning/agenda/([A-Za-z0-9_-]+)\.ics", page)
    assert found is not None
    token = found.group(1)
    assert len(token) >= 43  # 256 bits
    feed = CalendarFeed.objects.get(employee=world.member)
    assert feed.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in feed.token_hash
    again = client_for(employee_user).get(FEED).content.decode()
    assert token not in again
    assert "Abonnement actif" in again
    entry = AuditEntry.objects.get(target_type="planning.CalendarFeed")
    assert (entry.action, entry.employee_id) == (AuditAction.CREATE, world.member.pk)
    assert token not in str(entry.changes) + entry.detail


def test_the_feed_needs_no_session_and_lists_shifts_leave_and_holidays(
    client, world, employee_user, hr_manager, away
) -> None:
    token = calendar_feed_issue(employee=world.member, by=employee_user)
    away(world.member, "cp", dt.date(2026, 3, 10), dt.date(2026, 3, 12))
    away(world.member, "rtt", dt.date(2026, 3, 16), status=Status.SUBMITTED)
    away(world.member, "maladie", dt.date(2026, 3, 18))
    away(world.member, "formation", dt.date(2026, 3, 19), end_morning=True)
    shift_set(
        employee=world.member,
        day=dt.date(2026, 3, 3),
        intervals=[(dt.time(7, 30), dt.time(12)), (dt.time(12, 30), dt.time(15))],
        by=hr_manager,
    )
    found = events(client, token)
    pk = world.member.pk
    monday = found[f"poste-{pk}-20260302-0@effectif"]
    assert monday["summary"] == "Travail"
    assert monday["start"].isoformat() == "2026-03-02T09:00:00+01:00"
    assert monday["end"].isoformat() == "2026-03-02T12:00:00+01:00"
    assert found[f"poste-{pk}-20260302-1@effectif"]["end"].isoformat() == (
        "2026-03-02T17:00:00+01:00"
    )
    assert found[f"poste-{pk}-20260303-0@effectif"]["start"].isoformat() == (
        "2026-03-03T07:30:00+01:00"
    )
    assert f"poste-{pk}-20260307-0@effectif" not in found  # Saturday: rest
    leave = next(e for e in found.values() if e["summary"] == "Congés payés")
    assert (leave["start"], leave["end"]) == (dt.date(2026, 3, 10), dt.date(2026, 3, 13))
    assert f"poste-{pk}-20260311-0@effectif" not in found  # on leave
    assert "RTT" not in {e["summary"] for e in found.values()}  # pending: not in the feed
    assert f"poste-{pk}-20260316-0@effectif" in found
    assert any(e["summary"] == "Absence" for e in found.values())  # sickness is not named
    assert "Maladie" not in {e["summary"] for e in found.values()}
    morning_off = [e for uid, e in found.items() if uid.startswith(f"poste-{pk}-20260319-")]
    assert [e["start"].hour for e in morning_off] == [13]
    easter = found[f"ferie-{pk}-20260406@effectif"]
    assert easter["summary"] == "Férié : Lundi de Pâques"
    assert CalendarFeed.objects.get(employee=world.member).last_read_at is not None


def test_summer_times_are_in_paris_time(client, world, employee_user) -> None:
    token = calendar_feed_issue(employee=world.member, by=employee_user)
    response = client.get(ics_url(token)).content.decode()
    assert "BEGIN:VTIMEZONE" in response
    assert "TZID:Europe/Paris" in response
    july = events(client, token)[f"poste-{world.member.pk}-20260707-0@effectif"]
    assert july["start"].isoformat() == "2026-07-07T09:00:00+02:00"


def test_regenerating_and_revoking_stop_the_old_address(client, world, employee_user) -> None:
    first = calendar_feed_issue(employee=world.member, by=employee_user)
    second = calendar_feed_issue(employee=world.member, by=employee_user)
    assert client.get(ics_url(first)).status_code == 404
    assert client.get(ics_url(second)).status_code == 200
    assert calendar_feed_revoke(employee=world.member, by=employee_user)
    assert client.get(ics_url(second)).status_code == 404
    assert not CalendarFeed.objects.exists()
    actions = list(
        AuditEntry.objects.filter(target_type="planning.CalendarFeed")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE]


def test_revoking_from_the_page(client_for, client, world, employee_user) -> None:
    token = calendar_feed_issue(employee=world.member, by=employee_user)
    page = client_for(employee_user).post(FEED, {"action": "revoke"}, HTTP_HX_REQUEST="true")
    assert "Créer mon adresse d" in page.content.decode()
    assert client.get(ics_url(token)).status_code == 404


def test_unknown_tokens_and_closed_accounts_get_nothing(client, world, employee_user) -> None:
    token = calendar_feed_issue(employee=world.member, by=employee_user)
    assert client.get(ics_url("x" * 43)).status_code == 404
    assert client.get(ics_url("x" * 200)).status_code == 404
    employee_user.is_active = False
    employee_user.save()
    assert client.get(ics_url(token)).status_code == 404


@pytest.mark.parametrize(
    ("role", "expected"),
    [("employee_user", 200), ("manager_user", 200), ("hr_manager", 404), ("outsider", 404)],
)
def test_the_subscription_page(request, client_for, world, role, expected) -> None:
    user = request.getfixturevalue(role)
    assert client_for(user).get(FEED).status_code == expected
    assert client_for(user).post(FEED, {"action": "issue"}).status_code == expected
