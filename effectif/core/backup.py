"""Backups: the database, the uploaded files and the secret key in one archive, and back.

A backup is a `.tar.gz` holding
- `database.sqlite3` (SQLite's online backup: a consistent copy while the app runs) or
  `database.pgdump` (`pg_dump --format=custom`: one consistent snapshot of PostgreSQL);
- `media/…`, every file of the default storage (local disk or object storage), read after
  the database snapshot, so that every file the snapshot names is there;
- `secret_key`, the key kept under `var/` when it is not given by the environment;
- `effectif-backup.json`, written last: the format, the date, the engine and the SHA-256 of
  every member, checked at restore.

The archive holds personal data and the secret key: it is written readable by its owner only,
and must be stored as carefully as the database itself (docs/production.md).

A restore goes into an empty instance (an empty database and an empty storage), unless forced;
it then applies the migrations of the code and reads back every file the database names.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import Storage, default_storage
from django.core.management import call_command
from django.db import connection, models
from django.utils import timezone

FORMAT = "effectif-backup"
FORMAT_VERSION = 1
MANIFEST = "effectif-backup.json"
MEDIA_PREFIX = "media/"
SECRET_KEY_MEMBER = "secret_key"
_CHUNK = 1024 * 1024


class BackupError(RuntimeError):
    """A backup or a restore that cannot go on; the message says why, in French."""


@dataclass
class BackupSummary:
    path: Path
    engine: str
    files: int
    secret_key_included: bool
    size_bytes: int


@dataclass
class FilesCheck:
    readable: int = 0
    missing: list[str] = field(default_factory=list)


@dataclass
class RestoreSummary:
    created_at: str
    engine: str
    files: int
    secret_key: str
    check: FilesCheck


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"Moteur de base de données non pris en charge : {vendor}.")
    return vendor


def _storage_names(storage: Storage, directory: str = "") -> Iterator[str]:
    """Every file of a storage, recursively (local disk and object storage alike); none when
    its folder does not exist yet (an instance where nothing was ever uploaded)."""
    try:
        folders, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for folder in sorted(folders):
        yield from _storage_names(storage, f"{directory}/{folder}" if directory else folder)


def _storage_is_empty(storage: Storage) -> bool:
    return next(_storage_names(storage), None) is None


class _Hashing(io.RawIOBase):
    """A reader that hashes what goes through it."""

    def __init__(self, source: IO[bytes]) -> None:
        self.source = source
        self.sha256 = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self.source.read(size)
        self.sha256.update(chunk)
        return chunk


def _add(tar: tarfile.TarFile, name: str, source: IO[bytes], size: int) -> str:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    reader = _Hashing(source)
    tar.addfile(info, reader)
    return reader.sha256.hexdigest()


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    db = connection.settings_dict
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    tool = command[0]
    if shutil.which(tool) is None:
        raise BackupError(f"La commande « {tool} » de PostgreSQL est introuvable sur ce serveur.")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"« {tool} » a échoué : {done.stderr.strip()[:500]}")


def _dump_database(engine: str, target: Path) -> None:
    connection.ensure_connection()
    if engine == "sqlite":
        raw: Any = connection.connection
        copy = sqlite3.connect(target)
        try:
            raw.backup(copy)
        finally:
            copy.close()
        return
    args, env = _pg_environment()
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(target),
            *args,
        ],
        env,
    )


def _secret_key_file() -> Path:
    return Path(settings.VAR_DIR) / "secret_key"


def backup_write(*, directory: Path | None = None) -> BackupSummary:
    """Write a backup archive under `directory` (EFFECTIF_BACKUP_DIR by default)."""
    engine = _engine()
    directory = Path(directory or settings.EFFECTIF_BACKUP_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    path = directory / f"effectif-sauvegarde-{stamp}.tar.gz"
    hashes: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / ("database.sqlite3" if engine == "sqlite" else "database.pgdump")
        _dump_database(engine, dump)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out, tarfile.open(fileobj=out, mode="w:gz") as tar:
            with dump.open("rb") as source:
                hashes[dump.name] = _add(tar, dump.name, source, dump.stat().st_size)
            files = 0
            for name in _storage_names(default_storage):
                with default_storage.open(name, "rb") as source:
                    member = MEDIA_PREFIX + name
                    hashes[member] = _add(tar, member, source, default_storage.size(name))
                files += 1
            key_file = _secret_key_file()
            with_key = "EFFECTIF_SECRET_KEY" not in os.environ and key_file.exists()
            if with_key:
                with key_file.open("rb") as source:
                    hashes[SECRET_KEY_MEMBER] = _add(
                        tar, SECRET_KEY_MEMBER, source, key_file.stat().st_size
                    )
            manifest = {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "created_at": timezone.now().isoformat(),
                "engine": engine,
                "files": files,
                "secret_key": "included" if with_key else "environment",
                "sha256": hashes,
            }
            body = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            _add(tar, MANIFEST, io.BytesIO(body), len(body))
    return BackupSummary(path, engine, files, with_key, path.stat().st_size)


# --- Restore ---------------------------------------------------------------------------------


def _read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = tar.extractfile(MANIFEST)
    except KeyError as error:
        raise BackupError("Ce fichier n'est pas une sauvegarde d'Effectif.") from error
    if member is None:
        raise BackupError("Ce fichier n'est pas une sauvegarde d'Effectif.")
    manifest: dict[str, Any] = json.load(member)
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise BackupError("Format de sauvegarde inconnu ou d'une autre version d'Effectif.")
    return manifest


def _extract_checked(
    tar: tarfile.TarFile, name: str, expected: str, target: IO[bytes] | None = None
) -> None:
    """Read a member, checking its SHA-256 against the manifest, into `target` if given."""
    try:
        source = tar.extractfile(name)
    except KeyError as error:
        raise BackupError(f"La sauvegarde est incomplète : {name} manque.") from error
    if source is None:
        raise BackupError(f"Membre illisible dans la sauvegarde : {name}.")
    digest = hashlib.sha256()
    while chunk := source.read(_CHUNK):
        digest.update(chunk)
        if target is not None:
            target.write(chunk)
    if digest.hexdigest() != expected:
        raise BackupError(f"La sauvegarde est altérée : l'empreinte de {name} ne correspond pas.")


def _verify_archive(tar: tarfile.TarFile, hashes: dict[str, str]) -> None:
    """Every member's SHA-256 against the manifest, before anything is written."""
    for name, expected in hashes.items():
        _extract_checked(tar, name, expected)


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def _restore_database(engine: str, dump: Path, *, force: bool) -> None:
    if engine != _engine():
        raise BackupError(
            f"Cette sauvegarde vient d'une base {engine} : elle se restaure dans le même moteur."
        )
    if engine == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    connection.close()
    args, env = _pg_environment()
    clean = ["--clean", "--if-exists"] if force else []
    _run(["pg_restore", "--no-owner", "--no-privileges", *clean, *args, str(dump)], env)


def _restore_secret_key(tar: tarfile.TarFile, manifest: dict[str, Any]) -> str:
    if manifest.get("secret_key") != "included":
        return "environment"
    buffer = io.BytesIO()
    _extract_checked(tar, SECRET_KEY_MEMBER, manifest["sha256"][SECRET_KEY_MEMBER], buffer)
    key = buffer.getvalue()
    if "EFFECTIF_SECRET_KEY" in os.environ:
        same = os.environ["EFFECTIF_SECRET_KEY"].encode().strip() == key.strip()
        return "environment" if same else "differs"
    # The instance is empty (or the restore forced): its own key protects nothing yet.
    path = _secret_key_file()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(key)
    return "restored"


def backup_restore(*, archive: Path, force: bool = False) -> RestoreSummary:
    """Restore `archive` into this instance, then migrate and read back every file."""
    with tarfile.open(archive, mode="r:gz") as tar:
        manifest = _read_manifest(tar)
        hashes: dict[str, str] = manifest["sha256"]
        if not force and not (_database_is_empty() and _storage_is_empty(default_storage)):
            raise BackupError(
                "La base ou le stockage des fichiers de cette instance n'est pas vide : la "
                "restauration se fait dans une instance vide (ou avec --force, qui remplace)."
            )
        _verify_archive(tar, hashes)
        secret = _restore_secret_key(tar, manifest)
        with tempfile.TemporaryDirectory() as work:
            dump_name = next(n for n in hashes if n.startswith("database."))
            dump = Path(work) / dump_name
            with dump.open("wb") as out:
                _extract_checked(tar, dump_name, hashes[dump_name], out)
            _restore_database(manifest["engine"], dump, force=force)
        files = 0
        for name, expected in hashes.items():
            if not name.startswith(MEDIA_PREFIX):
                continue
            with tempfile.TemporaryFile() as buffer:
                _extract_checked(tar, name, expected, buffer)
                buffer.seek(0)
                stored = name[len(MEDIA_PREFIX) :]
                if default_storage.exists(stored):
                    default_storage.delete(stored)
                saved = default_storage.save(stored, File(buffer))
                if saved != stored:
                    raise BackupError(f"Le fichier {stored} n'a pas pu être restauré sous son nom.")
            files += 1
    call_command("migrate", interactive=False, verbosity=0)
    return RestoreSummary(manifest["created_at"], manifest["engine"], files, secret, files_check())


def files_check() -> FilesCheck:
    """Read back every file the database names; list those missing or unreadable."""
    check = FilesCheck()
    for model in apps.get_models():
        file_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for file_field in file_fields:
            names = (
                model._default_manager.exclude(**{file_field.name: ""})
                .exclude(**{f"{file_field.name}__isnull": True})
                .values_list(file_field.name, flat=True)
            )
            storage = file_field.storage
            for name in names.iterator():
                try:
                    with storage.open(name, "rb") as handle:
                        while handle.read(_CHUNK):
                            pass
                    check.readable += 1
                except OSError:
                    check.missing.append(f"{model._meta.label}.{file_field.name} : {name}")
    return check
