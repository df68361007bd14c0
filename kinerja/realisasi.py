"""Realisasi: entering what happened (indicators, budget), the entry windows, verification, dashboards.

The numbers come from ``kinerja.capaian``; this module finds the rows in a fixed number of queries and
applies the pemda's entry windows and policy.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja import capaian as engine
from kinerja.models import (
    AnggaranSubKegiatan,
    BelanjaOPD,
    JendelaRealisasi,
    PengaturanCapaian,
    Realisasi,
    RealisasiAnggaran,
)
from renstra.models import Elemen, Indikator, Level, RenstraVersi, Target
from renstra.services import TargetValue, load_plan
from sakip import access
from sakip.lib import grid
from sakip.lib.grid import CellResult
from sakip.lib.numbers import format_number
from sakip.lib.periode import Triwulan, romawi
from sakip.lib.values import UnreadableValue, format_value, parse_money, parse_value
from sakip.models import Peran

TRIWULAN = tuple(Triwulan.values)
KOLOM_TW = {f"tw{q}": q for q in TRIWULAN}
ZERO = Decimal(0)


class Terkunci(Exception):
    """The triwulan is closed for this OPD."""


# --- Policy and windows ----------------------------------------------------------------------------


def kebijakan_pemda(pemda) -> engine.Kebijakan:
    setting = PengaturanCapaian.objects.filter(pemda=pemda).first()
    return setting.kebijakan() if setting else engine.Kebijakan()


def status_jendela(opd, tahun: int) -> dict[int, bool]:
    """Whether each triwulan of the year is open for the OPD: open, or reopened for it. No window: closed."""
    windows = JendelaRealisasi.objects.filter(pemda_id=opd.pemda_id, tahun=tahun).annotate(
        untuk_opd=Count("dibuka_untuk", filter=Q(dibuka_untuk=opd))
    )
    status = dict.fromkeys(TRIWULAN, False)
    for window in windows:
        status[window.triwulan] = window.terbuka or window.untuk_opd > 0
    return status


def triwulan_ditutup(pemda, tahun: int) -> set[int]:
    """Quarters whose window was opened and is now closed: realisasi should be in."""
    return set(
        JendelaRealisasi.objects.filter(pemda=pemda, tahun=tahun, terbuka=False).values_list("triwulan", flat=True)
    )


def pastikan_terbuka(opd, tahun: int, triwulan: int, status: dict[int, bool] | None = None) -> None:
    status = status if status is not None else status_jendela(opd, tahun)
    if not status.get(triwulan):
        raise Terkunci(
            _("Triwulan %(tw)s %(tahun)s ditutup; minta admin pemda membukanya kembali.")
            % {"tw": romawi(triwulan), "tahun": tahun}
        )


# --- The plan of an OPD for a year ------------------------------------------------------------------


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
    def target_tampil(self) -> str:
        return self.target.tampil if self.target else ""

    @property
    def tahunan_tampil(self) -> str:
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


def _hitung(row: Baris, kebijakan: engine.Kebijakan, ditutup: set[int]) -> None:
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
            _hitung(row, sheet.kebijakan, sheet.ditutup)
            sheet.rows.append(row)
    return sheet


# --- Saving ---------------------------------------------------------------------------------------


def _satuan_cocok(parsed, ind: Indikator) -> bool:
    return not (
        parsed.satuan and parsed.satuan != "%" and ind.satuan and parsed.satuan.lower() not in ind.satuan.lower()
    )


@transaction.atomic
def simpan_realisasi(opd, tahun: int, cells: list[dict], *, actor) -> CellResult:
    """Save the realisasi grid: {"indikator": id, "kolom": "tw1".."tw4", "value": text} per cell.

    A closed triwulan refuses its cells; an emptied cell removes the value (the note and evidence stay).
    """
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
    for key, ind, kolom, value in grid.cells_of(cells, "indikator", indicators, set(KOLOM_TW), result):
        q = KOLOM_TW[kolom]
        try:
            parsed = parse_value(value)
        except UnreadableValue as error:
            result.errors[key] = str(error)
            continue
        if not _satuan_cocok(parsed, ind):
            result.errors[key] = _("Satuan “%(cell)s” berbeda dengan satuan indikator “%(ind)s”.") % {
                "cell": parsed.satuan,
                "ind": ind.satuan,
            }
            continue
        row = existing.get((ind.pk, q))
        unchanged = (row.nilai, row.teks) == (parsed.nilai, parsed.teks) if row else parsed.is_empty
        if unchanged:  # an unchanged cell of a closed quarter (e.g. in an uploaded workbook) is fine
            result.saved[key] = format_value(parsed.nilai, parsed.teks)
            continue
        try:
            pastikan_terbuka(opd, tahun, q, status)
        except Terkunci as error:
            result.errors[key] = str(error)
            continue
        if parsed.is_empty:
            if row and (row.n_bukti or row.kendala or row.solusi):
                row.nilai, row.teks, row.status = None, "", Realisasi.Status.MENUNGGU
                row.save(update_fields=["nilai", "teks", "status", "updated_at"])
            elif row:
                row.delete()
        elif row is None:
            Realisasi.objects.create(
                indikator=ind, tahun=tahun, triwulan=q, nilai=parsed.nilai, teks=parsed.teks, dicatat_oleh=actor
            )
        else:  # a changed value needs verifying again
            row.nilai, row.teks, row.dicatat_oleh = parsed.nilai, parsed.teks, actor
            row.status, row.diverifikasi_oleh, row.diverifikasi_pada = Realisasi.Status.MENUNGGU, None, None
            row.save()
        result.saved[key] = format_value(parsed.nilai, parsed.teks)
    return result


def sub_kegiatan(versi: RenstraVersi):
    return Elemen.objects.filter(versi=versi, level=Level.SUB_KEGIATAN)


ANGGARAN_KOLOM = {"dpa", "dppa", *KOLOM_TW}


@transaction.atomic
def simpan_anggaran(opd, tahun: int, cells: list[dict]) -> CellResult:
    """Save the budget grid: DPA, DPPA and the realisasi of each triwulan per sub kegiatan."""
    result = CellResult()
    versi = RenstraVersi.objects.berlaku(opd, tahun)
    subs = {e.pk: e for e in sub_kegiatan(versi).filter(pk__in=grid.ids(cells, "elemen"))} if versi else {}
    budgets = {(a.elemen_id, a.jenis): a for a in AnggaranSubKegiatan.objects.filter(elemen_id__in=subs, tahun=tahun)}
    spent = {(r.elemen_id, r.triwulan): r for r in RealisasiAnggaran.objects.filter(elemen_id__in=subs, tahun=tahun)}
    status = status_jendela(opd, tahun)
    for key, sub, kolom, value in grid.cells_of(cells, "elemen", subs, ANGGARAN_KOLOM, result):
        try:
            jumlah = parse_money(value)
        except UnreadableValue as error:
            result.errors[key] = str(error)
            continue
        if jumlah is not None and jumlah < 0:
            result.errors[key] = _("Jumlah tidak boleh negatif.")
            continue
        if kolom in KOLOM_TW:
            row, model, lookup = spent.get((sub.pk, KOLOM_TW[kolom])), RealisasiAnggaran, {"triwulan": KOLOM_TW[kolom]}
        else:
            row, model, lookup = budgets.get((sub.pk, kolom)), AnggaranSubKegiatan, {"jenis": kolom}
        if (row.jumlah if row else None) == jumlah:
            result.saved[key] = format_number(jumlah, 0) if jumlah is not None else ""
            continue
        if kolom in KOLOM_TW:
            try:
                pastikan_terbuka(opd, tahun, KOLOM_TW[kolom], status)
            except Terkunci as error:
                result.errors[key] = str(error)
                continue
        if jumlah is None:
            if row:
                row.delete()
        elif row is None:
            model.objects.create(elemen=sub, tahun=tahun, jumlah=jumlah, **lookup)
        else:
            row.jumlah, row.elemen = jumlah, sub
            row.save(update_fields=["jumlah", "updated_at"])
        result.saved[key] = format_number(jumlah, 0) if jumlah is not None else ""
    return result


@dataclass
class BarisAnggaran:
    node: object
    dpa: Decimal | None = None
    dppa: Decimal | None = None
    triwulan: list[Decimal | None] = field(default_factory=lambda: [None] * 4)

    @property
    def anggaran(self) -> Decimal:
        """The budget in force: the DPPA once there is one."""
        return self.dppa if self.dppa is not None else (self.dpa or ZERO)

    @property
    def realisasi(self) -> Decimal:
        return sum((v for v in self.triwulan if v is not None), ZERO)

    @property
    def penyerapan(self) -> engine.Hasil:
        return engine.penyerapan(self.realisasi, self.anggaran)

    def tambah(self, other: BarisAnggaran) -> None:
        """Add another row's amounts; an amount nobody entered stays None (shown empty, not 0)."""
        for name in ("dpa", "dppa"):
            value = getattr(other, name)
            if value is not None:
                setattr(self, name, (getattr(self, name) or ZERO) + value)
        for i, value in enumerate(other.triwulan):
            if value is not None:
                self.triwulan[i] = (self.triwulan[i] or ZERO) + value


def anggaran(plan, tahun: int) -> dict[int, BarisAnggaran]:
    """Budget rows of every element of the plan, summed bottom-up like the pagu (two queries)."""
    rows = {n.elemen.pk: BarisAnggaran(n) for n in plan.flat()}
    subs = [n.elemen.pk for n in plan.flat() if n.elemen.level == Level.SUB_KEGIATAN]
    for elemen_id, jenis, jumlah in AnggaranSubKegiatan.objects.filter(elemen_id__in=subs, tahun=tahun).values_list(
        "elemen_id", "jenis", "jumlah"
    ):
        setattr(rows[elemen_id], jenis, jumlah)
    for elemen_id, q, jumlah in RealisasiAnggaran.objects.filter(elemen_id__in=subs, tahun=tahun).values_list(
        "elemen_id", "triwulan", "jumlah"
    ):
        rows[elemen_id].triwulan[q - 1] = jumlah

    def roll_up(node) -> BarisAnggaran:
        row = rows[node.elemen.pk]
        if node.elemen.level == Level.SUB_KEGIATAN:
            return row
        for child in node.children:
            row.tambah(roll_up(child))
        return row

    for root in plan.roots:
        roll_up(root)
    return rows


def jumlah_anggaran(plan, budget: dict[int, BarisAnggaran]) -> BarisAnggaran:
    """The whole plan's budget row: the sum of its roots."""
    total = BarisAnggaran(None)
    for root in plan.roots:
        total.tambah(budget[root.elemen.pk])
    return total


def anggaran_berlaku(plan, tahun: int, budget: dict[int, BarisAnggaran] | None = None) -> dict[int, Decimal]:
    """Per element, the year's budget: a sub kegiatan's DPPA, else its DPA, else the Renstra's pagu; summed up.
    ``budget``: the year's :func:`anggaran`, when the caller has it already."""
    budget = budget if budget is not None else anggaran(plan, tahun)
    out: dict[int, Decimal] = {}

    def walk(node) -> Decimal:
        if node.elemen.level == Level.SUB_KEGIATAN:
            row = budget[node.elemen.pk]
            value = row.anggaran if (row.dpa is not None or row.dppa is not None) else node.pagu.get(tahun, ZERO)
        else:
            value = sum((walk(child) for child in node.children), ZERO)
        out[node.elemen.pk] = value
        return value

    for root in plan.roots:
        walk(root)
    return out


# --- Verification ---------------------------------------------------------------------------------


def melihat_pemda(user) -> bool:
    """Who sees every OPD of the pemda side by side: the admin pemda and evaluators."""
    scope = access.scope_for(user)
    return scope.everything or bool(scope.managed_pemda_ids) or Peran.Jenis.EVALUATOR in scope.roles


def boleh_memverifikasi(user, opd_id: int) -> bool:
    """Evaluators of the OPD and its pimpinan verify; the planners who enter the values do not."""
    scope = access.scope_for(user)
    if scope.everything:
        return True
    if opd_id not in scope.readable_opd_ids or opd_id in scope.editable_opd_ids:
        return False
    return bool(scope.roles & {Peran.Jenis.EVALUATOR, Peran.Jenis.PIMPINAN})


@transaction.atomic
def verifikasi(items, *, actor, setuju: bool, komentar: str = "") -> int:
    """Mark realisasi as verified, or return them with a comment (required)."""
    if not setuju and not komentar.strip():
        raise ValueError(_("Tuliskan alasan pengembalian."))
    count = 0
    for item in items:
        item.status = Realisasi.Status.DIVERIFIKASI if setuju else Realisasi.Status.DIKEMBALIKAN
        item.komentar = "" if setuju else komentar.strip()
        item.diverifikasi_oleh, item.diverifikasi_pada = actor, timezone.now()
        item.save(update_fields=["status", "komentar", "diverifikasi_oleh", "diverifikasi_pada", "updated_at"])
        count += 1
    return count


def antrean(user, tahun: int | None = None):
    """Realisasi waiting for verification that this user may verify."""
    scope = access.scope_for(user)
    qs = Realisasi.objects.for_user(user).filter(status=Realisasi.Status.MENUNGGU).exclude(nilai=None, teks="")
    if not scope.everything:
        allowed = [o for o in scope.readable_opd_ids if boleh_memverifikasi(user, o)]
        qs = qs.filter(indikator__elemen__versi__renstra__opd_id__in=allowed)
    if tahun:
        qs = qs.filter(tahun=tahun)
    return qs.select_related("indikator__elemen__versi__renstra__opd", "dicatat_oleh").order_by(
        "indikator__elemen__versi__renstra__opd__kode", "tahun", "triwulan", "indikator__urutan"
    )


# --- Dashboards -----------------------------------------------------------------------------------


@dataclass
class Sasaran:
    node: object
    rows: list[Baris]
    capaian: engine.Hasil
    anggaran: BarisAnggaran
    efisiensi: engine.Hasil


@dataclass
class DasborOPD:
    sheet: Lembar
    sasaran: list[Sasaran]
    total: BarisAnggaran | None
    rencana_tw: list[Decimal]  # planned spending per triwulan (rencana aksi), cumulative
    riwayat: dict[int, dict[int, engine.Hasil]]  # indikator → year → capaian
    tahun_riwayat: list[int]
    belanja: list[BelanjaOPD]
    anggaran: dict[int, BarisAnggaran] = field(default_factory=dict)  # per element, summed bottom-up


def dasbor_opd(opd, tahun: int) -> DasborOPD:
    from kinerja.models import RencanaAksi

    sheet = lembar(opd, tahun)
    sasaran_list: list[Sasaran] = []
    total = None
    budget: dict[int, BarisAnggaran] = {}
    rencana = [ZERO] * 4
    riwayat: dict[int, dict[int, engine.Hasil]] = defaultdict(dict)
    years: list[int] = []
    if sheet.plan is not None:
        budget = anggaran(sheet.plan, tahun)
        total = jumlah_anggaran(sheet.plan, budget)
        by_node = defaultdict(list)
        for row in sheet.rows:
            by_node[row.node.elemen.pk].append(row)
        for node in sheet.plan.of_level(Level.SASARAN):
            rows = by_node[node.elemen.pk]
            hasil = engine.capaian_sasaran([r.capaian for r in rows], sheet.kebijakan)
            money = budget[node.elemen.pk]
            eff = (
                engine.efisiensi([(money.anggaran, hasil.nilai, money.realisasi)])
                if money.anggaran
                else engine.Hasil(None, _("Belum ada anggaran."))
            )
            sasaran_list.append(Sasaran(node, rows, hasil, money, eff))
        # Planned spending per quarter: the rencana aksi of the head's latest PK (it covers every program).
        for values in (
            RencanaAksi.objects.filter(
                pk_doc__opd=opd,
                pk_doc__tahun=tahun,
                pk_doc__jabatan__atasan__isnull=True,
                pk_doc__perubahan__isnull=True,
            )
            .values_list("anggaran_tw1", "anggaran_tw2", "anggaran_tw3", "anggaran_tw4")
            .iterator()
        ):
            for i, v in enumerate(values):
                rencana[i] += v or ZERO
        # Past years of the same indicators, for the trend.
        years = [y for y in sheet.plan.years if y <= tahun][-5:]
        ids = [r.indikator.pk for r in sheet.iku]
        past: dict[tuple[int, int], list] = defaultdict(lambda: [None] * 4)
        for ind_id, y, q, nilai, teks in Realisasi.objects.filter(indikator_id__in=ids, tahun__in=years).values_list(
            "indikator_id", "tahun", "triwulan", "nilai", "teks"
        ):
            past[(ind_id, y)][q - 1] = engine.Nilai(nilai, teks)
        for row in sheet.iku:
            ind = row.indikator
            for y in years:
                target = ind.targets.get(y)
                value = nilai_tahunan(past[(ind.pk, y)], ind.agregasi)
                riwayat[ind.pk][y] = hasil = engine.capaian(
                    engine.Nilai(target.nilai, target.teks) if target else engine.Nilai(),
                    value,
                    ind.polaritas,
                    sheet.kebijakan,
                )
                row.riwayat.append((y, hasil))
    running = ZERO
    cumulative = []
    for v in rencana:
        running += v
        cumulative.append(running)
    belanja = urut_belanja(BelanjaOPD.objects.filter(opd=opd, tahun=tahun))
    return DasborOPD(sheet, sasaran_list, total, cumulative, dict(riwayat), years, belanja, budget)


def urut_belanja(rows) -> list[BelanjaOPD]:
    """In the order of the jenis belanja (pegawai, barang dan jasa, hibah, … modal), as the LKjIP prints it."""
    order = list(BelanjaOPD.Jenis.values)
    return sorted(rows, key=lambda b: order.index(b.jenis))


@dataclass
class RingkasOPD:
    opd: object
    capaian: engine.Hasil
    anggaran: Decimal
    realisasi: Decimal
    indikator: int
    terisi: int
    kelengkapan: engine.Hasil
    kategori: str = ""

    @property
    def penyerapan(self) -> engine.Hasil:
        return engine.penyerapan(self.realisasi, self.anggaran)


def dasbor_pemda(pemda, tahun: int, opds) -> list[RingkasOPD]:
    """Every OPD side by side: IKU capaian, absorption, entry completeness; a fixed number of queries."""
    kebijakan = kebijakan_pemda(pemda)
    opds = list(opds)
    versions: dict[int, int] = {}
    for versi_id, opd_id in RenstraVersi.objects.berlaku_pada(tahun).filter(renstra__opd__in=opds).values_list(
        "pk", "renstra__opd_id"
    ):
        versions.setdefault(opd_id, versi_id)  # the first one is the version in force
    versi_ids = list(versions.values())
    # A quarter is due once its window has been opened (open now or closed since).
    due = set(JendelaRealisasi.objects.filter(pemda=pemda, tahun=tahun).values_list("triwulan", flat=True))
    # IKU (or sasaran indicators when none is flagged) with this year's target.
    iku = list(
        Indikator.objects.filter(elemen__versi_id__in=versi_ids)
        .filter(Q(is_iku=True) | Q(elemen__level=Level.SASARAN))
        .values("pk", "is_iku", "polaritas", "agregasi", "elemen__versi_id", "elemen__level")
    )
    targets = {
        ind_id: TargetValue(nilai, teks)
        for ind_id, nilai, teks in Target.objects.filter(
            indikator_id__in=[i["pk"] for i in iku], tahun=tahun
        ).values_list("indikator_id", "nilai", "teks")
    }
    values: dict[int, list] = defaultdict(lambda: [None] * 4)
    for ind_id, q, nilai, teks in Realisasi.objects.filter(
        indikator_id__in=[i["pk"] for i in iku], tahun=tahun
    ).values_list("indikator_id", "triwulan", "nilai", "teks"):
        values[ind_id][q - 1] = engine.Nilai(nilai, teks)
    by_versi: dict[int, list[dict]] = defaultdict(list)
    for ind in iku:
        by_versi[ind["elemen__versi_id"]].append(ind)
    # Expected and filled quarters per version, for completeness (a yearly indicator is due in TW IV only).
    wajib = {f: Indikator(frekuensi=f).triwulan_wajib for f in Indikator.Frekuensi.values}
    counts: dict[int, int] = defaultdict(int)
    expected: dict[int, int] = defaultdict(int)
    for versi_id, frekuensi, n in (
        Indikator.objects.filter(elemen__versi_id__in=versi_ids)
        .values_list("elemen__versi_id", "frekuensi")
        .annotate(n=Count("pk"))
        .values_list("elemen__versi_id", "frekuensi", "n")
    ):
        counts[versi_id] += n
        expected[versi_id] += n * len(due & set(wajib[frekuensi]))
    filled: dict[int, int] = defaultdict(int)
    for versi_id, q, frekuensi, n in (
        Realisasi.objects.filter(indikator__elemen__versi_id__in=versi_ids, tahun=tahun)
        .values_list("indikator__elemen__versi_id", "triwulan", "indikator__frekuensi")
        .annotate(n=Count("pk"))
        .values_list("indikator__elemen__versi_id", "triwulan", "indikator__frekuensi", "n")
    ):
        if q in due and q in wajib[frekuensi]:
            filled[versi_id] += n
    money = defaultdict(lambda: {"dpa": ZERO, "dppa": None})
    for versi_id, jenis, jumlah in (
        AnggaranSubKegiatan.objects.filter(elemen__versi_id__in=versi_ids, tahun=tahun)
        .values_list("elemen__versi_id", "jenis")
        .annotate(s=Sum("jumlah"))
        .values_list("elemen__versi_id", "jenis", "s")
    ):
        money[versi_id][jenis] = jumlah
    spent = dict(
        RealisasiAnggaran.objects.filter(elemen__versi_id__in=versi_ids, tahun=tahun)
        .values_list("elemen__versi_id")
        .annotate(s=Sum("jumlah"))
        .values_list("elemen__versi_id", "s")
    )
    out = []
    for opd in opds:
        versi_id = versions.get(opd.pk)
        inds = by_versi.get(versi_id, [])
        if any(i["is_iku"] for i in inds):
            inds = [i for i in inds if i["is_iku"]]
        hasil = []
        for ind in inds:
            target = targets.get(ind["pk"])
            value = nilai_tahunan(values[ind["pk"]], ind["agregasi"])
            hasil.append(
                engine.capaian(
                    engine.Nilai(target.nilai, target.teks) if target else engine.Nilai(),
                    value,
                    ind["polaritas"],
                    kebijakan,
                )
            )
        mean = engine.capaian_sasaran(hasil, kebijakan)
        m = money[versi_id]
        budget = m["dppa"] if m["dppa"] is not None else m["dpa"]
        n = counts.get(versi_id, 0)
        row = RingkasOPD(
            opd=opd,
            capaian=mean,
            anggaran=budget or ZERO,
            realisasi=spent.get(versi_id) or ZERO,
            indikator=n,
            terisi=filled[versi_id],
            kelengkapan=persen_terisi(filled[versi_id], expected[versi_id]),
            kategori=engine.kategori(mean, kebijakan),
        )
        out.append(row)
    return out


# --- Capaian of a PK against its own targets and its rencana aksi ----------------------------------


@dataclass
class TriwulanPK:
    triwulan: int
    target_ra: Decimal | None  # the rencana aksi's target to date (cumulative for kumulatif indicators)
    realisasi: engine.Nilai  # the realisasi to date by the indicator's rule
    capaian_ra: engine.Hasil  # to date against the rencana aksi
    capaian_tahun: engine.Hasil  # to date against the year's PK target

    @property
    def realisasi_tampil(self) -> str:
        return format_value(self.realisasi.nilai, self.realisasi.teks if self.realisasi.predikat else "")


@dataclass
class BarisPK:
    indikator: object  # PKIndikator
    triwulan: list[TriwulanPK]
    capaian: engine.Hasil  # the year (all quarters entered) against the PK target


def capaian_pk(pk) -> list[BarisPK]:
    """Each PK indicator's capaian after each triwulan, against the PK target and the rencana aksi.

    Realisasi are entered on the Renstra indicator the PK line comes from (``sumber``); a line typed by
    hand has no realisasi and says so.
    """
    from kinerja.models import PKIndikator, RencanaAksi

    lines = list(PKIndikator.objects.filter(pk_doc=pk).select_related("sumber"))
    plans = {ra.indikator_id: ra for ra in RencanaAksi.objects.filter(pk_doc=pk)}
    values: dict[int, list] = defaultdict(lambda: [None] * 4)
    for ind_id, q, nilai, teks in Realisasi.objects.filter(
        indikator_id__in=[line.sumber_id for line in lines if line.sumber_id], tahun=pk.tahun
    ).values_list("indikator_id", "triwulan", "nilai", "teks"):
        values[ind_id][q - 1] = engine.Nilai(nilai, teks)
    kebijakan = kebijakan_pemda(pk.opd.pemda)
    out = []
    for line in lines:
        polaritas = line.sumber.polaritas if line.sumber else engine.POSITIF
        target = engine.Nilai(line.target_nilai, line.target_teks)
        quarters = values[line.sumber_id] if line.sumber_id else [None] * 4
        plan = plans.get(line.pk)
        rows = []
        for q in TRIWULAN:
            to_date = nilai_tahunan(quarters[:q], line.agregasi)
            ra_targets = [t for t in (plan.triwulan[:q] if plan else []) if t is not None]
            if not ra_targets:
                target_ra = None
            elif line.agregasi == engine.KUMULATIF:
                target_ra = sum(ra_targets, ZERO)
            else:
                target_ra = plan.triwulan[q - 1]
            no_value = engine.Hasil(
                None, _("Realisasi belum ada.") if line.sumber_id else _("Baris ini tidak berasal dari Renstra.")
            )
            rows.append(
                TriwulanPK(
                    q,
                    target_ra,
                    to_date,
                    engine.capaian(engine.Nilai(target_ra), to_date, polaritas, kebijakan)
                    if quarters[q - 1]
                    else no_value,
                    engine.capaian(target, to_date, polaritas, kebijakan) if quarters[q - 1] else no_value,
                )
            )
        out.append(
            BarisPK(line, rows, engine.capaian(target, nilai_tahunan(quarters, line.agregasi), polaritas, kebijakan))
        )
    return out
