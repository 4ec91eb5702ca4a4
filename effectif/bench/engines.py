"""Throwaway databases for the benchmarks, so the demo database (`var/effectif.sqlite3`) is
never touched: a fresh SQLite file under `var/bench/`, a fresh PostgreSQL database; and the one
runner of a part measured once per engine (`per_engine`)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent.parent
BENCH_DIR = BASE_DIR / "var" / "bench"
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/effectif_bench"


class EngineUnavailable(RuntimeError):
    """The engine cannot be benchmarked here; the message says why, in French."""


@dataclass(frozen=True)
class Engine:
    name: str
    url: str
    path: Path | None = None  # the file of a SQLite database

    def drop(self) -> None:
        if self.path is not None:
            for suffix in ("", "-wal", "-shm", "-journal"):
                self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        else:
            _postgres_admin(
                self.url, f'DROP DATABASE IF EXISTS "{_database(self.url)}" WITH (FORCE)'
            )


def sqlite() -> Engine:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / "effectif-bench.sqlite3"
    engine = Engine("SQLite", f"sqlite:///{path}", path)
    engine.drop()
    return engine


def postgresql(url: str = DEFAULT_POSTGRES_URL) -> Engine:
    """A fresh database at `url` (dropped first if it exists), starting a local server that is
    down when this machine has one."""
    engine = Engine("PostgreSQL", url)
    try:
        _postgres_admin(url, "SELECT 1")
    except EngineUnavailable:
        _start_local_server(url)
    engine.drop()
    _postgres_admin(url, f'CREATE DATABASE "{_database(url)}"')
    return engine


#: The engines a part is measured on, in order, with the names its figures are filed under.
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def throwaway(kind: str, postgres_url: str, database: str | None = None) -> Engine:
    """A fresh database of `kind` ("sqlite" or "postgresql"); `database` gives a part a file
    (`var/bench/effectif-bench-<database>.sqlite3`) or a PostgreSQL database
    (`effectif_bench_<database>`, on the server of `postgres_url`) of its own."""
    if kind == "sqlite":
        if database is None:
            return sqlite()
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        path = BENCH_DIR / f"effectif-bench-{database}.sqlite3"
        engine = Engine("SQLite", f"sqlite:///{path}", path)
        engine.drop()
        return engine
    if database is not None:
        postgres_url = postgres_url.rsplit("/", 1)[0] + f"/effectif_bench_{database}"
    return postgresql(postgres_url)


def per_engine(
    module: str,
    options: Sequence[str],
    *,
    postgres_url: str,
    report: Callable[[str, dict[str, Any]], None],
    database: str | None = None,
    kinds: Sequence[str] = ("sqlite", "postgresql"),
    heading: Callable[[str], str] | None = None,
) -> dict[str, Any]:
    """Run `python -m <module> <options> --output=…` once per engine of `kinds`, each in a
    process of its own on a throwaway database (`DATABASE_URL`), dropped afterwards.

    Returns the figures (the JSON the process wrote) per engine name, or a French note where
    the engine is unavailable or the measure failed; `report(engine name, figures)` prints
    each engine's figures, `heading(engine name)` a title before its run."""
    results: dict[str, Any] = {}
    for kind in kinds:
        try:
            engine = throwaway(kind, postgres_url, database)
        except EngineUnavailable as error:
            results[ENGINE_NAMES[kind]] = f"non mesuré : {error}"
            print(f"  {ENGINE_NAMES[kind]} : non mesuré ({error})", flush=True)
            continue
        if heading is not None:
            print(heading(engine.name), flush=True)
        try:
            with tempfile.TemporaryDirectory() as tmp:
                output = Path(tmp) / "figures.json"
                command = [sys.executable, "-m", module, *options, f"--output={output}"]
                # The pages are measured as the server renders them, with static files named
                # from their sources: a fresh checkout has not collected them.
                environment = {
                    "EFFECTIF_STATIC_MANIFEST": "0",
                    **os.environ,
                    "DATABASE_URL": engine.url,
                }
                done = subprocess.run(command, env=environment, cwd=BASE_DIR, check=False)
                if done.returncode != 0 or not output.exists():
                    results[engine.name] = f"échec des mesures (code {done.returncode})"
                    print(f"  {engine.name} : {results[engine.name]}", flush=True)
                    continue
                results[engine.name] = json.loads(output.read_text(encoding="utf-8"))
                report(engine.name, results[engine.name])
        finally:
            engine.drop()
    return results


def measure_in_this_process(
    parser: argparse.ArgumentParser,
    argv: Sequence[str] | None,
    measure: Callable[[argparse.Namespace], dict[str, Any]],
) -> int:
    """The process side of `per_engine`: on the throwaway database of `DATABASE_URL`, migrate,
    measure, and write the figures to `--output` (a JSON file)."""
    args = parser.parse_args(argv)
    if "DATABASE_URL" not in os.environ:
        parser.error("DATABASE_URL doit désigner une base jetable")
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "effectif.settings")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    Path(args.output).write_text(json.dumps(measure(args)), encoding="utf-8")
    return 0


def _database(url: str) -> str:
    name = urlsplit(url).path.lstrip("/")
    if not name or not name.replace("_", "").isalnum():
        raise EngineUnavailable(f"nom de base de données inattendu dans {url!r}")
    return name


def _postgres_admin(url: str, statement: str) -> None:
    """Run one statement connected to the server's `postgres` database (autocommit)."""
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(("postgresql", parts.netloc, "/postgres", "", ""))
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as connection:
            connection.execute(statement)
    except psycopg.OperationalError as error:
        raise EngineUnavailable(
            f"serveur PostgreSQL injoignable ({parts.netloc}) : {error}"
        ) from error


def _start_local_server(url: str) -> None:
    host = urlsplit(url).hostname or ""
    versions = sorted(p.name for p in Path("/etc/postgresql").glob("*")) if host else []
    if host not in {"127.0.0.1", "localhost"} or not versions or not shutil.which("pg_ctlcluster"):
        raise EngineUnavailable(f"serveur PostgreSQL injoignable à {host or url}")
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"]
    print(f"  PostgreSQL ne répond pas : démarrage ({' '.join(command)})", flush=True)
    subprocess.run(command, check=False, capture_output=True)
    for _ in range(20):
        try:
            _postgres_admin(url, "SELECT 1")
            return
        except EngineUnavailable:
            time.sleep(0.5)
    raise EngineUnavailable("le serveur PostgreSQL local n'a pas pu être démarré")
