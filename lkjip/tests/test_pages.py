"""The document pages: the index's years, every table as .xlsx, a constant number of queries."""

from __future__ import annotations

import io
import re

from django.urls import reverse
from openpyxl import load_workbook

from lkjip.tests.conftest import BLITAR, opd_by_kode
from renstra import services as renstra_services
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import User
from sakip.testing import assert_same_queries, capture_queries


def test_every_table_downloads_as_xlsx(client, demo):
    opd = opd_by_kode(BLITAR)
    client.force_login(User.objects.get(username="evaluator.blitar"))
    response = client.get(reverse("lkjip:lkjip_xlsx", args=[opd.pk, 2024]))
    book = load_workbook(io.BytesIO(response.content))
    assert {"Tabel 3.1", "Tabel 3.5", "Tabel 3.6", "Tabel 3.7"} <= set(book.sheetnames)
    values = [cell for row in book["Tabel 3.6"].iter_rows(values_only=True) for cell in row]
    assert 44566775320 in values
    one = client.get(reverse("lkjip:lkjip_xlsx", args=[opd.pk, 2024]) + "?tabel=efisiensi")
    assert load_workbook(io.BytesIO(one.content)).sheetnames == ["Tabel 3.5"]


def test_document_pages_run_a_constant_number_of_queries(client, world):
    """The Renstra and LKjIP pages of a plan of 2 and of 32 sub kegiatan run the same queries."""
    client.force_login(world.alice)
    counts = []
    for size, start in ((1, 2021), (4, 2031)):
        versi = generate_plan(
            make_versi(world.opd_a, make_periode(world.pemda, start, start + 5)),
            programs=size,
            kegiatan_per_program=size,
            sub_per_kegiatan=size,
        )
        renstra_services.tetapkan(versi, berlaku_mulai=start, actor=None)
        page = []
        for url in (
            reverse("lkjip:renstra_detail", args=[versi.pk]),
            reverse("lkjip:lkjip_detail", args=[world.opd_a.pk, start + 2]),
        ):
            with capture_queries(url) as log:
                assert client.get(url).status_code == 200
            page.append(log)
        counts.append(page)
    assert_same_queries(counts[0], counts[1])


def test_the_index_lists_the_years_a_renstra_is_in_force(client, world):
    """An LKjIP year is offered from the year a ditetapkan Renstra applies up to this year, and not before."""
    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)), programs=1)
    client.force_login(world.alice)
    page = client.get(reverse("lkjip:index")).content.decode()
    assert "Belum ada Renstra yang ditetapkan." in page
    renstra_services.tetapkan(versi, berlaku_mulai=2023, actor=None)
    page = client.get(reverse("lkjip:index")).content.decode()
    links = re.findall(reverse("lkjip:lkjip_detail", args=[world.opd_a.pk, 9999]).replace("9999", r"(\d{4})"), page)
    assert links == ["2026", "2025", "2024", "2023"]
