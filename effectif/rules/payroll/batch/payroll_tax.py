"""Taxe sur les salaires of a population (batch mirror of `engine.payroll_tax`)."""

from __future__ import annotations

import numpy as np

from effectif.rules.payroll.batch.cents import Int, apply_rate, prorate, to_cents, to_micro
from effectif.rules.payroll.month_parameters import MonthParameters


def payroll_tax(params: MonthParameters, base: Int) -> Int:
    """The month's tax on each base: annual brackets of CGI art. 231 divided by 12."""
    scale = params.payroll_tax
    first = int(prorate(to_cents(scale.first_threshold), 1, 12))
    second = int(prorate(to_cents(scale.second_threshold), 1, 12))
    middle = np.minimum(np.maximum(base - first, 0), second - first)
    top = np.maximum(base - second, 0)
    return (
        apply_rate(base, to_micro(scale.base_rate))
        + apply_rate(middle, to_micro(scale.middle_rate - scale.base_rate))
        + apply_rate(top, to_micro(scale.top_rate - scale.base_rate))
    )
