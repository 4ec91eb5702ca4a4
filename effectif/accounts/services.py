"""Writes about accounts: login throttling, second factor, API tokens."""

from __future__ import annotations

import datetime as dt
import secrets

import pyotp
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from effectif.accounts.models import ApiToken, LoginAttempt, User, hash_token
from effectif.core.audit import audit
from effectif.core.models import AuditAction

TOTP_ISSUER = "Effectif"


def login_lockout_seconds(*, username: str, ip_address: str | None) -> int:
    """Seconds the account or address must wait, 0 when a login may be tried.

    Too many failures for a username, or from one address, within the lockout window block
    further tries until the oldest counted failure leaves the window.
    """
    window = dt.timedelta(seconds=settings.EFFECTIF_LOGIN_LOCKOUT_SECONDS)
    since = timezone.now() - window
    limit = settings.EFFECTIF_LOGIN_MAX_FAILURES
    recent = LoginAttempt.objects.filter(at__gte=since, succeeded=False)
    waits = []
    for attempts in (
        recent.filter(username__iexact=username),
        recent.filter(ip_address=ip_address) if ip_address else recent.none(),
    ):
        times = list(attempts.order_by("-at").values_list("at", flat=True)[:limit])
        if len(times) >= limit:
            waits.append(int((times[-1] + window - timezone.now()).total_seconds()) + 1)
    return max(waits, default=0)


@transaction.atomic
def login_attempt_record(
    *, username: str, ip_address: str | None, user: User | None, succeeded: bool
) -> None:
    LoginAttempt.objects.create(username=username[:150], ip_address=ip_address, succeeded=succeeded)
    if succeeded:
        # A success clears the account's failure count.
        LoginAttempt.objects.filter(username__iexact=username, succeeded=False).delete()
    audit(
        actor=user if succeeded else None,
        action=AuditAction.LOGIN if succeeded else AuditAction.LOGIN_FAILED,
        target=user,
        target_label=username,
        detail="" if succeeded else "identifiant ou mot de passe incorrect",
    )


def totp_new_secret() -> str:
    return pyotp.random_base32()


def totp_provisioning_uri(*, user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.get_username(), issuer_name=TOTP_ISSUER)


def totp_verify(*, secret: str, code: str) -> bool:
    code = "".join(ch for ch in code if ch.isdigit())
    return bool(secret) and len(code) == 6 and pyotp.TOTP(secret).verify(code, valid_window=1)


@transaction.atomic
def totp_enable(*, user: User, secret: str, code: str) -> bool:
    """Turn the second factor on once the user proves their app shows the right code."""
    if not totp_verify(secret=secret, code=code):
        return False
    user.totp_secret = secret
    user.totp_confirmed_at = timezone.now()
    user.save(update_fields=["totp_secret", "totp_confirmed_at"])
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
    user.save(update_fields=["totp_secret", "totp_confirmed_at"])
    audit(
        actor=by,
        action=AuditAction.SECURITY,
        target=user,
        detail="double authentification désactivée",
    )


def totp_required_for(user: User) -> bool:
    return user.role in settings.EFFECTIF_TOTP_REQUIRED_ROLES


@transaction.atomic
def api_token_issue(*, user: User) -> tuple[str, ApiToken]:
    """A new bearer token; the raw value is shown once and only its hash is kept."""
    raw = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        key_hash=hash_token(raw),
        expires_at=timezone.now() + dt.timedelta(hours=settings.EFFECTIF_API_TOKEN_HOURS),
    )
    audit(actor=user, action=AuditAction.SECURITY, target=user, detail="jeton d'API émis")
    return raw, token


def api_token_user(raw: str) -> User | None:
    """The active user holding this bearer token, or None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), expires_at__gt=timezone.now(), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > dt.timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
