"""Evaluasi AKIP in a real browser at 1366×900: the evaluator opens Balangan's evaluation in progress, sees the
evidence Sakip found, grades a criterion (overriding Sakip's suggestion with a reason), tries the simulator and
sends it on; the ketua tim reviews, the pengendali teknis finalises, the LHE prints; the OPD's planner reports the
follow-up of a recommendation. Screenshots at 1366×900 and 1024×768 when SAKIP_SCREENSHOTS names a folder."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from evaluasi import services
from evaluasi.models import Evaluasi, Jawaban, Tingkat
from sakip.models import User
from tests.journey import login, open_site, shoot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, page):
    return open_site(live_server, page)


def test_evaluator_grades_with_evidence_ketua_reviews_lhe_prints(page, site):
    url = site.url
    ev = Evaluasi.objects.get(opd__pemda__kode="balangan", tahun=2024)
    login(page, url, "evaluator.balangan")
    page.get_by_role("link", name="Evaluasi AKIP").first.click()
    page.get_by_test_id("evaluasi-list").get_by_role("link", name=re.compile("Kesatuan Bangsa")).click()
    expect(page.get_by_test_id("tahap")).to_have_text("Dinilai evaluator")
    # the evidence Sakip found: the Renstra in force (a link to it) and the pohon kinerja's crosscutting
    renstra = page.get_by_test_id("bukti-1.a.3")
    expect(renstra.get_by_text("Bukti dari Sakip: Renstra yang berlaku")).to_be_visible()
    expect(renstra.get_by_role("link").first).to_have_attribute("href", re.compile(r"/renstra/versi/\d+/"))
    expect(
        page.get_by_test_id("bukti-1.b.9").get_by_text(re.compile("kinerja lintas perangkat daerah"))
    ).to_be_visible()
    shoot(page, "evaluasi-lke")
    # grade 1.a.7 against Sakip's suggestion: refused without a reason, saved with one
    card = page.get_by_test_id("kriteria-1.a.7")
    saran = card.get_by_test_id("saran").inner_text()
    other = "AA" if saran != "AA" else "A"
    card.get_by_label("Nilai 1.a.7").select_option(other)
    card.get_by_label("Catatan 1.a.7").fill("PK pejabat administrator tersedia dalam arsip.")
    card.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text(re.compile("tuliskan alasannya"))).to_be_visible()
    card = page.get_by_test_id("kriteria-1.a.7")
    card.get_by_label("Nilai 1.a.7").select_option(other)
    card.get_by_label("Alasan 1.a.7").fill("Diperiksa dari arsip fisik.")
    card.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Nilai 1.a.7 disimpan.")).to_be_visible()
    j = Jawaban.objects.get(evaluasi=ev, kriteria__sub__kode="1.a", kriteria__nomor=7, tingkat=Tingkat.ANGGOTA)
    assert (j.grade, j.alasan_beda) == (other, "Diperiksa dari arsip fisik.")
    # the simulator (server-computed): raising a criterion shows the new total
    sim = page.get_by_test_id("simulator")
    expect(sim.get_by_test_id("usulan").locator("li").first).to_be_visible()
    sim.get_by_role("button", name="Hitung").click()
    expect(page.get_by_test_id("hasil-simulasi")).to_contain_text("Dengan perubahan")
    # the rest of komponen 2–4 graded (as the evaluator would, criterion by criterion), then sent on
    anggota = User.objects.get(username="evaluator.balangan")
    lke = services.load(ev)
    for k in lke.kriteria.values():
        if lke.grade(k.pk) is None:
            services.save_jawaban(ev, k, actor=anggota, grade="B", catatan="", saran="")
    page.reload()
    page.get_by_role("button", name="Ajukan ke ketua tim").click()
    expect(page.get_by_test_id("tahap")).to_have_text("Reviu ketua tim")
    # the ketua tim reviews one grade, adds a recommendation and passes it to the pengendali teknis
    login(page, url, "ketuatim.balangan")
    page.goto(f"{url}{ev.get_absolute_url()}")
    card = page.get_by_test_id("kriteria-2.a.2")
    card.get_by_label("Nilai 2.a.2").select_option("CC")
    card.get_by_label("Catatan 2.a.2").fill("Definisi operasional belum lengkap.")
    if card.get_by_label("Alasan 2.a.2").count():
        card.get_by_label("Alasan 2.a.2").fill("Sebagian indikator tanpa formula.")
    card.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Nilai 2.a.2 disimpan.")).to_be_visible()
    page.locator("#id_uraian").fill("Lengkapi definisi operasional dan formula seluruh indikator.")
    page.locator("#id_tenggat").fill("2026-06-30")
    page.get_by_role("button", name="Tambah").click()
    expect(page.get_by_test_id("rekomendasi")).to_contain_text("Lengkapi definisi operasional")
    page.get_by_role("button", name="Setujui, ajukan ke pengendali teknis").click()
    expect(page.get_by_test_id("tahap")).to_have_text("Reviu pengendali teknis")
    # the pengendali teknis finalises; the LHE prints with the scores and predikat
    login(page, url, "dalnis.balangan")
    page.goto(f"{url}{ev.get_absolute_url()}")
    page.get_by_role("button", name="Finalkan").click()
    expect(page.get_by_test_id("tahap")).to_have_text("Final")
    ev.refresh_from_db()
    total = page.get_by_test_id("total").inner_text()
    assert total == f"{ev.nilai_akhir}".replace(".", ",")
    shoot(page, "evaluasi-final")
    pdf = page.request.get(f"{url}/evaluasi/{ev.pk}/lhe.pdf").body()
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert f"Predikat {ev.predikat}" in text and "Pengukuran Kinerja" in text and total in text
    assert "2.a.2: Definisi operasional belum lengkap." in text
    # the OPD's planner sees the notes now and reports the follow-up
    login(page, url, "perencana.balangan")
    page.goto(f"{url}{ev.get_absolute_url()}#rekomendasi")
    expect(page.get_by_text("Definisi operasional belum lengkap.")).to_be_visible()
    table = page.get_by_test_id("rekomendasi")
    table.get_by_label("Tindak lanjut").fill("Manual IKU disusun.")
    table.get_by_label("Progres").fill("60")
    table.get_by_role("button", name="Laporkan").click()
    expect(page.get_by_test_id("rekomendasi")).to_contain_text("Tindak lanjut dilaporkan")
    shoot(page, "evaluasi-tindak-lanjut")
