"""What kinerja writes out: the PK and Rencana Aksi as PDF documents (PermenPAN-RB 53/2014 format; seed 003
for the rencana aksi), the dashboards' tables as .xlsx, and the realisasi workbook template.

The .xlsx files are written with the plan exports' :class:`renstra.exporters.Sheet` where they are tables:
numbers as numbers (full precision, formatted), text always text (never a formula). The realisasi template is
filled offline and read back by :mod:`kinerja.importers`.
"""

from __future__ import annotations

from io import BytesIO

from django.conf import settings
from django.urls import reverse
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter

from kinerja.models import PerjanjianKinerja
from kinerja.realisasi.anggaran import anggaran
from kinerja.realisasi.lembar import lembar
from renstra.models import Level
from sakip.lib.numbers import cumulative
from sakip.lib.pdf import data_uri, qr_svg, render_pdf
from sakip.lib.periode import Triwulan
from sakip.lib.xlsx import RUPIAH, Sheet
from sakip.models import Jenjang

TW = [str(t.label) for t in Triwulan]  # column headings: "TW I" … "TW IV"

# --- PDF documents ------------------------------------------------------------------------------------


def _kop(pk: PerjanjianKinerja) -> dict:
    pemda, opd = pk.opd.pemda, pk.opd
    return {
        "pemda": pemda,
        "opd": opd,
        "logo": data_uri(opd.logo) or data_uri(pemda.logo),
    }


def pk_pdf(pk: PerjanjianKinerja, *, situs: str | None = None) -> bytes:
    """The PK as PDF; its verification QR points to ``situs`` (the site's address, default ``SITE_URL``)."""
    verify = ""
    if pk.kode_verifikasi:
        verify = (situs or settings.SITE_URL) + reverse("kinerja:pk_verifikasi", args=[pk.kode_verifikasi])
    context = {
        **_kop(pk),
        "pk": pk,
        "indikator": list(pk.indikator.all()),
        "anggaran": list(pk.anggaran.all()),
        "draft": not pk.is_signed,
        "verify_url": verify,
        "qr": qr_svg(verify) if verify else "",
        "kepala_daerah": pk.jabatan.atasan_id is None,
        "level_label": _level_label(pk),
    }
    return render_pdf("kinerja/pk_pdf.html", context, paper=pk.opd.pemda.ukuran_kertas)


def _level_label(pk: PerjanjianKinerja) -> dict:
    """Captions of the lampiran by the position's jenjang."""
    return {
        Jenjang.JPT_PRATAMA: {"sasaran": "Sasaran Strategis", "anggaran": "Program"},
        Jenjang.ADMINISTRATOR: {"sasaran": "Sasaran Program", "anggaran": "Kegiatan"},
        Jenjang.PENGAWAS: {"sasaran": "Sasaran Kegiatan", "anggaran": "Sub Kegiatan"},
    }.get(pk.jabatan.jenjang, {"sasaran": "Sasaran", "anggaran": "Sub Kegiatan"})


def rencana_aksi_pdf(pk: PerjanjianKinerja, rows) -> bytes:
    rows = list(rows)
    catatan = [(i, ra.catatan) for i, ra in enumerate(rows, start=1) if ra.catatan]  # what the source left unclear
    context = {**_kop(pk), "pk": pk, "rows": rows, "months": list(range(1, 13)), "catatan": catatan}
    return render_pdf("kinerja/rencana_aksi_pdf.html", context, paper=pk.opd.pemda.ukuran_kertas)


# --- Dashboards as .xlsx ------------------------------------------------------------------------------

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
        ["Indikator", "Satuan", "Target", *TW, "Realisasi", "Capaian (%)", "Kategori",
         "Tingkat kemajuan (%)"],
        [
            [r.indikator.uraian, r.indikator.satuan, r.target_shown, *[x.shown if x else "" for x in r.triwulan()],
             r.tahunan_shown, r.capaian.nilai, r.kategori, r.kemajuan.nilai]
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
            [r.node.elemen.kode, r.node.elemen.nama, r.indikator.uraian, r.target_shown, r.tahunan_shown,
             r.capaian.nilai, ", ".join(map(str, r.terlambat)), "ya" if r.berisiko else ""]
            for r in sheet.rows
        ],
        {6: PERCENT},
    )  # fmt: skip
    if d.total is not None:
        rows = [
            [Triwulan(q).label, spent or 0, running, planned or None, d.total.anggaran]
            for q, spent, running, planned in zip(
                Triwulan.values, d.total.triwulan, cumulative(d.total.triwulan), d.rencana_tw, strict=True
            )
        ]
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


# --- The realisasi workbook template --------------------------------------------------------------------

SHEET_IND, SHEET_ANG = "Realisasi indikator", "Realisasi anggaran"
IND_HEAD = ["ID", "Kode", "Elemen", "Indikator", "Satuan", "Target", *TW]
ANG_HEAD = [
    "ID",
    "Kode",
    "Sub kegiatan",
    "DPA (Rp)",
    "DPPA (Rp)",
    *[f"{tw} (Rp)" for tw in TW],
]
IND_COLS = {7: "tw1", 8: "tw2", 9: "tw3", 10: "tw4"}
ANG_COLS = {4: "dpa", 5: "dppa", 6: "tw1", 7: "tw2", 8: "tw3", 9: "tw4"}
INPUT = PatternFill("solid", fgColor="FFF8E1")


def _head(ws, names, widths):
    ws.append(names)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        ws.cell(1, i).font = Font(bold=True)
    ws.freeze_panes = "D2"
    ws.column_dimensions["A"].hidden = True


def template(opd, tahun: int) -> bytes:
    """The OPD's indicators and sub kegiatan for the year, with what is already entered."""
    sheet = lembar(opd, tahun)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_IND
    _head(ws, IND_HEAD, [8, 18, 40, 50, 12, 14, 12, 12, 12, 12])
    for row in sheet.rows:
        values = [r.shown if r else "" for r in row.triwulan()]
        ind = row.indikator
        ws.append(
            [ind.pk, row.node.elemen.kode, row.node.elemen.nama, ind.uraian, ind.satuan, row.target_shown, *values]
        )
        for col in IND_COLS:
            cell = ws.cell(ws.max_row, col)
            cell.fill, cell.number_format = INPUT, "@"
            cell.protection = Protection(locked=False)
    ws2 = wb.create_sheet(SHEET_ANG)
    _head(ws2, ANG_HEAD, [8, 20, 60, 18, 18, 18, 18, 18, 18])
    if sheet.plan is not None:
        budget = anggaran(sheet.plan, tahun)
        for node in sheet.plan.of_level(Level.SUB_KEGIATAN):
            b = budget[node.elemen.pk]
            ws2.append([node.elemen.pk, node.elemen.kode, node.elemen.nama, b.dpa, b.dppa, *b.triwulan])
            for col in ANG_COLS:
                cell = ws2.cell(ws2.max_row, col)
                cell.fill, cell.number_format = INPUT, "#,##0"
                cell.protection = Protection(locked=False)
    for w in (ws, ws2):
        for row in w.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING  # a name beginning with "=" stays text, never a formula
                cell.alignment = Alignment(vertical="top", wrap_text=cell.column in (3, 4))
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
