"""Reimbursing checked expense reports: with the payroll of a month (non-taxable elements, the
excess over the URSSAF limits as a taxable one), or by a SEPA credit transfer file (pain.001)
built by `effectif.rules.sepa.credit_transfer` (checked against the official schema) from the
employer's account and each employee's IBAN.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit, audit_read, audit_update, snapshot
from effectif.core.models import AuditAction
from effectif.core.roles import is_hr
from effectif.core.services import save_audited
from effectif.organisation.models import Employer
from effectif.rules.sepa.credit_transfer import Party, Transfer, credit_transfer_xml
from effectif.travel.models import (
    ExpenseReport,
    ExpenseStatus,
    PaymentBatch,
    ReimbursementMethod,
    TravelPolicy,
)
from effectif.travel.permissions import can_reimburse
from effectif.travel.services.expenses import REPORT_FIELDS

if TYPE_CHECKING:
    from effectif.accounts.models import User

BATCH_FIELDS = ["employer", "message_id", "execution_date", "total_amount", "transfer_count"]


def _locked(report: ExpenseReport) -> ExpenseReport:
    return (
        ExpenseReport.objects.select_for_update(of=("self",))
        .select_related("employer", "employee")
        .get(pk=report.pk)
    )


def _save(report: ExpenseReport, by: User, before: dict[str, str], detail: str) -> None:
    report.full_clean()
    report.save()
    audit_update(
        actor=by, target=report, before=before, after=snapshot(report, REPORT_FIELDS), detail=detail
    )


@transaction.atomic
def reimbursement_choose(
    *, report: ExpenseReport, method: str, payroll_month: dt.date | None, by: User
) -> ExpenseReport:
    """HR choose how a checked report is paid: with the payroll of a month, or by transfer."""
    report = _locked(report)
    if not can_reimburse(by, report):
        raise PermissionDenied
    if method == ReimbursementMethod.PAYROLL:
        if payroll_month is None:
            raise ValidationError({"payroll_month": [_("Indiquez le mois de paie.")]})
        payroll_month = payroll_month.replace(day=1)
    elif method == ReimbursementMethod.TRANSFER:
        payroll_month = None
    else:
        raise ValidationError({"method": [_("Choisissez le mode de remboursement.")]})
    before = snapshot(report, REPORT_FIELDS)
    report.reimbursement_method = method
    report.payroll_month = payroll_month
    _save(report, by, before, _("Mode de remboursement choisi"))
    return report


@transaction.atomic
def payroll_hand_over(*, employer: Employer, month: dt.date, by: User) -> list[ExpenseReport]:
    """The payroll of `month` pays the checked reports assigned to it: they become reimbursed."""
    if not is_hr(by):
        raise PermissionDenied
    month = month.replace(day=1)
    reports = list(
        ExpenseReport.objects.select_for_update()
        .filter(
            employer=employer,
            status=ExpenseStatus.CHECKED,
            reimbursement_method=ReimbursementMethod.PAYROLL,
            payroll_month=month,
        )
        .select_related("employee")
    )
    if not reports:
        raise ValidationError(_("Aucune note de frais à transmettre à la paie de ce mois."))
    now = timezone.now()
    for report in reports:
        before = snapshot(report, REPORT_FIELDS)
        report.status = ExpenseStatus.REIMBURSED
        report.reimbursed_at = now
        _save(report, by, before, _("Remboursée avec la paie de %(m)s") % {"m": f"{month:%m/%Y}"})
    return reports


def employer_debtor(employer: Employer) -> Party:
    """The employer's paying account, kept on its travel policy: the debtor of every transfer
    file it sends (expense reports, salaries)."""
    policy = TravelPolicy.objects.filter(employer=employer).first()
    if policy is None or not policy.debtor_iban or not policy.debtor_bic:
        raise ValidationError(
            _(
                "L'IBAN et le BIC du compte payeur de %(employer)s manquent : renseignez-les "
                "dans la politique de déplacement."
            )
            % {"employer": employer.name}
        )
    return Party(employer.name, policy.debtor_iban, policy.debtor_bic)


def _message_id(employer: Employer, now: dt.datetime) -> str:
    stamp = timezone.localtime(now).strftime("%Y%m%d%H%M%S")
    base = f"NF-{employer.pk}-{stamp}"
    suffix = PaymentBatch.objects.filter(message_id__startswith=base).count()
    return base if not suffix else f"{base}-{suffix + 1}"


@transaction.atomic
def sepa_batch_create(
    *,
    employer: Employer,
    reports: Sequence[ExpenseReport],
    execution_date: dt.date,
    by: User,
) -> PaymentBatch:
    """A pain.001 credit-transfer file paying the net of each chosen report to its employee.

    The debtor is the employer's account of the travel policy; each creditor's IBAN and BIC
    come from the personnel file (each read audited). The reports become reimbursed."""
    if not is_hr(by):
        raise PermissionDenied
    if not reports:
        raise ValidationError(_("Choisissez au moins une note de frais à rembourser."))
    if execution_date < timezone.localdate():
        raise ValidationError(
            {"execution_date": [_("La date d'exécution ne peut pas être dans le passé.")]}
        )
    locked = [_locked(report) for report in reports]
    for report in locked:
        if (
            report.employer_id != employer.pk
            or not can_reimburse(by, report)
            or report.reimbursement_method != ReimbursementMethod.TRANSFER
        ):
            raise ValidationError(
                _("La note %(ref)s n'est pas à rembourser par virement pour %(employer)s.")
                % {"ref": report.reference, "employer": employer.name}
            )
    debtor = employer_debtor(employer)
    missing = [r.employee.display_name for r in locked if not r.employee.iban or not r.employee.bic]
    if missing:
        raise ValidationError(
            _(
                "IBAN ou BIC absent du dossier de : %(names)s. Complétez le dossier avant le virement."
            )
            % {"names": ", ".join(sorted(set(missing)))}
        )
    now = timezone.now()
    message_id = _message_id(employer, now)
    transfers = []
    for report in locked:
        employee = report.employee
        audit_read(actor=by, target=employee, fields=["iban", "bic"])
        if report.payable_amount > 0:
            transfers.append(
                Transfer(
                    end_to_end_id=report.reference,
                    creditor=Party(employee.display_name, employee.iban, employee.bic),
                    amount=report.payable_amount,
                    remittance=f"Note de frais {report.reference}",
                )
            )
    if not transfers:
        raise ValidationError(_("Rien à virer : le net à rembourser de ces notes est nul."))
    try:
        xml = credit_transfer_xml(
            message_id=message_id,
            created_at=now,
            debtor=debtor,
            execution_date=execution_date,
            transfers=transfers,
        )
    except ValueError as error:
        raise ValidationError(str(error)) from error
    total = sum((t.amount for t in transfers), start=Decimal("0.00"))
    batch = save_audited(
        instance=PaymentBatch(
            employer=employer,
            message_id=message_id,
            execution_date=execution_date,
            total_amount=total,
            transfer_count=len(transfers),
            xml=xml.decode("utf-8"),
            created_by=by,
        ),
        by=by,
        fields=BATCH_FIELDS,
    )
    for report in locked:
        before = snapshot(report, REPORT_FIELDS)
        report.status = ExpenseStatus.REIMBURSED
        report.reimbursed_at = now
        report.payment_batch = batch
        _save(report, by, before, _("Remboursée par virement (%(id)s)") % {"id": message_id})
    return batch


def batch_downloaded(*, batch: PaymentBatch, by: User) -> None:
    """The file holds IBANs: each download is recorded."""
    audit(actor=by, action=AuditAction.EXPORT, target=batch, detail=_("Fichier pain.001"))
