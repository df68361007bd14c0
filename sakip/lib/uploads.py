"""Uploaded spreadsheets kept between the preview and the confirmation of an import."""

from __future__ import annotations

import re
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

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
