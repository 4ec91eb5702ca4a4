from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from effectif.core.services import save_audited
from effectif.organisation.models import Department, Employer, Establishment
from effectif.organisation.tests.factories import DepartmentFactory, EmployerFactory

pytestmark = pytest.mark.django_db


def test_employer_identifiers_are_checked_and_normalised(admin_user):
    employer = Employer(
        name="ACME", siren="732 829 320", legal_form="SAS", naf_code="6201z", idcc="16"
    )
    save_audited(instance=employer, by=admin_user)
    employer.refresh_from_db()
    assert (employer.siren, employer.naf_code, employer.idcc) == ("732829320", "62.01Z", "0016")


def test_invalid_siret_is_refused_with_a_french_message(admin_user):
    employer = EmployerFactory(siren="732829320")
    establishment = Establishment(
        employer=employer,
        name="Siège",
        siret="73282932000075",
        address="1 rue",
        postal_code="57000",
        city="Metz",
        at_rate=Decimal("0.02"),
    )
    with pytest.raises(ValidationError) as error:
        save_audited(instance=establishment, by=admin_user)
    assert "Luhn" in error.value.message_dict["siret"][0]


def test_establishment_in_moselle_is_alsace_moselle(admin_user):
    employer = EmployerFactory(siren="732829320")
    establishment = Establishment(
        employer=employer,
        name="Metz",
        siret="73282932000074",
        address="1 rue",
        postal_code="57000",
        city="Metz",
        at_rate=Decimal("0.02"),
    )
    save_audited(instance=establishment, by=admin_user)
    assert establishment.department == "57"
    assert establishment.alsace_moselle


def test_siret_must_belong_to_the_employer(admin_user):
    employer = EmployerFactory()
    establishment = Establishment(
        employer=employer,
        name="X",
        siret="73282932000074",
        address="1 rue",
        postal_code="75001",
        city="Paris",
        at_rate=Decimal("0.02"),
    )
    with pytest.raises(ValidationError, match="SIREN de l'employeur"):
        save_audited(instance=establishment, by=admin_user)


def test_a_department_cannot_sit_under_its_own_subtree(admin_user):
    top = DepartmentFactory()
    child = DepartmentFactory(employer=top.employer, parent=top)
    top.parent = child
    with pytest.raises(ValidationError, match="sous-services"):
        save_audited(instance=top, by=admin_user)
    assert Department.objects.get(pk=top.pk).parent is None
