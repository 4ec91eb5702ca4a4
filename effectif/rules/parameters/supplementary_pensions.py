"""AGIRC-ARRCO supplementary pensions (ANI du 17/11/2017), APEC, and the cadres' mandatory
prévoyance. Tranche 1 is pay up to one PSS, tranche 2 from one to eight PSS."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter

_ANI_2017 = "ANI du 17/11/2017 instituant le régime AGIRC-ARRCO, art. 35 et 36"


@dataclass(frozen=True, slots=True)
class SplitRates:
    """A contribution's employee and employer rates on tranches 1 and 2."""

    employee_t1: Decimal
    employer_t1: Decimal
    employee_t2: Decimal
    employer_t2: Decimal


#: AGIRC-ARRCO pension contributions (taux d'appel 127 % included).
AGIRC_ARRCO_RATES: Parameter[SplitRates] = Parameter(
    name="agirc_arrco_taux",
    description="Retraite complémentaire AGIRC-ARRCO, tranches 1 et 2",
    values=(
        DatedValue(
            date(2019, 1, 1),
            SplitRates(Decimal("0.0315"), Decimal("0.0472"), Decimal("0.0864"), Decimal("0.1295")),
            f"{_ANI_2017} — OF agirc_arrco, ME",
        ),
    ),
)

#: Contribution d'équilibre général (CEG).
CEG_RATES: Parameter[SplitRates] = Parameter(
    name="ceg_taux",
    description="Contribution d'équilibre général, tranches 1 et 2",
    values=(
        DatedValue(
            date(2019, 1, 1),
            SplitRates(Decimal("0.0086"), Decimal("0.0129"), Decimal("0.0108"), Decimal("0.0162")),
            f"{_ANI_2017} — OF agirc_arrco, ME",
        ),
    ),
)

#: Contribution d'équilibre technique (CET): (employee, employer), due only when pay exceeds one
#: PSS, on the whole pay up to eight PSS.
CET_RATES: Parameter[tuple[Decimal, Decimal]] = Parameter(
    name="cet_taux",
    description="Contribution d'équilibre technique (si rémunération > 1 PSS, jusqu'à 8 PSS)",
    values=(
        DatedValue(date(2019, 1, 1), (Decimal("0.0014"), Decimal("0.0021")), f"{_ANI_2017} — ME"),
    ),
)

#: Tranche 2 upper limit, in social security ceilings.
TRANCHE_2_CEILING_MULTIPLE: Parameter[int] = Parameter(
    name="agirc_arrco_tranche_2_plafond_multiple",
    description="Limite supérieure de la tranche 2, en plafonds de la sécurité sociale",
    values=(DatedValue(date(2019, 1, 1), 8, f"{_ANI_2017} (tranche 2 : de 1 à 8 PSS)"),),
)

#: APEC contribution for cadres: (employee, employer) on pay up to four PSS.
APEC_RATES: Parameter[tuple[Decimal, Decimal]] = Parameter(
    name="apec_taux",
    description="Cotisation APEC des cadres (jusqu'à 4 PSS)",
    values=(
        DatedValue(
            date(2011, 1, 1),
            (Decimal("0.00024"), Decimal("0.00036")),
            "ANI du 12/07/2011 relatif à l'APEC — OF apec, ME",
        ),
    ),
)

#: Ceiling multiple of the APEC base.
APEC_CEILING_MULTIPLE: Parameter[int] = Parameter(
    name="apec_plafond_multiple",
    description="Assiette APEC limitée à ce multiple du plafond",
    values=(DatedValue(date(2011, 1, 1), 4, "ANI du 12/07/2011 relatif à l'APEC"),),
)

#: Cadres' mandatory prévoyance: employer rate on tranche 1, mainly death cover.
CADRE_PREVOYANCE_EMPLOYER_RATE: Parameter[Decimal] = Parameter(
    name="prevoyance_cadres_taux_employeur",
    description="Prévoyance obligatoire des cadres, à la charge de l'employeur (tranche 1)",
    values=(
        DatedValue(
            date(2018, 1, 1),
            Decimal("0.015"),
            "ANI du 17/11/2017 relatif à la prévoyance des cadres, art. 1 (ex-art. 7 CCN 1947) — "
            "OF prevoyance_obligatoire.yaml, ME",
        ),
    ),
)
