"""Conventions every app keeps (issue 11)."""

from __future__ import annotations

from django.apps import apps
from django.db import models

#: Choices named "…Status" that are not states of a workflow but data in the personnel file.
_NOT_WORKFLOWS = {"FamilyStatus"}


def _subclasses(klass: type) -> list[type]:
    found = []
    for sub in klass.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def test_stored_status_values_are_their_member_names_in_lower_case():
    """`SUBMITTED = "submitted", _("En attente du manager")`: one language and one spelling for
    every status (effectif/core/workflow.py)."""
    apps.check_models_ready()
    statuses = [
        klass
        for klass in _subclasses(models.TextChoices)
        if klass.__module__.startswith("effectif.")
        and klass.__name__.endswith("Status")
        and klass.__name__ not in _NOT_WORKFLOWS
    ]
    assert len(statuses) >= 10
    offenders = [
        f"{klass.__module__}.{klass.__name__}.{member.name} = {member.value!r}"
        for klass in statuses
        for member in klass
        if member.value != member.name.lower()
    ]
    assert offenders == []
