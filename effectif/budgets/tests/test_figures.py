"""The month-by-month arithmetic of a budget, without a database."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from effectif.budgets.figures import added, cumulative_budget, monthly_figures


def test_an_even_budget_is_a_twelfth_a_month():
    figures = monthly_figures(D("1200"), {3: D("250")}, {4: D("30.5")})
    assert [m.budget for m in figures.months] == [D("100.00")] * 12
    march, april = figures.months[2], figures.months[3]
    assert (march.committed, march.spent, march.variance) == (D("250.00"), D("0.00"), D("-150.00"))
    assert (april.variance, april.variance_cumulative) == (
        D("69.50"),
        D("119.50"),
    )  # 400 − 250 − 30.50
    assert figures.months[-1].variance_cumulative == D("1200") - D("250") - D("30.5")
    assert (figures.committed, figures.spent, figures.variance) == (
        D("250.00"),
        D("30.50"),
        D("919.50"),
    )


@pytest.mark.parametrize(
    ("annual", "month", "cumulative"),
    [
        (D("1000"), 1, D("83.33")),  # 1000 / 12 = 83.333…
        (D("1000"), 2, D("166.67")),
        (D("1000"), 12, D("1000.00")),  # December: the whole year, no cent lost
        (D("0"), 6, D("0.00")),
    ],
)
def test_the_cumulative_budget_is_rounded_once(annual, month, cumulative):
    assert cumulative_budget(annual, month) == cumulative


def test_monthly_budgets_absorb_the_rounding():
    months = monthly_figures(D("1000"), {}, {}).months
    assert [m.budget for m in months[:3]] == [D("83.33"), D("83.34"), D("83.33")]
    assert sum(m.budget for m in months) == D("1000.00")


def test_a_month_outside_the_year_is_refused():
    with pytest.raises(ValueError, match="months must be 1 to 12"):
        monthly_figures(D("10"), {13: D("1")}, {})
    with pytest.raises(ValueError, match="month must be 1 to 12"):
        cumulative_budget(D("10"), 0)


def test_figures_add_up():
    parent = monthly_figures(D("1200"), {1: D("100")}, {})
    child = monthly_figures(D("600"), {1: D("50")}, {2: D("10")})
    total = added([parent, child])
    assert (total.budget, total.committed, total.spent) == (D("1800.00"), D("150.00"), D("10.00"))
    assert total.months[0].variance == D("150.00") - D("150.00")
    assert total.consumed_percent == D("8.89")  # 160 of 1800
    assert monthly_figures(D("0"), {}, {}).consumed_percent is None
