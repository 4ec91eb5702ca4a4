"""Grouping a population by profile, so that the line catalogue is resolved once per profile."""

from __future__ import annotations

from decimal import Decimal

import numpy as np

from effectif.rules.payroll.batch.cents import Int, to_micro
from effectif.rules.payroll.batch.population import CONTRACTS, Population
from effectif.rules.payroll.month_parameters import MonthParameters
from effectif.rules.payroll.profile import Profile, headcount_thresholds, work_study_thresholds


def group_profiles(population: Population, params: MonthParameters) -> tuple[list[Profile], Int]:
    """The distinct profiles of the population, and each payslip's index into them."""
    p = population
    headcount_limits = np.asarray(headcount_thresholds(params), dtype=np.int64)
    headcount_band = np.searchsorted(headcount_limits, p.headcount, side="right")
    share_limits_decimal = work_study_thresholds(params)
    share_limits = np.asarray([to_micro(limit) for limit in share_limits_decimal], dtype=np.int64)
    share_band = np.searchsorted(share_limits, p.work_study_share, side="right")
    key = headcount_band.astype(np.int64)
    for column, size in (
        (p.alsace_moselle, 2),
        (p.cadre, 2),
        (p.contract, len(CONTRACTS)),
        (p.payroll_tax_liable, 2),
        (p.non_profit, 2),
        (share_band, len(share_limits) + 1),
    ):
        key = key * size + column.astype(np.int64)
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    profiles = []
    for row in first:
        band, share = int(headcount_band[row]), int(share_band[row])
        profiles.append(
            Profile(
                headcount=int(headcount_limits[band - 1]) if band else 0,
                alsace_moselle=bool(p.alsace_moselle[row]),
                cadre=bool(p.cadre[row]),
                contract=CONTRACTS[int(p.contract[row])],
                payroll_tax_liable=bool(p.payroll_tax_liable[row]),
                non_profit=bool(p.non_profit[row]),
                work_study_share=share_limits_decimal[share - 1] if share else Decimal("0"),
            )
        )
    return profiles, inverse.astype(np.int64).reshape(-1)
