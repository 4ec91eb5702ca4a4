"""The pre-hire declaration (DPAE): what it must contain and when it may be filed.

Content: C. trav. R1221-1 — the employer (name, APE code, address, SIRET, occupational health
service), the employee (names, sex, date and place of birth, NIR if already registered), the
date and hour of hire, the nature and duration of the contract and the trial period for a CDI
or a CDD of more than six months. Timing: before the hire (L1221-10), and not earlier than
8 days before it (see `rules.parameters.hiring.DPAE_EARLIEST_DAYS`). The checks take plain
facts, so they run without a database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from effectif.rules.contracts.kinds import FIXED_TERM_KINDS
from effectif.rules.contracts.trial_period import end_after_months
from effectif.rules.identity.checks import (
    InvalidIdentifier,
    check_naf,
    check_nir,
    check_siret,
    nir_consistency_errors,
)
from effectif.rules.parameters.hiring import DPAE_EARLIEST_DAYS

CONTENT_ARTICLE = "C. trav. R1221-1"
BEFORE_ARTICLE = "C. trav. L1221-10"
EARLIEST_ARTICLE = "C. trav. L1221-10, R1221-1 s."
LONG_CONTRACT_MONTHS = 6


@dataclass(frozen=True)
class DpaeFacts:
    """What the declaration carries, read from the employer, the file and the contract."""

    employer_name: str
    naf_code: str
    employer_address: str
    siret: str
    health_service: str
    last_name: str
    first_names: str
    sex: str
    birth_date: dt.date | None
    birth_place: str
    birth_country: str
    nir: str
    nir_absence_reason: str
    hire_at: dt.datetime | None
    contract_start: dt.date
    contract_kind: str
    contract_end: dt.date | None
    trial_end: dt.date | None


@dataclass(frozen=True)
class Problem:
    field: str
    message: str
    article: str

    def __str__(self) -> str:
        return f"{self.message} ({self.article})"


def _missing(field: str, label: str) -> Problem:
    return Problem(field, f"{label} : information manquante.", CONTENT_ARTICLE)


def _identifier(field: str, value: str, check: Callable[[str], str], label: str) -> Problem | None:
    if not value:
        return _missing(field, label)
    try:
        check(value)
    except InvalidIdentifier as error:
        return Problem(field, f"{label} : {error}", CONTENT_ARTICLE)
    return None


def _employer_problems(facts: DpaeFacts) -> list[Problem]:
    found = [
        _identifier("siret", facts.siret, check_siret, "SIRET de l'établissement"),
        _identifier("naf_code", facts.naf_code, check_naf, "Code NAF/APE"),
    ]
    if not facts.employer_address.strip():
        found.append(_missing("employer_address", "Adresse de l'employeur"))
    if not facts.health_service.strip():
        found.append(
            Problem(
                "health_service",
                (
                    "Service de santé au travail de l'établissement : à renseigner dans "
                    "l'organisation (il figure sur la déclaration)."
                ),
                CONTENT_ARTICLE,
            )
        )
    return [p for p in found if p is not None]


def _employee_problems(facts: DpaeFacts) -> list[Problem]:
    found: list[Problem] = []
    for field, value, label in (
        ("last_name", facts.last_name, "Nom de naissance"),
        ("first_names", facts.first_names, "Prénoms"),
        ("sex", facts.sex, "Sexe"),
        ("birth_place", facts.birth_place, "Lieu de naissance"),
    ):
        if not value.strip():
            found.append(_missing(field, label))
    if facts.birth_date is None:
        found.append(_missing("birth_date", "Date de naissance"))
    if facts.nir:
        try:
            nir = check_nir(facts.nir)
        except InvalidIdentifier as error:
            found.append(Problem("nir", f"NIR : {error}", CONTENT_ARTICLE))
        else:
            for message in nir_consistency_errors(
                nir, sex=facts.sex or None, birth_date=facts.birth_date
            ):
                found.append(Problem("nir", message, CONTENT_ARTICLE))
    elif not facts.nir_absence_reason.strip():
        found.append(
            Problem(
                "nir_absence_reason",
                (
                    "NIR absent : indiquez pourquoi (salarié pas encore immatriculé, "
                    "immatriculation en cours…) ; la date et le lieu de naissance en tiennent lieu."
                ),
                CONTENT_ARTICLE,
            )
        )
    return found


def trial_days(facts: DpaeFacts) -> int | None:
    """The length of the trial period in calendar days, if the contract has one."""
    if facts.trial_end is None:
        return None
    return (facts.trial_end - facts.contract_start).days + 1


def needs_trial_length(facts: DpaeFacts) -> bool:
    """The trial length is declared for a CDI and for a fixed-term contract whose term or
    minimum duration exceeds six months (R1221-1, 4°)."""
    if facts.contract_kind not in FIXED_TERM_KINDS:
        return True
    if facts.contract_end is None:
        return False
    return facts.contract_end > end_after_months(facts.contract_start, LONG_CONTRACT_MONTHS)


def _contract_problems(facts: DpaeFacts) -> list[Problem]:
    found: list[Problem] = []
    if facts.hire_at is None:
        found.append(_missing("hire_at", "Date et heure d'embauche"))
    elif facts.hire_at.date() != facts.contract_start:
        found.append(
            Problem(
                "hire_at",
                f"La date d'embauche déclarée ({facts.hire_at:%d/%m/%Y}) diffère du début du "
                f"contrat ({facts.contract_start:%d/%m/%Y}).",
                CONTENT_ARTICLE,
            )
        )
    if facts.contract_kind in FIXED_TERM_KINDS and facts.contract_end is None:
        found.append(_missing("contract_end", "Date de fin du contrat à durée déterminée"))
    return found


def data_problems(facts: DpaeFacts) -> list[Problem]:
    """Everything the declaration needs and does not have yet."""
    return _employer_problems(facts) + _employee_problems(facts) + _contract_problems(facts)


def earliest_filing_day(hire_day: dt.date) -> dt.date:
    """The first day the declaration of a hire on `hire_day` may be filed."""
    return hire_day - dt.timedelta(days=DPAE_EARLIEST_DAYS.at(hire_day))


def earliest_filing(hire_at: dt.datetime) -> dt.date:
    """The first day the declaration may be filed."""
    return earliest_filing_day(hire_at.date())


def timing_problem(hire_at: dt.datetime, declared_at: dt.datetime) -> Problem | None:
    """A declaration filed after the hire, or too long before it."""
    if declared_at > hire_at:
        return Problem(
            "declared_at",
            f"Déclaration effectuée après l'embauche (le {declared_at:%d/%m/%Y à %H:%M} pour une "
            f"embauche le {hire_at:%d/%m/%Y à %H:%M}) : elle doit précéder la prise de poste ; à "
            "défaut, pénalité et risque de travail dissimulé (C. trav. L8221-5).",
            BEFORE_ARTICLE,
        )
    earliest = earliest_filing(hire_at)
    if declared_at.date() < earliest:
        return Problem(
            "declared_at",
            f"Déclaration effectuée plus de {DPAE_EARLIEST_DAYS.at(hire_at.date())} jours avant "
            f"l'embauche : au plus tôt le {earliest:%d/%m/%Y}.",
            EARLIEST_ARTICLE,
        )
    return None
