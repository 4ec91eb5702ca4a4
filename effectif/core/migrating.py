"""Data migrations that rewrite stored values, such as statuses renamed to the vocabulary of
`core.workflow`: one operation that maps the old values to the new ones and back.

A migration keeps its mapping as written (`{"Trip": {"soumis": "submitted"}}`), so it replays
the same way whatever the models become; only this rewriting is shared.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import migrations

#: model name -> {old value: new value}
Mappings = Mapping[str, Mapping[str, str]]


def _rewrite(apps: Any, app_label: str, mappings: Mappings, field: str, backwards: bool) -> None:
    for model_name, mapping in mappings.items():
        rows = apps.get_model(app_label, model_name).objects
        pairs = {new: old for old, new in mapping.items()} if backwards else mapping
        for old, new in pairs.items():
            rows.filter(**{field: old}).update(**{field: new})


def rewrite_values(
    app_label: str, mappings: Mappings, *, field: str = "status"
) -> migrations.RunPython:
    """Rewrite `field` of each model of `app_label` from the old values to the new ones, and
    from the new ones to the old when the migration is reversed."""

    def forwards(apps: Any, schema_editor: Any) -> None:
        _rewrite(apps, app_label, mappings, field, backwards=False)

    def backwards(apps: Any, schema_editor: Any) -> None:
        _rewrite(apps, app_label, mappings, field, backwards=True)

    return migrations.RunPython(forwards, backwards)
