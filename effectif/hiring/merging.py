"""The merge fields of recruitment (`candidat`, `entretien`, `offre`) and the subjects letters
are generated for (a candidate, an interview), registered with the documents app.

Documents generated for a candidate are named by the pseudonym of the application
(« candidature n° 12 »), so that their titles and the audit entries of their downloads carry no
personal data once the candidate is erased.
"""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from effectif.documents.merging import MergeField, MergeGroup, Subject
from effectif.documents.models import TemplateKind
from effectif.documents.subjects import CANDIDATE_KINDS, document_values, employer_values
from effectif.hiring.models import Candidate, Civility, Interview, InterviewStatus, JobPosting
from effectif.hiring.selectors import candidate_get, interview_get
from effectif.hiring.services.letters import file_generated_letter

F = MergeField
NEUTRAL_SUFFIX = re.compile(r"\s*\(?\s*[HF]\s*/\s*[HF]\s*\)?\s*$")

CANDIDATE = MergeGroup(
    "candidat",
    gettext_lazy("Candidat"),
    (
        F("civilite", gettext_lazy("civilité (Madame, Monsieur)"), "Madame"),
        F("nom", gettext_lazy("nom"), "MARTIN"),
        F("prenom", gettext_lazy("prénom"), "Camille"),
        F("nom_complet", gettext_lazy("civilité, prénom et nom"), "Madame Camille MARTIN"),
        F("email", gettext_lazy("e-mail"), "camille.martin@example.fr"),
        F("adresse_complete", gettext_lazy("adresse complète"), "12 rue des Lilas, 69003 Lyon"),
        F("poste", gettext_lazy("poste visé"), "Comptable"),
        F("reference", gettext_lazy("référence de l'offre"), "2026-004"),
        F("date_candidature", gettext_lazy("date de la candidature"), "3 mars 2026"),
    ),
)

INTERVIEW = MergeGroup(
    "entretien",
    gettext_lazy("Entretien"),
    (
        F("date", gettext_lazy("date, en toutes lettres"), "mardi 10 mars 2026"),
        F("heure", gettext_lazy("heure"), "14 h 30"),
        F("duree", gettext_lazy("durée"), "1 heure"),
        F("lieu", gettext_lazy("lieu"), "au siège, 4 place Bellecour, Lyon"),
        F("lien_visio", gettext_lazy("lien de visioconférence"), ""),
        F("interlocuteurs", gettext_lazy("recruteurs"), "Rita RH et Max Manager"),
    ),
)

POSTING = MergeGroup(
    "offre",
    gettext_lazy("Offre d'emploi"),
    (
        F("intitule", gettext_lazy("intitulé"), "Comptable (H/F)"),
        F("reference", gettext_lazy("référence"), "2026-004"),
        F("nature_contrat", gettext_lazy("nature du contrat"), "CDI"),
        F("lieu_travail", gettext_lazy("lieu de travail"), "Lyon"),
        F("prise_de_poste", gettext_lazy("prise de poste"), "01/04/2026"),
        F("remuneration", gettext_lazy("rémunération"), "32 000 € bruts annuels"),
    ),
)

GROUPS = (CANDIDATE, INTERVIEW, POSTING)


def civility_of(candidate: Candidate) -> str:
    if candidate.civility:
        return str(Civility(candidate.civility).label)
    return _("Madame, Monsieur")


def candidate_values(candidate: Candidate) -> dict[str, Any]:
    posting = candidate.posting
    place = f"{candidate.postal_code} {candidate.city}".strip()
    title = NEUTRAL_SUFFIX.sub("", posting.title) if posting is not None else ""
    civility = civility_of(candidate)
    full = f"{candidate.first_names} {candidate.last_name.upper()}"
    return {
        "civilite": civility,
        "nom": candidate.last_name.upper(),
        "prenom": candidate.first_names,
        "nom_complet": f"{civility} {full}" if candidate.civility else full,
        "email": candidate.email,
        "adresse_complete": ", ".join(p for p in (candidate.address, place) if p),
        "poste": title,
        "reference": posting.reference if posting is not None else "",
        "date_candidature": dateformat.format(timezone.localtime(candidate.created_at), "j F Y"),
    }


def interview_values(interview: Interview | None) -> dict[str, Any]:
    if interview is None:
        return dict.fromkeys(INTERVIEW.sample(), "")
    when = timezone.localtime(interview.scheduled_at)
    names = [u.get_full_name() or u.get_username() for u in interview.interviewers.all()]
    if interview.other_interviewers:
        names.append(interview.other_interviewers)
    hours, minutes = divmod(interview.duration_minutes, 60)
    duration = " ".join(
        part
        for part in (
            (_("%(n)s h") % {"n": hours}) if hours else "",
            (_("%(n)s min") % {"n": minutes}) if minutes else "",
        )
        if part
    )
    return {
        "date": dateformat.format(when, "l j F Y"),
        "heure": when.strftime("%H h %M"),
        "duree": duration,
        "lieu": interview.place,
        "lien_visio": interview.video_link,
        "interlocuteurs": _(" et ").join(names) if len(names) <= 2 else ", ".join(names),
    }


def posting_values(posting: JobPosting | None) -> dict[str, Any]:
    if posting is None:
        return dict.fromkeys(POSTING.sample(), "")
    place = posting.establishment
    return {
        "intitule": posting.title,
        "reference": posting.reference,
        "nature_contrat": posting.get_contract_kind_display(),
        "lieu_travail": place.city if place is not None else "",
        "prise_de_poste": posting.start_date.strftime("%d/%m/%Y") if posting.start_date else "",
        "remuneration": posting.pay_range,
    }


def next_interview(candidate: Candidate) -> Interview | None:
    interviews = candidate.interviews.exclude(status=InterviewStatus.CANCELLED)
    upcoming = interviews.filter(scheduled_at__gte=timezone.now()).order_by("scheduled_at")
    return upcoming.first() or interviews.order_by("-scheduled_at").first()


def _values(candidate: Candidate, interview: Interview | None) -> dict[str, dict[str, Any]]:
    posting = candidate.posting
    establishment = posting.establishment if posting is not None else None
    return {
        "candidat": candidate_values(candidate),
        "entretien": interview_values(interview),
        "offre": posting_values(posting),
        "employeur": employer_values(candidate.employer),
        "document": document_values(candidate.employer, establishment),
        "saisie": {},
    }


def candidate_merge_values(candidate: Candidate) -> dict[str, dict[str, Any]]:
    return _values(candidate, next_interview(candidate))


def interview_merge_values(interview: Interview) -> dict[str, dict[str, Any]]:
    return _values(interview.candidate, interview)


GROUP_KEYS = ("candidat", "entretien", "offre", "employeur", "document", "saisie")


def subjects() -> list[Subject]:
    return [
        Subject(
            key="candidat",
            label=gettext_lazy("Candidat"),
            groups=GROUP_KEYS,
            get=candidate_get,
            values=candidate_merge_values,
            employer=lambda candidate: candidate.employer,
            employee=lambda candidate: None,
            describe=lambda candidate: candidate.pseudonym,
            url=lambda candidate: reverse("hiring:candidate", args=[candidate.pk]),
            kinds=CANDIDATE_KINDS,
            file=lambda generated, candidate, user: file_generated_letter(
                generated=generated, candidate=candidate, interview=None, by=user
            ),
        ),
        Subject(
            key="entretien",
            label=gettext_lazy("Entretien de recrutement"),
            groups=GROUP_KEYS,
            get=interview_get,
            values=interview_merge_values,
            employer=lambda interview: interview.candidate.employer,
            employee=lambda interview: None,
            describe=lambda interview: interview.candidate.pseudonym,
            url=lambda interview: reverse("hiring:candidate", args=[interview.candidate_id]),
            kinds=frozenset({TemplateKind.RECRUITMENT_INTERVIEW}),
            file=lambda generated, interview, user: file_generated_letter(
                generated=generated, candidate=interview.candidate, interview=interview, by=user
            ),
        ),
    ]
