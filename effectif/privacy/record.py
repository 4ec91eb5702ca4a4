"""The record of processing activities (RGPD art. 30, 1) of one employer, built from the
processings and the retention schedule, with the employer's identity as controller."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string

from effectif.core.retention import DataKind, Processing, retention
from effectif.documents.printing import pdf_bytes
from effectif.documents.subjects import head_office
from effectif.organisation.models import Employer
from effectif.privacy.processings import COMMON_SECURITY


@dataclass(frozen=True)
class KindLine:
    label: Any
    duration: str
    end: Any
    source: str
    note: Any


@dataclass(frozen=True)
class ProcessingEntry:
    processing: Processing
    kinds: list[KindLine]


@dataclass(frozen=True)
class Record:
    employer: Employer
    address: str
    today: dt.date
    entries: list[ProcessingEntry]
    common_security: tuple[Any, ...]


def kind_line(kind: DataKind, today: dt.date) -> KindLine:
    return KindLine(kind.label, kind.describe(today), kind.end, kind.source(today), kind.note)


def record_of(employer: Employer, today: dt.date) -> Record:
    office = head_office(employer)
    address = f"{office.address}, {office.postal_code} {office.city}" if office else ""
    entries = [
        ProcessingEntry(
            processing, [kind_line(kind, today) for kind in retention.kinds_of(processing.key)]
        )
        for processing in retention.processing_list()
    ]
    return Record(employer, address, today, entries, COMMON_SECURITY)


def record_pdf(record: Record) -> bytes:
    return pdf_bytes(render_to_string("privacy/record_print.html", {"record": record}))
