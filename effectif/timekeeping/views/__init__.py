"""Pages of working time: schedules, time sheets, legal checks, variable elements, imports."""
