"""The HR to-do (échéancier): legal deadlines contributed by each app.

Every app that knows of a deadline (trial periods, fixed terms, work permits, medical visits,
pre-hire declarations, departures…) registers a provider for its kind; the to-do page, the home
page, the weekly digest and the API collect them through the user's scope. Core never imports
the apps: they register themselves when ready.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeAlias

from django.urls import reverse
from django_stubs_ext import StrOrPromise

from effectif.core.roles import is_hr, is_manager

if TYPE_CHECKING:
    from effectif.accounts.models import User
    from effectif.core.roles import Actor


@dataclass(frozen=True)
class Deadline:
    due_date: dt.date
    kind: str
    title: str
    rule: str  # what the law or the agreement asks, with its article
    url: str
    employer_id: int | None = None
    employee_id: int | None = None
    detail: str = ""

    def overdue(self, today: dt.date) -> bool:
        return self.due_date < today


def page_link(view_name: str) -> Callable[[int], str]:
    """The path of `view_name` for an object's primary key, reversed once rather than once per
    deadline: providers list hundreds of them for a large employer."""
    sentinel = 987_654_321
    template = reverse(view_name, args=[sentinel])
    return lambda pk: template.replace(str(sentinel), str(pk))


def reads_deadlines(user: Actor) -> bool:
    """HR and managers have a to-do (the page, the home page's excerpt, the digest, the API)."""
    return is_hr(user) or is_manager(user)


#: (user, start, end) -> the deadlines due from start to end that the user may see.
Provider: TypeAlias = "Callable[[User, dt.date, dt.date], Iterable[Deadline]]"


@dataclass
class _Kind:
    key: str
    label: StrOrPromise
    provider: Provider
    order: int = 100


@dataclass
class DeadlineRegistry:
    kinds: dict[str, _Kind] = field(default_factory=dict)

    def register(self, key: str, label: StrOrPromise, provider: Provider, order: int = 100) -> None:
        self.kinds[key] = _Kind(key, label, provider, order)

    def choices(self) -> list[tuple[str, StrOrPromise]]:
        return [(k.key, k.label) for k in sorted(self.kinds.values(), key=lambda k: k.order)]

    def collect(
        self,
        user: User,
        start: dt.date,
        end: dt.date,
        kinds: Iterable[str] | None = None,
        employer_id: int | None = None,
    ) -> list[Deadline]:
        wanted = set(kinds) if kinds else set(self.kinds)
        found = [
            deadline
            for kind in self.kinds.values()
            if kind.key in wanted
            for deadline in kind.provider(user, start, end)
            if employer_id is None or deadline.employer_id == employer_id
        ]
        return sorted(found, key=lambda d: (d.due_date, d.kind, d.title))

    def label(self, key: str) -> StrOrPromise:
        kind = self.kinds.get(key)
        return kind.label if kind else key


deadlines = DeadlineRegistry()
