"""The pages the `pages` part measures exist: each path resolves to a view."""

from __future__ import annotations

from django.urls import resolve

from effectif.bench.pages import cases

PLAN = {
    "team_ids": [13],
    "search_terms": ["martin"],
    "employee_ids": [1, 2, 3, 4, 5, 6],
}


def test_every_measured_page_resolves() -> None:
    measured = cases(PLAN)
    assert {who for _label, who, _path, _query in measured} == {"hr", "manager", "employee"}
    for _label, _who, path, _query in measured:
        resolve("/conges/demandes/1/" if path == "pending" else path)
