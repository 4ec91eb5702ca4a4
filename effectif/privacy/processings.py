"""Effectif's processing activities, as the record of processing activities lists them (RGPD
art. 30, 1): purpose, legal basis, persons, data, recipients and security measures. The kinds
of data and their retention come from the schedule each app registers (`core.retention`)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.core.retention import Processing

#: Measures common to every processing (RGPD art. 32), as Effectif implements them.
COMMON_SECURITY = (
    _("Mots de passe hachés (Argon2), longueur minimale de 12 caractères"),
    _("Blocage du compte et de l'adresse après des échecs de connexion répétés"),
    _("Double authentification (TOTP), exigible par rôle ; expiration des sessions inactives"),
    _(
        "Rôles et périmètres : les RH voient les employeurs qui leur sont attribués, le manager "
        "son équipe sans données sensibles, le salarié son seul dossier"
    ),
    _(
        "NIR, IBAN, famille et santé affichés à la demande ; chaque consultation est inscrite "
        "au journal d'audit"
    ),
    _("Journal d'audit non modifiable de chaque modification, export et connexion"),
    _(
        "Fichiers déposés vérifiés par leur contenu et servis après contrôle des droits, jamais "
        "par une adresse publique"
    ),
    _("Aucune ressource externe (pas de CDN) : l'application fonctionne sur un intranet"),
    _("Effacement et pseudonymisation selon le calendrier de conservation (purge quotidienne)"),
)

PROCESSINGS = (
    Processing(
        key="personnel",
        name=_("Gestion administrative du personnel"),
        purpose=_(
            "Tenir le dossier du personnel, les contrats et avenants, le registre unique du "
            "personnel, les déclarations préalables à l'embauche, les départs et les documents "
            "de fin de contrat ; préparer les éléments de paie."
        ),
        legal_basis=_(
            "Exécution du contrat de travail (RGPD art. 6, 1, b) ; obligations légales de "
            "l'employeur (art. 6, 1, c : C. trav. L1221-10, L1221-13, L1234-19, L3243-2) ; "
            "RQTH : art. 9, 2, b (obligation d'emploi, L5212-2)."
        ),
        persons=_("Salariés, stagiaires, intérimaires, agents ; anciens salariés"),
        data=_(
            "État civil, NIR, coordonnées, coordonnées bancaires, situation familiale, "
            "formation, RQTH, titre de travail, contrat, emploi, rémunération, départ."
        ),
        recipients=_(
            "Service RH et paie de l'employeur ; manager (données professionnelles) ; URSSAF "
            "(DPAE) ; France Travail (attestation) ; inspection du travail sur demande (registre)."
        ),
        order=10,
    ),
    Processing(
        key="recruitment",
        name=_("Recrutement"),
        purpose=_(
            "Publier les offres, recevoir et suivre les candidatures, organiser les entretiens, "
            "garder un vivier de candidats."
        ),
        legal_basis=_(
            "Mesures précontractuelles à la demande du candidat (RGPD art. 6, 1, b) ; intérêt "
            "légitime pour le vivier, dont le candidat est informé et peut sortir (art. 6, 1, f)."
        ),
        persons=_("Candidats"),
        data=_("Identité, coordonnées, CV, lettre, entretiens et appréciations, courriers."),
        recipients=_(
            "Service RH ; managers qui recrutent ; personnes qui font passer l'entretien."
        ),
        security=_("Formulaire public limité en débit ; consentement recueilli à la candidature."),
        order=20,
    ),
    Processing(
        key="working_time",
        name=_("Temps de travail, planning et congés"),
        purpose=_(
            "Décompter le temps de travail, établir le planning, gérer les congés et absences, "
            "calculer les heures supplémentaires et indemnités à reporter en paie."
        ),
        legal_basis=_(
            "Obligations légales (RGPD art. 6, 1, c : C. trav. L3171-2, D3171-8, L3141-1 s.) ; "
            "exécution du contrat de travail (art. 6, 1, b)."
        ),
        persons=_("Salariés"),
        data=_(
            "Horaires, heures déclarées ou pointées, demandes de congés et absences, soldes, "
            "dates d'arrêt (sans diagnostic)."
        ),
        recipients=_(
            "Service RH et paie ; manager (validation) ; inspection du travail sur demande."
        ),
        order=30,
    ),
    Processing(
        key="health",
        name=_("Suivi de l'état de santé au travail"),
        purpose=_(
            "Organiser les visites obligatoires et conserver l'avis d'aptitude ou d'inaptitude."
        ),
        legal_basis=_(
            "Obligation légale (RGPD art. 6, 1, c et art. 9, 2, b : C. trav. L4624-1 s., R4624-55)."
        ),
        persons=_("Salariés"),
        data=_(
            "Nature et dates des visites, avis (apte, apte avec aménagements, inapte) et "
            "aménagements proposés ; jamais de diagnostic."
        ),
        recipients=_("Service RH ; service de prévention et de santé au travail (convocation)."),
        security=_("Données de santé visibles des seuls RH et du salarié ; lectures journalisées."),
        order=40,
    ),
    Processing(
        key="travel",
        name=_("Déplacements professionnels et notes de frais"),
        purpose=_(
            "Établir les ordres de mission, contrôler et rembourser les frais professionnels."
        ),
        legal_basis=_(
            "Exécution du contrat de travail (RGPD art. 6, 1, b) ; obligations comptables et "
            "sociales (art. 6, 1, c : C. com. L123-22 ; arrêté du 20/12/2002)."
        ),
        persons=_("Salariés en déplacement"),
        data=_(
            "Missions, trajets, véhicule personnel (puissance, immatriculation), dépenses et "
            "justificatifs, coordonnées bancaires (virement)."
        ),
        recipients=_("Manager (validation) ; service RH et comptabilité ; banque (virement SEPA)."),
        order=50,
    ),
    Processing(
        key="security",
        name=_("Comptes, sécurité et journalisation"),
        purpose=_(
            "Authentifier les utilisateurs, tracer les accès et modifications, détecter et "
            "investiguer les incidents."
        ),
        legal_basis=_(
            "Obligation de sécurité (RGPD art. 6, 1, c et art. 32) ; intérêt légitime de "
            "l'employeur à protéger son système (art. 6, 1, f)."
        ),
        persons=_("Utilisateurs d'Effectif (salariés, managers, RH, administrateurs)"),
        data=_(
            "Identifiant, nom, e-mail, rôle, secret de double authentification, dates et "
            "adresses IP de connexion, actions journalisées."
        ),
        recipients=_("Administrateurs ; responsables RH (journal d'audit de leurs employeurs)."),
        order=60,
    ),
    Processing(
        key="rights",
        name=_("Exercice des droits des personnes"),
        purpose=_(
            "Recevoir, suivre et répondre aux demandes d'accès, de rectification, d'effacement, "
            "de limitation, de portabilité et d'opposition."
        ),
        legal_basis=_("Obligation légale (RGPD art. 6, 1, c et art. 12 à 22)."),
        persons=_("Salariés et anciens salariés qui exercent un droit"),
        data=_("Demande, échéance, suites données, réponse ; archive des données préparée."),
        recipients=_("Service RH ; la personne concernée."),
        order=70,
    ),
)


def register(registry: Any) -> None:
    for processing in PROCESSINGS:
        registry.register_processing(processing)
