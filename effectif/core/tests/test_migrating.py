"""The rewriting of stored values by a data migration: old to new, and back when reversed."""

from __future__ import annotations

from typing import Any

from effectif.core.migrating import rewrite_values


class _Table:
    """The rows of one model, as the migration's `objects.filter(...).update(...)` sees them."""

    def __init__(self, values: list[str]) -> None:
        self.values = values

    def filter(self, **lookup: str) -> _Match:
        ((field, value),) = lookup.items()
        assert field == "state"
        return _Match(self, value)


class _Match:
    def __init__(self, table: _Table, value: str) -> None:
        self.table, self.value = table, value

    def update(self, **changes: str) -> None:
        ((field, new),) = changes.items()
        assert field == "state"
        self.table.values = [new if v == self.value else v for v in self.table.values]


class _Apps:
    def __init__(self, tables: dict[str, list[str]]) -> None:
        self.tables = {name: _Table(values) for name, values in tables.items()}

    def get_model(self, app_label: str, model_name: str) -> Any:
        assert app_label == "app"
        return type(model_name, (), {"objects": self.tables[model_name]})


def test_values_are_rewritten_forwards_and_back_model_by_model() -> None:
    operation = rewrite_values(
        "app",
        {"Trip": {"soumis": "submitted", "brouillon": "draft"}, "Sheet": {"soumis": "sent"}},
        field="state",
    )
    apps = _Apps({"Trip": ["soumis", "brouillon", "autre"], "Sheet": ["soumis"]})
    operation.code(apps, None)
    assert apps.tables["Trip"].values == ["submitted", "draft", "autre"]
    assert apps.tables["Sheet"].values == ["sent"]
    assert operation.reversible
    operation.reverse_code(apps, None)
    assert apps.tables["Trip"].values == ["soumis", "brouillon", "autre"]
    assert apps.tables["Sheet"].values == ["soumis"]
