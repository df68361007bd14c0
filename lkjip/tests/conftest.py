"""Fixtures and helpers shared by the document tests: the demo, its two OPD, a PDF's text."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from sakip.models import PerangkatDaerah

BLITAR = "8.01.0.00.0.00.02.0000"
BALANGAN = "8.01.0.00.0.00.01.0000"


def pdf_text(content: bytes) -> str:
    """A PDF's text, whitespace folded: what a reader of the document sees."""
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def demo(demo_data):
    pass


def opd_by_kode(kode):
    """An OPD of the demo by its code (BLITAR, BALANGAN)."""
    return PerangkatDaerah.objects.select_related("pemda").get(kode=kode)
