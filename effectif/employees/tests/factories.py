from __future__ import annotations

from datetime import date

import factory

from effectif.employees.models import Employee
from effectif.organisation.tests.factories import EmployerFactory
from effectif.rules.identity.generate import make_nir


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    employer = factory.SubFactory(EmployerFactory)
    matricule = factory.Sequence(lambda n: f"M{n:05d}")
    last_name = factory.Sequence(lambda n: f"Nom{n}")
    first_names = "Camille"
    sex = "F"
    birth_date = date(1990, 4, 2)
    birth_place = "Lyon"
    nir = factory.Sequence(
        lambda n: make_nir(
            sex="F", birth_date=date(1990, 4, 2), department="69", commune=123, order=n
        )
    )
    iban = "FR7630006000011234567890189"
