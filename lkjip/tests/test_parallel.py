"""A long document printed in parts by several processes reads as one: page numbers, header, contents."""

from __future__ import annotations

import io
import re
import subprocess
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from decimal import Decimal

import pytest
from pypdf import PdfReader

from lkjip import parallel, render, services
from lkjip.isi import Blok
from renstra import services as renstra_services
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.lib.tabel import Baris, Kepala, Sel, Tabel


def _pages(content: bytes, tmp_path) -> list[str]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    count = len(PdfReader(io.BytesIO(content)).pages)
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]


@pytest.fixture
def plan(world):
    versi = generate_plan(
        make_versi(world.opd_a, make_periode(world.pemda)),
        programs=3,
        kegiatan_per_program=2,
        sub_per_kegiatan=4,
        indicators_per_element=2,
    )
    renstra_services.tetapkan(versi, berlaku_mulai=2021, actor=None)
    return versi


def _reads_as_one(isi, content: bytes, count: int, tmp_path) -> None:
    """The front matter numbered i, ii, …, the chapters 1, 2, … under the document's name; the contents
    give and link the page of each table; the outline lists the chapters."""
    pages = _pages(content, tmp_path)
    assert count == len(pages)
    lines = [[line.strip() for line in text.splitlines() if line.strip()] for text in pages]
    footers = [page[-1] for page in lines]
    start = footers.index("1")  # the first page of Bab I
    assert footers[1:] == [parallel.roman(n) for n in range(1, start)] + [str(n) for n in range(1, count - start + 1)]
    assert all(page[0] == f"Rencana Strategis {isi.opd.nama} Tahun 2021–2026" for page in lines[1:])
    contents = "\n".join(pages[1:start])
    targets = {}
    for table in isi.tables:
        label = r"\s+".join(map(re.escape, table.label.split()))  # a long title wraps in the contents
        found = re.search(rf"{label}\s*(\d+)\s*$", contents, re.M)
        assert found, table.label
        page = start + int(found.group(1)) - 1
        assert f"Tabel {table.nomor} " in pages[page], table.label
        targets[page] = table.label
    toc = next(n for n, page in enumerate(lines) if page[1] == "DAFTAR ISI")
    assert re.search(rf"^DAFTAR ISI\s+{footers[toc]}$", contents, re.M)  # the contents list themselves
    reader = PdfReader(io.BytesIO(content))
    number_of = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    linked = {
        number_of[annot.get_object()["/Dest"][0].idnum]
        for page in reader.pages[1:start]
        for annot in page.get("/Annots", [])
        if "/Dest" in annot.get_object()
    }
    assert set(targets) <= linked
    chapters = [f"{b.nomor} {b.judul}" for b in isi.blok if b.jenis == "bab" and b.nomor]
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[titles.index(chapters[0]) :] == chapters


def test_a_document_printed_in_parts_reads_as_one(plan, settings, tmp_path):
    settings.PRINT_WORKERS, settings.PRINT_PARALLEL_MIN = 2, 0
    isi = render.build(services.renstra(plan))
    body = isi.halaman[parallel.toc_position(isi.halaman) :]
    pieces = parallel.split(body, parallel.cut_points(body, 2))
    # The plan is mostly T-C.27: the second part starts inside it, at a plan element's first row.
    continued = [b.tabel for b in pieces[1][0] if b.jenis == "tabel" and b.tabel.continued]
    assert continued and continued[0].key == "tc27"
    parallel.last_run.clear()
    content, count = render.pdf(isi)
    assert len(parallel.last_run["parts"]) == 2
    _reads_as_one(isi, content, count, tmp_path)
    # Every row of T-C.27 is there.
    text = "\n".join(_pages(content, tmp_path))
    plan_nodes = renstra_services.load_plan(plan).nodes.values()
    codes = [n.elemen.kode for n in plan_nodes if n.elemen.level == "sub_kegiatan"]
    assert len(codes) == 24 and all(f"{kode} (2)" in text for kode in codes)


def test_a_short_document_prints_in_one_piece_the_same_way(plan, settings, tmp_path):
    settings.PRINT_WORKERS, settings.PRINT_PARALLEL_MIN = 2, 10**9
    isi = render.build(services.renstra(plan))
    parallel.last_run.clear()
    content, count = render.pdf(isi)
    assert not parallel.last_run  # no worker was asked
    _reads_as_one(isi, content, count, tmp_path)


def test_a_worker_that_dies_means_printing_here(plan, settings, monkeypatch, tmp_path):
    settings.PRINT_WORKERS, settings.PRINT_PARALLEL_MIN = 2, 0

    class Dead:
        def submit(self, *args, **kwargs):
            future = Future()
            future.set_exception(BrokenProcessPool("killed"))
            return future

    monkeypatch.setattr(parallel, "pool", Dead)
    monkeypatch.setattr(parallel, "_reset_pool", lambda: None)
    isi = render.build(services.renstra(plan))
    content, count = render.pdf(isi)
    _reads_as_one(isi, content, count, tmp_path)


def _tabel(rows: int, *, element: tuple[int, int] | None = None) -> Tabel:
    """A table whose first cell (the tujuan) spans every row; ``element``: rows first–last are one plan
    element's (no part starts inside)."""
    t = Tabel("t", "1.1", "Uji", [[Kepala("Tujuan"), Kepala("Uraian"), Kepala("Nilai")]], note="Sumber: uji")
    for i in range(rows):
        t.rows.append(Baris([Sel("Tujuan" if i == 0 else ""), Sel(f"baris {i}"), Sel(Decimal(i))]))
    t.merge_down(0, [0], keep_together=False)
    if element:
        t.merge_down(element[0], [1], last=element[1])
    return t


def test_a_piece_of_a_table_reopens_the_cells_merged_across_the_cut():
    t = _tabel(6, element=(2, 5))
    first, second = t.slice(0, 3), t.slice(3, 6)
    assert first.rows[0].cells[0].rowspan == 3 and not first.continued and first.note == ""
    assert first.rows[2].cells[1].rowspan == 1  # the element's cell ends with the piece
    assert second.continued and second.note == "Sumber: uji"
    for col in (0, 1):  # reopened, empty, down to where the merge ended
        opened = second.rows[0].cells[col]
        assert not opened.covered and opened.rowspan == 3 and opened.value is None
    assert t.rows[3].cells[0].covered and t.rows[0].cells[0].rowspan == 6  # the whole table is untouched
    assert first.widths == second.widths == t.column_widths


def test_parts_begin_where_a_reader_notices_least():
    def bab(nomor):
        return Blok("bab", nomor=nomor, judul=nomor)

    # Two chapters of the same length: the second part begins with the second chapter.
    runs = [[bab("I"), Blok("narasi", html="x" * 4000)], [bab("II"), Blok("narasi", html="x" * 4000)]]
    assert parallel.cut_points(runs, 2) == [(1, 0, 0)]
    # A long table: cut at a row near the middle, but not inside a plan element's rows (150–250).
    table = _tabel(400, element=(150, 250))
    runs = [[bab("I"), Blok("narasi", html="x" * 400)], [bab("II"), Blok("tabel", tabel=table)]]
    assert parallel.cut_points(runs, 2) == [(1, 1, 150)]
    pieces = parallel.split(runs, [(1, 1, 150)])
    assert [len(b.tabel.rows) for b in pieces[0][1][1:]] == [150]
    assert [len(b.tabel.rows) for b in pieces[1][0]] == [250]
