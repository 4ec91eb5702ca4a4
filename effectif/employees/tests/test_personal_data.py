"""What each role reads of a personnel file beyond professional data: the emergency contact
stays with HR and the employee, as do family, bank, health and pay; exports carry none of it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]
CONTACT = ("Paul Proche", "06 12 34 56 78", "frère")


@pytest.fixture
def contact(world):
    member = world.member
    member.emergency_contact_name, member.emergency_contact_phone = CONTACT[:2]
    member.emergency_contact_relation = CONTACT[2]
    member.family_status = "marie"
    member.children_count = 3
    member.save()
    return member


def _client(request, role):
    client = Client()
    client.force_login(request.getfixturevalue(role))
    return client


# --- The emergency contact ----------------------------------------------------------------


# Does each role, in ROLES order, read the team member's emergency contact (None: no page)?
@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        ("employees:detail", [True, True, True, False, True, None]),
        ("employees:list", [False, False, False, False, None, False]),  # nor its export below
    ],
)
def test_the_emergency_contact_by_role_and_page(request, world, contact, url_name, expected):
    url = reverse(url_name, args=[world.member.pk] if url_name == "employees:detail" else [])
    for role, sees in zip(ROLES, expected, strict=True):
        response = _client(request, role).get(url)
        if sees is None:
            assert response.status_code in (302, 404), role
            continue
        page = response.content.decode()
        for value in CONTACT:
            assert (value in page) is sees, (role, url_name, value)


def test_the_managers_page_shows_professional_data_only(client_for, world, contact, manager_user):
    page = client_for(manager_user).get(reverse("employees:detail", args=[world.member.pk]))
    text = page.content.decode()
    assert world.member.display_name in text
    assert world.member.work_email in text or not world.member.work_email
    for hidden in ("Personne à prévenir", "Marié", "Données sensibles", world.member.iban):
        assert hidden not in text, hidden


@pytest.mark.parametrize("export", ["csv", "xlsx"])
@pytest.mark.parametrize("role", ["hr_manager", "manager_user"])
def test_the_list_exports_carry_no_personal_data(request, world, contact, role, export):
    from io import BytesIO

    from openpyxl import load_workbook

    response = _client(request, role).get(reverse("employees:list"), {"export": export})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "csv":
        text = body.decode("utf-8")
    else:
        sheet = load_workbook(BytesIO(body)).active
        text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert world.member.matricule in text
    for value in (*CONTACT, world.member.nir, world.member.iban):
        assert value not in text
