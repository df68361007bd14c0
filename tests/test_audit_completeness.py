"""Audit completeness: every service that writes rows in bulk (``bulk_create``, ``bulk_update``,
``QuerySet.update()``/``delete()``, :mod:`sakip.lib.tree`'s copies) records one summary entry for the operation,
naming how many rows of each model it wrote, where its pemda's log shows it, by whom.

Each service runs under :func:`tests.audit_watch.watch_bulk_writes`, which notes every bulk write to a model
registered with django-auditlog; a write whose model no summary entry counts fails the test. The last test
reads the source: a new bulk write in a service that this module does not run fails it too.
"""

from __future__ import annotations

import ast
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kinerja import exporters as kinerja_exporters
from kinerja import importers as kinerja_importers
from kinerja import services as pk_services
from kinerja.models import JendelaRealisasi, PerjanjianKinerja, PKIndikator
from lkjip import services as lkjip_services
from lkjip.models import BarisPeriodeLalu
from pohon import services as pohon_services
from pohon.models import IndikatorSimpul, PohonKinerja, Simpul, Tingkat
from renstra import exporters as renstra_exporters
from renstra import services as renstra_services
from renstra.importers import berlaku, tc27
from renstra.importers import nomenklatur as nomenklatur_importer
from renstra.models import Elemen, Indikator, Level, Nomenklatur, Pagu, RenstraVersi, Strategi, Target
from renstra.samples import SAMPLE
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.audit import acting_as
from sakip.models import AuditEntry
from tests.audit_watch import watch_bulk_writes

Operasi = AuditEntry.Operasi


@pytest.fixture
def plan(world):
    """OPD A's Renstra 2021–2026 (2 programs, 8 sub kegiatan), ditetapkan from 2021."""
    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))
    return renstra_services.tetapkan(versi, berlaku_mulai=2021, actor=None)


def _run(user, service, *args, **kwargs):
    """Run ``service`` as ``user`` under the watch; return its result and the watch."""
    with acting_as(user), watch_bulk_writes() as watch:
        result = service(*args, **kwargs)
    return result, watch


def _the_entry(watch, operasi, user, pemda):
    """The one summary entry of the operation, attributed and placed; every bulk-written model counted in it."""
    assert not watch.unrecorded(), f"bulk writes without a summary audit entry: {watch.unrecorded()}"
    [entry] = watch.entries
    assert entry.operasi == operasi
    assert entry.actor == user and entry.actor_name
    assert entry.pemda_ref == pemda.pk
    return entry


def test_the_watch_fails_a_service_that_does_not_record(world, plan):
    """The check itself can fail: a bulk insert without :func:`sakip.audit.record` is caught."""

    def careless():
        Pagu.objects.filter(elemen__versi=plan).update(jumlah=Decimal(1))

    _result, watch = _run(world.alice, careless)
    assert watch.unrecorded() == ["renstra.pagu"]


def test_buat_perubahan_renstra(world, plan):
    baru, watch = _run(world.alice, renstra_services.create_perubahan, plan)
    assert {"renstra.elemen", "renstra.indikator", "renstra.target", "renstra.pagu"} <= watch.written
    entry = _the_entry(watch, Operasi.RENSTRA_PERUBAHAN, world.alice, world.pemda)
    assert entry.object_pk == str(baru.pk) and entry.opd_ref == world.opd_a.pk
    assert entry.data["jumlah"]["renstra.elemen"] == Elemen.objects.filter(versi=baru).count() == 16
    assert entry.data["jumlah"]["renstra.target"] == Target.objects.filter(indikator__elemen__versi=baru).count()
    assert entry.data["dari"] == plan.label


def test_delete_draft_version_is_one_entry(world, plan):
    draft = renstra_services.create_perubahan(plan)
    rows = Elemen.objects.filter(versi=draft).count() + Indikator.objects.filter(elemen__versi=draft).count()
    before = AuditEntry.objects.count()
    with acting_as(world.alice):
        renstra_services.delete_versi(draft)
    assert not RenstraVersi.objects.filter(pk=draft.pk).exists()
    assert AuditEntry.objects.count() == before + 1  # not one per row
    entry = AuditEntry.objects.latest("pk")
    assert entry.operasi == Operasi.RENSTRA_HAPUS_VERSI and entry.action == AuditEntry.Action.DELETE
    counts = entry.data["jumlah"]
    assert counts["renstra.renstraversi"] == 1
    assert counts["renstra.elemen"] + counts["renstra.indikator"] == rows
    assert entry.pemda_ref == world.pemda.pk and entry.actor == world.alice
    with pytest.raises(renstra_services.VersiTerkunci):
        renstra_services.delete_versi(plan)  # a ditetapkan version stays


def test_excel_import_names_the_file_and_its_hash(world, plan):
    data = renstra_exporters.export_workbook(plan, ["tc27"])
    report = tc27.read_renstra(io.BytesIO(data), plan.years)
    versi, watch = _run(
        world.alice, tc27.save_renstra, report, world.opd_a, plan.renstra.periode, berkas="tc27.xlsx", sha256="ab" * 32
    )
    entry = _the_entry(watch, Operasi.RENSTRA_IMPOR, world.alice, world.pemda)
    assert entry.object_pk == str(versi.pk)
    assert entry.data["berkas"] == "tc27.xlsx" and entry.data["sha256"] == "ab" * 32
    assert entry.data["jumlah"]["renstra.pagu"] == Pagu.objects.filter(elemen__versi=versi).count() > 0


def test_import_keeping_the_sasaran_in_force_counts_the_copied_rows(world, plan):
    """A T-C.27 that starts at the programs copies the tujuan and sasaran in force (with their strategi):
    the import's one entry counts them with the imported rows."""
    sasaran = Elemen.objects.get(versi=plan, level=Level.SASARAN)
    Strategi.objects.create(sasaran=sasaran, uraian="Memperkuat deteksi dini", urutan=1)
    with open(SAMPLE, "rb") as handle:
        report = tc27.read_renstra(handle, plan.years)
    versi, watch = _run(world.alice, berlaku.simpan, report, world.opd_a, plan.renstra.periode, berkas="s.xlsx")
    entry = _the_entry(watch, Operasi.RENSTRA_IMPOR, world.alice, world.pemda)
    assert entry.data["jumlah"]["renstra.strategi"] == 1
    assert entry.data["jumlah"]["renstra.elemen"] == Elemen.objects.filter(versi=versi).count()
    assert Elemen.objects.filter(versi=versi, level=Level.SASARAN).count() == 1


def test_excel_import_page_records_the_uploaded_file(client, world, plan):
    import hashlib

    data = renstra_exporters.export_workbook(plan, ["tc27"])
    client.force_login(world.alice)
    url = reverse("renstra:renstra_import", args=[world.opd_a.pk])
    upload = io.BytesIO(data)
    upload.name = "Renstra BA.xlsx"
    preview = client.post(url, {"periode": plan.renstra.periode.pk, "berkas": upload})
    token = preview.context["token"]
    assert client.post(url, {"token": token}).status_code == 302
    entry = AuditEntry.objects.get(operasi=Operasi.RENSTRA_IMPOR)
    assert entry.data["berkas"] == "Renstra BA.xlsx" and entry.data["sha256"] == hashlib.sha256(data).hexdigest()


def test_susun_pk_and_pk_perubahan(world, plan):
    pk, watch = _run(world.alice, pk_services.susun_dari_renstra, world.kepala_a, 2024)
    entry = _the_entry(watch, Operasi.PK_SUSUN, world.alice, world.pemda)
    assert entry.data["jumlah"]["kinerja.pkindikator"] == PKIndikator.objects.filter(pk_doc=pk).count() == 1
    assert entry.data["jumlah"]["kinerja.pkanggaran"] == 2 and entry.data["dari"] == plan.label

    PerjanjianKinerja.objects.filter(pk=pk.pk).update(
        status=PerjanjianKinerja.Status.DITANDATANGANI, pdf_sha256="0" * 64
    )
    pk.refresh_from_db()
    baru, watch = _run(world.alice, pk_services.create_perubahan, pk, alasan="Perubahan anggaran")
    entry = _the_entry(watch, Operasi.PK_PERUBAHAN, world.alice, world.pemda)
    assert entry.object_pk == str(baru.pk) and entry.data["jumlah"]["kinerja.pkanggaran"] == 2


def test_rencana_aksi_rows(world, plan):
    pk = pk_services.susun_dari_renstra(world.kepala_a, 2024)
    rows, watch = _run(world.alice, pk_services.prepare_rencana_aksi, pk)
    entry = _the_entry(watch, Operasi.RENCANA_AKSI_SIAPKAN, world.alice, world.pemda)
    assert entry.data["jumlah"] == {"kinerja.rencanaaksi": 1} and len(rows) == 1
    _rows, watch = _run(world.alice, pk_services.prepare_rencana_aksi, pk)
    assert not watch.writes and not watch.entries  # nothing missing: nothing written, nothing recorded


def _tree(world, versi):
    pohon = PohonKinerja.objects.create(opd=world.opd_a, periode=versi.renstra.periode, tahun_berlaku=2022, versi=versi)
    outcome = pohon_services.save_simpul(Simpul(pohon=pohon, tingkat=Tingkat.OUTCOME, kinerja="Rasa aman"))
    IndikatorSimpul.objects.create(simpul=outcome, uraian="Zero konflik", urutan=1)
    return pohon, outcome


def test_pohon_revisi_and_terjemahkan(world):
    draft = make_versi(world.opd_a, make_periode(world.pemda))
    pohon, outcome = _tree(world, draft)
    baru, watch = _run(world.alice, pohon_services.revisi, pohon, 2024)
    entry = _the_entry(watch, Operasi.POHON_REVISI, world.alice, world.pemda)
    assert entry.data["jumlah"]["pohon.simpul"] == 1 and entry.data["jumlah"]["pohon.indikatorsimpul"] == 1
    assert entry.object_pk == str(baru.pk)

    created, watch = _run(world.alice, pohon_services.terjemahkan, pohon, [outcome.pk])
    entry = _the_entry(watch, Operasi.POHON_TERJEMAHKAN, world.alice, world.pemda)
    assert [e.level for e in created] == [Level.TUJUAN]
    assert entry.data["jumlah"]["renstra.elemen"] == 1 and entry.data["jumlah"]["renstra.indikator"] == 1


def test_realisasi_workbook(world, plan):
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=2024, triwulan=1, terbuka=True)
    wb = load_workbook(io.BytesIO(kinerja_exporters.template(world.opd_a, 2024)))
    ind = Indikator.objects.get(elemen__versi=plan, elemen__level=Level.SASARAN)
    row = next(r for r in wb["Realisasi indikator"].iter_rows(min_row=2) if r[0].value == ind.pk)
    row[6].value = "10"  # TW I
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    report, watch = _run(
        world.alice,
        kinerja_importers.import_workbook,
        world.opd_a,
        2024,
        out,
        actor=world.alice,
        save=True,
        berkas="realisasi.xlsx",
    )
    assert not report.errors and report.indikator == 1
    entry = _the_entry(watch, Operasi.REALISASI_IMPOR, world.alice, world.pemda)
    assert entry.data["berkas"] == "realisasi.xlsx" and len(entry.data["sha256"]) == 64
    assert entry.opd_ref == world.opd_a.pk and entry.data["sel_indikator"] == 1


def test_nomenclature_import(world):
    wb = Workbook()
    for row in (["Kode", "Nomenklatur", "Kinerja", "Indikator", "Satuan"], ["8.01", "KESATUAN BANGSA", "", "", ""]):
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    out.name = "nomenklatur.xlsx"
    result, watch = _run(
        world.dave, nomenklatur_importer.import_nomenklatur, Nomenklatur.Versi.V2023, out, pemda=world.pemda
    )
    assert result.created == 1
    entry = _the_entry(watch, Operasi.NOMENKLATUR_IMPOR, world.dave, world.pemda)
    assert entry.data["berkas"] == "nomenklatur.xlsx" and entry.data["jumlah"] == {"renstra.nomenklatur": 1}


def test_official_nomenclature_loaded_in_one_entry(world):
    """The operator's list is written in bulk: one entry for the whole file, not one per code in every log."""
    before = AuditEntry.objects.count()
    with acting_as(label="load_nomenklatur"), watch_bulk_writes() as watch:
        result = nomenklatur_importer.load_seed_nomenklatur()
    assert result.created > 50 and not watch.unrecorded()
    [entry] = watch.entries
    assert entry.operasi == Operasi.NOMENKLATUR_IMPOR and entry.pemda_ref is None
    assert entry.data["jumlah"] == {"renstra.nomenklatur": result.created}
    assert AuditEntry.objects.count() == before + 1
    # Loading it again changes nothing and records nothing.
    assert nomenklatur_importer.load_seed_nomenklatur().created == 0
    assert AuditEntry.objects.count() == before + 1


def test_periode_lalu_replaced(world, plan):
    dokumen = lkjip_services.renstra(plan, create=True)
    rows = [{"uraian": "Indikator lama", "satuan": "%", "tahun": {2016: ("10", "9")}}]
    lkjip_services.save_periode_lalu(dokumen, BarisPeriodeLalu.Tabel.KINERJA, rows, [2016])
    errors, watch = _run(
        world.alice, lkjip_services.save_periode_lalu, dokumen, BarisPeriodeLalu.Tabel.KINERJA, rows, [2016]
    )
    assert not errors and "lkjip.barisperiodelalu" in watch.written
    entry = _the_entry(watch, Operasi.PERIODE_LALU_SIMPAN, world.alice, world.pemda)
    assert entry.data["jumlah"] == {"lkjip.barisperiodelalu": 1, "lkjip.nilaiperiodelalu": 1}


# --- Every bulk write in the source is run above ---------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
BULK_CALLS = {"bulk_create", "bulk_update", "copy_rows", "copy_tree"}
# (module, function) → the test above that runs it, or why it needs no entry.
COVERED = {
    ("renstra/services.py", "create_perubahan"): test_buat_perubahan_renstra,
    ("renstra/importers/tc27.py", "save_renstra"): test_excel_import_names_the_file_and_its_hash,
    ("renstra/importers/nomenklatur.py", "save_rows"): test_official_nomenclature_loaded_in_one_entry,
    ("renstra/importers/berlaku.py", "salin_sasaran"): test_import_keeping_the_sasaran_in_force_counts_the_copied_rows,
    ("pohon/services.py", "revisi"): test_pohon_revisi_and_terjemahkan,
    ("kinerja/services.py", "susun_dari_renstra"): test_susun_pk_and_pk_perubahan,
    ("kinerja/services.py", "create_perubahan"): test_susun_pk_and_pk_perubahan,
    ("kinerja/services.py", "prepare_rencana_aksi"): test_rencana_aksi_rows,
    ("lkjip/services.py", "save_periode_lalu"): test_periode_lalu_replaced,
    ("kinerja/realisasi/lembar.py", "_write"): "tests/test_limits.py: a large upload is one summary entry",
    ("kinerja/pengingat.py", "kirim"): "Pengingat (the log of reminders sent) is not an audited model",
    ("lkjip/render.py", "run"): "Cetakan (a rendering's progress) is not an audited model",
    ("lkjip/render.py", "step"): "Cetakan (a rendering's progress) is not an audited model",
}


def _bulk_writers():
    """(module, function) of every production function that calls a bulk write (demo loaders, generators
    for tests and benchmarks, and sakip.lib's mechanics excepted)."""
    found = set()
    for label in ("sakip", "renstra", "pohon", "kinerja", "lkjip"):
        for path in (ROOT / label).rglob("*.py"):
            parts = set(path.relative_to(ROOT).parts)
            if parts & {"tests", "migrations", "management", "lib"} or path.name in ("demo.py", "testing.py"):
                continue
            text = path.read_text(encoding="utf-8")
            for fn in ast.walk(ast.parse(text)):
                if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                for node in ast.walk(fn):
                    if not isinstance(node, ast.Call):
                        continue
                    f = node.func
                    name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
                    receiver = ast.get_source_segment(text, f.value) if isinstance(f, ast.Attribute) else ""
                    if name in BULK_CALLS or (
                        name in ("update", "delete") and ("objects" in receiver or "filter(" in receiver)
                    ):
                        found.add((str(path.relative_to(ROOT)), fn.name))
    return found


def test_every_bulk_write_in_a_service_is_run_here():
    missing = sorted(_bulk_writers() - set(COVERED))
    assert not missing, (
        f"These functions write in bulk: record a summary entry (sakip.audit.record) and add a test above: {missing}"
    )
