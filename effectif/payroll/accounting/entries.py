"""The payroll entry of a period (écriture de paie centralisée): the gross pay and the
employer's charges in debit; the net to pay, the withholding tax and each body's contributions
in credit, on the accounts of the employer's `AccountingSettings`.

Per computed payslip:
- debit: gross pay (641); each line's employer part on the account of its kind of charge (645,
  631, 633; reductions lower it); the exempt expense allowances (625); the IJSS the employer
  receives by subrogation and pays over (4387); the rest of the employer cost (647: the
  employer's exempt share of meal vouchers, the public-transport reimbursement);
- credit: the net paid (421); the withholding tax (4421); each line's employee and employer
  parts on the account of the body that collects it (431, 437, 447…; `bodies.py`); the
  benefits in kind, part of the gross pay but not paid in money (791); the face value of the
  meal vouchers handed out (4386).

Debit equals credit when the payslip's totals are the sums of its lines and its net follows
from them; `check_balanced` refuses, in French, entries that are off by a cent.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from effectif.payroll.accounting.bodies import BODY_LABELS, CHARGE_LABELS, placement
from effectif.payroll.models import AccountingSettings, PayrollPeriod, Payslip, PayslipStatus
from effectif.rules.money import ZERO, round_amount
from effectif.rules.travel.wording import euros

#: The gross lines that are benefits in kind (paid in kind, not in money).
IN_KIND_CODES = frozenset({"avantage_nourriture", "avantage_logement", "avantage_vehicule"})

DEBIT, CREDIT = "debit", "credit"

_LABELS: Mapping[str, Any] = {
    "gross_account": gettext_lazy("Salaires bruts"),
    "expenses_account": gettext_lazy("Frais professionnels remboursés"),
    "subrogation_account": gettext_lazy("Indemnités journalières (subrogation)"),
    "other_social_charges_account": gettext_lazy("Autres charges sociales"),
    "net_pay_account": gettext_lazy("Net à payer aux salariés"),
    "withholding_account": gettext_lazy("Prélèvement à la source"),
    "benefits_in_kind_account": gettext_lazy("Avantages en nature"),
    "meal_vouchers_account": gettext_lazy("Titres-restaurant remis"),
}


@dataclass(frozen=True)
class EntryLine:
    account: str
    label: str
    debit: Decimal
    credit: Decimal


@dataclass(frozen=True)
class Entries:
    journal_code: str
    entry_date: dt.date
    reference: str
    lines: tuple[EntryLine, ...]
    payslip_count: int

    @property
    def debit_total(self) -> Decimal:
        return sum((line.debit for line in self.lines), ZERO)

    @property
    def credit_total(self) -> Decimal:
        return sum((line.credit for line in self.lines), ZERO)

    @property
    def is_balanced(self) -> bool:
        return round_amount(self.debit_total) == round_amount(self.credit_total) and all(
            line.debit == round_amount(line.debit) and line.credit == round_amount(line.credit)
            for line in self.lines
        )


def accounting_settings(employer_id: int) -> AccountingSettings:
    """The employer's accounts, or the defaults of the plan comptable général (not saved)."""
    found = AccountingSettings.objects.filter(employer_id=employer_id).first()
    return found if found is not None else AccountingSettings(employer_id=employer_id)


def _amount(value: Any) -> Decimal:
    return Decimal(str(value)) if value not in (None, "") else ZERO


class _Ledger:
    """Amounts summed per side, account field (or account) and label."""

    def __init__(self, accounts: AccountingSettings) -> None:
        self.accounts = accounts
        self.sums: dict[tuple[str, str, Any], Decimal] = defaultdict(lambda: ZERO)

    def add(self, side: str, field: str, amount: Decimal, label: Any = None) -> None:
        """Add `amount` to `field`'s account; `label` (a key of BODY_LABELS or CHARGE_LABELS)
        names the line, else the field's label. Labels are translated once, in `lines`."""
        if amount:
            self.sums[(side, field, label if label is not None else field)] += amount

    def lines(self) -> tuple[EntryLine, ...]:
        debits: list[EntryLine] = []
        credits: list[EntryLine] = []
        labels: Mapping[Any, Any] = {**_LABELS, **BODY_LABELS, **CHARGE_LABELS}
        totals: dict[tuple[str, str, str], Decimal] = defaultdict(lambda: ZERO)
        for (side, field, key), amount in self.sums.items():
            totals[(side, getattr(self.accounts, field), str(labels[key]))] += amount
        for (side, account, label), amount in totals.items():
            if not amount:
                continue
            # A negative amount (a reduction larger than the charges) goes to the other side.
            if (side == DEBIT) == (amount > 0):
                debits.append(EntryLine(account, label, abs(amount), ZERO))
            else:
                credits.append(EntryLine(account, label, ZERO, abs(amount)))
        return tuple(
            sorted(debits, key=lambda e: (e.account, e.label))
            + sorted(credits, key=lambda e: (e.account, e.label))
        )


def _post(ledger: _Ledger, payslip: Payslip) -> None:
    result, variables = payslip.result, payslip.engine_input.get("variables", {})
    employer_total = ZERO
    for line in result.get("lines", []):
        body, charge = placement(line["code"], line.get("dsn"))
        employer = _amount(line.get("employer_amount"))
        employer_total += employer
        ledger.add(DEBIT, charge.value, employer, charge)
        ledger.add(CREDIT, body.value, _amount(line.get("employee_amount")) + employer, body)
    expenses = _amount(variables.get("expense_allowance_amount"))
    ledger.add(DEBIT, "gross_account", payslip.gross_amount)
    ledger.add(DEBIT, "expenses_account", expenses)
    ledger.add(
        DEBIT,
        "subrogation_account",
        sum((_amount(line.get("amount")) for line in result.get("after_net_lines", [])), ZERO),
    )
    ledger.add(
        DEBIT,
        "other_social_charges_account",
        payslip.employer_cost_amount - payslip.gross_amount - employer_total - expenses,
    )
    ledger.add(CREDIT, "net_pay_account", payslip.net_paid_amount)
    ledger.add(CREDIT, "withholding_account", payslip.withheld_amount)
    ledger.add(
        CREDIT,
        "benefits_in_kind_account",
        sum(
            (
                _amount(line.get("amount"))
                for line in result.get("gross_lines", [])
                if line.get("code") in IN_KIND_CODES
            ),
            ZERO,
        ),
    )
    ledger.add(
        CREDIT,
        "meal_vouchers_account",
        int(variables.get("meal_vouchers") or 0)
        * _amount(variables.get("meal_voucher_face_amount")),
    )


def computed_payslips(period: PayrollPeriod) -> QuerySet[Payslip]:
    return Payslip.objects.filter(period=period, status=PayslipStatus.COMPUTED).only(
        "pk", "result", "engine_input", *Payslip.AMOUNT_FIELDS
    )


def entries_of(
    period: PayrollPeriod,
    accounts: AccountingSettings,
    payslips: Iterable[Payslip] | None = None,
) -> Entries:
    """The period's entry, summed over its computed payslips (or `payslips`)."""
    ledger = _Ledger(accounts)
    count = 0
    for payslip in computed_payslips(period).iterator() if payslips is None else payslips:
        _post(ledger, payslip)
        count += 1
    return Entries(
        journal_code=accounts.journal_code,
        entry_date=period.last_day,
        reference=f"PAIE-{period.month:%Y-%m}",
        lines=ledger.lines(),
        payslip_count=count,
    )


def check_balanced(entries: Entries) -> Entries:
    """`entries` if debit equals credit to the cent; a French ValidationError otherwise."""
    if not entries.lines:
        raise ValidationError(_("Aucun bulletin calculé : il n'y a pas d'écriture à exporter."))
    if not entries.is_balanced:
        raise ValidationError(
            _(
                "Les écritures ne sont pas équilibrées : débit %(debit)s, crédit %(credit)s "
                "(écart %(gap)s). L'export est refusé ; recalculez la période ou signalez "
                "l'écart."
            )
            % {
                "debit": euros(entries.debit_total),
                "credit": euros(entries.credit_total),
                "gap": euros(entries.debit_total - entries.credit_total),
            }
        )
    return entries
