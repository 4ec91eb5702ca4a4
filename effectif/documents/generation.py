"""Rendering a template for a subject (or on sample data), as a page, a PDF or a .docx.

Reads only: saving into a personnel file is `services.generated_save_to_file`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from effectif.documents.fields import EMPLOYER
from effectif.documents.merging import Subject, merge_context, registry
from effectif.documents.models import DocumentTemplate
from effectif.documents.printing import (
    LetterheadView,
    document_html,
    letterhead_view,
    pdf_bytes,
)
from effectif.documents.sandbox import render_body
from effectif.documents.wordprocessing import docx_from_html, docx_from_template
from effectif.organisation.models import Employer

COMPLEMENT_PREFIX = "champ:"
_PATH = re.compile(r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$")
MAX_COMPLEMENTS = 60
MAX_COMPLEMENT_LENGTH = 1000
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Generated:
    title: str
    body: str
    missing: list[tuple[str, str]]
    letterhead: LetterheadView
    context: dict[str, Any] = field(repr=False)
    template: DocumentTemplate | None = None
    filename: str = "document"

    def screen_html(self) -> str:
        return document_html(
            body=self.body, letterhead=self.letterhead, title=self.title, screen=True
        )

    def pdf(self) -> bytes:
        return pdf_bytes(
            document_html(
                body=self.body, letterhead=self.letterhead, title=self.title, screen=False
            )
        )

    def docx(self) -> bytes:
        """From the template's own .docx when it has one, else from the rendered HTML."""
        if self.template is not None and self.template.docx_file:
            try:
                source = self.template.docx_file.open("rb")
            except OSError as error:  # the file was lost from the storage
                raise ValidationError(
                    _(
                        "Le fichier Word de ce modèle est introuvable sur le serveur : "
                        "déposez-le de nouveau dans la bibliothèque des modèles, ou téléchargez "
                        "le document en PDF."
                    )
                ) from error
            with source:
                return docx_from_template(source, self.context)
        return docx_from_html(body=self.body, letterhead=self.letterhead, title=self.title)


def complements_from(data: Mapping[str, Any]) -> dict[str, str]:
    """The values HR typed for fields left to complete (inputs named "champ:group.field")."""
    found: dict[str, str] = {}
    for key in data:
        if not key.startswith(COMPLEMENT_PREFIX) or len(found) >= MAX_COMPLEMENTS:
            continue
        path = key[len(COMPLEMENT_PREFIX) :]
        value = str(data.get(key) or "").strip()[:MAX_COMPLEMENT_LENGTH]
        if _PATH.match(path) and value:
            found[path] = value
    return found


def sample_letterhead(employer: Employer | None) -> LetterheadView:
    if employer is not None:
        return letterhead_view(employer)
    sample = EMPLOYER.sample()
    return LetterheadView(
        employer_name=sample["raison_sociale"],
        address_lines=[sample["adresse"]],
        siret=sample["siret"],
        contact=f"{sample['telephone']} · {sample['email']}",
        footer=_("Mentions légales de l'employeur (forme, capital, RCS, siège) — exemple"),
    )


def render_sample(*, body: str, kind: str, employer: Employer | None) -> Generated:
    """A body on the sample values of its kind's fields (raises ValidationError on syntax)."""
    context = merge_context(registry.sample_values(kind))
    rendered = render_body(body, context)
    return Generated(
        title=_("Aperçu"),
        body=rendered.html,
        missing=rendered.missing,
        letterhead=sample_letterhead(employer),
        context=context,
    )


def render_for(
    *,
    template: DocumentTemplate,
    subject: Subject,
    obj: Any,
    complements: Mapping[str, str] | None = None,
) -> Generated:
    """The template filled in for one subject (an employee, a contract…)."""
    context = merge_context(subject.values(obj), complements)
    rendered = render_body(template.body, context)
    described = subject.describe(obj)
    stem = slugify(f"{template.name} {described} {timezone.localdate():%Y-%m-%d}")[:120]
    return Generated(
        title=f"{template.name} — {described}",
        body=rendered.html,
        missing=rendered.missing,
        letterhead=letterhead_view(subject.employer(obj)),
        context=context,
        template=template,
        filename=stem or "document",
    )
