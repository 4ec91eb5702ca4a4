"""CSG and CRDS on earned income (CSS L136-1 to L136-8; ordonnance n° 96-50, art. 14)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter

#: CSG deductible from taxable income (CSS L136-8 I 1°, CGI 154 quinquies).
CSG_DEDUCTIBLE_RATE: Parameter[Decimal] = Parameter(
    name="csg_deductible_taux",
    description="CSG déductible de l'impôt sur le revenu",
    values=(
        DatedValue(
            date(2018, 1, 1), Decimal("0.068"), "CSS art. L136-8 ; CGI art. 154 quinquies — OF csg"
        ),
    ),
)

#: CSG not deductible from taxable income.
CSG_NON_DEDUCTIBLE_RATE: Parameter[Decimal] = Parameter(
    name="csg_non_deductible_taux",
    description="CSG non déductible de l'impôt sur le revenu",
    values=(DatedValue(date(2018, 1, 1), Decimal("0.024"), "CSS art. L136-8 — OF csg/imposable"),),
)

#: CRDS (ordonnance n° 96-50 du 24/01/1996, art. 14 and 19).
CRDS_RATE: Parameter[Decimal] = Parameter(
    name="crds_taux",
    description="Contribution au remboursement de la dette sociale",
    values=(
        DatedValue(date(1996, 2, 1), Decimal("0.005"), "Ordonnance n° 96-50, art. 19 — OF crds"),
    ),
)

#: Share of pay the CSG/CRDS is levied on (1,75 % abatement for professional expenses), and the
#: number of social security ceilings the abatement is limited to (CSS L136-1-2 I).
CSG_BASE_SHARE: Parameter[tuple[Decimal, int]] = Parameter(
    name="csg_assiette_abattement",
    description="Part de la rémunération soumise à CSG (abattement 1,75 %) et limite en plafonds",
    values=(
        DatedValue(
            date(2012, 1, 1),
            (Decimal("0.9825"), 4),
            "CSS art. L136-1-2 I (abattement de 1,75 % dans la limite de 4 PASS) — OF abattement",
        ),
    ),
)
