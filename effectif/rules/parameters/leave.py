"""Paid leave (congés payés) and other leave: acquisition, caps, periods, family events.

Figures in jours ouvrables (Monday to Saturday, public holidays excepted) are the law's; their
equivalents in jours ouvrés (the days the employee works) are marked `unconfirmed` where the
law gives none and the figure is a conversion (5 jours ouvrés for 6 jours ouvrables).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter

OUVRABLES = "ouvrables"
OUVRES = "ouvres"

#: Loi n° 2024-364 du 22/04/2024 (DDADUE), art. 37: in force the day after publication.
_LOI_2024 = date(2024, 4, 24)
_LOI_2016 = date(2016, 8, 10)  # Loi n° 2016-1088 (travail), recodification of L3141-*


@dataclass(frozen=True, slots=True)
class Acquisition:
    """Paid leave acquired per month of effective work, and its yearly maximum."""

    per_month: Decimal
    yearly_max: Decimal
    #: Per month of absence for non-occupational illness, and its cap per reference period.
    sick_per_month: Decimal
    sick_cap: Decimal


ACQUISITION: Parameter[dict[str, Acquisition]] = Parameter(
    name="conges_payes_acquisition",
    description="Congés payés acquis par mois de travail effectif et pendant un arrêt maladie",
    values=(
        DatedValue(
            _LOI_2016,
            {
                OUVRABLES: Acquisition(Decimal("2.5"), Decimal(30), Decimal(0), Decimal(0)),
                OUVRES: Acquisition(Decimal("2.08"), Decimal(25), Decimal(0), Decimal(0)),
            },
            "C. trav. art. L3141-3 (2,5 jours ouvrables par mois, 30 au plus) ; avant la loi "
            "n° 2024-364, la maladie non professionnelle n'ouvrait pas de droit (L3141-5)",
        ),
        DatedValue(
            _LOI_2024,
            {
                OUVRABLES: Acquisition(Decimal("2.5"), Decimal(30), Decimal(2), Decimal(24)),
                OUVRES: Acquisition(Decimal("2.08"), Decimal(25), Decimal("1.67"), Decimal(20)),
            },
            "C. trav. art. L3141-3 ; L3141-5 7° et L3141-5-1 (loi n° 2024-364 du 22/04/2024 "
            "art. 37 : 2 jours ouvrables par mois d'arrêt maladie non professionnelle, 24 au plus "
            "par période) ; équivalents en jours ouvrés 1,67 et 20 calculés (5/6)",
            unconfirmed=True,
        ),
    ),
)

#: Periods equivalent to a month of effective work: four weeks (L3141-4), in calendar days.
MONTH_EQUIVALENT_DAYS: Parameter[int] = Parameter(
    name="conges_payes_equivalence_mois",
    description="Jours calendaires de travail effectif équivalant à un mois (quatre semaines)",
    values=(
        DatedValue(
            _LOI_2016,
            28,
            "C. trav. art. L3141-4 (quatre semaines ou vingt-quatre jours de travail)",
        ),
    ),
)

#: First month of the reference period (1 June), unless an agreement sets another (L3141-10).
REFERENCE_PERIOD_START_MONTH: Parameter[int] = Parameter(
    name="conges_payes_periode_reference_debut",
    description="Mois de début de la période de référence (1er juin à défaut d'accord)",
    values=(
        DatedValue(
            _LOI_2016,
            6,
            "C. trav. art. R3141-4 (1er juin – 31 mai) ; un accord peut en fixer une autre "
            "(L3141-10)",
            unconfirmed=True,
        ),
    ),
)

#: Months after a return from illness during which leave that could not be taken is carried.
ILLNESS_CARRY_OVER_MONTHS: Parameter[int] = Parameter(
    name="conges_payes_report_maladie_mois",
    description="Période de report des congés non pris pour maladie ou accident",
    values=(
        DatedValue(
            _LOI_2024,
            15,
            "C. trav. art. L3141-19-1 et L3141-19-2 (loi n° 2024-364) : 15 mois à compter de "
            "l'information du salarié à son retour, ou de la fin de la période d'acquisition "
            "s'il était absent depuis au moins un an",
        ),
    ),
)

#: The employer informs the employee of their days and deadline within a month of return.
ILLNESS_INFORMATION_MONTHS: Parameter[int] = Parameter(
    name="conges_payes_information_retour_mois",
    description="Délai d'information du salarié sur ses congés après son retour d'arrêt",
    values=(DatedValue(_LOI_2024, 1, "C. trav. art. L3141-19-3 (loi n° 2024-364)"),),
)


@dataclass(frozen=True, slots=True)
class Splitting:
    """Extra days when the main leave is split outside its legal period (fractionnement)."""

    main_leave: Decimal  # the main leave: four weeks (the fifth week is excluded)
    period_start: tuple[int, int]  # (month, day): 1 May
    period_end: tuple[int, int]  # 31 October
    one_day_from: Decimal  # days taken outside the period giving one extra day
    two_days_from: Decimal  # days taken outside the period giving two extra days


SPLITTING: Parameter[dict[str, Splitting]] = Parameter(
    name="conges_payes_fractionnement",
    description="Jours de fractionnement du congé principal pris hors de la période légale",
    values=(
        DatedValue(
            _LOI_2016,
            {
                OUVRABLES: Splitting(Decimal(24), (5, 1), (10, 31), Decimal(3), Decimal(6)),
                OUVRES: Splitting(Decimal(20), (5, 1), (10, 31), Decimal(3), Decimal(5)),
            },
            "C. trav. art. L3141-23 (dispositions supplétives) et L3141-13 (période du 1er mai "
            "au 31 octobre) ; seuils en jours ouvrés (3 et 5) par conversion",
            unconfirmed=True,
        ),
    ),
)

#: Leave pay by the tenth rule: a tenth of the gross pay of the reference period (L3141-24).
TENTH_RATE: Parameter[Decimal] = Parameter(
    name="conges_payes_dixieme",
    description="Indemnité de congés payés : part de la rémunération brute de la période",
    values=(
        DatedValue(
            _LOI_2016,
            Decimal("0.1"),
            "C. trav. art. L3141-24 (règle du dixième, comparée au maintien de salaire)",
        ),
    ),
)

#: Family events (congés pour événements familiaux) and their minimum durations in days.
FAMILY_EVENTS: Parameter[dict[str, int]] = Parameter(
    name="conges_evenements_familiaux",
    description="Durées minimales des congés pour événements familiaux, en jours",
    values=(
        DatedValue(
            date(2022, 6, 1),
            {
                "mariage": 4,
                "pacs": 4,
                "mariage_enfant": 1,
                "naissance": 3,
                "adoption": 3,
                "deces_enfant": 5,
                "deces_enfant_moins_25_ans": 7,
                "deces_conjoint": 3,
                "deces_parent": 3,
                "deces_beau_parent": 3,
                "deces_frere_soeur": 3,
                "handicap_enfant": 5,
            },
            "C. trav. art. L3142-4 (loi n° 2020-692 : 7 jours ouvrés au décès d'un enfant de "
            "moins de 25 ans ; loi n° 2021-1678 et n° 2023-622 : 5 jours à l'annonce d'un "
            "handicap, d'une pathologie chronique ou d'un cancer de l'enfant)",
            unconfirmed=True,
        ),
    ),
)

#: Bereavement leave for a child under 25, on top of the family-event leave (L3142-1-1).
CHILD_BEREAVEMENT_DAYS: Parameter[int] = Parameter(
    name="conge_de_deuil_enfant",
    description="Congé de deuil au décès d'un enfant de moins de 25 ans, en jours",
    values=(DatedValue(date(2020, 7, 1), 8, "C. trav. art. L3142-1-1 (loi n° 2020-692)"),),
)


@dataclass(frozen=True, slots=True)
class Maternity:
    """Maternity leave in weeks: before and after the birth."""

    before: int
    after: int

    @property
    def weeks(self) -> int:
        return self.before + self.after


MATERNITY: Parameter[dict[str, Maternity]] = Parameter(
    name="conge_de_maternite",
    description="Durée du congé de maternité en semaines (prénatal, postnatal)",
    values=(
        DatedValue(
            date(2008, 1, 1),
            {
                "premier_ou_deuxieme": Maternity(6, 10),
                "troisieme_enfant": Maternity(8, 18),
                "jumeaux": Maternity(12, 22),
                "triples_ou_plus": Maternity(24, 22),
            },
            "C. trav. art. L1225-17 à L1225-20 ; CSS art. L331-3",
            unconfirmed=True,
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class Paternity:
    """Paternity and childcare leave in calendar days, and the part taken right after the
    birth leave (mandatory)."""

    days: int
    multiple_births: int
    mandatory: int


PATERNITY: Parameter[Paternity] = Parameter(
    name="conge_de_paternite",
    description="Congé de paternité et d'accueil de l'enfant, en jours calendaires",
    values=(
        DatedValue(
            date(2021, 7, 1),
            Paternity(25, 32, 4),
            "C. trav. art. L1225-35 (loi n° 2020-1576 : 25 jours, 32 en cas de naissances "
            "multiples, dont 4 jours pris à la suite du congé de naissance de 3 jours)",
            unconfirmed=True,
        ),
    ),
)
