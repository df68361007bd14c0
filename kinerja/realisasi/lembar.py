"""The realisasi sheet of an OPD and year (indicators with targets, quarters and capaian), and saving it.

The numbers come from ``kinerja.capaian``; this module finds the rows in a fixed number of queries and
applies the pemda's entry windows and policy.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja import capaian as engine
from kinerja.models import BuktiDukung, PengaturanCapaian, Realisasi
from kinerja.realisasi.jendela import (
    KOLOM_TW,
    TRIWULAN,
    Terkunci,
    ensure_open,
    kunci_opd,
    status_jendela,
    triwulan_ditutup,
)
from renstra.models import Indikator, Level, RenstraVersi, Target
from renstra.services import TargetValue, load_plan
from sakip import audit
from sakip.lib import grid
from sakip.lib.grid import CellResult
from sakip.lib.values import UnreadableValue, format_value, read_cell
from sakip.models import AuditEntry


def kebijakan_pemda(pemda) -> engine.Kebijakan:
    setting = PengaturanCapaian.objects.filter(pemda=pemda).first()
    return setting.kebijakan() if setting else engine.Kebijakan()


def persen_terisi(terisi: int, diharapkan: int) -> engine.Hasil:
    """Entry completeness: the quarters filled of those due."""
    if not diharapkan:
        return engine.Hasil(None, _("Belum ada triwulan yang dibuka."))
    return engine.Hasil(Decimal(terisi) / diharapkan * engine.HUNDRED)


def nilai_tahunan(values: list, agregasi: str) -> engine.Nilai:
    """The year's realisasi from the quarters: a predikat is taken as entered last; numbers by the rule."""
    entered = [engine.Nilai.of(v) for v in values if v is not None]
    entered = [v for v in entered if not v.kosong]
    if not entered:
        return engine.Nilai()
    if entered[-1].predikat:
        return entered[-1]
    return engine.Nilai(engine.gabung_triwulan([v.nilai for v in entered], agregasi))


@dataclass
class Baris:
    """An indicator of the plan with its target, quarters and what they add up to."""

    node: object
    indikator: Indikator
    target: TargetValue | None
    realisasi: dict[int, Realisasi] = field(default_factory=dict)
    tahunan: engine.Nilai = field(default_factory=engine.Nilai)
    capaian: engine.Hasil = field(default_factory=lambda: engine.Hasil(None))
    kategori: str = ""
    kemajuan: engine.Hasil = field(default_factory=lambda: engine.Hasil(None))  # against the Renstra end target
    terlambat: list[int] = field(default_factory=list)
    berisiko: bool = False
    riwayat: list[tuple[int, engine.Hasil]] = field(default_factory=list)  # (year, capaian), dashboards only

    @property
    def target_shown(self) -> str:
        return self.target.shown if self.target else ""

    @property
    def tahunan_shown(self) -> str:
        return format_value(self.tahunan.nilai, self.tahunan.teks if self.tahunan.predikat else "")

    def triwulan(self) -> list[Realisasi | None]:
        return [self.realisasi.get(q) for q in TRIWULAN]

    @property
    def angka_triwulan(self) -> list[Decimal | None]:
        return [r.nilai if r else None for r in self.triwulan()]

    @property
    def angka_riwayat(self) -> list[Decimal | None]:
        return [h.nilai for _y, h in self.riwayat]

    @property
    def label_riwayat(self) -> list[str]:
        return [str(y) for y, _h in self.riwayat]


def _compute(row: Baris, kebijakan: engine.Kebijakan, ditutup: set[int]) -> None:
    ind = row.indikator
    values = [engine.Nilai(r.nilai, r.teks) if r else None for r in row.triwulan()]
    row.tahunan = nilai_tahunan(values, ind.agregasi)
    target = engine.Nilai(row.target.nilai, row.target.teks) if row.target else engine.Nilai()
    row.capaian = engine.capaian(target, row.tahunan, ind.polaritas, kebijakan)
    row.kategori = engine.kategori(row.capaian, kebijakan)
    akhir = engine.Nilai(ind.kondisi_akhir_nilai, ind.kondisi_akhir_teks)
    row.kemajuan = engine.tingkat_kemajuan(row.tahunan, akhir, ind.polaritas, kebijakan)
    row.terlambat = [q for q in sorted(ditutup) if q in ind.triwulan_wajib and q not in row.realisasi]
    # At risk: the quarters so far, projected to the year, fall short of the target.
    entered = [q for q, r in row.realisasi.items() if r.nilai is not None or r.teks]
    if entered and row.capaian.nilai is not None and not row.tahunan.predikat:
        projected = row.capaian.nilai
        if ind.agregasi == Indikator.Agregasi.KUMULATIF:
            projected = projected * 4 / max(entered)
        row.berisiko = projected < engine.HUNDRED


@dataclass
class Lembar:
    """Everything the realisasi pages and the dashboard of one OPD and year need."""

    opd: object
    tahun: int
    versi: RenstraVersi | None
    plan: object = None
    rows: list[Baris] = field(default_factory=list)
    terbuka: dict[int, bool] = field(default_factory=dict)
    ditutup: set[int] = field(default_factory=set)  # opened once and closed since: values are due
    kebijakan: engine.Kebijakan = field(default_factory=engine.Kebijakan)

    @property
    def iku(self) -> list[Baris]:
        flagged = [r for r in self.rows if r.indikator.is_iku]
        return flagged or [r for r in self.rows if r.node.elemen.level == Level.SASARAN]

    @property
    def tw_tutup(self) -> list[int]:
        return [q for q, open_ in self.terbuka.items() if not open_]

    @property
    def terlambat(self) -> list[Baris]:
        return [r for r in self.rows if r.terlambat]

    @property
    def berisiko(self) -> list[Baris]:
        return [r for r in self.rows if r.berisiko]

    @property
    def kelengkapan(self) -> engine.Hasil:
        due = [q for q in TRIWULAN if self.terbuka.get(q) or q in self.ditutup]
        wajib = [(r, q) for r in self.rows for q in due if q in r.indikator.triwulan_wajib]
        return persen_terisi(sum(1 for r, q in wajib if q in r.realisasi), len(wajib))


def lembar(opd, tahun: int) -> Lembar:
    """The OPD's indicators for a year with targets, realisasi and capaian, in a fixed number of queries."""
    versi = RenstraVersi.objects.berlaku(opd, tahun)
    sheet = Lembar(opd=opd, tahun=tahun, versi=versi, kebijakan=kebijakan_pemda(opd.pemda))
    sheet.terbuka = status_jendela(opd, tahun)
    sheet.ditutup = triwulan_ditutup(opd.pemda, tahun)
    if versi is None:
        return sheet
    sheet.plan = load_plan(versi, with_targets=True)
    realisasi: dict[int, dict[int, Realisasi]] = defaultdict(dict)
    # A count, not a prefetch: the grid only marks rows with evidence, and a large plan has thousands.
    rows = Realisasi.objects.filter(indikator__elemen__versi=versi, tahun=tahun).annotate(n_bukti=Count("bukti"))
    for r in rows.defer("kendala", "solusi", "komentar", "created_at", "updated_at", "diverifikasi_pada"):
        realisasi[r.indikator_id][r.triwulan] = r
    for node in sheet.plan.flat():
        for ind in node.indikator:
            row = Baris(node=node, indikator=ind, target=ind.targets.get(tahun), realisasi=realisasi[ind.pk])
            _compute(row, sheet.kebijakan, sheet.ditutup)
            sheet.rows.append(row)
    return sheet


@transaction.atomic
def save_realisasi(opd, tahun: int, cells: list[dict], *, actor) -> CellResult:
    """Save the realisasi grid: {"indikator": id, "kolom": "tw1".."tw4", "value": text} per cell.

    A closed triwulan refuses its cells; an emptied cell removes the value (the note and evidence stay).
    The windows are read after the OPD is locked (:func:`kunci_opd`), so a triwulan closed meanwhile refuses.
    """
    kunci_opd(opd)
    result = CellResult()
    versi = RenstraVersi.objects.berlaku(opd, tahun)
    if versi is None:
        for cell in cells:
            result.errors[f"{cell.get('indikator')}:{cell.get('kolom')}"] = _("Belum ada Renstra yang berlaku.")
        return result
    indicators = {i.pk: i for i in Indikator.objects.filter(elemen__versi=versi, pk__in=grid.ids(cells, "indikator"))}
    existing = {
        (r.indikator_id, r.triwulan): r
        for r in Realisasi.objects.filter(indikator_id__in=indicators, tahun=tahun).annotate(n_bukti=Count("bukti"))
    }
    status = status_jendela(opd, tahun)
    tokens = grid.tokens(cells, "indikator")
    confirmed = grid.confirmed(cells, "indikator")
    targets = {t.indikator_id: t for t in Target.objects.filter(indikator__in=indicators, tahun=tahun)}
    created: list[Realisasi] = []
    changed: list[Realisasi] = []
    cleared: list[Realisasi] = []
    deleted: list[Realisasi] = []
    for key, ind, kolom, value in grid.cells_of(cells, "indikator", indicators, set(KOLOM_TW), result):
        q = KOLOM_TW[kolom]
        stored = existing.get((ind.pk, q))
        now = stored.shown if stored else ""
        if grid.changed_meanwhile(tokens.get(key), now):
            if stored:
                who = audit.last_change(Realisasi, stored.pk)
            else:
                who = audit.last_change(Realisasi, indikator=str(ind), tahun=tahun, triwulan=q)
            result.conflict(key, now, *who)
            continue
        try:
            target = targets.get(ind.pk)
            reading = read_cell(
                value,
                satuan=ind.satuan,
                persen=ind.tipe == Indikator.Tipe.PERSEN,
                target=target.nilai if target else None,
            )
        except UnreadableValue as error:
            result.errors[key] = str(error)
            continue
        parsed = reading.parsed
        row = existing.get((ind.pk, q))
        unchanged = (row.nilai, row.teks) == (parsed.nilai, parsed.teks) if row else parsed.is_empty
        if not unchanged and grid.needs_confirming(result, key, reading, confirmed):
            continue
        if unchanged:  # an unchanged cell of a closed quarter (e.g. in an uploaded workbook) is fine
            result.saved[key] = format_value(parsed.nilai, parsed.teks)
            continue
        try:
            ensure_open(opd, tahun, q, status)
        except Terkunci as error:
            result.errors[key] = str(error)
            continue
        if parsed.is_empty:
            if row and (row.n_bukti or row.kendala or row.solusi):
                row.nilai, row.teks, row.status = None, "", Realisasi.Status.MENUNGGU
                cleared.append(row)
            elif row:
                deleted.append(row)
        elif row is None:
            created.append(
                Realisasi(
                    indikator_id=ind.pk,
                    tahun=tahun,
                    triwulan=q,
                    nilai=parsed.nilai,
                    teks=parsed.teks,
                    dicatat_oleh=actor,
                )
            )
        else:  # a changed value needs verifying again
            row.nilai, row.teks, row.dicatat_oleh = parsed.nilai, parsed.teks, actor
            row.status, row.diverifikasi_oleh, row.diverifikasi_pada = Realisasi.Status.MENUNGGU, None, None
            row.diverifikasi_oleh_nama = ""
            changed.append(row)
        result.saved[key] = format_value(parsed.nilai, parsed.teks)
    _write(opd, tahun, versi, created=created, changed=changed, cleared=cleared, deleted=deleted)
    result.rows = _rows_after(opd, tahun, [indicators[pk] for pk in _saved_ids(result) if pk in indicators])
    return result


def _saved_ids(result: CellResult) -> set[int]:
    return {int(key.split(":")[0]) for key in result.saved if key.split(":")[0].isdigit()}


def _rows_after(opd, tahun: int, indicators: list[Indikator]) -> dict[str, dict[str, str]]:
    """The year's value and capaian of each indicator as now saved, as the grid shows them."""
    if not indicators:
        return {}
    kebijakan = kebijakan_pemda(opd.pemda)
    ditutup = triwulan_ditutup(opd.pemda, tahun)
    found = Target.objects.filter(indikator__in=indicators, tahun=tahun)
    targets = {t.indikator_id: TargetValue(t.nilai, t.teks) for t in found}
    stored: dict[int, dict[int, Realisasi]] = defaultdict(dict)
    for r in Realisasi.objects.filter(indikator__in=indicators, tahun=tahun):
        stored[r.indikator_id][r.triwulan] = r
    rows = {}
    for ind in indicators:
        row = Baris(node=None, indikator=ind, target=targets.get(ind.pk), realisasi=stored[ind.pk])
        _compute(row, kebijakan, ditutup)
        rows[str(ind.pk)] = {
            "realisasi": row.tahunan_shown or "–",
            "capaian": row.capaian.shown(),
            "kategori": engine.kelas_kategori(row.kategori),
        }
    return rows


# --- One quarter's story and evidence (the detail page) ---------------------------------------------------


def _terbuka(opd, indikator: Indikator, tahun: int, triwulan: int) -> Realisasi:
    """Lock the OPD (:func:`kunci_opd`), check the quarter's window once locked, and return the quarter's
    realisasi, read again under the lock (a new, unsaved one when there is none yet)."""
    kunci_opd(opd)
    ensure_open(opd, tahun, triwulan)
    found = Realisasi.objects.filter(indikator=indikator, tahun=tahun, triwulan=triwulan).first()
    return found or Realisasi(indikator=indikator, tahun=tahun, triwulan=triwulan)


@transaction.atomic
def save_catatan(opd, indikator: Indikator, tahun: int, triwulan: int, *, kendala: str, solusi: str, actor):
    """Save the quarter's kendala and solusi (a realisasi row is created for them when there is none).

    :class:`Terkunci` when the triwulan is closed, checked inside the transaction with the OPD locked, so a
    triwulan closed while the note is being saved refuses it.
    """
    row = _terbuka(opd, indikator, tahun, triwulan)
    if row.pk is None:
        row.dicatat_oleh = actor
    row.kendala, row.solusi = kendala, solusi
    row.save()
    return row


@transaction.atomic
def add_bukti(opd, indikator: Indikator, tahun: int, triwulan: int, berkas, *, actor):
    """Attach an evidence file to the quarter's realisasi (created when there is none); :class:`Terkunci`
    when the triwulan is closed (checked as in :func:`save_catatan`)."""
    row = _terbuka(opd, indikator, tahun, triwulan)
    if row.pk is None:
        row.dicatat_oleh = actor
        row.save()
    return BuktiDukung.objects.create(realisasi=row, berkas=berkas, nama=berkas.name[:200], ukuran=berkas.size)


@transaction.atomic
def delete_bukti(bukti) -> None:
    """Delete an evidence file; :class:`Terkunci` when its triwulan is closed (checked with the OPD locked).
    The file leaves the storage once the deletion is committed, so a refused or failed one keeps it."""
    r = bukti.realisasi
    opd = r.indikator.elemen.versi.renstra.opd
    kunci_opd(opd)
    ensure_open(opd, r.tahun, r.triwulan)
    storage, name = bukti.berkas.storage, bukti.berkas.name
    bukti.delete()
    transaction.on_commit(lambda: storage.delete(name))


BULK_FROM = 200  # changed cells from which a save is written in bulk (an uploaded workbook, a large paste)
BATCH = 1000


def _write(opd, tahun: int, versi, *, created, changed, cleared, deleted) -> None:
    """Write what :func:`save_realisasi` decided. A few cells (a grid edit) are saved one by one, each
    with its audit entry; many (a workbook of 20,000 cells) in batches of ``BATCH`` rows with one summary
    entry in the audit log, so that the work stays a few queries per thousand cells."""
    if len(created) + len(changed) + len(cleared) + len(deleted) < BULK_FROM:
        for row in cleared:
            row.save(update_fields=["nilai", "teks", "status", "updated_at"])
        for row in deleted:
            row.delete()
        for row in created:
            row.save()
        for row in changed:
            row.save()
        return
    now = timezone.now()
    for row in (*changed, *cleared):
        row.updated_at = now
    for row in (*created, *changed):
        row.copy_actor_names()  # bulk writes bypass save(), which copies the names
    Realisasi.objects.bulk_create(created, batch_size=BATCH)
    Realisasi.objects.bulk_update(
        changed,
        [
            "nilai",
            "teks",
            "dicatat_oleh",
            "dicatat_oleh_nama",
            "status",
            "diverifikasi_oleh",
            "diverifikasi_oleh_nama",
            "diverifikasi_pada",
            "updated_at",
        ],
        batch_size=BATCH,
    )
    Realisasi.objects.bulk_update(cleared, ["nilai", "teks", "status", "updated_at"], batch_size=BATCH)
    ids = [row.pk for row in deleted]
    for start in range(0, len(ids), BATCH):
        Realisasi.objects.filter(pk__in=ids[start : start + BATCH]).delete()
    counts = {"dibuat": len(created), "diubah": len(changed) + len(cleared), "dihapus": len(deleted)}
    audit.record(
        AuditEntry.Operasi.REALISASI_SIMPAN_MASSAL,
        versi,
        jumlah={Realisasi: sum(counts.values())},
        action=AuditEntry.Action.UPDATE,
        pemda=opd.pemda_id,
        opd=opd.pk,
        tahun=tahun,
        **counts,
    )
