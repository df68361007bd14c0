"""Every field a user types into has a bound the server checks, answered at the field (issue 15): text longer
than its column, and every model the project writes is in the audit log (but the renderings' cache)."""

from __future__ import annotations

import io

import pytest
from auditlog.registry import auditlog
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from renstra.models import Nomenklatur
from sakip.models import PerangkatDaerah
from tests.test_number_fields import message_at

# Not audited, and why: the log itself; a rendering of a document is a cache keyed by its data's fingerprint
# (its final versions, lkjip.Final, are audited); a reminder's record is the log of e-mails sent, written by
# ``send_reminders`` only, never by a user.
UNAUDITED = {"sakip.auditentry", "lkjip.cetakan", "kinerja.pengingat"}


def test_every_model_of_the_project_is_audited():
    models = [
        m
        for label in ("sakip", "renstra", "pohon", "kinerja", "lkjip")
        for m in apps.get_app_config(label).get_models()
    ]
    missing = {m._meta.label_lower for m in models if not auditlog.contains(m)} - UNAUDITED
    assert not missing, f"models written without audit entries: {missing}"


@pytest.mark.parametrize("website", ["https://balangan.go.id/" + "a" * 250])
def test_an_opd_website_longer_than_its_column_is_refused_at_its_field(client, world, website):
    client.force_login(world.dave)
    url = reverse("sakip:opd_update", args=[world.opd_a.pk])
    data = {"kode": "A", "nama": "Badan A", "singkatan": "BA", "website": website, "aktif": "on"}
    response = client.post(url, data)
    assert "200" in message_at(response, "website")
    assert PerangkatDaerah.objects.get(pk=world.opd_a.pk).website == ""


@pytest.mark.parametrize(("kode", "satuan", "message"), [
    ("8.01.02", "x" * 61, "Baris 2: Satuan paling panjang 60 karakter."),
    ("8.01.02.2." + "1" * 30, "", "Baris 2: Kode paling panjang 30 karakter."),
])  # fmt: skip
def test_a_nomenclature_row_longer_than_its_columns_is_refused_by_the_preview(client, world, kode, satuan, message):
    wb = Workbook()
    wb.active.append(["Kode", "Nomenklatur", "Kinerja", "Indikator", "Satuan"])
    wb.active.append([kode, "Program", "", "", satuan])
    out = io.BytesIO()
    wb.save(out)
    client.force_login(world.olga)
    upload = SimpleUploadedFile("n.xlsx", out.getvalue())
    response = client.post(reverse("renstra:nomenklatur_import"), {"versi": Nomenklatur.Versi.V2023, "berkas": upload})
    assert response.status_code == 200 and message in response.content.decode()
    assert not Nomenklatur.objects.exists()
