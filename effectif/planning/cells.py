"""One employee's day as a cell of the planning: a short code or the times, always with words
for screen readers, and the same colours on the page, in print and in the spreadsheet.

Colour is never the only sign: rest is « R », a public holiday « F », a day outside the
contract « — », leave the short code of its nature (« CP », « RTT », « MAL »…) with « ? » while
it awaits approval and « ½ » for half a day; a changed day carries « * ».
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from effectif.leave.calendar import AFTERNOON, FULL, MORNING, DayAbsence
from effectif.leave.models import Category, Status
from effectif.timekeeping.breach_text import hours_text
from effectif.timekeeping.selectors import PlannedDay
from effectif.timekeeping.shifts import Shift, timed_shift

#: Short codes of the natures of leave and absence (the legend gives each type's label).
LEAVE_CODES: dict[str, str] = {
    Category.PAID_LEAVE: "CP",
    Category.RTT: "RTT",
    Category.TIME_OFF_IN_LIEU: "RC",
    Category.SICKNESS: "MAL",
    Category.WORK_ACCIDENT: "AT",
    Category.MATERNITY: "MAT",
    Category.PATERNITY: "PAT",
    Category.FAMILY_EVENT: "EF",
    Category.UNPAID: "SS",
    Category.TRAINING: "FOR",
    Category.SICK_CHILD: "EM",
    Category.OTHER: "AUT",
}
REST_CODE = "R"
HOLIDAY_CODE = "F"
OUT_CODE = "—"
PENDING_MARK = "?"
HALF_MARK = "½"
CHANGED_MARK = "*"
NOON = 12 * 60

#: Fills shared by the page, the print and the spreadsheet (hex without « # » for openpyxl).
REST_FILL = "EEF0F4"
HOLIDAY_FILL = "FFE8A3"
OUT_FILL = "D9DCE3"
WEEKEND_FILL = "E4E8F0"
MISS_FILL = "F8D7DA"
RISK_FILL = "FFF3CD"

SHIFT, REST, HOLIDAY, LEAVE, OUT = "shift", "rest", "holiday", "leave", "out"

STATIC_LEGEND = (
    (REST_CODE, gettext_lazy("Repos"), "pl-rest"),
    (HOLIDAY_CODE, gettext_lazy("Jour férié chômé"), "pl-holiday"),
    (OUT_CODE, gettext_lazy("Hors contrat"), "pl-out"),
    (CHANGED_MARK, gettext_lazy("Horaire modifié dans le planning"), ""),
    (PENDING_MARK, gettext_lazy("Congé en attente de validation (hachuré)"), ""),
    (HALF_MARK, gettext_lazy("Demi-journée"), ""),
)


def tint(colour: str, strength: float = 0.28) -> str:
    """A light shade of `colour` (« #2e7d32 ») under which dark text stays readable."""
    value = colour.lstrip("#")
    try:
        red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        red, green, blue = 31, 60, 136
    mixed = (round(255 - (255 - c) * strength) for c in (red, green, blue))
    return "".join(f"{c:02X}" for c in mixed)


def leave_code(absence: DayAbsence) -> str:
    return LEAVE_CODES.get(absence.category, absence.code[:3].upper())


def hours_label(hours: Decimal) -> str:
    return hours_text(hours).replace("\u00a0", " ")


def shift_detail(shift: Shift) -> str:
    """« 08:00–12:00, 13:00–17:00 (7 h) », or « 7 h » for a day known by its hours."""
    if not shift.intervals:
        return hours_label(shift.hours)
    return f"{shift.label()} ({hours_label(shift.hours)})"


def worked_stretches(
    intervals: tuple[tuple[int, int], ...], part: str
) -> tuple[tuple[int, int], ...]:
    """The stretches still worked on a day away: a morning off drops those ending by noon, an
    afternoon off those starting from noon, a whole day all of them."""
    if part == MORNING:
        return tuple((a, b) for a, b in intervals if b > NOON)
    if part == AFTERNOON:
        return tuple((a, b) for a, b in intervals if a < NOON)
    return ()


def shift_lines(shift: Shift, week: bool) -> tuple[str, ...]:
    """The week shows each stretch; the month, narrower, the first start and the last end."""
    if not shift.intervals:
        return (hours_label(shift.hours),)
    pairs = shift.pairs()
    if week:
        return (*(f"{a}–{b}" for a, b in pairs), hours_label(shift.hours))
    return (pairs[0][0], pairs[-1][1])


@dataclass(frozen=True, slots=True)
class Cell:
    day: dt.date
    kind: str
    lines: tuple[str, ...]  # what the cell shows, a short line each
    detail: str  # the same in words, for screen readers, tooltips and the PDF's legend
    css: str
    fill: str  # the background, hex, for the spreadsheet
    export_text: str  # the spreadsheet's text
    mark: str = ""  # « * » for a changed day, « F » for a worked holiday
    style: str = ""  # the leave type's colours (CSS variables)
    editable: bool = False


def _absence_words(absence: DayAbsence) -> str:
    if absence.part == MORNING:
        when = _("le matin")
    elif absence.part == AFTERNOON:
        when = _("l'après-midi")
    else:
        when = _("toute la journée")
    status = _("en attente") if absence.status == Status.SUBMITTED else _("validé")
    return _("%(label)s %(when)s (%(status)s)") % {
        "label": absence.label,
        "when": when,
        "status": status,
    }


Look = tuple[str, tuple[str, ...], str, str, str, str, str, str, bool]  # a Cell but its day


def _leave_look(planned: PlannedDay, absence: DayAbsence, week: bool, css: list[str]) -> Look:
    pending = absence.status == Status.SUBMITTED
    code = leave_code(absence) + (PENDING_MARK if pending else "")
    words = _absence_words(absence)
    css.append("pl-leave")
    if pending:
        css.append("pl-pending")
    lines: tuple[str, ...] = (code,)
    export = code
    shift = planned.shift
    if absence.part != FULL:
        if absence.part == MORNING:
            half, short = _("matin"), _("mat.")
        else:
            half, short = _("après-midi"), _("a.-m.")
        css.append("pl-half")
        lines = (f"{code} {HALF_MARK}", half if week else short)
        export = f"{code} {HALF_MARK} {half}"
        worked = worked_stretches(shift.intervals, absence.part)
        if worked:
            rest = timed_shift(worked)
            words = _("%(absence)s ; travail %(shift)s") % {
                "absence": words,
                "shift": shift_detail(rest),
            }
            export = f"{export} / {rest.label()}"
            if week:
                lines = (*lines, *shift_lines(rest, week))
    elif week:
        lines = (code, absence.label)
    colour = absence.colour or "#1f3c88"
    mark = CHANGED_MARK if planned.changed else ""
    style = f"--pl-c:{colour};--pl-bg:#{tint(colour)}"
    return (LEAVE, lines, words, " ".join(css), tint(colour), export, mark, style, False)


def _look(
    planned: PlannedDay, absence: DayAbsence | None, week: bool, base_css: str, editable: bool
) -> Look:
    css = [base_css] if base_css else []
    if not planned.under_contract:
        css.append("pl-out")
        return (
            OUT,
            (OUT_CODE,),
            _("Hors contrat"),
            " ".join(css),
            OUT_FILL,
            OUT_CODE,
            "",
            "",
            False,
        )
    if editable:
        css.append("pl-editable")
    if absence is not None:
        kind, lines, detail, classes, fill, export, mark, style, _no = _leave_look(
            planned, absence, week, css
        )
        return (kind, lines, detail, classes, fill, export, mark, style, editable)
    shift, holiday = planned.shift, planned.holiday
    mark = CHANGED_MARK if planned.changed else ""
    if shift.works:
        detail = shift_detail(shift)
        if holiday is not None:
            detail = _("%(shift)s — %(holiday)s, férié travaillé") % {
                "shift": detail,
                "holiday": holiday.name,
            }
            mark = mark + HOLIDAY_CODE
            css.append("pl-holiday-worked")
        if planned.changed:
            detail = _("%(shift)s — horaire modifié") % {"shift": detail}
        css.append("pl-shift")
        export = shift.label() if shift.intervals else hours_label(shift.hours)
        lines = shift_lines(shift, week)
        return (SHIFT, lines, detail, " ".join(css), "FFFFFF", export, mark, "", editable)
    if holiday is not None:
        css.append("pl-holiday")
        detail = _("Férié : %(name)s") % {"name": holiday.name}
        lines = (HOLIDAY_CODE, holiday.name) if week else (HOLIDAY_CODE,)
        classes = " ".join(css)
        return (HOLIDAY, lines, detail, classes, HOLIDAY_FILL, HOLIDAY_CODE, mark, "", editable)
    css.append("pl-rest")
    detail = _("Repos") + (" — " + _("horaire modifié") if planned.changed else "")
    classes = " ".join(css)
    return (REST, (REST_CODE,), detail, classes, REST_FILL, REST_CODE, mark, "", editable)


def day_cell(
    day: dt.date,
    planned: PlannedDay,
    absence: DayAbsence | None,
    *,
    week: bool,
    base_css: str = "",
    editable: bool = False,
) -> Cell:
    """The cell of one day. `base_css` carries the column's classes (weekend, today)."""
    return Cell(day, *_look(planned, absence, week, base_css, editable))


class CellMaker:
    """The cells of one grid: a look is worked out once for all the days that share it (a
    month of 200 people has thousands of cells but a few dozen looks)."""

    def __init__(self, week: bool) -> None:
        self.week = week
        self._looks: dict[tuple[object, ...], Look] = {}
        self._alive: list[PlannedDay] = []  # keeps the keyed shifts and holidays alive

    def __call__(
        self,
        day: dt.date,
        planned: PlannedDay,
        absence: DayAbsence | None,
        base_css: str,
        editable: bool,
    ) -> Cell:
        # Shifts and holidays are shared objects for the time of a build: their identity is
        # a cheaper key than their value.
        key = (
            id(planned.shift),
            id(planned.holiday),
            planned.changed,
            planned.under_contract,
            None if absence is None else absence.look_key,
            base_css,
            editable,
        )
        look = self._looks.get(key)
        if look is None:
            look = self._looks[key] = _look(planned, absence, self.week, base_css, editable)
            self._alive.append(planned)
        return Cell(day, *look)
