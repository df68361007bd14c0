"""Demo pohon kinerja: Kesbangpol Balangan from seed 002 (stages 1–4 and its translation table), linked to the
demo Renstra where the seed allows (spec A6), and its crosscutting branch "Sengketa batas wilayah" delivered by
the Sekretariat Daerah, which is added to the demo pemda with a planner of its own.

The tree follows the seed's translation table (fixtures/demo/pohon_balangan.tsv, verbatim but for the typo
"Kemasarakatan" and "Pilkukada"). Nodes the Renstra has no element for (the Ormas branch, the Ideologi
monitoring) stay untranslated, and the indicators keep the seed's wording, so the checks show what an
evaluator would find in the real documents.
"""

from __future__ import annotations

from django.conf import settings

from pohon import services
from pohon.models import IndikatorSimpul, Lintas, PohonKinerja, Simpul, Terjemahan, Tingkat
from renstra.models import Elemen, Level, RenstraVersi
from sakip.demo import DEMO_PASSWORD
from sakip.models import Jabatan, Jenjang, Peran, PerangkatDaerah, User

FIXTURE = settings.BASE_DIR / "fixtures" / "demo" / "pohon_balangan.tsv"

KABID_KEWASPADAAN = "Kepala Bidang Kewaspadaan Nasional dan Penanganan Konflik"
KABID_IDEOLOGI = "Kepala Bidang Ideologi, Wawasan Kebangsaan dan Ketahanan Ekonomi, Sosial, Budaya, Agama"
KABID_POLITIK = "Kepala Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan"
JF = "JF Analis Kebijakan Ahli Muda Sub Koordinator "

#: row of the fixture → (the Renstra element that realises it: a code, or "nama:" and the start of its name;
#: the owning position)
ROWS = {
    0: ("tujuan:", None),
    1: ("nama:Meningkatnya Pemetaan Daerah Potensi Konflik", "Kepala Badan"),
    2: ("8.0.0", KABID_KEWASPADAAN),
    3: ("8.0.0.2.0", JF + "Kewaspadaan Dini dan Kerjasama Intelijen"),
    4: ("8.0.0.2.0.02", None),
    5: ("8.0.0.2.0.03", None),
    6: ("8.01.06.2.01.04", None),
    7: ("8.01.06.2.01.05", None),
    8: ("06", None),
    9: ("8.01.02", KABID_IDEOLOGI),
    10: ("8.01.02.2.01", JF + "Ideologi dan Wawasan Kebangsaan"),
    11: ("8.01.02.2.01.03", None),
    12: ("8.01.02.2.01.04", None),
    14: (None, KABID_POLITIK),
    15: (None, JF + "Organisasi Kemasyarakatan"),
    19: ("8.01.05", KABID_IDEOLOGI),
    20: ("8.01.05.2.01", JF + "Ketahanan Ekonomi, Sosial, Budaya, dan Agama"),
    21: ("nama:Pelaksanaan Kebijakan di Bidang ketahanan", None),
    22: ("8.01.05.2.01.04", None),
    23: ("3.27.06.2.01.05", None),
    24: ("nama:Meningkatnya Wawasan Politik Masyarakat", "Kepala Badan"),
    25: ("8.01.03", KABID_POLITIK),
    26: ("8.01.03.2.01", JF + "Politik Dalam Negeri"),
    27: ("8.01.03.2.01.03", None),
    28: ("8.01.03.2.01.04", None),
    29: ("8.01.03.2.01.05", None),
}

SETDA = {"kode": "4.01.0.00.0.00.01.0000", "nama": "Sekretariat Daerah", "singkatan": "Setda"}


def _element(elements: list[Elemen], key: str | None) -> Elemen | None:
    if not key:
        return None
    for e in elements:
        if key == "tujuan:" and e.level == Level.TUJUAN:
            return e
        if key.startswith("nama:") and e.nama.lower().startswith(key[5:].lower()):
            return e
        if e.kode == key:
            return e
    return None


def load(stdout) -> None:
    opd = PerangkatDaerah.objects.filter(kode="8.01.0.00.0.00.01.0000").select_related("pemda").first()
    versi = RenstraVersi.objects.filter(renstra__opd=opd).select_related("renstra__periode").order_by("nomor").first()
    if opd is None or versi is None:
        return
    setda, _ = PerangkatDaerah.objects.update_or_create(
        pemda=opd.pemda, kode=SETDA["kode"], defaults={"nama": SETDA["nama"], "singkatan": SETDA["singkatan"]}
    )
    user, created = User.objects.update_or_create(
        username="perencana.setda.balangan",
        defaults={"nama": "Perencana Sekretariat Daerah Balangan", "pemda": opd.pemda, "is_active": True},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    Peran.objects.get_or_create(user=user, jenis=Peran.Jenis.PERENCANA, opd=setda)

    periode = versi.renstra.periode
    if PohonKinerja.objects.filter(opd=opd, periode=periode, tahun_berlaku=2023).exists():
        return
    pohon = PohonKinerja.objects.create(
        opd=opd,
        periode=periode,
        tahun_berlaku=2023,
        versi=versi,
        mandat=(
            "UU Nomor 23 Tahun 2014 Tentang Pemerintah Daerah yang mana Badan Kesbangpol dibentuk adalah untuk "
            "menyelenggarakan pemerintahan umum, UU No 7 Tahun 2012 Tentang Konflik Sosial dan Permendagri Nomor 11 "
            "Tahun 2019 Tentang Perangkat Daerah Yang Melaksanakan Urusan Pemerintahan Di Bidang Kesatuan Bangsa "
            "Dan Politik"
        ),
        permasalahan="Konflik Sosial",
        ekspektasi=(
            "Masyarakat mengharapkan terpeliharanya kondisi damai dan harmonis dalam hubungan sosial kemasyarakatan"
        ),
        catatan="Dasar Penyesuaian Renstra 2023 (Kepmendagri 900.1.15.5-1317/2023).",
    )
    elements = list(Elemen.objects.filter(versi=versi).prefetch_related("indikator"))
    positions = {j.nama: j for j in Jabatan.objects.filter(opd=opd)}
    csf = {
        "strategis-1": "Munculnya potensi konflik yang berkaitan dengan Politik, Ekonomi, dan Sosial, Budaya dan Agama",
        "strategis-2": "Belum Optimalnya Sistem dan Budaya Politik yang Demokratis di Daerah",
    }
    last: dict[str, Simpul] = {}
    counters: dict[tuple, int] = {}
    strategis = 0
    rows = [line.split("\t") for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    for index, (tingkat, kinerja, indikator) in enumerate(rows):
        rank = Tingkat.values.index(tingkat)
        parent = last.get(Tingkat.values[rank - 1]) if rank else None
        if tingkat == Tingkat.STRATEGIS:
            strategis += 1
        element_key, jabatan_name = ROWS.get(index, (None, None))
        jabatan = positions.get(jabatan_name) if jabatan_name else None
        counters[parent.pk if parent else None] = counters.get(parent.pk if parent else None, 0) + 1
        node = Simpul.objects.create(
            pohon=pohon,
            parent=parent,
            tingkat=tingkat,
            urutan=counters[parent.pk if parent else None],
            kinerja=kinerja,
            faktor_kunci=csf.get(f"strategis-{strategis}", "") if tingkat == Tingkat.STRATEGIS else "",
            jenjang=jabatan.jenjang if jabatan else services.JENJANG_BAKU_SEED[tingkat],
            jabatan=jabatan,
        )
        last[tingkat] = node
        element = _element(elements, element_key)
        plan_indicator = None
        if element is not None:
            Terjemahan.objects.create(simpul=node, elemen=element)
            plan_indicator = next(iter(element.indikator.all()), None)
        IndikatorSimpul.objects.create(simpul=node, urutan=1, uraian=indikator, indikator_renstra=plan_indicator)
        if tingkat == Tingkat.STRATEGIS and strategis == 2:
            # Seed 002's CSF 4, marked crosscutting: the border disputes are settled with the Setda.
            node4 = Simpul.objects.create(
                pohon=pohon,
                parent=last[Tingkat.OUTCOME],
                tingkat=Tingkat.STRATEGIS,
                urutan=99,
                kinerja="Terkoordinirnya batas wilayah desa, Kabupaten/Kota dan/atau provinsi",
                faktor_kunci="Sengketa batas wilayah desa, Kabupaten/Kota dan/atau Provinsi",
                jenjang=Jenjang.JPT_PRATAMA,
            )
            Lintas.objects.create(
                simpul=node4,
                mitra=setda,
                sifat=Lintas.Sifat.OLEH,
                catatan="Bagian Tata Pemerintahan: penegasan dan penyelesaian sengketa batas wilayah",
            )
    stdout.write("Pohon kinerja demo: Kesbangpol Balangan (seed 002), crosscutting dengan Sekretariat Daerah.")
