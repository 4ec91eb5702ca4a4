"""Production mode: `check --deploy` clean with the documented variables, static files hashed,
compressed and cached long, pages compressed, sessions not rewritten on every request, the
OpenAPI document built once, uploads in S3-compatible storage by one setting, and `serve`
starting the web server with the task worker and stopping them together."""

from __future__ import annotations

import gzip
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client, override_settings

from effectif.accounts.models import User

BASE_DIR = Path(settings.BASE_DIR)

#: The variables docs/production.md gives for a server behind a TLS reverse proxy.
PRODUCTION_ENV = {
    "EFFECTIF_HTTPS": "1",
    "EFFECTIF_ALLOWED_HOSTS": "effectif.example.fr",
    "EFFECTIF_CSRF_TRUSTED_ORIGINS": "https://effectif.example.fr",
}


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "EFFECTIF_VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'var' / 'effectif.sqlite3'}",
        "EFFECTIF_SECRET_KEY": secrets.token_urlsafe(50),
        **extra,
    }
    return env


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=BASE_DIR,
    )


def test_check_deploy_is_clean_with_the_documented_variables(tmp_path: Path) -> None:
    done = _manage(
        _environment(tmp_path, **PRODUCTION_ENV), "check", "--deploy", "--fail-level", "WARNING"
    )

    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_without_https_check_deploy_names_what_is_missing(tmp_path: Path) -> None:
    done = _manage(_environment(tmp_path), "check", "--deploy", "--fail-level", "WARNING")

    assert done.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in done.stderr


@pytest.fixture
def collected(tmp_path: Path) -> Any:
    """Static files collected as `make serve` does: hashed names, gzip and Brotli copies."""
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(
        STATIC_ROOT=tmp_path / "static", STORAGES=storages, WHITENOISE_USE_FINDERS=False
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path / "static"


def test_static_files_are_hashed_compressed_and_cached_for_a_year(collected: Path, db: Any) -> None:
    page = Client().get("/compte/connexion/")
    css = re.search(r"/static/vendor/bootstrap/css/bootstrap\.min\.[0-9a-f]{12}\.css", page.text)
    assert css, "the page names bootstrap by its hashed name"

    response = Client().get(css.group(0), headers={"accept-encoding": "gzip"})

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"]
    assert "max-age=315360000" in response["Cache-Control"]
    body = gzip.decompress(b"".join(response.streaming_content))
    assert len(body) > 150_000 > int(response["Content-Length"])
    # Only the files the pages load are collected, not every build of each library.
    assert not list(collected.glob("vendor/bootstrap/css/bootstrap.rtl*"))
    assert not (collected / "django_htmx").exists()


def test_pages_are_compressed(client_for: Any, hr_manager: User) -> None:
    response = client_for(hr_manager).get("/", headers={"accept-encoding": "gzip"}, follow=True)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "<html" in gzip.decompress(response.content).decode()


def test_the_session_is_saved_again_only_once_its_refresh_interval_has_passed(
    client_for: Any, hr_manager: User, settings: Any
) -> None:
    settings.EFFECTIF_SESSION_REFRESH_SECONDS = 300
    with time_machine.travel("2026-12-07 09:00:00+01:00", tick=False) as clock:
        client = client_for(hr_manager)
        client.get("/salaries/")
        key = client.cookies[settings.SESSION_COOKIE_NAME].value
        first = Session.objects.get(session_key=key).expire_date

        clock.shift(120)
        client.get("/salaries/")
        assert Session.objects.get(session_key=key).expire_date == first

        clock.shift(240)
        client.get("/salaries/")
        assert Session.objects.get(session_key=key).expire_date > first


def test_the_openapi_document_is_built_once(client_for: Any, hr_manager: User) -> None:
    from effectif.api.api import api

    client = client_for(hr_manager)
    first = client.get("/api/v1/openapi.json").json()
    assert api.get_openapi_schema(path_prefix="/api/v1/") is api.get_openapi_schema(
        path_prefix="/api/v1/"
    )
    assert client.get("/api/v1/openapi.json").json() == first


def test_uploaded_files_go_to_s3_compatible_storage_by_one_setting(tmp_path: Path) -> None:
    """The settings module read with EFFECTIF_MEDIA_STORAGE=s3 gives django-storages' S3
    backend, which stores and reads back a file (an S3 service simulated by moto)."""
    script = (
        "import boto3, django\n"
        "from moto import mock_aws\n"
        "with mock_aws():\n"
        "    boto3.client('s3', region_name='eu-west-3').create_bucket(Bucket='effectif-rh',"
        " CreateBucketConfiguration={'LocationConstraint': 'eu-west-3'})\n"
        "    django.setup()\n"
        "    from django.core.files.base import ContentFile\n"
        "    from django.core.files.storage import default_storage\n"
        "    name = default_storage.save('documents/rib.pdf', ContentFile(b'%PDF-1.4 rib'))\n"
        "    print(type(default_storage._wrapped).__name__, name,"
        " default_storage.open(name).read().decode())\n"
    )
    env = _environment(
        tmp_path,
        DJANGO_SETTINGS_MODULE="effectif.settings",
        EFFECTIF_MEDIA_STORAGE="s3",
        EFFECTIF_S3_BUCKET="effectif-rh",
        EFFECTIF_S3_REGION="eu-west-3",
        EFFECTIF_S3_ACCESS_KEY_ID="essai",
        EFFECTIF_S3_SECRET_ACCESS_KEY="essai",
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=BASE_DIR
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["S3Storage", "documents/rib.pdf", "%PDF-1.4", "rib"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_starts_gunicorn_and_the_task_worker_and_stops_them_together(
    tmp_path: Path,
) -> None:
    env = _environment(tmp_path, EFFECTIF_STATIC_MANIFEST="0")
    assert _manage(env, "migrate", "--no-input", "-v", "0").returncode == 0
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            str(BASE_DIR / "manage.py"),
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        status = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/compte/connexion/") as page:
                    status = page.status
                    break
            except OSError:
                time.sleep(0.5)
        assert status == 200
        children = subprocess.run(
            ["pgrep", "-f", "-s", str(server.pid), "db_worker"], capture_output=True, text=True
        ).stdout.split()
        assert children, "the task worker runs beside the web server"

        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
        left = subprocess.run(["pgrep", "-s", str(server.pid)], capture_output=True, text=True)
        assert left.stdout.split() == []
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
