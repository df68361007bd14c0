"""Previews and finals: a final is stored with its SHA-256, refused while required narratives are empty, marked when data is newer."""

from __future__ import annotations

import hashlib
import os

from django.conf import settings
from django.urls import reverse

from lkjip import services
from lkjip.models import Cetakan, Final, Narasi
from lkjip.tests.conftest import BLITAR, opd_by_kode
from sakip.models import User


def test_preview_finalise_and_newer_data(client, demo, django_capture_on_commit_callbacks):
    opd = opd_by_kode(BLITAR)
    planner = User.objects.get(username="perencana.blitar")
    client.force_login(planner)
    page_url = reverse("lkjip:lkjip_detail", args=[opd.pk, 2024])
    assert "belum-final" in client.get(page_url).content.decode()
    # Preview: without a worker (immediate backend) the rendering is done when the request returns.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("lkjip:lkjip_cetakan_create", args=[opd.pk, 2024]), HTTP_HX_REQUEST="true")
    assert "pratinjau-pdf" in client.get(page_url).content.decode()
    cetakan = Cetakan.objects.get()
    assert cetakan.status == Cetakan.Status.SELESAI and cetakan.halaman > 20
    # Asking again for the same data reuses the rendering.
    client.post(reverse("lkjip:lkjip_cetakan_create", args=[opd.pk, 2024]))
    assert Cetakan.objects.count() == 1
    dokumen = services.lkjip(opd, 2024)
    folder = os.path.join(settings.MEDIA_ROOT, Final._meta.get_field("pdf").upload_to)
    before = set(os.listdir(folder)) if os.path.isdir(folder) else set()  # other tests' finals share MEDIA_ROOT
    assert (
        client.post(reverse("lkjip:dokumen_finalkan", args=[dokumen.pk]), {"catatan": "Setelah reviu"}).status_code
        == 302
    )
    final = Final.objects.get()
    # Pressed twice: the same final, a message, and no second (orphan) PDF file.
    again = client.post(reverse("lkjip:dokumen_finalkan", args=[dokumen.pk]), follow=True)
    assert "sudah difinalkan sebagai versi 1" in again.content.decode()
    assert Final.objects.count() == 1
    assert os.path.dirname(final.pdf.path) == folder.rstrip("/")
    assert set(os.listdir(folder)) - before == {os.path.basename(final.pdf.path)}
    with final.pdf.open("rb") as handle:
        content = handle.read()
    assert hashlib.sha256(content).hexdigest() == final.sha256
    assert final.snapshot["opd"]["kode"] == BLITAR and final.snapshot["blok"]
    # The data changes: the page says so, the final stays as it was, finalising needs a new preview.
    Narasi.objects.filter(dokumen=dokumen, kunci="saran").update(isi="<p>Saran baru.</p>")
    page = client.get(page_url).content.decode()
    assert "data-berubah" in page and final.sha256 in page
    client.post(reverse("lkjip:dokumen_finalkan", args=[dokumen.pk]))
    assert Final.objects.count() == 1
    # Evaluators download the final and the preview already made, but do not render (it writes); another
    # pemda's user cannot.
    client.force_login(User.objects.get(username="evaluator.blitar"))
    response = client.get(reverse("lkjip:final_pdf", args=[final.pk]))
    assert b"".join(response.streaming_content) == content
    assert client.get(reverse("lkjip:cetakan_pdf", args=[cetakan.pk])).status_code == 200
    assert "buat-pratinjau" not in client.get(page_url).content.decode()
    renders = Cetakan.objects.count()
    assert client.post(reverse("lkjip:lkjip_cetakan_create", args=[opd.pk, 2024])).status_code == 403
    assert Cetakan.objects.count() == renders
    assert client.post(reverse("lkjip:dokumen_finalkan", args=[dokumen.pk])).status_code == 403
    client.force_login(User.objects.get(username="perencana.balangan"))
    assert client.get(reverse("lkjip:final_pdf", args=[final.pk])).status_code == 404
    assert client.get(page_url).status_code == 404


def test_finalise_refused_while_required_narratives_are_empty(client, demo, django_capture_on_commit_callbacks):
    opd = opd_by_kode(BLITAR)
    dokumen = services.lkjip(opd, 2024)
    Narasi.objects.filter(dokumen=dokumen, kunci="kesimpulan").update(isi="")
    client.force_login(User.objects.get(username="perencana.blitar"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("lkjip:lkjip_cetakan_create", args=[opd.pk, 2024]))
    response = client.post(reverse("lkjip:dokumen_finalkan", args=[dokumen.pk]), follow=True)
    assert "Narasi berikut masih kosong" in response.content.decode()
    assert not Final.objects.exists()
