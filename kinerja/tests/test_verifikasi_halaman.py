"""Issue 16, journey 3: an evaluator verifies or returns a realisasi from its own page; the reason is
required only to return it, checked by the server and shown at its field."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.models import Realisasi
from renstra.models import Indikator, Level

TAHUN = 2024


@pytest.fixture
def item(plan, world):
    ind = Indikator.objects.get(elemen__versi=plan, elemen__level=Level.SASARAN)
    return Realisasi.objects.create(indikator=ind, tahun=TAHUN, triwulan=2, nilai=Decimal(50), dicatat_oleh=world.alice)


def detail(item):
    return reverse("realisasi:realisasi_detail", args=[item.indikator_id, TAHUN, 2])


def verify_form(html: str) -> str:
    found = re.search(r'<form[^>]*data-testid="verifikasi-form".*?</form>', html, re.S)
    assert found, "no verification form on the page"
    return found.group(0)


def test_the_verification_form_lets_the_browser_submit_verifikasi_without_a_reason(client, world, item):
    client.force_login(world.bob)
    form = verify_form(client.get(detail(item)).content.decode())
    assert "novalidate" in form.split(">", 1)[0]
    assert not re.search(r"<textarea[^>]*\brequired\b", form)
    assert "Wajib diisi bila dikembalikan." in form


def test_verify_from_the_page_with_an_empty_reason(client, world, item):
    client.force_login(world.bob)
    url = reverse("realisasi:verifikasi_update", args=[item.pk])
    response = client.post(url, {"action": "setuju", "komentar": ""}, follow=True)
    assert response.redirect_chain[-1][0] == detail(item)
    assert "Realisasi diverifikasi." in response.content.decode()
    item.refresh_from_db()
    assert (item.status, item.diverifikasi_oleh) == (Realisasi.Status.DIVERIFIKASI, world.bob)


def test_return_without_a_reason_shows_the_message_at_the_field(client, world, item):
    client.force_login(world.bob)
    url = reverse("realisasi:verifikasi_update", args=[item.pk])
    response = client.post(url, {"action": "kembalikan", "komentar": "  "})
    assert response.status_code == 400
    html = response.content.decode()
    error = re.search(r'id="error_\d+_id_komentar"><strong>(.*?)</strong>', html)
    assert error and error.group(1) == "Tuliskan alasan pengembalian."
    assert item.indikator.uraian in html  # the realisasi's own page, with its forms
    item.refresh_from_db()
    assert item.status == Realisasi.Status.MENUNGGU
    client.post(url, {"action": "kembalikan", "komentar": "Lampirkan berita acara"})
    item.refresh_from_db()
    assert (item.status, item.komentar) == (Realisasi.Status.DIKEMBALIKAN, "Lampirkan berita acara")
    assert "Lampirkan berita acara" in client.get(detail(item)).content.decode()
