"""The retention registry: every kind Effectif keeps is in the schedule, with a processing, a
dated duration and its source; every kind erased at the departure has a part that erases it."""

from __future__ import annotations

import datetime as dt

import pytest

from effectif.core.personal_data import REDACTED, blank, json_value, row
from effectif.core.retention import DataKind, Outcome, Processing, RetentionRegistry, retention
from effectif.rules.parameters.base import DatedValue, Parameter
from effectif.rules.privacy.dates import Unit

ON = dt.date(2026, 6, 1)


def test_the_registered_schedule_holds_together():
    assert retention.problems() == []
    keys = set(retention.kinds)
    assert {
        "personnel_file",
        "contracts",
        "register",
        "leave",
        "time_records",
        "medical",
        "departures",
        "candidates",
        "travel",
        "accounts",
        "login_attempts",
        "api_tokens",
        "imports",
        "audit_trail",
        "audit_connections",
        "rights_requests",
        "data_exports",
    } <= keys
    for kind in retention.schedule():
        assert kind.source(ON), kind.key
        assert kind.describe(ON)[0].isdigit(), kind.key


@pytest.mark.parametrize(
    ("key", "text", "source"),
    [
        ("personnel_file", "5 ans après le départ du salarié", "C. civ. art. 2224"),
        ("register", "5 ans après le départ du salarié", "R1221-26"),
        ("contracts", "5 ans après le départ du salarié", "L3243-4"),
        ("candidates", "2 ans après le dernier contact", "2019-160"),
        ("time_records", "3 ans après la semaine ou le jour décompté", "L3245-1"),
        ("travel", "10 ans après la clôture de l'exercice du remboursement", "L123-22"),
        ("audit_connections", "12 mois après l'événement", "2021-122"),
        ("login_attempts", "6 mois après la tentative", "2021-122"),
        ("imports", "7 jours après l'envoi du fichier", "Choix d'Effectif"),
    ],
)
def test_durations_and_their_sources(key, text, source):
    kind = retention.kind(key)
    assert kind.describe(ON) == text
    assert source in kind.source(ON)


def test_problems_name_what_does_not_hold_together():
    years = Parameter("x", "x", (DatedValue(dt.date(2020, 1, 1), 1, "source"),))
    registry = RetentionRegistry()
    registry.register_processing(Processing("p", "P", "", "", "", "", ""))
    registry.register_kind(DataKind("orphan", "Orphelin", "absent", years, Unit.YEARS, "", ""))
    registry.register_kind(
        DataKind("file", "Dossier", "p", years, Unit.YEARS, "", "", from_departure=True)
    )
    assert registry.problems() == [
        "orphan : traitement inconnu « absent »",
        "file : aucune partie n'efface cette catégorie",
        "orphan : ni purge ni effacement au départ",
    ]


def test_a_kind_knows_its_limits():
    kind = retention.kind("audit_connections")
    now = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
    assert kind.limit(now) == dt.date(2025, 6, 1)
    assert kind.cutoff(now) == dt.datetime(2025, 6, 1, 9, 0, tzinfo=dt.UTC)


def test_outcomes_add_up():
    assert Outcome(1, 2) + Outcome(3, 4) == Outcome(4, 6)
    assert Outcome(1, 2).total == 3


@pytest.mark.django_db
def test_rows_read_as_json_and_blank_empties_text_to_nothing(world):
    member = world.member
    member.family_status = "marie"
    values = row(member, ("family_status", "birth_date", "employer", "children_count"))
    assert values == {
        "family_status": "Marié(e)",
        "birth_date": "1990-04-02",
        "employer": "Employeur A",
        "children_count": 0,
    }
    member.country = "Belgique"
    member.children_count = 2
    assert blank(member, ("country", "children_count", "disability_end_date")) == [
        "country",
        "children_count",
    ]
    assert member.country == ""
    assert member.children_count == 0
    assert json_value(dt.date(2026, 1, 2)) == "2026-01-02"
    assert REDACTED == "[supprimé]"
