"""The Evaluasi AKIP as its users meet it: the official template and its frozen copies, opening an evaluation, the
self-assessment, the evaluator's grade against Sakip's suggestion, the reviews (every level kept), the final LHE
with its SHA-256, the access matrix, the evidence rules' constant queries, recommendations and follow-up, and the
demo's published predikat."""

from __future__ import annotations

import datetime
import hashlib
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from evaluasi import bukti, services
from evaluasi.models import Evaluasi, Jawaban, Kriteria, PeranTim, Rekomendasi, Templat, Tingkat
from kinerja.models import PerjanjianKinerja, Realisasi
from pohon.models import PohonKinerja, Simpul
from renstra import services as renstra_services
from renstra.models import Indikator
from renstra.testing import generate_plan, make_periode, make_versi
from sakip import access, inbox
from sakip.models import Jabatan, Jenjang, Peran, User
from sakip.testing import assert_same_queries, capture_queries, make_user


def _text(content: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages))


def _official() -> Templat:
    return Templat.objects.get(pemda=None)


@pytest.fixture
def tim(world):
    world.ketua = make_user("ketua", world.pemda, (Peran.Jenis.EVALUATOR, world.opd_a))
    world.dalnis = make_user("dalnis", world.pemda, (Peran.Jenis.EVALUATOR, None))
    return world


@pytest.fixture
def ev(tim):
    w = tim
    return services.open_evaluasi(
        w.opd_a,
        2024,
        _official(),
        [(w.bob, PeranTim.ANGGOTA), (w.ketua, PeranTim.KETUA), (w.dalnis, PeranTim.PENGENDALI)],
    )


def _grade_all(client, ev, grade: str, catatan: str = "") -> None:
    for k in Kriteria.objects.filter(sub__komponen__templat=ev.templat).select_related("sub__komponen"):
        temuan = bukti.kumpulkan(ev).get(k.sumber) if k.sumber else None
        data = {"grade": grade, "catatan": catatan, "token": ""}
        if temuan and temuan.saran and temuan.saran != grade:
            data["alasan_beda"] = "Dinilai dari wawancara."
        client.post(reverse("evaluasi:jawaban_save", args=[ev.pk, k.pk]), data)


# --- Template -------------------------------------------------------------------------------------------


def test_the_official_template_is_shipped_and_every_pemda_sees_it(world):
    templat = _official()
    assert Kriteria.objects.filter(sub__komponen__templat=templat).count() == 80
    assert sorted(templat.komponen.values_list("nama", "bobot")) == [
        ("Evaluasi Akuntabilitas Kinerja Internal", Decimal(25)),
        ("Pelaporan Kinerja", Decimal(15)),
        ("Pengukuran Kinerja", Decimal(30)),
        ("Perencanaan Kinerja", Decimal(30)),
    ]
    k = Kriteria.objects.get(sub__komponen__templat=templat, sub__kode="1.a", nomor=7)
    assert k.sumber == "pk" and k.bukti_diharapkan and k.langkah_kerja
    for user in (world.alice, world.frank):
        assert templat in Templat.objects.for_user(user)


def test_copy_adapt_and_a_template_in_use_is_frozen(client, tim):
    w = tim
    client.force_login(w.dave)  # admin pemda
    response = client.post(reverse("evaluasi:templat_copy", args=[_official().pk]))
    copy = Templat.objects.get(pemda=w.pemda)
    assert response.url == copy.get_absolute_url()
    assert copy.asal == _official() and Kriteria.objects.filter(sub__komponen__templat=copy).count() == 80
    # another pemda does not see the copy
    assert copy not in Templat.objects.for_user(w.frank)
    # unused: changed in place
    k = Kriteria.objects.get(sub__komponen__templat=copy, sub__kode="1.a", nomor=1)
    form = {
        "uraian": "Pedoman perencanaan kinerja OPD",
        "bobot": "1",
        "bukti_diharapkan": "SOP",
        "langkah_kerja": "Periksa",
        "sumber": "",
    }
    client.post(reverse("evaluasi:kriteria_update", args=[k.pk]), form)
    k.refresh_from_db()
    assert k.uraian == "Pedoman perencanaan kinerja OPD"
    # in use: a change makes a new template, the used one stays as it was
    services.open_evaluasi(w.opd_a, 2024, copy, [(w.ketua, PeranTim.KETUA), (w.dalnis, PeranTim.PENGENDALI)])
    page = client.get(copy.get_absolute_url())
    assert "dibekukan: dipakai evaluasi" in page.content.decode()
    client.post(reverse("evaluasi:kriteria_update", args=[k.pk]), {**form, "uraian": "Diubah lagi"})
    k.refresh_from_db()
    assert k.uraian == "Pedoman perencanaan kinerja OPD"
    newest = Templat.objects.filter(pemda=w.pemda).latest("pk")
    assert newest != copy
    assert Kriteria.objects.get(sub__komponen__templat=newest, sub__kode="1.a", nomor=1).uraian == "Diubah lagi"
    # the official template is never changed by a pemda: the change goes into a copy
    official = Kriteria.objects.get(sub__komponen__templat=_official(), sub__kode="1.a", nomor=2)
    client.post(reverse("evaluasi:kriteria_update", args=[official.pk]), {**form, "uraian": "RPJPD daerah"})
    official.refresh_from_db()
    assert official.uraian == "Terdapat dokumen perencanaan kinerja jangka panjang"


def test_boundary_rule_is_selectable_and_printed(client, tim, ev):
    copy = services.copy_templat(_official(), tim.pemda.pk)
    services.update_templat(copy, tim.pemda.pk, aturan_batas="inklusif")
    copy.refresh_from_db()
    assert copy.inklusif
    client.force_login(tim.bob)
    assert "Batas bawah tidak termasuk" in client.get(ev.get_absolute_url()).content.decode()
    assert "> 70 – 80 BB Sangat Baik" in _text(services.render_lhe(ev))
    other = services.open_evaluasi(
        tim.opd_a, 2023, copy, [(tim.ketua, PeranTim.KETUA), (tim.dalnis, PeranTim.PENGENDALI)]
    )
    text = _text(services.render_lhe(other))
    assert "≥ 70 – < 80 BB Sangat Baik" in text and "0 – < 30 D" in text and "DRAFT" in text


# --- The evaluation, level by level ---------------------------------------------------------------------


def test_open_evaluation_needs_a_team_of_evaluators(client, tim):
    w = tim
    client.force_login(w.bob)
    data = {
        "opd": w.opd_a.pk,
        "tahun": 2024,
        "templat": _official().pk,
        "ketua": w.ketua.pk,
        "pengendali": w.dalnis.pk,
        "anggota": [w.bob.pk],
        "mulai": "2025-04-01",
        "selesai": "2025-06-30",
    }
    response = client.post(reverse("evaluasi:evaluasi_create"), data)
    ev = Evaluasi.objects.get(opd=w.opd_a, tahun=2024)
    assert response.url == ev.get_absolute_url()
    assert sorted(ev.tim.values_list("user__username", "peran")) == [
        ("bob", "anggota"),
        ("dalnis", "pengendali"),
        ("ketua", "ketua"),
    ]
    assert ev.selesai == datetime.date(2025, 6, 30)
    # a planner opens nothing; an OPD outside the evaluator's scope is not offered
    client.force_login(w.alice)
    assert client.post(reverse("evaluasi:evaluasi_create"), data).status_code == 403
    client.force_login(w.bob)
    response = client.post(reverse("evaluasi:evaluasi_create"), {**data, "opd": w.opd_b.pk, "tahun": 2023})
    assert response.status_code == 400 and not Evaluasi.objects.filter(opd=w.opd_b).exists()


def test_self_assessment_evaluator_review_final(client, tim, ev):
    w = tim
    # the OPD's perencana proposes grades, then sends it on
    client.force_login(w.alice)
    _grade_all(client, ev, "BB", "Sudah ada.")
    assert Jawaban.objects.filter(evaluasi=ev, tingkat=Tingkat.MANDIRI).count() == 80
    client.post(reverse("evaluasi:evaluasi_lanjutkan", args=[ev.pk]))
    ev.refresh_from_db()
    assert ev.status == Evaluasi.Status.EVALUASI
    # the planner cannot grade at the evaluator's level: 403
    k = Kriteria.objects.get(sub__komponen__templat=ev.templat, sub__kode="1.a", nomor=7)
    response = client.post(reverse("evaluasi:jawaban_save", args=[ev.pk, k.pk]), {"grade": "AA", "token": ""})
    assert response.status_code == 403
    # the evaluator sees the evidence and Sakip's suggestion (no position has a signed PK: E)
    client.force_login(w.bob)
    page = client.get(ev.get_absolute_url()).content.decode()
    assert "Bukti dari Sakip" in page and "0 dari 2 jabatan struktural punya PK 2024" in page
    # overriding the suggestion needs a reason
    client.post(reverse("evaluasi:jawaban_save", args=[ev.pk, k.pk]), {"grade": "B", "catatan": "SKP ada", "token": ""})
    assert not Jawaban.objects.filter(evaluasi=ev, kriteria=k, tingkat=Tingkat.ANGGOTA).exists()
    client.post(
        reverse("evaluasi:jawaban_save", args=[ev.pk, k.pk]),
        {"grade": "B", "catatan": "SKP ada", "alasan_beda": "PK ada di kertas", "token": ""},
    )
    j = Jawaban.objects.get(evaluasi=ev, kriteria=k, tingkat=Tingkat.ANGGOTA)
    assert (j.grade, j.saran, j.alasan_beda, j.oleh_nama) == ("B", "E", "PK ada di kertas", "Bob")
    _grade_all(client, ev, "B", "Catatan evaluator.")
    client.post(reverse("evaluasi:evaluasi_lanjutkan", args=[ev.pk]))
    ev.refresh_from_db()
    assert ev.status == Evaluasi.Status.REVIU_KETUA
    # the ketua tim reviews (and changes one grade), the pengendali teknis finalises
    client.force_login(w.ketua)
    client.post(
        reverse("evaluasi:jawaban_save", args=[ev.pk, k.pk]),
        {"grade": "CC", "catatan": "Hanya sebagian.", "alasan_beda": "Sebagian PK", "token": ""},
    )
    client.post(reverse("evaluasi:evaluasi_lanjutkan", args=[ev.pk]))
    client.force_login(w.dalnis)
    client.post(reverse("evaluasi:evaluasi_finalkan", args=[ev.pk]))
    ev.refresh_from_db()
    assert ev.status == Evaluasi.Status.FINAL
    # every level kept; the ketua's grade counts
    assert dict(Jawaban.objects.filter(evaluasi=ev, kriteria=k).values_list("tingkat", "grade")) == {
        "mandiri": "BB",
        "anggota": "B",
        "ketua": "CC",
    }
    lke = services.load(ev)
    expected = services.nilai(lke).total
    assert ev.nilai_akhir == services.skor.bulat(expected) and ev.predikat == "B"
    # the final LHE is stored once, with its SHA-256, and prints names, scores and predikat
    content = client.get(reverse("evaluasi:evaluasi_lhe", args=[ev.pk])).getvalue()
    assert hashlib.sha256(content).hexdigest() == ev.lhe_sha256
    text = _text(content)
    for words in (
        "Perencanaan Kinerja",
        "Pengukuran Kinerja",
        "Pelaporan Kinerja",
        "Evaluasi Akuntabilitas Kinerja Internal",
        f"Predikat {ev.predikat}",
        str(ev.nilai_akhir).replace(".", ","),
        "1.a.7: Hanya sebagian.",
    ):
        assert words in text
    assert "DRAFT" not in text
    # final locks
    client.force_login(w.bob)
    client.post(reverse("evaluasi:jawaban_save", args=[ev.pk, k.pk]), {"grade": "AA", "alasan_beda": "x", "token": ""})
    assert not Jawaban.objects.filter(evaluasi=ev, kriteria=k, grade="AA").exists()


def test_a_grade_changed_meanwhile_is_not_overwritten(tim, ev):
    k = Kriteria.objects.filter(sub__komponen__templat=ev.templat, sumber="").first()
    first = services.save_jawaban(ev, k, actor=tim.alice, grade="B", token="")
    stale = services.token_of(None)
    with pytest.raises(services.Konflik, match="Diubah oleh Alice"):
        services.save_jawaban(ev, k, actor=tim.alice, grade="CC", token=stale)
    services.save_jawaban(ev, k, actor=tim.alice, grade="CC", token=services.token_of(first))
    assert Jawaban.objects.get(pk=first.pk).grade == "CC"


# --- Access ----------------------------------------------------------------------------------------------


def test_access_matrix(client, tim, ev):
    w = tim
    k = Kriteria.objects.filter(sub__komponen__templat=ev.templat).first()
    services.save_jawaban(ev, k, actor=w.alice, grade="BB", catatan="Usulan OPD")
    services.lanjutkan(ev, actor=w.alice)
    services.save_jawaban(ev, k, actor=w.bob, grade="CC", catatan="Catatan rahasia evaluator")
    url = ev.get_absolute_url()
    # another OPD's planner and another pemda: nothing (404)
    for user in (w.carol, w.frank):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.get(reverse("evaluasi:evaluasi_lhe", args=[ev.pk])).status_code == 404
        assert client.get(reverse("evaluasi:evaluasi_simulasi", args=[ev.pk])).status_code == 404
        assert client.post(reverse("evaluasi:evaluasi_lanjutkan", args=[ev.pk])).status_code == 404
        assert ev not in Evaluasi.objects.for_user(user)
    # the OPD sees its own evaluation but not the evaluators' notes before release
    client.force_login(w.alice)
    page = client.get(url).content.decode()
    assert "Usulan OPD" in page and "Catatan rahasia evaluator" not in page
    assert client.get(reverse("evaluasi:evaluasi_lhe", args=[ev.pk])).status_code == 403
    assert client.post(reverse("evaluasi:evaluasi_lanjutkan", args=[ev.pk])).status_code == 403
    assert client.post(reverse("evaluasi:evaluasi_rilis", args=[ev.pk])).status_code == 403
    # the evaluator sees both; the ketua releases; then the OPD sees the notes
    client.force_login(w.bob)
    assert "Catatan rahasia evaluator" in client.get(url).content.decode()
    services.rilis(ev, actor=w.ketua)
    client.force_login(w.alice)
    assert "Catatan rahasia evaluator" in client.get(url).content.decode()
    # the evaluator of the OPD who is not in the team cannot grade
    outsider = make_user("oscar", w.pemda, (Peran.Jenis.EVALUATOR, w.opd_a))
    client.force_login(outsider)
    assert (
        client.post(reverse("evaluasi:jawaban_save", args=[ev.pk, k.pk]), {"grade": "A", "token": ""}).status_code
        == 403
    )


# --- Evidence --------------------------------------------------------------------------------------------


def _grow(world, versi, n: int) -> None:
    """More of everything the evidence rules read: positions with signed PKs, realisasi, tree nodes."""
    indicators = list(Indikator.objects.filter(elemen__versi=versi).exclude(realisasi__tahun=2024)[: n * 3])
    for i in range(n):
        jab = Jabatan.objects.create(
            opd=world.opd_a,
            nama=f"Kepala Bidang {Jabatan.objects.count()}",
            jenjang=Jenjang.ADMINISTRATOR,
            atasan=world.kepala_a,
        )
        PerjanjianKinerja.objects.create(
            opd=world.opd_a, jabatan=jab, tahun=2024, status="ditandatangani", pdf_sha256="x" * 64
        )
    for ind in indicators:
        for tw in (1, 2):
            Realisasi.objects.create(
                indikator=ind, tahun=2024, triwulan=tw, nilai=Decimal(1), status=Realisasi.Status.DIVERIFIKASI
            )
    pohon = PohonKinerja.objects.filter(opd=world.opd_a).first() or PohonKinerja.objects.create(
        opd=world.opd_a, periode=versi.renstra.periode, tahun_berlaku=2021, versi=versi
    )
    for i in range(n):
        Simpul.objects.create(
            pohon=pohon, tingkat="outcome" if i == 0 else "strategis", kinerja=f"Kinerja {i}", jabatan=world.kepala_a
        )


def test_evidence_rules_on_small_and_large_data_in_constant_queries(tim, ev):
    versi = generate_plan(make_versi(tim.opd_a, make_periode(tim.pemda)))
    renstra_services.tetapkan(versi, berlaku_mulai=2021, actor=None)
    _grow(tim, versi, 1)
    with capture_queries("small") as small:
        found = bukti.kumpulkan(ev)
    assert "1 dari 3 jabatan struktural punya PK 2024" in found["pk"].baris[0].teks
    assert found["pk"].saran == "C"  # a third: > 25 %
    assert found["renstra"].saran == "BB"
    _grow(tim, versi, 6)
    with capture_queries("large") as large:
        found = bukti.kumpulkan(ev)
    assert "7 dari 9 jabatan struktural punya PK 2024" in found["pk"].baris[0].teks
    assert found["pk"].saran == "B"  # 78 %: > 75 %
    assert any("TW II" in b.teks and "diverifikasi" in b.teks for b in found["realisasi"].baris)
    assert_same_queries(small, large)


# --- Recommendations ---------------------------------------------------------------------------------------


def test_recommendation_follow_up_and_inbox(client, tim, ev):
    w = tim
    client.force_login(w.bob)
    client.post(
        reverse("evaluasi:rekomendasi_create", args=[ev.pk]),
        {"komponen": "1", "uraian": "Lengkapi PK seluruh pejabat.", "tenggat": "2026-11-15", "unit_kerja": w.unit_a.pk},
    )
    rek = Rekomendasi.objects.get(evaluasi=ev)
    assert rek.unit_kerja == w.unit_a
    # past its target date it is in the OPD's inbox
    items = inbox.items_for(w.alice, access.scope_for(w.alice))
    assert any(i.jenis == "rekomendasi-terlambat" and "Lengkapi PK" in i.keterangan for i in items)
    client.force_login(w.alice)
    client.post(
        reverse("evaluasi:rekomendasi_lapor", args=[rek.pk]), {"tindak_lanjut": "PK ditandatangani", "progres": 100}
    )
    rek.refresh_from_db()
    assert (rek.status, rek.progres, rek.dilaporkan_oleh_nama) == ("dilaporkan", 100, "Alice")
    assert client.post(reverse("evaluasi:rekomendasi_terima", args=[rek.pk])).status_code == 403
    client.force_login(w.bob)
    client.post(reverse("evaluasi:rekomendasi_terima", args=[rek.pk]))
    rek.refresh_from_db()
    assert rek.status == "diterima" and rek.diterima_oleh_nama == "Bob"
    # next year's evaluation shows it under komponen 4
    nxt = services.open_evaluasi(
        w.opd_a, 2025, _official(), [(w.ketua, PeranTim.KETUA), (w.dalnis, PeranTim.PENGENDALI)]
    )
    temuan = bukti.kumpulkan(nxt)["tindak_lanjut"]
    assert temuan.saran == "BB" and "Lengkapi PK seluruh pejabat." in temuan.baris[0].teks


# --- Demo --------------------------------------------------------------------------------------------------


def test_demo_blitar_lands_on_the_published_predikat(client, demo_data, tmp_path):
    finals = {e.tahun: e for e in Evaluasi.objects.filter(opd__pemda__kode="blitar", status="final")}
    assert (finals[2023].nilai_akhir, finals[2023].predikat) == (Decimal("75.16"), "BB")
    assert (finals[2024].nilai_akhir, finals[2024].predikat) == (Decimal("66.55"), "B")
    assert Evaluasi.objects.get(opd__pemda__kode="balangan").status == "evaluasi"
    client.force_login(User.objects.get(username="evaluator.blitar"))
    page = client.get(finals[2024].get_absolute_url()).content.decode()
    assert "66,55" in page and "Bukti dari Sakip" in page and "data demo" in page
    out = tmp_path / "lhe.pdf"
    call_command(
        "render_document",
        "lhe",
        "--opd",
        finals[2024].opd.kode,
        "--tahun",
        "2024",
        "-o",
        str(out),
        stdout=io.StringIO(),
    )
    text = _text(out.read_bytes())
    assert "Nilai 66,55 — Predikat B (Baik)" in text and "Pelaporan Kinerja" in text
    xlsx = client.get(reverse("evaluasi:rekap_xlsx"))
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    values = [c for row in ws.iter_rows(values_only=True) for c in row]
    assert Decimal(str(75.16)) in [Decimal(str(v)) for v in values if isinstance(v, float | int | Decimal)]


def test_inbox_shows_the_evaluation_to_whoever_acts_next(client, tim, ev):
    w = tim

    def jenis(user):
        return [i.jenis for i in inbox.items_for(user, access.scope_for(user))]

    assert "evaluasi-mandiri" in jenis(w.alice) and "evaluasi-nilai" not in jenis(w.bob)
    services.lanjutkan(ev, actor=w.alice)
    for user in (w.alice, w.bob, w.ketua, w.dalnis):
        access.forget_scope(user)
    assert "evaluasi-mandiri" not in jenis(w.alice)
    assert "evaluasi-nilai" in jenis(w.bob) and "evaluasi-nilai" in jenis(w.ketua)
    client.force_login(w.bob)
    assert "Dinilai evaluator: evaluasi Badan A 2024" in client.get(reverse("home")).content.decode()


def test_the_lke_page_runs_the_same_queries_however_many_answers(client, tim, ev):
    client.force_login(tim.bob)
    url = ev.get_absolute_url()
    client.get(url)  # warm the caches (content types, sessions)
    with capture_queries("no answers") as empty:
        client.get(url)
    for k in Kriteria.objects.filter(sub__komponen__templat=ev.templat).select_related("sub__komponen"):
        services.save_jawaban(ev, k, actor=tim.alice, grade="B", catatan="Ada.")
    services.create_rekomendasi(ev, actor=tim.bob, uraian="Perbaiki IKU.", tenggat=datetime.date(2027, 1, 31))
    with capture_queries("80 answers") as full:
        page = client.get(url)
    assert page.content.decode().count("Ada.") == 80
    assert_same_queries(empty, full)
