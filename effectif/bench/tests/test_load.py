"""The « charge » load test keeps working: the whole pipeline at a tiny size (setup, gunicorn
as in production, both runs of the load generator), on the suite's own database engine in a
throwaway database of its own. Its figures are not checked, only that it ran without error."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

from effectif.bench import engines
from effectif.bench.load import describe, pipeline, summary


def _engine(tmp_path: Path) -> engines.Engine:
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        path = tmp_path / "charge.sqlite3"
        return engines.Engine("SQLite", f"sqlite:///{path}", path)
    login = quote(database.get("USER") or "postgres")
    if database.get("PASSWORD"):
        login += ":" + quote(database["PASSWORD"])
    server = f"{database.get('HOST') or '127.0.0.1'}:{database.get('PORT') or 5432}"
    try:
        return engines.postgresql(f"postgres://{login}@{server}/effectif_charge_{os.getpid()}")
    except engines.EngineUnavailable as error:
        pytest.skip(f"PostgreSQL indisponible pour le test de charge : {error}")


def test_the_load_test_runs_without_error(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    try:
        figures = pipeline(
            engine,
            tmp_path / "var",
            employees=200,
            users=4,
            seconds=3,
            warmup=1,
            thinks=("0", "0.1-0.3"),
            workers=2,
            pending=40,
            say=lambda text: None,
        )
    finally:
        engine.drop()
    assert (figures["hr"], figures["managers"], figures["employee_users"]) == (1, 1, 2)
    assert figures["pending"] == 40
    without, with_think = figures["runs"]
    assert without["think"] is None
    assert with_think["think"] == [0.1, 0.3]
    for run in figures["runs"]:
        assert run["errors"] == 0, run["failures"]
        assert run["users"] == 4
        assert run["requests"] > 0
        # each user did the main thing of their role first: a decision, leave asked for
        assert run["decisions"] >= 1
        assert run["asked"] >= 2
        roles = {kind.split(" · ")[0] for kind, row in run["kinds"].items() if row["requests"]}
        assert roles & {"RH", "manager", "salarié"}
        assert {"manager · demande décidée", "salarié · demande envoyée"} <= set(run["kinds"])
        assert run["cpu_web_ms"] is not None  # gunicorn's processes were found
        assert any("0 erreur(s) ✓" in line for line in describe(run))
    assert summary(figures).count("0 erreur(s)") == 2
    written = json.loads((tmp_path / "var" / "charge.json").read_text(encoding="utf-8"))
    assert written["runs"][0]["requests"] == without["requests"]
