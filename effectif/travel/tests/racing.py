"""Running the same write from several threads at once, for the concurrency tests (no tests
here). Each thread has its own database connection, closed when it ends; the test using this
must be `@pytest.mark.django_db(transaction=True)` so that the threads see its data.

On PostgreSQL the threads start together (a barrier) and race for real. SQLite runs one
write transaction at a time (`BEGIN IMMEDIATE`: in production a second writer waits its
turn); the suite's shared in-memory database answers « table is locked » at once instead of
waiting, so there the threads take turns, each in its own transaction and connection, as a
file database would have them."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection


@dataclass(frozen=True)
class Outcome:
    value: Any = None
    refused: str = ""  # the French message of a ValidationError
    error: str = ""  # any other exception: what the concurrency tests look for


def together(actions: Sequence[Callable[[], Any]]) -> list[Outcome]:
    """Run each action in its own thread, all at once, and return their outcomes in order."""
    outcomes: list[Outcome | None] = [None] * len(actions)
    barrier = threading.Barrier(len(actions))
    turns = threading.Lock() if connection.vendor != "postgresql" else None

    def run(index: int, action: Callable[[], Any]) -> None:
        try:
            barrier.wait(30)
            with turns or nullcontext():
                outcomes[index] = Outcome(value=action())
        except ValidationError as error:
            outcomes[index] = Outcome(refused=" ".join(error.messages))
        except Exception as error:  # any other failure is what the tests look for
            outcomes[index] = Outcome(error=repr(error))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(index, action)) for index, action in enumerate(actions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [outcome or Outcome(error="did not finish") for outcome in outcomes]
