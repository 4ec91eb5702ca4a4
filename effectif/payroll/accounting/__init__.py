"""The payroll's accounting entries: which body collects each contribution and which account
carries it (`bodies.py`, data only), and the period's balanced entries (`entries.py`)."""
