"""The builder as a planner uses it: nodes, links, translation into the plan, the checks, constant queries."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from pohon import services
from pohon.models import IndikatorSimpul, Lintas, PohonKinerja, Simpul, Tingkat
from pohon.tests.conftest import form_data, login, make_node, pdf_text
from renstra import services as renstra_services
from renstra.models import Elemen, Indikator, Level
from sakip.models import Jenjang
from sakip.testing import assert_same_queries, capture_queries


def test_planner_builds_links_translates_and_downloads(client, world, plan):
    login(client, world.alice)
    response = client.post(
        reverse("pohon:pohon_create"),
        {"opd": world.opd_a.pk, "periode": plan.renstra.periode.pk, "tahun_berlaku": 2022, "permasalahan": "Konflik"},
    )
    pohon = PohonKinerja.objects.get(opd=world.opd_a)
    assert response.status_code == 302 and pohon.versi == plan  # the tree translates into the OPD's Renstra
    url = reverse("pohon:simpul_create", args=[pohon.pk])

    # A mistake first: no statement. The form says so and nothing is saved.
    response = client.post(url, form_data("outcome", "", [("Zero konflik", "kasus")]))
    assert response.status_code == 400 and "Bidang ini tidak boleh kosong" in response.content.decode()
    assert not Simpul.objects.exists()

    client.post(url, form_data("outcome", "Meningkatnya rasa aman", [("Angka konflik sosial", "kasus")]))
    outcome = Simpul.objects.get()
    client.post(
        f"{url}?parent={outcome.pk}",
        form_data("strategis", "Potensi konflik tertangani", [("Persentase potensi konflik ditindaklanjuti", "%")]),
    )
    strategis = Simpul.objects.get(tingkat="strategis")
    client.post(
        f"{url}?parent={strategis.pk}",
        form_data("intermediate", "Kewaspadaan masyarakat meningkat", [("Persentase laporan tertangani", "%")]),
    )
    intermediate = Simpul.objects.get(tingkat="intermediate")
    assert strategis.parent == outcome and intermediate.parent == strategis
    assert intermediate.jenjang == Jenjang.ADMINISTRATOR

    page = client.get(reverse("pohon:pohon_detail", args=[pohon.pk])).content.decode()
    for text in ("Meningkatnya rasa aman", "Potensi konflik tertangani", "Kewaspadaan masyarakat meningkat"):
        assert text in page
    assert "Belum ditautkan ke komponen rencana" in page  # the checks list the gaps

    # Link the outcome to an existing tujuan; generate the rest from the nodes.
    tujuan = Elemen.objects.create(versi=plan, level=Level.TUJUAN, nama="Rasa aman", urutan=1)
    Indikator.objects.create(elemen=tujuan, uraian="Angka konflik sosial", satuan="kasus")
    data = form_data("outcome", "Meningkatnya rasa aman", elemen=[tujuan.pk])
    data.update(
        {
            "ind-INITIAL_FORMS": "1",
            "ind-0-id": str(outcome.indikator.get().pk),
            "ind-0-simpul": str(outcome.pk),
            "ind-0-uraian": "Angka konflik sosial",
            "ind-0-satuan": "kasus",
        }
    )
    response = client.post(reverse("pohon:simpul_update", args=[outcome.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(outcome.elemen.all()) == [tujuan]
    response = client.post(
        reverse("pohon:pohon_terjemahkan", args=[pohon.pk]), {"simpul": [outcome.pk, strategis.pk, intermediate.pk]}
    )
    sasaran = Elemen.objects.get(versi=plan, level=Level.SASARAN)
    program = Elemen.objects.get(versi=plan, level=Level.PROGRAM)
    assert (sasaran.parent, sasaran.nama) == (tujuan, "Potensi konflik tertangani")
    assert (program.parent, program.nama) == (sasaran, "Kewaspadaan masyarakat meningkat")
    assert [i.uraian for i in program.indikator.all()] == ["Persentase laporan tertangani"]
    assert intermediate.indikator.get().indikator_renstra == program.indikator.get()
    checks = {t.jenis for t in services.check(services.load(pohon))}
    assert not checks & {"belum_diterjemahkan", "rencana", "redaksi", "indikator", "tingkat"}

    diagram = client.get(reverse("pohon:pohon_diagram", args=[pohon.pk])).content.decode()
    assert "<svg" in diagram and "Kewaspadaan masyarakat meningkat" in diagram
    svg = client.get(reverse("pohon:pohon_svg", args=[pohon.pk]))
    assert svg["Content-Type"] == "image/svg+xml" and b"Potensi konflik tertangani" in svg.content
    pdf = client.get(reverse("pohon:pohon_pdf", args=[pohon.pk]) + "?kertas=A4&bagian=diagram")
    assert pdf["Content-Type"] == "application/pdf" and "Kewaspadaan masyarakat meningkat" in pdf_text(pdf.content)
    book = load_workbook(io.BytesIO(client.get(reverse("pohon:pohon_xlsx", args=[pohon.pk])).content))
    cells = [c for row in book.active.iter_rows(values_only=True) for c in row if c]
    assert "Persentase laporan tertangani" in cells and "PK Jabatan Administrator" in cells
    table = client.get(reverse("pohon:pohon_tabel", args=[pohon.pk])).content.decode()
    assert "tahap 2" in table and "Sasaran program" in table


def test_translation_is_all_or_nothing_and_needs_a_draft_plan(world, pohon, plan):
    outcome = make_node(pohon, Tingkat.OUTCOME, "Rasa aman", indikator="Zero konflik")
    strategis = make_node(pohon, Tingkat.STRATEGIS, "Konflik dicegah", outcome, indikator="Konflik ditangani")
    program = make_node(pohon, Tingkat.INTERMEDIATE, "Kewaspadaan", strategis, indikator="Laporan")
    # The program's parent node is neither chosen nor translated: nothing at all is created.
    with pytest.raises(services.GagalTerjemah) as error:
        services.terjemahkan(pohon, [outcome.pk, program.pk])
    assert [node for node, _m in error.value.errors] == [program]
    assert not Elemen.objects.filter(versi=plan).exists()
    created = services.terjemahkan(pohon, [outcome.pk, strategis.pk, program.pk])
    assert [e.level for e in created] == [Level.TUJUAN, Level.SASARAN, Level.PROGRAM]
    # Once the plan is ditetapkan, it cannot grow from the tree.
    renstra_services.tetapkan(plan, berlaku_mulai=2021, actor=None)
    kegiatan = make_node(pohon, Tingkat.IMMEDIATE, "Kebijakan dirumuskan", program, indikator="Dokumen")
    with pytest.raises(renstra_services.VersiTerkunci):
        services.terjemahkan(pohon, [kegiatan.pk])


def test_checks_list_every_kind_of_gap(world, pohon, plan):
    tujuan = Elemen.objects.create(versi=plan, level=Level.TUJUAN, nama="Rasa aman", urutan=1)
    plan_ind = Indikator.objects.create(elemen=tujuan, uraian="Angka Konflik Sosial Bernuansa SARA")
    Elemen.objects.create(versi=plan, level=Level.SASARAN, parent=tujuan, nama="Pemetaan konflik", urutan=1)
    outcome = make_node(pohon, Tingkat.OUTCOME, "Rasa aman meningkat", indikator="Zero konflik sosial")
    services.link_elemen(outcome, [tujuan.pk])
    services.link_indikator(outcome.indikator.get(), plan_ind)
    make_node(pohon, Tingkat.STRATEGIS, "Konflik dicegah", outcome)
    found = services.check(services.load(pohon))
    by_kind = {t.jenis: t for t in found}
    assert set(by_kind) == {"indikator", "belum_diterjemahkan", "rencana", "redaksi"}
    assert by_kind["indikator"].simpul.kinerja == "Konflik dicegah"
    assert "Pemetaan konflik" in by_kind["rencana"].pesan
    assert "Zero konflik sosial" in by_kind["redaksi"].pesan and "Bernuansa SARA" in by_kind["redaksi"].pesan
    # An indicator may only be linked to an indicator of an element the node is linked to.
    other = Indikator.objects.create(elemen=Elemen.objects.get(level=Level.SASARAN), uraian="Lain")
    with pytest.raises(ValidationError):
        services.link_indikator(outcome.indikator.get(), other)


def test_builder_runs_a_constant_number_of_queries(client, world, plan):
    def build(pohon, strategis, per):
        outcome = Simpul.objects.create(pohon=pohon, tingkat=Tingkat.OUTCOME, kinerja="O")
        for s in range(strategis):
            node = Simpul.objects.create(pohon=pohon, parent=outcome, tingkat=Tingkat.STRATEGIS, kinerja=f"S{s}")
            for i in range(per):
                child = Simpul.objects.create(pohon=pohon, parent=node, tingkat=Tingkat.INTERMEDIATE, kinerja=f"I{i}")
                IndikatorSimpul.objects.create(simpul=child, uraian="ind")
                Lintas.objects.create(simpul=child, mitra=world.opd_b)

    small = PohonKinerja.objects.create(opd=world.opd_a, periode=plan.renstra.periode, tahun_berlaku=2021, versi=plan)
    large = PohonKinerja.objects.create(opd=world.opd_a, periode=plan.renstra.periode, tahun_berlaku=2023, versi=plan)
    build(small, 1, 2)
    build(large, 8, 25)
    login(client, world.alice)
    counts = []
    for p in (small, large):
        for name in ("pohon:pohon_detail", "pohon:pohon_diagram", "pohon:pohon_tabel"):
            client.get(reverse(name, args=[p.pk]))  # warm caches (sessions, content types)
            with capture_queries(name) as queries:
                assert client.get(reverse(name, args=[p.pk])).status_code == 200
            counts.append(queries)
    assert_same_queries(counts[:3], counts[3:])
