"""Every case of `reference_cases/` (expected figures from the URSSAF's modele-social rules,
cross-read against OpenFisca-France) matches within 0.05 € on every expected total.

How totals are compared: our totals are sums of lines each rounded to the cent, the reference's
are sums of unrounded lines, so a difference of a cent or two is the rounding of the lines; 0.05 €
is the tolerance of the issue. Our lines, grouped under the reference's codes (our tranche 1 and
tranche 2 lines make its single AGIRC-ARRCO line), match each of its lines within 0.02 €.

The reference takes one side on a point the law leaves open: it adds the employer's prévoyance
share to taxable pay, where we follow CGI art. 83 1° quater (deductible within limits). So the
cases run with `with_reference_conventions()`; the tests below also check that under our default
only the taxable-pay figures of the cases with employer prévoyance change, and by how much.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from effectif.rules.payroll.case_format import case_to_input, result_record
from effectif.rules.payroll.engine import compute_payslip
from effectif.rules.payroll.month_parameters import month_parameters
from effectif.rules.payroll.tests.reference_cases import (
    amounts_by_reference_code,
    reference_items,
)
from effectif.rules.payroll.withholding import neutral_rate

TOTAL_TOLERANCE = Decimal("0.05")
LINE_TOLERANCE = Decimal("0.02")
#: Expected figures that depend on whether the employer's prévoyance share is taxable.
TAXABLE_FIGURES = {"net_taxable", "pas_amount", "pas_rate", "net_after_tax"}

ITEMS = reference_items()


def test_the_reference_cases_are_there() -> None:
    assert len(ITEMS) >= 12


def _ids(items: list[dict[str, Any]]) -> list[str]:
    return [str(item["case"]["id"]) for item in items]


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_every_expected_total_matches_within_five_cents(item: dict[str, Any]) -> None:
    payslip_input = case_to_input(item["case"])
    params = month_parameters(payslip_input.period_date).with_reference_conventions()
    record = result_record(compute_payslip(payslip_input, params))
    for name, expected in item["expected"].items():
        if name == "lines":
            continue
        got = Decimal(str(record[name]))
        assert abs(got - expected) <= TOTAL_TOLERANCE, (name, expected, got)


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_every_line_matches_within_two_cents(item: dict[str, Any]) -> None:
    payslip_input = case_to_input(item["case"])
    params = month_parameters(payslip_input.period_date).with_reference_conventions()
    ours = amounts_by_reference_code(compute_payslip(payslip_input, params))
    theirs = {(line["code"], line["side"]): line["amount"] for line in item["expected"]["lines"]}
    assert set(ours) == {key for key, amount in theirs.items() if amount}
    for key, amount in theirs.items():
        assert abs(ours.get(key, Decimal(0)) - amount) <= LINE_TOLERANCE, key


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_our_default_differs_only_by_the_taxable_prevoyance(item: dict[str, Any]) -> None:
    """Under art. 83, net taxable is lower by exactly the employer's prévoyance share, and the
    withholding follows; every other figure is the reference's."""
    payslip_input = case_to_input(item["case"])
    params = month_parameters(payslip_input.period_date)
    reference = compute_payslip(payslip_input, params.with_reference_conventions())
    ours = compute_payslip(payslip_input, params)
    prevoyance = sum(
        (line.employer_amount for line in ours.lines if line.code in ("prevoyance_cadre",)),
        Decimal(0),
    )
    assert ours.net_taxable_amount == reference.net_taxable_amount - prevoyance
    rate = payslip_input.employee.pas_rate
    if rate is None:
        rate = neutral_rate(params.neutral_grid, ours.net_taxable_amount)
    assert ours.withholding.rate == rate
    record, expected = result_record(ours), item["expected"]
    for name in expected.keys() - TAXABLE_FIGURES - {"lines"}:
        assert abs(Decimal(str(record[name])) - expected[name]) <= TOTAL_TOLERANCE, name
