"""The main path in Chromium: an offer on the public careers page, an anonymous application
with its CV, an interview with its invitation, the hire creating file and contract, and the
DPAE waiting in the HR to-do."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone

from effectif.core.testing import browser_login
from effectif.employees.models import Employee
from effectif.hiring.models import Candidate, CandidateStatus, Dpae, PostingStatus
from effectif.hiring.tests.conftest import PDF
from effectif.hiring.tests.factories import JobPostingFactory
from effectif.organisation.models import HealthService
from effectif.organisation.tests.factories import PositionFactory
from effectif.rules.identity.generate import make_nir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def posting(world):
    world.establishment.health_service = HealthService.objects.create(name="SPST Paris")
    world.establishment.save()
    position = PositionFactory(
        employer=world.employer,
        department=world.team,
        title="Comptable",
        purpose="Tenir la comptabilité générale.",
        classification="Position 2.1",
    )
    return JobPostingFactory(
        position=position,
        establishment=world.establishment,
        reference="2026-007",
        start_date=timezone.localdate() + dt.timedelta(days=20),
        status=PostingStatus.PUBLISHED,
        published_at=timezone.now(),
    )


def test_from_the_careers_page_to_the_dpae_in_the_to_do(
    page, browser, live_server, posting, tmp_path
):
    cv = tmp_path / "CV Lou Durand.pdf"
    cv.write_bytes(PDF)
    visitor = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    public = visitor.new_page()
    public.set_default_timeout(10_000)
    public.goto(f"{live_server.url}/recrutement/carrieres/{posting.employer.siren}/")
    public.get_by_role("link", name="Comptable (H/F)").click()
    public.get_by_text("Durée de conservation").first.wait_for()
    public.get_by_label("Civilité").select_option(label="Madame")
    public.get_by_label("Prénom").fill("Lou")
    public.get_by_label(re.compile(r"^Nom")).fill("Durand")
    public.get_by_label("E-mail").fill("lou.durand@example.test")
    public.get_by_label("Votre CV").set_input_files(str(cv))
    public.get_by_label(re.compile("^J'accepte que")).check()
    public.get_by_role("button", name="Envoyer ma candidature").click()
    public.get_by_text("Merci, votre candidature est bien envoyée.").wait_for()
    visitor.close()
    candidate = Candidate.objects.get(email="lou.durand@example.test")
    assert candidate.consent_at is not None

    browser_login(page, "rh-test")
    page.goto(page.base_url + "/recrutement/candidats/")
    page.get_by_role("link", name="DURAND Lou").click()
    page.get_by_role("link", name="Planifier un entretien").click()
    when = timezone.localdate() + dt.timedelta(days=3)
    page.get_by_label("Date et heure").fill(f"{when:%Y-%m-%d}T14:30")
    page.get_by_label(re.compile(r"^Lieu$")).fill("Siège, bureau des RH")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("Entretien planifié.").wait_for()
    page.get_by_text("Invitation envoyée à lou.durand@example.test.").wait_for()
    assert mail.outbox[-1].to == ["lou.durand@example.test"]
    assert page.get_by_text(
        re.compile("Invitation à un entretien de recrutement — candidature")
    ).count()

    page.get_by_role("link", name="Embaucher").click()
    assert page.get_by_label("Nom de naissance").input_value() == "DURAND"
    assert page.get_by_label("Sexe").input_value() == "F"  # from « Madame »
    page.get_by_label("Date de naissance").fill("1994-05-12")
    page.get_by_label("Lieu de naissance").fill("Lyon (69)")
    nir = make_nir(sex="F", birth_date=dt.date(1994, 5, 12), department="69", commune=123, order=45)
    page.get_by_label("NIR (n° de sécurité sociale)").fill(nir)
    page.get_by_label("Catégorie").select_option(label="Employé")
    page.get_by_label("Salaire de base mensuel brut").fill("2 600,00")
    page.get_by_role("button", name="Embaucher").click()
    page.get_by_text(re.compile("est embauché")).wait_for()
    page.get_by_text("Déclaration préalable à l'embauche").first.wait_for()

    employee = Employee.objects.get(last_name="DURAND")
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.HIRED
    assert employee.contracts.get().start_date == posting.start_date
    assert Dpae.objects.filter(contract__employee=employee, status="todo").exists()

    page.goto(page.base_url + "/echeancier/")
    page.get_by_text(re.compile("DPAE à faire : embauche de DURAND Lou")).wait_for()
