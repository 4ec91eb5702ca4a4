"""A computed payslip as stored: the engine's result and input as JSON (amounts as strings, so
that nothing is lost to floats), and back."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from effectif.rules.payroll.results import Heading
from effectif.rules.payroll.results import Payslip as Computed

#: Each dataclass's field names, read once per class (a period serialises thousands of lines).
_FIELDS: dict[type, tuple[str, ...]] = {}
_PLAIN = (str, int, bool, float)


def to_json(value: Any) -> Any:
    """Dataclasses, enums, dates and Decimals as JSON values (Decimal as its exact string)."""
    kind = type(value)
    if kind is Decimal:
        return str(value)
    if value is None or kind in _PLAIN:
        return value
    names = _FIELDS.get(kind)
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[kind] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: to_json(getattr(value, name)) for name in names}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def result_json(computed: Computed) -> dict[str, Any]:
    data: dict[str, Any] = to_json(computed)
    for line in data["lines"]:
        line["heading_label"] = Heading(line["heading"]).label
    return data


def amounts_of(computed: Computed) -> dict[str, Decimal]:
    """The totals kept in the payslip's columns."""
    return {
        "gross_amount": computed.gross_amount,
        "employee_contributions_amount": computed.employee_contributions_amount,
        "employer_contributions_amount": computed.employer_contributions_amount,
        "net_social_amount": computed.net_social_amount,
        "net_taxable_amount": computed.net_taxable_amount,
        "net_before_tax_amount": computed.net_before_tax_amount,
        "withheld_amount": computed.withholding.amount,
        "net_paid_amount": computed.net_paid_amount,
        "employer_cost_amount": computed.employer_cost_amount,
    }


def headings_of(result: dict[str, Any]) -> list[dict[str, Any]]:
    """A stored result's contribution lines grouped under their heading, in the order of the
    bulletin clarifié: `[{"label": …, "lines": […]}, …]`."""
    groups: dict[int, dict[str, Any]] = {}
    for line in result.get("lines", []):
        group = groups.setdefault(
            line["heading"], {"label": line.get("heading_label", ""), "lines": []}
        )
        group["lines"].append(line)
    return [groups[key] for key in sorted(groups)]
