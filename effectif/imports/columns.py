"""The columns of the import file: French header, synonyms, reader, requirement, help.

One list drives everything: matching the headers of an uploaded file, reading its cells, the
downloadable template and the help page. A row is one personnel file and one contract with its
initial terms; a row whose matricule is already known adds a contract to that file.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.core.cells import (
    ChoiceReader,
    read_boolean,
    read_code,
    read_date,
    read_decimal,
    read_integer,
    read_text,
)
from effectif.core.tables import normalise_header
from effectif.imports.choices import (
    CATEGORY,
    EDUCATION,
    FAMILY,
    KIND,
    REASON,
    SEX,
    WORK_PERMIT,
    WORKING_TIME,
)


class Need(StrEnum):
    ALWAYS = "always"  # every row
    NEW_EMPLOYEE = "new_employee"  # rows that create a personnel file
    OPTIONAL = "optional"


class Target(StrEnum):
    EMPLOYEE = "employee"
    CONTRACT = "contract"
    TERMS = "terms"
    LOOKUP = "lookup"  # resolved against the employer's records (establishment, department…)


@dataclass(frozen=True)
class ImportColumn:
    key: str  # the model field, or the lookup's name
    header: Any  # the French header of the template
    target: Target
    read: Callable[[Any], Any]
    need: Need = Need.OPTIONAL
    synonyms: tuple[str, ...] = ()
    accepted: Any = ""  # format and accepted values, for the help
    example: Any = ""
    width: int = 16
    as_text: bool = False  # typed as text in the .xlsx template (identifiers keep their zeros)


read_postal_code = functools.partial(read_code, digits=5)
read_siret = functools.partial(read_code, digits=14)
read_siren = functools.partial(read_code, digits=9)

E, C, T, L = Target.EMPLOYEE, Target.CONTRACT, Target.TERMS, Target.LOOKUP
TEXT = _("texte libre")
DATE = _("date JJ/MM/AAAA")

COLUMNS: tuple[ImportColumn, ...] = (
    # Who and where
    ImportColumn(
        "matricule",
        _("Matricule"),
        E,
        read_code,
        Need.ALWAYS,
        ("numéro de matricule", "n° matricule", "matricule salarié", "code salarié"),
        _(
            "identifiant du salarié chez l'employeur ; un matricule déjà connu ajoute le contrat "
            "à son dossier"
        ),
        "A0001",
        as_text=True,
    ),
    ImportColumn(
        "siret",
        _("SIRET établissement"),
        L,
        read_siret,
        Need.ALWAYS,
        ("SIRET", "n° SIRET", "SIRET de l'établissement", "établissement SIRET"),
        _("14 chiffres, un établissement déjà enregistré de l'employeur"),
        width=18,
        as_text=True,
    ),
    ImportColumn(
        "employer_siren",
        _("SIREN employeur"),
        L,
        read_siren,
        Need.OPTIONAL,
        ("SIREN", "SIREN de l'employeur"),
        _("9 chiffres ; s'il est donné, il doit être celui de l'employeur choisi"),
        width=14,
        as_text=True,
    ),
    # Civil status
    ImportColumn(
        "last_name",
        _("Nom"),
        E,
        read_text,
        Need.NEW_EMPLOYEE,
        ("nom de naissance", "nom de famille", "nom patronymique"),
        _("nom de naissance"),
        "Martin",
    ),
    ImportColumn(
        "usage_name",
        _("Nom d'usage"),
        E,
        read_text,
        Need.OPTIONAL,
        ("nom marital", "nom d'épouse"),
        TEXT,
    ),
    ImportColumn(
        "first_names",
        _("Prénoms"),
        E,
        read_text,
        Need.NEW_EMPLOYEE,
        ("prénom",),
        _("prénoms dans l'ordre de l'état civil"),
        "Camille",
    ),
    ImportColumn("sex", _("Sexe"), E, SEX, Need.NEW_EMPLOYEE, ("civilité",), "", "F", width=8),
    ImportColumn(
        "birth_date",
        _("Date de naissance"),
        E,
        read_date,
        Need.NEW_EMPLOYEE,
        ("né le", "née le", "naissance"),
        DATE,
        "02/04/1990",
        width=14,
    ),
    ImportColumn(
        "birth_place",
        _("Lieu de naissance"),
        E,
        read_text,
        Need.OPTIONAL,
        ("commune de naissance", "ville de naissance"),
        TEXT,
        "Lyon",
    ),
    ImportColumn(
        "birth_country",
        _("Pays de naissance"),
        E,
        read_text,
        Need.OPTIONAL,
        (),
        _("« France » si vide"),
        "France",
    ),
    ImportColumn(
        "nationality",
        _("Nationalité"),
        E,
        read_text,
        Need.OPTIONAL,
        (),
        _("« Française » si vide"),
        "Française",
    ),
    ImportColumn(
        "nir",
        _("NIR"),
        E,
        read_code,
        Need.OPTIONAL,
        (
            "numéro de sécurité sociale",
            "n° de sécurité sociale",
            "n° sécurité sociale",
            "n° SS",
            "numéro SS",
            "NSS",
            "numéro INSEE",
        ),
        _(
            "15 caractères, clé comprise (2A/2B pour la Corse) ; vérifié avec sa clé, le sexe et "
            "la date de naissance"
        ),
        width=18,
        as_text=True,
    ),
    ImportColumn(
        "temporary_number",
        _("Numéro provisoire (NTT)"),
        E,
        read_code,
        Need.OPTIONAL,
        ("NTT", "numéro technique temporaire"),
        _("11 à 40 lettres ou chiffres, en attendant le NIR"),
        as_text=True,
    ),
    # Contacts
    ImportColumn(
        "address", _("Adresse"), E, read_text, synonyms=("adresse postale",), accepted=TEXT
    ),
    ImportColumn(
        "postal_code",
        _("Code postal"),
        E,
        read_postal_code,
        synonyms=("CP",),
        accepted=_("5 chiffres"),
        example="69003",
        width=10,
        as_text=True,
    ),
    ImportColumn(
        "city",
        _("Commune"),
        E,
        read_text,
        synonyms=("ville", "localité"),
        accepted=TEXT,
        example="Lyon",
    ),
    ImportColumn("country", _("Pays"), E, read_text, accepted=_("« France » si vide")),
    ImportColumn(
        "personal_email",
        _("E-mail personnel"),
        E,
        read_text,
        synonyms=("e-mail", "email", "courriel", "adresse e-mail", "courriel personnel", "mail"),
        accepted=_("adresse e-mail"),
        width=24,
    ),
    ImportColumn(
        "personal_phone",
        _("Téléphone personnel"),
        E,
        read_code,
        synonyms=("téléphone", "tél", "tél.", "portable", "mobile"),
        accepted=TEXT,
        as_text=True,
    ),
    ImportColumn(
        "work_email",
        _("E-mail professionnel"),
        E,
        read_text,
        synonyms=("email professionnel", "courriel professionnel"),
        accepted=_("adresse e-mail"),
        width=24,
    ),
    ImportColumn(
        "work_phone",
        _("Téléphone professionnel"),
        E,
        read_code,
        synonyms=("tél professionnel",),
        accepted=TEXT,
        as_text=True,
    ),
    ImportColumn(
        "emergency_contact_name",
        _("Personne à prévenir"),
        E,
        read_text,
        synonyms=("contact en cas d'urgence",),
        accepted=TEXT,
    ),
    ImportColumn(
        "emergency_contact_phone",
        _("Téléphone de la personne à prévenir"),
        E,
        read_code,
        synonyms=("téléphone personne à prévenir", "téléphone en cas d'urgence"),
        accepted=TEXT,
        as_text=True,
    ),
    # Bank
    ImportColumn(
        "iban",
        _("IBAN"),
        E,
        read_code,
        accepted=_("IBAN d'un pays de la zone SEPA, vérifié avec sa clé"),
        width=32,
        as_text=True,
    ),
    ImportColumn(
        "bic", _("BIC"), E, read_code, accepted=_("8 ou 11 caractères"), width=12, as_text=True
    ),
    # Family, education, disability, work permit
    ImportColumn(
        "family_status", _("Situation familiale"), E, FAMILY, synonyms=("situation de famille",)
    ),
    ImportColumn(
        "children_count",
        _("Enfants à charge"),
        E,
        read_integer,
        synonyms=("nombre d'enfants", "nb enfants", "enfants"),
        accepted=_("nombre entier, 0 si vide"),
        width=10,
    ),
    ImportColumn(
        "education_level",
        _("Niveau de formation"),
        E,
        EDUCATION,
        synonyms=("niveau de diplôme", "diplôme"),
    ),
    ImportColumn(
        "disability_recognised",
        _("RQTH"),
        E,
        read_boolean,
        synonyms=("travailleur handicapé", "reconnaissance travailleur handicapé"),
        accepted=_("oui ou non (non si vide)"),
        width=8,
    ),
    ImportColumn(
        "work_permit_type",
        _("Titre de travail"),
        E,
        WORK_PERMIT,
        synonyms=("titre de séjour",),
        accepted=_("pour un salarié étranger : le code ou le libellé du titre"),
    ),
    ImportColumn(
        "work_permit_number",
        _("Numéro du titre"),
        E,
        read_code,
        synonyms=("n° du titre", "numéro du titre de travail"),
        accepted=_("obligatoire avec un titre de travail"),
        as_text=True,
    ),
    ImportColumn(
        "work_permit_expiry",
        _("Expiration du titre"),
        E,
        read_date,
        synonyms=("date d'expiration du titre", "fin de validité du titre"),
        accepted=_("date JJ/MM/AAAA, obligatoire avec un titre de travail"),
        width=14,
    ),
    ImportColumn(
        "department",
        _("Service"),
        L,
        read_text,
        synonyms=("département", "direction"),
        accepted=_("nom (ou code) d'un service de l'employeur"),
    ),
    # The contract
    ImportColumn(
        "kind",
        _("Nature du contrat"),
        C,
        KIND,
        Need.ALWAYS,
        ("type de contrat", "contrat", "nature"),
        example="CDI",
        width=12,
    ),
    ImportColumn(
        "fixed_term_reason",
        _("Motif de recours"),
        C,
        REASON,
        synonyms=("motif du CDD", "motif de recours au CDD", "motif"),
        accepted=_("obligatoire pour un CDD ou une mission d'intérim : le code ou le libellé"),
        width=18,
    ),
    ImportColumn(
        "replaced_person",
        _("Personne remplacée"),
        C,
        read_text,
        synonyms=("salarié remplacé",),
        accepted=_("nom et qualification, obligatoire pour un remplacement"),
    ),
    ImportColumn(
        "start_date",
        _("Date de début"),
        C,
        read_date,
        Need.ALWAYS,
        ("date d'entrée", "date d'embauche", "début du contrat", "date de début du contrat"),
        DATE,
        "01/09/2025",
        width=14,
    ),
    ImportColumn(
        "end_date",
        _("Date de fin"),
        C,
        read_date,
        synonyms=("date de fin prévue", "fin du contrat", "date de fin du contrat", "terme"),
        accepted=_(
            "date JJ/MM/AAAA, obligatoire pour un CDD, une mission, un apprentissage ou un stage"
        ),
        width=14,
    ),
    ImportColumn(
        "imprecise_term",
        _("Terme imprécis"),
        C,
        read_boolean,
        synonyms=("CDD sans terme précis", "sans terme précis"),
        accepted=_(
            "oui ou non (non si vide) ; la date de fin est alors la fin de la durée minimale"
        ),
        width=10,
    ),
    ImportColumn(
        "trial_end_date",
        _("Fin de période d'essai"),
        C,
        read_date,
        synonyms=("date de fin de période d'essai", "fin d'essai"),
        accepted=_("date JJ/MM/AAAA ; si vide, le maximum légal selon la catégorie"),
        width=14,
    ),
    ImportColumn(
        "number",
        _("Numéro de contrat"),
        C,
        read_code,
        synonyms=("n° de contrat", "numéro du contrat"),
        accepted=_("unique pour le salarié ; si vide, numéroté 001, 002…"),
        width=10,
        as_text=True,
    ),
    # Its initial terms
    ImportColumn(
        "job_title",
        _("Emploi"),
        T,
        read_text,
        Need.ALWAYS,
        ("emploi occupé", "intitulé du poste", "intitulé de l'emploi", "fonction", "poste"),
        _("intitulé de l'emploi occupé"),
        _("Assistante de gestion"),
        width=24,
    ),
    ImportColumn(
        "position",
        _("Fiche de poste"),
        L,
        read_text,
        synonyms=("poste de référence",),
        accepted=_("intitulé d'une fiche de poste de l'employeur"),
    ),
    ImportColumn(
        "category",
        _("Catégorie"),
        T,
        CATEGORY,
        Need.ALWAYS,
        ("catégorie professionnelle", "catégorie socioprofessionnelle", "statut"),
        example=_("employé"),
        width=12,
    ),
    ImportColumn(
        "classification",
        _("Classification"),
        T,
        read_text,
        synonyms=("classification conventionnelle", "niveau"),
        accepted=TEXT,
    ),
    ImportColumn("coefficient", _("Coefficient"), T, read_code, accepted=TEXT, width=10),
    ImportColumn(
        "working_time",
        _("Temps de travail"),
        T,
        WORKING_TIME,
        Need.ALWAYS,
        ("durée du travail", "modalité de temps de travail", "temps plein ou partiel"),
        example=_("temps plein"),
        width=14,
    ),
    ImportColumn(
        "monthly_hours",
        _("Heures mensuelles"),
        T,
        read_decimal,
        synonyms=("horaire mensuel", "durée mensuelle", "heures par mois", "nombre d'heures"),
        accepted=_("nombre, virgule décimale (151,67) ; obligatoire à temps partiel"),
        example="151,67",
        width=10,
    ),
    ImportColumn(
        "days_per_year",
        _("Jours par an"),
        T,
        read_integer,
        synonyms=("jours du forfait", "nombre de jours du forfait", "forfait annuel"),
        accepted=_("nombre entier ; obligatoire pour un forfait jours"),
        width=10,
    ),
    ImportColumn(
        "monthly_gross_amount",
        _("Salaire brut mensuel"),
        T,
        read_decimal,
        Need.ALWAYS,
        (
            "salaire de base",
            "salaire mensuel brut",
            "salaire brut",
            "salaire de base mensuel brut",
            "brut mensuel",
            "rémunération brute mensuelle",
        ),
        _("montant en euros, virgule décimale (2\u00a0150,50)"),
        "2 150,50",
        width=14,
    ),
    ImportColumn(
        "hourly_rate_amount",
        _("Taux horaire brut"),
        T,
        read_decimal,
        synonyms=("taux horaire",),
        accepted=_("si vide, calculé : salaire ÷ heures mensuelles"),
        width=12,
    ),
)

COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
IDENTITY_KEYS = ("last_name", "first_names", "sex", "birth_date")


def header_lookup() -> dict[str, str]:
    """Normalised header or synonym → column key (built per language, headers are lazy)."""
    lookup: dict[str, str] = {}
    for column in COLUMNS:
        for name in (*column.synonyms, str(column.header), column.key):
            lookup.setdefault(normalise_header(name), column.key)
        lookup[normalise_header(str(column.header))] = column.key
    return lookup


def choice_values(column: ImportColumn) -> list[tuple[str, str]]:
    """The codes and labels of a column of choices (for the help), empty for other columns."""
    if not isinstance(column.read, ChoiceReader):
        return []
    return [(code, str(label)) for code, label in column.read.choices]


def accepted_values(column: ImportColumn) -> str:
    """What the help says the column accepts."""
    if isinstance(column.read, ChoiceReader) and not column.accepted:
        return ", ".join(column.read.accepted())
    return str(column.accepted)
