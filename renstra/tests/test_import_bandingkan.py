"""Issue 16 (journeys, second pass): the sample T-C.27 imported into the demo Balangan plan compares with the
version in force without phantom changes (two sub kegiatan sharing a code pair by name), and the preview
knows the program penunjang 1.05.01 stands without a sasaran in force too (not "tidak ada di versi berlaku")."""

import pytest
from django.urls import reverse

from renstra import diff
from renstra.importers import berlaku, tc27
from renstra.models import Renstra
from renstra.samples import SAMPLE


@pytest.fixture
def balangan(demo_data):
    return Renstra.objects.select_related("opd", "periode").get(opd__pemda__kode="balangan")


def _report(renstra):
    years = list(range(renstra.periode.tahun_awal, renstra.periode.tahun_akhir + 1))
    with open(SAMPLE, "rb") as handle:
        return tc27.read_renstra(handle, years)


def test_the_sample_imported_into_the_demo_plan_compares_without_phantom_changes(client, balangan):
    berlaku_ = balangan.versi_berlaku()
    draf = berlaku.draf_of(balangan.opd, balangan.periode)
    baru = berlaku.simpan(_report(balangan), balangan.opd, balangan.periode, ganti_draf=draf.pk if draf else None)
    changes = diff.compare(berlaku_, baru)
    twice = [c for c in changes if c.kode == "1.05.01.2.01.02"]
    assert len(twice) == 2 and {c.kind for c in twice} == {"same"}  # the workbook repeats the code; no phantom
    assert not [c for c in changes if c.kind in ("added", "removed")]
    client.login(username="perencana.balangan", password="Sakip#Demo2024")
    html = client.get(reverse("renstra:versi_compare", args=[baru.pk]) + f"?dengan={berlaku_.pk}").content.decode()
    assert "Dokumen Perubahan RKA-SKPD" not in html  # only changes are listed


def test_the_preview_does_not_call_the_program_penunjang_missing(client, balangan):
    client.login(username="perencana.balangan", password="Sakip#Demo2024")
    with open(SAMPLE, "rb") as handle:
        response = client.post(
            reverse("renstra:renstra_import", args=[balangan.opd_id]),
            {"periode": balangan.periode_id, "berkas": handle},
            HTTP_HX_REQUEST="true",
        )
    html = response.content.decode()
    assert "Program yang tidak ada di versi berlaku" not in html
    akar = html[html.index('data-testid="import-akar"') :]
    assert "1.05.01</code> PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH" in akar[: akar.index("</p>")]


def test_the_preview_keeps_the_program_penunjang_at_the_root_as_in_force(balangan):
    plan = berlaku.rencana(_report(balangan), balangan)
    assert [p.kode for p in plan.akar] == ["1.05.01"]
    assert plan.lepas == []
    assert {t.program.kode for t in plan.tautan} == {"8.01.02", "8.01.03", "8.01.05", "8.0.0"}
