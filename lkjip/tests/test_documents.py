"""The Renstra and LKjIP documents: figures in the PDF text, narratives, previews, finals, Excel, access."""

from __future__ import annotations

import hashlib
import io
import os
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja.models import AnggaranSubKegiatan, Realisasi, RealisasiAnggaran
from lkjip import narasi, render, services
from lkjip.models import Cetakan, Final, Narasi, Pembanding
from renstra import services as renstra_services
from renstra.models import Indikator, Level, RenstraVersi
from renstra.tabel import tc27
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.lib.numbers import format_number
from sakip.models import AuditEntry, PerangkatDaerah, User
from sakip.testing import assert_same_queries, capture_queries

BLITAR = "8.01.0.00.0.00.02.0000"
BALANGAN = "8.01.0.00.0.00.01.0000"


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def demo(demo_data):
    pass


def _opd(kode):
    return PerangkatDaerah.objects.select_related("pemda").get(kode=kode)


def test_demo_lkjip_reproduces_the_seed_figures(demo):
    """Seed 001 Tabel 2.4, 3.1–3.4, 3.6 and 3.7 as printed (full precision where the seed truncated)."""
    dokumen = services.lkjip(_opd(BLITAR), 2024)
    content, pages = render.pdf(render.build(dokumen))
    text = _text(content)
    assert pages > 20
    expected = [
        "Tabel 2.4 Perjanjian Kinerja Perubahan", "BB (75,3)",  # Tabel 2.4
        "98,38 %", "88,38 %", "100,00 %", "84,61", "B (66,55)",  # Tabel 3.1
        "94,01 %", "94,74 %", "87,68 %",  # Tabel 3.2 (the seed truncates 94,7368 to 94,73)
        "1.108.265.687", "1,67 %", "1,70 %", "91,54 %", "5,10 %", "66.348.353.265",  # Tabel 3.3
        "1.107.498.428", "99,93 %", "60.663.205.050", "95,34 %",  # Tabel 3.4
        "5,80 %", "0,11 %", "-1,57 %", "-7,88 %",  # Tabel 3.5 (at full capaian precision)
        "44.566.775.320", "99,54 %", "66.347.193.865", "99,56 %", "59.887.356.160",  # Tabel 3.6
        "3.380.503.014", "3.222.977.392", "15.999.484", "2.503.321.165",  # Tabel 3.7
        "Nasional", "83,83",  # benchmarks
        "Kepemerintahan yang baik",  # the narrative from the seed
        "No. Program/Kegiatan/Sub Kegiatan",  # column headers in Indonesian ("No", not Django's "Tidak")
    ]  # fmt: skip
    missing = [figure for figure in expected if figure not in text]
    assert not missing, missing
    # The signed PK is attached as it was signed.
    assert "PIHAK PERTAMA" in text.upper()


def test_demo_renstra_reproduces_tc25_to_tc27(demo):

    versi = RenstraVersi.objects.filter(renstra__opd=_opd(BALANGAN)).order_by("-nomor").first()
    isi = render.build(services.renstra(versi))
    text = _text(render.pdf(isi)[0])
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
    sasaran = [row.sel[2].shown for row in tc25.baris if row.sel[2].shown]
    assert sasaran and all(name in text for name in sasaran)


def test_narrative_is_sanitised_audited_and_scoped(client, demo):
    dokumen = services.lkjip(_opd(BLITAR), 2024)
    planner = User.objects.get(username="perencana.blitar")
    client.force_login(planner)
    url = reverse("lkjip:narasi_update", args=[dokumen.pk, "latar_belakang"])
    word = (
        '<p class=MsoNormal style="color:red"><span style="font-family:Arial">Halo <b>tebal</b><o:p></o:p></span></p>'
        '<script>alert(1)</script><table class=MsoTable><tr><td style="x" colspan=2>Sel</td></tr></table>'
    )
    assert client.post(url, {"isi": word}).status_code == 302
    stored = Narasi.objects.get(dokumen=dokumen, kunci="latar_belakang").isi
    assert stored == '<p>Halo <b>tebal</b></p><table><tbody><tr><td colspan="2">Sel</td></tr></tbody></table>'
    history = client.get(
        reverse("sakip:object_history", args=["lkjip", "narasi", dokumen.narasi.get(kunci="latar_belakang").pk])
    )
    assert history.status_code == 200 and "Halo" in history.content.decode()
    client.force_login(User.objects.get(username="evaluator.blitar"))
    assert client.get(url).status_code == 200
    assert client.post(url, {"isi": "<p>x</p>"}).status_code == 403
    client.force_login(User.objects.get(username="perencana.balangan"))
    assert client.get(url).status_code == 404


def test_preview_finalise_and_newer_data(client, demo, django_capture_on_commit_callbacks):
    opd = _opd(BLITAR)
    planner = User.objects.get(username="perencana.blitar")
    client.force_login(planner)
    page_url = reverse("lkjip:lkjip_detail", args=[opd.pk, 2024])
    assert "belum-final" in client.get(page_url).content.decode()
    # Preview: without a worker (immediate backend) the rendering is done when the request returns.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("lkjip:lkjip_cetakan_create", args=[opd.pk, 2024]), HTTP_HX_REQUEST="true")
    assert "pratinjau-pdf" in client.get(page_url).content.decode()
    cetakan = Cetakan.objects.get()
    assert cetakan.status == Cetakan.Status.SELESAI and cetakan.halaman > 20
    # Asking again for the same data reuses the rendering.
    client.post(reverse("lkjip:lkjip_cetakan_create", args=[opd.pk, 2024]))
    assert Cetakan.objects.count() == 1
    dokumen = services.lkjip(opd, 2024)
    assert (
        client.post(reverse("lkjip:dokumen_finalkan", args=[dokumen.pk]), {"catatan": "Setelah reviu"}).status_code
        == 302
    )
    final = Final.objects.get()
    # Pressed twice: the same final, a message, and no second (orphan) PDF file.
    again = client.post(reverse("lkjip:dokumen_finalkan", args=[dokumen.pk]), follow=True)
    assert "sudah difinalkan sebagai versi 1" in again.content.decode()
    assert Final.objects.count() == 1
    folder = os.path.dirname(final.pdf.path)
    assert os.listdir(folder) == [os.path.basename(final.pdf.path)]
    with final.pdf.open("rb") as handle:
        content = handle.read()
    assert hashlib.sha256(content).hexdigest() == final.sha256
    assert final.snapshot["opd"]["kode"] == BLITAR and final.snapshot["blok"]
    # The data changes: the page says so, the final stays as it was, finalising needs a new preview.
    Narasi.objects.filter(dokumen=dokumen, kunci="saran").update(isi="<p>Saran baru.</p>")
    page = client.get(page_url).content.decode()
    assert "data-berubah" in page and final.sha256 in page
    client.post(reverse("lkjip:dokumen_finalkan", args=[dokumen.pk]))
    assert Final.objects.count() == 1
    # Evaluators download the final and the preview already made, but do not render (it writes); another
    # pemda's user cannot.
    client.force_login(User.objects.get(username="evaluator.blitar"))
    response = client.get(reverse("lkjip:final_pdf", args=[final.pk]))
    assert b"".join(response.streaming_content) == content
    assert client.get(reverse("lkjip:cetakan_pdf", args=[cetakan.pk])).status_code == 200
    assert "buat-pratinjau" not in client.get(page_url).content.decode()
    renders = Cetakan.objects.count()
    assert client.post(reverse("lkjip:lkjip_cetakan_create", args=[opd.pk, 2024])).status_code == 403
    assert Cetakan.objects.count() == renders
    assert client.post(reverse("lkjip:dokumen_finalkan", args=[dokumen.pk])).status_code == 403
    client.force_login(User.objects.get(username="perencana.balangan"))
    assert client.get(reverse("lkjip:final_pdf", args=[final.pk])).status_code == 404
    assert client.get(page_url).status_code == 404


def test_finalise_refused_while_required_narratives_are_empty(client, demo, django_capture_on_commit_callbacks):
    opd = _opd(BLITAR)
    dokumen = services.lkjip(opd, 2024)
    Narasi.objects.filter(dokumen=dokumen, kunci="kesimpulan").update(isi="")
    client.force_login(User.objects.get(username="perencana.blitar"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("lkjip:lkjip_cetakan_create", args=[opd.pk, 2024]))
    response = client.post(reverse("lkjip:dokumen_finalkan", args=[dokumen.pk]), follow=True)
    assert "Narasi berikut masih kosong" in response.content.decode()
    assert not Final.objects.exists()


def test_every_table_downloads_as_xlsx(client, demo):
    opd = _opd(BLITAR)
    client.force_login(User.objects.get(username="evaluator.blitar"))
    response = client.get(reverse("lkjip:lkjip_xlsx", args=[opd.pk, 2024]))
    book = load_workbook(io.BytesIO(response.content))
    assert {"Tabel 3.1", "Tabel 3.5", "Tabel 3.6", "Tabel 3.7"} <= set(book.sheetnames)
    values = [cell for row in book["Tabel 3.6"].iter_rows(values_only=True) for cell in row]
    assert 44566775320 in values
    one = client.get(reverse("lkjip:lkjip_xlsx", args=[opd.pk, 2024]) + "?tabel=efisiensi")
    assert load_workbook(io.BytesIO(one.content)).sheetnames == ["Tabel 3.5"]


def test_previous_period_rows_are_all_or_nothing(client, demo):

    versi = RenstraVersi.objects.filter(renstra__opd=_opd(BALANGAN)).order_by("-nomor").first()
    dokumen = services.renstra(versi)
    client.force_login(User.objects.get(username="perencana.balangan"))
    url = reverse("lkjip:periode_lalu_update", args=[dokumen.pk, "tc24"])
    page = client.post(
        url, {"tahun_awal": "2016", "r1-uraian": "Belanja", "r1-2018-rencana": "banyak", "r1-2019-realisasi": "12x"}
    ).content.decode()
    assert "Baris 1, anggaran 2018" in page and "Baris 1, realisasi 2019" in page and page.count("is-invalid") == 2
    assert dokumen.periode_lalu.filter(tabel="tc24").count() == 2  # the demo rows are still there


def test_render_document_command_archives_every_opd(demo, tmp_path):
    out = io.StringIO()
    call_command(
        "render_document", "lkjip", "--all-opd", "--pemda", "blitar", "--tahun", "2024", "-o", tmp_path, stdout=out
    )
    files = list(tmp_path.glob("*.pdf"))
    assert len(files) == 1 and "98,38 %" in _text(files[0].read_bytes())


def test_document_pages_run_a_constant_number_of_queries(client, world):
    """The Renstra and LKjIP pages of a plan of 2 and of 32 sub kegiatan run the same queries."""
    client.force_login(world.alice)
    counts = []
    for size, start in ((1, 2021), (4, 2031)):
        versi = generate_plan(
            make_versi(world.opd_a, make_periode(world.pemda, start, start + 5)),
            programs=size,
            kegiatan_per_program=size,
            sub_per_kegiatan=size,
        )
        renstra_services.tetapkan(versi, berlaku_mulai=start, actor=None)
        page = []
        for url in (
            reverse("lkjip:renstra_detail", args=[versi.pk]),
            reverse("lkjip:lkjip_detail", args=[world.opd_a.pk, start + 2]),
        ):
            with capture_queries(url) as log:
                assert client.get(url).status_code == 200
            page.append(log)
        counts.append(page)
    assert_same_queries(counts[0], counts[1])


def test_tc27_merges_an_elements_own_columns_over_its_indicator_rows(world):
    """One plan element with two indicators: its name, code, funding and unit span both rows in the PDF
    (its tujuan and sasaran span all their rows), while the .xlsx keeps a plain grid."""

    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)), programs=1, indicators_per_element=2)
    tabel = tc27(renstra_services.load_plan(versi, with_targets=True))
    program = next(i for i, b in enumerate(tabel.baris) if b.sel[3].nilai == "Program 1")
    first, second = tabel.baris[program], tabel.baris[program + 1]
    n = len(versi.years)
    own = [2, 3, *range(7, 8 + 2 * n, 2), 8 + 2 * n, 9 + 2 * n]
    assert [first.sel[c].rowspan for c in own] == [2] * len(own)
    assert [c for c, cell in enumerate(second.sel) if cell.tertutup] == [0, 1, *own]
    # The tujuan's and the sasaran's cells span everything under them, as in the official documents.
    tujuan, sasaran = tabel.baris[0].sel[0], tabel.baris[2].sel[1]
    assert (tujuan.nilai, tujuan.rowspan) == ("Tujuan 1", len(tabel.baris) - 1)
    assert (sasaran.nilai, sasaran.rowspan) == ("Sasaran 1", len(tabel.baris) - 3)
    assert first.sel[0].tertutup and first.sel[1].tertutup
    assert second.sel[4].nilai.endswith("(2)")  # the second indicator keeps its own row
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


def test_benchmarks_are_saved_deleted_and_audited(client, demo):

    opd = _opd(BLITAR)
    dokumen = services.lkjip(opd, 2024, create=True)
    Pembanding.objects.filter(dokumen=dokumen).delete()
    indikator = Indikator.objects.filter(elemen__versi=RenstraVersi.objects.berlaku(opd, 2024), is_iku=True).first()
    client.force_login(User.objects.get(username="perencana.blitar"))
    url = reverse("lkjip:pembanding_update", args=[dokumen.pk])
    management = {"form-TOTAL_FORMS": "1", "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000"}
    row = {
        "form-0-indikator": indikator.pk,
        "form-0-pembanding": "Nasional",
        "form-0-tahun": "2024",
        "form-0-nilai": "7",
    }
    assert client.post(url, {**management, "form-INITIAL_FORMS": "0", **row}).status_code == 302
    saved = Pembanding.objects.get(dokumen=dokumen)
    assert (saved.pembanding, saved.nilai) == ("Nasional", "7")
    assert AuditEntry.objects.filter(content_type__model="pembanding", object_pk=str(saved.pk)).exists()
    delete = {**management, "form-INITIAL_FORMS": "1", **row, "form-0-id": saved.pk, "form-0-DELETE": "on"}
    assert client.post(url, delete).status_code == 302
    assert not Pembanding.objects.filter(dokumen=dokumen).exists()


def test_the_index_lists_the_years_a_renstra_is_in_force(client, world):
    """An LKjIP year is offered from the year a ditetapkan Renstra applies up to this year, and not before."""
    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)), programs=1)
    client.force_login(world.alice)
    page = client.get(reverse("lkjip:index")).content.decode()
    assert "Belum ada Renstra yang ditetapkan." in page
    renstra_services.tetapkan(versi, berlaku_mulai=2023, actor=None)
    page = client.get(reverse("lkjip:index")).content.decode()
    links = re.findall(reverse("lkjip:lkjip_detail", args=[world.opd_a.pk, 9999]).replace("9999", r"(\d{4})"), page)
    assert links == ["2026", "2025", "2024", "2023"]
