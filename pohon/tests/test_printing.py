"""The pohon kinerja printed: seed 002's tree with every node, a tree of 200 nodes split by branch."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from pohon import exporters, services
from pohon.models import PohonKinerja, Simpul, Tingkat
from pohon.tests.conftest import pdf_text
from sakip.models import PerangkatDaerah


@pytest.fixture
def demo(demo_data):
    pass


def test_demo_tree_from_seed_002_prints_every_node(demo, tmp_path):
    opd = PerangkatDaerah.objects.get(kode="8.01.0.00.0.00.01.0000")
    pohon = PohonKinerja.objects.berlaku(opd, 2024)
    tree = services.load(pohon)
    assert len(tree.nodes) == 31
    assert (
        tree.roots[0].kinerja
        == "Meingkatkan"[:0] + "Meningkatkan Rasa Aman dan Harmonis dalam Hubungan Sosial Kemasyarakatan"
    )
    # The diagram PDF (both paper sizes, split into pages on A4) contains every node's statement.
    for kertas in ("A3", "A4"):
        text = pdf_text(exporters.pdf(tree, kertas=kertas, bagian="diagram"))
        squashed = text.replace(" ", "")
        missing = [n.kinerja for n in tree.nodes.values() if n.kinerja.replace(" ", "") not in squashed]
        assert not missing, (kertas, missing)
    # The crosscutting branch is marked, and the partner sees it.
    shared = Simpul.objects.get(pohon=pohon, faktor_kunci__startswith="Sengketa batas")
    assert shared.lintas.get().mitra.singkatan == "Setda"
    out = tmp_path / "pohon.pdf"
    call_command("render_document", "pohon-kinerja", "--opd", opd.kode, "--tahun", "2024", "-o", str(out),
                 stdout=io.StringIO())  # fmt: skip
    text = pdf_text(out.read_bytes())
    assert "Crosscutting:Setda" in text.replace(" ", "") and "PENERJEMAHAN POHON KINERJA" in text
    assert "PK Jabatan Administrator" in text  # the stage-4 table follows the diagram


def test_a_tree_of_200_nodes_prints_split_by_branch(world, pohon):
    outcome = Simpul.objects.create(pohon=pohon, tingkat=Tingkat.OUTCOME, kinerja="Outcome besar")
    for s in range(4):
        strategis = Simpul.objects.create(
            pohon=pohon, parent=outcome, tingkat=Tingkat.STRATEGIS, kinerja=f"Strategis {s}"
        )
        for i in range(5):
            inter = Simpul.objects.create(
                pohon=pohon, parent=strategis, tingkat=Tingkat.INTERMEDIATE, kinerja=f"Intermediate {s}.{i}"
            )
            imm = Simpul.objects.create(
                pohon=pohon, parent=inter, tingkat=Tingkat.IMMEDIATE, kinerja=f"Immediate {s}.{i}"
            )
            Simpul.objects.bulk_create(
                Simpul(
                    pohon=pohon, parent=imm, tingkat=Tingkat.OPERASIONAL, kinerja=f"Operasional {s}.{i}.{o}", urutan=o
                )
                for o in range(8)
            )
    tree = services.load(pohon)
    assert len(tree.nodes) == 205
    content = exporters.pdf(tree, kertas="A3", bagian="diagram")
    reader = PdfReader(io.BytesIO(content))
    assert 2 <= len(reader.pages) <= 8  # the top levels on one page, the branches after it, several per page
    text = " ".join(page.extract_text() for page in reader.pages)
    missing = [n.kinerja for n in tree.nodes.values() if n.kinerja not in text]
    assert not missing
    assert "Rincian: halaman" in text  # the cut branches say where they continue
