"""What complementary social protection does to taxable pay (CGI art. 83 1° quater)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter

#: The employer's share of collective health cover ("frais de santé") is taxable pay: it is
#: excluded from the deductible contributions since income 2013.
EMPLOYER_HEALTH_SHARE_TAXABLE: Parameter[bool] = Parameter(
    name="part_patronale_sante_imposable",
    description="La part patronale de la complémentaire santé collective est-elle imposable",
    values=(
        DatedValue(
            date(2013, 1, 1),
            True,
            "CGI art. 83 1° quater al. 2 (loi n° 2013-1278 du 29/12/2013, art. 4) ; payroll-cases "
            "p11 (net imposable 1 802,16 €)",
        ),
    ),
)

#: Whether the employer's prévoyance share (death, incapacity, disability, including the cadres'
#: 1,50 %) is added to taxable pay. Decision: no, it is deductible within the limit below
#: (art. 83 1° quater); the reference model adds it, which the tests can select.
EMPLOYER_PREVOYANCE_TAXABLE: Parameter[bool] = Parameter(
    name="part_patronale_prevoyance_imposable",
    description="La part patronale de prévoyance (hors santé) est-elle ajoutée au net imposable",
    values=(
        DatedValue(
            date(2013, 1, 1),
            False,
            "CGI art. 83 1° quater : cotisations de prévoyance complémentaire obligatoire "
            "déductibles, part patronale comprise sauf frais de santé, dans la limite ci-dessous",
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class PrevoyanceDeductionLimit:
    """Yearly limit of deductible prévoyance contributions (employer and employee, health employee
    share included): `pss_share` × PSS + `pay_share` × gross pay, at most `cap_pss_share` × PSS."""

    pss_share: Decimal
    pay_share: Decimal
    cap_pss_share: Decimal


PREVOYANCE_DEDUCTION_LIMIT: Parameter[PrevoyanceDeductionLimit] = Parameter(
    name="prevoyance_limite_deduction",
    description="Limite de déduction des cotisations de prévoyance complémentaire (art. 83)",
    values=(
        DatedValue(
            date(2013, 1, 1),
            PrevoyanceDeductionLimit(Decimal("0.05"), Decimal("0.02"), Decimal("0.16")),
            "CGI art. 83 1° quater al. 3 : 5 % du PASS + 2 % de la rémunération, dans la limite de "
            "2 % de 8 PASS — de mémoire",
            unconfirmed=True,
        ),
    ),
)
