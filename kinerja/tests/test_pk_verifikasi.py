"""The public check behind a signed PK's QR code: anyone may open it, it shows only what is printed to compare,
it answers an unknown or unsigned code with "tidak ditemukan", and it is rate-limited per client."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from kinerja import services
from kinerja.views.pk import VERIFIKASI_PER_MENIT


@pytest.fixture
def signed(world, plan):
    world.pemda.kepala_daerah_nama = "H. ABDUL, S.Sos"
    world.pemda.save()
    pk = services.susun_dari_renstra(world.kepala_a, 2024)
    services.ajukan(pk, actor=world.alice)
    return services.tandatangani(pk, actor=world.erin, tanggal=datetime.date(2024, 2, 5))


def url(kode):
    return reverse("kinerja:pk_verifikasi", args=[kode])


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_anyone_can_check_a_signed_pk_and_sees_only_the_printed_facts(signed, world):
    response = Client().get(url(signed.kode_verifikasi))
    assert response.status_code == 200
    html = response.content.decode()
    text = visible_text(html)
    assert "Dokumen ini sah" in text
    for shown in (
        "Perjanjian Kinerja Tahun 2024",
        "Dr. Ani, M.Si — Kepala Badan A Kabupaten Satu",
        "H. ABDUL, S.Sos — Bupati Satu",
        "5 Februari 2024",
        signed.pdf_sha256,
    ):
        assert shown in text, shown
    # Nothing else: no NIP, no targets or budget, no workflow, no way into Sakip.
    for hidden in ("196704031994032015", "19670403", "Sasaran 1", "8.000.000", "Diajukan", "alice", "Unduh"):
        assert hidden not in text, hidden
    assert "<a " not in html and "<form" not in html


def test_a_logged_in_user_gets_the_same_minimal_page(signed, world):
    client = Client()
    client.force_login(world.alice)
    html = client.get(url(signed.kode_verifikasi)).content.decode()
    assert signed.pdf_sha256 in html
    assert 'data-testid="nav"' not in html and "<a " not in html


@pytest.mark.parametrize("status", ["draft", "diajukan"])
def test_the_code_of_an_unsigned_pk_is_not_valid(signed, status):
    signed.status = status
    signed.save()
    response = Client().get(url(signed.kode_verifikasi))
    assert response.status_code == 404
    text = visible_text(response.content.decode())
    assert "tidak ditemukan" in text
    assert "Dr. Ani" not in text and signed.pdf_sha256 not in text and "sah:" not in text


@pytest.mark.parametrize("kode", ["0123456789abcdef", "ZZZZ", "x" * 200, "' OR 1=1 --"])
def test_an_unknown_code_reveals_nothing(db, kode):
    response = Client().get(url(kode))
    assert response.status_code == 404
    text = visible_text(response.content.decode())
    assert "Kode verifikasi tidak ditemukan" in text
    assert "Halaman tidak ditemukan" not in text  # not the site's page, which offers the way home


def test_checks_are_rate_limited_per_client(signed):
    guesser, other = Client(REMOTE_ADDR="198.51.100.7"), Client(REMOTE_ADDR="198.51.100.8")
    for i in range(VERIFIKASI_PER_MENIT - 1):
        assert guesser.get(url(f"{i:016x}")).status_code == 404  # guessing counts
    assert guesser.get(url(signed.kode_verifikasi)).status_code == 200
    response = guesser.get(url(signed.kode_verifikasi))
    assert response.status_code == 429 and response["Retry-After"] == "60"
    text = visible_text(response.content.decode())
    assert "Terlalu banyak" in text and signed.pdf_sha256 not in text
    assert other.get(url(signed.kode_verifikasi)).status_code == 200
