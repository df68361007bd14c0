"""BAB I Pendahuluan, with Tabel 1.1 (the officials)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lkjip import narasi
from lkjip.isi import Isi
from sakip.lib.tabel import Kepala, Tabel
from sakip.models import Jabatan, Jenjang, Penugasan


def bab1(isi: Isi, texts, opd) -> None:
    isi.bab("BAB I", _("PENDAHULUAN"))
    isi.sub(_("Latar Belakang"), "A.")
    isi.narasi("latar_belakang", texts)
    isi.sub(_("Gambaran Umum Organisasi"), "B.")
    isi.narasi("gambaran_umum", texts)
    isi.tabel(tabel_1_1(opd, isi.tanggal))
    isi.sub(_("Isu Strategis"), "C.")
    isi.narasi("isu_strategis", texts)
    letter = iter("DEFGH")
    if not narasi.kosong(texts.get("landasan_hukum", "")):
        isi.sub(_("Landasan Hukum"), f"{next(letter)}.")
        isi.narasi("landasan_hukum", texts)
    isi.sub(_("Sistematika Penyajian"), f"{next(letter)}.")
    isi.narasi(
        "sistematika",
        texts,
        fallback=_(
            "<p>Laporan ini disusun sebagai berikut. <b>Bab I Pendahuluan</b> menjelaskan latar belakang, gambaran "
            "umum organisasi dan isu strategis. <b>Bab II Perencanaan Kinerja</b> menyajikan ringkasan Rencana "
            "Strategis, Perjanjian Kinerja serta program dan kegiatan tahun berjalan. <b>Bab III Akuntabilitas "
            "Kinerja</b> menyajikan capaian kinerja organisasi beserta analisisnya dan realisasi anggaran. "
            "<b>Bab IV Penutup</b> memuat kesimpulan dan saran. Perjanjian Kinerja dilampirkan.</p>"
        ),
    )


def tabel_1_1(opd, tanggal) -> Tabel:
    """The structural positions and who holds them on the document's date (two queries)."""
    t = Tabel(
        "pejabat",
        "1.1",
        _("Susunan Pejabat %(opd)s") % {"opd": opd.nama},
        [[Kepala(_("No.")), Kepala(_("Jabatan")), Kepala(_("Nama")), Kepala(_("Pangkat/Golongan"))]],
        widths=["6%", "44%", "28%", "22%"],
    )
    holders: dict[int, Penugasan] = {}
    for p in Penugasan.objects.aktif_pada(tanggal).filter(jabatan__opd=opd).pemangku_dulu().select_related("pegawai"):
        holders.setdefault(p.jabatan_id, p)
    positions = Jabatan.objects.filter(opd=opd).exclude(jenjang=Jenjang.PELAKSANA).order_by("urutan", "pk")
    for i, jabatan in enumerate(positions, start=1):
        holder = holders.get(jabatan.pk)
        if holder is None:
            t.add_row(str(i), jabatan.nama, _("(lowong)"), "")
            continue
        prefix = {Penugasan.Jenis.PLT: "Plt. ", Penugasan.Jenis.PLH: "Plh. "}.get(holder.jenis, "")
        t.add_row(str(i), prefix + jabatan.nama, holder.pegawai.nama, holder.pegawai.pangkat_golongan)
    return t
