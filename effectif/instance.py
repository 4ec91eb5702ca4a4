"""This installation's own state: its folder (`var/`, or `EFFECTIF_VAR_DIR`) and secret key.

Importing this module or the settings writes nothing (the type checker and the tests import
them). `prepare()` creates the folders and, when the environment gives no key, the key kept in
`var/secret_key`; the entry points that run the instance call it before Django reads its
settings: `manage.py` (every command, `serve` and `db_worker` included), `effectif.wsgi` and
`effectif.asgi`.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("EFFECTIF_VAR_DIR", BASE_DIR / "var"))
STATIC_ROOT = VAR_DIR / "static"
SECRET_KEY_FILE = VAR_DIR / "secret_key"


def secret_key() -> str:
    """The key of `EFFECTIF_SECRET_KEY`, else the one kept in `var/secret_key`; in a process
    that did not prepare the instance and finds neither, a key of its own, never written."""
    if key := os.environ.get("EFFECTIF_SECRET_KEY"):
        return key
    try:
        return SECRET_KEY_FILE.read_text().strip()
    except FileNotFoundError:
        return secrets.token_urlsafe(50)


def prepare() -> None:
    """Create `var/` and its static folder, and the secret key once when the environment gives
    none (readable by its owner only)."""
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("EFFECTIF_SECRET_KEY") and not SECRET_KEY_FILE.exists():
        SECRET_KEY_FILE.write_text(secrets.token_urlsafe(50))
        SECRET_KEY_FILE.chmod(0o600)
