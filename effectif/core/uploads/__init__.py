"""Uploaded files, checked on the way in and served on the way out, in one place.

On the way in (`check_upload`), a file is judged by its whole content, never by its name:

- its size first, from what the request said, before anything is read;
- a PDF must parse (pypdf) and have pages, and carries no active content: JavaScript,
  automatic actions, launched programs, embedded files, rich media or XFA forms;
- an image (PNG, JPEG) must decode entirely (Pillow), within `EFFECTIF_MAX_IMAGE_PIXELS`
  pixels (a « decompression bomb » is refused, never decoded); it is then **re-encoded**: what
  is stored is its pixels alone, in the same format, turned the way it is shown, without its
  metadata (GPS position, comments) nor anything hidden after its end — a photo taken with a
  phone that appends a second picture or a video is still accepted;
- a PDF or an image holding HTML or script markup (a « polyglot » a browser could take for a
  page) is refused;
- Word (.doc, .docx) and OpenDocument (.odt) files are recognised by their structure; nothing
  in them is executed or extracted.

On the way out (`file_response`), every uploaded file is served with a Content-Security-Policy
that forbids everything (`default-src 'none'; sandbox`) and `nosniff`, as an attachment unless
the caller shows a checked PDF or image in the browser; a file missing from the storage gives
a French 404 page, not a server error.
"""

from effectif.core.uploads.checking import check_document, check_upload
from effectif.core.uploads.handlers import (
    OversizeUpload,
    SizeLimitedUploadHandler,
    read_multipart_from_stream,
)
from effectif.core.uploads.images import decoded_image
from effectif.core.uploads.kinds import CONTENT_TYPES, KINDS, UPLOAD_CONTENT_SECURITY_POLICY
from effectif.core.uploads.serving import file_response, missing_file_response

__all__ = [
    "CONTENT_TYPES",
    "KINDS",
    "UPLOAD_CONTENT_SECURITY_POLICY",
    "OversizeUpload",
    "SizeLimitedUploadHandler",
    "check_document",
    "check_upload",
    "decoded_image",
    "file_response",
    "missing_file_response",
    "read_multipart_from_stream",
]
