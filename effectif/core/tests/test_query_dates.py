"""Lists filtered by dates in their query string: an impossible date (30 February), a date
out of the accepted range or a malformed one is ignored with a French message, never a
server error; dates of forms are bounded the same way."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.urls import reverse

from effectif.core.dates import parse_day
from effectif.core.forms import StyledFormMixin

pytestmark = pytest.mark.django_db

BAD_DATES = {"du": "2026-02-30", "au": "9999-99-99"}
IGNORED = "n'existe pas ou sort de la période acceptée (du 01/01/1900 au 31/12/2200)"

#: Each list taking dates in its query string, and the names of its date parameters.
PAGES = [
    ("dashboards:deadlines", {"du": "2026-02-30", "au": "9999-12-31"}),
    ("dashboards:deadlines", {"du": "0001-01-01", "au": "9999-99-99"}),
    ("health:list", {"avant": "2026-02-30"}),
    ("health:list", {"avant": "9999-12-31"}),
    ("timekeeping:sheet_list", {"semaine": "2026-02-30"}),
    ("timekeeping:sheet_list", {"semaine": "9999-12-31"}),
    ("timekeeping:to_validate", {"semaine": "9999-12-31"}),
    ("planning:grid", {"date": "2026-02-30"}),
    ("planning:grid", {"date": "9999-12-31", "periode": "semaine"}),
    ("planning:grid", {"date": "0001-01-01"}),
    ("departures:payroll", {"mois": "2026-13"}),
    ("departures:payroll", {"mois": "9999-12"}),
    ("budgets:list", {"annee": "99999"}),
    ("budgets:followup", {"annee": "99999"}),
    ("budgets:followup", {"annee": "0"}),
    ("employees:list", {"date": "2026-02-30"}),
    ("employees:list", {"date": "9999-12-31"}),
    ("leave:requests", {"date": "2026-02-30"}),
    ("leave:balances", {"date": "2026-02-30"}),
    ("leave:balances", {"date": "9999-12-31"}),
    ("leave:pay", {"mois": "2026-13"}),
    ("leave:pay", {"mois": "9999-12"}),
    ("privacy:audit_log", BAD_DATES),
    ("travel:trips", BAD_DATES),
    ("travel:reports", BAD_DATES),
    ("travel:fares", {"valable_le": "2026-02-30"}),
    ("travel:payroll_elements", {"mois": "2026-13"}),
    ("travel:payroll_elements", {"mois": "9999-12"}),
]


@pytest.mark.parametrize(("name", "params"), PAGES)
def test_a_bad_date_in_a_list_query_is_never_a_server_error(
    world, client_for, admin_user, name, params
):
    response = client_for(admin_user).get(reverse(name), params)
    assert response.status_code in {200, 400}, response.status_code


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("dashboards:deadlines", {"du": "2026-02-30"}),
        ("health:list", {"avant": "9999-12-31"}),
        ("timekeeping:sheet_list", {"semaine": "2026-02-30"}),
        ("employees:list", {"date": "2026-02-30"}),
        ("travel:trips", {"du": "2026-02-30"}),
    ],
)
def test_the_bad_date_is_ignored_with_a_french_message(world, client_for, hr_manager, name, params):
    response = client_for(hr_manager).get(reverse(name), params)
    assert response.status_code == 200
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    text = response.content.decode()
    assert any(IGNORED in message for message in shown) or IGNORED in text


def test_a_contract_as_of_a_bad_date_shows_today(world, client_for, hr_manager):
    url = reverse("contracts:detail", args=[world.contract.pk])
    for day in ("2026-02-30", "9999-12-31", "0001-01-01"):
        assert client_for(hr_manager).get(url, {"date": day}).status_code == 200


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-28", dt.date(2026, 2, 28)),
        (" 2026-03-01 ", dt.date(2026, 3, 1)),
        ("1900-01-01", dt.date(1900, 1, 1)),
        ("2200-12-31", dt.date(2200, 12, 31)),
        ("2026-02-30", None),
        ("1899-12-31", None),
        ("2201-01-01", None),
        ("9999-99-99", None),
        ("demain", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_day(text, expected):
    assert parse_day(text) == expected


class _DatedForm(StyledFormMixin, forms.Form):
    day = forms.DateField()
    moment = forms.DateTimeField(required=False)


def test_the_dates_of_a_form_are_bounded_in_french():
    form = _DatedForm({"day": "9999-12-31", "moment": "0001-01-01 10:00"})
    assert form.errors == {
        "day": ["La date doit être comprise entre le 01/01/1900 et le 31/12/2200."],
        "moment": ["La date doit être comprise entre le 01/01/1900 et le 31/12/2200."],
    }
    assert _DatedForm({"day": "2026-03-02"}).is_valid()
    widget = _DatedForm().fields["day"].widget
    assert (widget.attrs["min"], widget.attrs["max"]) == ("1900-01-01", "2200-12-31")
