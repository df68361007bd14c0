"""Entering realisasi: the grid and its errors, who may enter, evidence, notes and the history."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.models import (
    AnggaranSubKegiatan,
    BuktiDukung,
    JendelaRealisasi,
    Realisasi,
    RealisasiAnggaran,
)
from kinerja.realisasi import verifikasi as verifikasi_svc
from kinerja.tests.conftest import TAHUN, grid_url, make_item, post_cells
from renstra.models import Elemen, Indikator, Level
from sakip.audit import history_of

BROKEN_BODIES = [
    b"{not json",
    b'[{"kolom": "tw2"}]',
    b'{"cells": {"kolom": "tw2"}}',
    b'{"cells": ["tw2"]}',
]


@pytest.mark.parametrize("body", BROKEN_BODIES)
@pytest.mark.parametrize(("name", "id_field"), [("indikator_grid", "indikator"), ("anggaran_grid", "elemen")])
def test_a_broken_grid_body_is_a_400_and_saves_nothing(client, world, plan, windows, name, id_field, body):
    client.force_login(world.alice)
    body = body.replace(b'"ID"', f'"{id_field}"'.encode())
    response = client.post(grid_url(world, name), body, content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]
    assert not Realisasi.objects.exists() and not RealisasiAnggaran.objects.exists()


def test_entry_saves_open_quarter_and_refuses_closed_one(client, world, iku, windows):
    client.force_login(world.alice)
    response = post_cells(
        client,
        grid_url(world),
        [
            {"indikator": iku.pk, "kolom": "tw2", "value": "62,5"},
            {"indikator": iku.pk, "kolom": "tw1", "value": "10"},
            {"indikator": iku.pk, "kolom": "tw3", "value": "70"},
            {"indikator": iku.pk, "kolom": "tw2x", "value": "1"},
        ],
    ).json()
    assert response["saved"] == {f"{iku.pk}:tw2": "62,5"}
    assert "Triwulan I 2024 ditutup" in response["errors"][f"{iku.pk}:tw1"]
    assert "Triwulan III 2024 ditutup" in response["errors"][f"{iku.pk}:tw3"]
    assert f"{iku.pk}:tw2x" in response["errors"]
    saved = Realisasi.objects.get(indikator=iku)
    assert (saved.triwulan, saved.nilai, saved.status, saved.dicatat_oleh) == (
        2,
        Decimal("62.5"),
        "menunggu",
        world.alice,
    )
    assert history_of(saved).exists()


def test_bad_value_is_reported_at_its_cell(client, world, iku, windows):
    client.force_login(world.alice)
    response = post_cells(client, grid_url(world), [{"indikator": iku.pk, "kolom": "tw2", "value": "banyak"}]).json()
    assert response["saved"] == {}
    assert response["errors"][f"{iku.pk}:tw2"]
    assert not Realisasi.objects.exists()


@pytest.mark.parametrize("long", ["12345678901234567", 12345678901234567, 1e17])
def test_a_number_too_long_is_reported_at_its_cell_and_the_others_are_saved(client, world, plan, iku, windows, long):
    client.force_login(world.alice)
    sub = Elemen.objects.filter(versi=plan, level=Level.SUB_KEGIATAN).order_by("kode").first()
    too_long = "Angka terlalu besar: paling banyak 16 digit sebelum koma."
    other = Indikator.objects.filter(elemen__versi=plan).exclude(pk=iku.pk).order_by("pk").first()
    cells = [
        {"indikator": iku.pk, "kolom": "tw2", "value": long},
        {"indikator": other.pk, "kolom": "tw2", "value": "9"},
    ]
    response = post_cells(client, grid_url(world), cells).json()
    assert response["errors"] == {f"{iku.pk}:tw2": too_long}
    assert response["saved"] == {f"{other.pk}:tw2": "9"}
    assert Realisasi.objects.get().indikator == other
    cells = [{"elemen": sub.pk, "kolom": "dpa", "value": long}, {"elemen": sub.pk, "kolom": "tw2", "value": "300.000"}]
    response = post_cells(client, grid_url(world, "anggaran_grid"), cells).json()
    assert response["errors"] == {f"{sub.pk}:dpa": too_long}
    assert response["saved"] == {f"{sub.pk}:tw2": "300.000"}
    assert RealisasiAnggaran.objects.get(elemen=sub).jumlah == Decimal(300000)
    assert not AnggaranSubKegiatan.objects.filter(elemen=sub).exists()


def test_changed_value_needs_verifying_again(client, world, iku, windows):
    client.force_login(world.alice)
    post_cells(client, grid_url(world), [{"indikator": iku.pk, "kolom": "tw2", "value": "50"}])
    item = Realisasi.objects.get()
    verifikasi_svc.verifikasi([item], actor=world.bob, setuju=True)
    post_cells(client, grid_url(world), [{"indikator": iku.pk, "kolom": "tw2", "value": "55"}])
    item.refresh_from_db()
    assert (item.status, item.diverifikasi_oleh) == ("menunggu", None)


@pytest.mark.parametrize(
    ("user", "view", "post"),
    [
        ("alice", 200, 200),  # perencana of A
        ("bob", 200, 403),  # evaluator of A: reads only
        ("erin", 200, 403),  # pimpinan holding A's head position: reads only
        ("dave", 200, 403),  # admin pemda: reads, does not enter
        ("carol", 404, 404),  # perencana of B
        ("frank", 404, 404),  # another pemda
    ],
)
def test_entry_permissions(client, world, iku, windows, user, view, post):
    client.force_login(getattr(world, user))
    assert client.get(grid_url(world)).status_code == view
    assert client.get(reverse("realisasi:opd_dashboard", args=[world.opd_a.pk, TAHUN])).status_code == view
    response = post_cells(client, grid_url(world), [{"indikator": iku.pk, "kolom": "tw2", "value": "5"}])
    assert response.status_code == post
    assert Realisasi.objects.exists() == (post == 200)


def detail_url(iku, tw=2):
    return reverse("realisasi:realisasi_detail", args=[iku.pk, TAHUN, tw])


def test_evidence_upload_checks_type_and_size(client, world, iku, windows, settings):
    client.force_login(world.alice)
    bad = SimpleUploadedFile("skrip.exe", b"MZ...", content_type="application/octet-stream")
    page = client.post(detail_url(iku), {"action": "bukti", "berkas": bad}).content.decode()
    assert "Jenis berkas tidak diterima" in page
    fake = SimpleUploadedFile("laporan.pdf", b"<html>", content_type="application/pdf")
    assert "bukan PDF" in client.post(detail_url(iku), {"action": "bukti", "berkas": fake}).content.decode()
    big = SimpleUploadedFile("besar.pdf", b"%PDF-1.4" + b"0" * (10 * 1024 * 1024), content_type="application/pdf")
    assert "terlalu besar" in client.post(detail_url(iku), {"action": "bukti", "berkas": big}).content.decode()
    assert not BuktiDukung.objects.exists()
    good = SimpleUploadedFile("BA rapat.pdf", b"%PDF-1.4 bukti", content_type="application/pdf")
    assert client.post(detail_url(iku), {"action": "bukti", "berkas": good}).status_code == 302
    bukti = BuktiDukung.objects.get()
    assert bukti.nama == "BA rapat.pdf" and bukti.realisasi.triwulan == 2
    # Not reachable as a plain media file: only logos are public.
    assert client.get(f"/media/{bukti.berkas.name}").status_code == 404


def test_evidence_in_a_closed_quarter_is_refused(client, world, iku, windows):
    client.force_login(world.alice)
    good = SimpleUploadedFile("ba.pdf", b"%PDF-1.4", content_type="application/pdf")
    client.post(detail_url(iku, tw=1), {"action": "bukti", "berkas": good})
    assert not BuktiDukung.objects.exists()


@pytest.mark.parametrize(
    ("user", "status"), [("alice", 200), ("bob", 200), ("erin", 200), ("dave", 200), ("carol", 404), ("frank", 404)]
)
def test_evidence_download_permissions(client, world, iku, user, status):
    item = make_item(iku, world)
    bukti = BuktiDukung.objects.create(
        realisasi=item, berkas=SimpleUploadedFile("ba.pdf", b"%PDF-1.4 isi"), nama="ba.pdf", ukuran=12
    )
    client.force_login(getattr(world, user))
    response = client.get(reverse("realisasi:bukti_download", args=[bukti.pk]))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == b"%PDF-1.4 isi"


def test_notes_are_saved_and_audited(client, world, iku, windows):
    client.force_login(world.alice)
    client.post(
        detail_url(iku), {"action": "catatan", "catatan-kendala": "Responden berubah", "catatan-solusi": "Survei ulang"}
    )
    item = Realisasi.objects.get()
    assert (item.kendala, item.solusi) == ("Responden berubah", "Survei ulang")
    assert "Responden berubah" in client.get(detail_url(iku)).content.decode()
    assert history_of(item).exists()


def test_history_of_a_realisasi_and_of_reopening(client, world, iku, windows):
    client.force_login(world.alice)
    post_cells(client, grid_url(world), [{"indikator": iku.pk, "kolom": "tw2", "value": "50"}])
    post_cells(client, grid_url(world), [{"indikator": iku.pk, "kolom": "tw2", "value": "55"}])
    item = Realisasi.objects.get()
    page = client.get(reverse("sakip:object_history", args=["kinerja", "realisasi", item.pk])).content.decode()
    assert "55" in page and "alice" in page.lower()
    client.force_login(world.carol)
    assert client.get(reverse("sakip:object_history", args=["kinerja", "realisasi", item.pk])).status_code == 404
    window = JendelaRealisasi.objects.get(pemda=world.pemda, tahun=TAHUN, triwulan=1)
    window.dibuka_untuk.add(world.opd_a)
    assert history_of(window).count() >= 2  # created, then reopened for A
