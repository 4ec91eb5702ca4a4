"""View guards: login, then a predicate on the user, else 403."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http.response import HttpResponseBase

if TYPE_CHECKING:
    from effectif.core.roles import Actor
    from effectif.core.typing import AuthenticatedRequest

View = Callable[..., HttpResponseBase]


def require(predicate: Callable[[Actor], bool]) -> Callable[[View], View]:
    """Log in first; then the user must satisfy `predicate` (a permission predicate, which
    answers for any `Actor`), or gets 403."""

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: AuthenticatedRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not predicate(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(guarded)

    return decorate


def ensure(allowed: bool) -> None:
    """Inside a view, after fetching an object in scope: 403 unless the action is allowed."""
    if not allowed:
        raise PermissionDenied
