"""Planning changes through `shift_set`: checked against the legal limits, refused unless an
override reason is given, both kept in the audit trail."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from effectif.core.models import AuditEntry
from effectif.rules.working_time.breaches import Rule
from effectif.timekeeping.calendar import planned_hours
from effectif.timekeeping.models import ShiftOverride
from effectif.timekeeping.services import LegalLimitBreached, shift_reset, shift_set

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 3, 2)
TUESDAY = dt.date(2026, 3, 3)


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def test_a_lawful_change_is_saved_and_audited(world, manager_user) -> None:
    override = shift_set(
        employee=world.member,
        day=MONDAY,
        intervals=[(t("08:00"), t("12:00")), (t("13:00"), t("16:00"))],
        by=manager_user,
    )
    assert override.hours == Decimal("7.00")
    assert override.override_reason == ""
    assert planned_hours(world.member, MONDAY, MONDAY)[MONDAY] == Decimal(7)
    entry = AuditEntry.objects.get(target_type="timekeeping.ShiftOverride")
    assert entry.changes["intervals"] == ["horaire habituel", "08:00–12:00, 13:00–16:00"]


def test_a_change_breaking_a_limit_is_refused_without_a_reason(world, manager_user) -> None:
    # Monday until 23:00, the legal week starts Tuesday at 09:00: 10 h of rest < 11 h.
    with pytest.raises(LegalLimitBreached) as refused:
        shift_set(
            employee=world.member,
            day=MONDAY,
            intervals=[(t("14:00"), t("18:00")), (t("18:30"), t("23:00"))],
            by=manager_user,
        )
    assert [b.rule for b in refused.value.breaches] == [Rule.DAILY_REST]
    assert "Repos quotidien (C. trav. art. L3131-1)" in refused.value.messages[0]
    assert not ShiftOverride.objects.exists()


def test_with_a_reason_the_override_is_kept_with_its_breaches(world, manager_user) -> None:
    override = shift_set(
        employee=world.member,
        day=MONDAY,
        intervals=[(t("14:00"), t("18:00")), (t("18:30"), t("23:00"))],
        by=manager_user,
        override_reason="Inventaire annuel",
    )
    assert override.override_reason == "Inventaire annuel"
    entry = AuditEntry.objects.get(target_type="timekeeping.ShiftOverride")
    assert entry.detail.startswith("Dérogation : Inventaire annuel — Repos quotidien")


def test_a_breach_already_there_does_not_block_another_change(world, manager_user) -> None:
    shift_set(
        employee=world.member,
        day=MONDAY,
        intervals=[(t("14:00"), t("18:00")), (t("18:30"), t("23:00"))],
        by=manager_user,
        override_reason="Inventaire",
    )
    # Thursday changes; Tuesday's short rest is not this change's doing.
    shift_set(
        employee=world.member,
        day=dt.date(2026, 3, 5),
        intervals=[(t("10:00"), t("12:00")), (t("13:00"), t("18:00"))],
        by=manager_user,
    )


def test_stretches_out_of_order_and_overlapping_days(world, manager_user) -> None:
    with pytest.raises(ValidationError, match="se suivre sans se chevaucher"):
        shift_set(
            employee=world.member,
            day=MONDAY,
            intervals=[(t("08:00"), t("12:00")), (t("11:00"), t("13:00"))],
            by=manager_user,
        )
    # A night until 10:00 on Tuesday runs into Tuesday's 09:00 start.
    with pytest.raises(ValidationError, match="chevauche celui de la veille ou du lendemain"):
        shift_set(
            employee=world.member, day=MONDAY, intervals=[(t("22:00"), t("10:00"))], by=manager_user
        )


def test_no_shift_outside_the_contract(world, manager_user) -> None:
    with pytest.raises(ValidationError, match="n'est pas sous contrat"):
        shift_set(employee=world.member, day=dt.date(2023, 6, 1), intervals=[], by=manager_user)


def test_a_day_off_and_back_to_the_schedule(world, manager_user) -> None:
    shift_set(employee=world.member, day=MONDAY, intervals=[], by=manager_user)
    assert planned_hours(world.member, MONDAY, MONDAY)[MONDAY] == 0
    shift_reset(employee=world.member, day=MONDAY, by=manager_user)
    assert planned_hours(world.member, MONDAY, MONDAY)[MONDAY] == 7
    actions = list(
        AuditEntry.objects.filter(target_type="timekeeping.ShiftOverride")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["update", "delete"]


def test_a_sixth_and_seventh_day_need_a_reason(world, manager_user) -> None:
    shift_set(
        employee=world.member,
        day=dt.date(2026, 3, 7),
        intervals=[(t("09:00"), t("12:00"))],
        by=manager_user,
    )
    with pytest.raises(LegalLimitBreached) as refused:
        shift_set(
            employee=world.member,
            day=dt.date(2026, 3, 8),
            intervals=[(t("09:00"), t("12:00"))],
            by=manager_user,
        )
    assert {b.rule for b in refused.value.breaches} == {Rule.DAYS_PER_WEEK, Rule.WEEKLY_REST}
