"""Users, their role, their second factor, login attempts and API tokens."""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped
from effectif.core.roles import Role


class User(AuditScoped, AbstractUser):
    """A person who logs in. The role says what they do; grants say for which employers."""

    audit_employer_path = None

    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices, default=Role.EMPLOYEE)
    totp_secret = models.CharField(_("secret TOTP"), max_length=64, blank=True)
    totp_confirmed_at = models.DateTimeField(
        _("double authentification activée le"), null=True, blank=True
    )
    # The time step (30 s) of the last code accepted: a code of this step or an earlier one is
    # refused, so that a code seen over a shoulder or in a proxy log cannot be used again.
    totp_last_step = models.BigIntegerField(
        _("dernier pas TOTP accepté"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def has_totp(self) -> bool:
        return bool(self.totp_secret) and self.totp_confirmed_at is not None


class LoginAttempt(models.Model):
    """A login attempt, kept to throttle repeated failures by account and by address.

    An attempt is written as a failure before the password is checked, and turned into a
    success afterwards if the password was right: a check still running counts.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    succeeded = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("tentative de connexion")
        verbose_name_plural = _("tentatives de connexion")

    def __str__(self) -> str:
        return f"{self.username} {self.at:%d/%m/%Y %H:%M} {'ok' if self.succeeded else 'échec'}"


class LoginThrottleKey(models.Model):
    """One row per account name and per client address, locked while an attempt is counted.

    Concurrent attempts on one account or from one address are counted one after the other, so
    that no more password checks run in a window than the lockout allows.
    """

    key = models.CharField(max_length=200, unique=True)

    class Meta:
        verbose_name = _("verrou de comptage des connexions")
        verbose_name_plural = _("verrous de comptage des connexions")

    def __str__(self) -> str:
        return self.key


class TotpFailure(models.Model):
    """A wrong (or already used) second-factor code, kept to throttle repeated failures."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="totp_failures")
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("échec de double authentification")
        verbose_name_plural = _("échecs de double authentification")

    def __str__(self) -> str:
        return f"{self.user} {self.at:%d/%m/%Y %H:%M}"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token of the REST API; only its hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    # A revoked token opens nothing; the row stays, with the audit entry, as the trace.
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("jeton d'API")
        verbose_name_plural = _("jetons d'API")

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%d/%m/%Y})"
