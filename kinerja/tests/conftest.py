"""Fixtures and helpers shared by kinerja's tests: a ditetapkan plan, realisasi windows, an IKU, grid posts."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.models import (
    JendelaRealisasi,
    Realisasi,
)
from renstra import services as renstra_services
from renstra.models import Indikator, Level, Target
from renstra.testing import generate_plan, make_periode, make_versi


@pytest.fixture
def plan(world):
    """OPD A's Renstra 2021–2026, ditetapkan from 2021; the sasaran indicator is an IKU in %."""
    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))
    ind = Indikator.objects.get(elemen__versi=versi, elemen__level=Level.SASARAN)
    ind.is_iku, ind.satuan = True, "%"
    ind.save()
    return renstra_services.tetapkan(versi, berlaku_mulai=2021, actor=None)


TAHUN = 2024


@pytest.fixture
def windows(world):
    """TW I closed, TW II open, TW III and IV not opened yet."""
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=TAHUN, triwulan=1, terbuka=False)
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=TAHUN, triwulan=2, terbuka=True)


@pytest.fixture
def iku(plan):
    ind = Indikator.objects.get(elemen__versi=plan, elemen__level=Level.SASARAN)
    Target.objects.filter(indikator=ind, tahun=TAHUN).update(nilai=Decimal(80))
    return ind


def post_cells(client, url, cells):
    return client.post(url, json.dumps({"cells": cells}), content_type="application/json")


def grid_url(world, name="indikator_grid"):
    return reverse(f"realisasi:{name}", args=[world.opd_a.pk, TAHUN])


def make_item(iku, world, value=Decimal(50)):
    return Realisasi.objects.create(indikator=iku, tahun=TAHUN, triwulan=2, nilai=value, dicatat_oleh=world.alice)
