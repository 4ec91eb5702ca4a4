"""Exports: a posting as a PDF on the employer's letterhead or as plain text for job boards;
a DPAE as a printable summary (page and PDF) and as a .csv of its fields, in the order of the
URSSAF form."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.exporting import csv_bytes
from effectif.documents.printing import document_html, letterhead_view, pdf_bytes
from effectif.documents.subjects import short_date
from effectif.employees.models import Sex
from effectif.hiring.models import Dpae, JobPosting
from effectif.hiring.services.dpae import dpae_facts
from effectif.hiring.services.postings import publication_date
from effectif.rules.hiring.dpae import (
    DpaeFacts,
    data_problems,
    earliest_filing,
    needs_trial_length,
    trial_days,
)


def posting_text(posting: JobPosting) -> str:
    """The posting as plain text, wrapped for the forms of job boards."""
    published = publication_date(posting)
    lines = [posting.title, "=" * min(len(posting.title), 78), ""]
    facts = [
        (_("Employeur"), posting.employer.name),
        (_("Référence"), posting.reference),
        (_("Publiée le"), short_date(published)),
        (_("Contrat"), posting.get_contract_kind_display()),
        (_("Temps de travail"), posting.get_working_time_display()),
        (
            _("Lieu de travail"),
            f"{posting.establishment.city} ({posting.establishment.postal_code})"
            if posting.establishment
            else "",
        ),
        (_("Prise de poste"), short_date(posting.start_date)),
        (_("Fin du contrat"), short_date(posting.end_date)),
        (_("Rémunération"), posting.pay_range),
    ]
    lines += [f"{label} : {value}" for label, value in facts if value]
    for heading, text in (
        (_("Le poste"), posting.summary),
        (_("Missions"), posting.tasks),
        (_("Profil recherché"), posting.profile),
        (_("Conditions"), posting.conditions),
    ):
        if not text.strip():
            continue
        lines += ["", heading.upper()]
        for paragraph in text.strip().splitlines():
            lines += textwrap.wrap(paragraph, 78) or [""]
    lines += ["", _("Poste ouvert à toutes et à tous, sans distinction (C. trav. L1132-1).")]
    return "\n".join(lines) + "\n"


def posting_pdf(posting: JobPosting) -> bytes:
    body = render_to_string(
        "hiring/print/posting_body.html",
        {"posting": posting, "published_on": publication_date(posting)},
    )
    html = document_html(
        body=body, letterhead=letterhead_view(posting.employer), title=posting.title, screen=False
    )
    return pdf_bytes(html)


@dataclass(frozen=True)
class Row:
    section: str
    label: str
    value: str


def dpae_rows(facts: DpaeFacts, dpae: Dpae) -> list[Row]:
    """The fields of the declaration, as they are entered on the URSSAF site."""
    employer, employee, hire = _("Employeur"), _("Salarié"), _("Embauche")
    sexes = dict(Sex.choices)
    days = trial_days(facts)
    if days is None:
        trial = _("sans période d'essai")
    elif needs_trial_length(facts):
        trial = _("%(n)s jours") % {"n": days}
    else:
        trial = _("%(n)s jours (non obligatoire pour ce contrat)") % {"n": days}
    contract = dpae.contract
    return [
        Row(employer, _("Raison sociale"), facts.employer_name),
        Row(employer, _("SIRET de l'établissement"), facts.siret),
        Row(employer, _("Code NAF/APE"), facts.naf_code),
        Row(employer, _("Adresse"), facts.employer_address),
        Row(employer, _("Service de santé au travail"), facts.health_service),
        Row(employee, _("Nom de naissance"), facts.last_name.upper()),
        Row(employee, _("Nom d'usage"), contract.employee.usage_name.upper()),
        Row(employee, _("Prénoms"), facts.first_names),
        Row(employee, _("Sexe"), str(sexes.get(facts.sex, facts.sex))),
        Row(employee, _("Date de naissance"), short_date(facts.birth_date)),
        Row(employee, _("Lieu de naissance"), facts.birth_place),
        Row(
            employee,
            _("NIR"),
            facts.nir or _("absent : %(why)s") % {"why": facts.nir_absence_reason or "—"},
        ),
        Row(hire, _("Date d'embauche"), short_date(facts.contract_start)),
        Row(hire, _("Heure d'embauche"), facts.hire_at.strftime("%H:%M") if facts.hire_at else ""),
        Row(hire, _("Nature du contrat"), contract.get_kind_display()),
        Row(hire, _("Date de fin"), short_date(facts.contract_end)),
        Row(hire, _("Durée de la période d'essai"), trial),
        Row(hire, _("Emploi"), _job_title(dpae)),
    ]


def _job_title(dpae: Dpae) -> str:
    terms = dpae.contract.versions.order_by("effective_date").first()
    return terms.job_title if terms is not None else ""


def dpae_context(dpae: Dpae) -> dict[str, Any]:
    facts = dpae_facts(dpae)
    hire_at = timezone.localtime(dpae.hire_at)
    return {
        "dpae": dpae,
        "rows": dpae_rows(facts, dpae),
        "problems": data_problems(facts),
        "earliest": earliest_filing(hire_at),
        "hire_at": hire_at,
    }


def dpae_csv(dpae: Dpae) -> bytes:
    rows = [(row.section, row.label, row.value) for row in dpae_rows(dpae_facts(dpae), dpae)]
    return csv_bytes([(_("Rubrique"), _("Champ"), _("Valeur")), *rows])


def dpae_pdf(dpae: Dpae) -> bytes:
    body = render_to_string("hiring/print/dpae_body.html", dpae_context(dpae))
    employer = dpae.contract.employee.employer
    title = _("Déclaration préalable à l'embauche — récapitulatif")
    return pdf_bytes(
        document_html(body=body, letterhead=letterhead_view(employer), title=title, screen=False)
    )
