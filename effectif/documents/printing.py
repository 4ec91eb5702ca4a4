"""A rendered body on the employer's letterhead: as a page for the browser, and as a PDF.

WeasyPrint fetches nothing but `data:` URLs (the logo is embedded): a template cannot make the
server read a file or call an address.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from effectif.documents.models import Letterhead
from effectif.documents.subjects import employer_values, head_office, letterhead_of
from effectif.organisation.models import Employer

ACCENT = "#1f3c88"
# WeasyPrint reports each layout step at INFO: keep the server's log for what matters.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
PNG_SIGNATURE = b"\x89PNG"


@dataclass(frozen=True)
class LetterheadView:
    """What the header and footer of a document print, as plain values."""

    employer_name: str
    address_lines: list[str]
    siret: str
    contact: str
    footer: str
    logo_bytes: bytes | None = field(default=None, repr=False)

    @property
    def logo_data_uri(self) -> str:
        if not self.logo_bytes:
            return ""
        mime = "image/png" if self.logo_bytes.startswith(PNG_SIGNATURE) else "image/jpeg"
        return f"data:{mime};base64,{base64.b64encode(self.logo_bytes).decode()}"


def read_logo(letterhead: Letterhead) -> bytes | None:
    if not letterhead.logo:
        return None
    try:
        with letterhead.logo.open("rb") as handle:
            return bytes(handle.read())
    except OSError:  # a file lost on disk: the document is still printed, without the logo
        return None


def letterhead_view(employer: Employer) -> LetterheadView:
    letterhead = letterhead_of(employer)
    values = employer_values(employer)
    if letterhead.address:
        lines = [line.strip() for line in letterhead.address.splitlines() if line.strip()]
    else:
        office = head_office(employer)
        lines = [office.address, f"{office.postal_code} {office.city}"] if office else []
    contact = " · ".join(
        part for part in (letterhead.phone, letterhead.email, letterhead.website) if part
    )
    return LetterheadView(
        employer_name=employer.name,
        address_lines=lines,
        siret=values["siret"],
        contact=contact,
        footer=letterhead.footer,
        logo_bytes=read_logo(letterhead),
    )


def document_html(*, body: str, letterhead: LetterheadView, title: str, screen: bool) -> str:
    """The whole HTML page of a document; `body` is sanitised output of `sandbox.render_body`."""
    context: dict[str, Any] = {
        "body": body,
        "title": title,
        "screen": screen,
        "accent": ACCENT,
        "page_label": _("Page"),
        "employer_name": letterhead.employer_name,
        "address_lines": letterhead.address_lines,
        "siret": letterhead.siret,
        "contact": letterhead.contact,
        "footer": letterhead.footer,
        "logo": letterhead.logo_data_uri,
    }
    return render_to_string("documents/print/document.html", context)


def pdf_bytes(html: str) -> bytes:
    from weasyprint import HTML, URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    return bytes(HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf())
