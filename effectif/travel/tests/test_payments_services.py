"""Reimbursing checked reports: the method chosen by HR, the payroll elements of a month, and
the SEPA credit-transfer batch (its pain.001 file parsed back), with its French refusals."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from effectif.core.models import AuditAction, AuditEntry
from effectif.employees.models import Employee
from effectif.travel.models import (
    ExpenseStatus,
    PaymentBatch,
    ReimbursementMethod,
    TravelPolicy,
)
from effectif.travel.selectors.expenses import DSN_EXPENSES, payroll_elements
from effectif.travel.services.payments import (
    payroll_hand_over,
    reimbursement_choose,
    sepa_batch_create,
)
from effectif.travel.tests.builders import (
    DEBTOR_IBAN,
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


def test_hr_choose_payroll_with_a_month(checked, hr_manager, manager_user):
    with pytest.raises(ValidationError) as error:
        reimbursement_choose(
            report=checked, method=ReimbursementMethod.PAYROLL, payroll_month=None, by=hr_manager
        )
    assert "mois de paie" in error.value.message_dict["payroll_month"][0]
    with pytest.raises(PermissionDenied):
        reimbursement_choose(
            report=checked, method=ReimbursementMethod.TRANSFER, payroll_month=None, by=manager_user
        )
    done = reimbursement_choose(
        report=checked,
        method=ReimbursementMethod.PAYROLL,
        payroll_month=dt.date(2026, 4, 17),
        by=hr_manager,
    )
    assert (done.reimbursement_method, done.payroll_month) == ("paie", MONTH)


def test_payroll_elements_split_exempt_taxable_and_advance(world, checked, hr_manager):
    reimbursement_choose(
        report=checked, method=ReimbursementMethod.PAYROLL, payroll_month=MONTH, by=hr_manager
    )
    elements = payroll_elements(hr_manager, world.employer, MONTH)
    assert [(e.amount, e.taxable) for e in elements] == [
        (Decimal("98.00"), False),  # 21,40 (meal) + 76,60 (Paris lodging)
        (Decimal("27.00"), True),  # 8,60 + 18,40 over the URSSAF limits
        (Decimal("-40.00"), False),  # the advance already paid
    ]
    assert elements[0].dsn == DSN_EXPENSES
    assert sum(e.amount for e in elements) == checked.payable_amount == Decimal("85.00")
    assert payroll_elements(hr_manager, world.employer, dt.date(2026, 5, 1)) == []


def test_handing_over_to_payroll_reimburses_the_months_reports(world, checked, hr_manager):
    reimbursement_choose(
        report=checked, method=ReimbursementMethod.PAYROLL, payroll_month=MONTH, by=hr_manager
    )
    with pytest.raises(ValidationError):
        payroll_hand_over(employer=world.employer, month=dt.date(2026, 5, 1), by=hr_manager)
    done = payroll_hand_over(employer=world.employer, month=MONTH, by=hr_manager)
    assert [r.pk for r in done] == [checked.pk]
    checked.refresh_from_db()
    assert checked.status == ExpenseStatus.REIMBURSED
    assert checked.reimbursed_at is not None


def test_a_sepa_batch_pays_the_net_of_each_report(world, checked, accounts, hr_manager):
    reimbursement_choose(
        report=checked, method=ReimbursementMethod.TRANSFER, payroll_month=None, by=hr_manager
    )
    execution = timezone.localdate() + dt.timedelta(days=2)
    batch = sepa_batch_create(
        employer=world.employer, reports=[checked], execution_date=execution, by=hr_manager
    )
    assert (batch.transfer_count, batch.total_amount) == (1, Decimal("85.00"))
    root = ET.fromstring(batch.xml.encode("utf-8"))
    header = root.find("p:CstmrCdtTrfInitn/p:GrpHdr", NS)
    assert header.find("p:MsgId", NS).text == batch.message_id
    assert header.find("p:NbOfTxs", NS).text == "1"
    assert Decimal(header.find("p:CtrlSum", NS).text) == Decimal("85.00")
    payment = root.find("p:CstmrCdtTrfInitn/p:PmtInf", NS)
    assert payment.find("p:ReqdExctnDt", NS).text == execution.isoformat()
    assert payment.find("p:DbtrAcct/p:Id/p:IBAN", NS).text == DEBTOR_IBAN
    transfer = payment.find("p:CdtTrfTxInf", NS)
    assert transfer.find("p:PmtId/p:EndToEndId", NS).text == checked.reference
    assert transfer.find("p:Amt/p:InstdAmt", NS).text == "85.00"
    assert transfer.find("p:CdtrAcct/p:Id/p:IBAN", NS).text == MEMBER_IBAN
    assert transfer.find("p:CdtrAgt/p:FinInstnId/p:BIC", NS).text == "AGRIFRPP"
    checked.refresh_from_db()
    assert checked.status == ExpenseStatus.REIMBURSED
    assert checked.payment_batch == batch
    assert AuditEntry.objects.filter(
        action=AuditAction.READ, target_id=str(world.member.pk), detail__contains="iban"
    ).exists()


def test_a_missing_debtor_account_is_refused_in_french(world, checked, hr_manager):
    Employee.objects.filter(pk=world.member.pk).update(iban=MEMBER_IBAN, bic="AGRIFRPP")
    reimbursement_choose(
        report=checked, method=ReimbursementMethod.TRANSFER, payroll_month=None, by=hr_manager
    )
    with pytest.raises(ValidationError) as error:
        sepa_batch_create(
            employer=world.employer,
            reports=[checked],
            execution_date=timezone.localdate(),
            by=hr_manager,
        )
    assert "compte payeur" in error.value.messages[0]
    assert not PaymentBatch.objects.exists()
    checked.refresh_from_db()
    assert checked.status == ExpenseStatus.CHECKED


def test_a_missing_employee_iban_names_the_employee(world, checked, hr_manager):
    TravelPolicy.objects.create(
        employer=world.employer, debtor_iban=DEBTOR_IBAN, debtor_bic="BDFEFRPPCCT"
    )
    reimbursement_choose(
        report=checked, method=ReimbursementMethod.TRANSFER, payroll_month=None, by=hr_manager
    )
    with pytest.raises(ValidationError) as error:
        sepa_batch_create(
            employer=world.employer,
            reports=[checked],
            execution_date=timezone.localdate(),
            by=hr_manager,
        )
    assert world.member.display_name in error.value.messages[0]
    assert not PaymentBatch.objects.exists()


def test_only_transfer_reports_go_into_a_batch(world, checked, accounts, hr_manager):
    reimbursement_choose(
        report=checked, method=ReimbursementMethod.PAYROLL, payroll_month=MONTH, by=hr_manager
    )
    with pytest.raises(ValidationError) as error:
        sepa_batch_create(
            employer=world.employer,
            reports=[checked],
            execution_date=timezone.localdate(),
            by=hr_manager,
        )
    assert checked.reference in error.value.messages[0]
    with pytest.raises(ValidationError):
        sepa_batch_create(
            employer=world.employer,
            reports=[],
            execution_date=timezone.localdate(),
            by=hr_manager,
        )
