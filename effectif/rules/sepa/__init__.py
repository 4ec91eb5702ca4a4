"""SEPA credit transfers (ISO 20022 pain.001.001.03): the one writer of the files that pay
employees, expense reports (travel) and salaries (payroll) alike, and the check of each file
against the official schema before it is offered (`schema.py`, `pain.001.001.03.xsd`)."""
