"""A PDF checked whole: it must parse and carry no active content."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from effectif.core.uploads.kinds import ACTIVE_ACTIONS, ACTIVE_KEYS, MAX_PDF_OBJECTS, refused


class _TooManyObjects(Exception):
    pass


def _active_in(objects: Iterator[Any]) -> str | None:
    """The first active element among PDF objects (each dictionary and array walked without
    following references: every indirect object comes on its own)."""
    from pypdf.generic import ArrayObject, DictionaryObject

    seen = 0
    for obj in objects:
        stack = [obj]
        while stack:
            seen += 1
            if seen > MAX_PDF_OBJECTS:
                raise _TooManyObjects
            item = stack.pop()
            if isinstance(item, DictionaryObject):
                for key, inner in item.items():
                    if key in ACTIVE_KEYS:
                        return str(key)
                    if key == "/S" and inner in ACTIVE_ACTIONS:
                        return str(inner)
                    if key == "/URI" and str(inner).strip().lower().startswith("javascript:"):
                        return "/URI javascript:"
                    stack.append(inner)
            elif isinstance(item, ArrayObject):
                stack.extend(item)
    return None


def _pdf_objects(reader: Any) -> Iterator[Any]:
    from pypdf.generic import IndirectObject

    yield reader.trailer
    for generation, numbers in reader.xref.items():
        for number in numbers:
            yield reader.get_object(IndirectObject(number, generation, reader))
    for number in reader.xref_objStm:
        yield reader.get_object(number)


def check_pdf(data: bytes, field: str) -> None:
    from pypdf import PdfReader

    unreadable = _(
        "Ce fichier PDF est illisible ou endommagé : enregistrez-le de nouveau en PDF et "
        "déposez-le à nouveau."
    )
    active = _(
        "Ce PDF contient du contenu actif (JavaScript, formulaire dynamique ou fichier joint) : "
        "enregistrez-le en PDF simple et déposez-le à nouveau."
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pypdf warns of every oddity it repairs
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise refused(
                    field,
                    _(
                        "Ce PDF est protégé par un mot de passe : enregistrez-le sans protection "
                        "et déposez-le à nouveau."
                    ),
                )
            if len(reader.pages) == 0:
                raise refused(field, unreadable)
            if _active_in(_pdf_objects(reader)):
                raise refused(field, active)
    except ValidationError:
        raise
    except Exception as error:  # a malformed file can fail the parser in any way: refused
        raise refused(field, unreadable) from error
