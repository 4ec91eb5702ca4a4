"""`make bench`, charge: the load test. Concurrent users mixing HR browsing, employees'
self-service and managers' approvals on the synthetic population, with PostgreSQL, served as
in production; throughput, latency, errors and CPU per request, without then with think time.

1. In a throwaway database and a folder of its own under `var/bench/`, a process of its own
   prepares the data and the accounts (`effectif.bench.load_setup`) and collects the static
   files as production does.
2. `manage.py serve` starts gunicorn (3 processes by default) and the task worker on a free
   port of 127.0.0.1, debug off.
3. The load generator (`effectif.bench.load_driver`), in a process of its own, runs the virtual
   users twice: without think time, then with a pause of 1 to 3 s between a user's requests;
   each run is measured for `--load-seconds` after the logins and a warm-up, not counted.
4. The report: requests, throughput, latency (median, p95, p99, max), errors (the bar is none),
   CPU per request of gunicorn and of PostgreSQL's backends serving the database, and the same
   by kind of page. The figures are written as JSON under `var/bench/` too.

The CPU and latency figures depend on what else the machine runs: the header of `make bench`
prints the load average, and each run its own at its end.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from effectif.bench import engines

USERS = 50
SECONDS = 180.0
WARMUP = 10.0
THINK = "1-3"
WORKERS = 3
REFERENCE = (
    "mesuré à l'ouverture du ticket (3 processus gunicorn, sans réflexion) : 12.7 requêtes/s, "
    "p95 6.6 s à 50 utilisateurs, environ 110 ms de CPU par requête ; objectif : diviser par "
    "deux le CPU par requête"
)


def _say(text: str = "") -> None:
    print(text, flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def environment(engine: engines.Engine, var_dir: Path) -> dict[str, str]:
    """The server's and the setup's environment: the throwaway database and folder, production
    settings (debug off, hashed static files served by WhiteNoise, plain HTTP on loopback)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("EFFECTIF_") and key != "DATABASE_URL"
    }
    env.update(
        DATABASE_URL=engine.url,
        DJANGO_SETTINGS_MODULE="effectif.settings",
        EFFECTIF_VAR_DIR=str(var_dir),
        EFFECTIF_DEBUG="0",
        EFFECTIF_HTTPS="0",
        EFFECTIF_STATIC_MANIFEST="1",
        EFFECTIF_LOG_LEVEL="WARNING",
    )
    return env


def _wait_ready(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(
                f"le serveur s'est arrêté (code {server.returncode}) ; voir {log}:\n"
                + log.read_text(errors="replace")[-2000:]
            )
        try:
            with urllib.request.urlopen(url + "/statut/", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"le serveur ne répond pas sur {url} après 90 s ; voir {log}")


def _stop(server: subprocess.Popen[bytes]) -> None:
    """`manage.py serve` stops gunicorn and the task worker on SIGTERM; its process group (it
    was started in a session of its own) is killed if it does not."""
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def pipeline(
    engine: engines.Engine,
    var_dir: Path,
    *,
    employees: int,
    users: int = USERS,
    seconds: float = SECONDS,
    warmup: float = WARMUP,
    thinks: tuple[str, ...] = ("0", THINK),
    workers: int = WORKERS,
    pending: int = 200,
    seed: int = 2026,
    say: Callable[[str], None] = _say,
) -> dict[str, Any]:
    """Prepare `engine`'s empty database, serve it, run the load once per think time."""
    if var_dir.exists():
        shutil.rmtree(var_dir)
    var_dir.mkdir(parents=True)
    env = environment(engine, var_dir)
    python = sys.executable
    plan_path = var_dir / "plan.json"
    started = time.perf_counter()
    setup = [python, "-m", "effectif.bench.load_setup", f"--employees={employees}"]
    setup += [f"--users={users}", f"--pending={pending}", f"--seed={seed}", f"--output={plan_path}"]
    done = subprocess.run(setup, env=env, cwd=engines.BASE_DIR, check=False)
    if done.returncode != 0 or not plan_path.exists():
        raise RuntimeError(f"échec de la préparation (code {done.returncode})")
    plan = json.loads(plan_path.read_text(encoding="utf-8"))
    figures: dict[str, Any] = {
        "engine": engine.name,
        "employees": employees,
        "users": users,
        "workers": workers,
        "setup_s": round(time.perf_counter() - started, 1),
        "hr": len(plan["hr"]),
        "managers": len(plan["managers"]),
        "employee_users": len(plan["employees"]),
        "team_size": plan["team_size"],
        "pending": plan["pending"],
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
        "runs": [],
    }
    say(
        f"  préparation en {figures['setup_s']:.0f} s : {figures['hr']} RH, "
        f"{figures['managers']} managers (équipes de {figures['team_size']}), "
        f"{figures['employee_users']} salariés ; {figures['pending']} demandes de congés en "
        "attente"
    )
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = var_dir / "serveur.log"
    serve = [python, str(engines.BASE_DIR / "manage.py"), "serve", "--bind", f"127.0.0.1:{port}"]
    serve += ["--workers", str(workers), "--task-workers", "1"]
    with log.open("wb") as output:
        server = subprocess.Popen(
            serve,
            env=env,
            cwd=engines.BASE_DIR,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_ready(url, server, log)
        database = urlsplit(engine.url).path.lstrip("/") if engine.path is None else ""
        for index, think in enumerate(thinks):
            result = var_dir / f"charge-{think}.json"
            drive = [python, "-m", "effectif.bench.load_driver", f"--plan={plan_path}"]
            drive += [f"--url={url}", f"--serve-pid={server.pid}", f"--database={database}"]
            drive += [f"--users={users}", f"--seconds={seconds}", f"--warmup={warmup}"]
            drive += [f"--think={think}", f"--seed={seed}", f"--output={result}"]
            drive += [f"--run={index}", f"--runs={len(thinks)}"]
            done = subprocess.run(drive, env=env, cwd=engines.BASE_DIR, check=False)
            if done.returncode != 0 or not result.exists():
                raise RuntimeError(f"échec du générateur de charge (code {done.returncode})")
            run = json.loads(result.read_text(encoding="utf-8"))
            figures["runs"].append(run)
            for line in describe(run):
                say(line)
    finally:
        _stop(server)
    (var_dir / "charge.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1))
    return figures


def _ms(value: float | None) -> str:
    return "?" if value is None else f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"


def describe(run: dict[str, Any]) -> list[str]:
    think = run["think"]
    title = f"avec réflexion ({think[0]:g} à {think[1]:g} s)" if think else "sans réflexion"
    verdict = "✓" if run["errors"] == 0 else "✗"
    lines = [
        f"  {title}, {run['users']} utilisateurs : {run['requests']} requêtes en "
        f"{run['seconds']:g} s (connexions et {run['warmup']:g} s d'échauffement exclus), "
        f"{run['throughput']:.1f} requêtes/s ; latence médiane {_ms(run['median_ms'])}, "
        f"p95 {_ms(run['p95_ms'])}, p99 {_ms(run['p99_ms'])}, max {_ms(run['max_ms'])} ; "
        f"{run['errors']} erreur(s) {verdict}",
        f"    CPU par requête : {_ms(run['cpu_total_ms'])} (gunicorn {_ms(run['cpu_web_ms'])}, "
        f"PostgreSQL {_ms(run['cpu_postgres_ms'])}) ; CPU du générateur {run['cpu_client_s']} s, "
        f"du travailleur de tâches {run['cpu_tasks_s']} s ; {run['decisions']} décisions de "
        f"managers, {run['asked']} demandes de congés envoyées ; charge de la machine "
        + ", ".join(f"{x:.2f}" for x in run["load_average"]),
    ]
    width = max(len(kind) for kind in run["kinds"]) + 2
    lines.append(f"    {'page':<{width}}{'requêtes':>9}{'médiane':>10}{'p95':>10}{'erreurs':>9}")
    for kind, row in run["kinds"].items():
        if not row["requests"] and not row["errors"]:
            continue  # the logins, during the warm-up
        lines.append(
            f"    {kind:<{width}}{row['requests']:>9}{_ms(row['median_ms']):>10}"
            f"{_ms(row['p95_ms']):>10}{row['errors']:>9}"
        )
    lines += [f"    échec : {failure}" for failure in run["failures"][:5]]
    return lines


def run(
    postgres_url: str,
    employees: int,
    users: int = USERS,
    seconds: float = SECONDS,
    warmup: float = WARMUP,
    think: str = THINK,
) -> dict[str, Any] | str:
    """The harness's entry point: PostgreSQL only (the production engine)."""
    _say(
        f"\n== Charge : {users} utilisateurs simultanés (RH, salariés, managers) sur {employees} "
        f"salariés, PostgreSQL, gunicorn {WORKERS} processus, {seconds:g} s par mesure =="
    )
    _say(f"  {REFERENCE}")
    try:
        engine = engines.throwaway("postgresql", postgres_url, "charge")
    except engines.EngineUnavailable as error:
        _say(f"  non mesuré : {error}")
        return f"non mesuré : {error}"
    try:
        figures = pipeline(
            engine,
            engines.BENCH_DIR / "charge",
            employees=employees,
            users=users,
            seconds=seconds,
            warmup=warmup,
            thinks=("0", think),
        )
    except RuntimeError as error:
        _say(f"  échec : {error}")
        return f"échec : {error}"
    finally:
        engine.drop()
    (engines.BENCH_DIR / "charge.json").write_text(
        json.dumps(figures, ensure_ascii=False, indent=1)
    )
    _say(summary(figures))
    _say(f"  chiffres écrits dans {engines.BENCH_DIR / 'charge.json'}")
    return figures


def summary(figures: dict[str, Any]) -> str:
    """One line: each run's throughput, p95, CPU per request and errors."""
    parts = []
    for run in figures["runs"]:
        think = run["think"]
        title = f"avec réflexion ({think[0]:g}–{think[1]:g} s)" if think else "sans réflexion"
        parts.append(
            f"{title} {run['throughput']:.1f} requêtes/s, p95 {run['p95_ms'] / 1000:.1f} s, "
            f"CPU {_ms(run['cpu_total_ms'])} par requête, {run['errors']} erreur(s)"
        )
    return f"  synthèse, {figures['users']} utilisateurs : " + " ; ".join(parts)
