"""The checks run after each computation (détection des anomalies). Each finding says what is
wrong and how to fix it; a blocking one stops validation, a warning can be acknowledged.

The findings of the previous computation are replaced, but an acknowledgement is kept when the
same finding (same check, same person) comes back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from effectif.contracts.models import Contract
from effectif.payroll.facts import PAYROLL_KINDS
from effectif.payroll.models import (
    Anomaly,
    EmployerPayrollSettings,
    PayrollPeriod,
    Payslip,
    PayslipStatus,
    Severity,
)
from effectif.rules.contracts.kinds import ContractKind
from effectif.rules.money import round_amount
from effectif.rules.payroll import month_parameters
from effectif.rules.payroll.inputs import AbsenceMethod

ZERO = Decimal(0)

#: Work-study contracts: their minimum is a share of the SMIC by age and year of the contract
#: (C. trav. D6222-26, D6325-15), not the SMIC itself; the SMIC check leaves them out.
WORK_STUDY_KINDS = frozenset({ContractKind.APPRENTICESHIP, ContractKind.PROFESSIONALISATION})


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    fix: str
    payslip: Payslip | None = None
    employee_id: int | None = None


def _money(value: Decimal) -> str:
    return f"{value:,.2f} €".replace(",", " ").replace(".", ",")


def _payslip_findings(
    payslip: Payslip, previous: dict[int, Decimal], threshold: Decimal, smic_hourly: Decimal
) -> Iterator[Finding]:
    def found(code: str, severity: Severity, message: str, fix: str) -> Finding:
        return Finding(code, severity, message, fix, payslip, payslip.employee_id)

    employee = payslip.employee
    if payslip.status == PayslipStatus.FAILED:
        yield found(
            "calcul_impossible",
            Severity.BLOCKING,
            _("Le bulletin n'a pas pu être calculé : %(error)s") % {"error": payslip.error},
            _("Corrigez le contrat ou les éléments indiqués, puis relancez le calcul."),
        )
        return
    if payslip.net_paid_amount <= 0:
        yield found(
            "net_negatif",
            Severity.BLOCKING,
            _("Le net à payer est nul ou négatif (%(net)s).")
            % {"net": _money(payslip.net_paid_amount)},
            _("Vérifiez les absences et les retenues du mois."),
        )
    if payslip.net_paid_amount > payslip.gross_amount + _reimbursed(payslip) + _after_net(payslip):
        yield found(
            "net_superieur_brut",
            Severity.BLOCKING,
            _(
                "Le net à payer (%(net)s) dépasse le brut (%(gross)s) hors remboursements et "
                "indemnités journalières subrogées."
            )
            % {"net": _money(payslip.net_paid_amount), "gross": _money(payslip.gross_amount)},
            _("Vérifiez les éléments non soumis (frais, indemnités)."),
        )
    hours = _paid_hours(payslip)
    work_study = payslip.contract is not None and payslip.contract.kind in WORK_STUDY_KINDS
    if hours and not work_study and payslip.gross_amount / hours < smic_hourly:
        yield found(
            "sous_smic",
            Severity.BLOCKING,
            _("Le salaire horaire (%(rate)s de l'heure) est inférieur au SMIC (%(smic)s).")
            % {
                "rate": _money(round_amount(payslip.gross_amount / hours)),
                "smic": _money(smic_hourly),
            },
            _("Mettez le salaire du contrat au moins au SMIC (C. trav. L3231-2)."),
        )
    before = previous.get(employee.pk)
    if before and before > 0:
        change = (payslip.net_paid_amount - before) / before
        if abs(change) > threshold:
            yield found(
                "variation",
                Severity.WARNING,
                _(
                    "Le net à payer varie de %(change)s %% par rapport au mois précédent (%(before)s)."
                )
                % {"change": f"{change * 100:+.0f}", "before": _money(before)},
                _(
                    "Vérifiez les éléments du mois ; prenez en compte si la variation est justifiée."
                ),
            )
    if not employee.iban:
        yield found(
            "iban_manquant",
            Severity.BLOCKING,
            _("Le salarié n'a pas d'IBAN : le virement du salaire est impossible."),
            _("Saisissez l'IBAN dans le dossier du salarié (coordonnées bancaires)."),
        )
    if payslip.result.get("withholding", {}).get("neutral"):
        yield found(
            "taux_neutre",
            Severity.WARNING,
            _("Le taux neutre de prélèvement à la source est appliqué."),
            _(
                "Saisissez le taux notifié par l'administration fiscale dans les paramètres de paie "
                "du salarié dès qu'il est connu."
            ),
        )
    employer_input = payslip.engine_input.get("employer", {})
    if Decimal(employer_input.get("at_rate", "0")) == 0:
        yield found(
            "taux_at_manquant",
            Severity.BLOCKING,
            _("Aucun taux AT/MP : l'établissement du contrat n'en a pas."),
            _("Indiquez le taux notifié par la CARSAT sur la fiche de l'établissement."),
        )


def _reimbursed(payslip: Payslip) -> Decimal:
    variables = payslip.engine_input.get("variables", {})
    return Decimal(variables.get("expense_allowance_amount", "0"))


def _after_net(payslip: Payslip) -> Decimal:
    """What is paid after the net outside gross pay: the IJSS received by subrogation, net of
    the CSG/CRDS the CPAM withheld on them."""
    lines = payslip.result.get("after_net_lines", [])
    return sum((Decimal(line["amount"]) for line in lines), ZERO)


def _paid_hours(payslip: Payslip) -> Decimal:
    """The hours the month's gross pays for (contract hours and overtime, less the hours of
    the absences and stops deducted, in the share of the month the employer's method takes);
    none for a forfait."""
    employee = payslip.engine_input.get("employee", {})
    if employee.get("forfait_days") or employee.get("entry_date") or employee.get("exit_date"):
        return ZERO
    variables = payslip.engine_input.get("variables", {})
    contract_hours = Decimal(employee.get("monthly_hours", "0"))
    hours = contract_hours
    for name in (
        "overtime_hours_25",
        "overtime_hours_50",
        "complementary_hours_10",
        "complementary_hours_25",
    ):
        hours += Decimal(variables.get(name, "0"))
    stops = variables.get("sick_leaves", [])
    absent_hours = Decimal(variables.get("absence_hours", "0"))
    absent_days = Decimal(variables.get("absence_days", "0"))
    absent_hours += sum((Decimal(stop["absence_hours"]) for stop in stops), ZERO)
    absent_days += sum((Decimal(stop["absence_days"]) for stop in stops), ZERO)
    method = payslip.engine_input.get("employer", {}).get("absence_method")
    month_hours = variables.get("month_workable_hours")
    month_days = variables.get("month_working_days")
    if method == AbsenceMethod.WORKING_DAYS and month_days and Decimal(month_days):
        hours -= contract_hours * absent_days / Decimal(month_days)
    elif method == AbsenceMethod.ACTUAL_HOURS and month_hours and Decimal(month_hours):
        hours -= contract_hours * absent_hours / Decimal(month_hours)
    else:
        hours -= absent_hours
    return hours if hours > 0 else ZERO


def _period_findings(contracts: list[Contract], paid: set[int]) -> Iterator[Finding]:
    """People under contract in the month without a payslip, and why."""
    seen: set[int] = set()
    for contract in contracts:
        employee_id = contract.employee_id
        if employee_id in paid or employee_id in seen:
            continue
        seen.add(employee_id)
        unsupported = contract.kind not in PAYROLL_KINDS
        yield Finding(
            "sans_bulletin",
            Severity.WARNING if unsupported else Severity.BLOCKING,
            (
                _(
                    "%(name)s est présent ce mois-ci sans bulletin : %(kind)s n'est pas payé par "
                    "cette paie."
                )
                if unsupported
                else _(
                    "%(name)s est présent ce mois-ci sans bulletin : son contrat n'a pas de "
                    "conditions (salaire, temps de travail) en vigueur."
                )
            )
            % {"name": contract.employee.display_name, "kind": contract.get_kind_display()},
            _("Vérifiez le contrat dans le dossier du salarié."),
            employee_id=employee_id,
        )


def _previous_nets(period: PayrollPeriod) -> dict[int, Decimal]:
    before = (
        PayrollPeriod.objects.filter(employer_id=period.employer_id, month__lt=period.month)
        .order_by("-month")
        .first()
    )
    if before is None:
        return {}
    return dict(
        Payslip.objects.filter(period=before, status=PayslipStatus.COMPUTED).values_list(
            "employee_id", "net_paid_amount"
        )
    )


def findings(
    period: PayrollPeriod, payslips: list[Payslip], contracts: list[Contract]
) -> list[Finding]:
    """The findings of a computation, on its payslips before they are stored; each payslip's
    counts of blocking anomalies and warnings are set on it."""
    settings = EmployerPayrollSettings.objects.filter(employer_id=period.employer_id).first()
    threshold = settings.variation_threshold if settings else Decimal("0.20")
    smic_hourly = month_parameters(period.month).smic_hourly
    previous = _previous_nets(period)
    found = list(_period_findings(contracts, {p.employee_id for p in payslips}))
    for payslip in payslips:
        own = list(_payslip_findings(payslip, previous, threshold, smic_hourly))
        payslip.blocking_count = sum(1 for f in own if f.severity == Severity.BLOCKING)
        payslip.warning_count = len(own) - payslip.blocking_count
        found.extend(own)
    return found


def store(period: PayrollPeriod, found: list[Finding]) -> int:
    """Replace the period's anomalies by `found` (its payslips stored), keeping the
    acknowledgement of a warning that comes back (same check, same person)."""
    acknowledged = {
        (a.code, a.employee_id): a
        for a in Anomaly.objects.filter(period=period, acknowledged_at__isnull=False)
    }
    Anomaly.objects.filter(period=period).delete()
    rows = []
    for finding in found:
        kept = acknowledged.get((finding.code, finding.employee_id))
        row = Anomaly(
            period=period,
            payslip=finding.payslip,
            employee_id=finding.employee_id,
            code=finding.code,
            severity=finding.severity,
            message=finding.message[:400],
            fix=finding.fix[:400],
        )
        if kept is not None and finding.severity == Severity.WARNING:
            row.acknowledged_by_id = kept.acknowledged_by_id
            row.acknowledged_at = kept.acknowledged_at
            row.acknowledgement = kept.acknowledgement
        rows.append(row)
    Anomaly.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
