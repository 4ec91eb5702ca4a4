"""Working time: schedules and their assignment, shifts changed by the planning, time sheets,
the employer's settings, imports of clocked hours."""

from effectif.timekeeping.models.clocking import ClockImport, ClockImportStatus
from effectif.timekeeping.models.schedules import (
    ScheduleAssignment,
    ScheduleDay,
    ScheduleKind,
    ShiftOverride,
    WorkSchedule,
)
from effectif.timekeeping.models.settings import WorkingTimeSettings
from effectif.timekeeping.models.sheets import RecordSource, SheetStatus, TimeRecord, TimeSheet

__all__ = [
    "ClockImport",
    "ClockImportStatus",
    "RecordSource",
    "ScheduleAssignment",
    "ScheduleDay",
    "ScheduleKind",
    "SheetStatus",
    "ShiftOverride",
    "TimeRecord",
    "TimeSheet",
    "WorkSchedule",
    "WorkingTimeSettings",
]
