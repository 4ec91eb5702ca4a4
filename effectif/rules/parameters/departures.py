"""Departure parameters: notice, severance, end-of-contract indemnities, procedure delays and the
limits of fixed-term contracts, each with its legal source.

Values whose official text (the Code du travail articles cited beside each) was not read for
this project are flagged `unconfirmed=True`, to be checked on Légifrance before release.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from effectif.rules.parameters.base import DatedValue, Parameter

_LOI_2008 = date(2008, 6, 27)  # Loi n° 2008-596 du 25/06/2008 (modernisation du marché du travail)
_ORDONNANCES_2017 = date(2017, 9, 24)  # Ordonnance n° 2017-1387 du 22/09/2017
_DECRET_2017 = date(2017, 9, 27)  # Décret n° 2017-1398 du 25/09/2017
_LOI_2002 = date(2002, 1, 17)  # Loi n° 2002-73 de modernisation sociale

#: Dismissal notice by seniority (L1234-1): below the first threshold the collective agreement
#: or usage decides (None); then (from months of seniority, notice in months).
DISMISSAL_NOTICE: Parameter[tuple[tuple[int, int | None], ...]] = Parameter(
    name="preavis_licenciement",
    description=(
        "Préavis de licenciement selon l'ancienneté : moins de 6 mois, convention ou usage ; "
        "de 6 mois à 2 ans, 1 mois ; 2 ans et plus, 2 mois ; aucun pour faute grave ou lourde"
    ),
    values=(
        DatedValue(
            date(1973, 7, 13),
            ((0, None), (6, 1), (24, 2)),
            "C. trav. art. L1234-1 (loi n° 73-680 du 13/07/1973, recodifiée en 2008)",
        ),
    ),
)

#: Legal severance indemnity (L1234-9, R1234-1, R1234-2).
SEVERANCE: Parameter[dict[str, Fraction]] = Parameter(
    name="indemnite_legale_licenciement",
    description=(
        "Indemnité légale de licenciement : ancienneté minimale en mois, fraction de mois de "
        "salaire par année jusqu'au seuil, au-delà, et seuil en années"
    ),
    values=(
        DatedValue(
            date(2008, 7, 20),
            {
                "min_seniority_months": Fraction(12),
                "rate_until_threshold": Fraction(1, 5),
                "extra_rate_beyond": Fraction(2, 15),
                "threshold_years": Fraction(10),
            },
            "C. trav. art. L1234-9 et R1234-2 (décret n° 2008-715 du 18/07/2008) : 1/5 de mois "
            "par année, plus 2/15 au-delà de 10 ans, après 1 an d'ancienneté",
            unconfirmed=True,
        ),
        DatedValue(
            _DECRET_2017,
            {
                "min_seniority_months": Fraction(8),
                "rate_until_threshold": Fraction(1, 4),
                "extra_rate_beyond": Fraction(1, 3) - Fraction(1, 4),
                "threshold_years": Fraction(10),
            },
            "C. trav. art. L1234-9 (ordonnance n° 2017-1387), R1234-1 et R1234-2 (décret "
            "n° 2017-1398) : 8 mois d'ancienneté ; 1/4 de mois par année jusqu'à 10 ans, 1/3 "
            "au-delà ; années incomplètes au prorata des mois complets",
        ),
    ),
)

#: Dismissal for unfitness of professional origin: the legal indemnity is doubled (L1226-14).
UNFIT_WORK_MULTIPLIER: Parameter[int] = Parameter(
    name="inaptitude_professionnelle_multiplicateur",
    description="Indemnité spéciale de licenciement : double de l'indemnité légale",
    values=(DatedValue(date(1981, 1, 7), 2, "C. trav. art. L1226-14 (loi n° 81-3)"),),
)

#: Voluntary retirement indemnity by seniority (L1237-9, D1237-1): (years, months of salary).
RETIREMENT_INDEMNITY: Parameter[tuple[tuple[int, Decimal], ...]] = Parameter(
    name="indemnite_depart_retraite",
    description=(
        "Indemnité de départ volontaire à la retraite : 1/2 mois après 10 ans, 1 mois après "
        "15 ans, 1 mois 1/2 après 20 ans, 2 mois après 30 ans"
    ),
    values=(
        DatedValue(
            date(2008, 3, 1),
            ((10, Decimal("0.5")), (15, Decimal(1)), (20, Decimal("1.5")), (30, Decimal(2))),
            "C. trav. art. L1237-9 et D1237-1",
            unconfirmed=True,
        ),
    ),
)

#: End-of-contract indemnity of a CDD (L1243-8), reduced by agreement with training (L1243-9).
CDD_END_INDEMNITY_RATE: Parameter[dict[str, Decimal]] = Parameter(
    name="indemnite_fin_cdd_taux",
    description="Indemnité de fin de CDD : 10 % de la rémunération brute totale ; 6 % par accord",
    values=(
        DatedValue(
            _LOI_2002,
            {"default": Decimal("0.10"), "by_agreement": Decimal("0.06")},
            "C. trav. art. L1243-8 et L1243-9",
        ),
    ),
)

#: Delays of the dismissal procedure, in jours ouvrables.
DISMISSAL_DELAYS: Parameter[dict[str, int]] = Parameter(
    name="delais_procedure_licenciement",
    description=(
        "Entretien préalable au moins 5 jours ouvrables après la présentation de la convocation ; "
        "lettre de licenciement au moins 2 jours ouvrables après l'entretien (7, ou 15 pour un "
        "cadre, en cas de licenciement économique individuel) ; sanction disciplinaire au plus "
        "tard 1 mois après l'entretien"
    ),
    values=(
        DatedValue(
            _LOI_2008,
            {
                "convocation_to_interview": 5,
                "interview_to_notification": 2,
                "economic_interview_to_notification": 7,
                "economic_executive_interview_to_notification": 15,
                "disciplinary_notification_max_months": 1,
            },
            "C. trav. art. L1232-2, L1232-6, L1233-15, L1332-2 ; prorogation R1231-1",
        ),
    ),
)

#: Rupture conventionnelle (L1237-13, L1237-14).
CONVENTIONAL_DELAYS: Parameter[dict[str, int]] = Parameter(
    name="delais_rupture_conventionnelle",
    description=(
        "Rupture conventionnelle : 15 jours calendaires de rétractation après la signature ; "
        "15 jours ouvrables d'instruction de la demande d'homologation"
    ),
    values=(
        DatedValue(
            _LOI_2008,
            {"withdrawal_calendar_days": 15, "homologation_working_days": 15},
            "C. trav. art. L1237-13 et L1237-14 ; prorogation R1231-1",
        ),
    ),
)

#: Maximum total duration of a fixed-term contract, renewals included, in months, by reason
#: (L1242-8-1); a reason absent from the table takes "default"; None: no legal maximum.
FIXED_TERM_MAX_MONTHS: Parameter[dict[str, int | None]] = Parameter(
    name="cdd_duree_maximale_mois",
    description=(
        "Durée maximale du CDD renouvellements compris : 18 mois ; 9 mois dans l'attente d'un "
        "CDI ; 36 mois à objet défini et senior ; pas de maximum légal pour les emplois "
        "saisonniers et d'usage"
    ),
    values=(
        DatedValue(
            _ORDONNANCES_2017,
            {
                "default": 18,
                "attente_embauche": 9,
                "objet_defini": 36,
                "senior": 36,
                "saisonnier": None,
                "usage": None,
            },
            "C. trav. art. L1242-8-1 (à défaut d'accord de branche, L1242-8) ; objet défini "
            "L1242-2 6° ; senior D1242-7",
            unconfirmed=True,
        ),
    ),
)

#: Maximum number of renewals of a fixed-term contract (L1243-13-1, default of the branch).
FIXED_TERM_MAX_RENEWALS: Parameter[int] = Parameter(
    name="cdd_renouvellements_max",
    description="Nombre maximal de renouvellements d'un CDD (à défaut d'accord de branche)",
    values=(DatedValue(_ORDONNANCES_2017, 2, "C. trav. art. L1243-13-1"),),
)

#: Waiting period between successive fixed-term contracts on one post (L1244-3-1): a fraction
#: of the previous contract's duration (renewals included), counted in days the establishment
#: is open; the fraction is larger for a short contract.
WAITING_PERIOD: Parameter[dict[str, Fraction]] = Parameter(
    name="cdd_delai_de_carence",
    description=(
        "Délai de carence : 1/3 de la durée du contrat précédent s'il a duré 14 jours ou plus, "
        "1/2 en deçà, en jours d'ouverture de l'établissement"
    ),
    values=(
        DatedValue(
            _ORDONNANCES_2017,
            {
                "threshold_days": Fraction(14),
                "long_fraction": Fraction(1, 3),
                "short_fraction": Fraction(1, 2),
            },
            "C. trav. art. L1244-3-1 (à défaut d'accord de branche, L1244-3)",
        ),
    ),
)

#: Employee's notice to end a trial period (L1221-26): 24 hours under 8 days of presence, then
#: 48 hours; in days.
TRIAL_EMPLOYEE_NOTICE: Parameter[dict[str, int]] = Parameter(
    name="periode_essai_delai_prevenance_salarie",
    description="Délai de prévenance du salarié : 48 heures, 24 heures en deçà de 8 jours",
    values=(
        DatedValue(
            _LOI_2008,
            {"under_8_days": 1, "from_8_days": 2},
            "C. trav. art. L1221-26 (loi n° 2008-596 du 25/06/2008)",
        ),
    ),
)

#: Days of paid leave in an average month, to value untaken days by maintien de salaire in the
#: compensatory indemnity (C. trav. L3141-28 with L3141-24): the usual « 26e » in jours
#: ouvrables, « 21,67e » in jours ouvrés.
LEAVE_DAYS_PER_MONTH: Parameter[dict[str, Decimal]] = Parameter(
    name="jours_conges_par_mois",
    description="Jours de congés d'un mois moyen : 26 jours ouvrables, 21,67 jours ouvrés",
    values=(
        DatedValue(
            date(2002, 1, 1),
            {"ouvrables": Decimal(26), "ouvres": Decimal("21.67")},
            "Usage de paie (C. trav. art. L3141-24 et L3141-28 : maintien de salaire)",
            unconfirmed=True,
        ),
    ),
)

#: Register entries are kept 5 years after the departure (C. trav. R1221-26).
REGISTER_RETENTION_YEARS: Parameter[int] = Parameter(
    name="registre_personnel_conservation_ans",
    description="Conservation des mentions du registre unique du personnel après le départ",
    values=(DatedValue(date(2008, 5, 1), 5, "C. trav. art. R1221-26"),),
)
