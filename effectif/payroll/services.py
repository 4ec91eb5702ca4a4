"""Writes of payroll: opening a period, asking for its computation, manual elements, checking,
validating, closing and reopening. Each write is audited; a closed period refuses every change.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.services import save_audited
from effectif.payroll.catalogue import kind_of
from effectif.payroll.models import (
    Anomaly,
    ElementSource,
    EmployeePayrollSettings,
    EmployerPayrollSettings,
    PayrollElement,
    PayrollPeriod,
    PeriodStatus,
    Severity,
    TaskStatus,
)
from effectif.payroll.selectors import anomaly_counts

if TYPE_CHECKING:
    from effectif.accounts.models import User
    from effectif.employees.models import Employee
    from effectif.organisation.models import Employer


def _locked(period: PayrollPeriod) -> PayrollPeriod:
    return PayrollPeriod.objects.select_for_update().get(pk=period.pk)


def ensure_editable(period: PayrollPeriod) -> None:
    """Refuse, in French, any change to a closed or validated period."""
    if period.is_closed:
        raise ValidationError(
            _(
                "La période de %(month)s est close : rien ne peut y être modifié. Une correction "
                "se fait par un rappel sur un mois suivant."
            )
            % {"month": period.label}
        )
    if not period.is_editable:
        raise ValidationError(
            _("La période de %(month)s est validée : rouvrez-la pour la modifier.")
            % {"month": period.label}
        )


def _moved(
    period: PayrollPeriod, status: PeriodStatus, by: User, detail: str, **fields: object
) -> None:
    before = period.get_status_display()
    period.status = status
    for name, value in fields.items():
        setattr(period, name, value)
    period.save(update_fields=["status", "updated_at", *fields])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=period,
        changes={"status": [str(before), str(period.get_status_display())]},
        detail=detail,
    )


def period_open(
    *, employer: Employer, month: dt.date, pay_date: dt.date, cutoff_date: dt.date, by: User
) -> PayrollPeriod:
    """Open the employer's period for `month` (its first day)."""
    period = PayrollPeriod(
        employer=employer, month=month.replace(day=1), pay_date=pay_date, cutoff_date=cutoff_date
    )
    if PayrollPeriod.objects.filter(employer=employer, month=period.month).exists():
        raise ValidationError(
            {
                "month": _("La période de %(month)s existe déjà pour cet employeur.")
                % {"month": period.label}
            }
        )
    if pay_date < period.month:
        raise ValidationError({"pay_date": _("La paie ne peut être versée avant le mois payé.")})
    return save_audited(instance=period, by=by)


def computation_request(*, period: PayrollPeriod, by: User) -> PayrollPeriod:
    """Ask the worker to compute the period; a computation already waiting or running is the
    one the user gets (two users asking at once start one computation)."""
    with transaction.atomic():
        locked = _locked(period)
        ensure_editable(locked)
        if locked.is_running:
            return locked
        locked.task_status = TaskStatus.PENDING
        locked.progress_done = 0
        locked.task_error = ""
        locked.save(update_fields=["task_status", "progress_done", "task_error", "updated_at"])
        audit(actor=by, action=AuditAction.UPDATE, target=locked, detail="Calcul demandé")
        transaction.on_commit(lambda: _enqueue(locked.pk))
    return locked


def _enqueue(period_id: int) -> None:
    from effectif.payroll.tasks import compute_period

    result = compute_period.enqueue(period_id)
    PayrollPeriod.objects.filter(pk=period_id).update(task_id=str(result.id)[:64])


def element_add(
    *,
    period: PayrollPeriod,
    employee: Employee,
    code: str,
    by: User,
    quantity: Decimal | None = None,
    base_amount: Decimal | None = None,
    rate: Decimal | None = None,
    amount: Decimal | None = None,
    corrected_month: dt.date | None = None,
    comment: str = "",
    source: ElementSource = ElementSource.MANUAL,
) -> PayrollElement:
    """Enter an element by hand (or by import): checked against its kind, audited."""
    with transaction.atomic():
        locked = _locked(period)
        ensure_editable(locked)
        kind = kind_of(code)
        errors = element_errors(
            period=locked,
            employee=employee,
            code=code,
            quantity=quantity,
            amount=amount,
            rate=rate,
        )
        if errors:
            raise ValidationError(errors)
        assert kind is not None
        element = save_audited(
            instance=PayrollElement(
                period=locked,
                employee=employee,
                code=code,
                label=str(kind.label),
                quantity=quantity,
                base_amount=base_amount,
                rate=rate,
                amount=amount,
                corrected_month=corrected_month,
                comment=comment,
                source=source,
                created_by=by,
            ),
            by=by,
        )
        _changed(locked)
    return element


def element_errors(
    *,
    period: PayrollPeriod,
    employee: Employee,
    code: str,
    quantity: Decimal | None,
    amount: Decimal | None,
    rate: Decimal | None,
) -> dict[str, str]:
    """What is wrong with an element, by field, in French (the page, the API and the import)."""
    errors: dict[str, str] = {}
    kind = kind_of(code)
    if not code:
        errors["code"] = _("Indiquez le code de l'élément.")
    elif kind is None or not kind.manual:
        errors["code"] = _("Code d'élément inconnu : %(code)s.") % {"code": code}
    if employee.employer_id != period.employer_id:
        errors["employee"] = _("Ce salarié n'est pas de l'employeur de la période.")
    if kind is not None and kind.needs_amount and amount is None:
        errors["amount"] = _("Indiquez le montant.")
    if kind is not None and not kind.needs_amount and quantity is None:
        errors["quantity"] = _("Indiquez la quantité.")
    if quantity is not None and quantity < 0:
        errors["quantity"] = _("La quantité ne peut être négative.")
    if rate is not None and rate < 0:
        errors["rate"] = _("Le taux ne peut être négatif.")
    return errors


def element_delete(*, element: PayrollElement, by: User) -> None:
    with transaction.atomic():
        locked = _locked(element.period)
        ensure_editable(locked)
        if element.source not in (ElementSource.MANUAL, ElementSource.IMPORT):
            raise ValidationError(
                _("Cet élément vient de %(source)s : corrigez-le à sa source.")
                % {"source": element.source_label or element.get_source_display()}
            )
        audit(actor=by, action=AuditAction.DELETE, target=element)
        element.delete()
        _changed(locked)


def _changed(period: PayrollPeriod) -> None:
    """An element changed: the payslips are to be computed again before validation."""
    if period.status in (PeriodStatus.OPEN, PeriodStatus.COMPUTED, PeriodStatus.CHECKED):
        PayrollPeriod.objects.filter(pk=period.pk).update(status=PeriodStatus.COLLECTING)


def anomaly_acknowledge(*, anomaly: Anomaly, comment: str, by: User) -> Anomaly:
    """Take a warning into account, with a comment (a blocking anomaly must be fixed)."""
    with transaction.atomic():
        ensure_editable(_locked(anomaly.period))
        if anomaly.severity == Severity.BLOCKING:
            raise ValidationError(_("Une anomalie bloquante se corrige ; elle ne s'accepte pas."))
        if not comment.strip():
            raise ValidationError({"comment": _("Dites pourquoi l'anomalie est acceptée.")})
        anomaly.acknowledged_by = by
        anomaly.acknowledged_at = timezone.now()
        anomaly.acknowledgement = comment.strip()[:400]
        anomaly.save(
            update_fields=["acknowledged_by", "acknowledged_at", "acknowledgement", "updated_at"]
        )
        audit(
            actor=by,
            action=AuditAction.UPDATE,
            target=anomaly,
            detail=f"Anomalie acceptée : {anomaly.acknowledgement}",
        )
    return anomaly


def period_check(*, period: PayrollPeriod, by: User) -> PayrollPeriod:
    """Mark the computed period as checked: no blocking anomaly and every warning handled."""
    with transaction.atomic():
        locked = _locked(period)
        if locked.status != PeriodStatus.COMPUTED or locked.is_running:
            raise ValidationError(_("Seule une période calculée peut être contrôlée."))
        counts = anomaly_counts(locked)
        if counts["blocking"]:
            raise ValidationError(
                _("%(n)s anomalies bloquantes restent à corriger.") % {"n": counts["blocking"]}
            )
        waiting = counts["open_warnings"]
        if waiting:
            raise ValidationError(
                _(
                    "%(n)s avertissements restent à examiner : acceptez-les avec un commentaire "
                    "ou corrigez-les."
                )
                % {"n": waiting}
            )
        _moved(locked, PeriodStatus.CHECKED, by, "Période contrôlée")
    return locked


def period_validate(*, period: PayrollPeriod, by: User) -> PayrollPeriod:
    with transaction.atomic():
        locked = _locked(period)
        if locked.status != PeriodStatus.CHECKED:
            raise ValidationError(_("La période doit être contrôlée avant d'être validée."))
        _moved(
            locked,
            PeriodStatus.VALIDATED,
            by,
            "Période validée",
            validated_by=by,
            validated_at=timezone.now(),
        )
    return locked


def period_close(*, period: PayrollPeriod, by: User) -> PayrollPeriod:
    """Close the validated period: its payslips, elements and journal no longer change."""
    with transaction.atomic():
        locked = _locked(period)
        if locked.status != PeriodStatus.VALIDATED:
            raise ValidationError(_("Seule une période validée peut être close."))
        _moved(
            locked, PeriodStatus.CLOSED, by, "Période close", closed_by=by, closed_at=timezone.now()
        )
    return locked


def period_reopen(*, period: PayrollPeriod, reason: str, by: User) -> PayrollPeriod:
    """Reopen a validated or closed period (payroll lead only, checked by the view), with a
    reason kept in the audit trail; it goes back to computed."""
    with transaction.atomic():
        locked = _locked(period)
        if locked.status not in (PeriodStatus.VALIDATED, PeriodStatus.CLOSED):
            raise ValidationError(_("Seule une période validée ou close se rouvre."))
        if not reason.strip():
            raise ValidationError({"reason": _("Indiquez le motif de la réouverture.")})
        _moved(
            locked,
            PeriodStatus.COMPUTED,
            by,
            f"Période rouverte : {reason.strip()}"[:500],
            validated_by=None,
            validated_at=None,
            closed_by=None,
            closed_at=None,
        )
    return locked


def employee_settings_save(
    *, settings: EmployeePayrollSettings, by: User
) -> EmployeePayrollSettings:
    """Record a version of an employee's payroll settings (a version of the same date is
    replaced: it is a correction)."""
    with transaction.atomic():
        same_day = EmployeePayrollSettings.objects.filter(
            employee_id=settings.employee_id, effective_date=settings.effective_date
        ).first()
        if same_day is not None and settings.pk is None:
            for name in EmployeePayrollSettings.TYPED_FIELDS:
                setattr(same_day, name, getattr(settings, name))
            settings = same_day
        return save_audited(instance=settings, by=by)


def employer_settings_save(
    *, settings: EmployerPayrollSettings, by: User
) -> EmployerPayrollSettings:
    return save_audited(instance=settings, by=by)
