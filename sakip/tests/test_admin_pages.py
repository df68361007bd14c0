"""The admin pemda's pages: happy paths, and invalid input answered at the field."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from sakip.models import Jabatan, Jenjang, Pegawai, Penugasan, Peran, PerangkatDaerah, UnitKerja, User
from sakip.testing import assert_same_queries, capture_queries


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.dave)
    return client


def field_error(response, field: str) -> str:
    """The error text Bootstrap shows under one field."""
    html = response.content.decode()
    match = re.search(rf'id="error_\d+_id_{re.escape(field)}"[^>]*>\s*<strong>(.*?)</strong>', html, re.S)
    return match.group(1).strip() if match else ""


def test_create_opd(admin_client, world):
    response = admin_client.post(
        reverse("sakip:opd_create"),
        {
            "kode": "8.01",
            "nama": "Badan Kesatuan Bangsa dan Politik",
            "singkatan": "Kesbangpol",
            "aktif": "on",
            "website": "kesbangpol.example.go.id",
        },
    )
    opd = PerangkatDaerah.objects.get(pemda=world.pemda, kode="8.01")
    assert response.status_code == 302 and response.url == opd.get_absolute_url()
    assert opd.website == "https://kesbangpol.example.go.id"


def test_duplicate_opd_code_is_an_error_at_the_field(admin_client, world):
    response = admin_client.post(reverse("sakip:opd_create"), {"kode": "A", "nama": "Lain", "aktif": "on"})
    assert response.status_code == 200
    assert "Kode ini sudah dipakai" in response.content.decode()
    assert PerangkatDaerah.objects.filter(pemda=world.pemda, kode="A").count() == 1


def test_same_code_in_another_pemda_is_fine(client, world):
    client.force_login(world.frank)
    response = client.post(reverse("sakip:opd_create"), {"kode": "A", "nama": "Badan A Kota Dua", "aktif": "on"})
    assert response.status_code == 302
    assert PerangkatDaerah.objects.filter(kode="A").count() == 2


def test_required_field_error(admin_client):
    response = admin_client.post(reverse("sakip:opd_create"), {"kode": "", "nama": ""})
    assert field_error(response, "kode") == "Bidang ini tidak boleh kosong."


def test_unit_kerja_tree(admin_client, world):
    admin_client.post(
        reverse("sakip:unitkerja_create", args=[world.opd_a.pk]),
        {"nama": "Sub Bagian Umum", "jenis": "subbagian", "parent": world.unit_a.pk, "urutan": 1},
    )
    unit = UnitKerja.objects.get(nama="Sub Bagian Umum")
    assert unit.parent == world.unit_a and unit.opd == world.opd_a
    # A unit of another OPD cannot be chosen as parent: it is not among the choices.
    response = admin_client.post(
        reverse("sakip:unitkerja_create", args=[world.opd_a.pk]),
        {"nama": "Sub Lain", "jenis": "subbagian", "parent": world.unit_b.pk, "urutan": 1},
    )
    assert "Masukkan pilihan yang valid" in field_error(response, "parent")
    assert not UnitKerja.objects.filter(nama="Sub Lain").exists()


def test_jabatan_needs_a_higher_atasan(admin_client, world):
    response = admin_client.post(
        reverse("sakip:jabatan_create", args=[world.opd_a.pk]),
        {"nama": "Kabid", "jenjang": Jenjang.ADMINISTRATOR, "atasan": world.sekretaris_a.pk, "urutan": 1},
    )
    assert "harus lebih tinggi" in field_error(response, "atasan")
    assert not Jabatan.objects.filter(nama="Kabid").exists()


def test_second_head_is_refused_at_the_field(admin_client, world):
    response = admin_client.post(
        reverse("sakip:jabatan_create", args=[world.opd_a.pk]),
        {"nama": "Kepala Lain", "jenjang": Jenjang.JPT_PRATAMA, "urutan": 1},
    )
    assert "sudah punya kepala" in response.content.decode()


def test_pegawai_with_spaced_nip(admin_client, world):
    response = admin_client.post(
        reverse("sakip:pegawai_create"),
        {"nama": "H. SYAIFUDDIN TAILAH, S.Pd., MM", "nip": "19670403 199403 1 015", "golongan": "IV/c"},
    )
    pegawai = Pegawai.objects.get(nip="196704031994031015")
    assert response.url == pegawai.get_absolute_url()
    page = admin_client.get(pegawai.get_absolute_url()).content.decode()
    assert "19670403 199403 1 015" in page and "Pembina Utama Muda / IV/c" in page


def test_invalid_nip_is_shown_at_the_field(admin_client):
    response = admin_client.post(
        reverse("sakip:pegawai_create"), {"nama": "X", "nip": "1967040319940310", "golongan": ""}
    )
    assert field_error(response, "nip") == "NIP harus terdiri dari 18 angka."
    response = admin_client.post(reverse("sakip:pegawai_create"), {"nama": "X", "nip": "196704031994031015"})
    assert response.status_code == 302
    response = admin_client.post(reverse("sakip:pegawai_create"), {"nama": "Y", "nip": "19670403 199403 1 015"})
    assert "Sudah ada pegawai dengan NIP ini." in response.content.decode()


def test_penugasan_overlap_is_refused_at_the_field(admin_client, world):
    url = reverse("sakip:penugasan_create", args=[world.pegawai_b.pk])
    response = admin_client.post(url, {"jabatan": world.kepala_a.pk, "jenis": "definitif", "mulai": "2022-01-03"})
    assert "sudah dipegang Dr. Ani, M.Si" in field_error(response, "mulai")
    response = admin_client.post(
        url, {"jabatan": world.sekretaris_a.pk, "jenis": "plt", "mulai": "2022-01-03", "selesai": "2022-06-30"}
    )
    assert response.status_code == 302
    assert Penugasan.objects.filter(pegawai=world.pegawai_b, jabatan=world.sekretaris_a, jenis="plt").exists()


def test_jabatan_in_use_cannot_be_deleted_and_says_why(admin_client, world):
    url = reverse("sakip:jabatan_delete", args=[world.opd_a.pk, world.kepala_a.pk])
    page = admin_client.get(url).content.decode()
    assert "masih dipakai oleh" in page and "Sekretaris" in page
    response = admin_client.post(url)
    assert response.status_code == 302
    assert Jabatan.objects.filter(pk=world.kepala_a.pk).exists()


def test_create_user_with_roles(admin_client, world):
    response = admin_client.post(
        reverse("sakip:user_create"),
        {
            "username": "perencana.b",
            "nama": "Perencana B",
            "email": "",
            "password1": "Kinerja-Daerah-2024",
            "password2": "Kinerja-Daerah-2024",
            "peran-TOTAL_FORMS": "2",
            "peran-INITIAL_FORMS": "0",
            "peran-0-jenis": "perencana",
            "peran-0-opd": world.opd_b.pk,
            "peran-1-jenis": "evaluator",
            "peran-1-opd": "",
        },
    )
    assert response.status_code == 302, response.content.decode()
    user = User.objects.get(username="perencana.b")
    assert user.pemda == world.pemda and user.check_password("Kinerja-Daerah-2024")
    assert set(user.peran.values_list("jenis", "opd")) == {("perencana", world.opd_b.pk), ("evaluator", None)}


def test_weak_password_and_bad_roles_save_nothing(admin_client, world):
    response = admin_client.post(
        reverse("sakip:user_create"),
        {
            "username": "baru",
            "password1": "12345678",
            "password2": "12345678",
            "peran-TOTAL_FORMS": "2",
            "peran-INITIAL_FORMS": "0",
            "peran-0-jenis": "perencana",
            "peran-0-opd": "",
            "peran-1-jenis": "pimpinan",
            "peran-1-opd": "",
        },
    )
    html = response.content.decode()
    assert "terlalu pendek" in html  # Django's own Indonesian message for the length validator
    assert "Pilih perangkat daerah untuk peran Perencana." in html
    assert "Peran Pimpinan memerlukan pegawai" in html
    assert not User.objects.filter(username="baru").exists()


def test_opd_of_another_pemda_is_not_a_choice_for_roles(admin_client, world):
    response = admin_client.post(
        reverse("sakip:user_update", args=[world.alice.pk]),
        {
            "username": "alice",
            "nama": "Alice",
            "is_active": "on",
            "peran-TOTAL_FORMS": "2",
            "peran-INITIAL_FORMS": "1",
            "peran-0-id": world.alice.peran.get().pk,
            "peran-0-user": world.alice.pk,
            "peran-0-jenis": "perencana",
            "peran-0-opd": world.opd_a.pk,
            "peran-1-jenis": "perencana",
            "peran-1-opd": world.opd_c.pk,
        },
    )
    assert response.status_code == 200
    assert not Peran.objects.filter(user=world.alice, opd=world.opd_c).exists()


def test_admin_resets_a_password(admin_client, world):
    url = reverse("sakip:user_set_password", args=[world.alice.pk])
    response = admin_client.post(url, {"new_password1": "Baru-Sekali-2024", "new_password2": "Baru-Sekali-2024"})
    assert response.status_code == 302
    world.alice.refresh_from_db()
    assert world.alice.check_password("Baru-Sekali-2024")


def test_admin_cannot_delete_themselves(admin_client, world):
    assert admin_client.post(reverse("sakip:user_delete", args=[world.dave.pk])).status_code == 403


def test_pemda_profile(admin_client, world):
    response = admin_client.post(
        reverse("sakip:pemda_update"),
        {
            "nama": "Kabupaten Satu",
            "jenis": "kabupaten",
            "kepala_daerah_jabatan": "Bupati Satu",
            "ibukota": "Kota Satu",
            "ukuran_kertas": "F4",
            "zona_waktu": "Asia/Makassar",
        },
    )
    assert response.status_code == 302
    world.pemda.refresh_from_db()
    assert world.pemda.ibukota == "Kota Satu" and world.pemda.ukuran_kertas == "F4"
    assert world.pemda.zona_waktu == "Asia/Makassar"
    assert admin_client.session["zona_waktu"] == "Asia/Makassar"  # the admin sees it at once


def test_opd_detail_shows_positions_and_holders(admin_client, world, django_assert_max_num_queries):
    page = admin_client.get(reverse("sakip:opd_detail", args=[world.opd_a.pk])).content.decode()
    assert "Kepala Badan" in page and "Dr. Ani, M.Si" in page and "19670403 199403 2 015" in page
    assert "Kosong" in page  # the Sekretaris has no holder


def _count_queries(client, url):
    with capture_queries(url) as log:
        assert client.get(url).status_code == 200
    return log


def test_opd_detail_queries_do_not_grow_with_the_structure(admin_client, world):
    url = reverse("sakip:opd_detail", args=[world.opd_a.pk])
    small = _count_queries(admin_client, url)
    for i in range(30):
        unit = UnitKerja.objects.create(opd=world.opd_a, nama=f"Bidang {i}", jenis="bidang")
        jabatan = Jabatan.objects.create(
            opd=world.opd_a, nama=f"Kabid {i}", jenjang=Jenjang.ADMINISTRATOR, atasan=world.kepala_a, unit_kerja=unit
        )
        pegawai = Pegawai.objects.create(pemda=world.pemda, nama=f"Pegawai {i}")
        Penugasan.objects.create(pegawai=pegawai, jabatan=jabatan, mulai="2022-01-01")
    large = _count_queries(admin_client, url)
    assert_same_queries(small, large)


def test_list_pages_queries_do_not_grow(admin_client, world):
    urls = [
        reverse("sakip:opd_list"),
        reverse("sakip:pegawai_list"),
        reverse("sakip:user_list"),
        reverse("sakip:audit_log"),
    ]
    for url in urls:  # warm the process's caches (content types) that the first request of all fills
        admin_client.get(url)
    small = [_count_queries(admin_client, url) for url in urls]
    for i in range(20):
        opd = PerangkatDaerah.objects.create(pemda=world.pemda, kode=f"X{i}", nama=f"Dinas {i}")
        Pegawai.objects.create(pemda=world.pemda, nama=f"Pegawai {i}")
        user = User.objects.create_user(f"u{i}", pemda=world.pemda)
        Peran.objects.create(user=user, jenis="perencana", opd=opd)
    large = [_count_queries(admin_client, url) for url in urls]
    assert_same_queries(small, large)


def test_an_oversized_logo_is_refused_at_its_field(admin_client, world):
    # 5,000 × 4,000 pixels of one colour: a small file that would decode to 20 megapixels at every printing.
    image = io.BytesIO()
    Image.new("RGB", (5000, 4000), "white").save(image, "PNG")
    data = {
        "nama": "Kabupaten Satu",
        "jenis": "kabupaten",
        "kepala_daerah_jabatan": "Bupati Satu",
        "ibukota": "Kota Satu",
        "ukuran_kertas": "A4",
        "logo": SimpleUploadedFile("logo.png", image.getvalue(), content_type="image/png"),
    }
    response = admin_client.post(reverse("sakip:pemda_update"), data)
    assert response.status_code == 200
    assert "Logo terlalu besar: 5000 × 4000 piksel" in response.content.decode()
    world.pemda.refresh_from_db()
    assert not world.pemda.logo
