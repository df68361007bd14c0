"""Verifying realisasi: who may verify, the queue and its comments, the home page panel."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.models import JendelaRealisasi, Realisasi
from kinerja.tests.conftest import make_item


@pytest.mark.parametrize(
    ("user", "status", "verified"),
    [("bob", 302, True), ("erin", 302, True), ("alice", 403, False), ("carol", 404, False), ("frank", 404, False)],
)
def test_verification_permissions(client, world, iku, user, status, verified):
    item = make_item(iku, world)
    client.force_login(getattr(world, user))
    response = client.post(reverse("realisasi:verifikasi_update", args=[item.pk]), {"action": "setuju"})
    assert response.status_code == status
    item.refresh_from_db()
    assert (item.status == "diverifikasi") == verified


def test_queue_lists_waiting_items_and_returns_need_a_comment(client, world, iku):
    item = make_item(iku, world)
    client.force_login(world.bob)
    page = client.get(reverse("realisasi:verifikasi_list")).content.decode()
    assert iku.uraian in page
    client.post(reverse("realisasi:verifikasi_list"), {"item": [item.pk], "action": "kembalikan", "komentar": ""})
    item.refresh_from_db()
    assert item.status == "menunggu"
    client.post(
        reverse("realisasi:verifikasi_list"), {"item": [item.pk], "action": "kembalikan", "komentar": "Lampirkan BA"}
    )
    item.refresh_from_db()
    assert (item.status, item.komentar, item.diverifikasi_oleh) == ("dikembalikan", "Lampirkan BA", world.bob)
    assert iku.uraian not in client.get(reverse("realisasi:verifikasi_list")).content.decode()
    client.force_login(world.carol)  # B's planner has nothing of A in the queue
    assert iku.uraian not in client.get(reverse("realisasi:verifikasi_list")).content.decode()


def test_home_tells_verifiers_what_waits_once(client, world, iku):
    make_item(iku, world)
    client.force_login(world.bob)  # evaluator: the inbox says it, once (no second panel with the same count)
    assert client.get("/").content.decode().count("1 realisasi menunggu verifikasi") == 1
    client.force_login(world.erin)  # the pimpinan too
    assert client.get("/").content.decode().count("1 realisasi menunggu verifikasi") == 1
    client.force_login(world.alice)
    assert "menunggu verifikasi" not in client.get("/").content.decode()


def test_the_verification_count_panel_is_the_operators_only(client, world):
    client.force_login(world.olga)  # an operator has no inbox item for it
    assert 'data-testid="antrean"' in client.get(reverse("home")).content.decode()
    for user in (world.bob, world.alice):
        client.force_login(user)
        assert 'data-testid="antrean"' not in client.get(reverse("home")).content.decode()


def test_returning_into_a_closed_quarter_reopens_it_for_the_opd_to_correct(client, world, iku, windows):
    item = Realisasi.objects.create(indikator=iku, tahun=2024, triwulan=1, nilai=Decimal(50), dicatat_oleh=world.alice)
    detail = reverse("realisasi:realisasi_detail", args=[iku.pk, 2024, 1])
    client.force_login(world.bob)
    response = client.post(
        reverse("realisasi:verifikasi_update", args=[item.pk]),
        {"action": "kembalikan", "komentar": "Lampirkan BA"},
        follow=True,
    )
    html = response.content.decode()
    assert "Triwulan yang sudah ditutup dibuka kembali untuk perbaikan: TW I 2024" in html
    window = JendelaRealisasi.objects.get(pemda=world.pemda, tahun=2024, triwulan=1)
    assert not window.terbuka and list(window.dibuka_untuk.all()) == [world.opd_a]
    client.force_login(world.alice)  # the inbox's "Perbaiki realisasi" leads to a page where it can be done
    assert detail in client.get(reverse("home")).content.decode()
    html = client.get(detail).content.decode()
    assert "Realisasi ini dikembalikan untuk diperbaiki." in html and "Simpan catatan" in html
    assert "dibuka kembali untuk perangkat daerah Anda" in html
    window.dibuka_untuk.clear()  # the admin closed it again: the page says who can reopen it
    html = client.get(detail).content.decode()
    assert "minta admin pemda membuka kembali triwulan ini" in html and "Simpan catatan" not in html


def test_returning_in_an_open_quarter_reopens_nothing(client, world, iku, windows):
    item = make_item(iku, world)  # TW II, open
    client.force_login(world.bob)
    client.post(reverse("realisasi:verifikasi_update", args=[item.pk]), {"action": "kembalikan", "komentar": "BA"})
    assert not JendelaRealisasi.objects.get(pemda=world.pemda, tahun=2024, triwulan=2).dibuka_untuk.exists()
