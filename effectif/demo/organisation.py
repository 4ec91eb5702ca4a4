"""The demo's employers, establishments, health services, departments and job descriptions.

Two fictional employers:

* **Altitude Numérique**, a digital-services SAS under the Syntec agreement (IDCC 1486), with
  its head office in Paris and an agency in Strasbourg (Alsace-Moselle local law);
* **Association Les Coteaux**, an association loi 1901 running an institut médico-éducatif and
  a SESSAD in Nancy under the CCN du 15 mars 1966 (IDCC 0413), subject to the taxe sur les
  salaires since it is not subject to VAT. Its teaching unit (unité d'enseignement) hosts a
  teacher of the Éducation nationale (fonctionnaire titulaire) and an AESH (agent contractuel
  de droit public) who work on site: they are recorded so that the site's personnel register
  is complete, and they show the two public-sector contract kinds.

Rates are realistic orders of magnitude for these activities and places (AT/MP: the CARSAT
notifies each establishment's rate every year; versement mobilité: the rate voted by the
transport authority of the commune), not official figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from effectif.rules.contracts.kinds import WorkingTime


@dataclass(frozen=True)
class EmployerSpec:
    key: str
    name: str
    siren_seed: int  # the 8 digits completed by a Luhn key (`make_siren`)
    legal_form: str
    naf_code: str
    idcc: str
    collective_agreement: str
    subject_to_payroll_tax: bool
    matricule_prefix: str
    mail_domain: str


@dataclass(frozen=True)
class EstablishmentSpec:
    key: str
    employer: str
    number: int  # the 4 digits of the NIC before its key (`make_siret`)
    name: str
    address: str
    postal_code: str
    city: str
    at_rate: Decimal
    mobility_rate: Decimal
    health_service: str
    is_head_office: bool
    home_area: str  # where its staff live (`identities.HOME_AREAS`)


@dataclass(frozen=True)
class HealthServiceSpec:
    key: str
    name: str
    address: str
    phone: str
    email: str


@dataclass(frozen=True)
class DepartmentSpec:
    key: str
    employer: str
    name: str
    code: str
    parent: str | None = None


EMPLOYERS = (
    EmployerSpec(
        key="altitude",
        name="Altitude Numérique",
        siren_seed=84_215_637,
        legal_form="SAS",
        naf_code="62.02A",
        idcc="1486",
        collective_agreement=(
            "Bureaux d'études techniques, cabinets d'ingénieurs-conseils et sociétés de "
            "conseils (Syntec)"
        ),
        subject_to_payroll_tax=False,
        matricule_prefix="AN",
        mail_domain="altitude-numerique.example",
    ),
    EmployerSpec(
        key="coteaux",
        name="Association Les Coteaux",
        siren_seed=77_940_318,
        legal_form="ASSO",
        naf_code="88.99B",
        idcc="0413",
        collective_agreement=(
            "Établissements et services pour personnes inadaptées et handicapées "
            "(CCN du 15 mars 1966)"
        ),
        subject_to_payroll_tax=True,
        matricule_prefix="LC",
        mail_domain="les-coteaux.example",
    ),
)

HEALTH_SERVICES = (
    HealthServiceSpec(
        key="paris",
        name="Prévention Santé Travail Paris-Est",
        address="40 boulevard de Charonne, 75020 Paris",
        phone="01 99 00 41 20",
        email="accueil@pst-paris-est.example",
    ),
    HealthServiceSpec(
        key="strasbourg",
        name="Santé au travail Bas-Rhin",
        address="3 rue de Molsheim, 67000 Strasbourg",
        phone="01 99 00 67 10",
        email="contact@sante-travail-67.example",
    ),
    HealthServiceSpec(
        key="nancy",
        name="Santé au travail Meurthe-et-Moselle",
        address="9 rue de la Ravinelle, 54000 Nancy",
        phone="01 99 00 54 30",
        email="contact@sante-travail-54.example",
    ),
)

ESTABLISHMENTS = (
    EstablishmentSpec(
        key="paris",
        employer="altitude",
        number=1,
        name="Siège — Paris",
        address="18 rue Saint-Maur",
        postal_code="75011",
        city="Paris",
        at_rate=Decimal("0.0077"),
        mobility_rate=Decimal("0.032"),  # Île-de-France Mobilités, Paris: 3,20 %
        health_service="paris",
        is_head_office=True,
        home_area="paris",
    ),
    EstablishmentSpec(
        key="strasbourg",
        employer="altitude",
        number=2,
        name="Agence de Strasbourg",
        address="6 quai des Bateliers",
        postal_code="67000",
        city="Strasbourg",
        at_rate=Decimal("0.0068"),
        mobility_rate=Decimal("0.02"),
        health_service="strasbourg",
        is_head_office=False,
        home_area="strasbourg",
    ),
    EstablishmentSpec(
        key="nancy",
        employer="coteaux",
        number=1,
        name="IME et SESSAD Les Coteaux",
        address="12 rue des Jardiniers",
        postal_code="54000",
        city="Nancy",
        at_rate=Decimal("0.0262"),
        mobility_rate=Decimal("0.02"),
        health_service="nancy",
        is_head_office=True,
        home_area="nancy",
    ),
)

DEPARTMENTS = (
    DepartmentSpec("an-direction", "altitude", "Direction générale", "DG"),
    DepartmentSpec("an-admin", "altitude", "Administration et finances", "ADM", "an-direction"),
    DepartmentSpec("an-etudes", "altitude", "Études et développement", "ETD", "an-direction"),
    DepartmentSpec("an-web", "altitude", "Applications web", "WEB", "an-etudes"),
    DepartmentSpec("an-data", "altitude", "Données", "DATA", "an-etudes"),
    DepartmentSpec("an-conseil", "altitude", "Conseil et projets", "CSL", "an-direction"),
    DepartmentSpec("an-support", "altitude", "Support et infogérance", "SUP", "an-direction"),
    DepartmentSpec("lc-direction", "coteaux", "Direction", "DIR"),
    DepartmentSpec("lc-admin", "coteaux", "Administration", "ADM", "lc-direction"),
    DepartmentSpec("lc-educatif", "coteaux", "Pôle éducatif", "EDU", "lc-direction"),
    DepartmentSpec("lc-ue", "coteaux", "Unité d'enseignement", "UE", "lc-educatif"),
    DepartmentSpec("lc-soins", "coteaux", "Pôle soins", "SOI", "lc-direction"),
    DepartmentSpec("lc-generaux", "coteaux", "Services généraux", "SG", "lc-direction"),
)

EMPLOYERS_BY_KEY = {e.key: e for e in EMPLOYERS}
ESTABLISHMENTS_BY_KEY = {e.key: e for e in ESTABLISHMENTS}

FULL_TIME, PART_TIME, DAYS_PACKAGE = (
    WorkingTime.FULL_TIME.value,
    WorkingTime.PART_TIME.value,
    WorkingTime.DAYS_PACKAGE.value,
)
