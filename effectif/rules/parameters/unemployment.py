"""Unemployment insurance (assurance chômage) and wage guarantee (AGS): employer only, on pay up to
four times the social security ceiling (C. trav. L5422-9, L3253-18; convention d'assurance
chômage)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter

#: Employer unemployment insurance rate.
UNEMPLOYMENT_EMPLOYER_RATE: Parameter[Decimal] = Parameter(
    name="assurance_chomage_taux_employeur",
    description="Contribution patronale d'assurance chômage",
    values=(
        DatedValue(
            date(2019, 10, 1),
            Decimal("0.0405"),
            "Décret n° 2019-797 du 26/07/2019 (4,05 %)",
            unconfirmed=True,
        ),
        DatedValue(
            date(2025, 5, 1),
            Decimal("0.04"),
            "Convention d'assurance chômage du 15/11/2024 agréée (4,00 %) — ME, OF chomage.yaml",
        ),
    ),
)

#: AGS (Association pour la gestion du régime de garantie des créances des salariés) rate.
AGS_RATE: Parameter[Decimal] = Parameter(
    name="ags_taux",
    description="Cotisation AGS (garantie des salaires)",
    values=(
        DatedValue(
            date(2024, 7, 1),
            Decimal("0.0025"),
            "Conseil d'administration de l'AGS (0,25 % au 01/07/2024, maintenu au 01/01/2026, "
            "open.lefebvre-dalloz.fr 16/12/2025) — ME",
        ),
    ),
)

#: Number of social security ceilings the unemployment and AGS base is capped at.
UNEMPLOYMENT_CEILING_MULTIPLE: Parameter[int] = Parameter(
    name="assurance_chomage_plafond_multiple",
    description="Assiette chômage et AGS limitée à ce multiple du plafond de la sécurité sociale",
    values=(
        DatedValue(date(2019, 1, 1), 4, "C. trav. art. L5422-9 ; règlement d'assurance chômage"),
    ),
)
