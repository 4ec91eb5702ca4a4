"""Every page for every role: those in scope get it, the others 403 (not allowed) or 404
(out of scope); anonymous visitors are sent to the login page, except on the careers page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from effectif.hiring.services.onboarding import onboarding_start
from effectif.hiring.tests.factories import CandidateFactory, JobPostingFactory
from effectif.hiring.tests.test_hire import _hire

pytestmark = pytest.mark.django_db
ROLES = ("hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider", "anonymous")


def _status(request, role, url, method="get", data=None):
    client = Client() if role == "anonymous" else None
    if client is None:
        client = Client()
        client.force_login(request.getfixturevalue(role))
    return getattr(client, method)(url, data or {}).status_code


PAGES = {
    # name: (url builder, {role: status})
    "requisitions": (lambda r: reverse("hiring:requisitions"), (200, 200, 200, 403, 200, 302)),
    "requisition": (
        lambda r: reverse("hiring:requisition", args=[r.requisition.pk]),
        (200, 200, 200, 403, 404, 302),
    ),
    "requisition_create": (
        lambda r: reverse("hiring:requisition_create"),
        (200, 200, 200, 403, 200, 302),
    ),
    "postings": (lambda r: reverse("hiring:postings"), (200, 200, 200, 403, 200, 302)),
    "posting": (
        lambda r: reverse("hiring:posting", args=[r.posting.pk]),
        (200, 200, 200, 403, 404, 302),
    ),
    "other_posting": (
        lambda r: reverse("hiring:posting", args=[r.other_posting.pk]),
        (404, 404, 404, 403, 404, 302),
    ),
    "posting_create": (
        lambda r: reverse("hiring:posting_create") + f"?poste={r.position.pk}",
        (200, 200, 403, 403, 200, 302),
    ),
    "posting_edit": (
        lambda r: reverse("hiring:posting_edit", args=[r.posting.pk]),
        (200, 200, 403, 403, 404, 302),
    ),
    "posting_pdf": (
        lambda r: reverse("hiring:posting_export", args=[r.posting.pk, "pdf"]),
        (200, 200, 200, 403, 404, 302),
    ),
    "posting_txt": (
        lambda r: reverse("hiring:posting_export", args=[r.posting.pk, "txt"]),
        (200, 200, 200, 403, 404, 302),
    ),
    "candidates": (lambda r: reverse("hiring:candidates"), (200, 200, 200, 403, 200, 302)),
    "candidate": (
        lambda r: reverse("hiring:candidate", args=[r.received.pk]),
        (200, 200, 200, 403, 404, 302),
    ),
    "stranger": (
        lambda r: reverse("hiring:candidate", args=[r.stranger.pk]),
        (404, 404, 404, 403, 404, 302),
    ),
    "candidate_create": (
        lambda r: reverse("hiring:candidate_create"),
        (200, 200, 403, 403, 200, 302),
    ),
    "candidate_edit": (
        lambda r: reverse("hiring:candidate_edit", args=[r.received.pk]),
        (200, 200, 403, 403, 404, 302),
    ),
    "candidate_cv": (
        lambda r: reverse("hiring:candidate_cv", args=[r.received.pk]),
        (200, 200, 200, 403, 404, 302),
    ),
    "interview_create": (
        lambda r: reverse("hiring:interview_create", args=[r.received.pk]),
        (200, 200, 200, 403, 404, 302),
    ),
    "interview_edit": (
        lambda r: reverse("hiring:interview_edit", args=[r.interviewed.interviews.get().pk]),
        (200, 200, 200, 403, 404, 302),
    ),
    "hire": (
        lambda r: reverse("hiring:hire", args=[r.offered.pk]),
        (200, 200, 403, 403, 404, 302),
    ),
    "dpaes": (lambda r: reverse("hiring:dpaes"), (200, 200, 403, 403, 200, 302)),
    "onboardings": (lambda r: reverse("hiring:onboardings"), (200, 200, 200, 200, 200, 302)),
    "onboarding_templates": (
        lambda r: reverse("hiring:onboarding_templates"),
        (200, 200, 403, 403, 200, 302),
    ),
    "board": (lambda r: reverse("hiring:board"), (200, 200, 200, 200, 200, 302)),
    "board_posting": (
        lambda r: reverse("hiring:board_posting", args=[r.posting.pk]),
        (200, 200, 200, 200, 404, 302),
    ),
    "terms": (lambda r: reverse("hiring:terms"), (200, 200, 403, 403, 200, 302)),
    "careers": (
        lambda r: reverse("hiring:career_list", args=[r.world.employer.siren]),
        (200, 200, 200, 200, 200, 200),
    ),
    "career_posting": (
        lambda r: reverse("hiring:career_posting", args=[r.world.employer.siren, "2026-001"]),
        (200, 200, 200, 200, 200, 200),
    ),
}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("index", range(len(ROLES)), ids=ROLES)
def test_pages_per_role(request, recruiting, name, index):
    url_of, expected = PAGES[name]
    assert _status(request, ROLES[index], url_of(recruiting)) == expected[index]


@pytest.fixture
def hired(recruiting, hr_manager):
    return _hire(recruiting, hr_manager)


@pytest.mark.parametrize(
    ("role", "dpae", "onboarding", "own"),
    [
        ("hr_manager", 200, 200, 200),
        ("hr_assistant", 200, 200, 200),
        ("manager_user", 403, 200, 200),  # the new hire and the employee are in the team
        ("employee_user", 403, 404, 200),
        ("outsider", 404, 404, 404),
        ("anonymous", 302, 302, 302),
    ],
)
def test_dpae_and_onboarding_pages_per_role(
    request, hired, world, hr_manager, role, dpae, onboarding, own
):
    mine = onboarding_start(employee=world.member, start_date=dt.date(2026, 3, 2), by=hr_manager)
    assert _status(request, role, reverse("hiring:dpae", args=[hired.dpae.pk])) == dpae
    assert (
        _status(request, role, reverse("hiring:dpae_export", args=[hired.dpae.pk, "csv"])) == dpae
    )
    assert (
        _status(request, role, reverse("hiring:onboarding", args=[hired.onboarding.pk]))
        == onboarding
    )
    assert _status(request, role, reverse("hiring:onboarding", args=[mine.pk])) == own


def test_the_employee_sees_their_onboarding_on_their_file(
    world, hr_manager, client_for, employee_user, now
):
    onboarding_start(employee=world.member, start_date=dt.date(2026, 3, 2), by=hr_manager)
    page = client_for(employee_user).get(reverse("employees:mine"), follow=True).content.decode()
    assert "Intégration" in page
    assert "Remettre le règlement intérieur" in page
    colleague = client_for(hr_manager).get(reverse("employees:detail", args=[world.colleague.pk]))
    assert "Remettre le règlement intérieur" not in colleague.content.decode()


def test_the_manager_sees_and_ticks_the_new_hires_checklist(hired, client_for, manager_user):
    client = client_for(manager_user)
    page = client.get(reverse("employees:detail", args=[hired.employee.pk])).content.decode()
    assert "Intégration" in page
    assert "Préparer le poste de travail et le matériel" in page
    task = hired.onboarding.tasks.get(label="Préparer le badge et les accès aux locaux")
    back = reverse("employees:detail", args=[hired.employee.pk])
    response = client.post(
        reverse("hiring:task_toggle", args=[task.pk]), {"done": "on", "retour": back}
    )
    assert response.status_code == 302
    assert response["Location"] == back
    task.refresh_from_db()
    assert task.done_by == manager_user
    elsewhere = client.post(
        reverse("hiring:task_toggle", args=[task.pk]), {"retour": "https://evil.example/"}
    )
    assert elsewhere["Location"] == hired.onboarding.get_absolute_url()


@pytest.mark.parametrize(
    ("role", "expected"),
    [("hr_manager", 302), ("manager_user", 403), ("employee_user", 403), ("outsider", 404)],
)
def test_requisition_decision(request, recruiting, world, manager_user, role, expected):
    recruiting.requisition.status = "submitted"
    recruiting.requisition.save()
    url = reverse("hiring:requisition_decide", args=[recruiting.requisition.pk, "valider"])
    assert _status(request, role, url, "post") == expected


@pytest.mark.parametrize(
    ("role", "status", "expected"),
    [
        ("hr_assistant", "rejected", 302),
        ("manager_user", "shortlisted", 302),
        ("manager_user", "rejected", 403),
        ("employee_user", "shortlisted", 403),
        ("outsider", "shortlisted", 404),
    ],
)
def test_who_moves_a_candidate(request, recruiting, role, status, expected):
    url = reverse("hiring:candidate_status", args=[recruiting.received.pk])
    assert _status(request, role, url, "post", {"status": status}) == expected
    recruiting.received.refresh_from_db()
    assert (recruiting.received.status == status) is (expected == 302)


def test_a_manager_creates_a_requisition_for_their_team_only(
    recruiting, client_for, manager_user, world
):
    client = client_for(manager_user)
    page = client.get(reverse("hiring:requisition_create")).content.decode()
    assert recruiting.position.title in page
    response = client.post(
        reverse("hiring:requisition_create"),
        {
            "position": recruiting.position.pk,
            "reason": "creation",
            "contract_kind": "cdi",
            "working_time": "temps_plein",
            "headcount": "1",
            "start_date": "2026-06-01",
            "budget_amount": "30 000,00",
        },
    )
    assert response.status_code == 302
    assert recruiting.position.requisitions.filter(requested_by=manager_user).count() == 2


def test_posting_created_reviewed_and_published_through_the_pages(
    recruiting, client_for, hr_manager
):
    client = client_for(hr_manager)
    url = reverse("hiring:posting_create")
    page = client.get(url, {"poste": recruiting.position.pk}).content.decode()
    assert "Tenir la comptabilité générale." in page  # drafted from the fiche de poste
    check = client.post(
        reverse("hiring:posting_check"),
        {"poste": recruiting.position.pk, "title": "Comptable", "summary": "Jeune et dynamique"},
    ).content.decode()
    assert "jeune et dynamique" in check
    assert "L1142-1" in check
    data = {
        "poste": recruiting.position.pk,
        "title": "Comptable (H/F)",
        "contract_kind": "cdi",
        "working_time": "temps_plein",
        "summary": "Tenir la comptabilité.",
        "on_internal_board": "on",
        "on_careers_page": "on",
    }
    created = client.post(url, data)
    assert created.status_code == 302
    detail = created["Location"]
    pk = int(detail.rstrip("/").split("/")[-1])
    assert client.post(reverse("hiring:posting_status", args=[pk, "publier"])).status_code == 302
    assert "Publiée" in client.get(detail).content.decode()


def test_exports_of_a_posting(recruiting, client_for, hr_manager):
    client = client_for(hr_manager)
    text = client.get(reverse("hiring:posting_export", args=[recruiting.posting.pk, "txt"]))
    body = text.content.decode()
    assert text["Content-Type"].startswith("text/plain")
    assert "Comptable (H/F)" in body
    assert "Référence : 2026-001" in body
    assert "MISSIONS" in body
    assert "Publiée le : 02/03/2026" in body
    pdf = client.get(reverse("hiring:posting_export", args=[recruiting.posting.pk, "pdf"]))
    assert pdf.content.startswith(b"%PDF-")


def test_dpae_exports(hired, client_for, hr_manager):
    client = client_for(hr_manager)
    csv = client.get(reverse("hiring:dpae_export", args=[hired.dpae.pk, "csv"])).content.decode(
        "utf-8-sig"
    )
    assert "Rubrique;Champ;Valeur" in csv
    assert "Heure d'embauche;09:00" in csv
    assert "SIRET de l'établissement" in csv
    assert "Durée de la période d'essai;61 jours" in csv
    pdf = client.get(reverse("hiring:dpae_export", args=[hired.dpae.pk, "pdf"]))
    assert pdf.content.startswith(b"%PDF-")
    page = client.get(reverse("hiring:dpae", args=[hired.dpae.pk])).content.decode()
    assert "24/03/2026" in page  # the window opens 8 days before


def test_the_cv_is_downloaded_never_shown_inline_and_its_reading_audited(
    recruiting, client_for, manager_user
):
    response = client_for(manager_user).get(
        reverse("hiring:candidate_cv", args=[recruiting.received.pk])
    )
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert 'filename="mon-cv.pdf"' in response["Content-Disposition"]
    from effectif.core.models import AuditEntry

    assert AuditEntry.objects.filter(action="read", actor=manager_user).exists()


def test_lists_read_in_constant_queries(recruiting, client_for, hr_manager):
    client = client_for(hr_manager)
    urls = [
        reverse(name)
        for name in ("hiring:postings", "hiring:candidates", "hiring:requisitions", "hiring:board")
    ]

    def counts():
        found = []
        for url in urls:
            client.get(url)  # the session and the menu, once
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    before = counts()
    for n in range(5):
        posting = JobPostingFactory(
            position=recruiting.position,
            reference=f"2026-1{n:02d}",
            title=f"Poste {n} (H/F)",
            summary="…",
            status="published",
            published_at=recruiting.posting.published_at,
        )
        CandidateFactory(posting=posting, first_names="A", last_name=f"N{n}", email="a@x.test")
    assert counts() == before
