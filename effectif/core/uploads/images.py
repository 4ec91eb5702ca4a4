"""An image decoded whole within its pixel limit, and re-encoded to its pixels alone."""

from __future__ import annotations

import io
import warnings
from collections.abc import Collection
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from effectif.core.uploads.kinds import PNG, max_image_pixels, refused


def decoded_image(
    data: bytes, *, field: str, formats: Collection[str], mismatch: str, unreadable: str = ""
) -> Image.Image:
    """The image of `data`, decoded entirely, if Pillow reads it as one of `formats` and it
    has at most `EFFECTIF_MAX_IMAGE_PIXELS` pixels; else a French ValidationError on `field`
    (`mismatch` for another format). A decompression bomb is refused before it is decoded."""
    limit = max_image_pixels()
    Image.MAX_IMAGE_PIXELS = limit  # Pillow refuses twice as many pixels by itself
    too_big = _(
        "Cette image est trop grande (plus de %(mp)s millions de pixels) : réduisez-la ou "
        "enregistrez-la en PDF avant de la déposer."
    ) % {"mp": f"{limit / 1_000_000:g}".replace(".", ",")}
    unreadable = unreadable or _(
        "Cette image est illisible ou endommagée : enregistrez-la de nouveau (JPEG ou PNG) et "
        "déposez-la à nouveau."
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in formats:
                    raise refused(field, mismatch)
                if probe.width * probe.height > limit:
                    raise refused(field, too_big)
                probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
            return image
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise refused(field, too_big) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
        raise refused(field, unreadable) from error
    except Exception as error:  # a malformed file can fail a decoder in any way: refused
        raise refused(field, unreadable) from error


def reencoded(image: Image.Image, kind: str) -> bytes:
    """The pixels alone, in the same format, turned as the photo is meant to be seen."""
    upright = ImageOps.exif_transpose(image)
    keep: dict[str, Any] = {
        key: upright.info[key] for key in ("transparency", "icc_profile") if key in upright.info
    }
    upright.info.clear()  # nothing else of the original travels: comments, EXIF, XMP…
    for key, value in keep.items():
        upright.info[key] = value
    out = io.BytesIO()
    if kind == PNG:
        upright.save(out, format="PNG", **keep)
    else:
        if upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
        extra = {"icc_profile": keep["icc_profile"]} if "icc_profile" in keep else {}
        upright.save(out, format="JPEG", quality=90, **extra)
    return out.getvalue()
