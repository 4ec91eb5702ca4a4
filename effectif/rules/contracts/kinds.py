"""The vocabulary of contracts shared by the rules and the apps."""

from __future__ import annotations

from enum import StrEnum


class ContractKind(StrEnum):
    CDI = "cdi"
    CDD = "cdd"
    INTERIM = "interim"
    APPRENTICESHIP = "apprentissage"
    PROFESSIONALISATION = "professionnalisation"
    INTERNSHIP = "stage"
    CIVIL_SERVANT = "titulaire"
    PUBLIC_CONTRACT = "contractuel"


class Category(StrEnum):
    WORKER = "ouvrier"
    CLERK = "employe"
    SUPERVISOR = "tam"  # technicien / agent de maîtrise
    EXECUTIVE = "cadre"


class WorkingTime(StrEnum):
    FULL_TIME = "temps_plein"
    PART_TIME = "temps_partiel"
    DAYS_PACKAGE = "forfait_jours"


#: Kinds that always carry an end date (or a minimum duration).
FIXED_TERM_KINDS = frozenset(
    {ContractKind.CDD, ContractKind.INTERIM, ContractKind.APPRENTICESHIP, ContractKind.INTERNSHIP}
)
#: Kinds that need the legal reason of article L1242-2 (and L1251-6 for temporary work).
REASON_REQUIRED_KINDS = frozenset({ContractKind.CDD, ContractKind.INTERIM})
#: Kinds not counted in the headcount (C. trav. L1111-3; interns are not employees).
NOT_COUNTED_KINDS = frozenset(
    {ContractKind.APPRENTICESHIP, ContractKind.PROFESSIONALISATION, ContractKind.INTERNSHIP}
)
