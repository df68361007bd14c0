"""Double submit: the same button pressed twice (one request after the other) gives one result and a message,
never a duplicate or a server error; a constraint broken by a race is a message too. (Parallel requests, on
PostgreSQL: ``tests/test_lock_races.py``.)"""

from __future__ import annotations

import json

import pytest
from django.db import IntegrityError
from django.urls import reverse

from kinerja import services as pk_services
from kinerja.models import JendelaRealisasi, PerjanjianKinerja
from renstra import services
from renstra.models import RenstraVersi
from renstra.testing import generate_plan, make_periode, make_versi

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_force(world):
    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))
    return services.tetapkan(versi, berlaku_mulai=2021, actor=None)


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_buat_perubahan_twice_makes_one_draft_and_shows_it(client, world, in_force):
    client.force_login(world.alice)
    url = reverse("renstra:versi_perubahan", args=[in_force.pk])
    first = client.post(url)
    second = client.post(url, follow=True)
    draft = RenstraVersi.objects.get(renstra=in_force.renstra, nomor=2)
    assert RenstraVersi.objects.filter(renstra=in_force.renstra).count() == 2
    assert first.status_code == 302 and second.redirect_chain[-1][0] == draft.get_absolute_url()
    assert "sudah dibuat" in messages_of(second)


def test_tetapkan_twice_is_a_message(client, world):
    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))
    RenstraVersi.objects.filter(pk=versi.pk).update(dasar_hukum_nomor="Perbup 1/2021")
    client.force_login(world.alice)
    url = reverse("renstra:versi_tetapkan", args=[versi.pk])
    data = {"berlaku_mulai": 2021, "dasar_hukum_nomor": "Perbup 1/2021", "dasar_hukum_tanggal": "2021-06-01"}
    assert client.post(url, data).status_code == 302
    second = client.post(url, data, follow=True)
    assert second.status_code == 200 and "sudah ditetapkan" in messages_of(second)


def test_pk_perubahan_twice_makes_one_version_and_shows_it(client, world, in_force, monkeypatch):
    monkeypatch.setattr(pk_services.exporters, "pk_pdf", lambda pk, **kw: b"%PDF-1.4 test")
    pk = pk_services.susun_dari_renstra(world.kepala_a, 2024)
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(status=PerjanjianKinerja.Status.DIAJUKAN)
    pk = pk_services.tandatangani(pk, actor=None)
    client.force_login(world.alice)
    url = reverse("kinerja:pk_perubahan", args=[pk.pk])
    client.post(url, {"alasan": "Mutasi pejabat"})
    second = client.post(url, {"alasan": "Mutasi pejabat"}, follow=True)
    versions = PerjanjianKinerja.objects.filter(jabatan=world.kepala_a, tahun=2024)
    assert versions.count() == 2
    assert second.redirect_chain[-1][0] == versions.get(versi=2).get_absolute_url()
    assert "sudah dibuat" in messages_of(second)


def test_susun_pk_twice_makes_one_pk(client, world, in_force):
    client.force_login(world.alice)
    url = reverse("kinerja:pk_create", args=[world.opd_a.pk])
    data = {"jabatan": world.kepala_a.pk, "tahun": 2024}
    client.post(url, data)
    second = client.post(url, data, follow=True)
    pks = PerjanjianKinerja.objects.filter(jabatan=world.kepala_a, tahun=2024)
    assert pks.count() == 1
    # The second click opens the draft the first one made.
    assert second.redirect_chain[-1][0] == pks.get().get_absolute_url()
    assert "sudah ada sebagai draf" in messages_of(second)


def test_a_constraint_broken_by_a_race_is_a_message(client, world, in_force, monkeypatch):
    def race(*args, **kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    client.force_login(world.alice)
    monkeypatch.setattr(services, "create_perubahan", race)
    page = in_force.get_absolute_url()
    response = client.post(
        reverse("renstra:versi_perubahan", args=[in_force.pk]), HTTP_REFERER=f"http://testserver{page}", follow=True
    )
    assert response.status_code == 200 and response.redirect_chain[-1][0].endswith(page)
    assert "pada saat yang sama" in messages_of(response)
    # A grid (JSON) gets a 409 with the message, which grid.js shows.
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=2024, triwulan=2, terbuka=True)
    monkeypatch.setattr("kinerja.views.realisasi.save_realisasi", race)
    response = client.post(
        reverse("realisasi:indikator_grid", args=[world.opd_a.pk, 2024]),
        json.dumps({"cells": []}),
        content_type="application/json",
    )
    assert response.status_code == 409 and "pada saat yang sama" in response.json()["error"]
