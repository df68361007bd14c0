"""Demo organisations from the seed documents (see ../shared/domain/seeds):

* Kabupaten Balangan, Badan Kesatuan Bangsa dan Politik: structure and head from the Renstra (seed 000,
  chapter II: Perda 2/2021, Perbup 25/2021 and 71/2021; officials installed on 26 August 2021).
* Kabupaten Blitar, Bakesbangpol: structure and head from the LKjIP 2024 (seed 001, Perbup 125/2022).

Only the heads are named in the seeds; the other positions are left vacant rather than invented.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from django.core.files import File

from sakip.models import Jabatan, Jenjang, Pegawai, Pemda, Penugasan, Peran, PerangkatDaerah, UnitKerja, User

DEMO_PASSWORD = "Sakip#Demo2024"
# An invented, generic logo (a plain shield that says "LOGO PEMDA CONTOH"): the documents of every demo pemda
# carry a logo in their letterhead without borrowing a real coat of arms.
DEMO_LOGO = Path(settings.BASE_DIR) / "fixtures" / "demo" / "logo_pemda_contoh.png"

# What each demo login is for (printed by ``load_demo``, and so by ``make run``).
LOGINS = [
    ("admin.balangan", "Admin pemda Balangan: Pengaturan, jendela realisasi, pengguna, log audit"),
    ("perencana.balangan", "Perencana Kesbangpol Balangan: Renstra, PK, realisasi triwulan berjalan"),
    ("pimpinan.balangan", "Kepala Kesbangpol Balangan: PK yang menunggu tanda tangan"),
    ("evaluator.balangan", "Evaluator Balangan: Renstra final, antrean verifikasi"),
    ("perencana.setda.balangan", "Perencana Setda Balangan: pohon kinerja (crosscutting)"),
    ("admin.blitar", "Admin pemda Blitar"),
    ("perencana.blitar", "Perencana Bakesbangpol Blitar: realisasi, LKjIP"),
    ("pimpinan.blitar", "Kepala Bakesbangpol Blitar: PK yang menunggu tanda tangan"),
    ("evaluator.blitar", "Evaluator Blitar: LKjIP 2024 final, verifikasi realisasi"),
    ("operator", "Operator (superuser): /operator/"),
]


def give_logo(pemda: Pemda) -> None:
    """The demo logo for a demo pemda that has none (an admin's own upload is kept)."""
    if not pemda.logo and DEMO_LOGO.exists():
        with DEMO_LOGO.open("rb") as handle:
            pemda.logo.save(f"{pemda.kode}-contoh.png", File(handle), save=False)
        Pemda.objects.filter(pk=pemda.pk).update(logo=pemda.logo.name)


U = UnitKerja.Jenis
J = Jenjang

BALANGAN = {
    "pemda": {
        "kode": "balangan",
        "nama": "Kabupaten Balangan",
        "jenis": Pemda.Jenis.KABUPATEN,
        "provinsi": "Kalimantan Selatan",
        "kepala_daerah_jabatan": "Bupati Balangan",
        # Not in the seeds (they name only the heads of the agencies): the Bupati of Balangan, so that a PK
        # has its second party.
        "kepala_daerah_nama": "H. ABDUL HADI",
        "ibukota": "Paringin",
        "zona_waktu": "Asia/Makassar",  # Kalimantan Selatan: WITA
    },
    "opd": {
        "kode": "8.01.0.00.0.00.01.0000",
        "nama": "Badan Kesatuan Bangsa dan Politik",
        "singkatan": "Kesbangpol",
        "alamat": "Jln. Jend. A. Yani Km. 2,5 Paringin Selatan 71618",
        "telepon": "(0526) 2028432",
    },
    # (unit, jenis, parent)
    "units": [
        ("Sekretariat", U.SEKRETARIAT, None),
        ("Sub Bagian Umum dan Kepegawaian", U.SUBBAGIAN, "Sekretariat"),
        ("Sub Bagian Program Anggaran dan Keuangan", U.SUBBAGIAN, "Sekretariat"),
        ("Bidang Ideologi, Wawasan Kebangsaan dan Ketahanan Ekonomi, Sosial, Budaya, Agama", U.BIDANG, None),
        (
            "Sub Bidang Ideologi dan Wawasan Kebangsaan",
            U.SUBBIDANG,
            "Bidang Ideologi, Wawasan Kebangsaan dan Ketahanan Ekonomi, Sosial, Budaya, Agama",
        ),
        (
            "Sub Bidang Ketahanan Ekonomi, Sosial, Budaya, dan Agama",
            U.SUBBIDANG,
            "Bidang Ideologi, Wawasan Kebangsaan dan Ketahanan Ekonomi, Sosial, Budaya, Agama",
        ),
        ("Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan", U.BIDANG, None),
        ("Sub Bidang Politik Dalam Negeri", U.SUBBIDANG, "Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan"),
        (
            "Sub Bidang Organisasi Kemasyarakatan",
            U.SUBBIDANG,
            "Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan",
        ),
        ("Bidang Kewaspadaan Nasional dan Penanganan Konflik", U.BIDANG, None),
        (
            "Sub Bidang Kewaspadaan Dini dan Kerjasama Intelijen",
            U.SUBBIDANG,
            "Bidang Kewaspadaan Nasional dan Penanganan Konflik",
        ),
        ("Sub Bidang Penanganan Konflik", U.SUBBIDANG, "Bidang Kewaspadaan Nasional dan Penanganan Konflik"),
        ("Unit Pelaksana Teknis Daerah", U.UPTD, None),
        ("Kelompok Jabatan Fungsional", U.KELOMPOK_JF, None),
    ],
    # (jabatan, jenjang, unit, atasan)
    "positions": [
        ("Kepala Badan", J.JPT_PRATAMA, None, None),
        ("Sekretaris", J.ADMINISTRATOR, "Sekretariat", "Kepala Badan"),
        ("Kepala Sub Bagian Umum dan Kepegawaian", J.PENGAWAS, "Sub Bagian Umum dan Kepegawaian", "Sekretaris"),
        (
            "Kepala Sub Bagian Program Anggaran dan Keuangan",
            J.PENGAWAS,
            "Sub Bagian Program Anggaran dan Keuangan",
            "Sekretaris",
        ),
        (
            "Kepala Bidang Ideologi, Wawasan Kebangsaan dan Ketahanan Ekonomi, Sosial, Budaya, Agama",
            J.ADMINISTRATOR,
            "Bidang Ideologi, Wawasan Kebangsaan dan Ketahanan Ekonomi, Sosial, Budaya, Agama",
            "Kepala Badan",
        ),
        (
            "JF Analis Kebijakan Ahli Muda Sub Koordinator Ideologi dan Wawasan Kebangsaan",
            J.FUNGSIONAL,
            "Sub Bidang Ideologi dan Wawasan Kebangsaan",
            "Kepala Bidang Ideologi, Wawasan Kebangsaan dan Ketahanan Ekonomi, Sosial, Budaya, Agama",
        ),
        (
            "JF Analis Kebijakan Ahli Muda Sub Koordinator Ketahanan Ekonomi, Sosial, Budaya, dan Agama",
            J.FUNGSIONAL,
            "Sub Bidang Ketahanan Ekonomi, Sosial, Budaya, dan Agama",
            "Kepala Bidang Ideologi, Wawasan Kebangsaan dan Ketahanan Ekonomi, Sosial, Budaya, Agama",
        ),
        (
            "Kepala Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan",
            J.ADMINISTRATOR,
            "Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan",
            "Kepala Badan",
        ),
        (
            "JF Analis Kebijakan Ahli Muda Sub Koordinator Politik Dalam Negeri",
            J.FUNGSIONAL,
            "Sub Bidang Politik Dalam Negeri",
            "Kepala Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan",
        ),
        (
            "JF Analis Kebijakan Ahli Muda Sub Koordinator Organisasi Kemasyarakatan",
            J.FUNGSIONAL,
            "Sub Bidang Organisasi Kemasyarakatan",
            "Kepala Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan",
        ),
        (
            "Kepala Bidang Kewaspadaan Nasional dan Penanganan Konflik",
            J.ADMINISTRATOR,
            "Bidang Kewaspadaan Nasional dan Penanganan Konflik",
            "Kepala Badan",
        ),
        (
            "JF Analis Kebijakan Ahli Muda Sub Koordinator Kewaspadaan Dini dan Kerjasama Intelijen",
            J.FUNGSIONAL,
            "Sub Bidang Kewaspadaan Dini dan Kerjasama Intelijen",
            "Kepala Bidang Kewaspadaan Nasional dan Penanganan Konflik",
        ),
        (
            "JF Analis Kebijakan Ahli Muda Sub Koordinator Penanganan Konflik",
            J.FUNGSIONAL,
            "Sub Bidang Penanganan Konflik",
            "Kepala Bidang Kewaspadaan Nasional dan Penanganan Konflik",
        ),
        ("Kepala UPTD", J.PENGAWAS, "Unit Pelaksana Teknis Daerah", "Kepala Badan"),
    ],
    # (nama, nip, golongan, jabatan, mulai)
    "officials": [
        ("H. SYAIFUDDIN TAILAH, S.Pd., MM", "196704031994031015", "IV/c", "Kepala Badan", datetime.date(2021, 8, 26)),
    ],
    # The head's education (S.Pd., MM), and the other 17 PNS of Bab II's staff table (18 PNS at the start of
    # 2023, by pendidikan and golongan), who are not named in the seed: (pendidikan, golongan) each.
    "pendidikan_pejabat": {"196704031994031015": "S2"},
    # (pendidikan, golongan, how many)
    "staf": [
        ("SLTA", "II/b", 1),
        ("SLTA", "II/d", 1),
        ("SLTA", "III/a", 1),
        ("S2", "IV/a", 1),
        ("S1", "III/a", 1),
        ("S1", "III/b", 2),
        ("S1", "III/c", 2),
        ("S1", "III/d", 4),
        ("S1", "IV/a", 4),
    ],
}

BLITAR = {
    "pemda": {
        "kode": "blitar",
        "nama": "Kabupaten Blitar",
        "jenis": Pemda.Jenis.KABUPATEN,
        "provinsi": "Jawa Timur",
        "kepala_daerah_jabatan": "Bupati Blitar",
        "kepala_daerah_nama": "RINI SYARIFAH",
        "ibukota": "Blitar",
    },
    "opd": {
        "kode": "8.01.0.00.0.00.02.0000",
        "nama": "Badan Kesatuan Bangsa dan Politik",
        "singkatan": "Bakesbangpol",
        "alamat": "Jalan Dr. Sutomo No. 53 Blitar",
        "telepon": "(0342) 801243",
        "email": "bakesbangpol@blitarkab.go.id",
        "website": "https://bakesbangpol.blitarkab.go.id",
    },
    "units": [
        ("Sekretariat", U.SEKRETARIAT, None),
        ("Sub Bagian Umum dan Kepegawaian", U.SUBBAGIAN, "Sekretariat"),
        ("Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa", U.BIDANG, None),
        ("Bidang Politik Dalam Negeri", U.BIDANG, None),
        ("Bidang Ketahanan Ekonomi, Sosial, Budaya, Agama dan Organisasi Kemasyarakatan", U.BIDANG, None),
        ("Bidang Kewaspadaan Nasional dan Penanganan Konflik", U.BIDANG, None),
        ("Kelompok Jabatan Fungsional", U.KELOMPOK_JF, None),
    ],
    "positions": [
        ("Kepala Badan", J.JPT_PRATAMA, None, None),
        ("Sekretaris", J.ADMINISTRATOR, "Sekretariat", "Kepala Badan"),
        ("Kepala Sub Bagian Umum dan Kepegawaian", J.PENGAWAS, "Sub Bagian Umum dan Kepegawaian", "Sekretaris"),
        (
            "Kepala Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa",
            J.ADMINISTRATOR,
            "Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa",
            "Kepala Badan",
        ),
        ("Kepala Bidang Politik Dalam Negeri", J.ADMINISTRATOR, "Bidang Politik Dalam Negeri", "Kepala Badan"),
        (
            "Kepala Bidang Ketahanan Ekonomi, Sosial, Budaya, Agama dan Organisasi Kemasyarakatan",
            J.ADMINISTRATOR,
            "Bidang Ketahanan Ekonomi, Sosial, Budaya, Agama dan Organisasi Kemasyarakatan",
            "Kepala Badan",
        ),
        (
            "Kepala Bidang Kewaspadaan Nasional dan Penanganan Konflik",
            J.ADMINISTRATOR,
            "Bidang Kewaspadaan Nasional dan Penanganan Konflik",
            "Kepala Badan",
        ),
    ],
    "officials": [
        # The LKjIP 2024 is signed by him on 28 February 2025; his start date is not in the seed.
        ("Ir. SETIYANA, MM", "196808101997031003", "IV/c", "Kepala Badan", datetime.date(2022, 1, 3)),
    ],
}

# (username, nama, pemda, roles [(jenis, opd?)], pegawai NIP or None)
USERS = [
    ("admin.balangan", "Admin Bagian Organisasi Balangan", "balangan", [(Peran.Jenis.ADMIN_PEMDA, False)], None),
    ("perencana.balangan", "Perencana Kesbangpol Balangan", "balangan", [(Peran.Jenis.PERENCANA, True)], None),
    (
        "pimpinan.balangan",
        "H. SYAIFUDDIN TAILAH, S.Pd., MM",
        "balangan",
        [(Peran.Jenis.PIMPINAN, False)],
        "196704031994031015",
    ),
    ("evaluator.balangan", "Evaluator Inspektorat Balangan", "balangan", [(Peran.Jenis.EVALUATOR, True)], None),
    ("admin.blitar", "Admin Bagian Organisasi Blitar", "blitar", [(Peran.Jenis.ADMIN_PEMDA, False)], None),
    ("perencana.blitar", "Perencana Bakesbangpol Blitar", "blitar", [(Peran.Jenis.PERENCANA, True)], None),
    ("pimpinan.blitar", "Ir. SETIYANA, MM", "blitar", [(Peran.Jenis.PIMPINAN, False)], "196808101997031003"),
    ("evaluator.blitar", "Evaluator Inspektorat Blitar", "blitar", [(Peran.Jenis.EVALUATOR, True)], None),
]


def _load_pemda(data: dict) -> tuple[Pemda, PerangkatDaerah]:
    pemda_fields = dict(data["pemda"])
    pemda, _ = Pemda.objects.update_or_create(kode=pemda_fields.pop("kode"), defaults=pemda_fields)
    give_logo(pemda)
    opd_fields = dict(data["opd"])
    opd, _ = PerangkatDaerah.objects.update_or_create(pemda=pemda, kode=opd_fields.pop("kode"), defaults=opd_fields)

    units: dict[str, UnitKerja] = {}
    for order, (nama, jenis, parent) in enumerate(data["units"], start=1):
        units[nama], _ = UnitKerja.objects.update_or_create(
            opd=opd, nama=nama, defaults={"jenis": jenis, "parent": units.get(parent), "urutan": order}
        )
    positions: dict[str, Jabatan] = {}
    for order, (nama, jenjang, unit, atasan) in enumerate(data["positions"], start=1):
        positions[nama], _ = Jabatan.objects.update_or_create(
            opd=opd,
            nama=nama,
            defaults={
                "jenjang": jenjang,
                "unit_kerja": units.get(unit),
                "atasan": positions.get(atasan),
                "urutan": order,
            },
        )
    for nama, nip, golongan, jabatan, mulai in data["officials"]:
        pendidikan = data.get("pendidikan_pejabat", {}).get(nip, "")
        pegawai, _ = Pegawai.objects.update_or_create(
            pemda=pemda, nip=nip, defaults={"nama": nama, "golongan": golongan, "opd": opd, "pendidikan": pendidikan}
        )
        Penugasan.objects.get_or_create(
            pegawai=pegawai, jabatan=positions[jabatan], mulai=mulai, defaults={"jenis": Penugasan.Jenis.DEFINITIF}
        )
    staf = [(pendidikan, golongan) for pendidikan, golongan, n in data.get("staf", []) for _i in range(n)]
    for i, (pendidikan, golongan) in enumerate(staf, start=1):
        # Not named in the seed: a placeholder name says so rather than inventing one.
        Pegawai.objects.update_or_create(
            pemda=pemda,
            nama=f"PNS {opd.singkatan or opd.nama} {i:02d} (tidak disebut namanya dalam Renstra)",
            defaults={"golongan": golongan, "pendidikan": pendidikan, "opd": opd},
        )
    return pemda, opd


def load(stdout) -> None:
    loaded = {data["pemda"]["kode"]: _load_pemda(data) for data in (BALANGAN, BLITAR)}
    for username, nama, pemda_kode, roles, nip in USERS:
        pemda, opd = loaded[pemda_kode]
        pegawai = Pegawai.objects.get(pemda=pemda, nip=nip) if nip else None
        user, created = User.objects.update_or_create(
            username=username, defaults={"nama": nama, "pemda": pemda, "pegawai": pegawai, "is_active": True}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        for jenis, per_opd in roles:
            Peran.objects.get_or_create(user=user, jenis=jenis, opd=opd if per_opd else None)
    if not User.objects.filter(username="operator").exists():
        User.objects.create_superuser("operator", password=DEMO_PASSWORD, nama="Operator Sakip")
    stdout.write(f"Pemda demo: {', '.join(p.nama for p, _ in loaded.values())}; kata sandi demo: {DEMO_PASSWORD}")
