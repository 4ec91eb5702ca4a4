"""Extension point: the employers an account is granted, which the organisation app keeps (it
sits above this one and registers itself when it starts)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from django.db.models import QuerySet

if TYPE_CHECKING:
    from effectif.accounts.models import User


class EmployerGrants(Protocol):
    def employers(self) -> QuerySet[Any]:
        """Every employer an administrator may grant."""
        ...

    def grant_exactly(self, *, user: User, employers: Iterable[Any], by: User) -> None:
        """Grant `employers` to `user` and withdraw the others, each change audited."""
        ...


class _Registry:
    def __init__(self) -> None:
        self.grants: EmployerGrants | None = None

    def set_grants(self, grants: EmployerGrants) -> None:
        self.grants = grants

    def get(self) -> EmployerGrants:
        if self.grants is None:
            raise LookupError("no app keeps the employers granted to accounts")
        return self.grants


registry = _Registry()
