"""The realisasi window's dates (issue 16): within the window's year and the next, closing not before opening (said
at *Ditutup pada*), and the card's header shows what is saved, not what was refused."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from kinerja.models import JendelaRealisasi
from tests.test_number_fields import message_at

URL = reverse("realisasi:jendela_update", args=[2026])


def _post(client, world, **dates):
    client.force_login(world.dave)
    data = {"triwulan": "2", "tw2-terbuka": "on", "tw2-dibuka_pada": "", "tw2-ditutup_pada": ""}
    data.update({f"tw2-{name}": value for name, value in dates.items()})
    return client.post(URL, data)


@pytest.mark.parametrize(
    ("name", "tanggal"),
    [("dibuka_pada", "1900-01-01"), ("ditutup_pada", "9999-12-31"), ("dibuka_pada", "2025-12-31")],
)
def test_a_window_date_outside_its_year_and_the_next_is_refused_at_its_field(client, world, name, tanggal):
    response = _post(client, world, **{name: tanggal})
    assert message_at(response, f"tw2-{name}") == "Tanggal harus antara 1 Januari 2026 dan 31 Desember 2027."
    assert not JendelaRealisasi.objects.exists()


def test_a_tw_iv_may_close_in_the_next_january(client, world):
    _post(client, world, dibuka_pada="2026-04-01", ditutup_pada="2027-01-15")
    window = JendelaRealisasi.objects.get()
    assert window.ditutup_pada == datetime.date(2027, 1, 15)


def test_closing_before_opening_is_said_at_the_closing_date_and_the_header_keeps_the_saved_dates(client, world):
    JendelaRealisasi.objects.create(
        pemda=world.pemda,
        tahun=2026,
        triwulan=2,
        terbuka=True,
        dibuka_pada=datetime.date(2026, 4, 1),
        ditutup_pada=datetime.date(2026, 7, 15),
    )
    response = _post(client, world, dibuka_pada="2026-08-01", ditutup_pada="2026-07-01")
    assert message_at(response, "tw2-ditutup_pada") == "Tanggal tutup tidak boleh sebelum tanggal buka."
    html = response.content.decode()
    header = re.search(r'data-testid="window-dates-2">(.*?)</p>', html, re.S).group(1)
    assert "Dibuka 1 April 2026" in header and "ditutup 15 Juli 2026" in header
    window = JendelaRealisasi.objects.get()
    assert (window.dibuka_pada, window.ditutup_pada) == (datetime.date(2026, 4, 1), datetime.date(2026, 7, 15))
