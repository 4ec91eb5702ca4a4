"""Django settings for Effectif.

Wiring only: every value that differs between installations comes from the environment.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.utils.translation import gettext_lazy as _

from effectif import instance

# Generic Django classes (ModelForm[Employer], QuerySet[Employee]) are subscriptable at runtime.
django_stubs_ext.monkeypatch()

BASE_DIR = instance.BASE_DIR
# Importing the settings writes nothing: `var/` and the secret key kept there are created by
# `effectif.instance.prepare()`, called by manage.py, wsgi and asgi.
VAR_DIR = instance.VAR_DIR


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


# From the environment, or generated once and kept under var/ (docs/production.md).
SECRET_KEY = instance.secret_key()
DEBUG = _env_bool("EFFECTIF_DEBUG", False)
ALLOWED_HOSTS = os.environ.get("EFFECTIF_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(
    ","
)
CSRF_TRUSTED_ORIGINS = [
    origin for origin in os.environ.get("EFFECTIF_CSRF_TRUSTED_ORIGINS", "").split(",") if origin
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "effectif.core.staticfiles.StaticFilesConfig",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "effectif.core",
    "effectif.accounts",
    "effectif.organisation",
    "effectif.employees",
    "effectif.contracts",
    "effectif.timekeeping",
    "effectif.documents",
    "effectif.leave",
    "effectif.planning",
    "effectif.hiring",
    "effectif.health",
    "effectif.departures",
    "effectif.register",
    "effectif.travel",
    "effectif.budgets",
    "effectif.payroll",
    "effectif.api",
    "effectif.imports",
    "effectif.privacy",
    "effectif.dashboards",
    "effectif.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "effectif.core.headers.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed (static files come precompressed from WhiteNoise, above). Django's
    # GZipMiddleware pads each response at random against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "effectif.core.headers.SessionRefreshMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "effectif.core.bad_input.BadInputMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "effectif.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "effectif.core.middleware.RequestContextMiddleware",
]

ROOT_URLCONF = "effectif.urls"
WSGI_APPLICATION = "effectif.wsgi.application"
ASGI_APPLICATION = "effectif.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "effectif" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "effectif.core.context_processors.navigation",
            ],
        },
    },
]

# PostgreSQL connections are kept EFFECTIF_DB_CONN_MAX_AGE seconds (0: one per request).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'effectif.sqlite3'}"),
        conn_max_age=int(os.environ.get("EFFECTIF_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboards:home"
LOGOUT_REDIRECT_URL = "accounts:login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions expire after inactivity; the browser closing ends them too. The expiry is pushed
# back at most every EFFECTIF_SESSION_REFRESH_SECONDS (SessionRefreshMiddleware), not by a
# write of the session on every request.
SESSION_COOKIE_AGE = int(os.environ.get("EFFECTIF_SESSION_SECONDS", str(60 * 60 * 2)))
SESSION_SAVE_EVERY_REQUEST = False
EFFECTIF_SESSION_REFRESH_SECONDS = int(os.environ.get("EFFECTIF_SESSION_REFRESH_SECONDS", "300"))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "effectif.core.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Served over HTTPS behind a TLS reverse proxy (docs/production.md): one switch for secure
# cookies, the redirect to HTTPS and HSTS, each of which can still be set on its own.
EFFECTIF_HTTPS = _env_bool("EFFECTIF_HTTPS", False)
SESSION_COOKIE_SECURE = _env_bool("EFFECTIF_SECURE_COOKIES", EFFECTIF_HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = _env_bool("EFFECTIF_SSL_REDIRECT", EFFECTIF_HTTPS)
SECURE_HSTS_SECONDS = int(
    os.environ.get("EFFECTIF_HSTS_SECONDS", str(60 * 60 * 24 * 365) if EFFECTIF_HTTPS else "0")
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("EFFECTIF_HSTS_INCLUDE_SUBDOMAINS", EFFECTIF_HTTPS)
SECURE_HSTS_PRELOAD = _env_bool("EFFECTIF_HSTS_PRELOAD", EFFECTIF_HTTPS)
if EFFECTIF_HTTPS:
    # The proxy terminates TLS and says so; it must overwrite this header from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The Content-Security-Policy of every page (effectif.core.headers): scripts and styles from
# this site only (no inline script); a view may set a stricter one (uploaded files).
EFFECTIF_CONTENT_SECURITY_POLICY = os.environ.get(
    "EFFECTIF_CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)

# Login throttling: failures per username and per address within the window (the second
# factor's wrong codes are counted per user with the per-username limit).
EFFECTIF_LOGIN_MAX_FAILURES = int(os.environ.get("EFFECTIF_LOGIN_MAX_FAILURES", "5"))
EFFECTIF_LOGIN_MAX_FAILURES_PER_ADDRESS = int(
    os.environ.get("EFFECTIF_LOGIN_MAX_FAILURES_PER_ADDRESS", "20")
)
EFFECTIF_LOGIN_LOCKOUT_SECONDS = int(os.environ.get("EFFECTIF_LOGIN_LOCKOUT_SECONDS", "900"))
# The client address behind a reverse proxy: the header it writes (X-Forwarded-For,
# X-Real-IP; empty: the connection's address) and how many proxies append to it.
EFFECTIF_TRUSTED_PROXY_HEADER = os.environ.get("EFFECTIF_TRUSTED_PROXY_HEADER", "")
EFFECTIF_TRUSTED_PROXY_COUNT = int(os.environ.get("EFFECTIF_TRUSTED_PROXY_COUNT", "1"))
# The second factor (TOTP) is optional; these roles can be made to require it.
EFFECTIF_TOTP_REQUIRED_ROLES = [
    role for role in os.environ.get("EFFECTIF_TOTP_REQUIRED_ROLES", "").split(",") if role
]
# Bearer tokens of the API.
EFFECTIF_API_TOKEN_HOURS = int(os.environ.get("EFFECTIF_API_TOKEN_HOURS", "12"))

LANGUAGE_CODE = "fr-fr"
# French only until another catalogue exists: offering "en" made English browsers get Django's
# own messages (« This field is required. ») in English amid French pages.
LANGUAGES = [("fr", _("Français"))]
LOCALE_PATHS = [BASE_DIR / "effectif" / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = instance.STATIC_ROOT
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [BASE_DIR / "effectif" / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "effectif.core.staticfiles.VendorFinder",
]
# The files the pages load from each front-end library (node_modules/, from package.json).
EFFECTIF_VENDOR_STATIC = {
    "vendor/bootstrap": (
        "bootstrap/dist",
        [
            "css/bootstrap.min.css",
            "css/bootstrap.min.css.map",
            "js/bootstrap.bundle.min.js",
            "js/bootstrap.bundle.min.js.map",
        ],
    ),
    "vendor/bootstrap-icons": (
        "bootstrap-icons/font",
        ["bootstrap-icons.min.css", "fonts/bootstrap-icons.woff2", "fonts/bootstrap-icons.woff"],
    ),
    "vendor/htmx": ("htmx.org/dist", ["htmx.min.js"]),
    "vendor/chart.js": ("chart.js/dist", ["chart.umd.min.js", "chart.umd.min.js.map"]),
}

# Static files: collected under var/static with hashed names, precompressed (gzip and
# Brotli) and cached for a year by browsers (WhiteNoise). `make run` and `make serve` collect
# them; the test suite, which does not, uses the plain storage (effectif/conftest.py).
STATICFILES_STORAGE_BACKEND = (
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
    if _env_bool("EFFECTIF_STATIC_MANIFEST", True)
    else "django.contrib.staticfiles.storage.StaticFilesStorage"
)


def _media_storage() -> dict[str, object]:
    """Uploaded files on local disk under var/media, or in S3-compatible object storage."""
    if os.environ.get("EFFECTIF_MEDIA_STORAGE", "local") != "s3":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": os.environ["EFFECTIF_S3_BUCKET"],
        "endpoint_url": os.environ.get("EFFECTIF_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("EFFECTIF_S3_REGION") or None,
        "access_key": os.environ.get("EFFECTIF_S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("EFFECTIF_S3_SECRET_ACCESS_KEY") or None,
        "location": os.environ.get("EFFECTIF_S3_PREFIX", ""),
        # Personal data: private objects, never public URLs; Effectif serves every file.
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    "default": _media_storage(),
    "staticfiles": {"BACKEND": STATICFILES_STORAGE_BACKEND},
}
# Without collected files (development, tests), WhiteNoise serves them from their sources.
WHITENOISE_USE_FINDERS = _env_bool(
    "EFFECTIF_STATIC_FINDERS",
    STATICFILES_STORAGE_BACKEND.endswith(".StaticFilesStorage"),
)
WHITENOISE_AUTOREFRESH = DEBUG
# Source maps are for developers' tools: served, not precompressed (it took most of the time).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    "jpg",
    "jpeg",
    "png",
    "gif",
    "webp",
    "zip",
    "gz",
    "tgz",
    "bz2",
    "tbz",
    "xz",
    "br",
    "swf",
    "flv",
    "woff",
    "woff2",
    "3gp",
    "3gpp",
    "asf",
    "avi",
    "m4v",
    "mov",
    "mp4",
    "mpeg",
    "mpg",
    "webm",
    "wmv",
    "map",
]
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
EFFECTIF_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# Uploads (effectif/core/uploads/): past EFFECTIF_MAX_UPLOAD_BYTES a file is read from the
# request but kept neither in memory nor on disk, and refused; images are decoded within
# EFFECTIF_MAX_IMAGE_PIXELS pixels (a decompression bomb is refused).
EFFECTIF_MAX_UPLOAD_BYTES = int(
    os.environ.get("EFFECTIF_MAX_UPLOAD_BYTES", str(2 * EFFECTIF_MAX_DOCUMENT_BYTES))
)
EFFECTIF_MAX_IMAGE_PIXELS = int(os.environ.get("EFFECTIF_MAX_IMAGE_PIXELS", "40000000"))
FILE_UPLOAD_HANDLERS = [
    "effectif.core.uploads.SizeLimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Document templates written by HR (effectif/documents/sandbox.py): loop turns and size of
# the rendered document are bounded.
EFFECTIF_TEMPLATE_MAX_LOOP_ITERATIONS = int(
    os.environ.get("EFFECTIF_TEMPLATE_MAX_LOOP_ITERATIONS", "20000")
)
EFFECTIF_TEMPLATE_MAX_OUTPUT_BYTES = int(
    os.environ.get("EFFECTIF_TEMPLATE_MAX_OUTPUT_BYTES", str(2 * 1024 * 1024))
)
# Where `manage.py backup` writes its archives (docs/production.md).
EFFECTIF_BACKUP_DIR = Path(os.environ.get("EFFECTIF_BACKUP_DIR", VAR_DIR / "backups"))

EMAIL_BACKEND = os.environ.get(
    "EFFECTIF_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("EFFECTIF_FROM_EMAIL", "effectif@localhost")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("EFFECTIF_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
