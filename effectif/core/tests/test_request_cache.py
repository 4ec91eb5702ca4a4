"""Answers kept for the rest of a request: once per user inside a request, never outside one,
and forgotten when the organisation changes."""

from __future__ import annotations

from types import SimpleNamespace

from effectif.core.request_cache import forget, per_request, request_scope

calls: list[int] = []


@per_request
def teams_of(user: SimpleNamespace) -> frozenset[int]:
    calls.append(user.pk)
    return frozenset({user.pk * 10})


def test_an_answer_is_worked_out_once_per_user_within_a_request() -> None:
    calls.clear()
    alice, bob = SimpleNamespace(pk=1), SimpleNamespace(pk=2)
    with request_scope():
        assert teams_of(alice) == {10}
        assert teams_of(alice) == {10}
        assert teams_of(bob) == {20}
    assert calls == [1, 2]


def test_nothing_is_kept_outside_a_request_nor_from_one_request_to_the_next() -> None:
    calls.clear()
    alice = SimpleNamespace(pk=1)
    teams_of(alice)
    teams_of(alice)
    with request_scope():
        teams_of(alice)
    with request_scope():
        teams_of(alice)
    assert calls == [1, 1, 1, 1]


def test_forget_drops_what_the_request_kept() -> None:
    calls.clear()
    alice = SimpleNamespace(pk=1)
    with request_scope():
        teams_of(alice)
        forget()
        teams_of(alice)
    assert calls == [1, 1]
