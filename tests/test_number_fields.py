"""A number no column can hold (17 digits) or cannot read, typed into any form that takes numbers, is answered
at that field with an Indonesian message, and nothing is saved (issue 15, "bounded work for any input").

The grids (target, pagu, realisasi, anggaran, rencana aksi) answer per cell in JSON and are tested with their
features; these are the HTML forms: the PK rows, T-C.23/T-C.24, the Renstra indicator, the capaian settings,
belanja (realisasi anggaran per jenis belanja), the benchmarks, the RPJMD period, misi and tujuan/sasaran, and
the pohon revision year."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from kinerja import services as pk_services
from kinerja.models import BelanjaOPD, PengaturanCapaian, PKAnggaran, PKIndikator
from lkjip import services as lkjip_services
from lkjip.models import BarisPeriodeLalu, Pembanding
from pohon.models import PohonKinerja
from renstra import services as renstra_services
from renstra.models import Indikator, Level, Misi, Periode, SasaranRPJMD, TujuanRPJMD
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import AuditEntry

HUGE = "12345678901234567"  # 17 digits
TOO_BIG = "Angka terlalu besar: paling banyak 16 digit sebelum koma."
VOID = {"input", "br", "img", "hr", "meta", "link", "col", "area", "base", "source", "wbr"}


class FieldMessages(HTMLParser):
    """The error messages shown right after each form field, keyed by (form action, field name): the text of an
    ``invalid-feedback`` (or crispy's error) element between the field and the next field of the page."""

    def __init__(self):
        super().__init__()
        self.action = ""
        self.field: tuple[str, str] | None = None
        self.invalid: set[tuple[str, str]] = set()
        self.messages: dict[tuple[str, str], str] = {}
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "form":
            self.action = attrs.get("action") or ""
        if tag in ("input", "select", "textarea") and attrs.get("name") and attrs.get("type") != "hidden":
            self.field = (self.action, attrs["name"])
            if "is-invalid" in classes:
                self.invalid.add(self.field)
        if self.depth:
            self.depth += tag not in VOID
        elif "invalid-feedback" in classes and self.field:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and self.field and data.strip():
            text = self.messages.get(self.field, "")
            self.messages[self.field] = f"{text} {data.strip()}".strip()


def message_at(response, name: str, action: str | None = None) -> str:
    """The message shown at field ``name`` (of the form posting to ``action``, if given); the field must be
    marked invalid."""
    assert response.status_code == 200, response.status_code
    parser = FieldMessages()
    parser.feed(response.content.decode())
    found = {key: text for key, text in parser.messages.items() if key[1] == name and action in (None, key[0])}
    assert len(found) == 1, f"no single message at {name!r}: {parser.messages}"
    [(key, text)] = found.items()
    assert key in parser.invalid, f"{name!r} is not marked invalid"
    return text


@pytest.fixture
def plan(world):
    """OPD A's Renstra 2021–2026, ditetapkan from 2021."""
    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)), programs=1)
    return renstra_services.tetapkan(versi, berlaku_mulai=2021, actor=None)


@pytest.fixture
def draft(world, plan):
    return pk_services.susun_dari_renstra(world.kepala_a, 2024)


# --- Perjanjian Kinerja rows ----------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", [HUGE, "banyak sekali"])
def test_pk_target_is_refused_at_its_field(client, world, draft, typed):
    row = PKIndikator.objects.filter(pk_doc=draft).first()
    before = (row.target_nilai, row.target_teks, row.updated_at)
    client.force_login(world.alice)
    url = reverse("kinerja:pk_row_update", args=[draft.pk, row.pk])
    response = client.post(url, {"target": typed, "alasan": "", "token": row.updated_at.isoformat()})
    message = message_at(response, "target", url)
    assert message == TOO_BIG if typed == HUGE else "tidak dapat dibaca" in message
    assert f'value="{typed}"' in response.content.decode()  # what was typed stays, to correct it
    row.refresh_from_db()
    assert (row.target_nilai, row.target_teks, row.updated_at) == before


def test_pk_target_with_a_text_longer_than_its_column_is_refused_at_its_field(client, world, draft):
    row = PKIndikator.objects.filter(pk_doc=draft).first()
    client.force_login(world.alice)
    url = reverse("kinerja:pk_row_update", args=[draft.pk, row.pk])
    response = client.post(url, {"target": f"82 ({'sangat ' * 20}tinggi)", "alasan": "x"})
    assert message_at(response, "target", url) == "Teks nilai terlalu panjang: paling banyak 60 karakter."
    assert PKIndikator.objects.get(pk=row.pk).target_teks == row.target_teks


def test_pk_target_differing_without_a_reason_is_refused_at_the_reason(client, world, draft):
    row = PKIndikator.objects.filter(pk_doc=draft).first()
    client.force_login(world.alice)
    url = reverse("kinerja:pk_row_update", args=[draft.pk, row.pk])
    response = client.post(url, {"target": "123", "alasan": ""})
    assert "tuliskan alasannya" in message_at(response, "alasan", url)
    assert PKIndikator.objects.get(pk=row.pk).target_nilai == row.target_nilai


@pytest.mark.parametrize(
    ("field", "values", "expected"),
    [
        ("anggaran", {"anggaran": "Rp " + HUGE, "keterangan": "APBD"}, TOO_BIG),
        ("anggaran", {"anggaran": "-5.000", "keterangan": "APBD"}, "Jumlah rupiah tidak boleh negatif."),
        ("keterangan", {"anggaran": "5.000", "keterangan": "x" * 201}, "Keterangan paling panjang 200 karakter."),
    ],
)
def test_pk_anggaran_is_refused_at_its_field(client, world, draft, field, values, expected):
    row = PKAnggaran.objects.filter(pk_doc=draft).first()
    before = (row.anggaran, row.keterangan, row.updated_at)
    client.force_login(world.alice)
    url = reverse("kinerja:pk_row_update", args=[draft.pk, row.pk])
    response = client.post(url, {"jenis": "anggaran", **values})
    assert message_at(response, field, url) == expected
    row.refresh_from_db()
    assert (row.anggaran, row.keterangan, row.updated_at) == before


# --- T-C.23 and T-C.24 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("tabel", "bagian"), [("tc23", "rencana"), ("tc23", "realisasi"), ("tc24", "rencana")])
def test_previous_period_cell_is_refused_at_its_cell(client, world, plan, tabel, bagian):
    dokumen = lkjip_services.renstra(plan, create=True)
    lkjip_services.save_periode_lalu(dokumen, tabel, [{"uraian": "Lama", "tahun": {2018: ("5", "6")}}], [2018])
    client.force_login(world.alice)
    url = reverse("lkjip:periode_lalu_update", args=[dokumen.pk, tabel])
    other = "realisasi" if bagian == "rencana" else "rencana"
    post = {"tahun_awal": "2016", "r1-uraian": "Baru", f"r1-2018-{bagian}": HUGE, f"r1-2018-{other}": "7"}
    response = client.post(url, post)
    assert message_at(response, f"r1-2018-{bagian}") == TOO_BIG
    assert "Tidak ada yang disimpan" in response.content.decode()
    [baris] = BarisPeriodeLalu.objects.filter(dokumen=dokumen, tabel=tabel)
    assert baris.uraian == "Lama" and baris.nilai.get().rencana_nilai == Decimal(5)


# --- Renstra indicator, RPJMD --------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["kondisi_awal", "kondisi_akhir"])
def test_indicator_baseline_is_refused_at_its_field(client, world, field):
    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)), programs=1)
    ind = Indikator.objects.filter(elemen__versi=versi, elemen__level=Level.SASARAN).first()
    client.force_login(world.alice)
    url = reverse("renstra:indikator_update", args=[ind.pk])
    data = {
        "uraian": "Diubah",
        "satuan": ind.satuan,
        "polaritas": ind.polaritas,
        "tipe": ind.tipe,
        "agregasi": ind.agregasi,
        "frekuensi": ind.frekuensi,
        field: HUGE,
    }
    response = client.post(url, data)
    assert message_at(response, field) == TOO_BIG
    assert Indikator.objects.get(pk=ind.pk).uraian == ind.uraian


def test_rpjmd_period_years_are_refused_at_their_field(client, world):
    periode = make_periode(world.pemda)
    client.force_login(world.dave)
    url = reverse("renstra:periode_update", args=[periode.pk])
    management = {"misi-TOTAL_FORMS": "1", "misi-INITIAL_FORMS": "0", "misi-MIN_NUM_FORMS": "0"}
    data = {"nama": "Diubah", "tahun_awal": HUGE, "tahun_akhir": "2026", **management}
    response = client.post(url, {**data, "misi-0-nomor": HUGE, "misi-0-uraian": "Misi"})
    assert message_at(response, "tahun_awal") == "Pastikan nilai ini lebih kecil dari atau sama dengan 2100."
    assert message_at(response, "misi-0-nomor") == "Pastikan nilai ini lebih kecil dari atau sama dengan 32767."
    assert Periode.objects.get(pk=periode.pk).nama == periode.nama and not Misi.objects.exists()


@pytest.mark.parametrize("level", ["tujuan", "sasaran"])
def test_rpjmd_order_number_is_refused_at_its_field(client, world, level):
    periode = make_periode(world.pemda)
    tujuan = TujuanRPJMD.objects.create(periode=periode, urutan=1, uraian="Tujuan")
    client.force_login(world.dave)
    if level == "tujuan":
        url = reverse("renstra:tujuan_rpjmd_create", args=[periode.pk])
    else:
        url = reverse("renstra:sasaran_rpjmd_create", args=[periode.pk, tujuan.pk])
    response = client.post(url, {"urutan": HUGE, "uraian": "Baru", "indikator": ""})
    assert message_at(response, "urutan") == "Pastikan nilai ini lebih kecil dari atau sama dengan 32767."
    assert TujuanRPJMD.objects.count() == 1 and not SasaranRPJMD.objects.exists()


# --- Realisasi settings, belanja, benchmarks -----------------------------------------------------------------


@pytest.mark.parametrize("field", ["batas_atas", "sangat_tinggi"])
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (HUGE, "Angka terlalu besar: paling banyak 16 digit sebelum koma."),  # the one reader's bound
        ("1234567890", "Pastikan jumlah angka pada bilangan tidak melebihi"),  # read, but larger than its column
    ],
)
def test_capaian_setting_is_refused_at_its_field(client, world, field, typed, message):
    client.force_login(world.dave)
    url = reverse("realisasi:pengaturan_update")
    page = client.get(url)
    data = {name: value for name, value in page.context["form"].initial.items() if value is not None}
    data[field] = typed
    data["konfirmasi"] = "on"  # past the warning of a percentage over 100: the column's bound still holds
    response = client.post(url, data)
    assert message_at(response, field).startswith(message)
    assert not PengaturanCapaian.objects.exists()
    assert not AuditEntry.objects.filter(content_type__model="pengaturancapaian").exists()


@pytest.mark.parametrize("field", ["anggaran", "realisasi"])
def test_belanja_amount_is_refused_at_its_field(client, world, field):
    client.force_login(world.alice)
    url = reverse("realisasi:belanja_update", args=[world.opd_a.pk, 2024])
    management = {"belanja-TOTAL_FORMS": "1", "belanja-INITIAL_FORMS": "0", "belanja-MIN_NUM_FORMS": "0"}
    row = {"belanja-0-jenis": BelanjaOPD.Jenis.values[0], "belanja-0-anggaran": "1.000", "belanja-0-realisasi": "500"}
    response = client.post(url, {**management, **row, f"belanja-0-{field}": HUGE})
    assert message_at(response, f"belanja-0-{field}") == TOO_BIG
    assert not BelanjaOPD.objects.exists()


def test_benchmark_year_is_refused_at_its_field(client, world, plan):
    dokumen = lkjip_services.lkjip(world.opd_a, 2024, create=True)
    client.force_login(world.alice)
    url = reverse("lkjip:pembanding_update", args=[dokumen.pk])
    indikator = Indikator.objects.filter(elemen__versi=plan, elemen__level=Level.SASARAN).first()
    management = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-MIN_NUM_FORMS": "0"}
    row = {"form-0-indikator": indikator.pk, "form-0-pembanding": "Nasional", "form-0-tahun": HUGE, "form-0-nilai": "7"}
    response = client.post(url, {**management, **row})
    assert message_at(response, "form-0-tahun") == "Pastikan nilai ini lebih kecil dari atau sama dengan 2100."
    assert not Pembanding.objects.exists()


# --- Pohon kinerja -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tahun", [HUGE, "1800"])
def test_pohon_revision_year_out_of_range_is_refused(client, world, tahun):
    periode = make_periode(world.pemda)
    pohon = PohonKinerja.objects.create(opd=world.opd_a, periode=periode, tahun_berlaku=2021)
    client.force_login(world.alice)
    response = client.post(reverse("pohon:pohon_revisi", args=[pohon.pk]), {"tahun": tahun}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tahun berlaku revisi: Pastikan nilai ini" in page and ("2100" in page or "2000" in page)
    assert PohonKinerja.objects.count() == 1


# --- Organisation ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["jabatan_create", "unitkerja_create"])
def test_organisation_order_number_is_refused_at_its_field(client, world, name):
    client.force_login(world.dave)
    url = reverse(f"sakip:{name}", args=[world.opd_a.pk])
    response = client.post(url, {"nama": "Baru", "jenjang": "pelaksana", "jenis": "bidang", "urutan": HUGE})
    assert message_at(response, "urutan") == "Pastikan nilai ini lebih kecil dari atau sama dengan 32767."
    assert not world.opd_a.jabatan.filter(nama="Baru").exists() and not world.opd_a.unit_kerja.filter(nama="Baru")
