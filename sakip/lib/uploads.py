"""Uploads: spreadsheets kept between the preview and the confirmation of an import, and the logo check."""

from __future__ import annotations

import hashlib
import re
import time
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

IMPORT_DIR = "imports"


def upload_path(token: str) -> Path | None:
    if not re.fullmatch(r"[0-9a-f]{32}", token or ""):
        return None
    return Path(settings.MEDIA_ROOT) / IMPORT_DIR / f"{token}.xlsx"


def keep_upload(upload: UploadedFile) -> str:
    """Keep the uploaded file until the user confirms (or a day passes); returns its token."""
    folder = Path(settings.MEDIA_ROOT) / IMPORT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.xlsx"):
        if old.stat().st_mtime < time.time() - 24 * 3600:
            old.unlink(missing_ok=True)
    token = uuid.uuid4().hex
    with open(folder / f"{token}.xlsx", "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return token


def sha256_of(fileobj: Any) -> str:
    """The SHA-256 of an uploaded file, an open binary file or a path (an open file is read from its start and
    left at its start), named in an import's audit entry."""
    if isinstance(fileobj, str | Path):
        with open(fileobj, "rb") as handle:
            return sha256_of(handle)
    digest = hashlib.sha256()
    chunks = fileobj.chunks() if hasattr(fileobj, "chunks") else iter(lambda: fileobj.read(1 << 20), b"")
    if hasattr(fileobj, "seek"):
        fileobj.seek(0)
    for chunk in chunks:
        digest.update(chunk)
    if hasattr(fileobj, "seek"):
        fileobj.seek(0)
    return digest.hexdigest()


#: a letterhead logo: small on paper, so a few megapixels are plenty; a larger image (or a decompression bomb
#: that unpacks to hundreds of megapixels) would be decoded into memory every time a document is printed
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 4000 * 4000


def validate_logo(image: Any) -> None:
    """Refuse a logo over 2 MB or 16 megapixels, reading only the image's header."""
    if image.size > LOGO_MAX_BYTES:
        raise ValidationError(_("Logo terlalu besar: paling banyak 2 MB."))
    width, height = getattr(image, "width", 0) or 0, getattr(image, "height", 0) or 0
    if width * height > LOGO_MAX_PIXELS:
        raise ValidationError(
            _("Logo terlalu besar: %(w)s × %(h)s piksel, paling banyak 16 megapiksel.") % {"w": width, "h": height}
        )
