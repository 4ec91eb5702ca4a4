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

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Approvable(models.Model):
    """The fields of a request its author submits and a manager decides on.

    Trips, expense reports and time sheets share them; each app adds its own later steps (the
    HR decision of a trip, the checking and reimbursement of an expense report) and its
    `status` field, whose values are the words above.
    """

    submitted_at = models.DateTimeField(_("date de soumission"), null=True, blank=True)
    manager_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("décision du manager par"),
    )
    manager_decided_at = models.DateTimeField(
        _("date de la décision du manager"), null=True, blank=True
    )
    decision_comment = models.TextField(_("commentaire de la décision"), blank=True)

    class Meta:
        abstract = True
