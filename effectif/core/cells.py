"""Reading one spreadsheet cell as French offices fill it in (imports of personnel files and of
clocked hours).

A cell arrives as text (CSV, or an .xlsx cell typed as text) or typed by the spreadsheet (a date,
a number). Each reader returns a Python value or raises `CellError` with a French message that
says what is wrong and what is expected.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel


class CellError(ValueError):
    """A cell that cannot be read; the message is for the user."""


def normalise(text: Any) -> str:
    """Lower case, no accents, words separated by one space: how headers and values match."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.lower().replace("œ", "oe").replace("æ", "ae")
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def display(value: Any) -> str:
    """A cell as the user typed it, for error messages."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return display(value)
    return " ".join(str(value).split())


def read_code(value: Any, *, digits: int | None = None) -> str:
    """An identifier (matricule, NIR, SIRET, postal code). A spreadsheet that took it for a
    number dropped its leading zeros: they are put back when the length is known."""
    if isinstance(value, bool):
        raise CellError(_("« %(value)s » n'est pas un identifiant.") % {"value": value})
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            raise CellError(
                _("« %(value)s » n'est pas un identifiant : saisissez-le comme du texte.")
                % {"value": value}
            )
        text = str(int(value))
        if digits is not None and len(text) < digits:
            text = text.zfill(digits)
        return text
    return str(value).strip()


_DATE_DMY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME_SUFFIX = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?")

#: Excel's serial day numbers of 01/01/1900 and 31/12/9999.
_EXCEL_SERIAL_RANGE = (1, 2_958_465)


def read_date(value: Any) -> dt.date:
    """JJ/MM/AAAA (also with - or .), AAAA-MM-JJ, or a date typed by the spreadsheet."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _EXCEL_SERIAL_RANGE[0] <= value <= _EXCEL_SERIAL_RANGE[1]:
            converted = from_excel(value)
            if isinstance(converted, dt.datetime):
                return converted.date()
        raise CellError(
            _("« %(value)s » n'est pas une date : le format attendu est JJ/MM/AAAA.")
            % {"value": display(value)}
        )
    text = str(value).strip()
    match = _DATE_DMY.fullmatch(_strip_time(text, _DATE_DMY))
    if match:
        day, month, year = (int(part) for part in match.groups())
        if len(match.group(3)) != 4:
            raise CellError(
                _("« %(value)s » : l'année doit comporter 4 chiffres (JJ/MM/AAAA).")
                % {"value": text}
            )
        return _checked_date(text, year, month, day)
    match = _DATE_ISO.fullmatch(_strip_time(text, _DATE_ISO))
    if match:
        year, month, day = (int(part) for part in match.groups())
        return _checked_date(text, year, month, day)
    raise CellError(
        _("« %(value)s » n'est pas une date : le format attendu est JJ/MM/AAAA.") % {"value": text}
    )


def _strip_time(text: str, pattern: re.Pattern[str]) -> str:
    """`31/01/2025 00:00` and `2025-01-31T00:00:00` are dates with a time of no interest."""
    match = pattern.match(text)
    if match and _TIME_SUFFIX.fullmatch(text[match.end() :]):
        return text[: match.end()]
    return text


def _checked_date(text: str, year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12:
        raise CellError(
            _("« %(value)s » n'est pas une date qui existe : le mois %(month)02d n'existe pas.")
            % {"value": text, "month": month}
        )
    if year < 1900:
        raise CellError(
            _("« %(value)s » : l'année %(year)s n'est pas plausible.")
            % {"value": text, "year": year}
        )
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise CellError(
            _(
                "« %(value)s » n'est pas une date qui existe : le mois %(month)02d/%(year)s "
                "n'a que %(last)s jours."
            )
            % {"value": text, "month": month, "year": year, "last": last}
        )
    return dt.date(year, month, day)


_TIME = re.compile(r"(\d{1,2})\s*[:hH]\s*(\d{2})?(?::(\d{2}))?")


def read_time(value: Any) -> dt.time:
    """HH:MM (also « 8h30 », « 8h », « 08:30:00 »), or a time typed by the spreadsheet (a time,
    or a fraction of a day); seconds are dropped, 24:00 is midnight."""
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 0 <= value < 1:
            minutes = round(value * 24 * 60) % (24 * 60)
            return dt.time(minutes // 60, minutes % 60)
        raise CellError(
            _("« %(value)s » n'est pas une heure : le format attendu est HH:MM.")
            % {"value": display(value)}
        )
    text = str(value).strip()
    match = _TIME.fullmatch(text)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        if hours == 24 and minutes == 0:
            return dt.time(0, 0)
        if hours <= 23 and minutes <= 59:
            return dt.time(hours, minutes)
        raise CellError(
            _("« %(value)s » n'est pas une heure qui existe (de 00:00 à 23:59).") % {"value": text}
        )
    raise CellError(
        _("« %(value)s » n'est pas une heure : le format attendu est HH:MM.") % {"value": text}
    )


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_UNIT = re.compile(r"\s*(?:€|eur|euros?|h|heures?)\s*$", re.IGNORECASE)


def read_decimal(value: Any) -> Decimal:
    """`2 150,50`, `2150.50`, `2 150,50 €` or a number typed by the spreadsheet."""
    if isinstance(value, bool):
        raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": value})
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # A spreadsheet's binary float: 2150.1 may be stored as 2150.0999999999999.
        text = f"{round(value, 6):f}".rstrip("0").rstrip(".")
        return Decimal(text or "0")
    if isinstance(value, Decimal):
        return value
    raw = str(value).strip()
    text = _SPACES.sub("", _UNIT.sub("", raw))
    if "," in text and "." in text:
        # The last separator is the decimal one: 1.234,56 or 1,234.56.
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        text = text.replace(thousands, "").replace(decimal_sep, ".")
    else:
        text = text.replace(",", ".")
    if not _NUMBER.fullmatch(text):
        raise CellError(
            _("« %(value)s » n'est pas un nombre (exemple : 2 150,50).") % {"value": raw}
        )
    try:
        return Decimal(text)
    except InvalidOperation as error:  # pragma: no cover - the pattern already checked it
        raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": raw}) from error


def read_integer(value: Any) -> int:
    number = read_decimal(value)
    if number != number.to_integral_value():
        raise CellError(_("« %(value)s » n'est pas un nombre entier.") % {"value": display(value)})
    return int(number)


_TRUE = {"oui", "o", "yes", "y", "vrai", "true", "1", "x"}
_FALSE = {"non", "n", "no", "faux", "false", "0"}


def read_boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = normalise(display(value))
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise CellError(_("« %(value)s » : répondez oui ou non.") % {"value": display(value)})


class ChoiceReader:
    """A value among choices, given by its code, its label or a usual synonym, in any case and
    with or without accents. Labels are translated lazily, so the lookup is built on first use
    (per language)."""

    def __init__(
        self,
        choices: Iterable[tuple[str, Any]],
        synonyms: Mapping[str, str] | None = None,
        shown: Iterable[Any] | None = None,
        listed: Iterable[Any] | None = None,
    ) -> None:
        self.choices = list(choices)
        self.synonyms = dict(synonyms or {})
        self.shown = list(shown) if shown is not None else None
        self.listed = list(listed) if listed is not None else None
        self._lookups: dict[str, dict[str, str]] = {}

    def _lookup(self) -> dict[str, str]:
        language = get_language() or ""
        lookup = self._lookups.get(language)
        if lookup is None:
            lookup = {}
            for code, label in self.choices:
                lookup[normalise(label)] = code
            for synonym, code in self.synonyms.items():
                lookup[normalise(synonym)] = code
            for code, _label in self.choices:
                lookup[normalise(code)] = code
            self._lookups[language] = lookup
        return lookup

    def accepted(self) -> list[str]:
        """The values to show the user."""
        if self.shown is not None:
            return [str(value) for value in self.shown]
        return [str(label) for _code, label in self.choices]

    def dropdown(self) -> list[str]:
        """The values a spreadsheet's drop-down list offers (each one accepted as is)."""
        if self.listed is not None:
            return [str(value) for value in self.listed]
        return [str(label) for _code, label in self.choices]

    def __call__(self, value: Any) -> str:
        code = self._lookup().get(normalise(display(value)))
        if code is None:
            raise CellError(
                _("« %(value)s » n'est pas une valeur acceptée. Valeurs possibles : %(values)s.")
                % {"value": display(value), "values": ", ".join(self.accepted())}
            )
        return code
