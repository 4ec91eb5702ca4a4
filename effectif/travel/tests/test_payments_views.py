"""Reimbursement pages (HR only): the method per report, the payroll elements with their
.xlsx/.csv exports, the SEPA batch and its pain.001 download, with scope."""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from effectif.core.models import AuditAction, AuditEntry
from effectif.travel.models import ExpenseStatus, PaymentBatch
from effectif.travel.tests.builders import (
    MEMBER_IBAN,
    MONTH,
    checked_with_advance,
    give_accounts,
)

pytestmark = pytest.mark.django_db

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}


@pytest.fixture
def accounts(world):
    give_accounts(world)


@pytest.fixture
def checked(world, employee_user, manager_user, hr_manager):
    return checked_with_advance(world, employee_user, manager_user, hr_manager)


def test_only_hr_reach_the_payments(world, employee_user, manager_user, hr_manager, client_for):
    for user in (employee_user, manager_user):
        assert client_for(user).get(reverse("travel:payments")).status_code == 403
        assert client_for(user).get(reverse("travel:payroll_elements")).status_code == 403
    assert client_for(hr_manager).get(reverse("travel:payments")).status_code == 200


def test_hr_see_the_checked_report_and_choose_payroll(world, checked, hr_manager, client_for):
    client = client_for(hr_manager)
    page = client.get(reverse("travel:payments")).content.decode()
    assert checked.reference in page
    prefix = f"r{checked.pk}"
    response = client.post(
        reverse("travel:payment_method", args=[checked.pk]),
        {f"{prefix}-method": "paie", f"{prefix}-payroll_month": "2026-04"},
    )
    assert response.status_code == 302
    checked.refresh_from_db()
    assert (checked.reimbursement_method, checked.payroll_month) == ("paie", MONTH)


def test_an_outsider_cannot_choose_for_a_report(world, checked, outsider, client_for):
    response = client_for(outsider).post(
        reverse("travel:payment_method", args=[checked.pk]),
        {f"r{checked.pk}-method": "virement"},
    )
    assert response.status_code == 404


def test_payroll_elements_page_and_exports(world, checked, hr_manager, client_for):
    client = client_for(hr_manager)
    client.post(
        reverse("travel:payment_method", args=[checked.pk]),
        {f"r{checked.pk}-method": "paie", f"r{checked.pk}-payroll_month": "2026-04"},
    )
    params = {"employeur": world.employer.pk, "mois": "2026-04"}
    page = client.get(reverse("travel:payroll_elements"), params).content.decode()
    assert "S21.G00.54.001 = 09" in page
    assert "85,00" in page
    xlsx = client.get(reverse("travel:payroll_elements"), {**params, "export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert rows[0][:5] == ("Matricule", "Salarié", "Note de frais", "Élément", "Montant")
    assert [row[4] for row in rows[1:]] == [98.0, 27.0, -40.0]
    assert rows[2][5] == "oui"  # the excess is subject to contributions
    csv_response = client.get(reverse("travel:payroll_elements"), {**params, "export": "csv"})
    text = b"".join(csv_response.streaming_content).decode("utf-8-sig")
    assert "98,00" in text
    assert "-40,00" in text
    done = client.post(reverse("travel:payroll_hand_over"), params)
    assert done.status_code == 302
    checked.refresh_from_db()
    assert checked.status == ExpenseStatus.REIMBURSED


def test_a_sepa_batch_is_generated_and_downloaded(
    world, checked, accounts, hr_manager, outsider, client_for
):
    client = client_for(hr_manager)
    client.post(
        reverse("travel:payment_method", args=[checked.pk]), {f"r{checked.pk}-method": "virement"}
    )
    page = client.get(reverse("travel:payments"), {"employeur": world.employer.pk})
    assert "Générer le fichier de virements" in page.content.decode()
    execution = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(
        reverse("travel:batch_create"),
        {
            "employeur": world.employer.pk,
            "reports": [checked.pk],
            "execution_date": execution.isoformat(),
        },
    )
    assert response.status_code == 302
    batch = PaymentBatch.objects.get()
    url = reverse("travel:batch_download", args=[batch.pk])
    assert client_for(outsider).get(url).status_code == 404
    download = client.get(url)
    assert download["Content-Disposition"].endswith(f'{batch.message_id}.xml"')
    root = ET.fromstring(download.content)
    assert root.find(".//p:CdtrAcct/p:Id/p:IBAN", NS).text == MEMBER_IBAN
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, target_id=str(batch.pk)).exists()
    checked.refresh_from_db()
    assert checked.status == ExpenseStatus.REIMBURSED


def test_a_batch_without_the_employers_account_shows_the_french_error(
    world, checked, hr_manager, client_for
):
    client = client_for(hr_manager)
    client.post(
        reverse("travel:payment_method", args=[checked.pk]), {f"r{checked.pk}-method": "virement"}
    )
    response = client.post(
        reverse("travel:batch_create"),
        {
            "employeur": world.employer.pk,
            "reports": [checked.pk],
            "execution_date": timezone.localdate().isoformat(),
        },
        follow=True,
    )
    assert "compte payeur" in response.content.decode()
    assert not PaymentBatch.objects.exists()
