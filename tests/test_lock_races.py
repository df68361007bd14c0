"""Lock races on PostgreSQL, two connections at once: a save in flight and a state change (Tetapkan, closing a
triwulan, signing a PK) serialize, so a value is saved before the change or refused after it, never after.

Each test holds one side open at a known point (a patched function waits on an event, in one thread only),
starts the other side in a second thread, and checks that it waits. SQLite has no row locks (it serializes
every writer on the whole file), so these run on PostgreSQL only.
"""

from __future__ import annotations

import threading
import time
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection

from kinerja import services as pk_services
from kinerja.forms import JendelaForm
from kinerja.models import JendelaRealisasi, PerjanjianKinerja, Realisasi
from kinerja.realisasi import jendela, lembar
from renstra import services
from renstra.models import Indikator, Level, RenstraVersi, Target
from renstra.testing import generate_plan, make_periode, make_versi

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="row locks (select_for_update) need PostgreSQL; run with DATABASE_URL=postgres://…",
    ),
]

WAIT = 10  # seconds: a bound, never reached when the code is right


class Side(threading.Thread):
    """One side of a race in its own thread and database connection; ``error`` is what it raised."""

    def __init__(self, name, target):
        super().__init__(name=name, daemon=True)
        self.work, self.error, self.result = target, None, None

    def run(self):
        try:
            self.result = self.work()
        except Exception as error:  # the side's outcome, checked by the test
            self.error = error
        finally:
            connection.close()


def pause_in(monkeypatch, module, name, thread_name):
    """Patch ``module.name`` so that, in the thread called ``thread_name``, it stops on its first call until
    ``release`` is set; ``reached`` says it got there (with whatever locks it holds by then)."""
    original = getattr(module, name)
    reached, release = threading.Event(), threading.Event()

    def paused(*args, **kwargs):
        if threading.current_thread().name == thread_name and not reached.is_set():
            reached.set()
            assert release.wait(WAIT)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, paused)
    return reached, release


def still_waiting(thread: threading.Thread, seconds: float = 0.7) -> bool:
    thread.join(seconds)
    return thread.is_alive()


@pytest.fixture
def draft(world):
    return generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))


def _cells(versi, value="77"):
    inds = Indikator.objects.filter(elemen__versi=versi, elemen__level=Level.SUB_KEGIATAN).order_by("pk")
    return [{"indikator": ind.pk, "kolom": str(year), "value": value} for ind in inds for year in versi.years]


def test_a_target_save_running_when_tetapkan_is_pressed_completes_before_it(draft, monkeypatch):
    cells = _cells(draft)
    reached, release = pause_in(monkeypatch, services, "read_cell", "save")
    save = Side("save", lambda: services.save_target_cells(draft, cells))
    save.start()
    assert reached.wait(WAIT)  # the save is in its transaction, between two cells
    tetapkan = Side("tetapkan", lambda: services.tetapkan(draft, berlaku_mulai=2021, actor=None))
    tetapkan.start()
    assert still_waiting(tetapkan), "Tetapkan went ahead while a save was writing into the version"
    release.set()
    save.join(WAIT), tetapkan.join(WAIT)
    assert save.error is None and tetapkan.error is None
    versi = RenstraVersi.objects.get(pk=draft.pk)
    written = Target.objects.filter(indikator__elemen__versi=draft, nilai=Decimal(77))
    assert written.count() == len(cells)  # the whole save landed …
    assert max(t.updated_at for t in written) < versi.ditetapkan_pada  # … before the version was ditetapkan


def test_a_target_save_started_during_tetapkan_is_refused_after_it(draft, monkeypatch):
    reached, release = pause_in(monkeypatch, services, "ensure_draft", "tetapkan")
    tetapkan = Side("tetapkan", lambda: services.tetapkan(draft, berlaku_mulai=2021, actor=None))
    tetapkan.start()
    assert reached.wait(WAIT)  # Tetapkan holds the version's row
    save = Side("save", lambda: services.save_target_cells(draft, _cells(draft)))
    save.start()
    assert still_waiting(save), "the save did not wait for Tetapkan"
    release.set()
    tetapkan.join(WAIT), save.join(WAIT)
    assert tetapkan.error is None
    assert isinstance(save.error, services.VersiTerkunci)
    assert not Target.objects.filter(indikator__elemen__versi=draft, nilai=Decimal(77)).exists()


def test_a_pagu_save_started_during_tetapkan_is_refused_after_it(draft, monkeypatch):
    sub = draft.elemen.filter(level=Level.SUB_KEGIATAN).first()
    reached, release = pause_in(monkeypatch, services, "ensure_draft", "tetapkan")
    tetapkan = Side("tetapkan", lambda: services.tetapkan(draft, berlaku_mulai=2021, actor=None))
    tetapkan.start()
    assert reached.wait(WAIT)
    save = Side("save", lambda: services.save_pagu_cells(draft, [{"elemen": sub.pk, "kolom": "2022", "value": "9"}]))
    save.start()
    assert still_waiting(save)
    release.set()
    tetapkan.join(WAIT), save.join(WAIT)
    assert isinstance(save.error, services.VersiTerkunci)
    assert not sub.pagu.filter(jumlah=9).exists()


# --- Realisasi and the triwulan windows -----------------------------------------------------------------


@pytest.fixture
def in_force(world, draft):
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=2024, triwulan=2, terbuka=True)
    return services.tetapkan(draft, berlaku_mulai=2021, actor=None)


def _close_tw2(world):
    window = JendelaRealisasi.objects.get(pemda=world.pemda, tahun=2024, triwulan=2)
    form = JendelaForm({"tw2-terbuka": ""}, instance=window, pemda=world.pemda, prefix="tw2")
    assert form.is_valid(), form.errors
    return jendela.save_jendela(form)


def _realisasi_cells(versi):
    inds = Indikator.objects.filter(elemen__versi=versi).order_by("pk")
    return [{"indikator": ind.pk, "kolom": "tw2", "value": "5"} for ind in inds]


def test_a_realisasi_save_running_when_the_quarter_closes_completes_before_it(world, in_force, monkeypatch):
    cells = _realisasi_cells(in_force)
    reached, release = pause_in(monkeypatch, lembar, "read_cell", "save")
    save = Side("save", lambda: lembar.save_realisasi(world.opd_a, 2024, cells, actor=None))
    save.start()
    assert reached.wait(WAIT)
    close = Side("close", lambda: _close_tw2(world))
    close.start()
    assert still_waiting(close), "the triwulan was closed while a realisasi save was writing into it"
    release.set()
    save.join(WAIT), close.join(WAIT)
    assert save.error is None and close.error is None and not save.result.errors
    window = JendelaRealisasi.objects.get(pemda=world.pemda, tahun=2024, triwulan=2)
    rows = Realisasi.objects.filter(tahun=2024, triwulan=2)
    assert rows.count() == len(cells) and not window.terbuka
    assert max(r.updated_at for r in rows) < window.updated_at  # nothing landed after the close


def test_a_realisasi_save_started_while_the_quarter_closes_is_refused(world, in_force, monkeypatch):
    # The close holds the OPD rows (pauses in the form's save, after the locks); the save waits, then reads closed.
    window = JendelaRealisasi.objects.get(pemda=world.pemda, tahun=2024, triwulan=2)
    form = JendelaForm({"tw2-terbuka": ""}, instance=window, pemda=world.pemda, prefix="tw2")
    assert form.is_valid()
    reached, release = pause_in(monkeypatch, form, "save", "close")
    close = Side("close", lambda: jendela.save_jendela(form))
    close.start()
    assert reached.wait(WAIT)
    save = Side("save", lambda: lembar.save_realisasi(world.opd_a, 2024, _realisasi_cells(in_force), actor=None))
    save.start()
    assert still_waiting(save), "the realisasi save did not wait for the quarter being closed"
    release.set()
    close.join(WAIT), save.join(WAIT)
    assert close.error is None and save.error is None
    assert save.result.errors and all("ditutup" in message for message in save.result.errors.values())
    assert not Realisasi.objects.exists()


def test_a_note_or_evidence_started_while_the_quarter_closes_is_refused(world, in_force, monkeypatch):
    # The detail page's kendala/solusi and bukti dukung: the window is checked by the service with the OPD
    # locked, so a note that starts while TW II is being closed waits, then is refused, and nothing is written.
    ind = Indikator.objects.filter(elemen__versi=in_force).first()
    window = JendelaRealisasi.objects.get(pemda=world.pemda, tahun=2024, triwulan=2)
    form = JendelaForm({"tw2-terbuka": ""}, instance=window, pemda=world.pemda, prefix="tw2")
    assert form.is_valid()
    reached, release = pause_in(monkeypatch, form, "save", "close")
    close = Side("close", lambda: jendela.save_jendela(form))
    close.start()
    assert reached.wait(WAIT)
    note = Side(
        "note", lambda: lembar.save_catatan(world.opd_a, ind, 2024, 2, kendala="Hujan", solusi="Lembur", actor=None)
    )
    note.start()
    assert still_waiting(note), "the note did not wait for the quarter being closed"
    release.set()
    close.join(WAIT), note.join(WAIT)
    assert close.error is None and isinstance(note.error, jendela.Terkunci)
    assert not Realisasi.objects.exists()


# --- A PK row and signing ------------------------------------------------------------------------------


def test_a_pk_row_edit_started_while_the_pk_is_signed_is_refused(world, in_force, monkeypatch):
    pk = pk_services.susun_dari_renstra(world.kepala_a, 2024)
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(status=PerjanjianKinerja.Status.DIAJUKAN)
    row = pk.indikator.first()
    monkeypatch.setattr(pk_services.exporters, "pk_pdf", lambda pk, **kw: b"%PDF-1.4 test")
    reached, release = pause_in(monkeypatch, pk_services, "copy_parties", "sign")
    sign = Side("sign", lambda: pk_services.tandatangani(pk, actor=None))
    sign.start()
    assert reached.wait(WAIT)
    edit = Side("edit", lambda: pk_services.update_target(row, "99", "alasan"))
    edit.start()
    assert still_waiting(edit), "the row edit did not wait for the signing"
    release.set()
    sign.join(WAIT), edit.join(WAIT)
    assert sign.error is None and isinstance(edit.error, pk_services.PKError)
    row.refresh_from_db()
    assert row.target_nilai != Decimal(99)


def test_parallel_perubahan_requests_make_one_version(world, in_force):
    go = threading.Barrier(4)

    def click():
        go.wait(WAIT)
        return services.create_perubahan(in_force)

    sides = [Side(f"click{i}", click) for i in range(4)]
    for side in sides:
        side.start()
    for side in sides:
        side.join(WAIT)
    made = [s.result for s in sides if s.error is None]
    assert len(made) == 1
    assert all(isinstance(s.error, services.DrafSudahAda) and s.error.draf == made[0] for s in sides if s.error)
    assert RenstraVersi.objects.filter(renstra=in_force.renstra).count() == 2


def test_parallel_pk_perubahan_requests_make_one_version(world, in_force, monkeypatch):
    monkeypatch.setattr(pk_services.exporters, "pk_pdf", lambda pk, **kw: b"%PDF-1.4 test")
    pk = pk_services.susun_dari_renstra(world.kepala_a, 2024)
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(status=PerjanjianKinerja.Status.DIAJUKAN)
    pk = pk_services.tandatangani(pk, actor=None)
    go = threading.Barrier(4)

    def click():
        go.wait(WAIT)
        return pk_services.create_perubahan(pk, alasan="Mutasi pejabat")

    sides = [Side(f"click{i}", click) for i in range(4)]
    for side in sides:
        side.start()
    for side in sides:
        side.join(WAIT)
    assert sum(1 for s in sides if s.error is None) == 1
    assert all(isinstance(s.error, pk_services.PerubahanSudahAda) for s in sides if s.error)
    assert PerjanjianKinerja.objects.filter(jabatan=world.kepala_a, tahun=2024).count() == 2


def test_sanity_the_pause_helper_does_not_hold_other_threads(draft, monkeypatch):
    # The tests above would prove nothing if the pause held every thread: a save outside the paused one runs.
    pause_in(monkeypatch, services, "read_cell", "someone-else")
    started = time.monotonic()
    services.save_target_cells(draft, _cells(draft)[:1])
    assert time.monotonic() - started < WAIT
