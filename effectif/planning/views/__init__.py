"""The planning's pages: the grid (teams, establishments, one's own), the day's editor, the
minimum staffing, the calendar subscription."""
