"""Letters to candidates from the documents app's templates: merge fields, generation, filing
with the candidate, e-mail; and the same through the documents' generation page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from effectif.documents.merging import registry
from effectif.documents.models import DocumentTemplate
from effectif.documents.tests.helpers import pdf_text
from effectif.hiring.merging import candidate_merge_values, interview_merge_values
from effectif.hiring.models import CandidateLetter
from effectif.hiring.services.letters import letter_email, letter_generate
from effectif.hiring.tests.conftest import NOW, PARIS

pytestmark = pytest.mark.django_db


def test_merge_values_of_a_candidate_and_an_interview(recruiting):
    values = candidate_merge_values(recruiting.offered)
    assert values["candidat"]["nom_complet"] == "Madame Alex RETENUE"
    assert values["candidat"]["poste"] == "Comptable"  # without « (H/F) »
    assert values["candidat"]["adresse_complete"] == "3 rue des Lilas, 75011 Paris"
    assert values["offre"]["remuneration"].startswith("32 000")
    assert values["employeur"]["raison_sociale"] == recruiting.world.employer.name
    interview = recruiting.interviewed.interviews.get()
    entretien = interview_merge_values(interview)["entretien"]
    assert entretien["date"] == "mercredi 4 mars 2026"
    assert entretien["heure"] == "10 h 00"
    assert entretien["lieu"] == "Siège, salle 2"
    # The candidate's values pick their next interview.
    assert candidate_merge_values(recruiting.interviewed)["entretien"] == entretien


def test_every_field_of_the_default_templates_is_known():
    for kind in ("refus_candidature", "invitation_entretien"):
        groups = {g.key for g in registry.groups_for_kind(kind)}
        assert {"candidat", "entretien", "employeur", "document"} <= groups


def test_invitation_generated_kept_and_sent(recruiting, hr_manager):
    interview = recruiting.interviewed.interviews.get()
    letter = letter_generate(
        candidate=recruiting.interviewed,
        kind="invitation_entretien",
        interview=interview,
        by=hr_manager,
    )
    assert (
        letter.title
        == f"Invitation à un entretien de recrutement — candidature n° {recruiting.interviewed.pk}"
    )
    data = letter.file.read()
    text = pdf_text(data)
    assert data.startswith(b"%PDF-")
    if text is not None:
        flat = " ".join(text.split())
        assert "Monsieur Alex ENTRETENU" in flat
        assert "mercredi 4 mars 2026" in flat
        assert "Siège, salle 2" in flat
    sent = letter_email(letter=letter, by=hr_manager)
    assert sent.emailed_at == NOW
    message = mail.outbox[-1]
    assert message.to == ["entretenu@example.test"]
    assert message.attachments[0][2] == "application/pdf"
    assert "Invitation" in message.subject


def test_the_employer_template_is_preferred(recruiting, hr_manager):
    default = DocumentTemplate.objects.get(employer=None, kind="refus_candidature")
    DocumentTemplate.objects.create(
        employer=recruiting.world.employer,
        kind="refus_candidature",
        name="Notre réponse",
        body="<p>Bonjour {{ candidat.prenom }}, merci.</p>",
    )
    letter = letter_generate(candidate=recruiting.rejected, kind="refus_candidature", by=hr_manager)
    assert letter.template.name == "Notre réponse"
    assert letter.template != default


def test_the_generation_page_files_a_letter_with_the_candidate(recruiting, client_for, hr_manager):
    template = DocumentTemplate.objects.get(employer=None, kind="refus_candidature")
    url = reverse("documents:generate", args=["candidat", recruiting.rejected.pk])
    client = client_for(hr_manager)
    page = client.get(url, {"modele": template.pk}).content.decode()
    assert "Alex REFUSÉ" in page or "Alex REFUS" in page
    response = client.post(url, {"modele": template.pk, "action": "enregistrer"})
    assert response.status_code == 302
    assert response["Location"] == reverse("hiring:candidate", args=[recruiting.rejected.pk])
    letter = CandidateLetter.objects.get(candidate=recruiting.rejected)
    assert letter.kind == "refus_candidature"
    assert not recruiting.world.member.documents.exists()


def test_the_generation_page_is_out_of_reach_for_others(
    recruiting, client_for, hr_manager, manager_user, outsider
):
    url = reverse("documents:generate", args=["candidat", recruiting.rejected.pk])
    assert client_for(manager_user).get(url).status_code == 403
    assert client_for(outsider).get(url).status_code == 404
    stranger = reverse("documents:generate", args=["candidat", recruiting.stranger.pk])
    assert client_for(hr_manager).get(stranger).status_code == 404


def test_scheduling_an_interview_sends_the_invitation(
    recruiting, client_for, hr_manager, manager_user
):
    candidate = recruiting.received
    response = client_for(hr_manager).post(
        reverse("hiring:interview_create", args=[candidate.pk]),
        {
            "scheduled_at": "2026-03-10T14:30",
            "duration_minutes": "45",
            "place": "Siège, bureau RH",
            "video_link": "",
            "interviewers": [hr_manager.pk, manager_user.pk],
            "other_interviewers": "",
            "send_invitation": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    letter = CandidateLetter.objects.get(candidate=candidate)
    assert letter.interview is not None
    assert letter.emailed_at is not None
    assert mail.outbox[-1].to == [candidate.email]
    candidate.refresh_from_db()
    assert candidate.status == "interview"
    scheduled = timezone.localtime(letter.interview.scheduled_at)
    assert scheduled == dt.datetime(2026, 3, 10, 14, 30, tzinfo=PARIS)
