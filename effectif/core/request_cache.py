"""What a request works out once about its user: their scope.

A page asks "which departments does this manager run?" many times over (the list, the
deadlines of each app, the panels); the answer does not change while the request runs, unless
the request itself changes the organisation. `per_request` keeps a function's answer for the
rest of the request, keyed by the user; outside a request (tests calling a selector, commands,
the task worker) nothing is kept. The apps that own what a scope is made of forget the answers
when it changes (`forget`), so a page that saves a department then lists the team sees the
new team.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from effectif.core.roles import Actor

T = TypeVar("T")

_answers: contextvars.ContextVar[dict[tuple[str, Any], Any] | None] = contextvars.ContextVar(
    "request_answers", default=None
)


@contextmanager
def request_scope() -> Iterator[None]:
    """The span of one request: answers kept inside it are forgotten at its end."""
    token = _answers.set({})
    try:
        yield
    finally:
        _answers.reset(token)


def forget() -> None:
    """Forget every answer kept for the current request (its organisation changed)."""
    answers = _answers.get()
    if answers is not None:
        answers.clear()


def per_request(function: Callable[[Actor], frozenset[T]]) -> Callable[[Actor], frozenset[T]]:
    """Keep `function(user)`'s answer for the rest of the request. The answer is immutable,
    so no caller can change what the next one is given."""
    name = f"{function.__module__}.{function.__qualname__}"

    @wraps(function)
    def kept(user: Actor) -> frozenset[T]:
        answers = _answers.get()
        pk = user.pk
        if answers is None or pk is None:
            return function(user)
        key = (name, pk)
        if key not in answers:
            answers[key] = function(user)
        result: frozenset[T] = answers[key]
        return result

    return kept
