"""What the health follow-up rules know of a worker, and what they answer.

Codes are the values the health app stores (its choices carry the French labels).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class VisitKind(StrEnum):
    VIP_INITIAL = "vip_embauche"  # visite d'information et de prévention, prise de poste
    VIP_PERIODIC = "vip_periodique"  # its renewal
    APTITUDE_INITIAL = "aptitude_embauche"  # examen médical d'aptitude (SIR), avant affectation
    APTITUDE_PERIODIC = "aptitude_periodique"  # its renewal
    INTERMEDIATE = "intermediaire"  # visite intermédiaire du SIR
    RETURN = "reprise"  # examen de reprise
    MID_CAREER = "mi_carriere"
    POST_EXPOSURE = "fin_exposition"  # visite de fin d'exposition ou de carrière (SIR)
    PRE_RETURN = "pre_reprise"  # asked for by the worker or their doctor: never computed
    ON_REQUEST = "demande"  # at the request of the worker, employer or physician


#: Visits that renew the follow-up: a VIP, or an aptitude exam that stands in for it.
FOLLOW_UP_KINDS = frozenset(
    {
        VisitKind.VIP_INITIAL,
        VisitKind.VIP_PERIODIC,
        VisitKind.APTITUDE_INITIAL,
        VisitKind.APTITUDE_PERIODIC,
    }
)
#: Visits with the occupational physician that open a cycle of the reinforced follow-up.
EXAM_KINDS = frozenset({VisitKind.APTITUDE_INITIAL, VisitKind.APTITUDE_PERIODIC})


class AbsenceKind(StrEnum):
    MATERNITY = "maternity"
    OCCUPATIONAL_DISEASE = "occupational_disease"
    WORK_ACCIDENT = "work_accident"
    ILLNESS = "illness"  # illness or accident that is not work-related


class Reason(StrEnum):
    """Why a visit is due: each reason has its article."""

    VIP_HIRING = "vip_embauche"
    VIP_BEFORE_NIGHT = "vip_avant_nuit"
    VIP_BEFORE_MINOR = "vip_avant_mineur"
    VIP_NIGHT_ASSIGNMENT = "vip_affectation_nuit"
    VIP_PERIODIC = "vip_periodique"
    VIP_ADAPTED = "vip_periodique_adaptee"
    SET_BY_PROFESSIONAL = "periodicite_fixee"
    APTITUDE_BEFORE_ASSIGNMENT = "aptitude_avant_affectation"
    APTITUDE_RENEWAL = "aptitude_renouvellement"
    INTERMEDIATE = "intermediaire"
    RETURN_MATERNITY = "reprise_maternite"
    RETURN_OCCUPATIONAL_DISEASE = "reprise_maladie_professionnelle"
    RETURN_WORK_ACCIDENT = "reprise_accident_travail"
    RETURN_ILLNESS = "reprise_maladie"
    MID_CAREER = "mi_carriere"
    MID_CAREER_AGREEMENT = "mi_carriere_accord"
    POST_EXPOSURE = "fin_exposition"


@dataclass(frozen=True)
class Absence:
    kind: AbsenceKind
    start: date
    end: date  # inclusive; the planned end of a stoppage still running


@dataclass(frozen=True)
class PastVisit:
    kind: VisitKind
    held_on: date
    #: the next visit, when the health professional set it earlier than the law's maximum
    next_by: date | None = None


@dataclass(frozen=True)
class HealthFacts:
    birth_date: date
    #: taking up the post: the start of the current employment (successive contracts with no
    #: day between them count as one)
    start: date
    #: its end, when known (term of a fixed-term contract, departure)
    end: date | None = None
    #: since when the post calls for the reinforced follow-up (C. trav. R4624-23)
    reinforced_since: date | None = None
    #: since when the post involves night work (C. trav. L3122-5)
    night_since: date | None = None
    #: recognised disabled worker or invalidity pensioner (C. trav. R4624-17)
    disabled: bool = False
    absences: tuple[Absence, ...] = ()
    #: the visits already held, whatever the employer they were held for
    visits: tuple[PastVisit, ...] = ()
    #: the age of the mid-career visit set by a branch agreement; None: the law's
    mid_career_age: int | None = None


@dataclass(frozen=True)
class DueVisit:
    kind: VisitKind
    reason: Reason
    due_date: date
    #: identifies the obligation across computations: "vip:2026-01-05", "reprise:illness:…"
    key: str
    #: the legal basis, with its article
    basis: str
    #: the date it runs from: the start, the last visit, the return to work, the assignment…
    since: date
