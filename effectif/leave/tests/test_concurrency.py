"""Two people act on the same leave request at once: the manager approves it while the
employee cancels it. The two transactions must follow one another (the request row is the
only lock they share, always taken first): one succeeds, the other is told in French that the
request changed meanwhile; never a deadlock, never a 500.

The race is arranged, not left to chance. On PostgreSQL the first transaction stops once it
holds its first lock, the second starts and is seen waiting on a lock, then the first goes on.
SQLite takes the whole database at the start of a transaction (`BEGIN IMMEDIATE`), so there
the second transaction starts when the first has ended, as it would wait its turn in
production (the suite's shared in-memory database answers « table is locked » at once instead
of waiting)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from effectif.leave import services
from effectif.leave.acquisitions import acquisitions_post
from effectif.leave.models import EntryKind, LeaveRequest, LedgerEntry, Status
from effectif.leave.services import (
    leave_request_approve,
    leave_request_cancel,
    leave_request_submit,
)
from effectif.rules.leave.counting import Span

pytestmark = pytest.mark.django_db(transaction=True)
MON = date(2026, 6, 8)
#: How many times the first transaction looks for the second waiting (10 ms apart).
POLLS = 1000


def _backend_pid() -> int | None:
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return int(cursor.fetchone()[0])


def _wait_until_blocked(pid: int | None) -> None:
    """Return once the backend `pid` waits on a lock (PostgreSQL), at once elsewhere."""
    if pid is None:
        return
    with connection.cursor() as cursor:
        for _ in range(POLLS):
            cursor.execute("SELECT count(*) FROM pg_locks WHERE pid = %s AND NOT granted", [pid])
            if cursor.fetchone()[0]:
                return
            cursor.execute("SELECT pg_sleep(0.01)")
    raise AssertionError("The second transaction never waited on a lock.")


def race(
    first: Callable[[], Any], second: Callable[[], Any], monkeypatch: Any
) -> dict[str, tuple[str, str]]:
    """Run `first` in a thread until it takes its first lock (the first `select_for_update`
    it evaluates), then `second` in another thread, then let `first` go on (see above for
    SQLite). Each outcome is ("ok", ""), ("refused", the French message) or ("error", the
    exception)."""
    from django.db.models.sql.compiler import SQLCompiler

    serial = connection.vendor != "postgresql"
    outcomes: dict[str, tuple[str, str]] = {}
    first_locked = threading.Event()
    first_done = threading.Event()
    second_started = threading.Event()
    second_pid: list[int | None] = []
    execute_sql = SQLCompiler.execute_sql

    def pausing(compiler: SQLCompiler, *args: Any, **kwargs: Any) -> Any:
        result = execute_sql(compiler, *args, **kwargs)
        if (
            not serial
            and compiler.query.select_for_update
            and threading.current_thread().name == "first"
            and not first_locked.is_set()
        ):
            first_locked.set()
            assert second_started.wait(30), "The second transaction never started."
            _wait_until_blocked(second_pid[0])
        return result

    monkeypatch.setattr(SQLCompiler, "execute_sql", pausing)

    def run(name: str, action: Callable[[], Any]) -> None:
        try:
            if name == "second":
                ready = first_done if serial else first_locked
                assert ready.wait(30), "The first transaction never took a lock."
                second_pid.append(_backend_pid())
                second_started.set()
            action()
            outcomes[name] = ("ok", "")
        except ValidationError as error:
            outcomes[name] = ("refused", " ".join(error.messages))
        except Exception as error:  # any other failure is what the test looks for
            outcomes[name] = ("error", repr(error))
        finally:
            connection.close()
            if name == "first":
                first_locked.set()
                first_done.set()
            else:
                second_started.set()

    threads = [
        threading.Thread(target=run, args=(name, action), name=name)
        for name, action in (("first", first), ("second", second))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.fixture
def pending(world, types, employee_user):
    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    return leave_request_submit(
        employee=world.member, leave_type=types["cp"], span=Span(MON, MON), by=employee_user
    ).request


def _fresh(request: LeaveRequest) -> LeaveRequest:
    """The request as a page reads it before acting (each thread its own copy)."""
    return LeaveRequest.objects.get(pk=request.pk)


def test_approving_while_the_employee_cancels(pending, manager_user, employee_user, monkeypatch):
    seen_by_manager, seen_by_employee = _fresh(pending), _fresh(pending)
    outcomes = race(
        lambda: leave_request_approve(request=seen_by_manager, by=manager_user),
        lambda: leave_request_cancel(request=seen_by_employee, by=employee_user),
        monkeypatch,
    )
    assert outcomes["first"] == ("ok", "")
    kind, message = outcomes["second"]
    assert kind == "refused", message
    assert "a changé entre-temps" in message
    assert "validée" in message
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED
    assert list(LedgerEntry.objects.filter(request=pending).values_list("kind", flat=True)) == [
        EntryKind.TAKING
    ]


def test_cancelling_while_the_manager_approves(pending, manager_user, employee_user, monkeypatch):
    seen_by_manager, seen_by_employee = _fresh(pending), _fresh(pending)
    outcomes = race(
        lambda: leave_request_cancel(request=seen_by_employee, by=employee_user),
        lambda: leave_request_approve(request=seen_by_manager, by=manager_user),
        monkeypatch,
    )
    assert outcomes["first"] == ("ok", "")
    kind, message = outcomes["second"]
    assert kind == "refused", message
    assert "déjà été traitée" in message
    assert "annulée" in message
    pending.refresh_from_db()
    assert pending.status == Status.CANCELLED
    assert not LedgerEntry.objects.filter(request=pending).exists()


def test_refusing_while_the_employee_cancels(pending, manager_user, employee_user, monkeypatch):
    seen_by_manager, seen_by_employee = _fresh(pending), _fresh(pending)
    outcomes = race(
        lambda: services.leave_request_refuse(
            request=seen_by_manager, by=manager_user, comment="Inventaire ce jour-là."
        ),
        lambda: leave_request_cancel(request=seen_by_employee, by=employee_user),
        monkeypatch,
    )
    assert outcomes["first"] == ("ok", "")
    kind, message = outcomes["second"]
    assert kind == "refused", message
    assert "refusée" in message
    pending.refresh_from_db()
    assert pending.status == Status.REJECTED


def test_cancelling_a_request_seen_approved_still_works(pending, manager_user, employee_user):
    """No race: the page showed the approved request, the employee cancels it."""
    approved = leave_request_approve(request=_fresh(pending), by=manager_user)
    cancelled = leave_request_cancel(request=_fresh(approved), by=employee_user)
    assert cancelled.status == Status.CANCELLED
