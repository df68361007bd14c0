"""The Renstra's tables and lists that are not plan grids: the staff of Bab II (PNS by pendidikan, pangkat
and golongan, from the pegawai; the non-ASN staff as typed), Tabel 3.1 *Pemetaan Permasalahan*, the tujuan
of 4.1, the numbered strategi and kebijakan of Bab V and the program → kegiatan → sub kegiatan narrative of
Bab VI (seed 000), all generated from the data.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.utils.html import escape
from django.utils.translation import gettext as _

from renstra.models import Level
from renstra.tabel import tc27_order
from sakip.kepegawaian import Golongan, Pendidikan, StatusPegawai, ruang
from sakip.lib.tabel import Kepala, Sel, Tabel, with_unit
from sakip.models import Pegawai

RUANG = ["I", "II", "III", "IV"]


def _count(n: int) -> Sel:
    return Sel(Decimal(n))


def tabel_pegawai(opd) -> Tabel:
    """The PNS placed in the OPD side by side by pendidikan, pangkat (golongan ruang) and golongan, as seed 000
    prints them; every column adds up to the same total (a pegawai without pendidikan or golongan is counted as
    *belum diisi*)."""
    staff = list(Pegawai.objects.filter(opd=opd, status=StatusPegawai.PNS).values_list("pendidikan", "golongan"))
    pendidikan = Counter(p for p, _g in staff)
    golongan = Counter(g for _p, g in staff)
    gol = Counter(ruang(g) for _p, g in staff)
    columns = [
        [(label, pendidikan[value]) for value, label in Pendidikan.choices],
        [(label, golongan[value]) for value, label in Golongan.choices],
        [(r, gol[r]) for r in RUANG],
    ]
    missing = _("Belum diisi")
    for column, counter in zip(columns, (pendidikan, golongan, gol), strict=True):
        if counter[""]:
            column.append((missing, counter[""]))
    t = Tabel(
        "pegawai",
        "2.1",
        _("Jumlah Pegawai Negeri Sipil %(opd)s menurut Kualifikasi Pendidikan, Pangkat dan Golongan")
        % {"opd": opd.nama},
        [
            [
                Kepala(_("Perangkat Daerah")),
                Kepala(_("Jumlah (orang)")),
                Kepala(_("Kualifikasi Pendidikan")),
                Kepala(_("Jumlah (orang)")),
                Kepala(_("Pangkat/Golongan Ruang")),
                Kepala(_("Jumlah (orang)")),
                Kepala(_("Golongan")),
                Kepala(_("Jumlah (orang)")),
            ]
        ],
        widths=["16%", "10%", "14%", "10%", "14%", "10%", "13%", "13%"],
    )
    for i in range(max(len(c) for c in columns)):
        cells: list = [opd.singkatan or opd.nama, _count(len(staff))] if i == 0 else ["", ""]
        for column in columns:
            cells += [column[i][0], _count(column[i][1])] if i < len(column) else ["", ""]
        t.add_row(*cells)
    if t.rows:
        t.merge_down(0, [0, 1], keep_together=False)
    t.add_row(Sel(_("Jumlah"), span=2), "", _count(len(staff)), "", _count(len(staff)), "", _count(len(staff)),
              style="jumlah")  # fmt: skip
    if not staff:
        t.note = _("Belum ada pegawai PNS yang ditempatkan di perangkat daerah ini (Pengaturan › Pegawai).")
    return t


def tabel_non_asn(rows, opd) -> Tabel:
    """The non-ASN staff by task, with their total."""
    t = Tabel(
        "non-asn",
        "2.2",
        _("Tenaga Non-ASN (Tenaga Harian Lepas) %(opd)s menurut Tugas") % {"opd": opd.nama},
        [[Kepala(_("No.")), Kepala(_("Tugas")), Kepala(_("Jumlah (orang)"))]],
        widths=["8%", "62%", "30%"],
    )
    for i, row in enumerate(rows, start=1):
        t.add_row(str(i), row.tugas, _count(row.jumlah))
    t.add_row(Sel(_("Jumlah"), span=2), _count(sum(r.jumlah for r in rows)), style="jumlah")
    if not rows:
        t.note = _("Belum diisi: tenaga non-ASN menurut tugas (menu Dokumen › Tabel tambahan).")
    return t


def tabel_permasalahan(rows) -> Tabel:
    """Tabel 3.1: a masalah pokok (a masalah) printed once over the rows that share it."""
    t = Tabel(
        "permasalahan",
        "3.1",
        _("Pemetaan Permasalahan untuk Prioritas dan Sasaran Pembangunan Daerah"),
        [[Kepala(_("Masalah Pokok")), Kepala(_("Masalah")), Kepala(_("Akar Masalah"))]],
        widths=["28%", "34%", "38%"],
    )
    for row in rows:
        t.add_row(row.masalah_pokok, row.masalah, row.akar_masalah)
    for column in (0, 1):
        start = 0
        for i in range(1, len(rows) + 1):
            same = i < len(rows) and all(
                t.rows[i].cells[c].value == t.rows[start].cells[c].value for c in range(column + 1)
            )
            if not same:
                t.merge_down(start, [column], last=i - 1, keep_together=False)
                start = i
    if not rows:
        t.note = _("Belum diisi: pemetaan permasalahan (masalah pokok, masalah, akar masalah).")
    return t


def tabel_tujuan(plan) -> Tabel:
    """4.1: each tujuan with its indicators and their targets per year."""
    years = plan.years
    t = Tabel(
        "tujuan",
        "4.1",
        _("Tujuan dan Indikator Tujuan"),
        [
            [
                Kepala(_("Tujuan"), rowspan=2),
                Kepala(_("Indikator Tujuan"), rowspan=2),
                Kepala(_("Target"), colspan=len(years)),
            ],
            [Kepala(str(y)) for y in years],
        ],
    )
    for node in plan.flat():
        if node.elemen.level != Level.TUJUAN:
            continue
        start = len(t.rows)
        for ind in node.indikator or [None]:
            targets = [with_unit(ind.targets[y].shown, ind.satuan) if ind and y in ind.targets else ""
                       for y in years]  # fmt: skip
            t.add_row(node.elemen.nama, ind.uraian if ind else "", *targets)
        t.merge_down(start, [0])
    return t


def tujuan_html(plan) -> str:
    """The tujuan as the seed states them before the table: quoted, each with its indicators."""
    parts = []
    for node in plan.flat():
        if node.elemen.level != Level.TUJUAN:
            continue
        parts.append(_("<p>Rumusan tujuan: “%(t)s”</p>") % {"t": escape(node.elemen.nama)})
        if node.indikator:
            indikator = "; ".join(f"“{escape(i.uraian)}”" for i in node.indikator)
            parts.append(_("<p>Untuk mengukur keberhasilan tujuan tersebut ditetapkan indikator tujuan: %(i)s.</p>")
                         % {"i": indikator})  # fmt: skip
    return "".join(parts)


def sasaran_list(plan) -> list[str]:
    return [n.elemen.nama for n in plan.flat() if n.elemen.level == Level.SASARAN]


def strategi_list(plan) -> list[str]:
    """Every strategi once, in the order of T-C.26."""
    out: list[str] = []
    for node in plan.flat():
        for s in node.strategi:
            if s.uraian not in out:
                out.append(s.uraian)
    return out


def kebijakan_list(plan) -> list[str]:
    """Every arah kebijakan once, in the order of T-C.26."""
    out: list[str] = []
    for node in plan.flat():
        for s in node.strategi:
            for k in s.kebijakan.all():
                if k.uraian not in out:
                    out.append(k.uraian)
    return out


def ol(items: list[str]) -> str:
    """A numbered list (one marker: the number)."""
    return "<ol>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ol>" if items else ""


def _letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else str(i + 1)


def _indikator(node) -> str:
    names = [escape(i.uraian) for i in node.indikator]
    return _(", dengan indikator kinerja %(i)s") % {"i": _(" dan ").join(names)} if names else ""


def rencana_program_html(plan) -> str:
    """Bab VI: per bidang (the program's unit kerja), each program (A., B., …) with its kegiatan (1., 2., …)
    and their sub kegiatan (1), 2), …) "dengan indikator kinerja …", from the plan."""
    parts: list[str] = []
    programs = [n for n in tc27_order(plan) if n.elemen.level == Level.PROGRAM]
    bidang = None
    for p_i, program in enumerate(programs):
        e = program.elemen
        unit = e.unit_kerja.nama if e.unit_kerja else e.unit_kerja_teks
        if unit and unit != bidang:
            parts.append(f"<h4>{escape(unit.upper())}</h4>")
            bidang = unit
        parts.append(f"<p><strong>{_letter(p_i)}. {escape(e.nama)}</strong></p>")
        kegiatan = [c for c in program.children if c.elemen.level == Level.KEGIATAN]
        for k_i, keg in enumerate(kegiatan, start=1):
            parts.append(f"<p>{k_i}. {escape(keg.elemen.nama)}{_indikator(keg)}</p>")
            subs = [c for c in keg.children if c.elemen.level == Level.SUB_KEGIATAN]
            if subs:
                parts.append("<p>" + _("Kegiatan ini dijabarkan melalui Sub Kegiatan sebagai berikut:") + "</p>")
                items = "".join(f"<li>{escape(s.elemen.nama)}{_indikator(s)}.</li>" for s in subs)
                parts.append(f'<ol class="kurung">{items}</ol>')
    return "".join(parts)
