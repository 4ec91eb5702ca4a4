"""Contract parameters: trial periods and headcount weights, with their legal sources."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter

_LOI_2008 = date(
    2008, 6, 27
)  # Loi n° 2008-596 du 25/06/2008, portant modernisation du marché du travail

#: Maximum initial trial period of a CDI, in months, by category (C. trav. L1221-19).
CDI_TRIAL_MONTHS: Parameter[dict[str, int]] = Parameter(
    name="cdi_periode_essai_mois",
    description="Durée maximale initiale de la période d'essai du CDI, en mois, par catégorie",
    values=(
        DatedValue(
            _LOI_2008,
            {"ouvrier": 2, "employe": 2, "tam": 3, "cadre": 4},
            "C. trav. art. L1221-19 (loi n° 2008-596 du 25/06/2008)",
        ),
    ),
)

#: Maximum total of a renewed CDI trial period, in months, by category (L1221-21).
CDI_TRIAL_RENEWED_MAX_MONTHS: Parameter[dict[str, int]] = Parameter(
    name="cdi_periode_essai_renouvelee_max_mois",
    description="Durée maximale de la période d'essai du CDI renouvellement compris, en mois",
    values=(
        DatedValue(
            _LOI_2008,
            {"ouvrier": 4, "employe": 4, "tam": 6, "cadre": 8},
            "C. trav. art. L1221-21 (renouvellement unique, si un accord de branche étendu le prévoit)",
        ),
    ),
)

#: CDD trial period: one day per week of the planned duration, capped (L1242-10).
CDD_TRIAL_CAP_DAYS: Parameter[dict[str, int]] = Parameter(
    name="cdd_periode_essai_plafond_jours",
    description="Plafond de la période d'essai du CDD (1 jour par semaine), selon la durée prévue",
    values=(
        DatedValue(
            date(2002, 1, 17),
            {"up_to_6_months": 14, "over_6_months_days": 30},
            "C. trav. art. L1242-10 : 2 semaines si durée ≤ 6 mois, 1 mois au-delà",
        ),
    ),
)

#: Temporary-work mission trial period, in working days, by mission length (L1251-14).
INTERIM_TRIAL_DAYS: Parameter[dict[str, int]] = Parameter(
    name="interim_periode_essai_jours",
    description="Période d'essai du contrat de mission, en jours travaillés",
    values=(
        DatedValue(
            date(2008, 5, 1),
            {"up_to_1_month": 2, "up_to_2_months": 3, "over_2_months": 5},
            "C. trav. art. L1251-14 (à défaut de convention ou d'accord)",
        ),
    ),
)

#: Apprenticeship: free termination during the first 45 days of practical training (L6222-18).
APPRENTICESHIP_TRIAL_DAYS: Parameter[int] = Parameter(
    name="apprentissage_periode_rupture_libre_jours",
    description="Jours de formation pratique en entreprise pendant lesquels le contrat peut être rompu",
    values=(DatedValue(date(2018, 9, 7), 45, "C. trav. art. L6222-18 (loi n° 2018-771)"),),
)

#: Public-sector contractual agents (décret n° 86-83 art. 9; n° 88-145 art. 4 for local bodies).
PUBLIC_CONTRACT_TRIAL: Parameter[dict[str, int]] = Parameter(
    name="contractuel_public_periode_essai",
    description=(
        "Agents contractuels de droit public : 1 jour ouvré par semaine, plafonné à 3 semaines "
        "(< 6 mois), 1 mois (< 1 an), 2 mois (< 2 ans), 3 mois (≥ 2 ans) ; 4 mois en CDI"
    ),
    values=(
        DatedValue(
            date(2014, 3, 5),
            {
                "under_6_months_days": 21,
                "under_1_year_months": 1,
                "under_2_years_months": 2,
                "longer_months": 3,
                "cdi_months": 4,
            },
            "Décret n° 86-83 du 17/01/1986 art. 9 ; décret n° 88-145 du 15/02/1988 art. 4",
            unconfirmed=True,
        ),
    ),
)

#: Legal monthly working hours used to weigh part-time contracts (35 h × 52 / 12).
LEGAL_MONTHLY_HOURS: Parameter[Decimal] = Parameter(
    name="duree_legale_mensuelle",
    description="Durée légale mensuelle du travail à temps plein",
    values=(DatedValue(date(2002, 1, 1), Decimal("151.67"), "C. trav. art. L3121-27"),),
)

#: Employer's notice to end a trial period, by presence (C. trav. L1221-25): from a presence
#: of (amount, unit) on, the notice is (amount, unit). Units: "days" or "months".
TRIAL_EMPLOYER_NOTICE: Parameter[tuple[tuple[tuple[int, str], tuple[int, str]], ...]] = Parameter(
    name="periode_essai_delai_prevenance_employeur",
    description=(
        "Délai de prévenance de l'employeur qui met fin à la période d'essai : 24 h en deçà de "
        "8 jours de présence, 48 h entre 8 jours et 1 mois, 2 semaines après 1 mois, 1 mois "
        "après 3 mois"
    ),
    values=(
        DatedValue(
            _LOI_2008,
            (
                ((0, "days"), (1, "days")),
                ((7, "days"), (2, "days")),  # from the 8th day of presence
                ((1, "months"), (14, "days")),
                ((3, "months"), (1, "months")),
            ),
            "C. trav. art. L1221-25 (loi n° 2008-596 du 25/06/2008)",
        ),
    ),
)
