"""A department's manager is someone with access to its employer: an HR user of one employer
cannot make another employer's manager see and approve its staff (page, service, API)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from effectif.core.models import AuditAction, AuditEntry
from effectif.core.roles import Role
from effectif.core.services import save_audited
from effectif.organisation.models import Department
from effectif.organisation.tests.factories import grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def foreign_manager(make_user, world):
    """A manager whose only file is at employer B: no access to employer A."""
    user = make_user(Role.MANAGER, username="manager-b", first_name="Bruno", last_name="Bé")
    world.stranger.user = user  # the stranger's file is at employer B
    world.stranger.save()
    return user


@pytest.fixture
def foreign_hr(make_user, world):
    """An HR assistant granted employer B only."""
    user = make_user(Role.HR_ASSISTANT, username="rh-b", first_name="Béa", last_name="Rh")
    grant(user, world.other_employer)
    return user


def _department(world, manager):
    return Department(employer=world.employer, name="Maintenance", manager=manager)


def test_a_manager_of_another_employer_is_refused_on_the_manager_field(
    world, hr_assistant, foreign_manager
):
    with pytest.raises(ValidationError) as refused:
        save_audited(instance=_department(world, foreign_manager), by=hr_assistant)
    messages = refused.value.message_dict["manager"]
    assert messages == [
        "Bruno Bé n'a pas accès à l'employeur Employeur A : le responsable d'un service doit "
        "y avoir son dossier du personnel ou un accès accordé."
    ]
    assert not Department.objects.filter(name="Maintenance").exists()


def test_hr_of_another_employer_is_refused_too(world, hr_assistant, foreign_hr):
    with pytest.raises(ValidationError) as refused:
        save_audited(instance=_department(world, foreign_hr), by=hr_assistant)
    assert "n'a pas accès à l'employeur Employeur A" in refused.value.message_dict["manager"][0]


def test_an_employee_cannot_run_a_department(world, hr_assistant, employee_user):
    with pytest.raises(ValidationError) as refused:
        save_audited(instance=_department(world, employee_user), by=hr_assistant)
    assert refused.value.message_dict["manager"] == [
        "Le responsable d'un service doit être un manager ou un membre des RH."
    ]


@pytest.mark.parametrize("who", ["manager_user", "hr_manager", "admin_user", "granted_manager"])
def test_those_with_access_to_the_employer_may_run_its_departments(
    request, world, hr_assistant, make_user, who
):
    if who == "granted_manager":
        manager = make_user(Role.MANAGER, username="manager-accorde")
        grant(manager, world.employer)  # an access granted without a file there
    else:
        manager = request.getfixturevalue(who)  # a file there, a grant, or every employer
    department = save_audited(instance=_department(world, manager), by=hr_assistant)
    assert department.manager == manager
    from effectif.organisation.selectors import eligible_managers

    assert manager in eligible_managers(world.employer)


def test_eligible_managers_leave_out_strangers_inactive_and_employees(
    world, foreign_manager, foreign_hr, employee_user, make_user, manager_user
):
    from effectif.organisation.selectors import eligible_managers

    retired = make_user(Role.MANAGER, username="parti", is_active=False)
    grant(retired, world.employer)
    eligible = set(eligible_managers(world.employer))
    assert manager_user in eligible
    assert not eligible & {foreign_manager, foreign_hr, employee_user, retired}
    assert foreign_manager in set(eligible_managers(world.other_employer))


def test_the_form_offers_only_those_with_access(client_for, hr_assistant, world, foreign_manager):
    client = client_for(hr_assistant)
    form = client.get(f"/organisation/services/{world.team.pk}/modifier/").context["form"]
    offered = set(form.fields["manager"].queryset)
    assert world.team.manager in offered
    assert foreign_manager not in offered
    new_form = client.get(f"/organisation/services/nouveau/?employeur={world.employer.pk}")
    assert foreign_manager not in set(new_form.context["form"].fields["manager"].queryset)


def test_the_form_refuses_a_manager_of_another_employer(
    client_for, hr_assistant, world, foreign_manager
):
    response = client_for(hr_assistant).post(
        f"/organisation/services/{world.team.pk}/modifier/",
        {"employer": world.employer.pk, "name": "Équipe", "manager": foreign_manager.pk},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["manager"]
    world.team.refresh_from_db()
    assert world.team.manager != foreign_manager


def test_a_change_of_manager_is_audited_from_old_to_new(
    client_for, hr_assistant, world, hr_manager
):
    response = client_for(hr_assistant).post(
        f"/organisation/services/{world.team.pk}/modifier/",
        {"employer": world.employer.pk, "name": "Équipe", "manager": hr_manager.pk},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(
        action=AuditAction.UPDATE,
        target_type="organisation.Department",
        target_id=str(world.team.pk),
    )
    assert entry.actor == hr_assistant
    assert entry.changes["manager"] == ["Max Manager", "Rita Rh"]
    assert entry.employer_id == world.employer.pk


def test_the_form_tells_an_administrator_why_a_manager_is_refused(
    client_for, admin_user, world, foreign_manager
):
    response = client_for(admin_user).post(
        f"/organisation/services/{world.team.pk}/modifier/",
        {"employer": world.employer.pk, "name": "Équipe", "manager": foreign_manager.pk},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["manager"] == [
        "Bruno Bé n'a pas accès à l'employeur Employeur A : le responsable d'un service doit "
        "y avoir son dossier du personnel ou un accès accordé."
    ]
