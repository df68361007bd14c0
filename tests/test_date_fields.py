"""Every date a user types is bounded, and a message about dates is at the field it concerns, its dates written
the Indonesian way ("4 Januari 2021") (issue 16)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sakip.models import Pegawai, Penugasan
from tests.test_number_fields import message_at


def _penugasan(world, **data):
    return {"jabatan": world.sekretaris_a.pk, "jenis": "definitif", "mulai": "2024-01-02", "nomor_sk": "", **data}


@pytest.mark.parametrize("mulai", ["0001-01-01", "1900-01-01", "9999-12-31"])
def test_an_absurd_penugasan_date_is_refused_at_its_field(client, world, mulai):
    client.force_login(world.dave)
    url = reverse("sakip:penugasan_create", args=[world.pegawai_b.pk])
    response = client.post(url, _penugasan(world, mulai=mulai))
    assert message_at(response, "mulai") == "Tanggal harus antara 1 Januari 1950 dan 1 Desember 2036."
    assert not Penugasan.objects.filter(jabatan=world.sekretaris_a).exists()


def test_reversed_penugasan_dates_are_refused_at_the_end_date(client, world):
    client.force_login(world.dave)
    url = reverse("sakip:penugasan_create", args=[world.pegawai_b.pk])
    response = client.post(url, _penugasan(world, jenis="plt", mulai="2024-05-02", selesai="2024-01-02"))
    assert message_at(response, "selesai") == "Tanggal selesai tidak boleh sebelum tanggal mulai."
    assert not Penugasan.objects.filter(jabatan=world.sekretaris_a).exists()


def test_an_overlapping_penugasan_names_its_date_the_indonesian_way(client, world):
    client.force_login(world.dave)
    url = reverse("sakip:penugasan_create", args=[world.pegawai_b.pk])
    response = client.post(url, _penugasan(world, jabatan=world.kepala_a.pk))
    message = message_at(response, "mulai")
    assert "(mulai 4 Januari 2021)" in message and "04-01-2021" not in message


def test_a_duplicate_nip_is_refused_at_the_nip(client, world):
    client.force_login(world.dave)
    data = {"nama": "Kembar", "nip": "19670403 199403 2 015", "golongan": "", "pendidikan": "", "status": "pns"}
    response = client.post(reverse("sakip:pegawai_create"), data)
    assert message_at(response, "nip") == "Sudah ada pegawai dengan NIP ini."
    assert not Pegawai.objects.filter(nama="Kembar").exists()
