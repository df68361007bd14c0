"""The Renstra pages: access matrix, in-place editing, refusals, constant query counts."""

import json
import re

import pytest
from django.urls import reverse

from renstra import services
from renstra.models import Elemen, Indikator, Level, Nomenklatur, Periode, RenstraVersi, Strategi, Target
from renstra.samples import SAMPLE
from renstra.testing import generate_plan, make_versi
from sakip.testing import assert_same_queries, capture_queries

ROLES = ["alice", "bob", "carol", "dave", "erin", "frank"]
# alice plans OPD A (owner of `versi`), bob evaluates it, carol plans OPD B, dave is admin pemda,
# erin the pimpinan of OPD A, frank the admin of another pemda.
READ = [200, 200, 404, 200, 200, 404]
EDIT = [200, 403, 404, 403, 403, 404]


def _sub(versi):
    return Elemen.objects.filter(versi=versi, level=Level.SUB_KEGIATAN).first()


MATRIX = [
    ("renstra detail", lambda v: reverse("renstra:renstra_detail", args=[v.renstra_id]), READ),
    ("tree", lambda v: reverse("renstra:versi_detail", args=[v.pk]), READ),
    ("target grid", lambda v: reverse("renstra:target_grid", args=[v.pk]), READ),
    ("pagu grid", lambda v: reverse("renstra:pagu_grid", args=[v.pk]), READ),
    ("compare", lambda v: reverse("renstra:versi_compare", args=[v.pk]), READ),
    ("history", lambda v: reverse("sakip:object_history", args=["renstra", "elemen", _sub(v).pk]), READ),
    ("plan history", lambda v: reverse("renstra:renstra_history", args=[v.renstra_id]), READ),
    ("element form", lambda v: reverse("renstra:elemen_update", args=[_sub(v).pk]), EDIT),
    ("element delete", lambda v: reverse("renstra:elemen_delete", args=[_sub(v).pk]), EDIT),
    ("new element", lambda v: reverse("renstra:elemen_create", args=[v.pk]) + "?level=tujuan", EDIT),
    ("indicator form", lambda v: reverse("renstra:indikator_create", args=[_sub(v).pk]), EDIT),
    ("version form", lambda v: reverse("renstra:versi_update", args=[v.pk]), EDIT),
    ("tetapkan form", lambda v: reverse("renstra:versi_tetapkan", args=[v.pk]), EDIT),
    ("delete draft", lambda v: reverse("renstra:versi_delete", args=[v.pk]), EDIT),
    ("new renstra", lambda v: reverse("renstra:renstra_create", args=[v.renstra.opd_id]), EDIT),
]


@pytest.mark.parametrize("name,url,expected", MATRIX, ids=[m[0] for m in MATRIX])
def test_access_matrix(client, world, versi, name, url, expected):
    target = url(versi)
    for role, status in zip(ROLES, expected, strict=True):
        client.force_login(getattr(world, role))
        assert client.get(target).status_code == status, f"{name}: {role}"


def test_grid_post_access(client, world, versi):
    ind = Indikator.objects.filter(elemen__versi=versi).first()
    body = json.dumps({"cells": [{"indikator": ind.pk, "kolom": "2021", "value": "7"}]})
    url = reverse("renstra:target_grid", args=[versi.pk])
    for role, status in zip(ROLES, EDIT, strict=True):
        client.force_login(getattr(world, role))
        assert client.post(url, body, content_type="application/json").status_code == status, role
    assert Target.objects.get(indikator=ind, tahun=2021).nilai == 7  # only alice's save landed


def test_evaluator_sees_no_edit_controls(client, world, versi):
    client.force_login(world.bob)
    html = client.get(reverse("renstra:versi_detail", args=[versi.pk])).content.decode()
    assert "Program 1" in html and "data-act" not in html and 'data-urls=""' in html
    html = client.get(reverse("renstra:target_grid", args=[versi.pk])).content.decode()
    assert "readonly" in html and 'id="grid-save"' not in html


def test_htmx_create_returns_the_new_tree(client, world, versi):
    client.force_login(world.alice)
    sasaran = Elemen.objects.get(versi=versi, level=Level.SASARAN)
    url = reverse("renstra:elemen_create", args=[versi.pk]) + f"?parent={sasaran.pk}&level=program"
    form = client.get(url, HTTP_HX_REQUEST="true")
    assert "Tambah program" in form.content.decode() and "<html" not in form.content.decode()
    response = client.post(url, {"kode": "8.01 03", "nama": "Program Baru"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#plan-tree"
    assert "Program Baru" in response.content.decode()
    program = Elemen.objects.get(versi=versi, nama="Program Baru")
    assert program.kode == "8.01.03" and program.parent == sasaran and program.urutan == 3


def test_invalid_element_form_stays_in_the_dialog(client, world, versi):
    client.force_login(world.alice)
    url = reverse("renstra:elemen_create", args=[versi.pk]) + "?level=tujuan"
    response = client.post(url, {"nama": ""}, HTTP_HX_REQUEST="true")
    assert "Isi uraian atau pilih dari nomenklatur." in response.content.decode()
    assert "HX-Retarget" not in response


def test_wrong_level_is_refused(client, world, versi):
    client.force_login(world.alice)
    sasaran = Elemen.objects.get(versi=versi, level=Level.SASARAN)
    url = reverse("renstra:elemen_create", args=[versi.pk]) + f"?parent={sasaran.pk}&level=sub_kegiatan"
    assert client.get(url).status_code == 400


def test_choosing_from_the_master_fills_code_name_and_indicator(client, world, versi):
    master = Nomenklatur.objects.create(
        versi=Nomenklatur.Versi.V2023,
        tingkat=Nomenklatur.Tingkat.SUB_KEGIATAN,
        kode="8.01.01.2.01.0009",
        nama="Penyusunan Dokumen X",
        indikator="Jumlah Dokumen X",
        satuan="Dokumen",
    )
    kegiatan = Elemen.objects.filter(versi=versi, level=Level.KEGIATAN, kode="8.01.01.2.01").get()
    client.force_login(world.alice)
    url = reverse("renstra:elemen_create", args=[versi.pk]) + f"?parent={kegiatan.pk}&level=sub_kegiatan"
    client.post(url, {"nomenklatur": master.pk, "kode": "", "nama": ""})
    sub = Elemen.objects.get(versi=versi, kode="8.01.01.2.01.0009")
    assert sub.nama == "Penyusunan Dokumen X" and sub.nomenklatur == master
    assert list(sub.indikator.values_list("uraian", "satuan")) == [("Jumlah Dokumen X", "Dokumen")]


def test_delete_asks_and_says_what_goes_with_it(client, world, versi):
    client.force_login(world.alice)
    program = Elemen.objects.filter(versi=versi, level=Level.PROGRAM).first()
    url = reverse("renstra:elemen_delete", args=[program.pk])
    html = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "2 kegiatan" in html and "4 sub kegiatan" in html and "42 target" in html
    client.post(url, HTTP_HX_REQUEST="true")
    assert not Elemen.objects.filter(pk=program.pk).exists()
    assert Elemen.objects.filter(versi=versi, level=Level.SUB_KEGIATAN).count() == 4


def test_ditetapkan_version_refuses_edits_with_a_message(client, world, versi):
    services.tetapkan(versi, berlaku_mulai=2021, actor=world.alice)
    client.force_login(world.alice)
    sub = _sub(versi)
    response = client.post(reverse("renstra:elemen_update", args=[sub.pk]), {"nama": "X"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 409 and "sudah ditetapkan" in response.content.decode()
    response = client.post(reverse("renstra:elemen_update", args=[sub.pk]), {"nama": "X"}, follow=True)
    assert "sudah ditetapkan" in response.content.decode()
    ind = Indikator.objects.filter(elemen__versi=versi).first()
    body = json.dumps({"cells": [{"indikator": ind.pk, "kolom": "2021", "value": "7"}]})
    response = client.post(reverse("renstra:target_grid", args=[versi.pk]), body, content_type="application/json")
    assert response.status_code == 409 and "sudah ditetapkan" in response.json()["error"]
    sub.refresh_from_db()
    assert sub.nama != "X"


def test_perubahan_and_compare_pages(client, world, versi):
    services.tetapkan(versi, berlaku_mulai=2021, actor=world.alice)
    client.force_login(world.alice)
    response = client.post(reverse("renstra:versi_perubahan", args=[versi.pk]), {"jenis": "perubahan"})
    baru = versi.renstra.versi.get(nomor=2)
    assert response.url == baru.get_absolute_url()
    sub = _sub(baru)
    client.post(reverse("renstra:elemen_update", args=[sub.pk]), {"kode": sub.kode, "nama": "Nama Baru"})
    html = client.get(reverse("renstra:versi_compare", args=[baru.pk])).content.decode()
    assert "Nama Baru" in html and "1 diubah namanya" in html
    # A second draft is refused while one exists.
    client.post(reverse("renstra:versi_perubahan", args=[versi.pk]))
    assert versi.renstra.versi.count() == 2


def test_tetapkan_needs_a_legal_basis_typed_on_its_form(client, world, versi):
    client.force_login(world.alice)
    url = reverse("renstra:versi_tetapkan", args=[versi.pk])
    response = client.post(url, {"berlaku_mulai": 2021})
    assert response.status_code == 200 and _field_error(response, "dasar_hukum_nomor")
    assert _field_error(response, "dasar_hukum_tanggal")
    versi.refresh_from_db()
    assert versi.is_draft
    data = {"berlaku_mulai": 2021, "dasar_hukum_nomor": "Perbup 1/2021", "dasar_hukum_tanggal": "2021-06-01"}
    client.post(url, data)
    versi.refresh_from_db()
    assert not versi.is_draft and versi.berlaku_mulai == 2021
    assert versi.dasar_hukum_nomor == "Perbup 1/2021" and versi.dasar_hukum_tanggal.isoformat() == "2021-06-01"


def _field_error(response, name: str) -> str:
    """The message shown under a field of the form ("" when none)."""
    found = re.search(rf'id="error_\d+_id_{name}"><strong>(.*?)</strong>', response.content.decode())
    return found.group(1) if found else ""


def test_strategi_and_kebijakan(client, world, versi):
    client.force_login(world.alice)
    sasaran = Elemen.objects.get(versi=versi, level=Level.SASARAN)
    client.post(reverse("renstra:strategi_create", args=[sasaran.pk]), {"uraian": "Strategi A"})
    strategi = Strategi.objects.get(sasaran=sasaran)
    client.post(reverse("renstra:kebijakan_create", args=[strategi.pk]), {"uraian": "Kebijakan A"})
    html = client.get(reverse("renstra:versi_detail", args=[versi.pk])).content.decode()
    assert "Strategi A" in html and "Kebijakan A" in html


def _queries(client, url):
    with capture_queries(url) as log:
        assert client.get(url).status_code == 200
    return log


@pytest.mark.parametrize(
    "page", ["renstra:versi_detail", "renstra:target_grid", "renstra:pagu_grid", "renstra:versi_compare"]
)
def test_pages_run_a_constant_number_of_queries(client, world, periode, page):
    small = generate_plan(make_versi(world.opd_a, periode), programs=1, kegiatan_per_program=1, sub_per_kegiatan=1)
    large = generate_plan(
        make_versi(world.opd_b, periode),
        programs=4,
        kegiatan_per_program=3,
        sub_per_kegiatan=5,
        indicators_per_element=2,
    )
    if page == "renstra:versi_compare":
        small, large = (services.tetapkan(v, berlaku_mulai=2021, actor=None) for v in (small, large))
        small, large = services.create_perubahan(small), services.create_perubahan(large)
    client.force_login(world.dave)  # reads both OPD
    assert_same_queries(
        _queries(client, reverse(page, args=[small.pk])), _queries(client, reverse(page, args=[large.pk]))
    )


def test_indicator_reorder(client, world, versi):
    program = Elemen.objects.filter(versi=versi, level=Level.PROGRAM).first()
    second = Indikator.objects.create(elemen=program, uraian="Indikator kedua", urutan=2)
    client.force_login(world.alice)
    response = client.post(
        reverse("renstra:elemen_child_move", args=["indikator", second.pk, "naik"]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert program.indikator.order_by("urutan").first().uraian == "Indikator kedua"


def test_plan_history_says_who_changed_which_target(client, world, versi):
    ind = Indikator.objects.filter(elemen__versi=versi, elemen__level=Level.SUB_KEGIATAN).first()
    client.force_login(world.alice)
    body = json.dumps({"cells": [{"indikator": ind.pk, "kolom": "2022", "value": "44"}]})
    client.post(reverse("renstra:target_grid", args=[versi.pk]), body, content_type="application/json")
    client.force_login(world.bob)
    html = client.get(reverse("renstra:renstra_history", args=[versi.renstra_id])).content.decode()
    assert "Alice (alice)" in html and "<td>22</td><td>44</td>" in html


def test_excel_download(client, world, versi):
    client.force_login(world.bob)  # evaluators download too
    response = client.get(reverse("renstra:versi_export", args=[versi.pk]) + "?tabel=pagu")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="Renstra_BA_2021-2026_v1_pagu.xlsx"' in response["Content-Disposition"]
    from io import BytesIO

    from openpyxl import load_workbook

    assert load_workbook(BytesIO(response.content)).sheetnames == ["Pagu"]
    client.force_login(world.carol)
    assert client.get(reverse("renstra:versi_export", args=[versi.pk])).status_code == 404


def test_import_in_the_browser(client, world, periode):
    client.force_login(world.alice)
    url = reverse("renstra:renstra_import", args=[world.opd_a.pk])
    with open(SAMPLE, "rb") as handle:
        response = client.post(url, {"periode": periode.pk, "berkas": handle}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'data-testid="import-preview"' in html and "<html" not in html
    assert "Simpan sebagai draf" in html and "Rp 6.713.166.768" in html and "#REF!" in html
    token = html.split('name="token" value="')[1].split('"')[0]
    assert not Elemen.objects.filter(versi__renstra__opd=world.opd_a).exists()  # nothing before confirming
    response = client.post(url, {"token": token})
    versi = RenstraVersi.objects.get(renstra__opd=world.opd_a, renstra__periode=periode)
    assert response.url == versi.get_absolute_url()
    assert versi.elemen.filter(level=Level.SUB_KEGIATAN).count() == 37
    # The token is spent: confirming again is refused with a message.
    response = client.post(url, {"token": token}, follow=True)
    assert "kedaluwarsa" in response.content.decode()


def test_import_page_shows_errors_and_saves_nothing(client, world, periode):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.alice)
    url = reverse("renstra:renstra_import", args=[world.opd_a.pk])
    response = client.post(
        url, {"periode": periode.pk, "berkas": SimpleUploadedFile("lama.xls", b"\xd0\xcf\x11\xe0rest")}
    )
    html = response.content.decode()
    assert "Excel lama (.xls)" in html and "Simpan sebagai draf" not in html
    assert not RenstraVersi.objects.filter(renstra__opd=world.opd_a).exists()


@pytest.mark.parametrize("role,status", [("alice", 200), ("bob", 403), ("carol", 404), ("dave", 403), ("frank", 404)])
def test_import_page_access(client, world, role, status):
    client.force_login(getattr(world, role))
    assert client.get(reverse("renstra:renstra_import", args=[world.opd_a.pk])).status_code == status


def test_renstra_baru_only_where_a_period_has_none_else_it_says_where_changes_are_made(client, world, versi):
    client.force_login(world.alice)  # OPD A has a Renstra for the pemda's one period
    listing = client.get(reverse("renstra:renstra_list")).content.decode()
    create = reverse("renstra:renstra_create", args=[world.opd_a.pk])
    assert f'href="{create}"' not in listing and "Setiap periode RPJMD sudah punya Renstra" in listing
    page = client.get(create).content.decode()
    assert "Buat perubahan" in page and f'href="{versi.renstra.get_absolute_url()}"' in page
    assert 'name="periode"' not in page
    assert client.post(create, {"periode": versi.renstra.periode_id}).status_code == 200  # nothing to create
    Periode.objects.create(pemda=world.pemda, nama="RPJMD 2027–2031", tahun_awal=2027, tahun_akhir=2031)
    assert f'href="{create}"' in client.get(reverse("renstra:renstra_list")).content.decode()
    assert 'name="periode"' in client.get(create).content.decode()
