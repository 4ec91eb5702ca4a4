"""Helpers shared by the test suites of every app (kept here so that no test imports upwards)."""

from __future__ import annotations

from typing import Any

#: The password of every user the test fixtures create.
PASSWORD = "mot-de-passe-de-test-1"


def browser_login(page: Any, username: str, password: str = PASSWORD) -> None:
    """Log in through the login page, as a user would."""
    page.goto(page.base_url + "/compte/connexion/")
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def sample_pdf(text: str = "") -> bytes:
    """A small valid PDF of one blank A5 page (its title in the metadata), as the upload
    checks accept it."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=420, height=595)
    if text:
        writer.add_metadata({"/Title": text})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sample_image(image_format: str = "PNG", size: tuple[int, int] = (8, 6)) -> bytes:
    """A small valid PNG or JPEG image."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (31, 60, 136)).save(out, format=image_format)
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG announcing `width` × `height` pixels with no picture in it: a decompression bomb
    as an image decoder first sees it."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def build_pdf(catalog: bytes = b"", objects: tuple[bytes, ...] = (), tail: bytes = b"") -> bytes:
    """A one-page PDF written by hand, with entries added to its catalog and more objects
    (numbered from 4)."""
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        *objects,
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1,
        xref,
    )
    return bytes(out) + tail
