"""Issue 16, journeys 4–6: the Excel import page answers fragments to HTMX (every HTMX endpoint, errors
included), says before the upload that a draft exists and offers to replace it, and keeps the tujuan and
sasaran of the version in force when the workbook starts at the programs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pohon import services as pohon_services
from pohon.models import PohonKinerja, Simpul
from renstra import services
from renstra.importers import berlaku, tc27
from renstra.models import Elemen, Indikator, Level, RenstraVersi, Strategi
from renstra.samples import SAMPLE
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import AuditEntry

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def periode(world):
    return make_periode(world.pemda)


@pytest.fixture
def in_force(world, periode):
    """OPD A's plan in force: tujuan → sasaran (a strategi, an IKU) → programs 8.01.01 and 8.01.02."""
    versi = generate_plan(make_versi(world.opd_a, periode))
    sasaran = Elemen.objects.get(versi=versi, level=Level.SASARAN)
    Strategi.objects.create(sasaran=sasaran, uraian="Memperkuat deteksi dini", urutan=1)
    Indikator.objects.filter(elemen=sasaran).update(is_iku=True)
    return services.tetapkan(versi, berlaku_mulai=2021, actor=world.alice)


def _assert_fragment(response):
    html = response.content.decode()
    assert "<html" not in html.lower() and "<nav" not in html.lower(), html[:300]
    return html


def _upload(client, opd, periode):
    with open(SAMPLE, "rb") as handle:
        return client.post(
            reverse("renstra:renstra_import", args=[opd.pk]), {"periode": periode.pk, "berkas": handle}, **HX
        )


def _token(html: str) -> str:
    return html.split('name="token" value="')[1].split('"')[0]


# --- Journey 4: fragments to HTMX -----------------------------------------------------------------------------


def test_import_form_error_answers_the_form_not_a_page(client, world, periode):
    client.force_login(world.alice)
    response = client.post(reverse("renstra:renstra_import", args=[world.opd_a.pk]), {"periode": periode.pk}, **HX)
    html = _assert_fragment(response)
    assert 'id="import-form"' in html and "Bidang ini tidak boleh kosong" in html
    assert response["HX-Retarget"] == "#import-form" and response["HX-Reswap"] == "outerHTML"


def test_every_htmx_endpoint_answers_fragments_to_invalid_data(client, world, periode):
    """Each endpoint a page reaches with hx-get/hx-post (grep templates for hx-), sent invalid data."""
    versi = generate_plan(make_versi(world.opd_a, periode))
    sub = Elemen.objects.filter(versi=versi, level=Level.SUB_KEGIATAN).first()
    pohon = PohonKinerja.objects.create(opd=world.opd_a, periode=periode, tahun_berlaku=2022, versi=versi)
    node = pohon_services.save_simpul(Simpul(pohon=pohon, tingkat="outcome", kinerja="Aman"))
    client.force_login(world.alice)
    posts = [
        (reverse("renstra:renstra_import", args=[world.opd_a.pk]), {"periode": "x"}),
        (reverse("renstra:elemen_create", args=[versi.pk]) + "?level=tujuan", {"nama": ""}),
        (reverse("renstra:elemen_update", args=[sub.pk]), {"nama": "", "kode": "zz"}),
        (reverse("renstra:indikator_create", args=[sub.pk]), {"uraian": "", "kondisi_awal": "1.234,5x"}),
        (reverse("pohon:simpul_create", args=[pohon.pk]), {"tingkat": "", "kinerja": ""}),
        (reverse("pohon:simpul_update", args=[node.pk]), {"tingkat": "", "kinerja": ""}),
        (reverse("pohon:simpul_move", args=[node.pk]), {"parent": "999999"}),
        (reverse("pohon:pohon_update", args=[pohon.pk]), {"tahun_berlaku": "abc"}),
        (reverse("pohon:simpul_reorder", args=[999999, "naik"]), {}),  # 404
        (reverse("lkjip:cetakan_status", args=[999999]), None),  # 404 while polling
    ]
    for url, data in posts:
        response = client.get(url, **HX) if data is None else client.post(url, data, **HX)
        _assert_fragment(response)
    # Someone who may not edit: a refusal, as a fragment too.
    client.force_login(world.bob)
    response = client.post(reverse("renstra:elemen_create", args=[versi.pk]) + "?level=tujuan", {"nama": "x"}, **HX)
    assert response.status_code in (403, 404)
    assert 'data-testid="htmx-error"' in _assert_fragment(response)


# --- Journey 5: a draft exists ----------------------------------------------------------------------------------


def test_an_existing_draft_is_named_before_the_upload_and_replaced_on_request(client, world, periode):
    draft = generate_plan(make_versi(world.opd_a, periode))
    client.force_login(world.alice)
    url = reverse("renstra:renstra_import", args=[world.opd_a.pk])
    page = client.get(url).content.decode()
    assert 'data-testid="import-draft-notice"' in page and draft.label in page

    html = _assert_fragment(_upload(client, world.opd_a, periode))
    assert "Simpan sebagai draf" not in html and "Ganti draf" in html and 'name="ganti_draf"' in html
    token = _token(html)

    # Confirmed without ticking "replace": refused with a message, the draft untouched, the upload kept.
    response = client.post(url, {"token": token}, follow=True)
    assert "Ganti draf" in response.content.decode()
    assert RenstraVersi.objects.filter(pk=draft.pk).exists()

    html = _upload(client, world.opd_a, periode).content.decode()
    response = client.post(url, {"token": _token(html), "ganti_draf": "1"})
    new = RenstraVersi.objects.get(renstra__opd=world.opd_a)
    assert response.url == new.get_absolute_url() and new.pk != draft.pk
    assert not RenstraVersi.objects.filter(pk=draft.pk).exists()
    assert new.elemen.filter(level=Level.SUB_KEGIATAN).count() == 37
    assert AuditEntry.objects.filter(operasi=AuditEntry.Operasi.RENSTRA_HAPUS_VERSI).count() == 1
    assert AuditEntry.objects.filter(operasi=AuditEntry.Operasi.RENSTRA_IMPOR).count() == 1


def test_replacing_refuses_a_draft_made_after_the_preview(world, periode):

    shown = generate_plan(make_versi(world.opd_a, periode))
    with open(SAMPLE, "rb") as handle:
        report = tc27.read_renstra(handle, periode.years)
    services.delete_versi(shown)
    other = RenstraVersi.objects.create(renstra=shown.renstra, nomor=2)
    with pytest.raises(tc27.ImportRefused):
        berlaku.simpan(report, world.opd_a, periode, ganti_draf=shown.pk)
    assert RenstraVersi.objects.filter(pk=other.pk).exists()


# --- Journey 6: the version in force's tujuan and sasaran are kept -----------------------------------------------


def test_programs_are_attached_to_the_sasaran_in_force(client, world, periode, in_force):
    client.force_login(world.alice)
    html = _assert_fragment(_upload(client, world.opd_a, periode))
    assert 'data-testid="import-tautan"' in html
    tautan = html.split('data-testid="import-tautan"')[1].split("</table>")[0]
    assert "8.01.02" in tautan and "Sasaran 1" in tautan and "kode" in tautan
    assert "1.05.01" in html.split('data-testid="import-tautan"')[1]  # a program not in force is named

    response = client.post(reverse("renstra:renstra_import", args=[world.opd_a.pk]), {"token": _token(html)})
    new = RenstraVersi.objects.exclude(pk=in_force.pk).get(renstra__opd=world.opd_a)
    assert new.dasar == in_force
    tujuan = new.elemen.get(level=Level.TUJUAN)
    sasaran = new.elemen.get(level=Level.SASARAN)
    assert tujuan.nama == "Tujuan 1" and sasaran.parent == tujuan and sasaran.asal.versi == in_force
    assert list(sasaran.strategi.values_list("uraian", flat=True)) == ["Memperkuat deteksi dini"]
    assert sasaran.indikator.filter(is_iku=True).count() == 1
    program = new.elemen.get(level=Level.PROGRAM, kode="8.01.02")
    assert program.parent == sasaran
    assert new.elemen.get(level=Level.PROGRAM, kode="1.05.01").parent is None
    # The comparison is one click away from the message the planner lands on.
    page = client.get(response.url).content.decode()
    compare = reverse("renstra:versi_compare", args=[new.pk]) + f"?dengan={in_force.pk}"
    assert compare in page  # (the page itself, with removed elements, is journey 1's)


def test_what_the_new_version_lacks_is_said_when_nothing_matches(client, world, periode, in_force):
    Elemen.objects.filter(versi=in_force, level=Level.PROGRAM).update(kode="9.99.99", nama="Program lain")
    client.force_login(world.alice)
    html = _assert_fragment(_upload(client, world.opd_a, periode))
    lacks = html.split('data-testid="import-kurang"')[1].split("</div>")[0]
    assert "1 Tujuan" in lacks and "1 Sasaran" in lacks and "1 Strategi" in lacks
    assert "Indikator kinerja utama (IKU)" in lacks and "Bandingkan" in lacks
