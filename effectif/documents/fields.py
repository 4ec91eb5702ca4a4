"""The merge fields this app provides: employee, employer, establishment, contract, document,
and the values typed at generation. Examples are the preview's sample data."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from effectif.documents.merging import MergeField, MergeGroup

F = MergeField

EMPLOYEE = MergeGroup(
    "salarie",
    _("Salarié"),
    (
        F("civilite", _("civilité (Madame, Monsieur)"), "Madame"),
        F("nom", _("nom (d'usage, sinon de naissance)"), "MARTIN"),
        F("nom_naissance", _("nom de naissance"), "DURAND"),
        F("prenoms", _("prénoms"), "Camille"),
        F("nom_complet", _("civilité, prénom et nom"), "Madame Camille MARTIN"),
        F("matricule", _("matricule"), "M00042"),
        F("date_naissance", _("date de naissance"), "02/04/1990"),
        F("lieu_naissance", _("lieu de naissance"), "Lyon"),
        F("nationalite", _("nationalité"), "Française"),
        F("adresse", _("adresse (rue)"), "12 rue des Lilas"),
        F("code_postal", _("code postal"), "69003"),
        F("commune", _("commune"), "Lyon"),
        F("adresse_complete", _("adresse complète"), "12 rue des Lilas, 69003 Lyon"),
        F("email_personnel", _("e-mail personnel"), "camille.martin@example.fr"),
        F("date_entree", _("date d'entrée (premier contrat)"), "05/01/2026"),
        F("date_sortie", _("date de sortie (fin du dernier contrat)"), "31/12/2026"),
        F(
            "emplois",
            _("emplois occupés (liste : emploi, categorie, du, au)"),
            [
                {
                    "emploi": "Assistante administrative",
                    "categorie": "Employé",
                    "du": "05/01/2026",
                    "au": "30/06/2026",
                },
                {"emploi": "Comptable", "categorie": "Employé", "du": "01/07/2026", "au": ""},
            ],
            kind="list",
        ),
    ),
)

EMPLOYER = MergeGroup(
    "employeur",
    _("Employeur"),
    (
        F("raison_sociale", _("raison sociale"), "Atelier Dupuis SAS"),
        F("forme_juridique", _("forme juridique"), "SAS"),
        F("siren", _("SIREN"), "732 829 320"),
        F("siret", _("SIRET (siège ou en-tête)"), "732 829 320 00074"),
        F("adresse", _("adresse"), "4 place Bellecour, 69002 Lyon"),
        F("code_naf", _("code NAF/APE"), "62.01Z"),
        F(
            "convention_collective",
            _("convention collective (intitulé et IDCC)"),
            "Convention collective nationale des bureaux d'études techniques (IDCC 1486)",
        ),
        F("idcc", _("IDCC"), "1486"),
        F(
            "caisse_retraite",
            _("caisse de retraite complémentaire"),
            "Institution Agirc-Arrco Exemple, 1 rue de la Retraite, 75000 Paris",
        ),
        F("organisme_prevoyance", _("organisme de prévoyance"), "Prévoyance Exemple"),
        F("organisme_sante", _("organisme de complémentaire santé"), "Mutuelle Exemple"),
        F("signataire", _("signataire"), "Jean DUPUIS"),
        F("signataire_qualite", _("qualité du signataire"), "Président"),
        F("telephone", _("téléphone"), "04 72 00 00 00"),
        F("email", _("e-mail"), "rh@atelier-dupuis.example"),
    ),
)

ESTABLISHMENT = MergeGroup(
    "etablissement",
    _("Établissement"),
    (
        F("nom", _("nom"), "Atelier de Lyon"),
        F("adresse", _("adresse (rue)"), "4 place Bellecour"),
        F("code_postal", _("code postal"), "69002"),
        F("commune", _("commune"), "Lyon"),
        F("adresse_complete", _("adresse complète"), "4 place Bellecour, 69002 Lyon"),
        F("siret", _("SIRET"), "732 829 320 00074"),
        F("service_sante_travail", _("service de santé au travail"), "SPST Rhône Exemple"),
        F(
            "service_sante_travail_adresse",
            _("adresse du service de santé au travail"),
            "10 quai du Rhône, 69007 Lyon",
        ),
    ),
)

CONTRACT = MergeGroup(
    "contrat",
    _("Contrat"),
    (
        F("numero", _("numéro"), "001"),
        F("nature", _("nature du contrat"), "CDD"),
        F("est_cdd", _("condition : contrat à durée déterminée"), True, kind="bool"),
        F("date_debut", _("date de début"), "05/01/2026"),
        F("date_fin", _("date de fin (ou de fin de la durée minimale)"), "30/06/2026"),
        F("terme_imprecis", _("condition : CDD sans terme précis"), False, kind="bool"),
        F("motif", _("motif de recours"), "Remplacement d'un salarié absent"),
        F("est_remplacement", _("condition : contrat de remplacement"), True, kind="bool"),
        F(
            "personne_remplacee",
            _("personne remplacée (nom et qualification)"),
            "Mme Julie PETIT, comptable",
        ),
        F("emploi", _("emploi occupé"), "Assistante administrative"),
        F("categorie", _("catégorie"), "Employé"),
        F("classification", _("classification conventionnelle"), "Position 1.2"),
        F("coefficient", _("coefficient"), "250"),
        F("temps_travail", _("temps de travail"), "Temps plein"),
        F("est_temps_partiel", _("condition : temps partiel"), False, kind="bool"),
        F("est_forfait_jours", _("condition : forfait jours"), False, kind="bool"),
        F("heures_mensuelles", _("heures mensuelles"), "151,67"),
        F("heures_hebdomadaires", _("heures hebdomadaires"), "35"),
        F("jours_forfait", _("jours par an (forfait)"), "218"),
        F("salaire_mensuel_brut", _("salaire de base mensuel brut"), "2 200,00 €"),
        F("taux_horaire_brut", _("taux horaire brut"), "14,51 €"),
        F("lieu_travail", _("lieu de travail"), "Atelier de Lyon, 4 place Bellecour, 69002 Lyon"),
        F("periode_essai", _("durée de la période d'essai"), "2 semaines"),
        F("fin_periode_essai", _("fin de la période d'essai"), "18/01/2026"),
    ),
)

DOCUMENT = MergeGroup(
    "document",
    _("Document"),
    (
        F("date", _("date du jour, en toutes lettres"), "5 janvier 2026"),
        F("date_courte", _("date du jour (JJ/MM/AAAA)"), "05/01/2026"),
        F("lieu", _("lieu de signature (« Fait à »)"), "Lyon"),
    ),
)

TYPED = MergeGroup(
    "saisie",
    _("Saisi lors de la génération"),
    (
        F("date_entretien", _("date de l'entretien"), "lundi 12 janvier 2026"),
        F("heure_entretien", _("heure de l'entretien"), "10 h 00"),
        F("lieu_entretien", _("lieu de l'entretien"), "au siège, bureau des RH"),
    ),
    open_ended=True,
)

GROUPS = (EMPLOYEE, EMPLOYER, ESTABLISHMENT, CONTRACT, DOCUMENT, TYPED)
