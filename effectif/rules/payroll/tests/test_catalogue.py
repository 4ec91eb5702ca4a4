"""The line catalogue follows the bulletin clarifié and the batch path's row order."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

import pytest

from effectif.rules.payroll.catalogue import LINE_ORDER, resolve_lines
from effectif.rules.payroll.inputs import ContractKind
from effectif.rules.payroll.month_parameters import month_parameters
from effectif.rules.payroll.profile import Profile


def profiles() -> list[Profile]:
    return [
        Profile(headcount, alsace, cadre, contract, tax, non_profit, Decimal(share))
        for headcount, alsace, cadre, contract, tax, non_profit, share in itertools.product(
            (0, 11, 20, 50, 250, 2000),
            (False, True),
            (False, True),
            tuple(ContractKind),
            (False, True),
            (False, True),
            ("0", "0.03"),
        )
    ]


@pytest.mark.parametrize("period", [date(2025, 1, 1), date(2026, 1, 1), date(2026, 6, 1)])
def test_lines_follow_the_headings_and_the_row_order(period: date) -> None:
    params = month_parameters(period)
    for profile in profiles():
        lines = resolve_lines(params, profile)
        codes = [line.code for line in lines]
        assert len(codes) == len(set(codes))
        assert codes == sorted(codes, key=LINE_ORDER.index)
        headings = [line.heading for line in lines]
        assert headings == sorted(headings)


def test_every_line_has_dsn_codes_declared() -> None:
    params = month_parameters(date(2026, 1, 1))
    declared = {code for code, _ in params.dsn_codes}
    assert set(LINE_ORDER) == declared
