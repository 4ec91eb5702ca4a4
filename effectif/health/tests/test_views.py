"""Every health page for each role: HR of the employer sees and acts; the employee sees their own
visits, read-only; a manager gets nothing of their team's health (403 or 404); an HR user
granted no employer sees nothing of anyone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from effectif.core.models import AuditAction, AuditEntry
from effectif.core.roles import Role
from effectif.core.testing import sample_pdf
from effectif.health.models import MedicalVisit, Status, VisitKind
from effectif.health.recompute import visits_recompute

pytestmark = pytest.mark.django_db

ROLES = ["hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]
HR = {"hr_manager", "hr_assistant"}


@pytest.fixture
def visit(world, health_service, hr_manager, today):
    """The VIP of the world's member (the employee user, in the manager's team), overdue."""
    visits_recompute(employee=world.member, by=hr_manager)
    return MedicalVisit.objects.get(employee=world.member)


def _read_pages(visit) -> list[str]:
    return [
        reverse("health:detail", args=[visit.pk]),
        reverse("health:employee", args=[visit.employee_id]),
        reverse("health:panel", args=[visit.employee_id]),
    ]


def _hr_pages(visit) -> list[str]:
    return [
        reverse("health:list"),
        reverse("health:plan", args=[visit.pk]),
        reverse("health:outcome", args=[visit.pk]),
        reverse("health:cancel", args=[visit.pk]),
        reverse("health:create", args=[visit.employee_id]),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_pages_by_role(request, client_for, visit, role):
    client = client_for(request.getfixturevalue(role))
    name = visit.employee.display_name
    for url in _read_pages(visit):
        response = client.get(url)
        if role in HR or role == "employee_user":  # the employee's own visit
            assert response.status_code == 200, url
        elif role == "manager_user":  # a team member's health: never
            assert response.status_code in (403, 404), url
        else:
            assert response.status_code == 404, url
    for url in _hr_pages(visit):
        response = client.get(url)
        if role in HR:
            assert response.status_code == 200, url
        elif role == "outsider" and url == reverse("health:list"):
            assert response.status_code == 200
            assert name not in response.content.decode()
        else:
            assert response.status_code in (403, 404), url


def test_the_manager_never_sees_the_health_of_the_team(client_for, manager_user, visit):
    client = client_for(manager_user)
    assert client.get(reverse("health:detail", args=[visit.pk])).status_code == 404
    assert client.get(reverse("health:employee", args=[visit.employee_id])).status_code == 403
    file = client.get(reverse("employees:detail", args=[visit.employee_id]))
    assert file.status_code == 200
    assert "Suivi médical" not in file.content.decode()
    to_do = client.get(reverse("dashboards:deadlines"))
    assert visit.get_kind_display() not in to_do.content.decode()
    assert client.post(reverse("health:missed", args=[visit.pk])).status_code == 404
    assert (
        client.post(reverse("health:recompute_employee", args=[visit.employee_id])).status_code
        == 403
    )


def test_the_employee_reads_their_visit_but_cannot_act(client_for, employee_user, visit):
    client = client_for(employee_user)
    page = client.get(reverse("health:detail", args=[visit.pk])).content.decode()
    assert "Visite d&#x27;information et de prévention" in page
    assert "Planifier" not in page
    assert client.get(reverse("health:plan", args=[visit.pk])).status_code == 403
    assert client.get(reverse("health:mine")).url == reverse(
        "health:employee", args=[visit.employee_id]
    )
    assert client.get(reverse("health:list")).status_code == 403
    assert client.get(reverse("health:settings")).status_code == 403


def test_anonymous_goes_to_login(client, visit):
    response = client.get(reverse("health:detail", args=[visit.pk]))
    assert response.status_code == 302


def test_reading_a_visit_is_audited_as_health_data(client_for, hr_assistant, visit):
    client_for(hr_assistant).get(reverse("health:detail", args=[visit.pk]))
    entry = AuditEntry.objects.filter(action=AuditAction.READ, target_id=str(visit.pk)).get()
    assert entry.actor == hr_assistant
    assert "outcome" in entry.detail


def test_the_file_panel_shows_counts_then_visits_on_demand(client_for, hr_manager, visit):
    client = client_for(hr_manager)
    url = reverse("employees:detail", args=[visit.employee_id])
    page = client.get(url).content.decode()
    assert "1 visite à organiser" in page
    assert "1 en retard" in page
    reads = AuditEntry.objects.filter(action=AuditAction.READ, employee_id=visit.employee_id)
    before = reads.count()
    shown = client.get(url + "?sante=1").content.decode()
    assert "Tout le suivi" in shown
    assert reads.count() == before + 1
    partial = client.get(reverse("health:panel", args=[visit.employee_id]), HTTP_HX_REQUEST="true")
    assert "Recalculer" in partial.content.decode()


def test_list_filters_and_exports(client_for, hr_manager, visit, newcomer):
    visits_recompute(employee=newcomer, by=hr_manager)
    client = client_for(hr_manager)
    page = client.get(reverse("health:list")).content.decode()
    assert visit.employee.display_name in page
    assert newcomer.display_name in page
    overdue = client.get(reverse("health:list") + "?retard=1").content.decode()
    assert newcomer.display_name not in overdue
    assert visit.employee.display_name in overdue
    soon = client.get(reverse("health:list") + "?avant=2026-04-01").content.decode()
    assert newcomer.display_name not in soon  # due 2 May
    xlsx = client.get(reverse("health:list") + "?export=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    csv = b"".join(client.get(reverse("health:list") + "?export=csv").streaming_content)
    assert "Nouvelle".upper().encode() in csv


def test_plan_then_record_the_outcome_through_the_pages(client_for, hr_assistant, visit, today):
    client = client_for(hr_assistant)
    response = client.post(
        reverse("health:plan", args=[visit.pk]),
        {
            "day": "2026-03-10",
            "time": "09:30",
            "health_service": visit.health_service_id,
            "place": "",
        },
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == Status.PLANNED
    assert visit.place == visit.health_service.address
    refused = client.post(
        reverse("health:outcome", args=[visit.pk]),
        {
            "held_on": "2026-03-02",
            "outcome": "apte_amenagements",
            "restrictions": "Dépression : mi-temps",
        },
    )
    assert refused.status_code == 200
    assert "secret médical" in refused.content.decode()
    done = client.post(
        reverse("health:outcome", args=[visit.pk]),
        {
            "held_on": "2026-03-02",
            "outcome": "apte",
            "notice": SimpleUploadedFile("avis.pdf", sample_pdf("Avis"), "application/pdf"),
        },
    )
    assert done.status_code == 302
    visit.refresh_from_db()
    assert (visit.status, visit.outcome) == (Status.DONE, "apte")
    assert visit.notice_document.is_health_data
    # The renewal, 5 years on, is shown as foreseen, not yet as a visit to organise.
    page = client.get(reverse("health:employee", args=[visit.employee_id])).content.decode()
    assert "Plus tard" in page
    assert "02/03/2031" in page


def test_create_cancel_missed_and_recompute_pages(client_for, hr_manager, visit, today):
    client = client_for(hr_manager)
    response = client.post(
        reverse("health:create", args=[visit.employee_id]),
        {"kind": VisitKind.PRE_RETURN, "due_date": "2026-03-20", "day": "2026-03-18", "time": ""},
    )
    assert "Indiquez la date et l&#x27;heure" in response.content.decode()
    response = client.post(
        reverse("health:create", args=[visit.employee_id]),
        {
            "kind": VisitKind.PRE_RETURN,
            "due_date": "2026-03-20",
            "day": "2026-03-18",
            "time": "14:00",
        },
    )
    manual = MedicalVisit.objects.get(kind=VisitKind.PRE_RETURN)
    assert response.url == reverse("health:detail", args=[manual.pk])
    assert manual.status == Status.PLANNED
    client.post(reverse("health:missed", args=[manual.pk]))
    manual.refresh_from_db()
    assert manual.status == Status.MISSED
    client.post(reverse("health:cancel", args=[visit.pk]), {"reason": "Dispense du SPST"})
    visit.refresh_from_db()
    assert visit.status == Status.CANCELLED
    response = client.post(reverse("health:recompute"))
    assert response.status_code == 302
    response = client.post(
        reverse("health:recompute_employee", args=[visit.employee_id]),
        {"suivant": "https://ailleurs.example/"},
    )
    assert response.url == reverse("health:employee", args=[visit.employee_id])


def test_settings_for_the_hr_manager(client_for, hr_manager, hr_assistant, world):
    assert client_for(hr_assistant).get(reverse("health:settings")).status_code == 403
    client = client_for(hr_manager)
    assert client.get(reverse("health:settings")).status_code == 200
    url = reverse("health:settings_edit", args=[world.employer.pk])
    assert client.post(url, {"mid_career_age": "20"}).status_code == 200  # below 30
    assert client.post(url, {"mid_career_age": "50"}).status_code == 302
    assert world.employer.health_settings.mid_career_age == 50
    other = reverse("health:settings_edit", args=[world.other_employer.pk])
    assert client.get(other).status_code == 404


def test_convocation_generated_and_filed(client_for, hr_manager, visit, world):
    from effectif.documents.models import DocumentTemplate, GeneratedDocument

    client = client_for(hr_manager)
    client.post(
        reverse("health:plan", args=[visit.pk]),
        {"day": "2026-03-10", "time": "09:30", "health_service": visit.health_service_id},
    )
    page = client.get(reverse("health:detail", args=[visit.pk])).content.decode()
    template = DocumentTemplate.objects.get(employer=None, kind="convocation_visite_medicale")
    link = f"{reverse('documents:generate', args=['visite', visit.pk])}?modele={template.pk}"
    assert link in page
    preview = client.get(link).content.decode()
    assert "mardi 10 mars 2026" in preview
    assert "9 h 30" in preview
    assert "SPST du Rhône" in preview
    assert "une &lt;strong&gt;visite d&#x27;information et de prévention&lt;/strong&gt;" in preview
    response = client.post(
        reverse("documents:generate", args=["visite", visit.pk]),
        {"modele": template.pk, "action": "enregistrer"},
    )
    assert response.url == reverse("health:detail", args=[visit.pk])
    filed = GeneratedDocument.objects.get(subject_type="visite", subject_id=str(visit.pk))
    assert filed.employee == world.member
    assert filed.file_document is not None


@pytest.mark.parametrize("role", [Role.MANAGER, Role.EMPLOYEE])
def test_the_convocation_is_generated_by_hr_only(make_user, client_for, visit, role):
    user = make_user(role)
    response = client_for(user).get(reverse("documents:generate", args=["visite", visit.pk]))
    assert response.status_code == 403


def test_the_to_do_lists_the_visit_until_it_is_done(client_for, hr_assistant, visit, today):
    client = client_for(hr_assistant)
    to_do = client.get(reverse("dashboards:deadlines")).content.decode()
    assert f"Visite d&#x27;information et de prévention — {visit.employee.display_name}" in to_do
    client.post(
        reverse("health:outcome", args=[visit.pk]), {"held_on": "2026-03-02", "outcome": "apte"}
    )
    to_do = client.get(reverse("dashboards:deadlines")).content.decode()
    assert "Visite d&#x27;information" not in to_do
    assert reverse("health:detail", args=[visit.pk]) not in to_do


def test_an_unfit_notice_opens_the_month_to_redeploy(client_for, hr_manager, visit, today):
    from effectif.core.deadlines import deadlines

    client_for(hr_manager).post(
        reverse("health:outcome", args=[visit.pk]), {"held_on": "2026-03-02", "outcome": "inapte"}
    )
    found = deadlines.collect(hr_manager, today, today + dt.timedelta(days=60), kinds=["unfit"])
    assert [d.due_date for d in found] == [dt.date(2026, 4, 2)]
    assert "L1226-4" in found[0].rule
