"""Generic readers of spreadsheet cells and tables kept in core (their fuller cases are in the
imports app, which used them first)."""

from __future__ import annotations

import datetime as dt

import pytest

from effectif.core.cells import CellError, read_time
from effectif.core.tables import UnreadableFile, read_table


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("8:30", dt.time(8, 30)),
        ("08h30", dt.time(8, 30)),
        ("8h", dt.time(8, 0)),
        (" 17:45:59 ", dt.time(17, 45)),
        ("24:00", dt.time(0, 0)),
        (dt.time(7, 15, 30), dt.time(7, 15)),
        # a spreadsheet's date and time, without a time zone
        (dt.datetime.combine(dt.date(2026, 3, 2), dt.time(22, 5)), dt.time(22, 5)),
        (0.5, dt.time(12, 0)),  # a spreadsheet's fraction of a day
        (8.5 / 24, dt.time(8, 30)),
    ],
)
def test_read_time(cell, expected) -> None:
    assert read_time(cell) == expected


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("25:00", "n'est pas une heure qui existe"),
        ("8:75", "n'est pas une heure qui existe"),
        ("huit heures", "le format attendu est HH:MM"),
        (1.5, "le format attendu est HH:MM"),
    ],
)
def test_read_time_refuses_what_is_not_a_time(cell, message) -> None:
    with pytest.raises(CellError, match=message):
        read_time(cell)


def test_missing_header_names_the_expected_columns_when_told() -> None:
    data = b"a;b\n1;2\n"
    with pytest.raises(UnreadableFile, match=r"colonnes \(Matricule, Date\)"):
        read_table(data, "x.csv", lambda cells: False, "Matricule, Date")
    with pytest.raises(UnreadableFile, match=r"noms des colonnes\. Partez"):
        read_table(data, "x.csv", lambda cells: False)
