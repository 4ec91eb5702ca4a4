"""Writes to working time, each in one transaction with its audit entry.

- `schedules`: schedules, their assignment to employees, the employer's settings;
- `shifts`: the planning's changes of one day (`shift_set`), with the legal checks;
- `sheets`: time sheets declared by the week, submitted, validated or returned;
- `clocking`: imports of clocked hours.
"""

from effectif.timekeeping.services.schedules import (
    DayInput,
    schedule_assign,
    schedule_assignment_delete,
    schedule_save,
    working_time_settings_save,
)
from effectif.timekeeping.services.shifts import LegalLimitBreached, shift_reset, shift_set

__all__ = [
    "DayInput",
    "LegalLimitBreached",
    "schedule_assign",
    "schedule_assignment_delete",
    "schedule_save",
    "shift_reset",
    "shift_set",
    "working_time_settings_save",
]
