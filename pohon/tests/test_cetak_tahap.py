"""Seed 002's stages 1–3 printed in the pohon kinerja PDF, before the tree: the outcome with what it comes from
(mandat, permasalahan, ekspektasi), the CSF of each strategic condition, and each condition's breakdown."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from pohon import exporters, services
from pohon.models import PohonKinerja
from sakip.models import PerangkatDaerah


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def tree(demo_data):
    opd = PerangkatDaerah.objects.get(kode="8.01.0.00.0.00.01.0000")
    return services.load(PohonKinerja.objects.berlaku(opd, 2024))


def test_stages_1_to_3_print_before_the_tree(tree):
    text = _text(exporters.pdf(tree, kertas="A4"))
    order = [
        "Tahap 1 Menentukan Outcome",
        "Mandat/Tugas dan Fungsi",
        "UU Nomor 23 Tahun 2014",
        "Permasalahan yang dihadapi",
        "Konflik Sosial",
        "Ekspektasi",
        "Masyarakat mengharapkan terpeliharanya kondisi damai",
        "Meningkatkan Rasa Aman dan Harmonis dalam Hubungan Sosial Kemasyarakatan",
        "Tahap 2 Identifikasi CSF",
        "Munculnya potensi konflik yang berkaitan dengan Politik",
        "Sengketa batas wilayah desa",
        "Tahap 3 Uraian CSF",
        "Meningkatnya kewaspadaan masyarakat dan fasilitasi penanganan konflik sosial",
        "kondisi antara utama",
        "kondisi operasional",
        "POHON KINERJA",
    ]
    at = 0
    for label in order:
        assert label in text[at:], label
        at = text.index(label, at)
    # The diagram alone prints none of it.
    assert "Tahap 2" not in _text(exporters.pdf(tree, kertas="A4", bagian="diagram"))


def test_stage_tables_follow_the_tree(tree):
    (csf,) = services.tabel_tahap2(tree)
    rows = [[c.shown for c in b.cells] for b in csf.rows]
    assert len(rows) == len(tree.roots[0].anak)
    assert rows[0][2] == tree.roots[0].anak[0].kinerja
    tahap3 = services.tabel_tahap3(tree)
    strategis = tree.roots[0].anak
    below = len(tree.nodes) - 1 - len(strategis)
    # A CSF with nothing under it yet still has its row (empty), as the planner must still break it down.
    assert len(tahap3.rows) == below + sum(1 for n in strategis if not n.anak)
    first = tahap3.rows[0].cells[0]
    assert first.shown == tree.roots[0].anak[0].kinerja and first.rowspan > 1
    # A CSF typed in the builder shows at the next printing.
    node = tree.roots[0].anak[1]
    node.faktor_kunci = "Rendahnya partisipasi pemilih"
    node.save()
    text = _text(exporters.pdf(services.load(tree.pohon), kertas="A4"))
    assert "Rendahnya partisipasi pemilih" in text
