"""The demo Renstra reproduces seed 000's T-C.27; the nomenclature master and its import."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import Workbook

from renstra import services
from renstra.importers.nomenklatur import import_nomenklatur
from renstra.models import Elemen, Indikator, Level, Nomenklatur, RenstraVersi
from sakip.lib.numbers import format_number
from sakip.models import User

# Programme (and, where the seed prints no programme row, kegiatan) totals of T-C.27 for the years in
# which the seed's printed total is the sum of its own sub kegiatan rows.
SEED_TOTALS = {
    "1.05.01": {2021: "2,897,729,010", 2022: "2,675,203,565", 2023: "4,673,447,734"},
    "8.01.02": {2022: "60,850,000"},
    "8.0.0": {
        2021: "489,463,000", 2022: "777,570,000", 2023: "1,262,478,000",
        2024: "1,239,288,000", 2025: "1,308,838,830", 2026: "1,462,233,915",
    },
    "8.01.03.2.01": {2021: "803,635,000", 2022: "833,870,000", 2023: "1,679,629,300"},
    "8.01.05.2.01": {
        2021: "98,615,000", 2022: "50,003,000", 2023: "232,206,400", 2024: "276,491,000", 2025: "294,631,900",
    },
    "1.05.01.2.02": {2021: "2,198,554,610", 2022: "2,166,189,165", 2023: "3,134,983,734", 2024: "3,458,703,076"},
}  # fmt: skip


@pytest.fixture
def demo(demo_data):
    return RenstraVersi.objects.get(renstra__opd__pemda__kode="balangan", nomor=1)


def test_demo_totals_match_the_seed(demo):
    plan = services.load_plan(demo)
    by_code = {n.elemen.kode: n for n in plan.flat() if n.elemen.level in (Level.PROGRAM, Level.KEGIATAN)}
    for kode, years in SEED_TOTALS.items():
        for year, printed in years.items():
            assert by_code[kode].pagu[year] == Decimal(printed.replace(",", "")), (kode, year)


def test_demo_plan_content(demo):
    assert not demo.is_draft and demo.berlaku_mulai == 2023
    assert demo.dasar_hukum_nomor == "Peraturan Bupati Balangan Nomor 47 Tahun 2023"
    levels = Elemen.objects.filter(versi=demo).values_list("level", flat=True)
    assert list(levels).count(Level.SASARAN) == 2 and list(levels).count(Level.PROGRAM) == 5
    partisipasi = Indikator.objects.get(elemen__versi=demo, uraian="Tingkat Partisipasi Politik Masyarakat")
    assert [t.shown for t in partisipasi.target.all()] == ["1,2", "2,9", "7,8", "12,6", "17", "21,3"]
    sakip = Indikator.objects.get(elemen__versi=demo, uraian="Nilai SAKIP Perangkat Daerah")
    assert sakip.kondisi_awal == "62,56" and sakip.kondisi_akhir == "76,6"
    dokumen = Indikator.objects.get(elemen__versi=demo, uraian="Jumlah Dokumen Perencanaan Perangkat Daerah")
    assert dokumen.satuan == "dok" and dokumen.agregasi == Indikator.Agregasi.KUMULATIF
    sub = Elemen.objects.get(versi=demo, kode="1.05.01.2.01.01")
    assert sub.unit_kerja.nama == "Sub Bagian Program Anggaran dan Keuangan"
    assert sub.nomenklatur is not None


def test_demo_completeness_shows_the_seed_inconsistencies(demo):
    messages = [(i.elemen.kode if i.elemen else "", i.message) for i in services.check(demo)]
    assert ("1.05.01.2.01.02", "Kode 1.05.01.2.01.02 dipakai lebih dari sekali.") in messages
    assert ("3.27.06.2.01.05", "Kode 3.27.06.2.01.05 tidak diawali kode induknya 8.01.05.2.01.") in messages
    assert ("", "Sub kegiatan tanpa kode.") in messages
    assert any(kode == "1.05.01.2.06.02" and "tanpa target tahun 2024, 2025, 2026" in m for kode, m in messages)


def test_demo_tree_page_shows_the_plan_total(client, demo):
    client.force_login(User.objects.get(username="evaluator.balangan"))
    html = client.get(reverse("renstra:versi_detail", args=[demo.pk])).content.decode()
    total = services.load_plan(demo).total_periode
    assert format_number(total, 0) in html
    assert "Meningkatnya Wawasan Politik Masyarakat" in html


def _workbook(rows) -> BytesIO:
    wb = Workbook()
    sheet = wb.active
    sheet.append(["Daftar nomenklatur"])
    sheet.append([])
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    wb.save(out)
    out.seek(0)
    return out


HEADER = ["Kode", "Nomenklatur", "Kinerja", "Indikator", "Satuan"]


def test_import_nomenklatur(db):
    result = import_nomenklatur(
        Nomenklatur.Versi.V2023,
        _workbook([
            HEADER,
            ["8.01", "KESATUAN BANGSA DAN POLITIK", None, None, None],
            ["8.01.02", "PROGRAM PENGUATAN IDEOLOGI PANCASILA", None, None, None],
            ["8.01.02.2.01", "Perumusan Kebijakan Teknis", None, None, None],
            ["8 01 02 2.01 0003", "Pelaksanaan Kebijakan", "Terlaksananya kebijakan", "Jumlah Orang", "Orang"],
        ]),
    )  # fmt: skip
    assert not result.errors and result.created == 4
    sub = Nomenklatur.objects.get(kode="8.01.02.2.01.0003")
    assert sub.tingkat == Nomenklatur.Tingkat.SUB_KEGIATAN and sub.indikator == "Jumlah Orang" and sub.satuan == "Orang"


def test_import_with_errors_writes_nothing(db):
    result = import_nomenklatur(
        Nomenklatur.Versi.V2023,
        _workbook(
            [
                HEADER,
                ["8.01.02", "Program", None, None, None],
                ["8.01.02.2", "Salah", None, None, None],
                ["", "Tanpa kode"],
            ]
        ),
    )
    assert result.errors == [
        "Baris 5: “8.01.02.2” bukan kode urusan, bidang, program, kegiatan atau sub kegiatan.",
        "Baris 6: kode kosong.",
    ]
    assert not Nomenklatur.objects.exists()


def test_import_page(client, world):
    client.force_login(world.dave)
    upload = _workbook([HEADER, ["8.01.02", "Program", None, None, None]])
    upload.name = "nomenklatur.xlsx"
    response = client.post(reverse("renstra:nomenklatur_import"), {"versi": Nomenklatur.Versi.V2023, "berkas": upload})
    assert response.status_code == 302
    assert "8.01.02" in client.get(reverse("renstra:nomenklatur_list") + "?q=8.01").content.decode()
    client.force_login(world.alice)
    assert client.get(reverse("renstra:nomenklatur_import")).status_code == 403


def test_not_a_workbook(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.dave)
    upload = SimpleUploadedFile("x.xlsx", b"not a workbook")
    response = client.post(reverse("renstra:nomenklatur_import"), {"versi": Nomenklatur.Versi.V2023, "berkas": upload})
    assert "bukan berkas Excel .xlsx" in response.content.decode()


def test_periode_pages(client, world):
    client.force_login(world.dave)
    response = client.post(
        reverse("renstra:periode_create"),
        {
            "nama": "RPJMD 2025–2029", "tahun_awal": 2025, "tahun_akhir": 2029, "visi": "Maju",
            "misi-TOTAL_FORMS": 2, "misi-INITIAL_FORMS": 0, "misi-0-nomor": 1, "misi-0-uraian": "Misi satu",
            "misi-1-nomor": "", "misi-1-uraian": "",
        },
    )  # fmt: skip
    assert response.status_code == 302
    detail = client.get(response.url).content.decode()
    assert "Misi satu" in detail
    response = client.post(
        reverse("renstra:periode_create"),
        {"nama": "Salah", "tahun_awal": 2030, "tahun_akhir": 2029, "misi-TOTAL_FORMS": 0, "misi-INITIAL_FORMS": 0},
    )
    assert "Tahun akhir harus setelah tahun awal" in response.content.decode()
    client.force_login(world.alice)
    assert client.get(reverse("renstra:periode_create")).status_code == 403
