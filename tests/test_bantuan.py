"""Bantuan (issue 17): a help page per menu that says what the page is for, the steps and the rules with their
regulation, and a *Bantuan* link in each main page's header pointing to its section."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from kinerja.models import PerjanjianKinerja
from lkjip.models import Dokumen, Jenis
from pohon.models import PohonKinerja
from renstra.models import RenstraVersi
from sakip.models import User
from sakip.views.bantuan import BAGIAN

# What each section must state: a rule behind the numbers and the regulation it comes from.
MUST_SAY = {
    "renstra": ["Permendagri 86/2017", "Permendagri 90/2019", "Kepmendagri 050-5889/2021", "900.1.15.5-1317/2023"],
    "target-pagu": ["kumulatif", "BB (75,3)"],
    "impor-excel": ["15 baris pertama", "Permendagri 90/2019"],
    "pohon-kinerja": ["PermenPAN-RB 89/2021", "critical success factor"],
    "perjanjian-kinerja": [
        "PermenPAN-RB 53/2014",
        "JPT Pratama",
        "Administrator",
        "Pengawas",
        "paling lambat satu bulan",
    ],
    "rencana-aksi": ["PermenPAN-RB 53/2014", "TW IV harus sama"],
    "realisasi": [
        "realisasi ÷ target × 100%",
        "(2 × target − realisasi) ÷ target × 100%",
        "Kumulatif",
        "Nilai terakhir",
        "Sangat Tinggi",
        "≥ 91",
        "Permendagri 86/2017",
    ],
    "verifikasi": ["Kembalikan", "PermenPAN-RB 88/2021"],
    "dokumen": ["PermenPAN-RB 53/2014", "31 Maret", "Bab III"],
    "pengaturan": ["Nomenklatur", "Jendela realisasi", "Naskah PK"],
    "cari": ["urutannya bebas"],
}


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.django_db
def test_every_section_renders_with_its_rules(client, world):
    client.force_login(world.alice)
    assert set(MUST_SAY) == set(BAGIAN)
    for slug, phrases in MUST_SAY.items():
        response = client.get(reverse("bantuan", args=[slug]))
        assert response.status_code == 200, slug
        text = _text(response)
        for phrase in ["Untuk apa", *phrases]:
            assert phrase in text, f"{slug}: {phrase!r} missing"
        for other in BAGIAN:  # the list of every section beside it
            assert f'href="{reverse("bantuan", args=[other])}"' in response.content.decode()
    assert client.get(reverse("bantuan_index")).status_code == 200
    assert client.get("/bantuan/tidak-ada/").status_code == 404


def _bantuan_link(client, url) -> str:
    html = client.get(url).content.decode()
    found = re.findall(r'href="/bantuan/([a-z-]+)/" data-testid="bantuan-link"', html)
    assert found, f"{url}: no Bantuan link"
    return found[0]


def test_each_main_page_links_to_its_section(client, demo_data):
    perencana = User.objects.get(username="perencana.blitar")
    opd = perencana.peran.get().opd
    versi = RenstraVersi.objects.filter(renstra__opd=opd).latest("nomor")
    pk = PerjanjianKinerja.objects.filter(opd=opd).first()
    dokumen = Dokumen.objects.filter(opd=opd, jenis=Jenis.LKJIP).first()
    client.force_login(perencana)
    pages = {
        reverse("renstra:renstra_list"): "renstra",
        reverse("renstra:versi_detail", args=[versi.pk]): "renstra",
        reverse("renstra:target_grid", args=[versi.pk]): "target-pagu",
        reverse("renstra:pagu_grid", args=[versi.pk]): "target-pagu",
        reverse("renstra:renstra_import", args=[opd.pk]): "impor-excel",
        reverse("pohon:index"): "pohon-kinerja",
        reverse("kinerja:pk_list"): "perjanjian-kinerja",
        reverse("kinerja:pk_detail", args=[pk.pk]): "perjanjian-kinerja",
        reverse("kinerja:rencana_aksi_grid", args=[pk.pk]): "rencana-aksi",
        reverse("realisasi:opd_dashboard", args=[opd.pk, 2024]): "realisasi",
        reverse("realisasi:indikator_grid", args=[opd.pk, 2024]): "realisasi",
        reverse("realisasi:anggaran_grid", args=[opd.pk, 2024]): "realisasi",
        reverse("lkjip:index"): "dokumen",
        reverse("lkjip:lkjip_detail", args=[opd.pk, dokumen.tahun]): "dokumen",
        reverse("renstra:nomenklatur_list"): "pengaturan",
        reverse("cari") + "?q=politik": "cari",
    }
    for url, slug in pages.items():
        assert _bantuan_link(client, url) == slug, url
    pohon = PohonKinerja.objects.for_user(User.objects.get(username="perencana.balangan")).first()
    client.force_login(User.objects.get(username="perencana.balangan"))
    assert _bantuan_link(client, reverse("pohon:pohon_detail", args=[pohon.pk])) == "pohon-kinerja"
    client.force_login(User.objects.get(username="evaluator.blitar"))
    assert _bantuan_link(client, reverse("realisasi:verifikasi_list")) == "verifikasi"
    client.force_login(User.objects.get(username="admin.blitar"))
    for url in (
        reverse("realisasi:jendela_update", args=[2026]),
        reverse("realisasi:pengaturan_update"),
        reverse("renstra:periode_list"),
        reverse("sakip:user_list"),
        reverse("sakip:audit_log"),
    ):
        assert _bantuan_link(client, url) == "pengaturan", url
