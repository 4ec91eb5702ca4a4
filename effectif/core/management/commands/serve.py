"""`manage.py serve`: the web server and the task worker, started and stopped together.

In production (`make serve`), gunicorn serves the WSGI application with several processes and
`db_worker` runs the background tasks (payroll runs, document batches, purges). With `--dev`
(`make run`), Django's development server takes gunicorn's place. When one of them stops, the
others are stopped too, so a supervisor (systemd, a container runtime) sees the service fail
and restarts it whole.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

STOP_GRACE_SECONDS = 10


def _default_workers() -> int:
    return int(os.environ.get("EFFECTIF_WEB_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))


class Command(BaseCommand):
    help = "Sert Effectif : gunicorn (ou le serveur de développement) et le travailleur de tâches."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--bind",
            default=os.environ.get("EFFECTIF_BIND", "127.0.0.1:8000"),
            help="Adresse et port d'écoute (EFFECTIF_BIND, par défaut 127.0.0.1:8000).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=_default_workers(),
            help="Processus web de gunicorn (EFFECTIF_WEB_WORKERS, par défaut 2 × cœurs + 1).",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("EFFECTIF_WEB_THREADS", "1")),
            help="Fils d'exécution par processus web (EFFECTIF_WEB_THREADS, par défaut 1).",
        )
        parser.add_argument(
            "--task-workers",
            type=int,
            default=int(os.environ.get("EFFECTIF_TASK_WORKERS", "1")),
            help="Travailleurs de tâches de fond (EFFECTIF_TASK_WORKERS, par défaut 1).",
        )
        parser.add_argument(
            "--dev",
            action="store_true",
            help="Serveur de développement de Django à la place de gunicorn (make run).",
        )

    def commands(self, options: dict[str, Any]) -> list[list[str]]:
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        if options["dev"]:
            web = [*manage, "runserver", options["bind"]]
        else:
            web = [
                str(Path(sys.executable).with_name("gunicorn")),
                "effectif.wsgi:application",
                "--bind",
                options["bind"],
                "--workers",
                str(options["workers"]),
                "--threads",
                str(options["threads"]),
                "--access-logfile",
                "-",
                "--graceful-timeout",
                str(STOP_GRACE_SECONDS),
            ]
        worker = [*manage, "db_worker", "--no-reload"]
        return [web] + [worker] * options["task_workers"]

    def handle(self, *args: Any, **options: Any) -> None:
        commands = self.commands(options)
        children = [subprocess.Popen(command) for command in commands]
        stopping = False

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(
            f"Effectif sert http://{options['bind']}/ ; {len(children) - 1} travailleur(s) de "
            "tâches. Ctrl+C pour arrêter."
        )
        code = 0
        while not stopping:
            ended = [i for i, child in enumerate(children) if child.poll() is not None]
            if ended:
                code = children[ended[0]].returncode or 1
                self.stderr.write(f"Un processus s'est arrêté ({commands[ended[0]][0]}) : arrêt.")
                break
            time.sleep(0.5)
        for child in children:
            if child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        if code:
            sys.exit(code)
