"""The nomenklatur picker of the plan editor (issue 17): searchable as you type (at most 20 entries, each labelled
with its Kepmendagri version), usable with thousands of codes, and picking fills code and name."""

from __future__ import annotations

import pytest
from django.urls import reverse

from renstra.models import Elemen, Level, Nomenklatur
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.testing import assert_same_queries, capture_queries

pytestmark = pytest.mark.django_db
V2021, V2023 = Nomenklatur.Versi.V2021, Nomenklatur.Versi.V2023
SUB = Nomenklatur.Tingkat.SUB_KEGIATAN


@pytest.fixture
def versi(world):
    return generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))


def _sub(kode, nama, versi=V2023, pemda=None):
    return Nomenklatur(versi=versi, tingkat=SUB, kode=kode, nama=nama, pemda=pemda)


def _url(versi, kegiatan, q=""):
    base = reverse("renstra:nomenklatur_cari", args=[versi.pk])
    return f"{base}?level=sub_kegiatan&parent={kegiatan.pk}&q={q}"


def test_search_by_code_or_words_labels_each_version(client, world, versi):
    Nomenklatur.objects.bulk_create(
        [
            _sub("8.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", V2021),
            _sub("8.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", V2023),
            _sub("8.01.01.2.01.0002", "Koordinasi Penyusunan Dokumen RKA", V2023),
            _sub("8.01.01.2.01.0099", "Sub kegiatan lokal Satu", V2023, world.pemda),
            _sub("8.01.01.2.01.0098", "Sub kegiatan lokal Dua", V2023, world.pemda2),
            _sub("9.99.99.2.01.0001", "Penyusunan Dokumen di bawah induk lain", V2023),
        ]
    )
    kegiatan = Elemen.objects.get(versi=versi, kode="8.01.01.2.01")
    client.force_login(world.alice)
    html = client.get(_url(versi, kegiatan, "PERENCANAAN dokumen"), HTTP_HX_REQUEST="true").content.decode()
    assert html.count("data-nomenklatur-pick") == 2  # the same code in both Kepmendagri versions, each labelled
    assert "Kepmendagri 050-5889/2021" in html and "Kepmendagri 900.1.15.5-1317/2023" in html
    html = client.get(_url(versi, kegiatan, "8.01.01.2.01.0002"), HTTP_HX_REQUEST="true").content.decode()
    assert "Koordinasi Penyusunan Dokumen RKA" in html and html.count("data-nomenklatur-pick") == 1
    html = client.get(_url(versi, kegiatan, "lokal"), HTTP_HX_REQUEST="true").content.decode()
    assert "lokal Satu" in html and "lokal Dua" not in html  # another pemda's local entry never
    assert "Lokal" in html
    html = client.get(_url(versi, kegiatan, "induk lain"), HTTP_HX_REQUEST="true").content.decode()
    assert "data-nomenklatur-pick" not in html and "Tidak ada nomenklatur yang cocok" in html


def test_thousands_of_codes_twenty_shown_in_constant_queries(client, world, versi):
    kegiatan = Elemen.objects.get(versi=versi, kode="8.01.01.2.01")
    Nomenklatur.objects.bulk_create([_sub(f"8.01.01.2.01.{n:04d}", f"Sub kegiatan {n}") for n in range(1, 30)])
    client.force_login(world.alice)
    client.get(_url(versi, kegiatan, "sub"))
    with capture_queries("few") as few:
        client.get(_url(versi, kegiatan, "sub"))
    Nomenklatur.objects.bulk_create([_sub(f"8.01.01.2.01.{n:04d}", f"Sub kegiatan {n}", V2021) for n in range(1, 3000)])
    with capture_queries("thousands") as many:
        html = client.get(_url(versi, kegiatan, "sub"), HTTP_HX_REQUEST="true").content.decode()
    assert_same_queries(few, many)
    assert html.count("data-nomenklatur-pick") == 20 and "20 pertama ditampilkan" in html
    # The editor's form lists none of them: the picker asks as you type.
    form = client.get(
        reverse("renstra:elemen_create", args=[versi.pk]) + f"?parent={kegiatan.pk}&level=sub_kegiatan",
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "Sub kegiatan 2999" not in form and "<option" not in form.split('name="nomenklatur"')[1].split("</div>")[0]
    assert (
        'data-testid="nomenklatur-cari"' in form and _url(versi, kegiatan).split("&q=")[0].replace("&", "&amp;") in form
    )


def test_scope_and_levels(client, world, versi):
    kegiatan = Elemen.objects.get(versi=versi, kode="8.01.01.2.01")
    client.force_login(world.carol)  # plans OPD B
    assert client.get(_url(versi, kegiatan, "x")).status_code == 404
    client.force_login(world.bob)  # evaluates OPD A: reads, never edits
    assert client.get(_url(versi, kegiatan, "x")).status_code == 403
    client.force_login(world.alice)
    url = reverse("renstra:nomenklatur_cari", args=[versi.pk]) + f"?level=program&parent={kegiatan.pk}"
    assert client.get(url).status_code == 400


def test_editing_shows_the_chosen_entry_with_its_version(client, world, versi):
    master = Nomenklatur.objects.create(versi=V2021, tingkat=Nomenklatur.Tingkat.PROGRAM, kode="8.01.01", nama="P")
    program = Elemen.objects.get(versi=versi, kode="8.01.01", level=Level.PROGRAM)
    program.nomenklatur = master
    program.save()
    client.force_login(world.alice)
    html = client.get(reverse("renstra:elemen_update", args=[program.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "8.01.01 P (Kepmendagri 050-5889/2021)" in html
    assert f'name="nomenklatur" value="{master.pk}"' in html
