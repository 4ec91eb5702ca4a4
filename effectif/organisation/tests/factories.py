from __future__ import annotations

from decimal import Decimal

import factory

from effectif.organisation.models import (
    Department,
    Employer,
    EmployerAccess,
    Establishment,
    Position,
)
from effectif.rules.identity.generate import make_siren, make_siret


class EmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employer

    name = factory.Sequence(lambda n: f"Employeur {n}")
    siren = factory.Sequence(lambda n: make_siren(10_000_000 + n))
    legal_form = "SAS"
    naf_code = "62.01Z"
    idcc = "1486"


class EstablishmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Establishment

    employer = factory.SubFactory(EmployerFactory)
    name = factory.Sequence(lambda n: f"Établissement {n}")
    siret = factory.LazyAttributeSequence(lambda o, n: make_siret(o.employer.siren, n + 1))
    address = "1 rue de la Paix"
    postal_code = "75002"
    city = "Paris"
    department = "75"
    at_rate = Decimal("0.0208")


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    employer = factory.SubFactory(EmployerFactory)
    name = factory.Sequence(lambda n: f"Service {n}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    employer = factory.SubFactory(EmployerFactory)
    title = factory.Sequence(lambda n: f"Poste {n}")


def grant(user, employer) -> None:
    EmployerAccess.objects.get_or_create(user=user, employer=employer)
