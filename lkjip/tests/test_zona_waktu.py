"""Issue 16 (journeys, second pass): a final's day and finaliser read the same on the evaluator's home page and
on the Dokumen page, in the pemda's own time zone (Balangan is WITA, UTC+8)."""

import datetime

from django.core.files.base import ContentFile
from django.urls import reverse

from lkjip import services
from lkjip.models import Final
from renstra.models import RenstraVersi
from sakip.models import Pemda, User


def test_a_final_reads_the_same_day_and_name_on_home_and_dokumen_in_wita(client, demo_data):
    assert Pemda.objects.get(kode="balangan").zona_waktu == "Asia/Makassar"
    versi = RenstraVersi.objects.get(renstra__opd__pemda__kode="balangan", status="ditetapkan")
    dokumen = services.renstra(versi, create=True)
    planner = User.objects.get(username="perencana.balangan")
    final = Final(dokumen=dokumen, nomor=1, sha256="0" * 64, sidik="0" * 64, snapshot={}, difinalkan_oleh=planner)
    final.pdf.save("uji.pdf", ContentFile(b"%PDF-1.4 uji"), save=False)
    final.save()
    # 30 November 16.30 UTC: still 30 November in Jakarta (23.30 WIB), already 1 December in Balangan (00.30 WITA).
    moment = datetime.datetime(2026, 11, 30, 16, 30, tzinfo=datetime.UTC)
    Final.objects.filter(pk=final.pk).update(created_at=moment)
    name = planner.get_full_name() or planner.username
    client.login(username="evaluator.balangan", password="Sakip#Demo2024")
    home = client.get(reverse("home")).content.decode()
    assert f"Difinalkan 1 Desember 2026 oleh {name}" in home
    page = client.get(reverse("lkjip:renstra_detail", args=[versi.pk])).content.decode()
    assert "1 Desember 2026 00:30" in page and "30 November 2026" not in page
    Final.objects.filter(pk=final.pk).update(difinalkan_oleh=None, difinalkan_oleh_nama="")  # no one named
    home = client.get(reverse("home")).content.decode()
    assert "Difinalkan 1 Desember 2026" in home and "Difinalkan 1 Desember 2026 oleh" not in home
