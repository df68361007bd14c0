"""Demo Renstra: Badan Kesatuan Bangsa dan Politik Kabupaten Balangan 2021–2026 (seed 000).

Tujuan and sasaran with their indicators come from T-C.25 and T-C.28, strategi and arah kebijakan from
T-C.26, programs, kegiatan and sub kegiatan from T-C.27 (``fixtures/demo/renstra_balangan_2021_2026.tsv``,
the seed's rows with the columns realigned where the extraction shifted them). The seed's own
inconsistencies (misnumbered and duplicated codes, rows without code, kondisi akhir that are not the
sum of the years) are kept as they are: the completeness panel shows them.
"""

from __future__ import annotations

import csv
from decimal import Decimal

from django.conf import settings

from renstra.importers.nomenklatur import load_seed_nomenklatur
from renstra.models import (
    ArahKebijakan,
    Elemen,
    Indikator,
    Level,
    Misi,
    Nomenklatur,
    Pagu,
    Periode,
    Renstra,
    RenstraVersi,
    SasaranRPJMD,
    Strategi,
    Target,
    TujuanRPJMD,
)
from sakip.lib.values import Parsed, UnreadableValue, parse_money, parse_value
from sakip.models import PerangkatDaerah, UnitKerja

YEARS = list(range(2021, 2027))
TABLE = settings.BASE_DIR / "fixtures" / "demo" / "renstra_balangan_2021_2026.tsv"

MISI = [
    "Meningkatkan dan mengembangkan infrastruktur perdesaan dan perkotaan",
    "Meningkatkan perekonomian masyarakat Balangan berbasis pertanian dan perkebunan serta pariwisata kreatif",
    "Meningkatkan kualitas Pendidikan dan Kesehatan masyarakat Balangan",
    "Meningkatkan kualitas dan layanan birokrasi pemerintahan sebagai abdi masyarakat dan abdi negara",
    "Mewujudkan kehidupan sosial, budaya, dan agama serta pemerintahan yang harmonis dan kondusif",
]

TUJUAN = "Meningkatkan Rasa Aman dan Harmonis dalam Hubungan Sosial Kemasyarakatan"
SASARAN = [
    (
        "Meningkatnya Pemetaan Daerah Potensi Konflik",
        ("Persentase Daerah Rawan Konflik yang Terpetakan", "%", "100", ["100"] * 6, "100"),
        [
            (
                "Peningkatan Kewaspadaan Nasional dan Penanganan Konflik",
                [
                    "Pelayanan Rekomendasi Surat Keterangan Penelitian",
                    "Pelaksanaan Pengawasan Daerah Rawan Konflik",
                    "Pelaksanaan Fasilitasi Forum di Bidang Kewaspadaan Dini, Kerjasama Intelijen, Pemantauan Orang Asing, Serta Penanganan Konflik di Daerah",
                    "Koordinasi Bidang Kewaspadaan Dini, Kerjasama Intelijen, Pemantauan Orang Asing, Serta Penanganan Konflik di Daerah",
                    "Koordinasi Deteksi Dini Konflik Sosial",
                    "Pelaksanaan Fasilitasi Forkopimda",
                ],
            ),
            (
                "Penguatan Ideologi Pancasila dan Wawasan kebangsaan serta terjaganya Kerukunan Umat Beragama di Masyarakat",
                [
                    "Pelaksanaan Koordinasi Gugus Tugas Gerakan Nasional Revolusi Mental (GNRM)",
                    "Fasilitasi Pelaksanaan Forum Pembauran Kebangsaan",
                    "Pelaksanaan Paskibraka",
                    "Pelaksanaan Seminar/ Talkshow/Diskusi Peningkatan wawasan Kebangsaan",
                    "Fasilitasi DHC 45",
                ],
            ),
            (
                "Peningkatan Pembinaan Ketahanan Ekonomi, Sosial, Budaya dan Agama",
                ["Fasilitasi Pelaksanaan P4GN", "Fasilitasi Pelaksanaan Forum Koordinasi Umat Beragama"],
            ),
        ],
    ),
    (
        "Meningkatnya Wawasan Politik Masyarakat",
        ("Tingkat Partisipasi Politik Masyarakat", "%", "-", ["1,2%", "2,9%", "7,8%", "12,6%", "17%", "21,3%"], "21,3"),
        [
            (
                "Peningkatan Peran Partai Politik dan Lembaga Pendidikan Melalui Pendidikan Politik dan Pengembangan Etika Serta Budaya Politik",
                [
                    "Pelaksanaan Pendidikan Politik kepada masyarakat",
                    "Pembinaan Etika Budaya Politik bagi Parpol",
                    "Pelaksanaan Diskusi Politik dalam merumuskan kebijakan",
                    "Pembinaan /Pengawasan Bantuan Dana Parpol",
                    "Koordinasi Pelaksanaan Pemilu",
                    "Pelaksanaan Verifikasi Bantuan Parpol",
                ],
            ),
            (
                "Peningkatan Pemberdayaan dan Pengawasan Organisasi Masyarakat",
                [
                    "Pelayanan Rekomendasi Surat Keterangan Terdaftar Bagi Ormas",
                    "Pembinaan dan Pengawasan Ormas",
                    "Pelaksanaan Monitoring dan Evaluasi terhadap Organisasi Masyarakat yang dibina",
                ],
            ),
        ],
    ),
]

# Unit kerja as the seed writes them → the demo OPD's units.
UNITS = {
    "sekretaris": "Sekretariat",
    "sekretariat": "Sekretariat",
    "kasubag program anggaran dan keuangan": "Sub Bagian Program Anggaran dan Keuangan",
    "sekretariat kasubag program anggaran dan keuangan": "Sub Bagian Program Anggaran dan Keuangan",
    "kasubag umpeg": "Sub Bagian Umum dan Kepegawaian",
    "kasubbag umpeg": "Sub Bagian Umum dan Kepegawaian",
    "bid. ideologi, wawasan kebangsaan dan ket. ekososbud agama": "Bidang Ideologi, Wawasan Kebangsaan dan Ketahanan Ekonomi, Sosial, Budaya, Agama",
    "subbid ideologi dan wawasan kebangsaan": "Sub Bidang Ideologi dan Wawasan Kebangsaan",
    "subbid politik dalam negeri": "Sub Bidang Politik Dalam Negeri",
    "bid politik dalam negeri dan ormas": "Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan",
    "bidang politik dalam negeri dan organisasi kemasyarakatan": "Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan",
    "bid kewaspadaan nasional dan penanganan konflik": "Bidang Kewaspadaan Nasional dan Penanganan Konflik",
}


def _parse(text: str) -> Parsed:
    try:
        return parse_value(text)
    except UnreadableValue:
        return Parsed()  # "#REF!" and the like: no value, as the seed effectively has none


def _money(text: str) -> Decimal | None:
    try:
        return parse_money(text)
    except UnreadableValue:
        return None


def _indicator(elemen, urutan, uraian, awal: str, targets: list[str], akhir: str, *, satuan="", **extra) -> Indikator:
    parsed = [_parse(t) for t in targets]
    first_unit = next((p.satuan for p in [*parsed, _parse(awal), _parse(akhir)] if p.satuan), "")
    satuan = satuan or first_unit
    numbers = [p.nilai for p in parsed if p.nilai is not None]
    end = _parse(akhir)
    # The planner's intent, read from the seed: a kondisi akhir equal to the sum is cumulative.
    if (
        end.nilai is not None
        and numbers
        and end.nilai == sum(numbers)
        and len(numbers) > 1
        and end.nilai != numbers[-1]
    ) or (end.nilai is not None and numbers and end.nilai != numbers[-1] and uraian.lower().startswith("jumlah")):
        agregasi = Indikator.Agregasi.KUMULATIF
    else:
        agregasi = Indikator.Agregasi.NILAI_AKHIR
    start = _parse(awal)
    ind = Indikator.objects.create(
        elemen=elemen,
        urutan=urutan,
        uraian=uraian,
        satuan=satuan,
        tipe=Indikator.Tipe.PERSEN if satuan == "%" else Indikator.Tipe.ANGKA,
        agregasi=agregasi,
        kondisi_awal_nilai=start.nilai,
        kondisi_awal_teks=start.teks,
        kondisi_akhir_nilai=end.nilai,
        kondisi_akhir_teks=end.teks,
        **extra,
    )
    Target.objects.bulk_create(
        Target(indikator=ind, tahun=year, nilai=p.nilai, teks=p.teks)
        for year, p in zip(YEARS, parsed, strict=True)
        if not p.is_empty
    )
    return ind


def _load_tree(versi: RenstraVersi, opd: PerangkatDaerah, periode: Periode) -> None:
    sasaran = _load_tujuan_sasaran(versi, periode)
    _load_programs(versi, opd, sasaran)


def _load_tujuan_sasaran(versi: RenstraVersi, periode: Periode) -> list[Elemen]:
    """The tujuan with its sasaran, their indicators, strategi and arah kebijakan; returns the sasaran."""
    misi5 = periode.misi.get(nomor=5)
    sasaran_rpjmd = SasaranRPJMD.objects.get(tujuan__periode=periode)
    tujuan = Elemen.objects.create(
        versi=versi, level=Level.TUJUAN, nama=TUJUAN, urutan=1, misi=misi5, sasaran_rpjmd=sasaran_rpjmd
    )
    _indicator(
        tujuan, 1, "Angka Konflik Sosial Bernuansa SARA", "", ["0"] * 6, "0",
        satuan="Kasus", polaritas=Indikator.Polaritas.NEGATIF, is_iku=True,
    )  # fmt: skip
    sasaran = []
    for order, (nama, (ind, satuan, awal, targets, akhir), strategies) in enumerate(SASARAN, start=1):
        s = Elemen.objects.create(
            versi=versi,
            level=Level.SASARAN,
            parent=tujuan,
            nama=nama,
            urutan=order,
            misi=misi5,
            sasaran_rpjmd=sasaran_rpjmd,
        )
        _indicator(s, 1, ind, awal, targets, akhir, satuan=satuan, is_iku=True)
        for s_order, (strategi, policies) in enumerate(strategies, start=1):
            st = Strategi.objects.create(sasaran=s, urutan=s_order, uraian=strategi)
            ArahKebijakan.objects.bulk_create(
                ArahKebijakan(strategi=st, urutan=k, uraian=text) for k, text in enumerate(policies, start=1)
            )
        sasaran.append(s)
    return sasaran


def _load_programs(versi: RenstraVersi, opd: PerangkatDaerah, sasaran: list[Elemen]) -> None:
    """Programs, kegiatan and sub kegiatan from the seed table, with their indicators, targets and pagu."""
    units = {u.nama: u for u in UnitKerja.objects.filter(opd=opd)}
    master = {n.kode: n for n in Nomenklatur.objects.official().filter(versi=Nomenklatur.Versi.V2021)}
    with open(TABLE, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    current: dict[str, Elemen | None] = {Level.PROGRAM: None, Level.KEGIATAN: None}
    order: dict[int | str, int] = {"root": 0}
    for row in rows:
        level = row["tingkat"]
        if level == Level.PROGRAM:
            parent = sasaran[int(row["sasaran"]) - 1] if row["sasaran"] else None
        elif level == Level.KEGIATAN:
            parent = current[Level.PROGRAM]
        else:
            parent = current[Level.KEGIATAN]
        key = parent.pk if parent else "root"
        order[key] = order.get(key, 0) + 1
        unit_text = row["unit_kerja"]
        elemen = Elemen.objects.create(
            versi=versi,
            level=level,
            parent=parent,
            urutan=order[key],
            kode=row["kode"],
            nama=row["uraian"],
            nomenklatur=master.get(row["kode"]),
            unit_kerja=units.get(UNITS.get(unit_text.lower().strip(), "")),
            unit_kerja_teks=unit_text,
            lokasi=row["lokasi"],
            rp_tercetak=_tercetak(row, level),
        )
        if level in current:
            current[level] = elemen
            if level == Level.PROGRAM:
                current[Level.KEGIATAN] = None
        targets = [row[f"target_{y}"] for y in YEARS]
        if row["baris_seed"] == "1288":  # two indicators in one cell, values separated by a space
            for i, uraian in enumerate(["Nilai SAKIP Perangkat Daerah", "Nilai IKM Perangkat Daerah"]):
                pick = [([*t.split(), "", ""])[i] for t in targets]
                _indicator(
                    elemen,
                    i + 1,
                    uraian,
                    row["kondisi_awal"].split()[i],
                    pick,
                    ([*row["kondisi_akhir"].split(), ""])[i],
                    satuan="Nilai",
                )
        elif row["indikator"]:
            _indicator(elemen, 1, row["indikator"], row["kondisi_awal"], targets, row["kondisi_akhir"])
        if level == Level.SUB_KEGIATAN:
            Pagu.objects.bulk_create(
                Pagu(elemen=elemen, tahun=y, jumlah=amount)
                for y in YEARS
                if (amount := _money(row[f"rp_{y}"])) is not None
            )


def _tercetak(row: dict, level: str) -> dict[str, str]:
    """What seed 000 prints as Rp: a program's or kegiatan's years, and every row's period total ("akhir")."""
    out = {}
    if level != Level.SUB_KEGIATAN:
        out = {str(y): str(amount) for y in YEARS if (amount := _money(row[f"rp_{y}"])) is not None}
    if (akhir := _money(row["rp_akhir"])) is not None:  # "#REF!" is not an amount
        out["akhir"] = str(akhir)
    return out


def load(stdout) -> None:
    load_seed_nomenklatur()
    opd = PerangkatDaerah.objects.get(pemda__kode="balangan", kode="8.01.0.00.0.00.01.0000")
    periode, _ = Periode.objects.update_or_create(
        pemda=opd.pemda,
        tahun_awal=2021,
        defaults={
            "nama": "RPJMD Kabupaten Balangan 2021–2026",
            "tahun_akhir": 2026,
            "visi": "Membangun Desa, Menata Kota Menuju Balangan yang Lebih Maju dan Sejahtera",
        },
    )
    for nomor, text in enumerate(MISI, start=1):
        Misi.objects.update_or_create(periode=periode, nomor=nomor, defaults={"uraian": text})
    tujuan, _ = TujuanRPJMD.objects.get_or_create(
        periode=periode,
        uraian="Meningkatnya kualitas kehidupan sosial, budaya, dan agama serta pemerintahan yang harmonis dan kondusif",
        defaults={"misi": periode.misi.get(nomor=5), "urutan": 1},
    )
    SasaranRPJMD.objects.get_or_create(
        tujuan=tujuan,
        uraian="Terjaganya Kehidupan Sosial yang Kondusif",
        defaults={
            "urutan": 1,
            "indikator": "Persentase Daerah Rawan Konflik yang Terpetakan\nTingkat Partisipasi Politik Masyarakat",
        },
    )
    renstra, created = Renstra.objects.get_or_create(opd=opd, periode=periode)
    if not created:
        return  # the plan is there already; a planner may have changed it since
    versi = RenstraVersi.objects.create(
        renstra=renstra,
        nomor=1,
        jenis=RenstraVersi.Jenis.PENYESUAIAN,
        dasar_hukum_nomor="Peraturan Bupati Balangan Nomor 47 Tahun 2023",
        alasan=(
            "Kepmendagri 900.1.15.5-1317/2023 tentang perubahan klasifikasi, kodefikasi dan nomenklatur, "
            "serta perubahan pohon kinerja dan cascading Badan Kesatuan Bangsa dan Politik."
        ),
    )
    _load_tree(versi, opd, periode)
    versi.status, versi.berlaku_mulai = RenstraVersi.Status.DITETAPKAN, 2023
    versi.save(update_fields=["status", "berlaku_mulai", "updated_at"])
    stdout.write(f"Renstra demo: {renstra} ({versi.elemen.count()} elemen).")
