"""What the installation ships: the list of discriminatory wording and a standard onboarding
checklist. HR edits both afterwards."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

#: (term, ground, neutral suggestion). Grounds of C. trav. L1132-1; age limits also L5331-2,
#: sex and family situation in an offer L1142-1.
DEFAULT_TERMS: tuple[tuple[str, str, str], ...] = (
    ("jeune diplômé", "age", "première expérience acceptée"),
    ("jeune diplômée", "age", "première expérience acceptée"),
    ("jeunes diplômés", "age", "première expérience acceptée"),
    ("jeune et dynamique", "age", "motivé(e), aimant le travail en équipe"),
    ("moins de 25 ans", "age", "ne pas mentionner d'âge (sauf condition légale)"),
    ("moins de 30 ans", "age", "ne pas mentionner d'âge (sauf condition légale)"),
    ("moins de 35 ans", "age", "ne pas mentionner d'âge (sauf condition légale)"),
    ("moins de 40 ans", "age", "ne pas mentionner d'âge (sauf condition légale)"),
    ("âge maximum", "age", "ne pas mentionner d'âge (sauf condition légale)"),
    ("âge limite", "age", "ne pas mentionner d'âge (sauf condition légale)"),
    ("digital native", "age", "à l'aise avec les outils numériques"),
    ("génération Y", "age", "à l'aise avec les outils numériques"),
    ("homme", "sexe", "décrire le poste pour tous : intitulé suivi de « (H/F) »"),
    ("femme", "sexe", "décrire le poste pour tous : intitulé suivi de « (H/F) »"),
    ("jeune homme", "sexe", "candidat(e)"),
    ("jeune femme", "sexe", "candidat(e)"),
    ("de sexe masculin", "sexe", "ne pas mentionner le sexe"),
    ("de sexe féminin", "sexe", "ne pas mentionner le sexe"),
    ("hôtesse", "sexe", "hôte / hôtesse d'accueil (H/F)"),
    ("serveuse", "sexe", "serveur / serveuse (H/F)"),
    ("célibataire", "famille", "ne pas mentionner la situation de famille"),
    ("sans enfant", "famille", "disponibilités requises par le poste (horaires, déplacements)"),
    ("sans enfants", "famille", "disponibilités requises par le poste (horaires, déplacements)"),
    ("marié", "famille", "ne pas mentionner la situation de famille"),
    ("mariée", "famille", "ne pas mentionner la situation de famille"),
    ("mère de famille", "famille", "ne pas mentionner la situation de famille"),
    ("père de famille", "famille", "ne pas mentionner la situation de famille"),
    ("situation familiale", "famille", "ne pas mentionner la situation de famille"),
    ("enceinte", "grossesse", "ne pas mentionner la grossesse"),
    ("grossesse", "grossesse", "ne pas mentionner la grossesse"),
    ("nationalité française", "origine", "autorisé(e) à travailler en France"),
    ("de souche", "origine", "ne pas mentionner l'origine"),
    ("type européen", "origine", "ne pas mentionner l'origine"),
    ("origine européenne", "origine", "ne pas mentionner l'origine"),
    ("sans accent", "origine", "expression orale claire en français"),
    ("français langue maternelle", "origine", "maîtrise du français écrit et oral"),
    ("langue maternelle", "origine", "maîtrise de la langue, niveau attendu"),
    ("bonne présentation", "apparence", "tenue adaptée à l'accueil de la clientèle"),
    ("physique agréable", "apparence", "sens de l'accueil"),
    ("belle présentation", "apparence", "tenue adaptée à l'accueil de la clientèle"),
    ("mince", "apparence", "ne pas décrire le physique"),
    ("taille minimum", "apparence", "décrire la tâche (p. ex. travail en hauteur)"),
    ("en bonne santé", "sante", "décrire les exigences du poste (p. ex. port de charges)"),
    (
        "bonne condition physique",
        "sante",
        "décrire les exigences du poste (p. ex. port de charges)",
    ),
    ("non fumeur", "sante", "ne pas mentionner (l'interdiction de fumer s'applique à tous)"),
    ("sans handicap", "handicap", "poste ouvert aux personnes en situation de handicap"),
    ("non pratiquant", "religion", "ne pas mentionner les convictions religieuses"),
    ("religion", "religion", "ne pas mentionner les convictions religieuses"),
    ("apolitique", "opinions", "ne pas mentionner les opinions politiques"),
    ("non syndiqué", "syndical", "ne pas mentionner l'appartenance syndicale"),
    ("habitant du quartier", "residence", "poste basé à … (lieu de travail)"),
    ("domicilié à", "residence", "poste basé à … (lieu de travail)"),
    ("résidant à", "residence", "poste basé à … (lieu de travail)"),
)


#: The standard checklist: (label, category, owner kind, days from the start date). The
#: safety training at hiring: C. trav. L4141-2; health cover: CSS L911-7; internal rules:
#: L1321-1 (from 50 employees); written information: L1221-5-1 (7 days for the core items).
DEFAULT_CHECKLIST: tuple[tuple[Any, str, str, int], ...] = (
    (_("Préparer le badge et les accès aux locaux"), "badge", "rh", -3),
    (_("Préparer le poste de travail et le matériel"), "materiel", "manager", -2),
    (_("Créer les comptes informatiques et la messagerie"), "comptes", "rh", -2),
    (
        _("Journée d'accueil : présentation de l'équipe et visite des locaux"),
        "accueil",
        "manager",
        0,
    ),
    (_("Remettre le règlement intérieur"), "reglement", "rh", 0),
    (_("Formation pratique à la sécurité (C. trav. L4141-2)"), "securite", "manager", 5),
    (
        _("Affilier à la complémentaire santé et à la prévoyance (ou recueillir la dispense)"),
        "mutuelle",
        "rh",
        7,
    ),
    (
        _("Remettre l'information écrite sur la relation de travail (C. trav. L1221-5-1)"),
        "information",
        "rh",
        7,
    ),
    (_("Point d'étape à un mois avec le responsable"), "accueil", "manager", 30),
)


def install_default_terms(term_model: Any) -> int:
    """Create the shipped terms that are missing (`term_model` may be a migration's)."""
    existing = set(term_model.objects.values_list("term", flat=True))
    created = [
        term_model(term=term, ground=ground, suggestion=suggestion)
        for term, ground, suggestion in DEFAULT_TERMS
        if term not in existing
    ]
    term_model.objects.bulk_create(created)
    return len(created)
