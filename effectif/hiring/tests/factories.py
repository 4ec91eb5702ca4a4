"""Rows of recruitment for tests: a requisition, a posting, a candidate, an interview. Each
factory fills only what the model requires; a test names what it checks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from effectif.hiring.models import Candidate, Interview, JobPosting, JobRequisition
from effectif.organisation.tests.factories import PositionFactory


class JobRequisitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobRequisition

    position = factory.SubFactory(PositionFactory)
    employer = factory.LazyAttribute(lambda o: o.position.employer)
    reason = "creation"
    contract_kind = "cdi"
    start_date = dt.date(2026, 4, 1)
    budget_amount = Decimal("36000")


class JobPostingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobPosting

    position = factory.SubFactory(PositionFactory)
    employer = factory.LazyAttribute(lambda o: o.position.employer)
    reference = factory.Sequence(lambda n: f"2026-{n + 1:03d}")
    title = "Comptable (H/F)"
    summary = "Tenir la comptabilité générale."
    contract_kind = "cdi"


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    posting = factory.SubFactory(JobPostingFactory)
    employer = factory.LazyAttribute(lambda o: o.posting.employer)
    first_names = "Alex"
    last_name = factory.Sequence(lambda n: f"Nom{n}")
    email = factory.LazyAttribute(lambda o: f"{o.last_name.lower()}@example.test")


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interview

    candidate = factory.SubFactory(CandidateFactory)
    scheduled_at = factory.LazyFunction(timezone.now)
    place = "Siège"
