"""The LKjIP document: the seed's figures in the PDF text, the benchmarks, the archive command."""

from __future__ import annotations

import io

from django.core.management import call_command
from django.urls import reverse

from lkjip import render, services
from lkjip.models import Pembanding
from lkjip.tests.conftest import BLITAR, opd_by_kode, pdf_text
from renstra.models import Indikator, RenstraVersi
from sakip.models import AuditEntry, User


def test_demo_lkjip_reproduces_the_seed_figures(demo):
    """Seed 001 Tabel 2.4, 3.1–3.4, 3.6 and 3.7 as printed (full precision where the seed truncated)."""
    dokumen = services.lkjip(opd_by_kode(BLITAR), 2024)
    content, pages = render.pdf(render.build(dokumen))
    text = pdf_text(content)
    assert pages > 20
    expected = [
        "Tabel 2.4 Perjanjian Kinerja Perubahan", "BB (75,3)",  # Tabel 2.4
        "98,38 %", "88,38 %", "100,00 %", "84,61", "B (66,55)",  # Tabel 3.1
        "94,01 %", "94,74 %", "87,68 %",  # Tabel 3.2 (the seed truncates 94,7368 to 94,73)
        "1.108.265.687", "1,67 %", "1,70 %", "91,54 %", "5,10 %", "66.348.353.265",  # Tabel 3.3
        "1.107.498.428", "99,93 %", "60.663.205.050", "95,34 %",  # Tabel 3.4
        # Tabel 3.5: derived from the capaian as printed (98,38 % gives -1,58 %; at full precision -1,57 %)
        "5,80 %", "0,11 %", "-1,58 %", "-7,88 %",
        # Tabel 3.6: the Jumlah its rows add up to; the seed's printed 66.347.193.865 is in the check list
        "44.566.775.320", "99,54 %", "66.347.193.835", "99,56 %", "59.887.356.160",
        "3.380.503.014", "3.222.977.392", "15.999.484", "2.503.321.165",  # Tabel 3.7
        "Nasional", "83,83",  # benchmarks
        "Kepemerintahan yang baik",  # the narrative from the seed
        "No. Program/Kegiatan/Sub Kegiatan",  # column headers in Indonesian ("No", not Django's "Tidak")
    ]  # fmt: skip
    missing = [figure for figure in expected if figure not in text]
    assert not missing, missing
    notes = services.state(dokumen, render.build(dokumen)).catatan  # the seed's Jumlah is shown, not lost
    assert any("tercetak di sumber 66.347.193.865, dihitung dari datanya 66.347.193.835" in n for n in notes), notes
    # The signed PK is attached as it was signed.
    assert "PIHAK PERTAMA" in text.upper()


def test_render_document_command_archives_every_opd(demo, tmp_path):
    out = io.StringIO()
    call_command(
        "render_document", "lkjip", "--all-opd", "--pemda", "blitar", "--tahun", "2024", "-o", tmp_path, stdout=out
    )
    files = list(tmp_path.glob("*.pdf"))
    assert len(files) == 1 and "98,38 %" in pdf_text(files[0].read_bytes())


def test_benchmarks_are_saved_deleted_and_audited(client, demo):

    opd = opd_by_kode(BLITAR)
    dokumen = services.lkjip(opd, 2024, create=True)
    Pembanding.objects.filter(dokumen=dokumen).delete()
    indikator = Indikator.objects.filter(elemen__versi=RenstraVersi.objects.berlaku(opd, 2024), is_iku=True).first()
    client.force_login(User.objects.get(username="perencana.blitar"))
    url = reverse("lkjip:pembanding_update", args=[dokumen.pk])
    management = {"form-TOTAL_FORMS": "1", "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000"}
    row = {
        "form-0-indikator": indikator.pk,
        "form-0-pembanding": "Nasional",
        "form-0-tahun": "2024",
        "form-0-nilai": "7",
    }
    assert client.post(url, {**management, "form-INITIAL_FORMS": "0", **row}).status_code == 302
    saved = Pembanding.objects.get(dokumen=dokumen)
    assert (saved.pembanding, saved.nilai) == ("Nasional", "7")
    assert AuditEntry.objects.filter(content_type__model="pembanding", object_pk=str(saved.pk)).exists()
    delete = {**management, "form-INITIAL_FORMS": "1", **row, "form-0-id": saved.pk, "form-0-DELETE": "on"}
    assert client.post(url, delete).status_code == 302
    assert not Pembanding.objects.filter(dokumen=dokumen).exists()
