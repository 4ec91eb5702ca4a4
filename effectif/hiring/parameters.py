"""Dated parameters of recruitment and hiring, each with its legal source."""

from __future__ import annotations

from datetime import date

from effectif.rules.parameters.base import DatedValue, Parameter

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

#: How long the data of a candidate who was not hired are kept after the last contact.
CANDIDATE_RETENTION_YEARS: Parameter[int] = Parameter(
    name="candidats_conservation_annees",
    description="Conservation des données d'un candidat non retenu après le dernier contact",
    values=(
        DatedValue(
            date(2019, 11, 21),
            2,
            "CNIL, référentiel « gestion du personnel » (délibération n° 2019-160 du 21/11/2019)",
        ),
    ),
)
