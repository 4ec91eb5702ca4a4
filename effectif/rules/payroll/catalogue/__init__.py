"""The contribution lines of a payslip, in the order of the bulletin clarifié (arrêté du
25/02/2016 modifié), with their bases, rates and DSN codes, resolved for one profile and one
month.

Both computation paths walk the same resolved tuple: the one-by-one path with `Decimal`, the batch
path with integer cents. Rates that vary per establishment (AT/MP, versement mobilité) are named
by `InputRate`; lines computed from amounts rather than one base × rate are `SpecialLine`s.
"""

from __future__ import annotations

from effectif.rules.payroll.catalogue.employee_levies import (
    conventional_lines,
    csg_lines,
    exemption_lines,
)
from effectif.rules.payroll.catalogue.employer_levies import employer_levy_lines
from effectif.rules.payroll.catalogue.kinds import (
    LINE_ORDER,
    Base,
    InputRate,
    Line,
    RateLine,
    Special,
    SpecialLine,
)
from effectif.rules.payroll.catalogue.social_security import (
    family_and_unemployment_lines,
    health_lines,
    pension_lines,
    work_accident_lines,
)
from effectif.rules.payroll.month_parameters import MonthParameters
from effectif.rules.payroll.profile import Profile

__all__ = [
    "LINE_ORDER",
    "Base",
    "InputRate",
    "Line",
    "RateLine",
    "Special",
    "SpecialLine",
    "resolve_lines",
]


def resolve_lines(params: MonthParameters, profile: Profile) -> tuple[Line, ...]:
    """The lines that apply to `profile` in the month, in payslip order (cached per month)."""
    key = ("lines", profile)
    cached = params.cache.get(key)
    if cached is None:
        cached = (
            *health_lines(params, profile),
            *work_accident_lines(params),
            *pension_lines(params),
            *family_and_unemployment_lines(params),
            *employer_levy_lines(params, profile),
            *conventional_lines(params, profile),
            *csg_lines(params),
            *exemption_lines(params, profile),
        )
        params.cache[key] = cached
    return tuple(cached)
