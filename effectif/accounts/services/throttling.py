"""Login throttling: at most so many password checks per window for an account and an address.

An attempt is counted before its password is checked. Counting takes a row lock per account
name and per client address (`LoginThrottleKey`), so that concurrent attempts are counted one
after the other, on PostgreSQL as on SQLite (whose write transactions are serialised anyway):
once the limit is reached, no further check runs until the oldest counted failure leaves the
window, however many requests arrive at once.
"""

from __future__ import annotations

import datetime as dt
import math

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from effectif.accounts.models import LoginAttempt, LoginThrottleKey, User
from effectif.core.audit import audit
from effectif.core.models import AuditAction

WRONG_PASSWORD = "identifiant ou mot de passe incorrect"


class LoginLockedOut(Exception):
    """Too many failures for the account or the address: no password is checked."""

    def __init__(self, seconds: int) -> None:
        super().__init__(seconds)
        self.seconds = seconds

    @property
    def minutes(self) -> int:
        return max(1, (self.seconds + 59) // 60)


def _window() -> dt.timedelta:
    return dt.timedelta(seconds=settings.EFFECTIF_LOGIN_LOCKOUT_SECONDS)


def _account_key(username: str) -> str:
    return f"account:{username.lower()[:150]}"


def _address_key(ip_address: str) -> str:
    return f"address:{ip_address}"


def throttle_keys_without_attempts() -> QuerySet[LoginThrottleKey]:
    """The lock rows of account names and addresses no kept attempt names any longer (they
    name a person or an address: they go with the attempts, by the retention schedule)."""
    kept = set()
    for username, ip_address in LoginAttempt.objects.values_list("username", "ip_address"):
        kept.add(_account_key(username))
        if ip_address:
            kept.add(_address_key(ip_address))
    return LoginThrottleKey.objects.exclude(key__in=kept)


def _wait(failures: QuerySet[LoginAttempt], limit: int, now: dt.datetime) -> int:
    """Seconds until the oldest of the last `limit` failures leaves the window, 0 below it."""
    if limit <= 0:
        return 0
    times = list(failures.order_by("-at").values_list("at", flat=True)[:limit])
    if len(times) < limit:
        return 0
    return max(0, math.ceil((times[-1] + _window() - now).total_seconds()))


def login_lockout_seconds(*, username: str, ip_address: str | None) -> int:
    """Seconds the account or address must wait, 0 when a login may be tried."""
    now = timezone.now()
    recent = LoginAttempt.objects.filter(at__gte=now - _window(), succeeded=False)
    waits = [
        _wait(
            recent.filter(username__iexact=username[:150]),
            settings.EFFECTIF_LOGIN_MAX_FAILURES,
            now,
        )
    ]
    if ip_address:
        waits.append(
            _wait(
                recent.filter(ip_address=ip_address),
                settings.EFFECTIF_LOGIN_MAX_FAILURES_PER_ADDRESS,
                now,
            )
        )
    return max(waits)


@transaction.atomic
def login_attempt_start(*, username: str, ip_address: str | None) -> LoginAttempt:
    """Count an attempt as a failure before its password is checked.

    Raises `LoginLockedOut` when the account or the address has used up its attempts. The
    caller checks the password only after this returns, then calls `login_attempt_succeeded`
    or `login_attempt_failed`.
    """
    keys = sorted({_account_key(username)} | ({_address_key(ip_address)} if ip_address else set()))
    LoginThrottleKey.objects.bulk_create(
        [LoginThrottleKey(key=key) for key in keys], ignore_conflicts=True
    )
    # Locked in a fixed order, so that two attempts sharing an address never deadlock.
    list(LoginThrottleKey.objects.select_for_update().filter(key__in=keys).order_by("key"))
    wait = login_lockout_seconds(username=username, ip_address=ip_address)
    if wait:
        raise LoginLockedOut(wait)
    return LoginAttempt.objects.create(
        username=username[:150], ip_address=ip_address, succeeded=False
    )


@transaction.atomic
def login_attempt_succeeded(*, attempt: LoginAttempt, user: User) -> None:
    """The password was right: the attempt is a success and clears the account's failures."""
    LoginAttempt.objects.filter(pk=attempt.pk).update(succeeded=True)
    LoginAttempt.objects.filter(username__iexact=attempt.username, succeeded=False).delete()
    audit(actor=user, action=AuditAction.LOGIN, target=user, target_label=attempt.username)


@transaction.atomic
def login_attempt_failed(*, attempt: LoginAttempt, detail: str = WRONG_PASSWORD) -> None:
    """The attempt failed (it is already counted): the audit trail records it."""
    audit(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        target_label=attempt.username,
        detail=detail,
    )
