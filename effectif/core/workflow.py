"""The one vocabulary of statuses.

A stored status value is its member's name in lower case, in English, whatever the French label
says (`SUBMITTED = "submitted", _("En attente du manager")`): one language and one spelling,
without the genders of French past participles. `effectif/tests/test_conventions.py` checks it
for every `status` field.

A request that someone approves moves through the same words in every app:

- DRAFT: being written by its author, who has not sent it yet;
- SUBMITTED: sent, waiting for a decision;
- MANAGER_APPROVED: approved by the manager, waiting for a second level (HR, checking);
- APPROVED: granted (for a time sheet: validated);
- REJECTED: refused by whoever decides;
- CANCELLED: withdrawn by its author or by HR.

An app adds the steps of its own after these (an expense report is CHECKED, then REIMBURSED).
Background work (imports, archives) uses PENDING, RUNNING, READY or DONE, FAILED.
"""
