"""The pohon kinerja: level rules, the builder as a planner uses it, translation into the plan, crosscutting
visibility and scoping, the checks, the PK drafting from owners, the diagram PDF and the downloads."""

from __future__ import annotations

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja.services import susun_dari_renstra
from pohon import exporters, services
from pohon.models import IndikatorSimpul, Lintas, PohonKinerja, Simpul, Terjemahan, Tingkat
from renstra import services as renstra_services
from renstra.models import Elemen, Indikator, Level
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import AuditEntry, Jenjang, PerangkatDaerah
from sakip.testing import PASSWORD, assert_same_queries, capture_queries


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def plan(world):
    periode = make_periode(world.pemda)
    versi = make_versi(world.opd_a, periode)
    return versi


@pytest.fixture
def pohon(world, plan):
    return PohonKinerja.objects.create(opd=world.opd_a, periode=plan.renstra.periode, tahun_berlaku=2022, versi=plan)


def _node(pohon, tingkat, kinerja, parent=None, indikator=None, **fields):
    node = services.save_simpul(Simpul(pohon=pohon, parent=parent, tingkat=tingkat, kinerja=kinerja, **fields))
    if indikator:
        IndikatorSimpul.objects.create(simpul=node, uraian=indikator, urutan=1)
    return node


def _login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def _form_data(tingkat, kinerja, indicators=(), **extra):
    data = {
        "tingkat": tingkat,
        "kinerja": kinerja,
        "faktor_kunci": "",
        "jenjang": "",
        "jabatan": "",
        "catatan": "",
        "ind-TOTAL_FORMS": str(max(2, len(indicators))),
        "ind-INITIAL_FORMS": "0",
        "ind-MIN_NUM_FORMS": "0",
        "ind-MAX_NUM_FORMS": "1000",
    }
    for i, (uraian, satuan) in enumerate(indicators):
        data[f"ind-{i}-uraian"] = uraian
        data[f"ind-{i}-satuan"] = satuan
    data.update(extra)
    return data


# --- Model rules ---------------------------------------------------------------------------------------


def test_levels_go_down_and_branches_cannot_loop(world, pohon):
    outcome = _node(pohon, Tingkat.OUTCOME, "Rasa aman meningkat")
    strategis = _node(pohon, Tingkat.STRATEGIS, "Konflik dicegah", outcome)
    with pytest.raises(ValidationError) as error:
        _node(pohon, Tingkat.OUTCOME, "Outcome di bawah sasaran", strategis)
    assert "tingkat" in error.value.message_dict
    # A skipped level is allowed but listed by the checks.
    skipped = _node(pohon, Tingkat.OPERASIONAL, "Rapat terlaksana", strategis, indikator="Jumlah rapat")
    assert skipped.jenjang == Jenjang.FUNGSIONAL  # the owner level follows the level
    found = services.check(services.load(pohon))
    assert [t.simpul for t in found if t.jenis == "tingkat"] == [skipped]
    # A branch cannot move under itself, nor under a node of a lower level.
    with pytest.raises(ValidationError):
        services.move_simpul(outcome, skipped)
    with pytest.raises(ValidationError):
        services.move_simpul(strategis, skipped)
    # The owner must be a position of the same OPD, of the level chosen.
    node = Simpul(pohon=pohon, parent=outcome, tingkat=Tingkat.STRATEGIS, kinerja="X", jabatan=world.kepala_b)
    with pytest.raises(ValidationError) as error:
        services.save_simpul(node)
    assert "jabatan" in error.value.message_dict
    node = Simpul(
        pohon=pohon, parent=outcome, tingkat=Tingkat.STRATEGIS, kinerja="X", jenjang=Jenjang.PENGAWAS,
        jabatan=world.kepala_a,
    )  # fmt: skip
    with pytest.raises(ValidationError):
        services.save_simpul(node)


def test_crosscutting_partner_is_another_opd_of_the_same_pemda(world, pohon):
    node = _node(pohon, Tingkat.OUTCOME, "Batas wilayah terkoordinasi")
    for partner in (world.opd_a, world.opd_c):
        with pytest.raises(ValidationError):
            Lintas(simpul=node, mitra=partner).full_clean()
    Lintas(simpul=node, mitra=world.opd_b).full_clean()


def test_revision_copies_the_tree_for_a_later_year(world, pohon):
    outcome = _node(pohon, Tingkat.OUTCOME, "Rasa aman meningkat", indikator="Zero konflik")
    _node(pohon, Tingkat.STRATEGIS, "Konflik dicegah", outcome, indikator="Persentase konflik ditangani")
    Lintas.objects.create(simpul=outcome, mitra=world.opd_b)
    baru = services.revisi(pohon, 2024)
    tree = services.load(baru)
    assert [n.kinerja for n in tree.flat()] == ["Rasa aman meningkat", "Konflik dicegah"]
    assert tree.roots[0].daftar_lintas[0].mitra == world.opd_b
    assert PohonKinerja.objects.berlaku(world.opd_a, 2023) == pohon
    assert PohonKinerja.objects.berlaku(world.opd_a, 2025) == baru
    with pytest.raises(ValidationError):
        services.revisi(pohon, 2024)  # one tree per year


# --- The builder, as a new planner uses it ------------------------------------------------------------------


def test_planner_builds_links_translates_and_downloads(client, world, plan):
    _login(client, world.alice)
    response = client.post(
        reverse("pohon:pohon_create"),
        {"opd": world.opd_a.pk, "periode": plan.renstra.periode.pk, "tahun_berlaku": 2022, "permasalahan": "Konflik"},
    )
    pohon = PohonKinerja.objects.get(opd=world.opd_a)
    assert response.status_code == 302 and pohon.versi == plan  # the tree translates into the OPD's Renstra
    url = reverse("pohon:simpul_create", args=[pohon.pk])

    # A mistake first: no statement. The form says so and nothing is saved.
    response = client.post(url, _form_data("outcome", "", [("Zero konflik", "kasus")]))
    assert response.status_code == 400 and "Bidang ini tidak boleh kosong" in response.content.decode()
    assert not Simpul.objects.exists()

    client.post(url, _form_data("outcome", "Meningkatnya rasa aman", [("Angka konflik sosial", "kasus")]))
    outcome = Simpul.objects.get()
    client.post(
        f"{url}?parent={outcome.pk}",
        _form_data("strategis", "Potensi konflik tertangani", [("Persentase potensi konflik ditindaklanjuti", "%")]),
    )
    strategis = Simpul.objects.get(tingkat="strategis")
    client.post(
        f"{url}?parent={strategis.pk}",
        _form_data("intermediate", "Kewaspadaan masyarakat meningkat", [("Persentase laporan tertangani", "%")]),
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
    data = _form_data("outcome", "Meningkatnya rasa aman", elemen=[tujuan.pk])
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
    assert pdf["Content-Type"] == "application/pdf" and "Kewaspadaan masyarakat meningkat" in _text(pdf.content)
    book = load_workbook(io.BytesIO(client.get(reverse("pohon:pohon_xlsx", args=[pohon.pk])).content))
    cells = [c for row in book.active.iter_rows(values_only=True) for c in row if c]
    assert "Persentase laporan tertangani" in cells and "PK Jabatan Administrator" in cells
    table = client.get(reverse("pohon:pohon_tabel", args=[pohon.pk])).content.decode()
    assert "tahap 2" in table and "Sasaran program" in table


def test_translation_is_all_or_nothing_and_needs_a_draft_plan(world, pohon, plan):
    outcome = _node(pohon, Tingkat.OUTCOME, "Rasa aman", indikator="Zero konflik")
    strategis = _node(pohon, Tingkat.STRATEGIS, "Konflik dicegah", outcome, indikator="Konflik ditangani")
    program = _node(pohon, Tingkat.INTERMEDIATE, "Kewaspadaan", strategis, indikator="Laporan")
    # The program's parent node is neither chosen nor translated: nothing at all is created.
    with pytest.raises(services.GagalTerjemah) as error:
        services.terjemahkan(pohon, [outcome.pk, program.pk])
    assert [node for node, _m in error.value.errors] == [program]
    assert not Elemen.objects.filter(versi=plan).exists()
    created = services.terjemahkan(pohon, [outcome.pk, strategis.pk, program.pk])
    assert [e.level for e in created] == [Level.TUJUAN, Level.SASARAN, Level.PROGRAM]
    # Once the plan is ditetapkan, it cannot grow from the tree.
    renstra_services.tetapkan(plan, berlaku_mulai=2021, actor=None)
    kegiatan = _node(pohon, Tingkat.IMMEDIATE, "Kebijakan dirumuskan", program, indikator="Dokumen")
    with pytest.raises(renstra_services.VersiTerkunci):
        services.terjemahkan(pohon, [kegiatan.pk])


def test_checks_list_every_kind_of_gap(world, pohon, plan):
    tujuan = Elemen.objects.create(versi=plan, level=Level.TUJUAN, nama="Rasa aman", urutan=1)
    plan_ind = Indikator.objects.create(elemen=tujuan, uraian="Angka Konflik Sosial Bernuansa SARA")
    Elemen.objects.create(versi=plan, level=Level.SASARAN, parent=tujuan, nama="Pemetaan konflik", urutan=1)
    outcome = _node(pohon, Tingkat.OUTCOME, "Rasa aman meningkat", indikator="Zero konflik sosial")
    services.link_elemen(outcome, [tujuan.pk])
    services.link_indikator(outcome.indikator.get(), plan_ind)
    _node(pohon, Tingkat.STRATEGIS, "Konflik dicegah", outcome)
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


# --- Access and crosscutting ---------------------------------------------------------------------------------


def test_crosscutting_is_seen_by_the_partner_and_nothing_else_is(client, world, pohon):
    outcome = _node(pohon, Tingkat.OUTCOME, "Rasa aman meningkat", indikator="Zero konflik")
    shared = _node(pohon, Tingkat.STRATEGIS, "Batas wilayah terkoordinasi", outcome, faktor_kunci="Sengketa batas")
    Lintas.objects.create(simpul=shared, mitra=world.opd_b, sifat=Lintas.Sifat.OLEH, catatan="Bagian Pemerintahan")

    _login(client, world.carol)  # the planner of OPD B
    page = client.get(reverse("pohon:index")).content.decode()
    assert "Batas wilayah terkoordinasi" in page and "Badan A" in page and "Sengketa batas" in page
    assert client.get(reverse("pohon:pohon_detail", args=[pohon.pk])).status_code == 404
    assert client.get(reverse("pohon:pohon_pdf", args=[pohon.pk])).status_code == 404
    assert client.get(reverse("pohon:simpul_update", args=[outcome.pk])).status_code == 404

    client.logout()
    _login(client, world.frank)  # another pemda: neither the tree nor the link
    assert "Batas wilayah terkoordinasi" not in client.get(reverse("pohon:index")).content.decode()

    client.logout()
    _login(client, world.bob)  # the evaluator of OPD A reads, never edits
    assert client.get(reverse("pohon:pohon_detail", args=[pohon.pk])).status_code == 200
    assert client.get(reverse("pohon:simpul_update", args=[outcome.pk])).status_code == 403
    assert client.post(reverse("pohon:simpul_delete", args=[outcome.pk])).status_code == 403
    assert client.post(reverse("pohon:pohon_terjemahkan", args=[pohon.pk]), {"simpul": [outcome.pk]}).status_code == 403
    assert Simpul.objects.filter(pk=outcome.pk).exists()


def test_changes_are_in_the_audit_history(world, pohon):

    node = _node(pohon, Tingkat.OUTCOME, "Rasa aman", indikator="Zero konflik")
    node.kinerja = "Rasa aman meningkat"
    services.save_simpul(node)
    entries = AuditEntry.objects.filter(object_pk=str(node.pk), content_type__model="simpul")
    assert entries.count() == 2
    assert IndikatorSimpul.objects.filter(simpul=node).count() == 1


# --- PK drafting from the owners ---------------------------------------------------------------------------


def test_pk_draft_takes_the_elements_the_tree_gives_the_position(world, pohon, plan):
    generate_plan(plan, programs=2)
    renstra_services.tetapkan(plan, berlaku_mulai=2021, actor=None)
    program2 = Elemen.objects.get(versi=plan, level=Level.PROGRAM, nama="Program 2")
    outcome = _node(pohon, Tingkat.OUTCOME, "Rasa aman", indikator="Zero konflik")
    strategis = _node(pohon, Tingkat.STRATEGIS, "Konflik dicegah", outcome, indikator="X")
    node = _node(
        pohon, Tingkat.INTERMEDIATE, "Kewaspadaan", strategis, indikator="Y", jabatan=world.sekretaris_a,
        jenjang=Jenjang.ADMINISTRATOR,
    )  # fmt: skip
    Terjemahan.objects.create(simpul=node, elemen=program2)
    pk = susun_dari_renstra(world.sekretaris_a, 2022)
    assert {row.sasaran for row in pk.indikator.all()} == {"Program 2"}
    assert [row.kode for row in pk.anggaran.all()] == [k.kode for k in program2.children.order_by("urutan")]


# --- Documents ---------------------------------------------------------------------------------------------


@pytest.fixture
def demo(demo_data):
    pass


def test_demo_tree_from_seed_002_prints_every_node(demo, tmp_path):
    opd = PerangkatDaerah.objects.get(kode="8.01.0.00.0.00.01.0000")
    pohon = PohonKinerja.objects.berlaku(opd, 2024)
    tree = services.load(pohon)
    assert len(tree.nodes) == 31
    assert (
        tree.roots[0].kinerja
        == "Meingkatkan"[:0] + "Meningkatkan Rasa Aman dan Harmonis dalam Hubungan Sosial Kemasyarakatan"
    )
    # The diagram PDF (both paper sizes, split into pages on A4) contains every node's statement.
    for kertas in ("A3", "A4"):
        text = _text(exporters.pdf(tree, kertas=kertas, bagian="diagram"))
        squashed = text.replace(" ", "")
        missing = [n.kinerja for n in tree.nodes.values() if n.kinerja.replace(" ", "") not in squashed]
        assert not missing, (kertas, missing)
    # The crosscutting branch is marked, and the partner sees it.
    shared = Simpul.objects.get(pohon=pohon, faktor_kunci__startswith="Sengketa batas")
    assert shared.lintas.get().mitra.singkatan == "Setda"
    out = tmp_path / "pohon.pdf"
    call_command("render_document", "pohon-kinerja", "--opd", opd.kode, "--tahun", "2024", "-o", str(out),
                 stdout=io.StringIO())  # fmt: skip
    text = _text(out.read_bytes())
    assert "Crosscutting:Setda" in text.replace(" ", "") and "PENERJEMAHAN POHON KINERJA" in text
    assert "PK Jabatan Administrator" in text  # the stage-4 table follows the diagram


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
    _login(client, world.alice)
    counts = []
    for p in (small, large):
        for name in ("pohon:pohon_detail", "pohon:pohon_diagram", "pohon:pohon_tabel"):
            client.get(reverse(name, args=[p.pk]))  # warm caches (sessions, content types)
            with capture_queries(name) as queries:
                assert client.get(reverse(name, args=[p.pk])).status_code == 200
            counts.append(queries)
    assert_same_queries(counts[:3], counts[3:])


def test_a_tree_of_200_nodes_prints_split_by_branch(world, pohon):
    outcome = Simpul.objects.create(pohon=pohon, tingkat=Tingkat.OUTCOME, kinerja="Outcome besar")
    for s in range(4):
        strategis = Simpul.objects.create(
            pohon=pohon, parent=outcome, tingkat=Tingkat.STRATEGIS, kinerja=f"Strategis {s}"
        )
        for i in range(5):
            inter = Simpul.objects.create(
                pohon=pohon, parent=strategis, tingkat=Tingkat.INTERMEDIATE, kinerja=f"Intermediate {s}.{i}"
            )
            imm = Simpul.objects.create(
                pohon=pohon, parent=inter, tingkat=Tingkat.IMMEDIATE, kinerja=f"Immediate {s}.{i}"
            )
            Simpul.objects.bulk_create(
                Simpul(
                    pohon=pohon, parent=imm, tingkat=Tingkat.OPERASIONAL, kinerja=f"Operasional {s}.{i}.{o}", urutan=o
                )
                for o in range(8)
            )
    tree = services.load(pohon)
    assert len(tree.nodes) == 205
    content = exporters.pdf(tree, kertas="A3", bagian="diagram")
    reader = PdfReader(io.BytesIO(content))
    assert 2 <= len(reader.pages) <= 8  # the top levels on one page, the branches after it, several per page
    text = " ".join(page.extract_text() for page in reader.pages)
    missing = [n.kinerja for n in tree.nodes.values() if n.kinerja not in text]
    assert not missing
    assert "Rincian: halaman" in text  # the cut branches say where they continue
