"""The search box (issue 17): only what the user may read, found by code, by words in any order, ignoring case and
accents, in a constant number of queries; the results page groups the hits by kind, each linking to its page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.models import PerjanjianKinerja
from lkjip.models import Dokumen, Jenis
from renstra.models import Elemen, Indikator, Level, RenstraVersi
from renstra.testing import generate_plan, make_periode, make_versi
from sakip import access, search
from sakip.testing import assert_same_queries, capture_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(world):
    """The same generated plan (codes 8.01.01 …) in OPD A, OPD B and OPD C (another pemda)."""
    world.periode = make_periode(world.pemda)
    world.versi_a = generate_plan(make_versi(world.opd_a, world.periode))
    world.versi_b = generate_plan(make_versi(world.opd_b, world.periode))
    world.versi_c = generate_plan(make_versi(world.opd_c, make_periode(world.pemda2)))
    for versi in (world.versi_a, world.versi_b, world.versi_c):
        program = Elemen.objects.get(versi=versi, kode="8.01.01")
        program.nama = "Peningkatan Pendidikan Politik Masyarakat"
        program.save()
        Indikator.objects.create(elemen=program, uraian="Persentase ormas yang diberdayakan", satuan="%")
    return world


def _hits(user, query):
    groups = search.search(user, access.scope_for(user), query)
    return {g.key: g.hits for g in groups}


def _urls(hits):
    return {h.url for h in hits}


def test_finds_an_element_by_its_code_in_the_users_opd_only(plans):
    w = plans
    hits = _hits(w.alice, "8.01.01.2.01")
    found = Elemen.objects.filter(kode__startswith="8.01.01.2.01", versi=w.versi_a)
    assert _urls(hits["elemen"]) == {reverse("renstra:versi_detail", args=[w.versi_a.pk]) + f"#e-{e.pk}" for e in found}
    assert hits["elemen"][0].kode == "8.01.01.2.01"  # the element of exactly that code first, then its children
    assert all(f"/versi/{w.versi_a.pk}/" in h.url for h in hits["elemen"])


def test_scope_evaluator_admin_and_another_pemda(plans):
    w = plans
    versi_of = {w.versi_a.pk: "A", w.versi_b.pk: "B", w.versi_c.pk: "C"}

    def opds(user):
        return {versi_of[int(h.url.split("/versi/")[1].split("/")[0])] for h in _hits(user, "8.01.01")["elemen"]}

    assert opds(w.bob) == {"A"}  # the evaluator reads the OPD they evaluate
    assert opds(w.carol) == {"B"}
    assert opds(w.dave) == {"A", "B"}  # the admin pemda: every OPD of the pemda, never another pemda's
    assert opds(w.frank) == {"C"}
    assert "opd" not in _hits(w.alice, "Dinas")  # Dinas B and Dinas C are not alice's
    assert [h.judul for h in _hits(w.dave, "dinas")["opd"]] == ["Dinas B"]


def test_words_in_any_order_ignoring_case_and_accents(plans):
    w = plans
    for query in ("politik pendidikan", "PENDIDIKAN  politik", "pólitik pendidikán masyarakat"):
        hits = _hits(w.alice, query)
        assert [h.judul for h in hits["elemen"]] == ["Program: Peningkatan Pendidikan Politik Masyarakat"], query
    assert "elemen" not in _hits(w.alice, "politik ekonomi")  # every word must appear
    assert [h.judul for h in _hits(w.alice, "ORMAS diberdayakan")["indikator"]] == [
        "Persentase ormas yang diberdayakan"
    ]


def test_only_the_newest_version_of_a_renstra(plans):
    w = plans
    w.versi_a.status = RenstraVersi.Status.DITETAPKAN
    w.versi_a.berlaku_mulai = 2021
    w.versi_a.save()
    perubahan = RenstraVersi.objects.create(renstra=w.versi_a.renstra, nomor=2, jenis=RenstraVersi.Jenis.PERUBAHAN)
    Elemen.objects.create(versi=perubahan, level=Level.PROGRAM, kode="8.01.01", nama="Program perubahan")
    hits = _hits(w.alice, "8.01.01")["elemen"]
    assert [h.judul for h in hits] == ["Program: Program perubahan"]


def test_pk_and_documents_within_scope(plans):
    w = plans
    pk_a = PerjanjianKinerja.objects.create(opd=w.opd_a, jabatan=w.kepala_a, tahun=2024, pertama_nama="Dr. Ani")
    PerjanjianKinerja.objects.create(opd=w.opd_c, jabatan=w.kepala_c, tahun=2024, pertama_nama="Citra")
    Dokumen.objects.create(jenis=Jenis.LKJIP, opd=w.opd_a, tahun=2024)
    Dokumen.objects.create(jenis=Jenis.LKJIP, opd=w.opd_b, tahun=2024)
    hits = _hits(w.alice, "2024")
    assert _urls(hits["pk"]) == {pk_a.get_absolute_url()}
    assert _urls(hits["dokumen"]) == {reverse("lkjip:lkjip_detail", args=[w.opd_a.pk, 2024])}
    assert "pk" not in _hits(w.alice, "citra")
    assert _urls(_hits(w.dave, "lkjip 2024")["dokumen"]) == {
        reverse("lkjip:lkjip_detail", args=[o.pk, 2024]) for o in (w.opd_a, w.opd_b)
    }


def test_constant_queries_whatever_the_data(client, plans):
    w = plans
    client.force_login(w.dave)
    url = reverse("cari") + "?q=8.01"
    client.get(url)  # warm caches (session, content types)
    with capture_queries("small") as small:
        client.get(url)
    for n in range(3):  # more plans, PKs and documents in scope
        generate_plan(make_versi(w.opd_b, make_periode(w.pemda, 2030 + 6 * n, 2035 + 6 * n)), programs=3)
        PerjanjianKinerja.objects.create(opd=w.opd_b, jabatan=w.kepala_b, tahun=2030 + n)
        Dokumen.objects.create(jenis=Jenis.LKJIP, opd=w.opd_b, tahun=2030 + n)
    with capture_queries("large") as large:
        page = client.get(url + "+2")
    assert_same_queries(small, large)
    assert "10 pertama" in page.content.decode()  # capped per kind, and said so


def test_results_page_groups_and_links(client, plans):
    w = plans
    client.force_login(w.alice)
    page = client.get(reverse("cari"), {"q": "pendidikan politik"}).content.decode()
    program = Elemen.objects.get(versi=w.versi_a, kode="8.01.01")
    assert 'data-kind="elemen"' in page
    assert f'href="/renstra/versi/{w.versi_a.pk}/#e-{program.pk}"' in page
    assert "Peningkatan Pendidikan Politik Masyarakat" in page
    empty = client.get(reverse("cari"), {"q": "tidakada"}).content.decode()
    assert "Tidak ada yang cocok" in empty
    assert 'data-testid="search-box"' in client.get(reverse("home")).content.decode()  # the navbar's box
