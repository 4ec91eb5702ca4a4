"""Importing the settings has no side effect; the entry points prepare the instance's folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def _python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`code` in a fresh interpreter whose var/ would be `tmp_path/var`, run from `tmp_path`."""
    env = {
        **os.environ,
        "EFFECTIF_VAR_DIR": str(tmp_path / "var"),
        "PYTHONPATH": str(BASE_DIR),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("EFFECTIF_SECRET_KEY", None)
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def test_importing_the_settings_writes_no_file(tmp_path: Path) -> None:
    done = _python(
        "import effectif.settings as s; assert len(s.SECRET_KEY) >= 50; print(s.VAR_DIR)",
        tmp_path,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(tmp_path / "var")
    assert list(tmp_path.iterdir()) == []


def test_prepare_creates_the_folder_and_a_private_key_the_settings_then_read(
    tmp_path: Path,
) -> None:
    done = _python(
        "from effectif import instance; instance.prepare(); "
        "import effectif.settings as s; print(s.SECRET_KEY)",
        tmp_path,
    )

    assert done.returncode == 0, done.stderr
    key_file = tmp_path / "var" / "secret_key"
    assert done.stdout.strip() == key_file.read_text().strip()
    assert len(done.stdout.strip()) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert (tmp_path / "var" / "static").is_dir()
    again = _python("import effectif.settings as s; print(s.SECRET_KEY)", tmp_path)
    assert again.stdout == done.stdout
