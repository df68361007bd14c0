"""Seed 000 (Penyesuaian Renstra 2021–2026 of Kesbangpol Balangan) printed from the demo: every chapter, table
and list of the seed, in the seed's order, with the figures the seed prints."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from lkjip import render, services
from lkjip.builders.renstra import rumusan
from lkjip.models import Permasalahan
from lkjip.narasi import penanda_sendiri
from renstra.models import RenstraVersi
from sakip.models import Pegawai, PerangkatDaerah

BALANGAN = "8.01.0.00.0.00.01.0000"


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def renstra(demo_data):
    opd = PerangkatDaerah.objects.get(kode=BALANGAN)
    versi = RenstraVersi.objects.filter(renstra__opd=opd).order_by("-nomor").first()
    dokumen = services.renstra(versi)
    isi = render.build(dokumen)
    return dokumen, isi, _text(render.pdf(isi)[0])


def _after_toc(text: str) -> str:
    """The body: from the first chapter heading after the table of contents."""
    return text[text.index("BAB I PENDAHULUAN", text.index("DAFTAR TABEL")) :]


def test_chapters_tables_and_lists_in_the_seeds_order(renstra):
    _dokumen, _isi, text = renstra
    assert text.startswith("PENYESUAIAN RENCANA STRATEGIS")
    assert "RENCANA STRATEGIS PERUBAHAN" not in text
    body = _after_toc(text)
    order = [
        "BAB I", "1.1 Latar Belakang", "BAB II", "2.2 Sumber Daya",
        "Tabel 2.1 Jumlah Pegawai Negeri Sipil", "Personil PNS",
        "Tabel 2.2 Tenaga Non-ASN", "Sedangkan sarana dan prasarana",
        "Tabel T-C.23", "Tabel T-C.24", "BAB III", "Tabel 3.1 Pemetaan Permasalahan untuk Prioritas",
        "Dari pemetaan permasalahan tersebut", "BAB IV", "4.1 Tujuan", "Tabel 4.1 Tujuan dan Indikator Tujuan",
        "4.2 Sasaran", "Tabel T-C.25", "BAB V", "Tabel T-C.26", "strategi yang ditempuh",
        "dijabarkan dalam kebijakan", "BAB VI", "SEKRETARIAT", "BAB VII", "Tabel T-C.28", "BAB VIII",
        "LAMPIRAN", "Tabel T-C.27",
    ]  # fmt: skip
    positions = []
    for label in order:
        assert label in body, label
        positions.append(body.index(label, positions[-1] if positions else 0))
    assert positions == sorted(positions)
    assert "|||" not in text.replace(" ", "")


def test_staff_tables_count_the_pegawai(renstra):
    dokumen, isi, text = renstra
    pegawai = isi.table("pegawai")
    rows = [[c.shown for c in b.cells] for b in pegawai.rows if b.style != "jumlah"]
    pairs = {(row[i], row[i + 1]) for row in rows for i in (2, 4, 6)}
    # Seed 000 Bab II: 18 PNS; SLTA 3, S1 13, S2 2; II/b 1, II/d 1, III/a 2, III/b 2, III/c 2, III/d 4,
    # IV/a 5, IV/c 1; golongan II 2, III 10, IV 6.
    for pair in [("SLTA", "3"), ("S1", "13"), ("S2", "2"), ("III/d", "4"), ("IV/a", "5"), ("IV/c", "1"),
                 ("II", "2"), ("III", "10"), ("IV", "6"), ("SD", "0")]:  # fmt: skip
        assert pair in pairs, pair
    assert [c.shown for c in pegawai.rows[-1].cells] == ["Jumlah", "", "18", "", "18", "", "18"]
    assert rows[0][:2] == ["Kesbangpol", "18"]
    # A new PNS placed in the OPD is counted at the next printing.
    Pegawai.objects.create(pemda=dokumen.opd.pemda, nama="Pegawai Baru", golongan="III/a", pendidikan="D3",
                           opd=dokumen.opd)  # fmt: skip
    again = rumusan.tabel_pegawai(dokumen.opd)
    pairs = {(b.cells[i].shown, b.cells[i + 1].shown) for b in again.rows[:-1] for i in (2, 4, 6)}
    assert ("D3", "1") in pairs and ("III/a", "3") in pairs
    assert again.rows[-1].cells[-1].shown == "19"
    # The non-ASN list of the seed, with its total (the seed's list adds up to 32).
    for figure in ("Tenaga Kebersihan", "Penjaga Malam", "Tenaga Administrasi 27", "Sopir"):
        assert figure in text, figure
    assert [c.shown for c in isi.table("non-asn").rows[-1].cells][-1] == "32"


def test_tabel_3_1_prints_every_root_cause_once_under_its_masalah(renstra):
    dokumen, isi, text = renstra
    rows = list(Permasalahan.objects.filter(dokumen=dokumen))
    assert len(rows) == 15
    for akar in ("Kurangnya Koordinasi Kerukunan Antar Suku", "Belum adanya Koordinasi Pengawasan orang asing/"):
        assert akar in text
    t = isi.table("permasalahan")
    pokok = [b.cells[0] for b in t.rows]
    assert pokok[0].rowspan == 15 and all(c.covered for c in pokok[1:])
    assert text.count("Adanya Potensi Konflik Sosial Bernuansa SARA") == 1


def _ordered_list_after(isi, intro: str) -> list[str]:
    """The items of the numbered list printed after ``intro`` (the PDF's text layer puts list numbers apart)."""
    html = next(b.html for b in isi.blok if b.jenis == "teks" and intro in b.html)
    assert "<ol>" in html
    return re.findall(r"<li>(.*?)</li>", html)


def test_bab_v_numbers_strategi_and_kebijakan_and_bab_vi_lists_sub_kegiatan(renstra):
    _dokumen, isi, text = renstra
    bab5 = text[text.rindex("BAB V STRATEGI") : text.rindex("BAB VI RENCANA")]
    strategi = _ordered_list_after(isi, "strategi yang ditempuh")
    assert strategi[0] == "Peningkatan Kewaspadaan Nasional dan Penanganan Konflik"
    assert len(strategi) == 5
    kebijakan = _ordered_list_after(isi, "dijabarkan dalam kebijakan")
    assert kebijakan[5] == "Pelaksanaan Fasilitasi Forkopimda"
    assert kebijakan[-1] == "Pelaksanaan Monitoring dan Evaluasi terhadap Organisasi Masyarakat yang dibina"
    assert len(kebijakan) == 22
    for item in strategi + kebijakan:
        assert item in bab5, item
    bab6 = text[text.rindex("BAB VI RENCANA") : text.rindex("BAB VII")]
    assert "A. PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA" in bab6.upper()
    assert "Penyusunan dokumen perencanaan Perangkat Daerah, dengan indikator kinerja" in bab6
    assert "Kegiatan ini dijabarkan melalui Sub Kegiatan sebagai berikut" in bab6
    assert "• 1)" not in text and "• a." not in text


def test_tujuan_and_sasaran_sections(renstra):
    _dokumen, isi, text = renstra
    assert "Meningkatkan Rasa Aman dan Harmonis dalam Hubungan Sosial Kemasyarakatan" in text
    tujuan = isi.table("tujuan")
    assert [c.shown for c in tujuan.rows[0].cells][2:] == ["0"] * 6
    assert _ordered_list_after(isi, "Sasaran Renstra ini adalah") == [
        "Meningkatnya Pemetaan Daerah Potensi Konflik",
        "Meningkatnya Wawasan Politik Masyarakat",
    ]
    assert "Meningkatnya Wawasan Politik Masyarakat" in text[text.rindex("4.2 Sasaran") :]


def test_a_pasted_list_with_its_own_markers_prints_without_bullets():

    assert penanda_sendiri("<ul><li>a. satu</li><li><b>b.</b> dua</li></ul>") == (
        '<ul class="bertanda"><li>a. satu</li><li><b>b.</b> dua</li></ul>'
    )
    assert penanda_sendiri("<ul><li>(1) JF</li><li>2) lain</li></ul>").startswith('<ul class="bertanda">')
    assert penanda_sendiri("<ul><li>tanpa penanda</li><li>a. dengan</li></ul>") == (
        "<ul><li>tanpa penanda</li><li>a. dengan</li></ul>"
    )
