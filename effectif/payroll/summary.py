"""The period's summary per establishment: headcount, gross, contributions, net paid and
employer cost, beside the previous month's, for the HR lead's monthly review."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Max, Q
from django.utils.translation import gettext as _

from effectif.contracts.models import ContractTerms
from effectif.payroll.facts import month_end
from effectif.payroll.models import PayrollPeriod, Payslip, PayslipStatus

ZERO = Decimal(0)
#: The sums of each row, in the order of the page's columns.
SUMMED = (
    "gross_amount",
    "employee_contributions_amount",
    "employer_contributions_amount",
    "net_paid_amount",
    "employer_cost_amount",
)


@dataclass
class Figures:
    headcount: int = 0
    amounts: dict[str, Decimal] = field(default_factory=lambda: dict.fromkeys(SUMMED, ZERO))

    def add(self, row: dict[str, Decimal]) -> None:
        self.headcount += 1
        for name in SUMMED:
            self.amounts[name] += row[name]


@dataclass
class Row:
    label: str
    current: Figures
    previous: Figures

    @property
    def cost_change(self) -> Decimal | None:
        """The change of the employer cost from the previous month, as a fraction."""
        before = self.previous.amounts["employer_cost_amount"]
        if not before:
            return None
        return (self.current.amounts["employer_cost_amount"] - before) / before


def _by_establishment(period: PayrollPeriod | None) -> dict[str, Figures]:
    if period is None:
        return {}
    rows = list(
        Payslip.objects.filter(period=period, status=PayslipStatus.COMPUTED).values(
            "contract_id", *SUMMED
        )
    )
    last = month_end(period.month)
    latest = (
        ContractTerms.objects.filter(
            contract_id__in={r["contract_id"] for r in rows}, effective_date__lte=last
        )
        .values("contract_id")
        .annotate(on=Max("effective_date"))
    )
    wanted = Q()
    for item in latest:
        wanted |= Q(contract_id=item["contract_id"], effective_date=item["on"])
    names = (
        {
            contract_id: name or ""
            for contract_id, name in ContractTerms.objects.filter(wanted).values_list(
                "contract_id", "establishment__name"
            )
        }
        if latest
        else {}
    )
    figures: dict[str, Figures] = defaultdict(Figures)
    for row in rows:
        figures[names.get(row["contract_id"], "")].add(row)
    return figures


def period_summary(period: PayrollPeriod) -> tuple[list[Row], Row, PayrollPeriod | None]:
    """Each establishment's row, the total, and the previous period compared with."""
    previous = (
        PayrollPeriod.objects.filter(employer_id=period.employer_id, month__lt=period.month)
        .order_by("-month")
        .first()
    )
    now, before = _by_establishment(period), _by_establishment(previous)
    rows = [
        Row(
            label or _("Sans établissement"),
            now.get(label, Figures()),
            before.get(label, Figures()),
        )
        for label in sorted(set(now) | set(before))
    ]
    total = Row(_("Total"), Figures(), Figures())
    for row in rows:
        for side, part in ((total.current, row.current), (total.previous, row.previous)):
            side.headcount += part.headcount
            for name in SUMMED:
                side.amounts[name] += part.amounts[name]
    return rows, total, previous
