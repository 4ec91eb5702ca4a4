"""The registre unique du personnel: legal mentions, order of hiring, exports, scope, purge."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from effectif.contracts.tests.factories import hire
from effectif.core.models import AuditAction, AuditEntry
from effectif.employees.tests.factories import EmployeeFactory
from effectif.register.models import RegisterPurge
from effectif.register.selectors import register_entries
from effectif.register.services import register_purge

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(world):
    foreign = EmployeeFactory(
        employer=world.employer,
        last_name="Okafor",
        nationality="Nigériane",
        work_permit_type="salarie",
        work_permit_number="7501234567",
        work_permit_expiry=date(2027, 5, 1),
    )
    hire(foreign, start=date(2025, 2, 3), establishment=world.establishment)
    temp = EmployeeFactory(employer=world.employer, last_name="Intérimaire")
    mission = hire(
        temp,
        start=date(2025, 6, 2),
        end=date(2025, 8, 29),
        kind="interim",
        establishment=world.establishment,
    )
    mission.fixed_term_reason = "accroissement"
    mission.temp_agency_name = "Intérim Plus"
    mission.temp_agency_address = "3 rue du Port, 69002 Lyon"
    mission.save()
    intern = EmployeeFactory(employer=world.employer, last_name="Stagiaire")
    internship = hire(
        intern,
        start=date(2026, 2, 2),
        end=date(2026, 7, 31),
        kind="stage",
        establishment=world.establishment,
    )
    internship.tutor = world.colleague
    internship.save()
    gone = EmployeeFactory(employer=world.employer, last_name="Ancien")
    hire(gone, start=date(2015, 1, 5), end=date(2020, 3, 31), establishment=world.establishment)
    return {"foreign": foreign, "temp": temp, "intern": intern, "gone": gone}


def test_entries_in_order_of_hiring_with_their_mentions(world, staff):
    entries = register_entries(world.establishment, today=date(2026, 3, 1))
    names = [e.last_name for e in entries]
    # 2020 departure: more than 5 years ago on 1 March 2026 → no longer kept (R1221-26).
    assert "ANCIEN" not in names
    assert names.index("OKAFOR") < names.index("INTÉRIMAIRE") < names.index("STAGIAIRE")
    by_name = {e.last_name: e for e in entries}
    assert "7501234567" in by_name["OKAFOR"].work_permit
    assert by_name["INTÉRIMAIRE"].agency == "Intérim Plus, 3 rue du Port, 69002 Lyon"
    assert world.colleague.display_name in by_name["STAGIAIRE"].intern
    assert [e.number for e in entries] == list(range(1, len(entries) + 1))
    assert register_entries(world.other_establishment, today=date(2026, 3, 1))[0].employee_id == (
        world.stranger.pk
    )


def test_gone_people_stay_five_years(world, staff):
    names = [e.last_name for e in register_entries(world.establishment, today=date(2025, 3, 31))]
    assert "ANCIEN" in names


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("hr_manager", 200),
        ("hr_assistant", 200),
        ("manager_user", 403),
        ("employee_user", 403),
        ("outsider", 404),
    ],
)
def test_pages_by_role(request, client_for, world, role, expected):
    client = client_for(request.getfixturevalue(role))
    assert client.get(reverse("register:index")).status_code == (403 if expected == 403 else 200)
    url = reverse("register:detail", args=[world.establishment.pk])
    assert client.get(url).status_code == expected
    assert client.get(url + "?format=pdf").status_code == expected


def test_hr_does_not_see_an_ungranted_establishment(client_for, hr_manager, world):
    url = reverse("register:detail", args=[world.other_establishment.pk])
    assert client_for(hr_manager).get(url).status_code == 404


def test_pdf_and_xlsx(client_for, hr_manager, world, staff):
    url = reverse("register:detail", args=[world.establishment.pk])
    pdf = client_for(hr_manager).get(url + "?format=pdf")
    reader = PdfReader(io.BytesIO(pdf.content))
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Registre unique du personnel" in text
    assert "OKAFOR" in text
    xlsx = client_for(hr_manager).get(url + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["N°", "Nom", "Nom d'usage", "Prénoms"]
    assert "Entreprise de travail temporaire" in header
    assert (
        AuditEntry.objects.filter(action=AuditAction.EXPORT, employer_id=world.employer.pk).count()
        == 2
    )


def test_purge_after_five_years_is_recorded_without_names(world, staff):
    assert register_purge(today=date(2026, 3, 1)) == 1
    assert RegisterPurge.objects.get().contract.employee == staff["gone"]
    assert register_purge(today=date(2026, 3, 1)) == 0  # a second run changes nothing
    entry = AuditEntry.objects.get(action=AuditAction.DELETE)
    assert "Ancien" not in entry.detail
    assert "ANCIEN" not in entry.detail
    # Still purged once the date of reference goes back: the entry never comes back.
    names = [e.last_name for e in register_entries(world.establishment, today=date(2025, 3, 31))]
    assert "ANCIEN" not in names


def test_purge_command(world, staff):
    out = io.StringIO()
    call_command("purge_personnel_register", "--date", "2026-03-01", stdout=out)
    assert "1 entrée" in out.getvalue()
