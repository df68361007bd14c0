"""Each document has its own date, place and number: printed on the cover, the kata pengantar and the
signatures, set on the document's page, and frozen with the final."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from lkjip import render, services
from lkjip.models import Dokumen
from sakip.models import AuditEntry, PerangkatDaerah, User

BLITAR = "8.01.0.00.0.00.02.0000"


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def _pages(content: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(content)).pages]


@pytest.fixture
def lkjip_2024(demo_data):
    opd = PerangkatDaerah.objects.select_related("pemda").get(kode=BLITAR)
    return services.lkjip(opd, 2024)


def test_demo_lkjip_2024_is_dated_as_seed_001_not_the_print_day(lkjip_2024):
    content, _pages_count = render.pdf(render.build(lkjip_2024))
    pages = _pages(content)
    cover = pages[0]
    assert "2025" in cover and str(datetime.date.today().year) not in cover.replace("2024", "").replace("2025", "")
    kata_pengantar = next(p for p in pages if "KATA PENGANTAR" in p and "Blitar, 28 Februari 2025" in p)
    assert "Ir. SENYANA" in kata_pengantar or "NIP" in kata_pengantar
    assert sum(p.count("Blitar, 28 Februari 2025") for p in pages) >= 2  # kata pengantar and the closing signature


def test_date_place_and_number_are_set_on_the_page_audited_and_printed(client, lkjip_2024):
    user = User.objects.get(username="perencana.blitar")
    client.force_login(user)
    url = reverse("lkjip:lkjip_identitas", args=[lkjip_2024.opd_id, 2024])
    page = client.get(reverse("lkjip:lkjip_detail", args=[lkjip_2024.opd_id, 2024])).content.decode()
    assert 'value="2025-02-28"' in page and "Tanggal, tempat dan nomor" in page
    client.post(url, {"tanggal": "2025-03-03", "tempat": "Kanigoro", "nomor": "000.1.2/15/409.104/2025"})
    dokumen = Dokumen.objects.get(pk=lkjip_2024.pk)
    assert (dokumen.tanggal, dokumen.tempat, dokumen.nomor) == (
        datetime.date(2025, 3, 3),
        "Kanigoro",
        "000.1.2/15/409.104/2025",
    )
    entries = AuditEntry.objects.filter(content_type__model="dokumen", object_pk=str(dokumen.pk))
    assert any("Kanigoro" in str(e.changes) for e in entries)
    text = _text(render.pdf(render.build(dokumen))[0])
    assert "Kanigoro, 3 Maret 2025" in text and "Nomor: 000.1.2/15/409.104/2025" in text


def test_an_undated_lkjip_is_dated_no_later_than_the_reporting_deadline(lkjip_2024):
    Dokumen.objects.filter(pk=lkjip_2024.pk).update(tanggal=None, tempat="")
    isi = render.build(Dokumen.objects.get(pk=lkjip_2024.pk))
    assert isi.tanggal == min(datetime.date.today(), datetime.date(2025, 3, 31))
    assert isi.tempat == "Blitar"


def test_an_undated_document_keeps_the_date_of_its_final(client, lkjip_2024, django_capture_on_commit_callbacks):
    Dokumen.objects.filter(pk=lkjip_2024.pk).update(tanggal=None)
    client.force_login(User.objects.get(username="perencana.blitar"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("lkjip:lkjip_cetakan_create", args=[lkjip_2024.opd_id, 2024]))
    client.post(reverse("lkjip:dokumen_finalkan", args=[lkjip_2024.pk]))
    dokumen = Dokumen.objects.get(pk=lkjip_2024.pk)
    printed = datetime.date.fromisoformat(dokumen.final.get().snapshot["tanggal"])
    assert dokumen.tanggal == printed  # frozen: printing again later carries the final's date
    assert render.build(dokumen).tanggal == printed
