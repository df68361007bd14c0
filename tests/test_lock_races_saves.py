"""Lock races on PostgreSQL for the saves tests/test_lock_races.py leaves out: the realisasi anggaran grid and
evidence files against closing a triwulan, belanja per jenis, the pohon kinerja (translation against Tetapkan,
revisions, nodes) and the RPJMD (period with its misi, tujuan). A save in flight and a state change serialize
(the save lands before it or is refused after it); of two saves of the same row or the same new key, the second
waits, then is told (a conflict or a message), never a database error and never a silent overwrite.

Same method as test_lock_races: one side is held at a known point after its locks, the other is started and
must wait. PostgreSQL only (SQLite has no row locks)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from kinerja.forms import BelanjaFormSet, JendelaForm
from kinerja.models import BelanjaOPD, BuktiDukung, JendelaRealisasi, RealisasiAnggaran
from kinerja.realisasi import anggaran, jendela, lembar
from pohon import services as pohon_services
from pohon.forms import IndikatorFormSet, SimpulForm
from pohon.models import PohonKinerja, Simpul, Tingkat
from renstra import services
from renstra.forms import MisiFormSet, PeriodeForm, TujuanRPJMDForm
from renstra.models import Indikator, Level, Misi, TujuanRPJMD
from renstra.testing import generate_plan, make_periode, make_versi
from sakip import audit
from sakip.models import Jenjang
from tests.test_lock_races import WAIT, Side, pause_in, still_waiting

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="row locks (select_for_update) need PostgreSQL; run with DATABASE_URL=postgres://…",
    ),
]


@pytest.fixture
def draft(world):
    return generate_plan(make_versi(world.opd_a, make_periode(world.pemda)), programs=1)


@pytest.fixture
def in_force(world, draft):
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=2024, triwulan=2, terbuka=True)
    return services.tetapkan(draft, berlaku_mulai=2021, actor=None)


def _closing(world, monkeypatch):
    """Start closing TW II 2024 and hold it once it has locked the pemda's OPD rows; returns (thread, release)."""
    window = JendelaRealisasi.objects.get(pemda=world.pemda, tahun=2024, triwulan=2)
    form = JendelaForm({"tw2-terbuka": ""}, instance=window, pemda=world.pemda, prefix="tw2")
    assert form.is_valid()
    reached, release = pause_in(monkeypatch, form, "save", "close")
    close = Side("close", lambda: jendela.save_jendela(form))
    close.start()
    assert reached.wait(WAIT)
    return close, release


def _subs(versi):
    return list(versi.elemen.filter(level=Level.SUB_KEGIATAN).order_by("pk"))


# --- Realisasi anggaran (the budget grid) -------------------------------------------------------------------


def test_a_realisasi_anggaran_save_started_while_the_quarter_closes_is_refused(world, in_force, monkeypatch):
    cells = [{"elemen": sub.pk, "kolom": "tw2", "value": "1.000"} for sub in _subs(in_force)]
    close, release = _closing(world, monkeypatch)
    save = Side("save", lambda: anggaran.save_anggaran(world.opd_a, 2024, cells))
    save.start()
    assert still_waiting(save), "the budget save did not wait for the quarter being closed"
    release.set()
    close.join(WAIT), save.join(WAIT)
    assert close.error is None and save.error is None
    assert save.result.errors and all("ditutup" in message for message in save.result.errors.values())
    assert not RealisasiAnggaran.objects.exists()


def test_a_realisasi_anggaran_save_running_when_the_quarter_closes_completes_before_it(world, in_force, monkeypatch):
    cells = [{"elemen": sub.pk, "kolom": "tw2", "value": "1.000"} for sub in _subs(in_force)]
    reached, release = pause_in(monkeypatch, anggaran, "read_cell", "save")
    save = Side("save", lambda: anggaran.save_anggaran(world.opd_a, 2024, cells))
    save.start()
    assert reached.wait(WAIT)
    window = JendelaRealisasi.objects.get(pemda=world.pemda, tahun=2024, triwulan=2)
    form = JendelaForm({"tw2-terbuka": ""}, instance=window, pemda=world.pemda, prefix="tw2")
    assert form.is_valid()
    close = Side("close", lambda: jendela.save_jendela(form))
    close.start()
    assert still_waiting(close), "the triwulan was closed while a budget save was writing into it"
    release.set()
    save.join(WAIT), close.join(WAIT)
    assert save.error is None and close.error is None and not save.result.errors
    window.refresh_from_db()
    rows = RealisasiAnggaran.objects.filter(tahun=2024, triwulan=2)
    assert rows.count() == len(cells) and not window.terbuka
    assert max(r.updated_at for r in rows) < window.updated_at


def test_two_edits_of_one_realisasi_anggaran_cell_at_once_the_second_is_a_conflict(world, in_force, monkeypatch):
    sub = _subs(in_force)[0]
    reached, release = pause_in(monkeypatch, anggaran, "read_cell", "first")
    cell = {"elemen": sub.pk, "kolom": "tw2", "token": ""}  # both pages showed the cell empty
    first = Side("first", lambda: anggaran.save_anggaran(world.opd_a, 2024, [{**cell, "value": "100"}]))
    first.start()
    assert reached.wait(WAIT)
    second = Side("second", lambda: anggaran.save_anggaran(world.opd_a, 2024, [{**cell, "value": "200"}]))
    second.start()
    assert still_waiting(second)
    release.set()
    first.join(WAIT), second.join(WAIT)
    assert first.error is None and second.error is None
    assert second.result.conflicts and not second.result.saved
    assert RealisasiAnggaran.objects.get(elemen=sub, triwulan=2).jumlah == Decimal(100)


# --- Evidence (bukti dukung) ----------------------------------------------------------------------------------


def _stored_files() -> list[str]:
    found = []

    def walk(path):
        dirs, files = default_storage.listdir(path)
        found.extend(f"{path}/{f}" for f in files)
        for d in dirs:
            walk(f"{path}/{d}")

    if default_storage.exists("bukti"):
        walk("bukti")
    return found


def test_an_evidence_upload_started_while_the_quarter_closes_is_refused_and_stores_no_file(
    world, in_force, monkeypatch
):
    ind = Indikator.objects.filter(elemen__versi=in_force).first()
    before = _stored_files()
    close, release = _closing(world, monkeypatch)
    berkas = ContentFile(b"%PDF-1.4 bukti", name="bukti-race.pdf")
    upload = Side("upload", lambda: lembar.add_bukti(world.opd_a, ind, 2024, 2, berkas, actor=None))
    upload.start()
    assert still_waiting(upload), "the upload did not wait for the quarter being closed"
    release.set()
    close.join(WAIT), upload.join(WAIT)
    assert close.error is None and isinstance(upload.error, jendela.Terkunci)
    assert not BuktiDukung.objects.exists() and _stored_files() == before


def test_an_evidence_deletion_started_while_the_quarter_closes_is_refused_and_keeps_the_file(
    world, in_force, monkeypatch
):
    ind = Indikator.objects.filter(elemen__versi=in_force).first()
    bukti = lembar.add_bukti(world.opd_a, ind, 2024, 2, ContentFile(b"%PDF-1.4 x", name="tetap.pdf"), actor=None)
    bukti = BuktiDukung.objects.select_related("realisasi__indikator__elemen__versi__renstra__opd").get(pk=bukti.pk)
    close, release = _closing(world, monkeypatch)
    delete = Side("delete", lambda: lembar.delete_bukti(bukti))
    delete.start()
    assert still_waiting(delete), "the deletion did not wait for the quarter being closed"
    release.set()
    close.join(WAIT), delete.join(WAIT)
    assert close.error is None and isinstance(delete.error, jendela.Terkunci)
    assert BuktiDukung.objects.filter(pk=bukti.pk).exists() and default_storage.exists(bukti.berkas.name)


# --- Belanja per jenis ----------------------------------------------------------------------------------------


def _belanja_formset(world, rows: dict[str, str]):
    queryset = BelanjaOPD.objects.filter(opd=world.opd_a, tahun=2024).order_by("pk")
    existing = list(queryset)
    data = {
        "belanja-TOTAL_FORMS": str(len(existing) + 1),
        "belanja-INITIAL_FORMS": str(len(existing)),
        "belanja-MIN_NUM_FORMS": "0",
        "belanja-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(existing):
        data |= {
            f"belanja-{i}-id": str(row.pk),
            f"belanja-{i}-jenis": row.jenis,
            f"belanja-{i}-anggaran": str(row.anggaran),
            f"belanja-{i}-realisasi": str(row.realisasi),
            f"belanja-{i}-token": row.updated_at.isoformat(),
        }
    data |= rows
    formset = BelanjaFormSet(data, queryset=queryset, prefix="belanja")
    assert formset.is_valid(), formset.errors
    return formset


def _two_belanja_saves(world, monkeypatch, rows_a, rows_b):
    a, b = _belanja_formset(world, rows_a), _belanja_formset(world, rows_b)
    reached, release = pause_in(monkeypatch, a, "save", "a")  # after the OPD lock and the checks
    first = Side("a", lambda: anggaran.save_belanja(world.opd_a, 2024, a))
    first.start()
    assert reached.wait(WAIT)
    second = Side("b", lambda: anggaran.save_belanja(world.opd_a, 2024, b))
    second.start()
    assert still_waiting(second), "the second belanja save did not wait for the first"
    release.set()
    first.join(WAIT), second.join(WAIT)
    assert first.error is None
    return second.error


def test_one_jenis_belanja_added_twice_at_once_is_saved_once(world, monkeypatch):
    jenis = BelanjaOPD.Jenis.values[0]
    new = {"belanja-0-jenis": jenis, "belanja-0-anggaran": "1000"}
    error = _two_belanja_saves(
        world, monkeypatch, {**new, "belanja-0-realisasi": "10"}, {**new, "belanja-0-realisasi": "20"}
    )
    assert isinstance(error, ValidationError) and "baru saja disimpan pengguna lain" in error.messages[0]
    assert BelanjaOPD.objects.get(opd=world.opd_a, tahun=2024, jenis=jenis).realisasi == Decimal(10)


def test_one_belanja_row_edited_twice_at_once_the_second_is_a_conflict(world, monkeypatch):
    row = BelanjaOPD.objects.create(
        opd=world.opd_a, tahun=2024, jenis=BelanjaOPD.Jenis.values[0], anggaran=1000, realisasi=5
    )
    error = _two_belanja_saves(world, monkeypatch, {"belanja-0-realisasi": "10"}, {"belanja-0-realisasi": "20"})
    assert isinstance(error, audit.Berubah)
    assert BelanjaOPD.objects.get(pk=row.pk).realisasi == Decimal(10)


# --- Pohon kinerja --------------------------------------------------------------------------------------------


@pytest.fixture
def pohon(world, draft):
    return PohonKinerja.objects.create(opd=world.opd_a, periode=draft.renstra.periode, tahun_berlaku=2021, versi=draft)


def test_a_translation_started_during_tetapkan_is_refused_after_it(world, draft, pohon, monkeypatch):
    node = Simpul.objects.create(pohon=pohon, tingkat=Tingkat.OUTCOME, jenjang=Jenjang.JPT_PRATAMA, kinerja="Baru")
    elements = draft.elemen.count()
    reached, release = pause_in(monkeypatch, services, "ensure_draft", "tetapkan")
    tetapkan = Side("tetapkan", lambda: services.tetapkan(draft, berlaku_mulai=2021, actor=None))
    tetapkan.start()
    assert reached.wait(WAIT)
    translate = Side("translate", lambda: pohon_services.terjemahkan(pohon, [node.pk]))
    translate.start()
    assert still_waiting(translate), "the translation did not wait for Tetapkan"
    release.set()
    tetapkan.join(WAIT), translate.join(WAIT)
    assert tetapkan.error is None and isinstance(translate.error, services.VersiTerkunci)
    assert draft.elemen.count() == elements


def test_two_revisions_of_one_year_at_once_make_one(world, pohon):
    results = []

    def click():
        results.append(pohon_services.revisi(pohon, 2023))

    sides = [Side(f"click{i}", click) for i in range(3)]
    for side in sides:
        side.start()
    for side in sides:
        side.join(WAIT)
    assert len(results) == 1
    assert all(isinstance(s.error, ValidationError) for s in sides if s.error)
    assert PohonKinerja.objects.filter(opd=world.opd_a, tahun_berlaku=2023).count() == 1


def test_one_node_saved_twice_at_once_the_second_is_a_conflict(world, pohon, monkeypatch):
    node = Simpul.objects.create(pohon=pohon, tingkat=Tingkat.OUTCOME, jenjang=Jenjang.JPT_PRATAMA, kinerja="Lama")
    token = node.updated_at.isoformat()

    def form(kinerja):
        data = {"tingkat": node.tingkat, "jenjang": node.jenjang, "kinerja": kinerja, "token": token}
        bound = SimpulForm(data, instance=Simpul.objects.get(pk=node.pk))
        assert bound.is_valid(), bound.errors
        return bound

    a, b = form("Kinerja A"), form("Kinerja B")
    reached, release = pause_in(monkeypatch, pohon_services, "save_simpul", "a")
    first = Side("a", lambda: pohon_services.save_simpul_form(a, _no_indicators(node)))
    first.start()
    assert reached.wait(WAIT)
    second = Side("b", lambda: pohon_services.save_simpul_form(b, _no_indicators(node)))
    second.start()
    assert still_waiting(second), "the second node save did not wait for the first"
    release.set()
    first.join(WAIT), second.join(WAIT)
    assert first.error is None and isinstance(second.error, audit.Berubah)
    assert Simpul.objects.get(pk=node.pk).kinerja == "Kinerja A"


def _no_indicators(node):
    """The node's indicators' formset, posted empty (the node form is what races)."""
    formset = IndikatorFormSet(
        {"ind-TOTAL_FORMS": "0", "ind-INITIAL_FORMS": "0", "ind-MIN_NUM_FORMS": "0", "ind-MAX_NUM_FORMS": "1000"},
        instance=node,
        prefix="ind",
    )
    assert formset.is_valid()
    return formset


# --- RPJMD ----------------------------------------------------------------------------------------------------


def test_one_misi_number_added_twice_at_once_is_saved_once(world, monkeypatch):
    periode = make_periode(world.pemda)

    def forms(uraian):
        data = {
            "nama": periode.nama,
            "tahun_awal": periode.tahun_awal,
            "tahun_akhir": periode.tahun_akhir,
            "token": periode.updated_at.isoformat(),
            "misi-TOTAL_FORMS": "1",
            "misi-INITIAL_FORMS": "0",
            "misi-MIN_NUM_FORMS": "0",
            "misi-MAX_NUM_FORMS": "1000",
            "misi-0-nomor": "1",
            "misi-0-uraian": uraian,
        }
        form, formset = PeriodeForm(data, instance=periode), MisiFormSet(data, instance=periode, prefix="misi")
        assert form.is_valid() and formset.is_valid(), (form.errors, formset.errors)
        return form, formset

    (fa, sa), (fb, sb) = forms("Misi A"), forms("Misi B")
    reached, release = pause_in(monkeypatch, fa, "save", "a")
    first = Side("a", lambda: services.save_periode(fa, sa))
    first.start()
    assert reached.wait(WAIT)
    second = Side("b", lambda: services.save_periode(fb, sb))
    second.start()
    assert still_waiting(second), "the second period save did not wait for the first"
    release.set()
    first.join(WAIT), second.join(WAIT)
    assert first.error is None and isinstance(second.error, ValidationError)
    assert [m.uraian for m in Misi.objects.filter(periode=periode)] == ["Misi A"]


def test_one_tujuan_saved_twice_at_once_the_second_is_a_conflict(world, monkeypatch):
    periode = make_periode(world.pemda)
    tujuan = TujuanRPJMD.objects.create(periode=periode, urutan=1, uraian="Lama")

    def form(uraian):
        data = {"urutan": "1", "uraian": uraian, "indikator": "", "token": tujuan.updated_at.isoformat()}
        bound = TujuanRPJMDForm(data, instance=TujuanRPJMD.objects.get(pk=tujuan.pk))
        assert bound.is_valid(), bound.errors
        return bound

    a, b = form("Tujuan A"), form("Tujuan B")
    reached, release = pause_in(monkeypatch, a, "save", "a")
    first = Side("a", lambda: services.save_rpjmd(a, periode))
    first.start()
    assert reached.wait(WAIT)
    second = Side("b", lambda: services.save_rpjmd(b, periode))
    second.start()
    assert still_waiting(second), "the second tujuan save did not wait for the first"
    release.set()
    first.join(WAIT), second.join(WAIT)
    assert first.error is None and isinstance(second.error, audit.Berubah)
    assert TujuanRPJMD.objects.get(pk=tujuan.pk).uraian == "Tujuan A"
