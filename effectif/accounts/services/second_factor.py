"""The second factor (TOTP): enrolment, codes checked once each, throttled failures.

A code is accepted once: the time step of the last accepted code is kept on the user and a code
of that step or an earlier one is refused, at login, for the API token, and to turn the second
factor on or off. Wrong codes are counted per user within the login lockout window
(`EFFECTIF_LOGIN_MAX_FAILURES` in `EFFECTIF_LOGIN_LOCKOUT_SECONDS`); past the limit no code is
checked until the oldest failure leaves the window.
"""

from __future__ import annotations

import datetime as dt
import hmac
import math
from dataclasses import dataclass

import pyotp
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from effectif.accounts.models import TotpFailure, User
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.roles import has_role

TOTP_ISSUER = "Effectif"
WRONG_CODE = "code de double authentification incorrect, expiré ou déjà utilisé"
LOCKED = "code de double authentification non vérifié : trop de codes incorrects"


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of a second-factor code: accepted, or refused (and locked for so long)."""

    accepted: bool
    locked_seconds: int = 0

    @property
    def locked_minutes(self) -> int:
        return max(1, (self.locked_seconds + 59) // 60)


def totp_new_secret() -> str:
    return pyotp.random_base32()


def totp_provisioning_uri(*, user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.get_username(), issuer_name=TOTP_ISSUER)


def totp_matching_step(*, secret: str, code: str, at: dt.datetime | None = None) -> int | None:
    """The time step whose code this is (the current one or either neighbour), or None."""
    digits = "".join(ch for ch in code if ch.isdigit())
    if not secret or len(digits) != 6:
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(at or timezone.now())
    for step in (current - 1, current, current + 1):
        if hmac.compare_digest(totp.generate_otp(step), digits):
            return step
    return None


def totp_required_for(user: User) -> bool:
    return has_role(user, settings.EFFECTIF_TOTP_REQUIRED_ROLES)


def _lockout_seconds(user: User, now: dt.datetime) -> int:
    limit = settings.EFFECTIF_LOGIN_MAX_FAILURES
    window = dt.timedelta(seconds=settings.EFFECTIF_LOGIN_LOCKOUT_SECONDS)
    times = list(
        TotpFailure.objects.filter(user=user, at__gte=now - window)
        .order_by("-at")
        .values_list("at", flat=True)[:limit]
    )
    if limit <= 0 or len(times) < limit:
        return 0
    return max(0, math.ceil((times[-1] + window - now).total_seconds()))


def _audit_refusal(user: User, detail: str) -> None:
    audit(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        target=user,
        target_label=user.get_username(),
        detail=detail,
    )


@transaction.atomic
def totp_code_check(*, user: User, code: str) -> CodeCheck:
    """Check a code of the user's second factor: once each, throttled, each failure audited.

    The user's row is locked while the code is checked, so that two requests carrying the same
    code cannot both be accepted and concurrent failures are all counted.
    """
    locked = User.objects.select_for_update().get(pk=user.pk)
    now = timezone.now()
    wait = _lockout_seconds(locked, now)
    if wait:
        _audit_refusal(locked, LOCKED)
        return CodeCheck(accepted=False, locked_seconds=wait)
    step = totp_matching_step(secret=locked.totp_secret, code=code, at=now)
    if step is None or (locked.totp_last_step is not None and step <= locked.totp_last_step):
        TotpFailure.objects.create(user=locked, at=now)
        _audit_refusal(locked, WRONG_CODE)
        return CodeCheck(accepted=False, locked_seconds=_lockout_seconds(locked, now))
    User.objects.filter(pk=locked.pk).update(totp_last_step=step)
    user.totp_last_step = step
    TotpFailure.objects.filter(user=locked).delete()
    return CodeCheck(accepted=True)


@transaction.atomic
def totp_enable(*, user: User, secret: str, code: str) -> bool:
    """Turn the second factor on once the user proves their app shows the right code."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    step = totp_matching_step(secret=secret, code=code)
    if step is None or (locked.totp_last_step is not None and step <= locked.totp_last_step):
        return False
    user.totp_secret = secret
    user.totp_confirmed_at = timezone.now()
    user.totp_last_step = step
    user.save(update_fields=["totp_secret", "totp_confirmed_at", "totp_last_step"])
    audit(
        actor=user,
        action=AuditAction.SECURITY,
        target=user,
        detail="double authentification activée",
    )
    return True


@transaction.atomic
def totp_disable(*, user: User, by: User) -> None:
    user.totp_secret = ""
    user.totp_confirmed_at = None
    # The codes of the old secret are worthless now; a new secret starts afresh.
    user.totp_last_step = None
    user.save(update_fields=["totp_secret", "totp_confirmed_at", "totp_last_step"])
    audit(
        actor=by,
        action=AuditAction.SECURITY,
        target=user,
        detail="double authentification désactivée",
    )
