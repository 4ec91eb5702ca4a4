"""Every departure page for each role: HR of the employer sees and acts; a manager, an
employee and an outsider get 403 (or 404 for HR out of scope)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from effectif.departures.models import Departure, Status

pytestmark = pytest.mark.django_db

ROLES = ["hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]
ALLOWED = {"hr_manager", "hr_assistant"}


def _pages(departure: Departure, employer_pk: int) -> list[str]:
    return [
        reverse("departures:list"),
        reverse("departures:create"),
        reverse("departures:detail", args=[departure.pk]),
        reverse("departures:payroll"),
        reverse("departures:notices", args=[employer_pk]),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_pages_by_role(request, client_for, world, dismissal, role):
    client = client_for(request.getfixturevalue(role))
    name = dismissal.employee.display_name
    for url in _pages(dismissal, world.employer.pk):
        response = client.get(url)
        if role in ALLOWED:
            assert response.status_code == 200, url
        elif role == "outsider":  # an HR user granted no employer: sees nothing of anyone
            assert response.status_code in (200, 404), url
            assert name not in response.content.decode()
        else:
            assert response.status_code == 403, url


def test_outsider_hr_does_not_see_a_departure_of_another_employer(client_for, outsider, dismissal):
    response = client_for(outsider).get(reverse("departures:detail", args=[dismissal.pk]))
    assert response.status_code == 404


def test_anonymous_goes_to_login(client, dismissal):
    response = client.get(reverse("departures:detail", args=[dismissal.pk]))
    assert response.status_code == 302


def test_start_then_steps_with_a_refused_interview(client_for, hr_assistant, world):
    client = client_for(hr_assistant)
    response = client.post(
        reverse("departures:create"),
        {"contract": world.contract.pk, "reason": "licenciement_personnel"},
    )
    departure = Departure.objects.get()
    assert response.status_code == 302
    url = reverse("departures:detail", args=[departure.pk])
    response = client.post(url, {"convocation_date": "2026-03-02", "interview_date": "2026-03-05"})
    assert response.status_code == 200
    assert "L1232-2" in response.content.decode()
    departure.refresh_from_db()
    assert departure.convocation_date is None
    response = client.post(url, {"convocation_date": "2026-03-02", "interview_date": "2026-03-10"})
    assert response.status_code == 302
    departure.refresh_from_db()
    assert departure.interview_date == date(2026, 3, 10)


def test_checklist_and_end_of_contract(client_for, hr_manager, notified):
    client = client_for(hr_manager)
    client.post(reverse("departures:checklist", args=[notified.pk]), {"item": "badge", "done": "1"})
    client.post(reverse("departures:end", args=[notified.pk]))
    notified.refresh_from_db()
    assert notified.checklist["badge"] is True
    assert notified.status == Status.ENDED


def test_payroll_page_and_export(client_for, hr_manager, world, notified):
    client = client_for(hr_manager)
    url = reverse("departures:payroll") + f"?employeur={world.employer.pk}&mois=2026-05"
    page = client.get(url).content.decode()
    assert "Indemnité légale de licenciement" in page
    assert "283,33" in page
    export = client.get(url + "&export=csv")
    assert b"1283,33" in b"".join(export.streaming_content)


def test_notice_policies_are_saved(client_for, hr_manager, world):
    url = reverse("departures:notices", args=[world.employer.pk])
    data = {}
    for category in ("ouvrier", "employe", "tam", "cadre"):
        data.update(
            {
                f"{category}-resignation_amount": "1",
                f"{category}-resignation_unit": "mois",
                f"{category}-short_dismissal_amount": "8",
                f"{category}-short_dismissal_unit": "jours",
                f"{category}-source": "CCN art. 12",
            }
        )
    data["cadre-resignation_amount"] = "3"
    assert client_for(hr_manager).post(url, data).status_code == 302
    assert world.employer.notice_policies.get(category="cadre").resignation_amount == 3


def test_renewing_a_cdd_three_times_is_refused(client_for, hr_manager, world):
    from effectif.contracts.tests.factories import hire
    from effectif.employees.tests.factories import EmployeeFactory

    person = EmployeeFactory(employer=world.employer)
    contract = hire(person, start=date(2026, 1, 1), end=date(2026, 2, 28), kind="cdd")
    client = client_for(hr_manager)
    url = reverse("departures:renew", args=[contract.pk])
    for end in ("2026-03-31", "2026-04-30"):
        assert client.post(url, {"new_end_date": end}).status_code == 302
    response = client.post(url, {"new_end_date": "2026-05-31"})
    assert "L1243-13-1" in response.content.decode()
    contract.refresh_from_db()
    assert contract.end_date == date(2026, 4, 30)


def test_employee_and_contract_pages_offer_the_departure(client_for, hr_manager, world):
    client = client_for(hr_manager)
    page = client.get(reverse("employees:detail", args=[world.member.pk])).content.decode()
    assert f"?contrat={world.contract.pk}" in page
    page = client.get(reverse("contracts:detail", args=[world.contract.pk])).content.decode()
    assert "Engager un départ" in page


def test_the_employee_does_not_see_the_departure_panel(client_for, employee_user, dismissal):
    page = client_for(employee_user).get(reverse("employees:mine")).content.decode()
    assert dismissal.get_reason_display() not in page
