"""Fixtures and helpers shared by the pohon kinerja tests: a ditetapkan plan, a tree, its nodes, the builder form."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from pohon import services
from pohon.models import IndikatorSimpul, PohonKinerja, Simpul
from renstra.testing import make_periode, make_versi
from sakip.testing import PASSWORD


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def plan(world):
    periode = make_periode(world.pemda)
    versi = make_versi(world.opd_a, periode)
    return versi


@pytest.fixture
def pohon(world, plan):
    return PohonKinerja.objects.create(opd=world.opd_a, periode=plan.renstra.periode, tahun_berlaku=2022, versi=plan)


def make_node(pohon, tingkat, kinerja, parent=None, indikator=None, **fields):
    node = services.save_simpul(Simpul(pohon=pohon, parent=parent, tingkat=tingkat, kinerja=kinerja, **fields))
    if indikator:
        IndikatorSimpul.objects.create(simpul=node, uraian=indikator, urutan=1)
    return node


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def form_data(tingkat, kinerja, indicators=(), **extra):
    data = {
        "tingkat": tingkat,
        "kinerja": kinerja,
        "faktor_kunci": "",
        "jenjang": "",
        "jabatan": "",
        "catatan": "",
        "ind-TOTAL_FORMS": str(max(2, len(indicators))),
        "ind-INITIAL_FORMS": "0",
        "ind-MIN_NUM_FORMS": "0",
        "ind-MAX_NUM_FORMS": "1000",
    }
    for i, (uraian, satuan) in enumerate(indicators):
        data[f"ind-{i}-uraian"] = uraian
        data[f"ind-{i}-satuan"] = satuan
    data.update(extra)
    return data
