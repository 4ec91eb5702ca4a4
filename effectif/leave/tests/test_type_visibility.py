"""The nature of an absence is health or family data: HR of the employer and the employee read
it; a manager (or anyone else) reads « Absence » and its dates, unless the employer marks the
type as shown to managers (paid leave, RTT… by default). Every page, export, notification and
feed that names a type says it the same way."""

from __future__ import annotations

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse

from effectif.core.models import AuditAction, AuditEntry
from effectif.leave.acquisitions import acquisitions_post
from effectif.leave.calendar import absences_by_day
from effectif.leave.models import BalancePolicy, Category, LeaveType, Notification, Status
from effectif.leave.services import leave_request_cancel, leave_request_submit
from effectif.rules.leave.counting import Span

pytestmark = pytest.mark.django_db
WED, FRI = date(2026, 6, 3), date(2026, 6, 5)
MON = date(2026, 6, 8)

#: The natures a manager reads by default, and those they do not.
SHOWN = {"cp", "rtt", "repos", "sans_solde", "formation"}
HIDDEN = {"maladie", "at_mp", "maternite", "paternite", "enfant_malade"}


def _page(client, url):
    response = client.get(url)
    if response.status_code != 200:
        return response.status_code
    if response.get("Content-Type", "").startswith(("text/csv", "application/vnd")):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode()


@pytest.fixture
def recorded(world, types, hr_assistant):
    """Record an absence of `code` for the team member, as HR does, with HR's comment."""

    def record(code):
        return leave_request_submit(
            employee=world.member,
            leave_type=types[code],
            span=Span(WED, FRI),
            by=hr_assistant,
            comment="Hospitalisation prévue",
        ).request

    return record


# --- The setting --------------------------------------------------------------------------


def test_the_default_types_show_managers_only_non_sensitive_natures(types):
    shown = {code for code, t in types.items() if t.shown_to_managers}
    assert shown == SHOWN
    assert set(types) >= HIDDEN
    assert all(not t.shown_to_managers for c, t in types.items() if c.startswith("famille_"))


def test_the_data_migration_sets_existing_types_by_nature(world, types):
    LeaveType.objects.update(shown_to_managers=False)
    migration = import_module("effectif.leave.migrations.0003_leave_type_shown_by_category")
    migration.show_non_sensitive_natures(apps, None)
    shown = set(
        LeaveType.objects.filter(employer=world.employer, shown_to_managers=True).values_list(
            "code", flat=True
        )
    )
    assert shown == SHOWN


def test_hr_choose_in_the_type_settings_and_the_change_is_audited(
    client_for, world, types, hr_manager
):
    client = client_for(hr_manager)
    url = reverse("leave:type_edit", args=[types["formation"].pk])
    form = client.get(url).context["form"]
    assert form.fields["shown_to_managers"].label == "Nature visible des managers"
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data.pop("shown_to_managers")
    assert client.post(url, data).status_code == 302
    types["formation"].refresh_from_db()
    assert types["formation"].shown_to_managers is False
    entry = AuditEntry.objects.get(action=AuditAction.UPDATE, target_type="leave.LeaveType")
    assert entry.changes["shown_to_managers"] == ["oui", "non"]


# --- Pages, exports, planning: role × page -----------------------------------------------

REAL, NEUTRAL = "real", "neutral"


def _pages(world):
    team = f"?pour=service-{world.team.pk}&date=2026-06-03"
    return {
        "requests": reverse("leave:requests"),
        "export": reverse("leave:requests") + "?export=csv",
        "employee": reverse("employees:detail", args=[world.member.pk]),
        "planning": reverse("planning:grid") + team,
        "planning_xlsx": reverse("planning:grid") + team + "&export=xlsx",
    }


@pytest.mark.parametrize("code", ["maladie", "at_mp", "maternite"])
@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("requests", {"hr_manager": REAL, "hr_assistant": REAL, "manager_user": NEUTRAL}),
        ("export", {"hr_manager": REAL, "hr_assistant": REAL, "manager_user": NEUTRAL}),
        ("employee", {"hr_manager": REAL, "manager_user": NEUTRAL, "employee_user": REAL}),
        ("planning", {"hr_manager": REAL, "hr_assistant": REAL, "manager_user": NEUTRAL}),
    ],
)
def test_a_sensitive_nature_by_role_and_page(
    request, client_for, world, recorded, code, page, expected
):
    absence = recorded(code)
    url = _pages(world)[page]
    for role, seen in expected.items():
        content = _page(client_for(request.getfixturevalue(role)), url)
        assert isinstance(content, str), (role, page, content)
        assert world.member.display_name in content or page == "export", (role, page)
        if seen == REAL:
            assert absence.leave_type.label in content, (role, page)
        else:
            assert absence.leave_type.label not in content, (role, page)
            assert "Absence" in content, (role, page)
            assert "Hospitalisation" not in content, (role, page)


@pytest.mark.parametrize(
    ("role", "seen"),
    [
        ("hr_manager", REAL),
        ("hr_assistant", REAL),
        ("manager_user", NEUTRAL),
        ("employee_user", REAL),
        ("outsider", 404),
    ],
)
def test_the_request_page_by_role(request, client_for, recorded, role, seen):
    absence = recorded("maladie")
    page = _page(
        client_for(request.getfixturevalue(role)),
        reverse("leave:request_detail", args=[absence.pk]),
    )
    if seen == 404:
        assert page == 404
    elif seen == REAL:
        assert "Maladie" in page
        assert "Hospitalisation prévue" in page
    else:
        assert "Maladie" not in page
        assert "<title>Absence" in page
        assert "Hospitalisation" not in page
        assert "calendaires" not in page  # the counting would hint at the nature


def test_the_planning_xlsx_of_a_manager_is_neutral(client_for, world, recorded, manager_user):
    from io import BytesIO

    from openpyxl import load_workbook

    recorded("maladie")
    response = client_for(manager_user).get(_pages(world)["planning_xlsx"])
    assert response.status_code == 200
    body = response.content if not response.streaming else b"".join(response.streaming_content)
    cells = {
        str(cell.value)
        for sheet in load_workbook(BytesIO(body)).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    }
    assert not any("Maladie" in value or value.startswith("MAL") for value in cells)
    assert any("Absence" in value for value in cells)


def test_a_type_shown_to_managers_is_named_to_them(client_for, world, types, manager_user):
    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    leave_request_submit(
        employee=world.member, leave_type=types["cp"], span=Span(MON, MON), by=world.member.user
    )
    page = client_for(manager_user).get(reverse("leave:requests")).content.decode()
    assert "Congés payés" in page


def test_the_employer_may_hide_even_paid_leave(client_for, world, types, manager_user):
    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    types["cp"].shown_to_managers = False
    types["cp"].save()
    leave_request_submit(
        employee=world.member, leave_type=types["cp"], span=Span(MON, MON), by=world.member.user
    )
    page = client_for(manager_user).get(reverse("leave:requests")).content.decode()
    assert "Congés payés" not in page


def test_a_manager_cannot_single_out_a_hidden_type_with_the_filter(
    client_for, world, types, recorded, manager_user
):
    recorded("maladie")
    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    leave_request_submit(
        employee=world.member, leave_type=types["cp"], span=Span(MON, MON), by=world.member.user
    )
    response = client_for(manager_user).get(
        reverse("leave:requests"), {"type": types["maladie"].pk}
    )
    offered = {t.pk for t in response.context["types"]}
    assert types["maladie"].pk not in offered
    assert types["cp"].pk in offered
    listed = list(response.context["page_obj"])
    assert len(listed) == 2  # the hidden type's filter is ignored, not applied


def test_a_hidden_type_with_a_balance_stays_off_the_managers_statement(
    client_for, world, types, hr_manager, manager_user, employee_user
):
    sick_child = types["enfant_malade"]
    sick_child.balance_policy = BalancePolicy.WARN
    sick_child.save()
    from effectif.leave.services import ledger_adjust

    ledger_adjust(
        employee=world.member,
        leave_type=sick_child,
        amount=3,
        entry_date=date(2026, 1, 1),
        label="Accord d'entreprise",
        by=hr_manager,
    )
    url = reverse("leave:statement", args=[world.member.pk])
    assert "Enfant malade" in client_for(employee_user).get(url).content.decode()
    assert "Enfant malade" in client_for(hr_manager).get(url).content.decode()
    assert "Enfant malade" not in client_for(manager_user).get(url).content.decode()
    panel = client_for(manager_user).get(reverse("employees:detail", args=[world.member.pk]))
    assert "Enfant malade" not in panel.content.decode()


# --- Deciding, the team's absences, notifications ------------------------------------------


def test_a_manager_approves_a_sensitive_request_without_its_nature(
    client_for, world, types, manager_user, employee_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        paternity = leave_request_submit(
            employee=world.member,
            leave_type=types["paternite"],
            span=Span(MON, date(2026, 6, 12)),
            by=employee_user,
            comment="Naissance de notre fille",
        ).request
    assert paternity.status == Status.SUBMITTED
    notice = Notification.objects.get(user=manager_user)
    assert "paternité" not in notice.message.lower()
    assert "Absence" in notice.message
    assert "08/06/2026" in notice.message
    sent = [m for m in mail.outbox if manager_user.email in m.to]
    assert sent
    assert all("paternité" not in (m.subject + m.body).lower() for m in sent)
    client = client_for(manager_user)
    page = client.get(reverse("leave:request_detail", args=[paternity.pk])).content.decode()
    assert "paternité" not in page.lower()
    assert "Naissance" not in page
    assert "08/06" in page or "8 juin 2026" in page
    assert client.post(reverse("leave:request_approve", args=[paternity.pk])).status_code == 302
    paternity.refresh_from_db()
    assert paternity.status == Status.APPROVED
    told = Notification.objects.get(user=employee_user)
    assert "paternité" in told.message.lower()  # the employee reads their own request


def test_a_cancellation_tells_the_manager_without_the_nature(world, types, manager_user):
    family = world.member.user
    request = leave_request_submit(
        employee=world.member, leave_type=types["paternite"], span=Span(MON, MON), by=family
    ).request
    Notification.objects.all().delete()
    leave_request_cancel(request=request, by=family)
    notice = Notification.objects.get(user=manager_user)
    assert "paternité" not in notice.message.lower()
    assert "Absence" in notice.message


def test_hr_approvers_read_the_nature(world, types, hr_manager, hr_assistant):
    world.team.manager = None
    world.team.save()
    leave_request_submit(
        employee=world.member,
        leave_type=types["paternite"],
        span=Span(MON, MON),
        by=world.member.user,
    )
    for hr in (hr_manager, hr_assistant):
        assert "paternité" in Notification.objects.get(user=hr).message.lower()


def test_the_team_absences_shown_to_the_decider_hide_the_nature(
    client_for, world, types, hr_manager, hr_assistant, manager_user
):
    colleague = world.colleague
    colleague.department = world.team
    colleague.save()
    leave_request_submit(
        employee=colleague,
        leave_type=types["maladie"],
        span=Span(MON, MON),
        by=hr_assistant,
    )
    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    pending = leave_request_submit(
        employee=world.member, leave_type=types["cp"], span=Span(MON, MON), by=world.member.user
    ).request
    url = reverse("leave:request_detail", args=[pending.pk])
    manager_page = client_for(manager_user).get(url).content.decode()
    assert colleague.display_name in manager_page
    assert "Maladie" not in manager_page
    assert "Absence" in manager_page
    assert "Maladie" in client_for(hr_manager).get(url).content.decode()


# --- The calendar of the planning -----------------------------------------------------------


def test_absences_by_day_say_absence_to_whoever_may_not_read_the_nature(
    world, recorded, hr_manager, manager_user, employee_user
):
    recorded("maladie")
    key = (world.member.pk, WED)
    for viewer, label in (
        (hr_manager, "Maladie"),
        (employee_user, "Maladie"),
        (manager_user, "Absence"),
        (None, "Absence"),  # a calendar feed, read without a session
    ):
        day = absences_by_day([world.member.pk], WED, FRI, viewer=viewer)[key]
        assert day.label == label, viewer
        if label == "Absence":
            assert (day.code, day.category) == ("", "")
            assert day.colour == "#6c757d"


def test_the_categories_decide_the_defaults():
    from effectif.leave.models import SHOWN_TO_MANAGERS_BY_DEFAULT

    assert {
        Category.PAID_LEAVE,
        Category.RTT,
        Category.TIME_OFF_IN_LIEU,
        Category.UNPAID,
        Category.TRAINING,
    } == SHOWN_TO_MANAGERS_BY_DEFAULT
