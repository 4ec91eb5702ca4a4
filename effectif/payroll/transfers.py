"""The salary transfers of a validated or closed period: one SEPA credit transfer file
(pain.001.001.03, category purpose SALA) paying each employee's net from the employer's account
(the debtor of the travel policy, like the expense-report batches), one transaction per
computed payslip, written by `rules.sepa.credit_transfer` and checked against the official
schema before it is offered. A person whose file has no valid IBAN is left out, by name, with
the reason; the IBANs read are audited, and so is each file made."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit, audit_many, build_entry
from effectif.core.models import AuditAction
from effectif.payroll.models import PayrollPeriod, Payslip, PayslipStatus, PeriodStatus
from effectif.rules.identity.checks import check_bic, check_iban
from effectif.rules.money import ZERO
from effectif.rules.sepa.credit_transfer import (
    SALARY_PURPOSE,
    Party,
    Transfer,
    credit_transfer_xml,
)
from effectif.travel.services.payments import employer_debtor

if TYPE_CHECKING:
    from effectif.accounts.models import User

#: The states in which the salaries may be paid.
PAYABLE_STATUSES = frozenset({PeriodStatus.VALIDATED, PeriodStatus.CLOSED})


@dataclass(frozen=True)
class Exclusion:
    name: str
    matricule: str
    reason: str


@dataclass(frozen=True)
class TransferPlan:
    """Who is paid how much, and who is left out and why."""

    transfers: tuple[tuple[Payslip, Transfer], ...]
    excluded: tuple[Exclusion, ...]

    @property
    def total(self) -> Decimal:
        return sum((transfer.amount for _payslip, transfer in self.transfers), ZERO)

    @property
    def count(self) -> int:
        return len(self.transfers)


def end_to_end_id(payslip: Payslip) -> str:
    """« SAL-202605-123 »: the month and the payslip, unique and in the SEPA character set."""
    return f"SAL-{payslip.period.month:%Y%m}-{payslip.pk}"


def _bank_details(payslip: Payslip) -> tuple[str, str, str]:
    """(why the person is left out, or "", their IBAN, their BIC)."""
    employee = payslip.employee
    if payslip.net_paid_amount <= 0:
        return _("Net à payer nul ou négatif : aucun virement."), "", ""
    if not employee.iban:
        return (
            _(
                "IBAN absent du dossier : le salaire n'est pas dans le fichier. Complétez les "
                "coordonnées bancaires, ou payez-le autrement."
            ),
            "",
            "",
        )
    try:
        iban = check_iban(employee.iban)
        bic = check_bic(employee.bic) if employee.bic.strip() else ""
    except ValueError as error:
        return _("Coordonnées bancaires invalides : %(error)s") % {"error": error}, "", ""
    return "", iban, bic


def transfer_plan(period: PayrollPeriod) -> TransferPlan:
    """The transfers of the period's computed payslips; the people left out with the reason."""
    payslips = (
        Payslip.objects.filter(period=period, status=PayslipStatus.COMPUTED)
        .select_related("employee", "period")
        .only(
            "pk",
            "net_paid_amount",
            "period__month",
            "employee__employer_id",
            "employee__matricule",
            "employee__last_name",
            "employee__usage_name",
            "employee__first_names",
            "employee__iban",
            "employee__bic",
        )
        .order_by("employee__last_name", "employee__first_names", "employee_id")
    )
    transfers: list[tuple[Payslip, Transfer]] = []
    excluded: list[Exclusion] = []
    for payslip in payslips:
        employee = payslip.employee
        reason, iban, bic = _bank_details(payslip)
        if reason:
            excluded.append(Exclusion(employee.display_name, employee.matricule, reason))
            continue
        transfers.append(
            (
                payslip,
                Transfer(
                    end_to_end_id=end_to_end_id(payslip),
                    creditor=Party(employee.display_name, iban, bic),
                    amount=payslip.net_paid_amount,
                    remittance=_("Salaire %(month)s") % {"month": period.label},
                ),
            )
        )
    return TransferPlan(tuple(transfers), tuple(excluded))


def execution_date(period: PayrollPeriod) -> dt.date:
    """The pay date, or today once it has passed (a bank refuses a date in the past)."""
    return max(period.pay_date, timezone.localdate())


def ensure_payable(period: PayrollPeriod) -> None:
    if period.status not in PAYABLE_STATUSES:
        raise ValidationError(
            _(
                "Les virements de salaires se préparent sur une paie validée ou close ; "
                "cette période est « %(status)s »."
            )
            % {"status": period.get_status_display()}
        )


@transaction.atomic
def salary_transfer_file(*, period: PayrollPeriod, by: User) -> tuple[str, bytes, TransferPlan]:
    """The file name, the pain.001 document (valid against the schema) and the plan it
    follows; a French ValidationError when the period is not payable, the employer's account
    is missing, nobody can be paid or the file would not be valid."""
    ensure_payable(period)
    debtor = employer_debtor(period.employer)
    plan = transfer_plan(period)
    if not plan.transfers:
        raise ValidationError(_("Aucun salaire à virer : aucun bulletin payable par virement."))
    now = timezone.now()
    message_id = f"SAL-{period.employer_id}-{period.month:%Y%m}-{timezone.localtime(now):%d%H%M%S}"
    try:
        document = credit_transfer_xml(
            message_id=message_id,
            created_at=now,
            debtor=debtor,
            execution_date=execution_date(period),
            transfers=[transfer for _payslip, transfer in plan.transfers],
            category_purpose=SALARY_PURPOSE,
        )
    except ValueError as error:
        raise ValidationError(str(error)) from error
    # The IBANs read, one entry per person (as core.audit.audit_read writes it), at once.
    audit_many(
        [
            build_entry(
                actor=by, action=AuditAction.READ, target=payslip.employee, detail="iban, bic"
            )
            for payslip, _transfer in plan.transfers
        ]
    )
    audit(
        actor=by,
        action=AuditAction.EXPORT,
        target=period,
        detail=_("Virements des salaires (pain.001) : %(count)s virements, %(id)s")
        % {"count": plan.count, "id": message_id},
    )
    return f"virements-salaires-{period.month:%Y-%m}-{message_id}.xml", document, plan
