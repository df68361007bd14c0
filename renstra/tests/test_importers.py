"""Excel in and out: the T-C.27 import (sample, quirks, broken files), the export, and the round trip."""

from decimal import Decimal
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from renstra import exporters, services, tabel
from renstra.importers import tc27
from renstra.models import Elemen, Indikator, Level, Pagu, RenstraVersi, Target
from renstra.samples import SAMPLE
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.lib import workbook, xlsx

YEARS = list(range(2021, 2027))


def snapshot(versi) -> list:
    """Everything T-C.27 carries, in plan order, for comparing two versions."""
    plan = services.load_plan(versi, with_targets=True)
    out = []
    for node in tabel.tc27_order(plan):
        e = node.elemen
        out.append(
            (
                node.depth if e.level != Level.PROGRAM or e.parent_id else 0,
                e.level,
                e.kode,
                e.nama,
                (e.unit_kerja.nama if e.unit_kerja else e.unit_kerja_teks) if e.level == Level.SUB_KEGIATAN else "",
                e.lokasi if e.level == Level.SUB_KEGIATAN else "",
                tuple(
                    (
                        i.uraian,
                        i.satuan,
                        i.kondisi_awal,
                        i.kondisi_akhir,
                        tuple(sorted((y, t.shown) for y, t in i.targets.items())),
                    )
                    for i in node.indikator
                ),
                tuple(sorted((y, v) for y, v in node.pagu.items() if v)) if e.level == Level.SUB_KEGIATAN else (),
            )
        )
    return out


@pytest.fixture
def demo(demo_data):
    return RenstraVersi.objects.get(renstra__opd__pemda__kode="balangan", nomor=1)


def _xlsx(rows: list[list], title_rows: int = 0) -> BytesIO:
    wb = Workbook()
    for _ in range(title_rows):
        wb.active.append(["Judul tabel"])
    for row in rows:
        wb.active.append(row)
    out = BytesIO()
    wb.save(out)
    out.seek(0)
    return out


HEADER = [
    "Kode",
    "Program/Kegiatan/Sub",
    "Indikator",
    "Kondisi Awal",
    "2021",
    None,
    "2022",
    None,
    "Kondisi akhir",
    None,
]
SUBHEADER = [None, None, None, None, "Target", "Rp", "Target", "Pagu", "Target", "Rp"]


def test_sample_workbook_imports_like_the_demo(demo):
    with open(SAMPLE, "rb") as handle:
        report = tc27.read_renstra(handle, YEARS)
    assert report.errors == []
    assert report.counts["Program"] == 5 and report.counts["Sub kegiatan"] == 37 and report.counts["Indikator"] == 52
    plan = services.load_plan(demo)
    assert report.totals == plan.total
    # The seed's quirks are read, not zeroed: "2,897,729, 010", "3 dok", two indicators in one cell.
    penunjang = report.roots[0]
    assert penunjang.kode == "1.05.01" and [i.uraian for i in penunjang.indikator] == [
        "Nilai SAKIP Perangkat Daerah",
        "Nilai IKM Perangkat Daerah",
    ]
    assert penunjang.indikator[1].targets[2021].nilai == Decimal("81.95")
    sub = next(e for e in report.flat() if e.kode == "1.05.01.2.01.01")
    assert sub.indikator[0].satuan == "dok" and sub.indikator[0].targets[2021].nilai == 3
    assert next(e for e in report.flat() if e.kode == "1.05.01.2.01.06").level == Level.SUB_KEGIATAN  # tabs
    assert any(p.text == "#REF!" and not p.error for p in report.problems)
    assert any(p.text == "JUMLAH" for p in report.warnings)


def test_import_saves_a_new_draft_with_everything(demo):
    before = Elemen.objects.count()
    with open(SAMPLE, "rb") as handle:
        report = tc27.read_renstra(handle, YEARS)
    versi = tc27.save_renstra(report, demo.renstra.opd, demo.renstra.periode)
    assert versi.nomor == 2 and versi.is_draft
    assert Elemen.objects.count() - before == 53
    assert services.load_plan(versi).total == services.load_plan(demo).total
    sub = Elemen.objects.get(versi=versi, kode="1.05.01.2.01.01")
    assert sub.unit_kerja_teks == "Kasubag Program Anggaran dan Keuangan" and sub.lokasi == "Kab. Balangan"
    assert sub.nomenklatur is not None
    ind = sub.indikator.get()
    assert ind.agregasi == Indikator.Agregasi.KUMULATIF  # 13 dok = 3 + 2 × 5
    assert Pagu.objects.get(elemen=sub, tahun=2021).jumlah == Decimal("50908000")


def test_quirky_rows(db):
    rows = [
        HEADER,
        SUBHEADER,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)"],
        ["8 01 02", "PROGRAM PENGUATAN IDEOLOGI", "Persentase konflik tertangani\nJumlah forum aktif", "90%\n2", "95%\n3", None, "N/A\n4", None, "100%\n7", None],
        ["8.01.02.2.01", "Kegiatan Perumusan Kebijakan", "Jumlah kebijakan", "-", "2 Kebijakan", None, "BB (75,3)", None, None, None],
        ["8\t01\t02\t2.01\t0003", "Pelaksanaan Kebijakan", "Jumlah orang", "", "225 peserta", "Rp 1.234.000,00", "17 orang", "2,897,729, 010", None, None],
        [None, None, "Jumlah laporan", None, "4", None, "4", None, "8", None],
        [None, "lanjutan nama yang terpotong", None, None, None, None, None, None, None, None],
    ]  # fmt: skip
    report = tc27.read_renstra(_xlsx(rows, title_rows=3), YEARS)
    assert report.errors == []
    program, kegiatan, sub = report.flat()
    assert [i.uraian for i in program.indikator] == ["Persentase konflik tertangani", "Jumlah forum aktif"]
    assert program.indikator[0].satuan == "%" and program.indikator[1].targets[2022].nilai == 4
    assert 2022 not in program.indikator[0].targets  # "N/A" is no value, not zero
    assert kegiatan.indikator[0].targets[2022].teks == "BB (75,3)"
    assert sub.kode == "8.01.02.2.01.0003" and sub.pagu == {2021: Decimal("1234000"), 2022: Decimal("2897729010")}
    assert [i.uraian for i in sub.indikator] == ["Jumlah orang", "Jumlah laporan"]
    assert sub.nama == "Pelaksanaan Kebijakan lanjutan nama yang terpotong"
    assert any("2023" in p.message for p in report.warnings)  # no column for 2023


def test_unreadable_cells_are_errors_at_row_and_column(db, world):
    rows = [
        HEADER,
        SUBHEADER,
        ["8.01.02", "Program", "Indikator", "1", "abc", None, "2", None, None, None],
        ["8.01.02.2.01", "Kegiatan", None, None, None, None, None, None, None, None],
        ["8.01.02.2.01.0003", "Sub", "Jumlah", "1", "2", "satu juta", "2", None, None, None],
        ["8.01.02.2.01.0004", None, None, None, None, None, None, None, None, None],
    ]
    report = tc27.read_renstra(_xlsx(rows), YEARS)
    found = {(p.row, p.column, p.text) for p in report.errors}
    assert (3, "2021 / Target", "abc") in found
    assert (5, "2021 / Rp", "satu juta") in found
    assert any(p.row == 6 and "Kode tanpa uraian" in p.message for p in report.errors)


def test_import_with_errors_saves_nothing(db, world):
    periode = make_periode(world.pemda)
    rows = [HEADER, SUBHEADER, ["8.01.02", "Program", "Indikator", "1", "abc", None, "2", None, None, None]]
    report = tc27.read_renstra(_xlsx(rows), YEARS)
    counts = [m.objects.count() for m in (Elemen, Indikator, Target, Pagu, RenstraVersi)]
    with pytest.raises(tc27.ImportRefused):
        tc27.save_renstra(report, world.opd_a, periode)
    assert [m.objects.count() for m in (Elemen, Indikator, Target, Pagu, RenstraVersi)] == counts


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "kosong"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "Excel lama (.xls) atau berkas yang dikunci kata sandi"),
        (b"Kode;Program\n1;2", "bukan berkas Excel .xlsx"),
        (b"PK\x03\x04 not really a zip", "rusak"),
    ],
)
def test_bad_files_get_a_clear_message(db, content, message):
    report = tc27.read_renstra(BytesIO(content), YEARS)
    assert len(report.errors) == 1 and message in report.errors[0].message


def test_empty_sheet_no_header_too_big_too_long(db):
    assert "kosong" in tc27.read_renstra(_xlsx([]), YEARS).errors[0].message
    report = tc27.read_renstra(_xlsx([["Nama", "Nilai"], ["a", 1]]), YEARS)
    assert "Baris judul tabel tidak ditemukan" in report.errors[0].message
    report = tc27.read_renstra(_xlsx([HEADER]), YEARS, size=workbook.MAX_BYTES + 1)
    assert "terlalu besar" in report.errors[0].message
    long = _xlsx([HEADER] + [["8.01.02", "Program"]] * 60)
    assert "lebih dari 50 baris" in tc27.read_renstra(long, YEARS, max_rows=50).errors[0].message


def test_export_reads_back_with_numbers_and_formats(demo):
    data = exporters.export_workbook(demo)
    wb = load_workbook(BytesIO(data))
    assert wb.sheetnames == ["T-C.25", "T-C.26", "T-C.27", "Target", "Pagu"]
    ws = wb["T-C.27"]
    assert ws.freeze_panes == "A7" and ws.print_title_rows == "$4:$6"
    assert ws.page_setup.orientation == "landscape"
    assert "H4:S4" in {str(r) for r in ws.merged_cells.ranges}  # the years group over Target/Rp
    penunjang = next(row for row in ws.iter_rows(min_row=7) if row[2].value == "1.05.01")
    rp_2021 = penunjang[8]
    assert rp_2021.value == Decimal("2897729010") or rp_2021.value == 2897729010
    assert rp_2021.data_type == "n" and rp_2021.number_format == xlsx.RUPIAH
    total = next(row for row in ws.iter_rows(min_row=7) if row[0].value == "JUMLAH")
    assert total[8].value == services.load_plan(demo).total[2021]
    pct = next(row for row in wb["Target"].iter_rows(min_row=5) if row[4].value == "%")
    assert pct[6].data_type == "n" and pct[6].number_format.endswith('"%"')


def test_tc25_and_tc26_in_excel_are_the_documents_tables(demo):
    """One definition: the plan page's T-C.25/T-C.26 sheets hold the rows the Renstra document prints,
    with targets as numbers."""
    plan = services.load_plan(demo, with_targets=True)
    wb = load_workbook(BytesIO(exporters.export_workbook(demo, ["tc25", "tc26"])))
    for sheet, table in (("T-C.25", tabel.tc25(plan)), ("T-C.26", tabel.tc26(plan))):
        ws = wb[sheet]
        assert ws["A1"].value == table.label
        texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
        assert {c.shown for row in table.rows for c in row.cells if not c.is_number and c.shown} <= texts
    numbers = [c for row in wb["T-C.25"].iter_rows(min_row=6) for c in row if c.data_type == "n" and c.value]
    assert len(numbers) > 10  # the seed indicators' numeric kondisi awal, targets and kondisi akhir


def test_text_never_becomes_a_formula(db, world):
    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))
    Elemen.objects.filter(versi=versi, level=Level.TUJUAN).update(nama='=HYPERLINK("http://x","klik")')
    data = exporters.export_workbook(versi, ["tc27"])
    ws = load_workbook(BytesIO(data))["T-C.27"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value and str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"


def test_round_trip_on_the_demo(demo):
    data = exporters.export_workbook(demo)
    report = tc27.read_renstra(BytesIO(data), YEARS)
    assert report.errors == []
    versi = tc27.save_renstra(report, demo.renstra.opd, demo.renstra.periode)
    assert snapshot(versi) == snapshot(demo)


def test_round_trip_on_a_large_generated_plan(db, world):
    original = generate_plan(
        make_versi(world.opd_a, make_periode(world.pemda)), programs=6, kegiatan_per_program=3, sub_per_kegiatan=4
    )
    Target.objects.filter(indikator__elemen__versi=original, tahun=2022).update(nilai=None, teks="BB (75,3)")
    data = exporters.export_workbook(original, ["tc27"])
    report = tc27.read_renstra(BytesIO(data), YEARS)
    services.tetapkan(original, berlaku_mulai=2021, actor=None)
    versi = tc27.save_renstra(report, world.opd_a, original.renstra.periode)
    assert snapshot(versi) == snapshot(original)


def test_commands(demo, tmp_path):
    out = StringIO()
    call_command(
        "export_renstra",
        "--opd",
        "8.01.0.00.0.00.01.0000",
        "--periode",
        "2021-2026",
        "-o",
        tmp_path / "r.xlsx",
        stdout=out,
    )
    assert (tmp_path / "r.xlsx").exists()
    out = StringIO()
    args = ["--opd", "8.01.0.00.0.00.01.0000", "--periode", "2021-2026"]
    call_command("import_renstra", SAMPLE, *args, "--dry-run", stdout=out)
    assert "Sub kegiatan 37" in out.getvalue() and "tidak ada yang disimpan" in out.getvalue()
    assert RenstraVersi.objects.filter(renstra=demo.renstra).count() == 1
    call_command("import_renstra", tmp_path / "r.xlsx", *args, stdout=StringIO())
    assert RenstraVersi.objects.filter(renstra=demo.renstra).count() == 2
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not excel")
    with pytest.raises(CommandError, match="kesalahan"):
        call_command("import_renstra", bad, *args, stdout=StringIO())
    with pytest.raises(CommandError, match="belum punya periode"):
        call_command(
            "import_renstra", SAMPLE, "--opd", "8.01.0.00.0.00.01.0000", "--periode", "2019-2024", stdout=StringIO()
        )
