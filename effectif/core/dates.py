"""The dates Effectif accepts, in one place: from 1 January 1900 to 31 December 2200.

Python's dates run from year 1 to 9999, but a date near either end makes the arithmetic of
the pages and the law overflow (`date.max + one day`), and no HR file has a date outside
these bounds. Forms, the API and the filters of the pages all refuse or ignore what falls
outside, with a French message instead of a server error.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from effectif.rules.parameters.base import MissingParameter

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2200, 12, 31)


def _bounds() -> dict[str, str]:
    return {"earliest": f"{EARLIEST:%d/%m/%Y}", "latest": f"{LATEST:%d/%m/%Y}"}


def out_of_range_message() -> str:
    return _("La date doit être comprise entre le %(earliest)s et le %(latest)s.") % _bounds()


def in_range(day: dt.date) -> bool:
    return EARLIEST <= day <= LATEST


def validate_in_range(value: dt.date | dt.datetime) -> None:
    """A form's validator: the date (or the day of a date and time) within the bounds."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if not in_range(day):
        raise ValidationError(out_of_range_message(), code="date_out_of_range")


def parse_day(text: str | None) -> dt.date | None:
    """A date written AAAA-MM-JJ within the bounds, or None: empty, badly written, impossible
    (30 February) or out of range."""
    try:
        day = parse_date((text or "").strip())
    except ValueError:  # well formed, but no such day: 2026-02-30
        return None
    return day if day is not None and in_range(day) else None


def parse_year(text: str | None) -> int | None:
    """A year within the bounds, or None."""
    text = (text or "").strip()
    if not text.isdigit() or len(text) > 4:
        return None
    year = int(text)
    return year if EARLIEST.year <= year <= LATEST.year else None


def query_date(request: HttpRequest, name: str) -> dt.date | None:
    """The date of the query-string parameter `name`, or None when it is absent or invalid;
    an invalid one is ignored with a French message saying so, as the filter of a list."""
    text = (request.GET.get(name) or "").strip()
    if not text:
        return None
    day = parse_day(text)
    if day is None:
        messages.warning(
            request,
            _(
                "La date « %(text)s » n'existe pas ou sort de la période acceptée "
                "(du %(earliest)s au %(latest)s) : ce filtre est ignoré."
            )
            % {"text": text[:40], **_bounds()},
            fail_silently=True,
        )
    return day


def query_month(request: HttpRequest, name: str) -> dt.date | None:
    """The first day of the month of the query-string parameter `name` (AAAA-MM), or None
    when it is absent or invalid (ignored with a French message)."""
    text = (request.GET.get(name) or "").strip()
    if not text:
        return None
    day = parse_day(f"{text}-01")
    if day is None:
        messages.warning(
            request,
            _("Le mois « %(text)s » n'est pas valide (AAAA-MM attendu) : il est ignoré.")
            % {"text": text[:40]},
            fail_silently=True,
        )
    return day


def missing_parameter_message(exc: MissingParameter) -> str:
    """Why a date cannot be used: the law Effectif knows does not cover it (a date before the
    first value of a legal parameter, or after its last one)."""
    return _(
        "Effectif ne connaît pas la règle « %(name)s » applicable le %(date)s : vérifiez la "
        "date saisie."
    ) % {"name": exc.name, "date": f"{exc.on:%d/%m/%Y}"}
