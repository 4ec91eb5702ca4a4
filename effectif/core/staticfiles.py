"""Static files: the project's own, and the few files it uses of its front-end libraries.

The libraries come from the npm registry into `node_modules/` (package.json); their `dist/`
folders hold dozens of builds and source maps the pages never load. `VendorFinder` offers only
the files listed in `EFFECTIF_VENDOR_STATIC`, so that `collectstatic` hashes and compresses a
handful of files in seconds rather than 1,200 in a minute.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.apps import StaticFilesConfig as DjangoStaticFilesConfig
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage, Error
from django.core.files.storage import FileSystemStorage


class StaticFilesConfig(DjangoStaticFilesConfig):
    # django-htmx ships copies of htmx for its own template tag, which Effectif does not use.
    ignore_patterns = [*DjangoStaticFilesConfig.ignore_patterns, "django_htmx"]


class VendorFinder(BaseFinder):
    """The listed files of each library under `node_modules/`, at `static/<prefix>/…`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.libraries: list[tuple[str, FileSystemStorage, tuple[str, ...]]] = []
        for prefix, (folder, names) in settings.EFFECTIF_VENDOR_STATIC.items():
            storage = FileSystemStorage(location=Path(settings.NODE_MODULES) / folder)
            storage.prefix = prefix  # type: ignore[attr-defined]  # read by collectstatic
            self.libraries.append((prefix, storage, tuple(names)))

    def check(self, **kwargs: Any) -> list[CheckMessage]:
        missing = [
            f"{prefix}/{name}"
            for prefix, storage, names in self.libraries
            for name in names
            if not storage.exists(name)
        ]
        if not missing:
            return []
        return [
            Error(
                f"Fichiers des bibliothèques front-end absents : {', '.join(missing)}.",
                hint="Installez-les avec « make setup » (npm ci).",
                id="effectif.E001",
            )
        ]

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> Any:
        find_all = find_all or bool(kwargs.get("all"))
        found = []
        for prefix, storage, names in self.libraries:
            name = path.removeprefix(f"{prefix}/")
            if name != path and name in names and storage.exists(name):
                if not find_all:
                    return storage.path(name)
                found.append(storage.path(name))
        return found

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        for _prefix, storage, names in self.libraries:
            for name in names:
                if storage.exists(name):
                    yield name, storage
