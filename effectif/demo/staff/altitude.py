"""Altitude Numérique's staff: a Paris head office and a Strasbourg agency."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from effectif.demo.careers import DocumentPlan, Planner
from effectif.demo.staff.common import (
    APPRENTICESHIP,
    CDD,
    CDI,
    INTERIM,
    INTERNSHIP,
    PROFESSIONALISATION,
    day,
    permit,
    title,
)
from effectif.rules.contracts.trial_period import add_months


def plan_altitude(p: Planner) -> None:
    """Altitude Numérique: a Paris head office and a Strasbourg agency."""
    # Direction and administration.
    dg = p.person(
        "helene-garnier",
        "dg",
        sex="F",
        first_names="Hélène",
        last_name="Garnier",
        age=(52, 52),
        head_of=("an-direction",),
    )
    c = p.hire(dg, CDI, p.years_ago(12.2), p.terms(dg, "dg", gross=8100))
    p.pay_rise(c, p.month(22), 2.5)
    raf = p.person(
        "laurent-meyer",
        "raf",
        sex="M",
        first_names="Laurent",
        last_name="Meyer",
        age=(48, 48),
        head_of=("an-admin",),
    )
    c = p.hire(raf, CDI, p.years_ago(9), p.terms(raf, "raf", gross=4900))
    p.pay_rise(c, p.month(10), 3.0)
    rh = p.person(
        "nadia-benali", "rh", sex="F", first_names="Nadia", last_name="Benali", age=(38, 38)
    )
    c = p.hire(rh, CDI, p.years_ago(5), p.terms(rh, "rh", gross=2950))
    p.pay_rise(c, p.month(19), 2.0)
    p.pay_rise(c, p.month(7), 2.5)
    assistant = p.person("an-assistant-parental", "assistant", sex="F", age=(34, 38))
    c = p.hire(assistant, CDI, p.years_ago(7), p.terms(assistant, "assistant"))
    p.part_time(
        c,
        p.month(25),
        Decimal("0.8"),
        "Passage à temps partiel à 80 % (congé parental d'éducation)",
    )
    p.full_time(c, p.month(10), "Reprise à temps plein à l'issue du congé parental")
    trainee = p.person("an-stage-rh", "rh", age=(21, 23), education="5")
    p.hire(
        trainee,
        INTERNSHIP,
        p.month(11),
        p.terms(
            trainee,
            "rh",
            gross=780,
            job_title="Stagiaire ressources humaines",
            classification="",
            coefficient="",
        ),
        end=p.month_end(6),
    )
    p.anyone("assistant")

    # Études et développement: the `manager` account and their team.
    marc = p.person(
        "marc-aubert",
        "dirtech",
        sex="M",
        first_names="Marc",
        last_name="Aubert",
        age=(46, 46),
        head_of=("an-etudes",),
    )
    c = p.hire(marc, CDI, p.years_ago(10.7), p.terms(marc, "cdp", gross=4600))
    p.amend(
        c,
        p.month(26),
        "Promotion : directeur technique",
        **vars(p.terms(marc, "dirtech", gross=5900)),
    )
    p.pay_rise(c, p.month(10), 3.0)
    marc.documents.append(DocumentPlan("diplome", "Diplôme d'ingénieur"))

    lead = p.person("an-web-lead", "dev", age=(33, 40), head_of=("an-web",))
    c = p.hire(lead, CDI, p.years_ago(6), p.terms(lead, "dev", gross=3600))
    p.promote(c, p.month(28))
    p.pay_rise(c, p.month(4), 3.0)

    sophie = p.person(
        "sophie-lambert",
        "dev",
        sex="F",
        first_names="Sophie",
        last_name="Lambert",
        birth_date=date(p.today.year - 27, 5, 14),
        education="7",
    )
    apprenticeship_start = p.month(38)
    p.hire(
        sophie,
        APPRENTICESHIP,
        apprenticeship_start,
        p.terms(
            sophie,
            "dev",
            gross=1280,
            job_title="Développeuse web en apprentissage",
            category="employe",
            classification="Apprentie (master informatique)",
            coefficient="",
        ),
        end=add_months(apprenticeship_start, 24) - timedelta(days=1),
    )
    c = p.hire(
        sophie, CDI, add_months(apprenticeship_start, 24), p.terms(sophie, "dev", gross=3150)
    )
    p.pay_rise(c, p.month(7), 3.5)
    sophie.documents.append(DocumentPlan("rib", "Relevé d'identité bancaire"))

    apprentice = p.person("an-apprenti", "dev", age=(20, 21), education="5")
    start = p.month(2)
    p.hire(
        apprentice,
        APPRENTICESHIP,
        start,
        p.terms(
            apprentice,
            "dev",
            gross=1150,
            category="employe",
            job_title=f"{title(apprentice, 'dev')} en apprentissage",
            classification="Apprenti (BUT informatique)",
            coefficient="",
        ),
        end=add_months(start, 24) - timedelta(days=1),
    )

    foreign = p.person("an-dev-tunisie", "dev", sex="M", country="tunisie", age=(29, 33))
    p.hire(foreign, CDI, p.month(30), p.terms(foreign, "dev"))
    permit(foreign, "salarie", "7501234567", day(p, 40))

    rqth = p.person("an-dev-rqth", "dev", age=(35, 45))
    rqth.disability_recognised, rqth.disability_end_date = True, day(p, 62)
    rqth.documents.append(DocumentPlan("rqth", "Notification de RQTH (MDPH)", day(p, 62)))
    c = p.hire(rqth, CDI, p.years_ago(4), p.terms(rqth, "dev"))
    p.pay_rise(c, p.month(13), 2.0)

    newcomer = p.person("an-dev-arrivee", "dev", age=(26, 30))
    p.hire(newcomer, CDI, p.month(-1), p.terms(newcomer, "dev"))  # hired, starts next month
    quitting = p.person("an-dev-demission", "dev", age=(27, 33))
    c = p.hire(quitting, CDI, p.years_ago(3.5), p.terms(quitting, "dev"))
    p.leave(c, p.month_end(9), "059")
    for _ in range(6):
        p.anyone("dev")

    data_lead = p.person("an-data-lead", "data", age=(34, 42), head_of=("an-data",))
    c = p.hire(data_lead, CDI, p.years_ago(5), p.terms(data_lead, "data", gross=4100))
    p.promote(c, p.month(16))
    talent = p.person("an-data-maroc", "data", sex="F", country="maroc", age=(28, 32))
    p.hire(talent, CDI, p.month(22), p.terms(talent, "data"))
    permit(talent, "talent", "1309876543", day(p, 690))
    intern = p.person("an-stage-data", "data", age=(22, 23), education="6")
    p.hire(
        intern,
        INTERNSHIP,
        p.month(3),
        p.terms(
            intern,
            "data",
            gross=800,
            job_title="Stagiaire data",
            category="employe",
            classification="",
            coefficient="",
        ),
        end=add_months(p.month(3), 6) - timedelta(days=1),
    )
    short = p.person("an-data-essai", "data", age=(25, 30))
    c = p.hire(short, CDI, p.month(7), p.terms(short, "data"))
    p.leave(c, p.month(7) + timedelta(days=45), "035")
    for _ in range(2):
        p.anyone("data")

    # Conseil et projets.
    head = p.person("an-conseil-head", "cdp", age=(40, 50), head_of=("an-conseil",))
    c = p.hire(head, CDI, p.years_ago(8), p.terms(head, "cdp", gross=4700))
    p.promote(c, p.month(20))
    italian = p.person("an-cdp-italie", "cdp", country="italie", age=(31, 36))
    p.hire(italian, CDI, p.month(16), p.terms(italian, "cdp"))
    leaving = p.person("an-cdp-rupture", "cdp", age=(35, 45))
    c = p.hire(leaving, CDI, p.years_ago(6), p.terms(leaving, "cdp"))
    p.pay_rise(c, p.month(23), 2.0)
    p.leave(c, p.month_end(5), "043")
    for _ in range(5):
        p.anyone("cdp")

    # Support et infogérance, at the Strasbourg agency.
    sup = p.person(
        "an-support-head",
        "support",
        establishment="strasbourg",
        age=(38, 48),
        head_of=("an-support",),
    )
    c = p.hire(sup, CDI, p.years_ago(7), p.terms(sup, "support", establishment="strasbourg"))
    p.promote(c, p.month(14))
    rqth = p.person("an-support-rqth", "support", establishment="strasbourg", age=(40, 50))
    rqth.disability_recognised, rqth.disability_end_date = True, day(p, 3 * 365)
    p.hire(rqth, CDI, p.years_ago(3), p.terms(rqth, "support", establishment="strasbourg"))
    moved = p.person("an-support-mutation", "support", establishment="strasbourg", age=(30, 40))
    c = p.hire(moved, CDI, p.years_ago(6), p.terms(moved, "support"))
    p.amend(
        c,
        p.month(18),
        "Mutation à l'agence de Strasbourg (à sa demande)",
        establishment="strasbourg",
    )
    pro = p.person(
        "an-support-pro", "support", establishment="strasbourg", age=(20, 23), education="4"
    )
    p.hire(
        pro,
        PROFESSIONALISATION,
        p.month(4),
        p.terms(
            pro,
            "support",
            establishment="strasbourg",
            gross=1700,
            category="employe",
            classification="Contrat de professionnalisation (titre TSSR)",
        ),
        end=add_months(p.month(4), 12) - timedelta(days=1),
    )
    temp = p.person("an-support-interim", "support", establishment="strasbourg", age=(25, 45))
    p.hire(
        temp,
        INTERIM,
        p.month(13, day=3),
        p.terms(temp, "support", establishment="strasbourg"),
        end=p.month(10, day=2),
        reason="accroissement",
    )
    cdd = p.person("an-support-cdd", "support", establishment="strasbourg", age=(23, 35))
    p.hire(
        cdd,
        CDD,
        p.month(2),
        p.terms(cdd, "support", establishment="strasbourg"),
        end=add_months(p.month(2), 6) - timedelta(days=1),
        reason="accroissement",
    )
    for _ in range(4):
        p.anyone("support", establishment="strasbourg")
