"""The Renstra document: T-C.23 to T-C.28 in the PDF text, its merged cells, the previous period's rows, the sections."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from kinerja.models import AnggaranSubKegiatan, Realisasi, RealisasiAnggaran
from lkjip import narasi, render, services
from lkjip.tests.conftest import BALANGAN, opd_by_kode, pdf_text
from renstra import services as renstra_services
from renstra.models import Indikator, Level, RenstraVersi
from renstra.tabel import tc27
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.lib.numbers import format_number
from sakip.models import User


def test_demo_renstra_reproduces_tc25_to_tc27(demo):

    versi = RenstraVersi.objects.filter(renstra__opd=opd_by_kode(BALANGAN)).order_by("-nomor").first()
    isi = render.build(services.renstra(versi))
    text = pdf_text(render.pdf(isi)[0])
    plan = renstra_services.load_plan(versi, with_targets=True)

    for label in ("T-C.23", "T-C.24", "T-C.25", "T-C.26", "T-C.27", "T-C.28"):
        assert f"Tabel {label}" in text, label
    # T-C.27: the total of every year and of the period, and sub kegiatan pagu as the seed prints them.
    for year in plan.years:
        assert format_number(plan.total[year], 0) in text, year
    assert format_number(plan.total_periode, 0) in text
    for figure in ("16.270.000", "169.384.000", "1.369.851.463"):
        assert figure in text, figure
    # T-C.25: the sasaran indicators' targets; T-C.26 the visi; T-C.24 a seed budget line and its ratio.
    assert "Visi:" in text
    assert "1.663.674.400" in text and "91,00 %" in text and "Tahun ke-1 (2016)" in text
    tc25 = isi.table("tc25")
    sasaran = [row.cells[2].shown for row in tc25.rows if row.cells[2].shown]
    assert sasaran and all(name in text for name in sasaran)


def test_previous_period_rows_are_all_or_nothing(client, demo):

    versi = RenstraVersi.objects.filter(renstra__opd=opd_by_kode(BALANGAN)).order_by("-nomor").first()
    dokumen = services.renstra(versi)
    client.force_login(User.objects.get(username="perencana.balangan"))
    url = reverse("lkjip:periode_lalu_update", args=[dokumen.pk, "tc24"])
    page = client.post(
        url, {"tahun_awal": "2016", "r1-uraian": "Belanja", "r1-2018-rencana": "banyak", "r1-2019-realisasi": "12x"}
    ).content.decode()
    assert "Baris 1, anggaran 2018" in page and "Baris 1, realisasi 2019" in page and page.count("is-invalid") == 2
    assert dokumen.periode_lalu.filter(tabel="tc24").count() == 2  # the demo rows are still there


def test_tc27_merges_an_elements_own_columns_over_its_indicator_rows(world):
    """One plan element with two indicators: its name, code, funding and unit span both rows in the PDF
    (its tujuan and sasaran span all their rows), while the .xlsx keeps a plain grid."""

    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)), programs=1, indicators_per_element=2)
    tabel = tc27(renstra_services.load_plan(versi, with_targets=True))
    program = next(i for i, b in enumerate(tabel.rows) if b.cells[3].value == "Program 1")
    first, second = tabel.rows[program], tabel.rows[program + 1]
    n = len(versi.years)
    own = [2, 3, *range(7, 8 + 2 * n, 2), 8 + 2 * n, 9 + 2 * n]
    assert [first.cells[c].rowspan for c in own] == [2] * len(own)
    assert [c for c, cell in enumerate(second.cells) if cell.covered] == [0, 1, *own]
    # The tujuan's and the sasaran's cells span everything under them, as in the official documents.
    tujuan, sasaran = tabel.rows[0].cells[0], tabel.rows[2].cells[1]
    assert (tujuan.value, tujuan.rowspan) == ("Tujuan 1", len(tabel.rows) - 1)
    assert (sasaran.value, sasaran.rowspan) == ("Sasaran 1", len(tabel.rows) - 3)
    assert first.cells[0].covered and first.cells[1].covered
    assert second.cells[4].value.endswith("(2)")  # the second indicator keeps its own row
    isi = services.renstra(versi)
    html = render.html(render.build(isi))
    assert 'rowspan="2"' in html


def test_previous_period_rows_come_from_the_previous_renstra_when_sakip_holds_it(client, world):
    """T-C.23 and T-C.24 filled from the 2016–2020 Renstra: targets, realisasi, budgets and spending, to
    check and save; without a previous Renstra the page says so."""

    current = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)), programs=1)
    renstra_services.tetapkan(current, berlaku_mulai=2021, actor=None)
    dokumen = services.renstra(current, create=True)
    client.force_login(world.alice)
    url = reverse("lkjip:periode_lalu_update", args=[dokumen.pk, "tc23"])
    page = client.get(url + "?dari=data").content.decode()
    assert "tidak menyimpan Renstra perangkat daerah ini untuk tahun 2016–2020" in page

    previous = generate_plan(make_versi(world.opd_a, make_periode(world.pemda, 2016, 2020)), programs=1)
    renstra_services.tetapkan(previous, berlaku_mulai=2016, actor=None)
    sasaran = Indikator.objects.filter(elemen__versi=previous, elemen__level=Level.SASARAN).first()
    Realisasi.objects.create(indikator=sasaran, tahun=2018, triwulan=4, nilai=Decimal("17.5"))
    sub = previous.elemen.filter(level=Level.SUB_KEGIATAN).first()
    AnggaranSubKegiatan.objects.create(elemen=sub, tahun=2018, jenis="dpa", jumlah=Decimal("40000000"))
    RealisasiAnggaran.objects.create(elemen=sub, tahun=2018, triwulan=4, jumlah=Decimal("39500000"))

    page = client.get(url + "?dari=data").content.decode()
    assert "Diisi dari data Renstra periode lalu" in page
    assert f'value="{sasaran.uraian}"' in page and 'name="r1-2018-rencana" value="18"' in page
    assert any(f'name="r{i}-2018-realisasi" value="17,5"' in page for i in range(1, 6))
    page = client.get(reverse("lkjip:periode_lalu_update", args=[dokumen.pk, "tc24"]) + "?dari=data").content.decode()
    program = previous.elemen.get(level=Level.PROGRAM)
    assert f'value="{program.kode} {program.nama}"' in page
    # The program's 2018 budget: its sub kegiatan's DPA where there is one, the Renstra's pagu elsewhere.
    pagu = renstra_services.load_plan(previous).nodes
    budget = pagu[program.pk].pagu[2018] - pagu[sub.pk].pagu[2018] + 40000000
    assert f'name="r1-2018-rencana" value="{format_number(budget, 0)}"' in page
    assert 'name="r1-2018-realisasi" value="39.500.000"' in page
    assert not dokumen.periode_lalu.exists()  # nothing is saved until the planner saves


def test_an_empty_optional_section_is_left_out_and_an_empty_required_one_shows(world):

    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)), programs=1)
    isi = render.build(services.renstra(versi))
    printed = {b.judul for b in isi.blok if b.jenis == "narasi"}
    required = {b.kunci for b in narasi.RENSTRA if b.wajib}
    assert required <= printed and all(b.kosong for b in isi.blok if b.jenis == "narasi" and b.judul in required)
    assert not (narasi.opsional("renstra") - {"sistematika"}) & printed  # sistematika prints its standard text
    assert "sistematika" in printed
