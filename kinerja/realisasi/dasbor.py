"""Dashboards: one OPD's year, every OPD side by side, and a PK's capaian per triwulan."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from kinerja import capaian as engine
from kinerja.models import (
    AnggaranSubKegiatan,
    BelanjaOPD,
    JendelaRealisasi,
    PKIndikator,
    Realisasi,
    RealisasiAnggaran,
    RencanaAksi,
)
from kinerja.realisasi.anggaran import ZERO, BarisAnggaran, anggaran, jumlah_anggaran
from kinerja.realisasi.jendela import TRIWULAN
from kinerja.realisasi.lembar import Baris, Lembar, kebijakan_pemda, lembar, nilai_tahunan, persen_terisi
from renstra.models import Indikator, Level, RenstraVersi, Target
from renstra.services import TargetValue
from sakip.lib.numbers import cumulative
from sakip.lib.values import format_value


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
    belanja = sort_belanja(BelanjaOPD.objects.filter(opd=opd, tahun=tahun))
    return DasborOPD(sheet, sasaran_list, total, cumulative(rencana), dict(riwayat), years, belanja, budget)


def sort_belanja(rows) -> list[BelanjaOPD]:
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
    for versi_id, opd_id in (
        RenstraVersi.objects.berlaku_pada(tahun).filter(renstra__opd__in=opds).values_list("pk", "renstra__opd_id")
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
    counts, expected, filled = _kelengkapan(versi_ids, tahun, due)
    money, spent = _uang(versi_ids, tahun)
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


def _kelengkapan(versi_ids: list[int], tahun: int, due: set[int]) -> tuple[dict, dict, dict]:
    """Per version: its indicators, the quarters expected of them and those filled (for completeness)."""
    # A yearly indicator is due in TW IV only.
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
    return counts, expected, filled


def _uang(versi_ids: list[int], tahun: int) -> tuple[dict, dict]:
    """Per version: the budget (DPA, DPPA summed over its sub kegiatan) and what was spent."""
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
    return money, spent


# --- Capaian of a PK against its own targets and its rencana aksi ----------------------------------


@dataclass
class TriwulanPK:
    triwulan: int
    target_ra: Decimal | None  # the rencana aksi's target to date (cumulative for kumulatif indicators)
    realisasi: engine.Nilai  # the realisasi to date by the indicator's rule
    capaian_ra: engine.Hasil  # to date against the rencana aksi
    capaian_tahun: engine.Hasil  # to date against the year's PK target

    @property
    def realisasi_shown(self) -> str:
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
        polaritas = line.sumber.polaritas if line.sumber else engine.Polaritas.POSITIF
        target = engine.Nilai(line.target_nilai, line.target_teks)
        quarters = values[line.sumber_id] if line.sumber_id else [None] * 4
        plan = plans.get(line.pk)
        rows = []
        for q in TRIWULAN:
            to_date = nilai_tahunan(quarters[:q], line.agregasi)
            ra_targets = [t for t in (plan.triwulan[:q] if plan else []) if t is not None]
            if not ra_targets:
                target_ra = None
            elif line.agregasi == engine.Agregasi.KUMULATIF:
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
