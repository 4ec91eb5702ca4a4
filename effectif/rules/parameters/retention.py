"""How long personal data are kept, when a text of law sets or frames it.

Each duration is a dated parameter with the text it comes from. Where the law sets no figure,
the value is the limitation period the data serve as evidence for, or the range a CNIL
recommendation gives; the source says which. Durations Effectif chooses on its own (imports,
archives generated for a request) live with the app that keeps the data, not here.
"""

from __future__ import annotations

from datetime import date

from effectif.rules.parameters.base import DatedValue, Parameter

_PRESCRIPTION_2008 = date(2008, 6, 19)  # loi n° 2008-561 du 17/06/2008 (C. civ. art. 2224)
_RECODIFICATION_2008 = date(2008, 5, 1)  # nouveau code du travail (ordonnance n° 2007-329)
_COMMERCE_2000 = date(2000, 9, 21)  # ordonnance n° 2000-912 du 18/09/2000 (C. com. partie L)
_SECURISATION_2013 = date(2013, 6, 17)  # loi n° 2013-504 du 14/06/2013, art. 21
_REFERENTIEL_2019 = date(2019, 11, 21)  # CNIL, délibération n° 2019-160 du 21/11/2019
_JOURNALISATION_2021 = date(2021, 10, 14)  # CNIL, délibération n° 2021-122 du 14/10/2021

#: The personnel file after the departure: the civil limitation period of the actions it may
#: be evidence for (discrimination: L1134-5; personal actions: C. civ. 2224).
PERSONNEL_FILE_RETENTION_YEARS: Parameter[int] = Parameter(
    name="dossier_personnel_conservation_ans",
    description="Conservation du dossier du personnel après le départ du salarié",
    values=(
        DatedValue(
            _PRESCRIPTION_2008,
            5,
            "C. civ. art. 2224 (prescription de cinq ans) et C. trav. art. L1134-5 ; CNIL, "
            "référentiel « gestion du personnel » (délibération n° 2019-160 du 21/11/2019)",
        ),
    ),
)

#: The employer keeps a double of the payslips for five years.
PAYSLIP_RETENTION_YEARS: Parameter[int] = Parameter(
    name="bulletins_paie_double_conservation_ans",
    description="Conservation du double des bulletins de paie et des éléments de rémunération",
    values=(DatedValue(_RECODIFICATION_2008, 5, "C. trav. art. L3243-4"),),
)

#: Accounting records and their vouchers (expense receipts, transfer files): ten years from
#: the close of the financial year; the tax administration's right of inspection is six.
ACCOUNTING_RETENTION_YEARS: Parameter[int] = Parameter(
    name="pieces_comptables_conservation_ans",
    description="Conservation des pièces justificatives comptables après la clôture de l'exercice",
    values=(
        DatedValue(
            _COMMERCE_2000,
            10,
            "C. com. art. L123-22 (documents comptables et pièces justificatives : dix ans) ; "
            "LPF art. L102 B (six ans pour le droit de contrôle fiscal)",
        ),
    ),
)

#: Time sheets: one year for the labour inspectorate, three for the forfait-jours counts; the
#: hours are the evidence of pay claims, which prescribe in three years.
TIME_RECORDS_RETENTION_YEARS: Parameter[int] = Parameter(
    name="decompte_temps_conservation_ans",
    description="Conservation des feuilles de temps et relevés d'heures après la semaine décomptée",
    values=(
        DatedValue(
            _SECURISATION_2013,
            3,
            "C. trav. art. L3245-1 (action en paiement du salaire : trois ans, loi n° 2013-504 "
            "du 14/06/2013) ; art. D3171-16 (documents de décompte tenus à la disposition de "
            "l'inspection pendant un an, trois ans pour les forfaits en jours)",
        ),
    ),
)

#: Candidates not hired, after the last contact.
CANDIDATE_RETENTION_YEARS: Parameter[int] = Parameter(
    name="candidats_conservation_annees",
    description="Conservation des données d'un candidat non retenu après le dernier contact",
    values=(
        DatedValue(
            _REFERENTIEL_2019,
            2,
            "CNIL, référentiel « gestion du personnel » (délibération n° 2019-160 du 21/11/2019)",
        ),
    ),
)

#: The security log (connections, failures, account changes): the CNIL recommends six months
#: to one year; Effectif keeps the audit trail's connection entries for the upper bound.
CONNECTION_LOG_RETENTION_MONTHS: Parameter[int] = Parameter(
    name="traces_connexion_conservation_mois",
    description="Conservation des traces de connexion du journal d'audit",
    values=(
        DatedValue(
            _JOURNALISATION_2021,
            12,
            "CNIL, recommandation relative aux mesures de journalisation (délibération "
            "n° 2021-122 du 14/10/2021) : six mois à un an",
        ),
    ),
)

#: Login attempts and expired API tokens serve only to throttle and to investigate an
#: incident: the lower bound of the same recommendation.
LOGIN_ATTEMPT_RETENTION_MONTHS: Parameter[int] = Parameter(
    name="tentatives_connexion_conservation_mois",
    description="Conservation des tentatives de connexion et des jetons d'API expirés",
    values=(
        DatedValue(
            _JOURNALISATION_2021,
            6,
            "CNIL, recommandation relative aux mesures de journalisation (délibération "
            "n° 2021-122 du 14/10/2021) : six mois à un an",
        ),
    ),
)

ALL_PARAMETERS = (
    PERSONNEL_FILE_RETENTION_YEARS,
    PAYSLIP_RETENTION_YEARS,
    ACCOUNTING_RETENTION_YEARS,
    TIME_RECORDS_RETENTION_YEARS,
    CANDIDATE_RETENTION_YEARS,
    CONNECTION_LOG_RETENTION_MONTHS,
    LOGIN_ATTEMPT_RETENTION_MONTHS,
)
