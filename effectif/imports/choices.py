"""The columns whose cells are chosen among values: their codes, labels and usual synonyms."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from effectif.contracts.models import (
    CategoryChoices,
    FixedTermReason,
    Kind,
    WorkingTimeChoices,
)
from effectif.core.cells import ChoiceReader
from effectif.employees.models import EducationLevel, FamilyStatus, Sex, WorkPermitType

SEX = ChoiceReader(
    Sex.choices,
    synonyms={
        "H": "M",
        "masculin": "M",
        "monsieur": "M",
        "mr": "M",
        "1": "M",
        "féminin": "F",
        "madame": "F",
        "mme": "F",
        "mademoiselle": "F",
        "mlle": "F",
        "2": "F",
    },
    shown=[_("M ou H (homme)"), _("F (femme)")],
    listed=["F", "M"],
)
KIND = ChoiceReader(
    Kind.choices,
    synonyms={
        "mission": "interim",
        "contrat de mission": "interim",
        "travail temporaire": "interim",
        "CTT": "interim",
        "contrat pro": "professionnalisation",
        "stagiaire": "stage",
        "fonctionnaire": "titulaire",
        "agent contractuel": "contractuel",
    },
    shown=[
        "CDI",
        "CDD",
        _("intérim"),
        _("apprentissage"),
        _("professionnalisation"),
        _("stage"),
        _("titulaire"),
        _("contractuel"),
    ],
    listed=[
        "CDI",
        "CDD",
        "intérim",
        "apprentissage",
        "professionnalisation",
        "stage",
        "titulaire",
        "contractuel",
    ],
)
REASON = ChoiceReader(
    FixedTermReason.choices,
    synonyms={
        "remplacement d'un salarié": "remplacement",
        "accroissement temporaire d'activité": "accroissement",
        "accroissement d'activité": "accroissement",
        "surcroît d'activité": "accroissement",
        "surcroît temporaire d'activité": "accroissement",
        "saison": "saisonnier",
        "CDD d'usage": "usage",
        "objet défini": "objet_defini",
        "CDD à objet défini": "objet_defini",
        "attente d'embauche": "attente_embauche",
        "contrat aidé": "aide",
    },
    shown=FixedTermReason.values,
    listed=FixedTermReason.values,
)
CATEGORY = ChoiceReader(
    CategoryChoices.choices,
    synonyms={
        "ouvrière": "ouvrier",
        "employée": "employe",
        "TAM": "tam",
        "technicien": "tam",
        "technicienne": "tam",
        "agent de maîtrise": "tam",
        "maîtrise": "tam",
        "ETAM": "tam",
        "ingénieur et cadre": "cadre",
        "IC": "cadre",
    },
    shown=[_("ouvrier"), _("employé"), _("TAM (technicien / agent de maîtrise)"), _("cadre")],
)
WORKING_TIME = ChoiceReader(
    WorkingTimeChoices.choices,
    synonyms={
        "plein": "temps_plein",
        "temps complet": "temps_plein",
        "complet": "temps_plein",
        "partiel": "temps_partiel",
        "forfait": "forfait_jours",
        "forfait jour": "forfait_jours",
        "forfait annuel en jours": "forfait_jours",
    },
    shown=[_("temps plein"), _("temps partiel"), _("forfait jours")],
)
FAMILY = ChoiceReader(
    FamilyStatus.choices,
    synonyms={
        "mariée": "marie",
        "pacsée": "pacse",
        "PACS": "pacse",
        "concubin": "concubinage",
        "union libre": "concubinage",
        "divorcée": "divorce",
        "séparée": "separe",
        "veuve": "veuf",
    },
    shown=[
        _("célibataire"),
        _("marié(e)"),
        _("pacsé(e)"),
        _("concubinage"),
        _("divorcé(e)"),
        _("séparé(e)"),
        _("veuf, veuve"),
    ],
)
EDUCATION = ChoiceReader(
    EducationLevel.choices,
    synonyms={
        **{f"niveau {level}": str(level) for level in range(1, 9)},
        "sans diplôme": "1",
        "CAP": "3",
        "BEP": "3",
        "bac": "4",
        "baccalauréat": "4",
        "BTS": "5",
        "DUT": "5",
        "licence": "6",
        "BUT": "6",
        "master": "7",
        "ingénieur": "7",
        "doctorat": "8",
    },
    shown=[_("1 à 8 (niveau du cadre national des certifications), ou CAP, bac, BTS, licence…")],
    listed=EducationLevel.values,
)
WORK_PERMIT = ChoiceReader(
    WorkPermitType.choices, shown=WorkPermitType.values, listed=WorkPermitType.values
)
