"""The base model and the audit trail."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Every table records when its rows were created and last changed."""

    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        abstract = True


def column(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    """The model's field `name`, which must be one of its columns (not a reverse relation)."""
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field):
        raise TypeError(f"{name} is not a column of {model.__name__}")
    return field


def _follow(obj: object, path: str | None) -> int | None:
    """The value at the end of a dotted attribute path, or None where a link is empty."""
    if path is None:
        return None
    value: Any = obj
    for name in path.split("."):
        if value is None:
            return None
        value = getattr(value, name)
    return value if value is None else int(value)


class AuditScoped:
    """Files a model's audit entries under its employer and, where it has one, its employee.

    A model names the two attribute paths, e.g. for a row of an employee's:
    `audit_employer_path = "employee.employer_id"` and `audit_employee_path = "employee_id"`.
    """

    audit_employer_path: ClassVar[str | None] = "employer_id"
    audit_employee_path: ClassVar[str | None] = None

    @property
    def audit_employer_id(self) -> int | None:
        return _follow(self, self.audit_employer_path)

    @property
    def audit_employee_id(self) -> int | None:
        return _follow(self, self.audit_employee_path)


class AuditAction(models.TextChoices):
    CREATE = "create", _("Création")
    UPDATE = "update", _("Modification")
    DELETE = "delete", _("Suppression")
    READ = "read", _("Consultation de données sensibles")
    EXPORT = "export", _("Export")
    IMPORT = "import", _("Import")
    LOGIN = "login", _("Connexion")
    LOGIN_FAILED = "login_failed", _("Échec de connexion")
    LOGOUT = "logout", _("Déconnexion")
    SECURITY = "security", _("Sécurité du compte")
    REDACT = "redact", _("Pseudonymisation")


class ImmutableAuditError(RuntimeError):
    """Audit entries are never changed nor removed (only redacted by the privacy service)."""


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise ImmutableAuditError("Les entrées du journal d'audit ne sont jamais modifiées.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ImmutableAuditError("Les entrées du journal d'audit ne sont jamais supprimées.")

    def _redact(self, **kwargs: Any) -> int:
        """The one permitted rewrite: redaction of personal data, by the privacy service."""
        return super().update(**kwargs)


class AuditEntry(models.Model):
    """One immutable line of the audit trail: who did what, when, to what, old → new."""

    at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("auteur (libellé)"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=AuditAction.choices)
    target_type = models.CharField(_("type d'objet"), max_length=60, blank=True)
    target_id = models.CharField(_("identifiant"), max_length=40, blank=True)
    target_label = models.CharField(_("objet"), max_length=255, blank=True)
    employer_id = models.BigIntegerField(_("employeur"), null=True, blank=True)
    employee_id = models.BigIntegerField(_("salarié concerné"), null=True, blank=True)
    changes = models.JSONField(_("changements"), default=dict, blank=True)
    detail = models.CharField(_("détail"), max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(_("adresse IP"), null=True, blank=True)

    objects: ClassVar[AuditEntryQuerySet] = AuditEntryQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("entrée du journal d'audit")
        verbose_name_plural = _("journal d'audit")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="audit_target_idx"),
            models.Index(fields=["employee_id", "at"], name="audit_employee_idx"),
            models.Index(fields=["employer_id", "at"], name="audit_employer_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_label} {self.get_action_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableAuditError("Les entrées du journal d'audit ne sont jamais modifiées.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableAuditError("Les entrées du journal d'audit ne sont jamais supprimées.")
