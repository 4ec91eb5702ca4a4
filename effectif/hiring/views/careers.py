"""The employer's public careers page (no login) and the internal board of the staff.

The public pages show only published offers and take applications through a form protected by
CSRF, a hidden field robots fill in, and a limit of submissions per address and hour.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect

from effectif.core.editing import submit
from effectif.core.middleware import client_ip
from effectif.core.typing import AuthenticatedRequest
from effectif.documents.subjects import employer_values
from effectif.hiring.forms.candidates import ApplicationForm
from effectif.hiring.models import Candidate
from effectif.hiring.selectors import (
    careers_employer,
    internal_board,
    internal_posting_get,
    public_postings,
)
from effectif.hiring.services.candidates import application_attempt, candidate_apply, client_hash
from effectif.organisation.models import Employer
from effectif.rules.parameters.retention import CANDIDATE_RETENTION_YEARS


def consent_text(employer: Employer, years: int) -> str:
    return _(
        "J'accepte que %(employer)s traite les données de ma candidature pour ce recrutement et "
        "les conserve %(years)s ans après notre dernier contact pour me proposer d'autres postes. "
        "Je peux y accéder, les faire rectifier ou effacer à tout moment."
    ) % {"employer": employer.name, "years": years}


def _employer(siren: str) -> Employer:
    employer = careers_employer(siren)
    if employer is None:
        raise Http404
    return employer


def _privacy(employer: Employer) -> dict[str, Any]:
    values = employer_values(employer)
    return {
        "employer": employer,
        "address": values["adresse"],
        "contact": values["email"],
        "years": CANDIDATE_RETENTION_YEARS.at(timezone.localdate()),
    }


def career_list(request: HttpRequest, siren: str) -> HttpResponse:
    employer = _employer(siren)
    return render(
        request,
        "hiring/public/list.html",
        {**_privacy(employer), "postings": public_postings(employer, timezone.localdate())},
    )


@csrf_protect
def career_posting(request: HttpRequest, siren: str, reference: str) -> HttpResponse:
    employer = _employer(siren)
    posting = public_postings(employer, timezone.localdate()).filter(reference=reference).first()
    if posting is None:
        raise Http404
    privacy = _privacy(employer)
    text = consent_text(employer, privacy["years"])
    if request.method != "POST":
        form = ApplicationForm(consent_text=text)
        return render(
            request, "hiring/public/posting.html", {**privacy, "posting": posting, "form": form}
        )
    form = ApplicationForm(request.POST, request.FILES, consent_text=text, instance=Candidate())
    if form.is_spam:
        return redirect("hiring:career_thanks", siren=siren, reference=reference)
    if not application_attempt(client_hash(client_ip(request))):
        return render(
            request,
            "hiring/public/posting.html",
            {**privacy, "posting": posting, "form": form, "throttled": True},
            status=429,
        )
    saved = submit(
        form,
        lambda: candidate_apply(
            posting=posting,
            candidate=form.instance,
            cv=form.cleaned_data["cv"],
            consent_text=text,
            by=request.user,
        ),
    )
    if saved is not None:
        return redirect("hiring:career_thanks", siren=siren, reference=reference)
    return render(
        request, "hiring/public/posting.html", {**privacy, "posting": posting, "form": form}
    )


def career_thanks(request: HttpRequest, siren: str, reference: str) -> HttpResponse:
    employer = _employer(siren)
    return render(
        request, "hiring/public/thanks.html", {**_privacy(employer), "reference": reference}
    )


@login_required
def board(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "hiring/board.html",
        {"postings": internal_board(request.user, timezone.localdate())},
    )


@login_required
def board_posting(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    posting = internal_posting_get(request.user, pk, timezone.localdate())
    return render(request, "hiring/board_posting.html", {"posting": posting})
