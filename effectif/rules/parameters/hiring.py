"""Dated parameters of recruitment and hiring, each with its legal source."""

from __future__ import annotations

from datetime import date

from effectif.rules.parameters.base import DatedValue, Parameter

# The retention of candidates' data is in the one retention schedule
# (`retention.CANDIDATE_RETENTION_YEARS`).

#: How many days before the hire a DPAE may be filed at the earliest.
DPAE_EARLIEST_DAYS: Parameter[int] = Parameter(
    name="dpae_delai_anticipation_jours",
    description="Délai maximal entre la déclaration préalable à l'embauche et l'embauche, en jours",
    values=(
        DatedValue(
            date(2011, 8, 1),
            8,
            "C. trav. L1221-10 et R1221-1 s. (décret n° 2011-681 du 16/06/2011) ; article "
            "fixant les 8 jours à vérifier sur Légifrance",
            unconfirmed=True,
        ),
    ),
)
