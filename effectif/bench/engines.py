"""Throwaway databases for the benchmarks, so the demo database (`var/effectif.sqlite3`) is
never touched: a fresh SQLite file under `var/bench/`, a fresh PostgreSQL database."""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
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
