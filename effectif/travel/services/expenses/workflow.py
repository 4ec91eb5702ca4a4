"""The report's workflow: submit (the lines are checked), decide each line (accept, reduce,
reject), approve as the manager, check as HR (exempt and taxable parts, advance deducted),
or reject."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit_update, snapshot
from effectif.core.services import save_audited
from effectif.rules.money import ZERO, round_amount
from effectif.rules.parameters.travel import parameters_version
from effectif.rules.travel.checks import split_exempt
from effectif.travel.models import (
    ExpenseCategory,
    ExpenseLine,
    ExpenseReport,
    ExpenseStatus,
    LineDecision,
)
from effectif.travel.permissions import (
    can_approve_report_as_manager,
    can_check_report,
    can_edit_report,
)
from effectif.travel.services.checking import (
    anomalies_today,
    awaiting_on_same_dates,
    line_facts,
    reports_check,
)
from effectif.travel.services.expenses.lines import LINE_FIELDS, price_mileage
from effectif.travel.services.expenses.reports import REPORT_FIELDS, locked_report
from effectif.travel.services.numbering import amount_fr

if TYPE_CHECKING:
    from effectif.accounts.models import User

#: A decision's audited fields: its version moves with every change and says nothing more.
DECISION_FIELDS = [name for name in LINE_FIELDS if name != "version"]


def _unchanged(seen: ExpenseReport, current: ExpenseReport) -> None:
    """Refuse to act on a report whose status moved since the caller read it (`seen`): two
    approvers on the same report, or the same button sent twice, decide it once."""
    if seen.status != current.status:
        raise ValidationError(
            {
                "status": [
                    _(
                        "Cette note de frais a changé entre-temps : elle est maintenant "
                        "« %(status)s ». Rechargez la page avant d'agir."
                    )
                    % {"status": current.get_status_display()}
                ]
            }
        )


def _sync(seen: ExpenseReport, current: ExpenseReport) -> None:
    """The caller's copy of the report as the service left it (a next step on it is then not
    taken for one on a report that changed meanwhile)."""
    if seen is not current:
        for field in current._meta.concrete_fields:
            setattr(seen, field.attname, getattr(current, field.attname))


def _line_changed(line: ExpenseLine) -> str:
    if line.decided_by is None:
        return _(
            "Cette ligne a été modifiée entre-temps : rechargez la page pour voir sa décision "
            "actuelle avant de décider."
        )
    who = line.decided_by.get_full_name() or line.decided_by.get_username()
    return _(
        "Cette ligne a été modifiée par %(name)s entre-temps : rechargez la page pour voir sa "
        "décision actuelle avant de décider."
    ) % {"name": who}


def _transition(report: ExpenseReport, by: User, before: dict[str, str], detail: str) -> None:
    report.full_clean()
    report.save()
    audit_update(
        actor=by,
        target=report,
        before=before,
        after=snapshot(report, REPORT_FIELDS),
        detail=detail,
    )


def _reprice_mileage(report: ExpenseReport, by: User) -> None:
    """Price the mileage lines again in date order: an earlier line may have changed the
    year's cumulative kilometres since they were typed."""
    lines = report.lines.filter(category=ExpenseCategory.MILEAGE).select_related("vehicle")
    for line in lines.order_by("expense_date", "pk"):
        if line.vehicle is None or line.distance_km is None:
            continue
        before = snapshot(line, ["amount", "computation"])
        price_mileage(line, report.employee_id)
        after = snapshot(line, ["amount", "computation"])
        if after != before:
            line.version += 1
            line.save(
                update_fields=["amount", "vat_amount", "computation", "version", "updated_at"]
            )
            audit_update(actor=by, target=line, before=before, after=after)


@transaction.atomic
def report_submit(*, report: ExpenseReport, by: User) -> ExpenseReport:
    """Send the draft to the manager; its lines are checked and their anomalies stored."""
    seen, report = report, locked_report(report)
    if not can_edit_report(by, report):
        raise ValidationError(_("Seul un brouillon peut être soumis, par son auteur ou les RH."))
    if not report.lines.exists():
        raise ValidationError(_("Ajoutez au moins une dépense avant de soumettre la note."))
    _reprice_mileage(report, by)
    before = snapshot(report, REPORT_FIELDS)
    report.status = ExpenseStatus.SUBMITTED
    report.submitted_at = timezone.now()
    report.decision_comment = ""
    report.accepted_amount = round_amount(
        Decimal(report.lines.aggregate(total=Sum("amount"))["total"] or 0)
    )
    _transition(report, by, before, _("Note de frais soumise"))
    report.lines.update(
        decision=LineDecision.PENDING,
        accepted_amount=None,
        decided_by=None,
        version=F("version") + 1,
    )
    # Its lines, and those of the same employee's reports awaiting a decision on the same
    # dates: a duplicate flags both sides.
    reports_check(
        reports=ExpenseReport.objects.filter(
            Q(pk=report.pk) | Q(pk__in=awaiting_on_same_dates(report).values("pk"))
        ),
        by=by,
    )
    _sync(seen, report)
    return report


def checks_today(*, report: ExpenseReport) -> dict[int, list[dict[str, Any]]]:
    """The anomalies of the report's lines as the checks find them today (a duplicate may
    have come in with another report since), for the approver's page: computed for display,
    neither stored nor audited — reading a report writes nothing. The stored anomalies are
    kept right by the writes that change them (see `effectif.travel.services.checking`)."""
    return anomalies_today(ExpenseReport.objects.filter(pk=report.pk))


def _recheck(report: ExpenseReport, by: User) -> None:
    """Store the anomalies of the report's lines as found now, before deciding on it (the
    policy or the public holidays may have changed since its submission)."""
    reports_check(reports=ExpenseReport.objects.filter(pk=report.pk), by=by)


def can_decide_lines(user: User, report: ExpenseReport) -> bool:
    return can_approve_report_as_manager(user, report) or can_check_report(user, report)


@transaction.atomic
def line_decide(
    *,
    line: ExpenseLine,
    decision: str,
    accepted_amount: Decimal | None = None,
    comment: str = "",
    by: User,
    version: int | None = None,
) -> ExpenseLine:
    """The approver accepts a line, reduces it (the accepted amount below the amount) or
    rejects it; a reduction or a rejection says why.

    `version`: the line's version the approver read (the decision form and the API send it
    back). When the line has changed since (another approver's decision, the approval that
    accepted it), the decision is refused, naming who changed it, and nothing is written.
    The report's row is locked first, then the line's: decisions on one report follow one
    another."""
    report = locked_report(line.report)
    _unchanged(line.report, report)
    if not can_decide_lines(by, report):
        raise PermissionDenied
    line = (
        ExpenseLine.objects.select_for_update(of=("self",))
        .select_related("decided_by")
        .get(pk=line.pk, report=report)
    )
    line.report = report
    if version is not None and line.version != version:
        raise ValidationError({"version": [_line_changed(line)]})
    comment = comment.strip()
    errors: dict[str, list[str]] = {}
    if decision == LineDecision.ACCEPTED:
        accepted = line.amount
    elif decision == LineDecision.REDUCED:
        accepted = accepted_amount if accepted_amount is not None else line.amount
        if accepted_amount is None:
            errors["accepted_amount"] = [_("Indiquez le montant accepté.")]
        elif accepted_amount < 0:
            errors["accepted_amount"] = [_("Le montant accepté ne peut pas être négatif.")]
        elif accepted_amount >= line.amount:
            errors["accepted_amount"] = [
                _("Une réduction accepte moins que le montant de la ligne (%(amount)s €).")
                % {"amount": amount_fr(line.amount)}
            ]
    elif decision == LineDecision.REJECTED:
        accepted = ZERO
    else:
        raise ValidationError({"decision": [_("Choisissez une décision.")]})
    if decision != LineDecision.ACCEPTED and not comment:
        errors["comment"] = [_("Expliquez la réduction ou le rejet dans un commentaire.")]
    if errors:
        raise ValidationError(errors)
    line.decision = decision
    line.accepted_amount = round_amount(accepted)
    line.decision_comment = comment[:300]
    line.decided_by = by
    line.version += 1
    return save_audited(instance=line, by=by, fields=DECISION_FIELDS)


def _accept_pending(report: ExpenseReport, by: User) -> None:
    """Lines left undecided are accepted as they are by the approval."""
    for line in report.lines.filter(decision=LineDecision.PENDING):
        before = snapshot(line, ["decision", "accepted_amount"])
        line.decision = LineDecision.ACCEPTED
        line.accepted_amount = line.amount
        line.decided_by = by
        line.version += 1
        line.save(
            update_fields=["decision", "accepted_amount", "decided_by", "version", "updated_at"]
        )
        audit_update(actor=by, target=line, before=before, after=snapshot(line, list(before)))


def _accepted_total(report: ExpenseReport) -> Decimal:
    total = report.lines.exclude(decision=LineDecision.REJECTED).aggregate(
        total=Sum("accepted_amount")
    )["total"]
    return round_amount(Decimal(total or 0))


@transaction.atomic
def report_approve(*, report: ExpenseReport, by: User, comment: str = "") -> ExpenseReport:
    """The manager's approval (HR's, for whom has no manager): undecided lines are accepted."""
    seen, report = report, locked_report(report)
    _unchanged(seen, report)
    if not can_approve_report_as_manager(by, report):
        raise PermissionDenied
    _recheck(report, by)
    _accept_pending(report, by)
    if not report.lines.exclude(decision=LineDecision.REJECTED).exists():
        raise ValidationError(
            _("Toutes les lignes sont rejetées : refusez plutôt la note de frais.")
        )
    before = snapshot(report, REPORT_FIELDS)
    report.status = ExpenseStatus.MANAGER_APPROVED
    report.manager_decided_by = by
    report.manager_decided_at = timezone.now()
    report.accepted_amount = _accepted_total(report)
    if comment.strip():
        report.decision_comment = comment.strip()[:2000]
    _transition(report, by, before, _("Note de frais validée par le manager"))
    _sync(seen, report)
    return report


def _advance_left(report: ExpenseReport) -> Decimal:
    """The trip's advance not yet deducted from another report of the same trip."""
    if report.trip is None:
        return ZERO
    used = (
        ExpenseReport.objects.filter(
            trip=report.trip,
            status__in=(ExpenseStatus.CHECKED, ExpenseStatus.REIMBURSED),
        )
        .exclude(pk=report.pk)
        .aggregate(total=Sum("advance_deducted_amount"))["total"]
    )
    return max(report.trip.advance_paid_amount - round_amount(Decimal(used or 0)), ZERO)


@transaction.atomic
def report_check(*, report: ExpenseReport, by: User, comment: str = "") -> ExpenseReport:
    """HR's check: each accepted amount is split into its exempt part and the excess over
    the URSSAF limits (subject to contributions); the trip's advance is deducted (never more
    than what is accepted); the net to reimburse and the parameters' version are recorded."""
    seen, report = report, locked_report(report)
    _unchanged(seen, report)
    if not can_check_report(by, report):
        raise PermissionDenied
    _recheck(report, by)
    _accept_pending(report, by)
    lines = list(report.lines.select_related("report", "report__trip"))
    exempt_total, taxable_total, accepted_total = ZERO, ZERO, ZERO
    for line in lines:
        before = snapshot(line, ["exempt_amount", "taxable_amount"])
        if line.decision == LineDecision.REJECTED or line.accepted_amount is None:
            line.exempt_amount, line.taxable_amount = ZERO, ZERO
        else:
            split = split_exempt(line_facts(line), line.accepted_amount)
            line.exempt_amount, line.taxable_amount = split.exempt, split.taxable
            accepted_total += line.accepted_amount
        exempt_total += line.exempt_amount
        taxable_total += line.taxable_amount
        line.version += 1
        line.save(update_fields=["exempt_amount", "taxable_amount", "version", "updated_at"])
        audit_update(actor=by, target=line, before=before, after=snapshot(line, list(before)))
    if accepted_total <= 0:
        raise ValidationError(_("Aucune dépense n'est acceptée : refusez plutôt la note de frais."))
    before = snapshot(report, REPORT_FIELDS)
    last_day = max((line.expense_date for line in lines), default=timezone.localdate())
    report.accepted_amount = accepted_total
    report.exempt_amount = exempt_total
    report.taxable_amount = taxable_total
    report.advance_deducted_amount = min(_advance_left(report), accepted_total)
    report.payable_amount = accepted_total - report.advance_deducted_amount
    report.parameters_version = parameters_version(last_day)
    report.status = ExpenseStatus.CHECKED
    report.checked_by = by
    report.checked_at = timezone.now()
    if comment.strip():
        report.decision_comment = comment.strip()[:2000]
    _transition(report, by, before, _("Note de frais contrôlée"))
    _sync(seen, report)
    return report


@transaction.atomic
def report_reject(*, report: ExpenseReport, by: User, comment: str) -> ExpenseReport:
    seen, report = report, locked_report(report)
    _unchanged(seen, report)
    if not can_decide_lines(by, report):
        raise PermissionDenied
    if not comment.strip():
        raise ValidationError({"comment": [_("Expliquez le refus dans un commentaire.")]})
    before = snapshot(report, REPORT_FIELDS)
    report.status = ExpenseStatus.REJECTED
    report.decision_comment = comment.strip()[:2000]
    if report.manager_decided_at is None:
        report.manager_decided_by = by
        report.manager_decided_at = timezone.now()
    _transition(report, by, before, _("Note de frais refusée"))
    # Its lines no longer count as duplicates of the same employee's other reports.
    reports_check(
        reports=ExpenseReport.objects.filter(pk__in=awaiting_on_same_dates(report).values("pk")),
        by=by,
    )
    _sync(seen, report)
    return report
