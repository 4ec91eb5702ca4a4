"""The payslip PDF (bulletin de paie clarifié): what it prints and in which order, the period's
batch that stores every payslip's PDF, who may download one, the personnel file's panel."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from pypdf import PdfReader

from effectif.core.models import AuditAction, AuditEntry
from effectif.payroll.computing import compute
from effectif.payroll.documents import (
    KEEP_MENTION,
    SERVICE_PUBLIC_URL,
    documents_progress,
    masked_nir,
    per_hour_text,
    printed_payslip,
    rate_text,
)
from effectif.payroll.models import PayrollPeriod, Payslip, PeriodStatus
from effectif.payroll.tasks import build_payslip_pdfs
from effectif.rules.payroll.results import Heading

pytestmark = pytest.mark.django_db

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]
SPACES = str.maketrans({"\u202f": " ", "\u00a0": " "})


def text_of(pdf: bytes) -> str:
    """The PDF's text on one line, spaces made plain (the amounts' narrow spaces included)."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(text.translate(SPACES).split())


def flat(html: str) -> str:
    return " ".join(html.translate(SPACES).split())


@pytest.fixture
def member_payslip(period, world):
    compute(period.pk)
    return Payslip.objects.select_related("period", "employee").get(
        period=period, employee=world.member
    )


def test_the_pdf_prints_the_headings_in_the_order_of_the_arrete(member_payslip, world):
    pdf = printed_payslip(member_payslip)
    assert pdf.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    text = text_of(pdf)
    present = {line["heading"] for line in member_payslip.result["lines"]}
    # May 2026 at 2,200 €: health, AT/MP, pension, family, unemployment, other employer
    # contributions, both CSG headings and the réduction générale.
    assert len(present) >= 8
    expected = [heading.label for heading in Heading if heading.value in present]
    expected += [
        "Total des cotisations et contributions",
        "Net à payer avant impôt sur le revenu",
        "Impôt sur le revenu prélevé à la source",
        "Net payé",
        "Montant net social",
        "Total versé par l'employeur",
        "Cumuls 2026",
        str(KEEP_MENTION),
        SERVICE_PUBLIC_URL,
    ]
    # Each one after the one before (headings are printed in capitals).
    text, at, missing = text.casefold(), 0, []
    for label in expected:
        found = text.find(label.casefold(), at)
        if found == -1:
            missing.append(label)
        else:
            at = found + len(label)
    assert not missing


def test_the_pdf_prints_the_parties_and_the_nets_as_the_page_shows_them(
    client_for, member_payslip, world, hr_assistant
):
    member = member_payslip.employee
    member.nir = "185057800608436"
    member.save()
    text = text_of(printed_payslip(member_payslip))
    page = flat(
        client_for(hr_assistant)
        .get(reverse("payroll:payslip", args=[member_payslip.pk]))
        .content.decode()
    )
    for amount in (
        "net_before_tax_amount",
        "net_paid_amount",
        "net_social_amount",
        "employer_cost_amount",
    ):
        shown = f"{getattr(member_payslip, amount):,.2f}".replace(",", " ").replace(".", ",")
        assert f"{shown} €" in page, amount
        assert f"{shown} €" in text, amount
    for value in (
        world.employer.name,
        world.establishment.name,
        world.employer.naf_code,
        member.display_name,
        member.matricule,
        "Mai 2026",
        "Période du 01/05/2026 au 31/05/2026",
        "Paiement le 29/05/2026",
        "Versé le 29/05/2026",
        "Taux non personnalisé",
        "Salaire de base",
    ):
        assert value in text, value
    # The NIR only masked: its last three characters.
    assert member.nir not in text.replace(" ", "")
    assert masked_nir(member.nir) in text
    assert masked_nir(member.nir).endswith("4 36")


def test_rates_print_as_on_a_payslip():
    assert rate_text("0.069") == "6,90\u00a0%"
    assert rate_text("0.00016") == "0,016\u00a0%"
    assert rate_text("0.0855") == "8,55\u00a0%"
    assert rate_text(None) == ""
    # The employer's flat deduction on overtime is an amount per hour, not a percentage.
    assert per_hour_text("1.5") == "1,50\u00a0€/h"


def test_the_batch_fills_every_payslip_document(client_for, period, hr_assistant):
    compute(period.pk)
    payslips = Payslip.objects.filter(period=period)
    assert payslips.count() >= 3
    assert documents_progress(period).done == 0
    client = client_for(hr_assistant)
    response = client.post(reverse("payroll:period_pdfs", args=[period.pk]))
    assert response.url == period.get_absolute_url()
    for payslip in payslips:
        assert payslip.document.name.endswith(f"/{payslip.pk}.pdf")
        with payslip.document.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"
    progress = documents_progress(period)
    assert (progress.done, progress.total, progress.complete) == (3, 3, True)
    assert AuditEntry.objects.filter(
        action=AuditAction.EXPORT, target_type="payroll.PayrollPeriod", actor=hr_assistant
    ).exists()
    fragment = client.get(reverse("payroll:period_pdfs", args=[period.pk])).content.decode()
    assert "Bulletins PDF générés : 3 sur 3." in fragment
    # Printed again: each payslip keeps one file, under the same name.
    names = sorted(p.document.name for p in payslips)
    assert build_payslip_pdfs.enqueue(period.pk).return_value == 3
    assert sorted(p.document.name for p in Payslip.objects.filter(period=period)) == names


def test_the_stored_pdf_is_the_one_downloaded(client_for, member_payslip, hr_assistant):
    build_payslip_pdfs.enqueue(member_payslip.period_id)
    member_payslip.refresh_from_db()
    with member_payslip.document.open("rb") as handle:
        stored = handle.read()
    response = client_for(hr_assistant).get(
        reverse("payroll:payslip_pdf", args=[member_payslip.pk])
    )
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == stored


def test_no_batch_before_the_computation(client_for, period, hr_assistant):
    client = client_for(hr_assistant)
    response = client.post(reverse("payroll:period_pdfs", args=[period.pk]), follow=True)
    assert "Aucun bulletin calculé à imprimer" in response.content.decode()


@pytest.mark.parametrize("name", ["payroll:payslip_pdf"])
def test_payslip_pdf_access_per_role(request, client_for, member_payslip, world, name):
    url = reverse(name, args=[member_payslip.pk])
    # Before closing, the employee does not get it yet; the manager never.
    expected = [200, 200, 200, 404, 404, 404]
    for role, status in zip(ROLES, expected, strict=True):
        response = client_for(request.getfixturevalue(role)).get(url)
        assert response.status_code == status, role
        if status == 200:
            assert response["Content-Type"] == "application/pdf"
            assert 'filename="bulletin-2026-05-' in response["Content-Disposition"]
    PayrollPeriod.objects.filter(pk=member_payslip.period_id).update(status=PeriodStatus.CLOSED)
    own = client_for(request.getfixturevalue("employee_user"))
    assert own.get(url).status_code == 200
    colleague = Payslip.objects.get(period=member_payslip.period, employee=world.colleague)
    assert own.get(reverse(name, args=[colleague.pk])).status_code == 404
    # The employee reading their own is not audited; HR reading it is.
    reads = AuditEntry.objects.filter(
        action=AuditAction.READ, target_type="payroll.Payslip", target_id=str(member_payslip.pk)
    )
    assert not reads.filter(actor=request.getfixturevalue("employee_user")).exists()
    assert reads.filter(actor=request.getfixturevalue("hr_assistant")).exists()


@pytest.mark.parametrize(
    ("name", "method", "statuses"),
    [
        ("payroll:period_pdfs", "get", [200, 200, 200, 403, 403, 404]),
        ("payroll:period_pdfs", "post", [302, 302, 302, 403, 403, 404]),
    ],
)
def test_period_pdfs_access_per_role(request, client_for, period, name, method, statuses):
    url = reverse(name, args=[period.pk])
    for role, status in zip(ROLES, statuses, strict=True):
        client = client_for(request.getfixturevalue(role))
        assert getattr(client, method)(url).status_code == status, role


def test_the_links_and_the_personnel_file_panel(client_for, member_payslip, world, hr_assistant):
    pdf_url = reverse("payroll:payslip_pdf", args=[member_payslip.pk])
    hr = client_for(hr_assistant)
    assert pdf_url in hr.get(reverse("payroll:payslip", args=[member_payslip.pk])).content.decode()
    period_page = hr.get(reverse("payroll:period", args=[member_payslip.period_id]))
    assert reverse("payroll:period_pdfs", args=[member_payslip.period_id]) in (
        period_page.content.decode()
    )
    assert pdf_url in period_page.content.decode()
    file_page = hr.get(reverse("employees:detail", args=[world.member.pk])).content.decode()
    assert "Bulletins de paie" in file_page
    assert pdf_url in file_page
    PayrollPeriod.objects.filter(pk=member_payslip.period_id).update(status=PeriodStatus.CLOSED)
    employee = client_for(world.member.user)
    assert pdf_url in employee.get(reverse("payroll:my_payslips")).content.decode()
    own_file = employee.get(reverse("employees:detail", args=[world.member.pk])).content.decode()
    assert pdf_url not in own_file


def test_the_progress_polls_while_the_batch_asked_for_runs(
    client_for, period, hr_assistant, monkeypatch
):
    compute(period.pk)
    client = client_for(hr_assistant)
    url = reverse("payroll:period_pdfs", args=[period.pk])
    # Nothing asked by this user: the count, no polling.
    idle = client.get(url).content.decode()
    assert "Bulletins PDF générés : 0 sur 3." in idle
    assert "hx-trigger" not in idle
    session = client.session
    session["payroll_pdf_tasks"] = {str(period.pk): "some-result"}
    session.save()
    status = SimpleNamespace(status=TaskResultStatus.RUNNING)
    task = SimpleNamespace(get_result=lambda result_id: status)
    monkeypatch.setattr("effectif.payroll.tasks.build_payslip_pdfs", task)
    running = client.get(url).content.decode()
    assert "Impression des bulletins : 0 PDF sur 3." in running
    assert 'hx-trigger="every 2s"' in running
    status.status = TaskResultStatus.SUCCESSFUL
    assert "hx-trigger" not in client.get(url).content.decode()


def test_the_ijss_paid_by_subrogation_print_after_the_net(member_payslip):
    # As the engine stores them for a subrogated stop (rules/payroll/sickness.py).
    member_payslip.result["after_net_lines"] = [
        {"code": "ijss_subrogees", "label": "IJSS subrogées (brutes)", "quantity": "7",
         "base_amount": None, "rate": None, "amount": "252.84"},
        {"code": "crds_ijss", "label": "CRDS sur IJSS (précomptée par la CPAM)",
         "quantity": None, "base_amount": "252.84", "rate": "0.005", "amount": "-1.26"},
    ]  # fmt: skip
    text = text_of(printed_payslip(member_payslip))
    at = text.index("Net à payer avant impôt sur le revenu")
    assert at < text.index("IJSS subrogées (brutes) 252,84") < text.index("Net payé")
    assert "CRDS sur IJSS (précomptée par la CPAM) 252,84 0,50 % -1,26" in text
