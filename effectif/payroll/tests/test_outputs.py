"""The outputs of a period: the payroll journal equals the payslips' sums; the accounting
entries balance to the cent on the employer's accounts (or refuse to export); the salary
transfer file is valid against the official pain.001.001.03 schema and its control sum is the
sum of the nets paid; the exports carry no live formula; HR of the employer only."""

from __future__ import annotations

import csv
import datetime as dt
import io
import xml.etree.ElementTree as ET
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from effectif.core.models import AuditAction, AuditEntry
from effectif.payroll.accounting.bodies import LINE_CODES, Body, Charge, placement
from effectif.payroll.accounting.entries import (
    accounting_settings,
    check_balanced,
    entries_of,
)
from effectif.payroll.computing import compute
from effectif.payroll.journal import journal_of
from effectif.payroll.models import (
    AccountingSettings,
    ElementSource,
    EmployeePayrollSettings,
    PayrollElement,
    PayrollPeriod,
    Payslip,
    PeriodStatus,
)
from effectif.payroll.selectors import period_totals
from effectif.payroll.storing import amounts_of, result_json, to_json
from effectif.payroll.transfers import transfer_plan
from effectif.rules.parameters.dsn_codes import LINE_DSN_CODES
from effectif.rules.payroll.engine import compute_payslip
from effectif.rules.payroll.inputs import (
    Employee,
    Employer,
    MonthVariables,
    PayslipInput,
    SickLeave,
)
from effectif.rules.sepa.credit_transfer import NAMESPACE
from effectif.rules.sepa.schema import schema_errors
from effectif.travel.models import ReimbursementMethod, TravelPolicy
from effectif.travel.services.payments import reimbursement_choose, sepa_batch_create
from effectif.travel.tests.builders import checked_with_advance, give_accounts

pytestmark = pytest.mark.django_db

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]
NS = {"p": NAMESPACE}
DEBTOR_IBAN = "FR7630004000031234567890143"


def _element(period, employee, code, **values):
    PayrollElement.objects.create(
        period=period,
        employee=employee,
        code=code,
        label=code,
        source=ElementSource.MANUAL,
        **values,
    )


@pytest.fixture
def computed(period, world):
    """May 2026 computed with benefits in kind, meal vouchers, expenses, a bonus, a transit pass
    and a health premium, so that every account of the entry is used."""
    _element(period, world.member, "PRIME", amount=D("350.00"))
    _element(period, world.member, "FRAIS", amount=D("84.30"))
    _element(period, world.member, "REPAS", quantity=D("10"))
    _element(period, world.colleague, "LOGEMENT", amount=D("120.00"))
    _element(period, world.colleague, "TR", quantity=D("18"), base_amount=D("9.00"), rate=D("0.5"))
    EmployeePayrollSettings.objects.create(
        employee=world.colleague,
        effective_date=dt.date(2026, 1, 1),
        transit_pass_amount=D("80.00"),
        health_premium_amount=D("60.00"),
    )
    compute(period.pk)
    period.refresh_from_db()
    return period


def _payable(period, world):
    TravelPolicy.objects.create(
        employer=world.employer, debtor_iban=DEBTOR_IBAN, debtor_bic="BNPAFRPPXXX"
    )
    PayrollPeriod.objects.filter(pk=period.pk).update(status=PeriodStatus.VALIDATED)
    period.refresh_from_db()


# --- Access -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "statuses"),
    [
        ("payroll:journal", [200, 200, 200, 403, 403, 404]),
        ("payroll:accounting", [200, 200, 200, 403, 403, 404]),
        ("payroll:accounting_settings", [200, 200, 403, 403, 403, 403]),
        ("payroll:transfers", [200, 200, 200, 403, 403, 404]),
        ("payroll:transfer_file", [200, 200, 200, 403, 403, 404]),
    ],
)
def test_outputs_access_per_role(request, client_for, computed, world, name, statuses):
    _payable(computed, world)
    url = reverse(name, args=[computed.pk])
    for role, status in zip(ROLES, statuses, strict=True):
        client = client_for(request.getfixturevalue(role))
        assert client.get(url).status_code == status, role


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_exports_access_per_role(request, client_for, computed, export):
    for name in ("payroll:journal", "payroll:accounting"):
        url = reverse(name, args=[computed.pk]) + f"?export={export}"
        for role, status in zip(ROLES, [200, 200, 200, 403, 403, 404], strict=True):
            response = client_for(request.getfixturevalue(role)).get(url)
            assert response.status_code == status, (name, role)
            if status == 200:
                assert response["Content-Disposition"].endswith(f'.{export}"')


# --- The journal ------------------------------------------------------------------------------


def test_the_journal_totals_are_the_sums_of_the_payslips(computed):
    journal = journal_of(computed)
    payslips = list(Payslip.objects.filter(period=computed, status="computed"))
    assert len(journal.rows) == len(payslips) == 3
    for name in Payslip.AMOUNT_FIELDS:
        expected = sum((getattr(p, name) for p in payslips), D(0))
        assert journal.totals.amounts[name] == expected, name
        assert journal.totals.amounts[name] == period_totals(computed)[name], name
        assert sum((row.amounts[name] for row in journal.rows), D(0)) == expected
    # The headings' parts add up to the contribution columns, row by row and in total.
    for row in [*journal.rows, journal.totals]:
        employee = sum((parts[0] for parts in row.headings.values()), D(0))
        employer = sum((parts[1] for parts in row.headings.values()), D(0))
        assert employee == row.amounts["employee_contributions_amount"]
        assert employer == row.amounts["employer_contributions_amount"]
    assert next(label for _n, label in journal.headings) == "Santé"


def test_the_journal_page_and_csv_show_each_payslip_and_the_totals(
    client_for, computed, world, hr_assistant
):
    client = client_for(hr_assistant)
    url = reverse("payroll:journal", args=[computed.pk])
    page = client.get(url).content.decode()
    assert "Livre de paie" in page
    assert world.member.display_name in page
    assert "Santé" in page
    response = client.get(url, {"export": "csv"})
    rows = list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"
        )
    )
    header, *body = rows
    assert header[:3] == ["Matricule", "Salarié", "Brut"]
    assert "Santé — part patronale" in header
    total = body[-1]
    assert total[1] == "Total"
    gross = sum((p.gross_amount for p in Payslip.objects.filter(period=computed)), D(0))
    assert D(total[2].replace(",", ".")) == gross
    assert len(body) == 4
    assert AuditEntry.objects.filter(
        action=AuditAction.EXPORT, target_type="payroll.PayrollPeriod", detail__contains="Livre"
    ).exists()


def test_formula_injection_is_neutralised_in_the_exports(client_for, period, world, hr_assistant):
    world.colleague.last_name = '=HYPERLINK("http://evil.example","clic")'
    world.colleague.save()
    world.member.matricule = "+33-SUM(A1)"
    world.member.save()
    compute(period.pk)
    client = client_for(hr_assistant)
    url = reverse("payroll:journal", args=[period.pk])
    text = b"".join(client.get(url, {"export": "csv"}).streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "'+33-SUM(A1)" in text
    assert ";=HYPERLINK" not in text
    assert '"=HYPERLINK' not in text
    workbook = load_workbook(io.BytesIO(client.get(url, {"export": "xlsx"}).content))
    cells = [c for row in workbook.active.iter_rows() for c in row if isinstance(c.value, str)]
    dangerous = [c for c in cells if c.value.startswith(("=", "+"))]
    assert dangerous
    assert all(c.data_type == "s" for c in dangerous)
    # Amounts stay numbers.
    numbers = [c for row in workbook.active.iter_rows(min_row=2) for c in row[2:3]]
    assert numbers
    assert all(isinstance(c.value, int | float) for c in numbers)


# --- The accounting entries -------------------------------------------------------------------


def test_every_line_code_of_the_engine_has_its_body():
    codes = LINE_DSN_CODES.at(LINE_DSN_CODES.values[-1].start)
    assert set(codes) <= set(LINE_CODES)
    assert placement("reduction_generale_retraite") == (Body.RETIREMENT, Charge.SOCIAL)
    assert placement("taxe_sur_les_salaires") == (Body.TAX_OFFICE, Charge.TAX)
    # An unknown code is placed by its DSN codes.
    assert (
        placement("nouvelle", {"base": "02", "contribution": "131", "ctp": None})[0]
        is Body.RETIREMENT
    )
    assert (
        placement("nouvelle", {"base": "03", "contribution": "999", "ctp": "100"})[0] is Body.URSSAF
    )
    assert (
        placement("nouvelle", {"base": "31", "contribution": None, "ctp": None})[0]
        is Body.PROVIDENT
    )
    assert placement("nouvelle", None)[0] is Body.OTHER


def test_the_entries_balance_to_the_cent_on_the_default_accounts(computed):
    entries = check_balanced(entries_of(computed, accounting_settings(computed.employer_id)))
    assert entries.is_balanced
    assert entries.debit_total == entries.credit_total
    payslips = list(Payslip.objects.filter(period=computed))

    def total(name):
        return sum((getattr(p, name) for p in payslips), D(0))

    def on(account, side):
        return sum((getattr(line, side) for line in entries.lines if line.account == account), D(0))

    assert on("641", "debit") == total("gross_amount")
    assert on("421", "credit") == total("net_paid_amount")
    assert on("4421", "credit") == total("withheld_amount")
    assert on("625", "debit") == D("84.30")
    assert on("4386", "credit") == D("162.00")  # 18 titres à 9,00 €
    assert on("791", "credit") > D("120.00")  # housing and ten meals
    # The employer's exempt half of the vouchers (81,00) and of the transit pass (40,00).
    assert on("647", "debit") == D("121.00")
    provident = [line for line in entries.lines if line.label == "Prévoyance et mutuelle"]
    assert provident
    assert provident[0].credit == D("60.00")  # the whole premium, both shares
    # Debit: the employer cost of every payslip (gross, charges, expenses, vouchers).
    assert entries.debit_total == total("employer_cost_amount")
    assert on("431", "credit") + on("437", "credit") == total(
        "employee_contributions_amount"
    ) + total("employer_contributions_amount")
    assert {line.account for line in entries.lines} >= {"641", "645", "431", "437", "421", "4421"}
    assert entries.reference == "PAIE-2026-05"
    assert entries.journal_code == "PAIE"


def test_the_accounts_are_the_employers_and_the_lead_sets_them(
    client_for, computed, hr_manager, hr_assistant
):
    url = reverse("payroll:accounting_settings", args=[computed.pk])
    data = {
        field: getattr(AccountingSettings(), field) for field in AccountingSettings.ACCOUNT_FIELDS
    }
    bad = client_for(hr_manager).post(url, {**data, "urssaf_account": "431 00"})
    assert "Lettres et chiffres seulement" in bad.content.decode()
    assert not AccountingSettings.objects.exists()
    response = client_for(hr_manager).post(
        url, {**data, "urssaf_account": "43110000", "retirement_account": "43720000"}
    )
    assert response.status_code == 302
    settings = AccountingSettings.objects.get(employer=computed.employer)
    assert settings.urssaf_account == "43110000"
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, target_type="payroll.AccountingSettings"
    ).exists()
    entries = entries_of(computed, accounting_settings(computed.employer_id))
    accounts = {line.account for line in entries.lines}
    assert {"43110000", "43720000"} <= accounts
    assert "431" not in accounts
    page = client_for(hr_assistant).get(reverse("payroll:accounting", args=[computed.pk]))
    assert "43110000" in page.content.decode()
    assert "équilibré" in page.content.decode()


def test_unbalanced_entries_are_refused_in_french(client_for, computed, world, hr_assistant):
    Payslip.objects.filter(period=computed, employee=world.member).update(
        net_paid_amount=Payslip.objects.get(period=computed, employee=world.member).net_paid_amount
        + D("0.01")
    )
    entries = entries_of(computed, accounting_settings(computed.employer_id))
    assert not entries.is_balanced
    with pytest.raises(Exception, match="ne sont pas équilibrées"):
        check_balanced(entries)
    client = client_for(hr_assistant)
    response = client.get(
        reverse("payroll:accounting", args=[computed.pk]), {"export": "csv"}, follow=True
    )
    page = response.content.decode()
    assert "ne sont pas équilibrées" in page
    assert "écart -0,01 €" in page
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


def test_the_accounting_csv_has_balanced_figures(client_for, computed, hr_assistant):
    response = client_for(hr_assistant).get(
        reverse("payroll:accounting", args=[computed.pk]), {"export": "csv"}
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert header == ["Journal", "Date", "Pièce", "Compte", "Libellé", "Débit", "Crédit"]
    assert rows[0][:3] == ["PAIE", "31/05/2026", "PAIE-2026-05"]

    def amount(text):
        return D(text.replace(",", ".").replace("\u202f", "").replace(" ", "")) if text else D(0)

    assert sum(amount(r[5]) for r in rows) == sum(amount(r[6]) for r in rows) > 0


# --- The salary transfers ---------------------------------------------------------------------


def test_the_transfer_file_is_valid_and_sums_the_nets(client_for, computed, world, hr_assistant):
    world.colleague.iban = ""
    world.colleague.save()
    _payable(computed, world)
    client = client_for(hr_assistant)
    page = client.get(reverse("payroll:transfers", args=[computed.pk])).content.decode()
    assert world.colleague.display_name in page
    assert "IBAN absent du dossier" in page
    assert "01/06/2026" in page  # the pay date (29 May) has passed: today
    response = client.get(reverse("payroll:transfer_file", args=[computed.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    document = response.content
    assert schema_errors(document) == []
    root = ET.fromstring(document)
    paid = Payslip.objects.filter(period=computed).exclude(employee=world.colleague)
    nets = sum((p.net_paid_amount for p in paid), D(0))
    header = root.find("p:CstmrCdtTrfInitn/p:GrpHdr", NS)
    assert D(header.find("p:CtrlSum", NS).text) == nets
    assert header.find("p:NbOfTxs", NS).text == "2"
    payment = root.find("p:CstmrCdtTrfInitn/p:PmtInf", NS)
    assert payment.find("p:PmtTpInf/p:CtgyPurp/p:Cd", NS).text == "SALA"
    assert payment.find("p:DbtrAcct/p:Id/p:IBAN", NS).text == DEBTOR_IBAN
    assert payment.find("p:ReqdExctnDt", NS).text == "2026-06-01"  # pay date passed: today
    transactions = payment.findall("p:CdtTrfTxInf", NS)
    amounts = sorted(D(t.find("p:Amt/p:InstdAmt", NS).text) for t in transactions)
    assert amounts == sorted(p.net_paid_amount for p in paid)
    ids = {t.find("p:PmtId/p:EndToEndId", NS).text for t in transactions}
    assert ids == {f"SAL-202605-{p.pk}" for p in paid}
    assert (
        AuditEntry.objects.filter(
            action=AuditAction.READ, target_type="employees.Employee", detail="iban, bic"
        ).count()
        == 2
    )
    assert AuditEntry.objects.filter(
        action=AuditAction.EXPORT, detail__contains="Virements des salaires"
    ).exists()


def test_the_transfer_file_waits_for_a_validated_period_and_an_account(
    client_for, computed, world, hr_assistant
):
    client = client_for(hr_assistant)
    url = reverse("payroll:transfer_file", args=[computed.pk])
    early = client.get(url, follow=True).content.decode()
    assert "paie validée ou close" in early
    PayrollPeriod.objects.filter(pk=computed.pk).update(status=PeriodStatus.CLOSED)
    no_account = client.get(url, follow=True).content.decode()
    assert "compte payeur" in no_account
    assert "politique de déplacement" in no_account


def test_the_expense_report_batch_passes_the_same_schema(
    world, employee_user, manager_user, hr_manager
):
    give_accounts(world)
    report = checked_with_advance(world, employee_user, manager_user, hr_manager)
    reimbursement_choose(
        report=report, method=ReimbursementMethod.TRANSFER, payroll_month=None, by=hr_manager
    )
    batch = sepa_batch_create(
        employer=world.employer,
        reports=[report],
        execution_date=timezone.localdate(),
        by=hr_manager,
    )
    assert schema_errors(batch.xml.encode("utf-8")) == []
    root = ET.fromstring(batch.xml.encode("utf-8"))
    assert root.find("p:CstmrCdtTrfInitn/p:PmtInf/p:PmtTpInf/p:CtgyPurp", NS) is None


def test_ijss_paid_over_by_subrogation_balance_on_their_own_account():
    """The engine's case of 20 days of illness with subrogation (rules/payroll/tests/
    test_sickness.py): the IJSS the employer receives net of the CPAM's CSG/CRDS (665,36 €) are
    paid over with the net; they are debited to the IJSS receivable account (4387)."""
    given = PayslipInput(
        dt.date(2026, 3, 1),
        Employer(headcount=10, at_rate=D("0.01")),
        Employee(base_salary_amount=D("3000")),
        MonthVariables(
            sick_leaves=(
                SickLeave(
                    dt.date(2026, 3, 2),
                    dt.date(2026, 3, 21),
                    6,
                    (D("3000"),) * 3,
                    absence_hours=D("105"),
                    subrogation=True,
                ),
            )
        ),
    )
    result = compute_payslip(given)
    payslip = Payslip(result=result_json(result), engine_input=to_json(given), **amounts_of(result))
    period = PayrollPeriod(month=dt.date(2026, 3, 1))
    entries = check_balanced(entries_of(period, AccountingSettings(), payslips=[payslip]))
    assert [line.debit for line in entries.lines if line.account == "4387"] == [D("665.36")]
    assert entries.debit_total == result.employer_cost_amount + D("665.36")


def test_the_outputs_read_the_payslips_in_one_query_each(computed, django_assert_num_queries):
    accounts = accounting_settings(computed.employer_id)
    with django_assert_num_queries(1):
        plan = transfer_plan(computed)
        names = [(t.creditor.name, t.end_to_end_id) for _payslip, t in plan.transfers]
    assert len(names) == 3
    with django_assert_num_queries(1):
        assert entries_of(computed, accounts).is_balanced
    with django_assert_num_queries(1):
        assert len(journal_of(computed).rows) == 3
