"""The role predicates every app composes, the audit filing mixin and the form helpers.

Core sits below the apps that hold employers, departments and employees: the rows come from
the shared `world` fixture and the models from the app registry, not from imports.
"""

from __future__ import annotations

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from effectif.core import roles
from effectif.core.forms import set_choices, set_queryset
from effectif.core.htmx import is_htmx
from effectif.core.models import AuditScoped
from effectif.core.roles import Role


@pytest.mark.django_db
def test_roles_of_each_user(make_user):
    nobody = AnonymousUser()
    by_role = {role: make_user(role) for role in Role.values}
    assert [r for r, u in by_role.items() if roles.is_hr(u)] == [
        Role.ADMIN,
        Role.HR_MANAGER,
        Role.HR_ASSISTANT,
    ]
    assert [r for r, u in by_role.items() if roles.is_employer_editor(u)] == [
        Role.ADMIN,
        Role.HR_MANAGER,
    ]
    assert [r for r, u in by_role.items() if roles.can_read_audit(u)] == [
        Role.ADMIN,
        Role.HR_MANAGER,
    ]
    assert [r for r, u in by_role.items() if roles.is_manager(u)] == [Role.MANAGER]
    assert [r for r, u in by_role.items() if roles.is_admin(u)] == [Role.ADMIN]
    for predicate in (roles.is_hr, roles.is_manager, roles.is_admin, roles.can_read_audit):
        assert predicate(nobody) is False


@pytest.mark.django_db
def test_self_and_manager_of_an_employee(world, make_user):
    boss = world.team.manager
    colleague = make_user(Role.MANAGER)
    below = apps.get_model("organisation", "Department").objects.create(
        employer=world.employer, parent=world.team, name="En dessous"
    )
    worker = world.colleague
    worker.department, worker.user = below, make_user()
    worker.save()
    assert roles.manages(boss, worker)
    assert not roles.manages(colleague, worker)
    assert not roles.manages(AnonymousUser(), worker)
    assert roles.is_self(worker.user, worker)
    assert not roles.is_self(boss, worker)
    assert not roles.is_self(AnonymousUser(), world.stranger)
    # A manager of their own department does not manage themself.
    own = world.manager_file
    own.department = world.team
    own.save()
    assert own.user == boss
    assert not roles.manages(boss, own)


@pytest.mark.django_db
def test_audit_scope_follows_the_paths_a_model_names(world):
    class OfAnEmployee(AuditScoped):
        audit_employer_path = "employee.employer_id"
        audit_employee_path = "employee_id"

        def __init__(self, employee):
            self.employee = employee
            self.employee_id = employee.pk if employee else None

    worker = world.member
    row = OfAnEmployee(worker)
    assert (row.audit_employer_id, row.audit_employee_id) == (worker.employer_id, worker.pk)
    empty = OfAnEmployee(None)
    assert (empty.audit_employer_id, empty.audit_employee_id) == (None, None)


@pytest.mark.django_db
def test_form_helpers_set_the_rows_and_choices_offered(world):
    Employer = apps.get_model("organisation", "Employer")

    class Choice(forms.Form):
        employer = forms.ModelChoiceField(queryset=Employer.objects.none())
        kind = forms.ChoiceField(choices=[])
        note = forms.CharField()

    kept = world.employer
    form = Choice()
    set_queryset(form, "employer", Employer.objects.filter(pk=kept.pk), lambda e: e.name.upper())
    set_choices(form, "kind", [("a", "A")])
    assert Employer.objects.exclude(pk=kept.pk).exists()
    assert [label for _value, label in form.fields["employer"].choices][1:] == ["EMPLOYEUR A"]
    assert list(form.fields["kind"].choices) == [("a", "A")]
    with pytest.raises(TypeError):
        set_queryset(form, "note", Employer.objects.all())
    with pytest.raises(TypeError):
        set_choices(form, "note", [])


def test_htmx_requests_but_not_boosted_links(rf: RequestFactory):
    class Details:
        def __init__(self, sent: bool, boosted: bool) -> None:
            self.sent, self.boosted = sent, boosted

        def __bool__(self) -> bool:
            return self.sent

    def request(sent: bool, boosted: bool = False):
        made = rf.get("/")
        made.htmx = Details(sent, boosted)
        return made

    assert is_htmx(request(True))
    assert not is_htmx(request(True, boosted=True))
    assert not is_htmx(request(False))
    assert not is_htmx(rf.get("/"))
