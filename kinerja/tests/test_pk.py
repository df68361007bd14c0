"""The PK: drafted from the plan, submitted, signed by the holder, frozen, revised, printed."""

import hashlib
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from kinerja import services
from kinerja.models import PerjanjianKinerja, PKIndikator, RencanaAksi


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def draft(world, plan):
    world.pemda.kepala_daerah_nama = "H. ABDUL, S.Sos"
    world.pemda.save()
    return services.susun_dari_renstra(world.kepala_a, 2024)


def test_draft_from_the_plan(draft, world):
    rows = list(draft.indikator.all())
    assert [(r.sasaran, r.satuan, r.target) for r in rows] == [("Sasaran 1", "%", "24")]
    assert [a.kode for a in draft.anggaran.all()] == ["8.01.01", "8.01.02"]
    assert draft.jumlah_anggaran == Decimal("8000000")  # 2 programs × 4 sub kegiatan × 1.000.000
    assert draft.pertama_nama == "Dr. Ani, M.Si" and draft.pertama_nip == "196704031994032015"
    assert draft.pertama_jabatan == "Kepala Badan A Kabupaten Satu"
    assert draft.kedua_nama == "H. ABDUL, S.Sos" and draft.kedua_jabatan == "Bupati Satu" and draft.kedua_nip == ""
    with pytest.raises(services.PKError, match="sudah punya PK"):
        services.susun_dari_renstra(world.kepala_a, 2024)


def test_administrator_gets_programs_and_kegiatan(world, plan):
    pk = services.susun_dari_renstra(world.sekretaris_a, 2024)
    assert {r.sasaran for r in pk.indikator.all()} == {"Program 1", "Program 2"}
    assert {a.level for a in pk.anggaran.all()} == {"kegiatan"}
    assert pk.kedua_nama == "Dr. Ani, M.Si"  # the head signs as pihak kedua


def test_no_plan_in_force(world):
    with pytest.raises(services.PKError, match="Belum ada Renstra"):
        services.susun_dari_renstra(world.kepala_a, 2024)


def test_adjusting_a_target_needs_a_reason(draft):
    row = draft.indikator.get()
    with pytest.raises(services.PKError, match="tuliskan alasannya"):
        services.update_target(row, "30", "")
    services.update_target(row, "30", "Disesuaikan dengan DPA")
    row.refresh_from_db()
    assert row.target == "30" and row.berbeda
    with pytest.raises(services.PKError, match="tidak dapat dibaca"):
        services.update_target(row, "tiga puluh", "x")


def test_checks_before_submission(draft):
    row = draft.indikator.get()
    PKIndikator.objects.filter(pk=row.pk).update(target_nilai=None, satuan="orang")
    problems = services.check(draft)
    assert any("belum punya target" in p for p in problems)
    assert any("berbeda dengan Renstra" in p for p in problems)
    with pytest.raises(services.PKError):
        services.ajukan(draft, actor=None)
    assert PerjanjianKinerja.objects.get(pk=draft.pk).status == "draft"


def test_workflow_sign_freeze_revise(client, world, draft):
    client.force_login(world.alice)
    client.post(reverse("kinerja:pk_ajukan", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == "diajukan" and draft.diajukan_oleh == world.alice
    # Only the pimpinan holding the position signs; the planner cannot.
    assert client.post(reverse("kinerja:pk_tandatangani", args=[draft.pk])).status_code == 403
    client.force_login(world.erin)
    client.post(reverse("kinerja:pk_tandatangani", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.is_signed and draft.ditandatangani_oleh == world.erin
    stored = draft.pdf.read()
    assert hashlib.sha256(stored).hexdigest() == draft.pdf_sha256
    text = pdf_text(stored)
    for expected in ("Dr. Ani, M.Si", "19670403 199403 2 015", "H. ABDUL, S.Sos", "24%", "8.000.000", "PIHAK KEDUA"):
        assert expected in text, expected
    assert "DRAFT" not in text and draft.kode_verifikasi in text

    # Frozen: an edit is refused with a message and nothing changes, and the PDF served is the stored one.
    client.force_login(world.alice)
    row = draft.indikator.get()
    response = client.post(
        reverse("kinerja:pk_row_update", args=[draft.pk, row.pk]), {"target": "99", "alasan": "x"}, follow=True
    )
    assert "sudah ditandatangani" in response.content.decode()
    row.refresh_from_db()
    assert row.target == "24"
    download = client.get(reverse("kinerja:pk_pdf", args=[draft.pk]))
    assert b"".join(download.streaming_content) == stored
    draft.refresh_from_db()
    assert hashlib.sha256(draft.pdf.read()).hexdigest() == draft.pdf_sha256

    # The QR code opens the public verification page (kinerja/tests/test_pk_verifikasi.py).
    client.logout()
    page = client.get(reverse("kinerja:pk_verifikasi", args=[draft.kode_verifikasi])).content.decode()
    assert draft.pdf_sha256 in page

    # A revision goes through the same workflow and shows what changed.
    client.force_login(world.alice)
    client.post(reverse("kinerja:pk_perubahan", args=[draft.pk]), {"alasan": "Perubahan anggaran"})
    baru = PerjanjianKinerja.objects.get(jabatan=draft.jabatan, tahun=2024, versi=2)
    assert baru.jenis == "perubahan" and baru.status == "draft"
    services.update_target(baru.indikator.get(), "26", "APBD-P")
    html = client.get(baru.get_absolute_url()).content.decode()
    assert "Perubahan dari versi 1" in html and "<del>24</del>" in html
    services.ajukan(baru, actor=world.alice)
    signed = services.tandatangani(baru, actor=world.erin)
    assert signed.is_signed and "26%" in pdf_text(signed.pdf.read())
    draft.refresh_from_db()
    assert hashlib.sha256(draft.pdf.read()).hexdigest() == draft.pdf_sha256  # the first stays as it was


def test_return_with_a_comment(world, draft):
    services.ajukan(draft, actor=world.alice)
    with pytest.raises(services.PKError, match="catatan"):
        services.kembalikan(draft, actor=world.erin, catatan="")
    pk = services.kembalikan(draft, actor=world.erin, catatan="Target sasaran terlalu rendah")
    assert pk.status == "draft" and pk.catatan_pengembalian == "Target sasaran terlalu rendah"


def test_draft_pdf_has_watermark(client, world, draft):
    client.force_login(world.bob)
    response = client.get(reverse("kinerja:pk_pdf", args=[draft.pk]))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert "DRAFT" in pdf_text(response.content)


ROLES = ["alice", "bob", "carol", "dave", "erin", "frank"]


@pytest.mark.parametrize(
    "name,url,method,expected",
    [
        ("detail", lambda pk: reverse("kinerja:pk_detail", args=[pk.pk]), "get", [200, 200, 404, 200, 200, 404]),
        ("pdf", lambda pk: reverse("kinerja:pk_pdf", args=[pk.pk]), "get", [200, 200, 404, 200, 200, 404]),
        (
            "rencana aksi",
            lambda pk: reverse("kinerja:rencana_aksi_grid", args=[pk.pk]),
            "get",
            [200, 200, 404, 200, 200, 404],
        ),
        ("ajukan", lambda pk: reverse("kinerja:pk_ajukan", args=[pk.pk]), "post", [302, 403, 404, 403, 403, 404]),
        ("susun", lambda pk: reverse("kinerja:pk_create", args=[pk.opd_id]), "get", [200, 403, 404, 403, 403, 404]),
    ],
)
def test_access_matrix(client, world, draft, name, url, method, expected):
    for role, status in zip(ROLES, expected, strict=True):
        client.force_login(getattr(world, role))
        response = getattr(client, method)(url(draft))
        assert response.status_code == status, f"{name}: {role}"
        if method == "post" and status == 302:
            PerjanjianKinerja.objects.filter(pk=draft.pk).update(status="draft")


def test_render_document_command(world, draft, tmp_path):
    out = tmp_path / "pk.pdf"
    call_command("render_document", "pk", "--opd", "A", "--tahun", "2024", "-o", out, stdout=io.StringIO())
    assert "DRAFT" in pdf_text(out.read_bytes())
    out = tmp_path / "ra.pdf"
    call_command("render_document", "rencana-aksi", "--opd", "A", "--tahun", "2024", "-o", out, stdout=io.StringIO())
    assert "RENCANA AKSI KINERJA TAHUN 2024" in pdf_text(out.read_bytes())


def test_rencana_aksi_rules(world, draft):
    [ra] = services.prepare_rencana_aksi(draft)
    row = ra.indikator
    row.agregasi = "kumulatif"
    row.save()
    ra.tw1, ra.tw2, ra.tw3, ra.tw4 = Decimal(5), Decimal(5), Decimal(5), Decimal(5)
    ra.anggaran, ra.anggaran_tw1 = Decimal(100), Decimal(60)
    assert services.check_rencana_aksi(ra) == [
        "Jumlah TW I–IV (20) harus sama dengan target tahunan 24.",
        "Jumlah anggaran TW I–IV (Rp 60) harus sama dengan anggaran Rp 100.",
    ]
    ra.tw4, ra.anggaran_tw2 = Decimal(9), Decimal(40)
    assert services.check_rencana_aksi(ra) == []
    row.agregasi = "nilai_akhir"
    assert services.check_rencana_aksi(ra) == ["Target TW IV (9) harus sama dengan target tahunan 24."]
    ra.tw2 = None
    assert services.check_rencana_aksi(ra) == ["Target TW I–IV belum lengkap."]


@pytest.mark.parametrize("body", [b"{not json", b"[]", b'{"cells": 1}', b'{"cells": [1]}'])
def test_a_broken_rencana_aksi_grid_body_is_a_400(client, world, draft, body):
    client.force_login(world.alice)
    response = client.post(reverse("kinerja:rencana_aksi_grid", args=[draft.pk]), body, content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]


@pytest.mark.parametrize(
    ("kolom", "long"), [("tw1", 1e17), ("tw1", "12345678901234567"), ("anggaran_tw2", "Rp 123.456.789.012.345.678")]
)
def test_a_number_too_long_in_the_rencana_aksi_grid_is_reported_at_its_cell(client, world, draft, kolom, long):
    import json

    [ra] = services.prepare_rencana_aksi(draft)
    client.force_login(world.alice)
    cells = [{"rencana": ra.pk, "kolom": kolom, "value": long}, {"rencana": ra.pk, "kolom": "tw4", "value": "24"}]
    response = client.post(
        reverse("kinerja:rencana_aksi_grid", args=[draft.pk]),
        json.dumps({"cells": cells}),
        content_type="application/json",
    )
    data = response.json()
    assert data["errors"] == {f"{ra.pk}:{kolom}": "Angka terlalu besar: paling banyak 16 digit sebelum koma."}
    assert set(data["saved"]) == {f"{ra.pk}:tw4"}
    assert RencanaAksi.objects.get(pk=ra.pk).tw4 == 24


def test_rencana_aksi_grid_save(client, world, draft):
    [ra] = services.prepare_rencana_aksi(draft)
    client.force_login(world.alice)
    cells = [{"rencana": ra.pk, "kolom": "tw4", "value": "24"}, {"rencana": ra.pk, "kolom": "anggaran", "value": "1.000.000"},
             {"rencana": ra.pk, "kolom": "tw1", "value": "abc"}]  # fmt: skip
    response = client.post(
        reverse("kinerja:rencana_aksi_grid", args=[draft.pk]),
        json.dumps({"cells": cells}),
        content_type="application/json",
    )
    data = response.json()
    assert set(data["saved"]) == {f"{ra.pk}:tw4", f"{ra.pk}:anggaran"} and f"{ra.pk}:tw1" in data["errors"]
    ra = RencanaAksi.objects.get(pk=ra.pk)
    assert ra.tw4 == 24 and ra.anggaran == Decimal("1000000")
    client.force_login(world.bob)
    assert (
        client.post(
            reverse("kinerja:rencana_aksi_grid", args=[draft.pk]),
            json.dumps({"cells": cells}),
            content_type="application/json",
        ).status_code
        == 403
    )


def test_demo_pk_of_blitar(demo_data):
    signed = PerjanjianKinerja.objects.filter(opd__pemda__kode="blitar", tahun=2024, status="ditandatangani").order_by(
        "versi"
    )
    assert [pk.jenis for pk in signed] == ["awal", "perubahan"]
    text = pdf_text(signed.last().pdf.read())
    for expected in (
        "Ir. SETIYANA, MM",
        "19680810 199703 1 003",
        "RINI SYARIFAH",
        "86 Indeks",
        "BB (75,3)",
        "66.348.353.265",
        "Blitar, 1 Oktober 2024",
    ):
        assert expected in text, expected
    metro = RencanaAksi.objects.filter(pk_doc__opd__pemda__kode="metro")
    assert metro.count() == 5 and metro.first().aksi.exists()


def test_naskah_pk_is_per_pemda(client, world, plan):
    client.force_login(world.dave)
    url = reverse("kinerja:naskah_pk")
    client.post(
        url,
        {
            "pembuka": "Kami yang bertanda tangan:",
            "janji_pertama": "PIHAK KESATU berjanji.",
            "janji_kedua": "Supervisi.",
        },
    )
    pk = services.susun_dari_renstra(world.kepala_a, 2024)
    assert pk.pembuka == "Kami yang bertanda tangan:" and pk.janji_pertama == "PIHAK KESATU berjanji."
    client.force_login(world.alice)
    assert client.get(url).status_code == 403


def test_rencana_aksi_rows_are_created_by_a_post_not_by_opening_the_page(client, world, draft):
    url = reverse("kinerja:rencana_aksi_grid", args=[draft.pk])
    client.force_login(world.bob)  # the evaluator reads; the page offers no button and writes nothing
    assert 'data-testid="ra-create"' not in client.get(url).content.decode()
    assert client.post(reverse("kinerja:rencana_aksi_create", args=[draft.pk])).status_code == 403
    client.force_login(world.alice)
    page = client.get(url).content.decode()
    assert 'data-testid="ra-create"' in page and not RencanaAksi.objects.filter(pk_doc=draft).exists()
    assert client.post(reverse("kinerja:rencana_aksi_create", args=[draft.pk])).status_code == 302
    assert RencanaAksi.objects.filter(pk_doc=draft).count() == draft.indikator.count() == 1
    assert 'data-testid="ra-create"' not in client.get(url).content.decode()
