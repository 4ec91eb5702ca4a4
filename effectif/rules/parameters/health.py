"""Occupational health follow-up (suivi individuel de l'état de santé): delays and periodicities
of the visits, with their articles of the Code du travail.

The reform of occupational medicine (loi n° 2016-1088, décret n° 2016-1908 du 27/12/2016) set
the information and prevention visit (VIP) and the reinforced follow-up (SIR) from 1 January
2017; the loi n° 2021-1018 du 02/08/2021 and the décret n° 2022-372 du 16/03/2022 added the
mid-career visit and moved the return-to-work threshold after a non-occupational illness to
60 days, for the stoppages that begin from 1 April 2022.
"""

from __future__ import annotations

from datetime import date

from effectif.rules.parameters.base import DatedValue, Parameter

_REFORM_2017 = date(2017, 1, 1)  # décret n° 2016-1908 du 27/12/2016
_REFORM_2022 = date(2022, 3, 31)  # loi n° 2021-1018 du 02/08/2021, art. 22 et 40
_REPRISE_2022 = date(2022, 4, 1)  # décret n° 2022-372 du 16/03/2022, art. 3
_REPRISE_2012 = date(2012, 7, 1)  # décret n° 2012-135 du 30/01/2012

#: The VIP takes place within this many months of taking up the post.
VIP_DELAY_MONTHS: Parameter[int] = Parameter(
    name="vip_delai_mois",
    description="Délai maximal de la visite d'information et de prévention après la prise de poste",
    values=(DatedValue(_REFORM_2017, 3, "C. trav. art. R4624-10"),),
)

#: Age under which the VIP takes place before the assignment (as for night workers).
MINOR_AGE: Parameter[int] = Parameter(
    name="vip_prealable_age",
    description="Âge en deçà duquel la VIP a lieu avant l'affectation sur le poste",
    values=(DatedValue(_REFORM_2017, 18, "C. trav. art. R4624-18, 2°"),),
)

#: Maximum interval between two VIPs (the health professional may set a shorter one).
VIP_PERIOD_YEARS: Parameter[int] = Parameter(
    name="vip_periodicite_ans",
    description="Périodicité maximale du renouvellement de la VIP",
    values=(DatedValue(_REFORM_2017, 5, "C. trav. art. R4624-16"),),
)

#: Adapted follow-up: night workers, disabled workers and invalidity pensioners.
ADAPTED_PERIOD_YEARS: Parameter[int] = Parameter(
    name="vip_periodicite_adaptee_ans",
    description=(
        "Périodicité maximale du suivi adapté (travailleurs de nuit, travailleurs handicapés, "
        "titulaires d'une pension d'invalidité)"
    ),
    values=(DatedValue(_REFORM_2017, 3, "C. trav. art. R4624-17"),),
)

#: Reinforced follow-up: the aptitude exam is renewed within this many years.
SIR_RENEWAL_YEARS: Parameter[int] = Parameter(
    name="sir_renouvellement_ans",
    description="Périodicité maximale de l'examen médical d'aptitude (suivi individuel renforcé)",
    values=(DatedValue(_REFORM_2017, 4, "C. trav. art. R4624-28"),),
)

#: Reinforced follow-up: an intermediate visit by a health professional within this many years
#: of the visit with the occupational physician.
SIR_INTERMEDIATE_YEARS: Parameter[int] = Parameter(
    name="sir_visite_intermediaire_ans",
    description="Délai maximal de la visite intermédiaire après l'examen par le médecin du travail",
    values=(DatedValue(_REFORM_2017, 2, "C. trav. art. R4624-28"),),
)

#: An aptitude exam held this many years before the assignment spares a new one (same post and
#: exposures, no inaptitude since: conditions the employer checks with the health service).
SIR_DISPENSE_YEARS: Parameter[int] = Parameter(
    name="sir_dispense_ans",
    description="Ancienneté maximale d'un examen d'aptitude qui dispense d'un nouvel examen",
    values=(DatedValue(_REFORM_2017, 2, "C. trav. art. R4624-27", unconfirmed=True),),
)

#: Return-to-work visit: minimum length of the absence, in calendar days, by cause; keyed by the
#: date the stoppage began (the 60 days apply to stoppages from 1 April 2022). Maternity and
#: occupational disease: any length (0).
RETURN_THRESHOLD_DAYS: Parameter[dict[str, int]] = Parameter(
    name="visite_reprise_seuils_jours",
    description="Durée d'absence à partir de laquelle la visite de reprise est obligatoire",
    values=(
        DatedValue(
            _REPRISE_2012,
            {"maternity": 0, "occupational_disease": 0, "work_accident": 30, "illness": 30},
            "C. trav. art. R4624-31 (rédaction du décret n° 2012-135)",
            unconfirmed=True,
        ),
        DatedValue(
            _REPRISE_2022,
            {"maternity": 0, "occupational_disease": 0, "work_accident": 30, "illness": 60},
            "C. trav. art. R4624-31 (décret n° 2022-372, arrêts commençant à compter du 01/04/2022)",
        ),
    ),
)

#: The return-to-work exam takes place on the day of return, at the latest within 8 days.
RETURN_DELAY_DAYS: Parameter[int] = Parameter(
    name="visite_reprise_delai_jours",
    description="Délai maximal de l'examen de reprise après la reprise effective du travail",
    values=(DatedValue(_REPRISE_2012, 8, "C. trav. art. R4624-31"),),
)

#: Mid-career visit: during the calendar year of this birthday, unless a branch agreement sets
#: another date; it may be held with another visit up to 2 years earlier.
MID_CAREER_AGE: Parameter[int] = Parameter(
    name="visite_mi_carriere_age",
    description="Âge dont l'année civile porte la visite de mi-carrière (à défaut d'accord)",
    values=(DatedValue(_REFORM_2022, 45, "C. trav. art. L4624-2-2"),),
)

MID_CAREER_ADVANCE_YEARS: Parameter[int] = Parameter(
    name="visite_mi_carriere_anticipation_ans",
    description="Anticipation possible de la visite de mi-carrière, en années",
    values=(DatedValue(_REFORM_2022, 2, "C. trav. art. L4624-2-2"),),
)

#: The first date a mid-career visit may be due (entry into force of the loi n° 2021-1018).
MID_CAREER_FROM = _REFORM_2022

#: An unfit worker neither redeployed nor dismissed one month after the exam is paid again.
UNFIT_SALARY_MONTHS: Parameter[int] = Parameter(
    name="inaptitude_reprise_salaire_mois",
    description=(
        "Délai après l'avis d'inaptitude au terme duquel, sans reclassement ni licenciement, "
        "le salaire est de nouveau versé"
    ),
    values=(DatedValue(date(1992, 1, 1), 1, "C. trav. art. L1226-4 et L1226-11"),),
)

ALL = (
    VIP_DELAY_MONTHS,
    MINOR_AGE,
    VIP_PERIOD_YEARS,
    ADAPTED_PERIOD_YEARS,
    SIR_RENEWAL_YEARS,
    SIR_INTERMEDIATE_YEARS,
    SIR_DISPENSE_YEARS,
    RETURN_THRESHOLD_DAYS,
    RETURN_DELAY_DAYS,
    MID_CAREER_AGE,
    MID_CAREER_ADVANCE_YEARS,
    UNFIT_SALARY_MONTHS,
)
