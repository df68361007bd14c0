"""The dashboards' tables as .xlsx, written with :class:`sakip.lib.xlsx.Sheet`:
numbers as numbers (full precision, formatted), text always text (never a formula)."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook

from sakip.lib.xlsx import RUPIAH, Sheet

PERCENT = '0.00" %"'


def _table(wb, name: str, title: str, subtitle: str, head: list[str], rows: list[list], formats: dict[int, str]):
    sheet = Sheet(wb, name, title, subtitle)
    sheet.header([head], [])
    for row in rows:
        sheet.write(row, formats=formats)
    sheet.finish({1: 50})


def _save(wb) -> bytes:
    del wb["Sheet"]  # the empty sheet every new workbook starts with
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def dasbor_opd(d) -> bytes:
    sheet = d.sheet
    subtitle = f"{sheet.opd.nama} · {sheet.tahun}"
    wb = Workbook()
    _table(
        wb, "IKU", "Indikator kinerja utama", subtitle,
        ["Indikator", "Satuan", "Target", "TW I", "TW II", "TW III", "TW IV", "Realisasi", "Capaian (%)", "Kategori",
         "Tingkat kemajuan (%)"],
        [
            [r.indikator.uraian, r.indikator.satuan, r.target_tampil, *[x.tampil if x else "" for x in r.triwulan()],
             r.tahunan_tampil, r.capaian.nilai, r.kategori, r.kemajuan.nilai]
            for r in sheet.iku
        ],
        {9: PERCENT, 11: PERCENT},
    )  # fmt: skip
    _table(
        wb, "Sasaran", "Capaian, anggaran dan efisiensi per sasaran", subtitle,
        ["Sasaran", "Capaian (%)", "Anggaran (Rp)", "Realisasi (Rp)", "Penyerapan (%)", "Efisiensi (%)"],
        [
            [s.node.elemen.nama, s.capaian.nilai, s.anggaran.anggaran, s.anggaran.realisasi,
             s.anggaran.penyerapan.nilai, s.efisiensi.nilai]
            for s in d.sasaran
        ],
        {2: PERCENT, 3: RUPIAH, 4: RUPIAH, 5: PERCENT, 6: PERCENT},
    )  # fmt: skip
    _table(
        wb, "Semua indikator", "Semua indikator", subtitle,
        ["Kode", "Elemen", "Indikator", "Target", "Realisasi", "Capaian (%)", "Terlambat (TW)", "Berisiko"],
        [
            [r.node.elemen.kode, r.node.elemen.nama, r.indikator.uraian, r.target_tampil, r.tahunan_tampil,
             r.capaian.nilai, ", ".join(map(str, r.terlambat)), "ya" if r.berisiko else ""]
            for r in sheet.rows
        ],
        {6: PERCENT},
    )  # fmt: skip
    if d.total is not None:
        running, rows = 0, []
        for q, (spent, planned) in enumerate(zip(d.total.triwulan, d.rencana_tw, strict=True), start=1):
            running += spent or 0
            rows.append([f"TW {q}", spent or 0, running, planned or None, d.total.anggaran])
        _table(
            wb, "Serapan", "Serapan anggaran per triwulan", subtitle,
            ["Triwulan", "Realisasi (Rp)", "Realisasi kumulatif (Rp)", "Rencana kumulatif (Rp)", "Anggaran (Rp)"],
            rows,
            dict.fromkeys(range(2, 6), RUPIAH),
        )  # fmt: skip
    _table(
        wb, "Belanja", "Anggaran dan realisasi per jenis belanja", subtitle,
        ["Jenis belanja", "Anggaran (Rp)", "Realisasi (Rp)"],
        [[b.get_jenis_display(), b.anggaran, b.realisasi] for b in d.belanja],
        {2: RUPIAH, 3: RUPIAH},
    )  # fmt: skip
    return _save(wb)


def dasbor_pemda(rows, tahun: int) -> bytes:
    wb = Workbook()
    _table(
        wb, f"Dasbor {tahun}", "Kinerja perangkat daerah", str(tahun),
        ["Perangkat daerah", "Capaian IKU (%)", "Kategori", "Anggaran (Rp)", "Realisasi (Rp)", "Penyerapan (%)",
         "Kelengkapan isian (%)"],
        [
            [r.opd.nama, r.capaian.nilai, r.kategori, r.anggaran, r.realisasi, r.penyerapan.nilai,
             r.kelengkapan.nilai]
            for r in rows
        ],
        {2: PERCENT, 4: RUPIAH, 5: RUPIAH, 6: PERCENT, 7: PERCENT},
    )  # fmt: skip
    return _save(wb)
