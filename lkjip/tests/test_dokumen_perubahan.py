"""Issue 16 (journeys, second pass): a Renstra perubahan's document starts from what was written for the
version it amends (narratives, Tabel 3.1, non-ASN staff), shown before it is created and copied when it is;
and its comparison tables name the two versions so that they never read the same."""

import re

from django.urls import reverse

from lkjip import services
from lkjip.builders.renstra.tables import nama_versi
from lkjip.models import Narasi, Permasalahan
from renstra import services as renstra_services
from renstra.models import RenstraVersi


def empty(client, versi) -> list[str]:
    page = client.get(reverse("lkjip:renstra_detail", args=[versi.pk])).content.decode()
    return re.findall(r"Narasi kosong: [^<]*", page)


def test_a_perubahan_document_starts_with_the_narratives_of_the_version_it_amends(client, demo_data):
    versi = RenstraVersi.objects.get(renstra__opd__pemda__kode="balangan", status="ditetapkan")
    sumber = services.renstra(versi, create=True)
    written = dict(sumber.narasi.values_list("kunci", "isi"))
    assert written  # the demo's narratives (seed)
    Permasalahan.objects.create(dokumen=sumber, masalah_pokok="Pokok", masalah="Masalah", akar_masalah="Akar")
    masalah = sorted(sumber.permasalahan.values_list("masalah", flat=True))
    draf = renstra_services.create_perubahan(versi)
    client.login(username="perencana.balangan", password="Sakip#Demo2024")
    # Before the document exists, the amended version's texts show: the same sections are empty as there.
    assert empty(client, draf) == empty(client, versi) and len(empty(client, draf)) < 10
    dokumen = services.renstra(draf, create=True)
    assert dict(Narasi.objects.filter(dokumen=dokumen).values_list("kunci", "isi")) == written
    assert sorted(dokumen.permasalahan.values_list("masalah", flat=True)) == masalah and "Masalah" in masalah
    assert dict(sumber.narasi.values_list("kunci", "isi")) == written  # the source is untouched


def test_two_versions_of_one_kind_are_named_apart(demo_data):
    versi = RenstraVersi.objects.get(renstra__opd__pemda__kode="balangan", status="ditetapkan")
    draf = renstra_services.create_perubahan(versi, jenis=versi.jenis)
    lama, baru = nama_versi(versi, draf)
    assert lama != baru and lama.endswith(f"versi {versi.nomor}") and baru.endswith(f"versi {draf.nomor}")
    murni = RenstraVersi(jenis=RenstraVersi.Jenis.MURNI, nomor=1)
    assert nama_versi(murni, RenstraVersi(jenis=RenstraVersi.Jenis.PERUBAHAN, nomor=2)) == ("Murni", "Perubahan")
