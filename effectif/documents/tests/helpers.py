"""What the tests of documents share: reading back a PDF's text, a tiny valid PNG."""

from __future__ import annotations

import io
import shutil
import subprocess

from PIL import Image


def pdf_text(data: bytes) -> str | None:
    """The text of a PDF, by pypdf or poppler's pdftotext when either is installed; None when
    neither is (the tests then check the PDF's structure only)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        pass
    else:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    if shutil.which("pdftotext"):
        done = subprocess.run(
            ["pdftotext", "-", "-"], input=data, capture_output=True, check=True, timeout=60
        )
        return done.stdout.decode("utf-8")
    return None


def assert_pdf(data: bytes, *expected: str) -> None:
    """A well-formed, non-empty PDF containing each expected text (when it can be read)."""
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert b"startxref" in data
    assert len(data) > 2000
    text = pdf_text(data)
    if text is not None:
        flat = " ".join(text.split())
        for fragment in expected:
            assert fragment in flat, f"{fragment!r} not in the PDF's text"


def png_bytes(size: tuple[int, int] = (120, 40), colour: str = "#1f3c88") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()
