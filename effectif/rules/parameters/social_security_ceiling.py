"""Plafond de la sécurité sociale (PSS): the ceiling of capped contributions, fixed each 1 January.

CSS L241-3 (principle), D242-17 (annual revaluation by arrêté), R242-2 (period not covering a
whole month), R242-7 (part-time reduction).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter

#: Monthly social security ceiling (PMSS).
PSS_MONTHLY: Parameter[Decimal] = Parameter(
    name="plafond_mensuel_securite_sociale",
    description="Plafond mensuel de la sécurité sociale (PMSS)",
    values=(
        DatedValue(date(2025, 1, 1), Decimal("3925"), "Arrêté du 19/12/2024 (PASS 47 100 €)"),
        DatedValue(
            date(2026, 1, 1),
            Decimal("4005"),
            "Arrêté du 22/12/2025 (JORFTEXT000053143451), PASS 48 060 € — OF pss",
            # Fixed for one calendar year (D242-17): without the arrêté of the next year, a
            # month after 2026 is outside the parameters' coverage, not paid at the 2026 ceiling.
            end=date(2026, 12, 31),
        ),
    ),
)

#: Number of days the monthly ceiling is divided by when the employment does not cover the whole
#: month (entry or exit during the month): ceiling = PMSS × calendar days / 30.
CEILING_PRORATION_DAYS: Parameter[int] = Parameter(
    name="plafond_proratisation_jours",
    description="Diviseur du plafond mensuel pour une période d'emploi inférieure au mois",
    values=(
        DatedValue(
            date(2019, 1, 1),
            30,
            "CSS art. R242-2 (plafond × nombre de jours calendaires / 30)",
            unconfirmed=True,
        ),
    ),
)
