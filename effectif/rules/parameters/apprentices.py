"""Apprentices: exemption of employee contributions and CSG/CRDS, and of income tax.

The social exemption depends on the date the contract was concluded (C. trav. L6243-2, CSS
L136-1-1 III 4°, LFSS 2025 art. 22): look it up at that date, not at the pay month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter


@dataclass(frozen=True, slots=True)
class ApprenticeExemption:
    """Pay up to `smic_share` of the SMIC bears no employee contribution; CSG/CRDS are either
    wholly exempt (`csg_fully_exempt`) or due on the pay above the same limit."""

    smic_share: Decimal
    csg_fully_exempt: bool


APPRENTICE_EXEMPTION: Parameter[ApprenticeExemption] = Parameter(
    name="apprentis_exoneration_salariale",
    description="Exonération des cotisations salariales et de la CSG/CRDS des apprentis",
    values=(
        DatedValue(
            date(2019, 1, 1),
            ApprenticeExemption(Decimal("0.79"), True),
            "C. trav. art. L6243-2, D6243-5 (79 % du SMIC) ; CSS L136-1-1 III 4° — ME apprentissage",
        ),
        DatedValue(
            date(2025, 3, 1),
            ApprenticeExemption(Decimal("0.50"), False),
            "LFSS 2025 art. 22 (contrats conclus à partir du 01/03/2025 : 50 % du SMIC, CSG/CRDS "
            "au-delà) ; C. trav. art. L6243-2, CSS L136-1-1 — ME apprentissage",
        ),
    ),
)

#: Apprentices' pay is exempt from income tax up to the annual SMIC (CGI 81 bis); the engine
#: applies it monthly, up to this many monthly SMIC.
APPRENTICE_INCOME_TAX_EXEMPT_SMIC: Parameter[Decimal] = Parameter(
    name="apprentis_exoneration_impot_smic",
    description="Part de la rémunération des apprentis exonérée d'impôt, en SMIC mensuels",
    values=(
        DatedValue(
            date(2005, 1, 1),
            Decimal("1"),
            "CGI art. 81 bis (limite du montant annuel du SMIC) — ME rémunération.publicodes",
        ),
    ),
)
