"""The demo's recruitment: requisitions, a published posting with candidates at each stage,
a hire with its DPAE filed; loaded once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps

from effectif.core.testing import sample_pdf
from effectif.hiring.demo import load_hiring_demo
from effectif.hiring.models import (
    Candidate,
    CandidateStatus,
    Dpae,
    DpaeStatus,
    JobPosting,
    JobRequisition,
    Onboarding,
)
from effectif.organisation.models import Employer
from effectif.organisation.tests.factories import PositionFactory

pytestmark = pytest.mark.django_db


APPS = ("hiring", "employees", "contracts", "core")


def _counts():
    return {
        m._meta.label: m._default_manager.count()
        for label in APPS
        for m in apps.get_app_config(label).get_models()
    }


def _pdf(title, lines):
    return sample_pdf(title)


def test_the_demo_recruitment_is_loaded_once(recruiting, hr_manager, manager_user):
    world = recruiting.world
    PositionFactory(
        employer=world.employer, department=world.team, title="Analyste", purpose="Analyser."
    )
    JobRequisition.objects.all().delete()
    employers = Employer.objects.filter(pk=world.employer.pk)
    today = dt.date(2026, 3, 2)
    before = _counts()
    assert load_hiring_demo(
        employers=employers, today=today, hr=hr_manager, manager=manager_user, pdf=_pdf
    )
    requisitions = JobRequisition.objects.filter(employer=world.employer)
    assert sorted(requisitions.values_list("status", flat=True)) == [
        "approved",
        "closed",
        "submitted",
    ]
    published = JobPosting.objects.get(requisition__status="approved")
    stages = set(published.candidates.values_list("status", flat=True))
    assert stages == {"received", "shortlisted", "interview", "offer", "rejected"}
    hired = Candidate.objects.get(status=CandidateStatus.HIRED)
    dpae = Dpae.objects.get(contract=hired.contract)
    assert dpae.status == DpaeStatus.DONE
    assert not dpae.late
    assert (
        Onboarding.objects.get(employee=hired.employee).tasks.filter(done_at__isnull=False).exists()
    )

    after = _counts()
    assert not load_hiring_demo(
        employers=employers, today=today, hr=hr_manager, manager=manager_user, pdf=_pdf
    )
    assert _counts() == after
    assert after != before
