"""Paid leave and other leave under French law, as pure functions: reference periods, monthly
acquisition (with the 2024 illness rules), counting a request as the employer counts it,
fractionnement, carry-over and expiry, leave pay, and the legal durations of family leave.

The apps gather the facts (contracts, absences, the working calendar) into plain values and
call these functions; the same functions run in the tests in milliseconds."""
