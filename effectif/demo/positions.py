"""The demo's job descriptions (fiches de poste), with what the staff planner needs to hire.

Classifications follow each collective agreement's grid (Syntec: ETAM and cadres positions 1.1
to 3.3 with their coefficients; CCN 66: the annexes by profession); PCS-ESE codes are those of
the INSEE nomenclature used in the DSN. Salary ranges are the demo's, above the minima.
"""

from __future__ import annotations

from dataclasses import dataclass

from effectif.rules.contracts.kinds import Category


@dataclass(frozen=True)
class PositionSpec:
    """A job description, with what the staff generator needs to hire on it."""

    key: str
    employer: str
    title: str
    titles: tuple[str, str]  # the job as written in a contract: (man, woman)
    department: str
    category: str
    classification: str
    coefficient: str
    pcs_ese: str
    purpose: str
    tasks: str
    skills: str
    salary: tuple[int, int]  # monthly gross range at hiring, full time, euros
    education: tuple[str, ...]  # plausible levels (EducationLevel values)
    risks: tuple[str, ...] = ()
    days_package: bool = False  # cadres on a forfait annuel en jours (218 days)
    promotion: tuple[str, str] | None = None  # (classification, coefficient) one step up

    def job_title(self, sex: str) -> str:
        return self.titles[0] if sex == "M" else self.titles[1]


_CADRE, _TAM, _EMPLOYE, _OUVRIER = (
    Category.EXECUTIVE.value,
    Category.SUPERVISOR.value,
    Category.CLERK.value,
    Category.WORKER.value,
)

POSITIONS = (
    # --- Altitude Numérique (Syntec: ETAM positions 1.1 to 3.3, cadres 1.1 to 3.3) ---------
    PositionSpec(
        key="dg",
        employer="altitude",
        title="Directeur général (F/H)",
        titles=("Directeur général", "Directrice générale"),
        department="an-direction",
        category=_CADRE,
        classification="Cadre — position 3.3",
        coefficient="270",
        pcs_ese="",
        purpose="Conduire la stratégie de l'entreprise et en assurer la rentabilité.",
        tasks=(
            "Définir la stratégie et le plan de développement.\n"
            "Représenter l'entreprise auprès des clients et partenaires.\n"
            "Animer le comité de direction."
        ),
        skills="Direction d'entreprise, gestion financière, négociation, management.",
        salary=(7800, 8600),
        education=("7",),
        days_package=True,
    ),
    PositionSpec(
        key="raf",
        employer="altitude",
        title="Responsable administratif et financier (F/H)",
        titles=(
            "Responsable administratif et financier",
            "Responsable administrative et financière",
        ),
        department="an-admin",
        category=_CADRE,
        classification="Cadre — position 3.1",
        coefficient="170",
        pcs_ese="372b",
        purpose="Garantir la fiabilité des comptes, de la paie et de la gestion administrative.",
        tasks=(
            "Superviser la comptabilité, la trésorerie et le contrôle de gestion.\n"
            "Piloter la paie et les déclarations sociales avec la chargée RH.\n"
            "Préparer le budget et les arrêtés de comptes."
        ),
        skills="Comptabilité générale, contrôle de gestion, droit social, tableur avancé.",
        salary=(4700, 5300),
        education=("7",),
        days_package=True,
    ),
    PositionSpec(
        key="rh",
        employer="altitude",
        title="Chargé de ressources humaines (F/H)",
        titles=("Chargé de ressources humaines", "Chargée de ressources humaines"),
        department="an-admin",
        category=_TAM,
        classification="ETAM — position 3.1",
        coefficient="400",
        pcs_ese="461e",
        purpose="Assurer l'administration du personnel et accompagner les recrutements.",
        tasks=(
            "Tenir les dossiers du personnel et le registre unique du personnel.\n"
            "Préparer les éléments variables de paie.\n"
            "Organiser les entretiens professionnels et le plan de développement des compétences."
        ),
        skills="Droit du travail, paie, SIRH, discrétion.",
        salary=(2850, 3200),
        education=("5", "6"),
    ),
    PositionSpec(
        key="assistant",
        employer="altitude",
        title="Assistant administratif (F/H)",
        titles=("Assistant administratif", "Assistante administrative"),
        department="an-admin",
        category=_EMPLOYE,
        classification="ETAM — position 2.2",
        coefficient="310",
        pcs_ese="542a",
        purpose="Assurer l'accueil, le secrétariat et le suivi administratif des missions.",
        tasks=(
            "Accueil téléphonique et physique.\n"
            "Saisie des notes de frais et des commandes.\n"
            "Suivi des contrats clients et de la facturation."
        ),
        skills="Bureautique, rigueur, sens du service.",
        salary=(2150, 2400),
        education=("4", "5"),
        promotion=("ETAM — position 2.3", "355"),
    ),
    PositionSpec(
        key="dirtech",
        employer="altitude",
        title="Directeur technique (F/H)",
        titles=("Directeur technique", "Directrice technique"),
        department="an-etudes",
        category=_CADRE,
        classification="Cadre — position 3.2",
        coefficient="210",
        pcs_ese="388c",
        purpose="Diriger les équipes de développement et garantir la qualité des réalisations.",
        tasks=(
            "Encadrer les équipes Applications web et Données.\n"
            "Arbitrer les choix d'architecture et de sécurité.\n"
            "Recruter et faire progresser les développeurs."
        ),
        skills="Architecture logicielle, management d'équipe, sécurité des systèmes d'information.",
        salary=(5800, 6400),
        education=("7",),
        days_package=True,
    ),
    PositionSpec(
        key="dev",
        employer="altitude",
        title="Développeur web (F/H)",
        titles=("Développeur web", "Développeuse web"),
        department="an-web",
        category=_CADRE,
        classification="Cadre — position 2.1",
        coefficient="115",
        pcs_ese="388a",
        purpose="Concevoir et maintenir les applications web des clients.",
        tasks=(
            "Développer des fonctionnalités côté serveur et côté navigateur.\n"
            "Écrire les tests automatisés et relire le code de l'équipe.\n"
            "Participer aux estimations et aux démonstrations."
        ),
        skills="Python, Django, JavaScript, SQL, Git, accessibilité numérique.",
        salary=(3100, 3800),
        education=("6", "7"),
        promotion=("Cadre — position 2.2", "130"),
    ),
    PositionSpec(
        key="data",
        employer="altitude",
        title="Ingénieur data (F/H)",
        titles=("Ingénieur data", "Ingénieure data"),
        department="an-data",
        category=_CADRE,
        classification="Cadre — position 2.2",
        coefficient="130",
        pcs_ese="388a",
        purpose="Construire les chaînes de traitement et d'analyse de données des clients.",
        tasks=(
            "Concevoir les entrepôts et les flux de données.\n"
            "Mettre en production des modèles statistiques.\n"
            "Documenter les traitements au regard du RGPD."
        ),
        skills="SQL, Python, statistiques, PostgreSQL, protection des données.",
        salary=(3700, 4400),
        education=("7",),
        promotion=("Cadre — position 2.3", "150"),
    ),
    PositionSpec(
        key="cdp",
        employer="altitude",
        title="Chef de projet (F/H)",
        titles=("Chef de projet", "Cheffe de projet"),
        department="an-conseil",
        category=_CADRE,
        classification="Cadre — position 2.3",
        coefficient="150",
        pcs_ese="388c",
        purpose="Conduire les projets clients dans les délais, les coûts et la qualité prévus.",
        tasks=(
            "Recueillir et formaliser les besoins.\n"
            "Planifier, suivre le budget et rendre compte au client.\n"
            "Animer l'équipe projet."
        ),
        skills="Gestion de projet, méthodes agiles, rédaction, relation client.",
        salary=(4100, 4800),
        education=("7",),
        days_package=True,
        promotion=("Cadre — position 3.1", "170"),
    ),
    PositionSpec(
        key="support",
        employer="altitude",
        title="Technicien support et infogérance (F/H)",
        titles=("Technicien support et infogérance", "Technicienne support et infogérance"),
        department="an-support",
        category=_TAM,
        classification="ETAM — position 2.3",
        coefficient="355",
        pcs_ese="478c",
        purpose="Assurer l'assistance des utilisateurs et l'exploitation des parcs informatiques.",
        tasks=(
            "Traiter les demandes d'assistance de niveau 1 et 2.\n"
            "Installer et maintenir postes, serveurs et baies de brassage.\n"
            "Intervenir sur les armoires électriques des salles serveurs (habilitation B1V-BR)."
        ),
        skills="Systèmes Windows et Linux, réseaux, habilitation électrique, pédagogie.",
        salary=(2300, 2700),
        education=("4", "5"),
        risks=("electrique", "ecran"),
        promotion=("ETAM — position 3.1", "400"),
    ),
    # --- Association Les Coteaux (CCN 66: annexes by profession) ---------------------------
    PositionSpec(
        key="directeur",
        employer="coteaux",
        title="Directeur d'établissement (F/H)",
        titles=("Directeur d'établissement", "Directrice d'établissement"),
        department="lc-direction",
        category=_CADRE,
        classification="Annexe 6 — cadre de classe 1",
        coefficient="1000",
        pcs_ese="434a",
        purpose="Diriger l'IME et le SESSAD dans le cadre du projet associatif.",
        tasks=(
            "Mettre en œuvre le projet d'établissement.\n"
            "Gérer le budget et les relations avec l'ARS.\n"
            "Encadrer les chefs de service et conduire le dialogue social."
        ),
        skills="Management, gestion budgétaire, cadre réglementaire médico-social (CAFDES).",
        salary=(5000, 5600),
        education=("7",),
        days_package=True,
    ),
    PositionSpec(
        key="chef-service",
        employer="coteaux",
        title="Chef de service éducatif (F/H)",
        titles=("Chef de service éducatif", "Cheffe de service éducatif"),
        department="lc-educatif",
        category=_CADRE,
        classification="Annexe 6 — cadre de classe 3",
        coefficient="720",
        pcs_ese="434a",
        purpose="Coordonner l'accompagnement éducatif des jeunes accueillis.",
        tasks=(
            "Organiser les plannings et les projets personnalisés.\n"
            "Animer les réunions d'équipe et les relations avec les familles.\n"
            "Assurer les astreintes de direction."
        ),
        skills="Encadrement, travail en réseau, CAFERUIS.",
        salary=(3600, 4100),
        education=("6",),
    ),
    PositionSpec(
        key="educ",
        employer="coteaux",
        title="Éducateur spécialisé (F/H)",
        titles=("Éducateur spécialisé", "Éducatrice spécialisée"),
        department="lc-educatif",
        category=_TAM,
        classification="Annexe 3 — éducateur spécialisé",
        coefficient="434",
        pcs_ese="434d",
        purpose="Accompagner des enfants et adolescents en situation de handicap.",
        tasks=(
            "Mettre en œuvre les projets personnalisés d'accompagnement.\n"
            "Animer des activités éducatives individuelles et collectives.\n"
            "Travailler avec les familles et les partenaires."
        ),
        skills="Diplôme d'État d'éducateur spécialisé, observation, écrits professionnels.",
        salary=(2250, 2850),
        education=("6",),
        promotion=("Annexe 3 — éducateur spécialisé", "478"),
    ),
    PositionSpec(
        key="moniteur",
        employer="coteaux",
        title="Moniteur-éducateur (F/H)",
        titles=("Moniteur-éducateur", "Monitrice-éducatrice"),
        department="lc-educatif",
        category=_TAM,
        classification="Annexe 3 — moniteur-éducateur",
        coefficient="411",
        pcs_ese="434e",
        purpose="Accompagner les jeunes dans les actes de la vie quotidienne et les activités.",
        tasks=(
            "Animer des ateliers éducatifs.\n"
            "Accompagner les sorties et les temps de repas.\n"
            "Rendre compte des observations à l'équipe."
        ),
        skills="Diplôme d'État de moniteur-éducateur, animation, patience.",
        salary=(2100, 2450),
        education=("4",),
    ),
    PositionSpec(
        key="aes",
        employer="coteaux",
        title="Accompagnant éducatif et social (F/H)",
        titles=("Accompagnant éducatif et social", "Accompagnante éducative et sociale"),
        department="lc-educatif",
        category=_EMPLOYE,
        classification="Annexe 10 — accompagnant éducatif et social",
        coefficient="396",
        pcs_ese="526e",
        purpose="Aider les jeunes accueillis dans les gestes de la vie quotidienne.",
        tasks=(
            "Aide à la toilette, aux repas et aux déplacements.\n"
            "Participation aux activités éducatives.\n"
            "Transmission des observations."
        ),
        skills="DEAES, gestes et postures, bienveillance.",
        salary=(1980, 2250),
        education=("3",),
        risks=("manutention",),
    ),
    PositionSpec(
        key="ide",
        employer="coteaux",
        title="Infirmier (F/H)",
        titles=("Infirmier", "Infirmière"),
        department="lc-soins",
        category=_TAM,
        classification="Annexe 4 — infirmier diplômé d'État",
        coefficient="453",
        pcs_ese="431f",
        purpose="Assurer le suivi de santé des jeunes accueillis.",
        tasks=(
            "Préparer et distribuer les traitements.\n"
            "Réaliser les soins et la prévention.\n"
            "Assurer le lien avec les médecins et les familles."
        ),
        skills="Diplôme d'État d'infirmier, protocoles de soins, hygiène.",
        salary=(2450, 2950),
        education=("6",),
        risks=("biologique",),
    ),
    PositionSpec(
        key="secretaire",
        employer="coteaux",
        title="Secrétaire-comptable (F/H)",
        titles=("Secrétaire-comptable", "Secrétaire-comptable"),
        department="lc-admin",
        category=_EMPLOYE,
        classification="Annexe 2 — technicien qualifié",
        coefficient="396",
        pcs_ese="542a",
        purpose="Assurer le secrétariat de direction et la comptabilité courante.",
        tasks=(
            "Tenir les dossiers administratifs des jeunes.\n"
            "Saisir les écritures et préparer les éléments de paie.\n"
            "Accueillir les familles."
        ),
        skills="Comptabilité, bureautique, confidentialité.",
        salary=(2050, 2350),
        education=("4", "5"),
    ),
    PositionSpec(
        key="agent-technique",
        employer="coteaux",
        title="Agent technique polyvalent (F/H)",
        titles=("Agent technique polyvalent", "Agente technique polyvalente"),
        department="lc-generaux",
        category=_OUVRIER,
        classification="Annexe 5 — ouvrier qualifié",
        coefficient="396",
        pcs_ese="632k",
        purpose="Entretenir les bâtiments, les espaces verts et les véhicules.",
        tasks=(
            "Petits travaux d'électricité, de plomberie et de peinture.\n"
            "Entretien des espaces verts et travaux en hauteur.\n"
            "Transport des jeunes en minibus."
        ),
        skills="Habilitation électrique, polyvalence, permis B.",
        salary=(1990, 2250),
        education=("1", "3"),
        risks=("electrique", "hauteur", "manutention"),
    ),
    PositionSpec(
        key="enseignant",
        employer="coteaux",
        title="Enseignant spécialisé (F/H)",
        titles=("Professeur des écoles spécialisé", "Professeure des écoles spécialisée"),
        department="lc-ue",
        category=_CADRE,
        classification="Professeur des écoles — classe normale (catégorie A)",
        coefficient="IM 521",
        pcs_ese="421b",
        purpose="Scolariser les élèves de l'unité d'enseignement (mise à disposition).",
        tasks=(
            "Élaborer les projets personnalisés de scolarisation.\n"
            "Enseigner en petits groupes.\n"
            "Travailler avec l'équipe éducative et l'école de référence."
        ),
        skills="CAPPEI, pédagogie adaptée.",
        salary=(2700, 2900),
        education=("7",),
    ),
    PositionSpec(
        key="aesh",
        employer="coteaux",
        title="Accompagnant d'élèves en situation de handicap (F/H)",
        titles=(
            "Accompagnant d'élèves en situation de handicap",
            "Accompagnante d'élèves en situation de handicap",
        ),
        department="lc-ue",
        category=_EMPLOYE,
        classification="AESH — agent contractuel de l'Éducation nationale",
        coefficient="IM 366",
        pcs_ese="422e",
        purpose="Accompagner les élèves de l'unité d'enseignement dans les apprentissages.",
        tasks="Aide aux gestes scolaires.\nSoutien à la communication.\nSuivi des progrès.",
        skills="Diplôme AES ou expérience de l'accompagnement, discrétion.",
        salary=(1950, 2050),
        education=("4",),
    ),
)

POSITIONS_BY_KEY = {p.key: p for p in POSITIONS}
