"""*Tetapkan* (issue 16): the legal basis is dated neither in the future nor long before the period (a message at
the field), and *Berlaku mulai* offers only the years the version may apply from."""

import re

import pytest
from django.urls import reverse

from renstra import services
from tests.test_number_fields import message_at


@pytest.fixture
def ketiga(versi, world):
    murni = services.tetapkan(versi, berlaku_mulai=2021, actor=world.alice)
    kedua = services.create_perubahan(murni)
    services.tetapkan(kedua, berlaku_mulai=2024, actor=world.alice)
    return services.create_perubahan(kedua)


@pytest.mark.parametrize(
    ("tanggal", "message"),
    [
        ("2099-12-31", "Tanggal harus antara 1 Januari 2016 dan 1 Desember 2026."),
        ("2026-12-02", "Tanggal harus antara 1 Januari 2016 dan 1 Desember 2026."),
        ("2015-12-31", "Tanggal harus antara 1 Januari 2016 dan 1 Desember 2026."),
    ],
)
def test_a_legal_basis_dated_in_the_future_or_long_before_the_period_is_refused_at_its_field(
    client, world, ketiga, tanggal, message
):
    client.force_login(world.alice)
    url = reverse("renstra:versi_tetapkan", args=[ketiga.pk])
    data = {"berlaku_mulai": 2026, "dasar_hukum_nomor": "Perbup 5/2026", "dasar_hukum_tanggal": tanggal}
    assert message_at(client.post(url, data), "dasar_hukum_tanggal") == message
    ketiga.refresh_from_db()
    assert ketiga.is_draft
    # The same bound on the version's description.
    response = client.post(reverse("renstra:versi_update", args=[ketiga.pk]), {**data, "jenis": ketiga.jenis})
    assert message_at(response, "dasar_hukum_tanggal") == message


def test_berlaku_mulai_offers_only_the_years_from_the_amended_versions_start(client, world, ketiga):
    client.force_login(world.alice)
    html = client.get(reverse("renstra:versi_tetapkan", args=[ketiga.pk])).content.decode()
    select = re.search(r'<select name="berlaku_mulai".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="(\d+)"', select) == ["2024", "2025", "2026"]
