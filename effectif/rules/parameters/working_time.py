"""Working time (durée du travail): maximum durations, rests, breaks, young workers, part time,
overtime and complementary hours, the journée de solidarité — each figure with its article.

The legal duration itself (35 h, L3121-27) is `smic.LEGAL_WEEKLY_HOURS`; the premiums of
overtime and complementary hours are `overtime.HOUR_PREMIUMS`. Durations are in hours
(`Decimal`), breaks in minutes. Where a collective agreement (accord d'entreprise or de branche)
may set another value, the parameter gives the default and the ceiling (or floor) the accord
may reach; the employer's settings choose within it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter

#: In force from the day after publication of loi n° 2016-1088 du 08/08/2016 (« loi Travail »),
#: which renumbered the articles of the Code du travail on working time.
LOI_TRAVAIL_2016 = date(2016, 8, 10)


@dataclass(frozen=True, slots=True)
class WithAccord:
    """A limit by default, and the furthest value a collective agreement may set."""

    default: Decimal
    accord_limit: Decimal


DAILY_MAXIMUM: Parameter[WithAccord] = Parameter(
    name="duree_quotidienne_maximale",
    description="Durée quotidienne maximale de travail effectif, en heures (12 h par accord)",
    values=(
        DatedValue(
            LOI_TRAVAIL_2016,
            WithAccord(Decimal(10), Decimal(12)),
            "C. trav. art. L3121-18 (10 h) ; L3121-19 (jusqu'à 12 h par accord, en cas "
            "d'activité accrue ou pour des motifs liés à l'organisation de l'entreprise)",
        ),
    ),
)

WEEKLY_MAXIMUM: Parameter[Decimal] = Parameter(
    name="duree_hebdomadaire_maximale",
    description="Durée maximale de travail au cours d'une même semaine, en heures",
    values=(DatedValue(LOI_TRAVAIL_2016, Decimal(48), "C. trav. art. L3121-20"),),
)


@dataclass(frozen=True, slots=True)
class AverageMaximum:
    """A maximum weekly average over a number of consecutive weeks."""

    weeks: int
    hours: WithAccord


WEEKLY_AVERAGE_MAXIMUM: Parameter[AverageMaximum] = Parameter(
    name="duree_hebdomadaire_moyenne_maximale",
    description="Durée hebdomadaire moyenne maximale sur 12 semaines consécutives (46 h par accord)",
    values=(
        DatedValue(
            LOI_TRAVAIL_2016,
            AverageMaximum(12, WithAccord(Decimal(44), Decimal(46))),
            "C. trav. art. L3121-22 (44 h sur 12 semaines) ; L3121-23 (46 h par accord)",
        ),
    ),
)

DAILY_REST: Parameter[Decimal] = Parameter(
    name="repos_quotidien",
    description="Repos quotidien minimal, en heures consécutives",
    values=(DatedValue(LOI_TRAVAIL_2016, Decimal(11), "C. trav. art. L3131-1"),),
)

#: The amplitude of a working day (first start to last end) cannot exceed 24 h less the daily
#: rest: Cass. soc. 23/09/2009 n° 07-44.226 derives the 13-hour amplitude from L3131-1.
AMPLITUDE_SOURCE = "C. trav. art. L3131-1 ; Cass. soc. 23/09/2009 n° 07-44.226 (amplitude)"


@dataclass(frozen=True, slots=True)
class WeeklyRest:
    """Weekly rest: `hours` consecutive hours to which the daily rest is added, given within the
    week; at most `max_days` working days a week."""

    hours: Decimal
    max_days: int


WEEKLY_REST: Parameter[WeeklyRest] = Parameter(
    name="repos_hebdomadaire",
    description="Repos hebdomadaire (24 h + 11 h de repos quotidien) et jours travaillés par semaine",
    values=(
        DatedValue(
            date(2008, 5, 1),
            WeeklyRest(Decimal(24), 6),
            "C. trav. art. L3132-1 (6 jours par semaine au plus), L3132-2 (24 h consécutives "
            "auxquelles s'ajoutent les 11 h du repos quotidien)",
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class Break:
    """A break of `minutes` consecutive minutes once `after_hours` of work are reached."""

    minutes: int
    after_hours: Decimal


BREAK: Parameter[Break] = Parameter(
    name="pause",
    description="Pause minimale dès que le temps de travail quotidien atteint 6 heures",
    values=(DatedValue(LOI_TRAVAIL_2016, Break(20, Decimal(6)), "C. trav. art. L3121-16"),),
)


@dataclass(frozen=True, slots=True)
class YoungWorkers:
    """Workers under `age` (18): their own limits, whatever the accord."""

    age: int
    daily_hours: Decimal
    weekly_hours: Decimal
    daily_rest_hours: Decimal
    daily_rest_hours_under_16: Decimal
    weekly_rest_days: int  # consecutive days
    break_minutes: int
    break_after_hours: Decimal


YOUNG_WORKERS: Parameter[YoungWorkers] = Parameter(
    name="jeunes_travailleurs",
    description="Jeunes travailleurs de moins de 18 ans : durées, repos et pauses",
    values=(
        DatedValue(
            date(2008, 5, 1),
            YoungWorkers(
                age=18,
                daily_hours=Decimal(8),
                weekly_hours=Decimal(35),
                daily_rest_hours=Decimal(12),
                daily_rest_hours_under_16=Decimal(14),
                weekly_rest_days=2,
                break_minutes=30,
                break_after_hours=Decimal("4.5"),
            ),
            "C. trav. art. L3162-1 (8 h par jour, 35 h par semaine), L3164-1 (12 h de repos, "
            "14 h avant 16 ans), L3164-2 (2 jours consécutifs), L3162-3 (30 min après 4 h 30)",
            unconfirmed=True,
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class PartTime:
    """Part time: the minimum weekly duration, and the complementary hours allowed as a fraction
    of the contractual duration (by default, and by accord)."""

    minimum_weekly_hours: Decimal
    complementary_fraction: WithAccord


PART_TIME: Parameter[PartTime] = Parameter(
    name="temps_partiel",
    description="Temps partiel : durée minimale et plafond des heures complémentaires",
    values=(
        DatedValue(
            date(2014, 7, 1),
            PartTime(Decimal(24), WithAccord(Decimal("0.1"), Decimal(1) / Decimal(3))),
            "C. trav. art. L3123-7 (24 h par semaine, loi n° 2013-504 ; dérogations : demande "
            "écrite du salarié, étudiant de moins de 26 ans, accord de branche), L3123-28 "
            "(1/10e), L3123-20 (1/3 par accord), L3123-9 (jamais au niveau de la durée légale)",
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class Overtime:
    """Overtime: the first `first_band_hours` hours beyond the legal duration earn the first
    premium, the following ones the second (premiums: `overtime.HOUR_PREMIUMS`); `contingent`
    hours a year may be worked without the works council's opinion and compensatory rest."""

    first_band_hours: Decimal
    contingent_hours: Decimal


OVERTIME: Parameter[Overtime] = Parameter(
    name="heures_supplementaires",
    description="Heures supplémentaires : tranche à 25 % et contingent annuel",
    values=(
        DatedValue(
            LOI_TRAVAIL_2016,
            Overtime(Decimal(8), Decimal(220)),
            "C. trav. art. L3121-36 (8 premières heures à 25 %, au-delà 50 %) ; D3121-24 "
            "(contingent de 220 h par salarié et par an à défaut d'accord)",
        ),
    ),
)

SOLIDARITY_DAY_HOURS: Parameter[Decimal] = Parameter(
    name="journee_de_solidarite_heures",
    description="Journée de solidarité : heures de travail non rémunérées (temps plein)",
    values=(
        DatedValue(
            date(2008, 4, 18),
            Decimal(7),
            "C. trav. art. L3133-8 (7 h, au prorata à temps partiel) ; L3133-10 et L3133-11 "
            "(ni rémunérées, ni imputées sur le contingent d'heures supplémentaires)",
        ),
    ),
)
