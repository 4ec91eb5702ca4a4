"""Rows of the occupational health follow-up for tests."""

from __future__ import annotations

import factory

from effectif.health.models import FollowUpSettings
from effectif.organisation.models import HealthService
from effectif.organisation.tests.factories import EmployerFactory


class HealthServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HealthService

    name = factory.Sequence(lambda n: f"SPST {n}")


class FollowUpSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUpSettings

    employer = factory.SubFactory(EmployerFactory)
