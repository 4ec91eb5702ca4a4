"""Backups: an archive of the database, the files and the key restores into an empty instance
where every file the database names can be read (on SQLite, and on PostgreSQL in CI)."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from effectif.core.backup import MANIFEST, BackupError, backup_restore, backup_write
from effectif.employees.models import EmployeeDocument
from effectif.employees.tests.factories import EmployeeFactory

BASE_DIR = Path(settings.BASE_DIR)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def source(tmp_path: Path, settings: Any) -> Path:
    """This instance's var/ folder, with its own secret key and files, under tmp_path."""
    var = tmp_path / "source"
    var.mkdir()
    (var / "secret_key").write_text("clé-de-la-source-" + "x" * 50)
    settings.VAR_DIR = var
    settings.MEDIA_ROOT = var / "media"
    return var


def _documents(count: int) -> list[EmployeeDocument]:
    employee = EmployeeFactory()
    return [
        EmployeeDocument.objects.create(
            employee=employee,
            kind=EmployeeDocument._meta.get_field("kind").choices[0][0],  # type: ignore[index]
            title=f"Pièce {n}",
            file=ContentFile(PDF + f"% pièce {n}\n".encode(), name=f"piece-{n}.pdf"),
        )
        for n in range(count)
    ]


@pytest.fixture
def empty_instance(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment of another, empty instance: its own var/ and an empty database."""
    var = tmp_path / "restored"
    env = {
        **os.environ,
        "EFFECTIF_VAR_DIR": str(var),
        "PYTHONPATH": str(BASE_DIR),
    }
    env.pop("EFFECTIF_SECRET_KEY", None)
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{var / 'effectif.sqlite3'}"
        yield env
        return
    import psycopg

    db = connection.settings_dict
    name = f"effectif_restore_{uuid.uuid4().hex[:12]}"
    admin = psycopg.connect(
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'CREATE DATABASE "{name}"')
    user = f"{db['USER']}@" if db["USER"] else ""
    env["DATABASE_URL"] = (
        f"postgres://{user}{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"
    )
    try:
        yield env
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=BASE_DIR,
    )


def _count_documents(env: dict[str, str]) -> int:
    if env["DATABASE_URL"].startswith("sqlite"):
        path = env["DATABASE_URL"].removeprefix("sqlite:///")
        with sqlite3.connect(path) as db:
            return int(db.execute("select count(*) from employees_employeedocument").fetchone()[0])
    import psycopg

    with psycopg.connect(env["DATABASE_URL"].replace("postgres://", "postgresql://")) as db:
        row = db.execute("select count(*) from employees_employeedocument").fetchone()
        assert row is not None
        return int(row[0])


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_an_empty_instance_with_every_file_readable(
    source: Path, tmp_path: Path, empty_instance: dict[str, str]
) -> None:
    documents = _documents(3)
    summary = backup_write(directory=tmp_path / "backups")
    assert summary.files == 3
    assert summary.secret_key_included
    assert oct(summary.path.stat().st_mode & 0o777) == "0o600"

    done = _manage(empty_instance, "restore", str(summary.path))

    assert done.returncode == 0, done.stderr
    assert "Fichiers relus : 3 lisible(s), 0 manquant(s)." in done.stdout
    restored = Path(empty_instance["EFFECTIF_VAR_DIR"])
    assert _count_documents(empty_instance) == 3
    for document in documents:
        original = (source / "media" / document.file.name).read_bytes()
        assert (restored / "media" / document.file.name).read_bytes() == original
    assert (restored / "secret_key").read_text() == (source / "secret_key").read_text()


@pytest.mark.django_db(transaction=True)
def test_a_restore_refuses_an_instance_that_is_not_empty(source: Path, tmp_path: Path) -> None:
    _documents(1)
    summary = backup_write(directory=tmp_path / "backups")

    with pytest.raises(CommandError, match="n'est pas vide"):
        call_command("restore", str(summary.path))


@pytest.mark.django_db(transaction=True)
def test_a_tampered_backup_is_refused_before_anything_is_written(
    source: Path, tmp_path: Path, empty_instance: dict[str, str]
) -> None:
    documents = _documents(1)
    summary = backup_write(directory=tmp_path / "backups")
    tampered = tmp_path / "altérée.tar.gz"
    with tarfile.open(summary.path) as original, tarfile.open(tampered, "w:gz") as copy:
        for member in original.getmembers():
            data = original.extractfile(member)
            assert data is not None
            body = data.read()
            if member.name == "media/" + documents[0].file.name:
                body = body.replace(b"pi\xc3\xa8ce 0", b"pi\xc3\xa8ce 9")
            member.size = len(body)
            copy.addfile(member, io.BytesIO(body))

    done = _manage(empty_instance, "restore", str(tampered))

    assert done.returncode != 0
    assert "altérée" in done.stderr


def test_a_file_that_is_not_a_backup_is_named_so(tmp_path: Path) -> None:
    archive = tmp_path / "autre.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        body = json.dumps({"format": "autre"}).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(body)
        tar.addfile(info, io.BytesIO(body))

    with pytest.raises(BackupError, match="Format de sauvegarde inconnu"):
        backup_restore(archive=archive)
