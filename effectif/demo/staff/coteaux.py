"""Association Les Coteaux's staff: an IME and a SESSAD in Nancy."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from effectif.demo.careers import DocumentPlan, Planner
from effectif.demo.staff.common import (
    APPRENTICESHIP,
    CDD,
    CDI,
    CIVIL_SERVANT,
    INTERIM,
    INTERNSHIP,
    PROFESSIONALISATION,
    PUBLIC_CONTRACT,
    day,
    permit,
    title,
)
from effectif.rules.contracts.trial_period import add_months


def plan_coteaux(p: Planner) -> None:
    """Association Les Coteaux: an IME and a SESSAD in Nancy."""
    director = p.person(
        "lc-directeur",
        "directeur",
        age=(50, 58),
        head_of=("lc-direction", "lc-admin", "lc-generaux"),
    )
    c = p.hire(director, CDI, p.years_ago(14), p.terms(director, "directeur", gross=5300))
    p.pay_rise(c, p.month(23), 1.5, "Revalorisation de la valeur du point (CCN 66)")
    chief = p.person(
        "lc-chef-service", "chef-service", age=(42, 50), head_of=("lc-educatif", "lc-ue")
    )
    c = p.hire(chief, CDI, p.years_ago(11), p.terms(chief, "educ", gross=2750))
    p.amend(
        c,
        p.month(24),
        "Promotion : cheffe de service éducatif"
        if chief.identity.sex == "F"
        else "Promotion : chef de service éducatif",
        **vars(p.terms(chief, "chef-service", gross=3700)),
    )
    nurse = p.person("lc-ide-coord", "ide", age=(45, 55), head_of=("lc-soins",))
    p.hire(nurse, CDI, p.years_ago(10), p.terms(nurse, "ide", gross=2900))
    nurse2 = p.person("lc-ide-partiel", "ide", age=(30, 40))
    p.hire(nurse2, CDI, p.years_ago(2.5), p.terms(nurse2, "ide", hours=Decimal("121.34")))

    # Pôle éducatif: a replacement during maternity leave, and one of imprecise term.
    claire = p.person(
        "claire-dubois", "educ", sex="F", first_names="Claire", last_name="Dubois", age=(31, 34)
    )
    p.hire(claire, CDI, p.years_ago(6), p.terms(claire, "educ"))
    stand_in = p.person("lc-educ-remplacement", "educ", age=(24, 30))
    p.hire(
        stand_in,
        CDD,
        p.month(3, day=9),
        p.terms(stand_in, "educ"),
        end=p.month_end(-3),
        reason="remplacement",
        replaced="Claire Dubois, éducatrice spécialisée (congé de maternité)",
    )
    for _ in range(5):
        p.anyone("educ")
    apprentice = p.person("lc-me-apprenti", "moniteur", age=(19, 21), education="3")
    p.hire(
        apprentice,
        APPRENTICESHIP,
        p.month(14),
        p.terms(
            apprentice,
            "moniteur",
            gross=1150,
            category="employe",
            job_title=f"{title(apprentice, 'moniteur')} en apprentissage",
            classification="Apprenti (DEME)",
            coefficient="",
        ),
        end=add_months(p.month(14), 24) - timedelta(days=1),
    )
    trial = p.person("lc-me-essai", "moniteur", age=(22, 30))
    c = p.hire(trial, CDI, p.month(9), p.terms(trial, "moniteur"))
    p.leave(c, p.month(8, day=20), "034")
    for _ in range(3):
        p.anyone("moniteur")
    trainee = p.person("lc-stage-educ", "educ", age=(20, 23), education="4")
    p.hire(
        trainee,
        INTERNSHIP,
        p.month(12),
        p.terms(
            trainee,
            "educ",
            gross=700,
            job_title="Stagiaire éducateur spécialisé",
            category="employe",
            classification="",
            coefficient="",
        ),
        end=add_months(p.month(12), 4) - timedelta(days=1),
    )

    absent = p.person("lc-aes-arret", "aes", sex="F", first_names="Karine", age=(45, 55))
    p.hire(absent, CDI, p.years_ago(9), p.terms(absent, "aes"))
    senegal = p.person("lc-aes-senegal", "aes", sex="F", country="senegal", age=(30, 38))
    p.hire(senegal, CDI, p.month(28), p.terms(senegal, "aes"))
    permit(senegal, "vie_privee", "5403217788", day(p, 75))
    stand_in = p.person("lc-aes-remplacement", "aes", age=(22, 35))
    p.hire(
        stand_in,
        CDD,
        p.month(1, day=4),
        p.terms(stand_in, "aes"),
        end=add_months(p.month(1, day=4), 3),
        reason="remplacement",
        imprecise=True,
        replaced=f"{absent.identity.first_names} {absent.identity.last_name}, "
        "accompagnante éducative et sociale (arrêt de travail)",
    )
    ntt = p.person("lc-aes-ntt", "aes", sex="M", country="cote_ivoire", age=(24, 30))
    ntt.identity.temporary_number, ntt.identity.nir = f"NTT{p.rng.randrange(10**12):012d}", ""
    p.hire(
        ntt,
        CDD,
        p.month(1),
        p.terms(ntt, "aes"),
        end=add_months(p.month(1), 6) - timedelta(days=1),
        reason="accroissement",
    )
    permit(ntt, "recepisse", "5400998877", day(p, 88))
    pro = p.person("lc-aes-pro", "aes", age=(19, 24), education="3")
    c = p.hire(
        pro,
        PROFESSIONALISATION,
        p.month(20),
        p.terms(
            pro,
            "aes",
            gross=1600,
            category="employe",
            classification="Contrat de professionnalisation (DEAES)",
        ),
        end=add_months(p.month(20), 12) - timedelta(days=1),
    )
    p.leave(c, p.month_end(15), "084")
    romanian = p.person("lc-aes-roumanie", "aes", country="roumanie", age=(30, 45))
    p.hire(romanian, CDI, p.years_ago(4), p.terms(romanian, "aes"))
    for _ in range(4):
        p.anyone("aes")

    # Administration, services généraux, soins.
    secretary = p.person("lc-secretaire-rqth", "secretaire", age=(45, 55))
    secretary.disability_recognised = True  # RQTH granted without time limit
    secretary.documents.append(DocumentPlan("rqth", "Notification de RQTH (MDPH)"))
    p.hire(secretary, CDI, p.years_ago(9), p.terms(secretary, "secretaire"))
    p.anyone("secretaire")
    algeria = p.person(
        "lc-agent-algerie", "agent-technique", sex="M", country="algerie", age=(40, 50)
    )
    p.hire(algeria, CDI, p.years_ago(4), p.terms(algeria, "agent-technique"))
    permit(algeria, "resident", "5401122334", day(p, 5 * 365))
    sick = p.person("lc-agent-arret", "agent-technique", sex="M", age=(48, 56))
    p.hire(sick, CDI, p.years_ago(12), p.terms(sick, "agent-technique"))
    temp = p.person("lc-agent-interim", "agent-technique", sex="M", age=(25, 40))
    p.hire(
        temp,
        INTERIM,
        p.month(1, day=12),
        p.terms(temp, "agent-technique"),
        end=add_months(p.month(1, day=12), 2),
        reason="remplacement",
        replaced=f"{sick.identity.first_names} {sick.identity.last_name}, "
        "agent technique polyvalent (arrêt maladie)",
    )
    retiring = p.person(
        "lc-agent-retraite", "agent-technique", sex="M", country="portugal", age=(63, 63)
    )
    c = p.hire(retiring, CDI, p.years_ago(16), p.terms(retiring, "agent-technique"))
    p.leave(c, p.month_end(6), "039")

    # Unité d'enseignement: staff of the Éducation nationale working on site.
    teacher = p.person("lc-enseignant", "enseignant", age=(35, 45))
    p.hire(teacher, CIVIL_SERVANT, p.month(26), p.terms(teacher, "enseignant", gross=2810))
    aesh = p.person("lc-aesh", "aesh", sex="F", age=(35, 50))
    start = p.month(26)
    p.hire(
        aesh,
        PUBLIC_CONTRACT,
        start,
        p.terms(aesh, "aesh", gross=2000, hours=Decimal("104.00")),
        end=add_months(start, 36) - timedelta(days=1),
    )
