"""The maintained list of discriminatory wording, with its ground and a neutral suggestion."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.core.validation import NamedUniqueMixin


class DiscriminationGround(models.TextChoices):
    """The grounds of C. trav. L1132-1 (and L1132-3-3 for whistle-blowers)."""

    ORIGIN = "origine", _("Origine, appartenance à une ethnie, une nation ou une prétendue race")
    SEX = "sexe", _("Sexe")
    MORALS = "moeurs", _("Mœurs")
    ORIENTATION = "orientation", _("Orientation sexuelle")
    GENDER_IDENTITY = "identite_genre", _("Identité de genre")
    AGE = "age", _("Âge")
    FAMILY = "famille", _("Situation de famille")
    PREGNANCY = "grossesse", _("Grossesse")
    GENETICS = "genetique", _("Caractéristiques génétiques")
    VULNERABILITY = "vulnerabilite", _("Particulière vulnérabilité économique")
    POLITICS = "opinions", _("Opinions politiques")
    UNION = "syndical", _("Activités syndicales ou mutualistes")
    ELECTED = "mandat", _("Exercice d'un mandat électif")
    RELIGION = "religion", _("Convictions religieuses")
    APPEARANCE = "apparence", _("Apparence physique")
    SURNAME = "nom", _("Nom de famille")
    RESIDENCE = "residence", _("Lieu de résidence ou domiciliation bancaire")
    HEALTH = "sante", _("État de santé, perte d'autonomie")
    DISABILITY = "handicap", _("Handicap")
    LANGUAGE = "langue", _("Capacité à s'exprimer dans une langue autre que le français")
    WHISTLEBLOWER = "lanceur_alerte", _("Qualité de lanceur d'alerte")


class DiscriminatoryTerm(AuditScoped, NamedUniqueMixin, TimeStampedModel):
    """A word or phrase that has no place in a job posting, kept by HR."""

    audit_employer_path = None

    unique_messages = {
        "discriminatory_term_unique": ("term", _("Le terme « %(value)s » est déjà dans la liste."))
    }

    term = models.CharField(
        _("terme ou expression"),
        max_length=100,
        help_text=_("Recherché sans tenir compte des majuscules ni des accents, mot entier."),
    )
    ground = models.CharField(
        _("critère (C. trav. L1132-1)"), max_length=20, choices=DiscriminationGround.choices
    )
    suggestion = models.CharField(_("formulation neutre suggérée"), max_length=200, blank=True)
    note = models.CharField(_("remarque"), max_length=300, blank=True)
    is_active = models.BooleanField(_("recherché dans les offres"), default=True)

    class Meta:
        verbose_name = _("terme discriminatoire")
        verbose_name_plural = _("termes discriminatoires")
        ordering = ["ground", "term"]
        constraints = [models.UniqueConstraint(fields=["term"], name="discriminatory_term_unique")]

    def __str__(self) -> str:
        return self.term
