"""Deadlines of contracts for the HR to-do: trial periods to decide, fixed terms ending."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.contracts.models import Contract, Kind, effective_trial_end
from effectif.contracts.selectors import contracts_for
from effectif.core.deadlines import Deadline, page_link
from effectif.employees.models import display_name_of
from effectif.rules.contracts.trial_notice import last_day_to_notify

#: What a deadline of a contract reads, as plain rows: a large employer's to-do lists
#: hundreds of them, and a model instance for each would cost more than the rest.
ROW_FIELDS = (
    "pk",
    "kind",
    "start_date",
    "end_date",
    "trial_end_date",
    "trial_renewed",
    "trial_renewal_end_date",
    "employee_id",
    "employee__last_name",
    "employee__usage_name",
    "employee__first_names",
    "employee__employer_id",
)


def deadline_rows(contracts: QuerySet[Contract], *extra: str) -> Iterable[Any]:
    """`contracts` as named rows of `ROW_FIELDS` and the `extra` fields a provider needs."""
    return contracts.select_related(None).values_list(*ROW_FIELDS, *extra, named=True)


def person(row: Any) -> str:
    return display_name_of(
        row.employee__last_name, row.employee__usage_name, row.employee__first_names
    )


@cache
def _kind_labels(language: str | None) -> dict[str, str]:
    """The contract kinds' labels in `language` (the active one when asked)."""
    return {value: str(label) for value, label in Kind.choices}


def kind_label(kind: str) -> str:
    """A contract kind's label, read from a table made once per language rather than from the
    enumeration and the catalogue for each of the hundreds of rows of a to-do."""
    return _kind_labels(get_language()).get(kind, kind)


#: The last day to announce the end of a trial depends only on its start and its end (a pure
#: rule on fixed parameters), and many contracts share both: each pair is worked out once.
_last_day_to_notify = lru_cache(maxsize=4096)(last_day_to_notify)


@lru_cache(maxsize=4096)
def _fmt(day: dt.date) -> str:
    """« 01/07/2026 »: the to-do's rows repeat a few days hundreds of times."""
    return day.strftime("%d/%m/%Y")


def trial_decisions(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    """A trial period ends: the employer who wants to end the contract must say so early enough
    (L1221-25); the to-do shows the last day to do it."""
    horizon = end + dt.timedelta(days=31)  # the decision day falls up to a month before the end
    contracts = deadline_rows(
        contracts_for(user).filter(
            Q(trial_renewed=False, trial_end_date__range=(start, horizon))
            | Q(trial_renewed=True, trial_renewal_end_date__range=(start, horizon))
        )
    )
    link = page_link("contracts:detail")
    title = _("Période d'essai de %(name)s : fin le %(end)s")
    rule = _(
        "Pour y mettre fin, prévenir le salarié au plus tard le %(day)s (délai de "
        "prévenance, C. trav. L1221-25) ; sinon le contrat se poursuit."
    )
    for row in contracts:
        trial_end = effective_trial_end(
            row.trial_renewed, row.trial_end_date, row.trial_renewal_end_date
        )
        assert isinstance(trial_end, dt.date)
        if trial_end < row.start_date or (row.end_date and row.end_date < trial_end):
            continue
        decide_by = _last_day_to_notify(row.start_date, trial_end)
        if not start <= decide_by <= end:
            continue
        yield Deadline(
            due_date=decide_by,
            kind="trial",
            title=title % {"name": person(row), "end": _fmt(trial_end)},
            rule=rule % {"day": _fmt(decide_by)},
            url=link(row.pk),
            employer_id=row.employee__employer_id,
            employee_id=row.employee_id,
        )


def fixed_terms_ending(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    """A fixed-term contract ends: end-of-contract documents, the 10 % indemnity, and the CDI
    proposal to record if one is made (L1243-11-1)."""
    contracts = deadline_rows(
        contracts_for(user)
        .filter(end_date__range=(start, end))
        .exclude(kind__in=[Kind.CDI, Kind.CIVIL_SERVANT])
    )
    link = page_link("contracts:detail")
    title = _("Fin du contrat de %(name)s (%(kind)s)")
    precarious_rule = _(
        "Remettre certificat de travail, attestation France Travail et solde de tout "
        "compte ; indemnité de fin de contrat de 10 % sauf exceptions (C. trav. L1243-8) ; "
        "une proposition de CDI se fait par écrit (L1243-11-1)."
    )
    other_rule = _("Remettre les documents de fin de contrat (C. trav. L1234-19).")
    for row in contracts:
        yield Deadline(
            due_date=row.end_date or end,
            kind="fixed_term",
            title=title % {"name": person(row), "kind": kind_label(row.kind)},
            rule=precarious_rule if row.kind in {Kind.CDD, Kind.INTERIM} else other_rule,
            url=link(row.pk),
            employer_id=row.employee__employer_id,
            employee_id=row.employee_id,
        )


def hires_starting(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    """A contract starts: the pre-hire declaration is due before the first hour of work."""
    link = page_link("contracts:detail")
    title = _("Embauche de %(name)s (%(kind)s)")
    rule = _(
        "Déclaration préalable à l'embauche au plus tôt 8 jours avant et au plus tard "
        "avant la prise de poste (C. trav. L1221-10, R1221-5)."
    )
    for row in deadline_rows(contracts_for(user).filter(start_date__range=(start, end))):
        yield Deadline(
            due_date=row.start_date,
            kind="hire",
            title=title % {"name": person(row), "kind": kind_label(row.kind)},
            rule=rule,
            url=link(row.pk),
            employer_id=row.employee__employer_id,
            employee_id=row.employee_id,
        )
