"""Deleting a user leaves every page that named them answering, with the name they had (issue 15)."""

from __future__ import annotations

import importlib
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.urls import reverse

from kinerja.models import JendelaRealisasi, Realisasi
from kinerja.realisasi import lembar, verifikasi
from lkjip import services as lkjip_services
from lkjip.models import Final
from renstra import services as renstra_services
from renstra.models import Indikator, Level, RenstraVersi
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import User

pytestmark = pytest.mark.django_db
TAHUN = 2024


@pytest.fixture
def history(world):
    """Alice (Dr. Alice) entered realisasi and finalised the LKjIP; Bob verified one value; Dave set the plan."""
    world.alice.nama, world.bob.nama = "Dr. Alice Permata", "Bob Santoso, S.E."
    world.alice.save()
    world.bob.save()
    plan = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))
    plan = renstra_services.tetapkan(plan, berlaku_mulai=2021, actor=world.dave)
    iku = Indikator.objects.get(elemen__versi=plan, elemen__level=Level.SASARAN)
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=TAHUN, triwulan=1, terbuka=True)
    verified = Realisasi.objects.create(
        indikator=iku, tahun=TAHUN, triwulan=1, nilai=Decimal(40), dicatat_oleh=world.alice
    )
    verifikasi.verifikasi([verified], actor=world.bob, setuju=True)
    waiting = Realisasi.objects.create(
        indikator=iku, tahun=TAHUN, triwulan=2, nilai=Decimal(60), dicatat_oleh=world.alice
    )
    dokumen = lkjip_services.lkjip(world.opd_a, TAHUN, create=True)
    final = Final(dokumen=dokumen, nomor=1, sha256="0" * 64, sidik="x", snapshot={}, difinalkan_oleh=world.alice)
    final.pdf.save("lkjip-final-1.pdf", ContentFile(b"%PDF-1.4"), save=False)
    final.save()
    return SimpleNamespace(world=world, iku=iku, verified=verified, waiting=waiting, plan=plan)


def _delete(client, admin, user):
    client.force_login(admin)
    assert client.post(reverse("sakip:user_delete", args=[user.pk])).status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()


def test_pages_that_named_a_deleted_user_still_answer_with_the_name(client, history):
    h = history
    world, iku, verified, plan = h.world, h.iku, h.verified, h.plan
    for user in (world.alice, world.bob):
        _delete(client, world.dave, user)
    # The rows still say who it was.
    verified.refresh_from_db()
    assert (verified.dicatat_oleh, verified.dicatat_oleh_nama) == (None, "Dr. Alice Permata")
    assert verified.diverifikasi_oleh_nama == "Bob Santoso, S.E."
    assert Final.objects.get().difinalkan_oleh_nama == "Dr. Alice Permata"
    assert RenstraVersi.objects.get(pk=plan.pk).ditetapkan_oleh_nama == "Dave"
    # The LKjIP page (the final's line), the realisasi page (verified by) and the queue (entered by).
    client.force_login(world.erin)
    pages = {
        reverse("lkjip:lkjip_detail", args=[world.opd_a.pk, TAHUN]): "Dr. Alice Permata",
        reverse("realisasi:realisasi_detail", args=[iku.pk, TAHUN, 1]): "Bob Santoso, S.E.",
        reverse("realisasi:verifikasi_list"): "Dr. Alice Permata",
    }
    for url, name in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert name in response.content.decode(), url


def test_a_changed_value_forgets_its_verifier_and_the_new_one_names_its_author(history):
    h = history
    world, iku, verified = h.world, h.iku, h.verified
    assert verified.diverifikasi_oleh_nama == "Bob Santoso, S.E."
    cells = [{"indikator": iku.pk, "kolom": "tw1", "value": "45"}]
    result = lembar.save_realisasi(world.opd_a, TAHUN, cells, actor=world.carol)
    assert not result.errors
    verified.refresh_from_db()
    assert (verified.nilai, verified.status) == (Decimal(45), "menunggu")
    assert (verified.dicatat_oleh_nama, verified.diverifikasi_oleh_nama) == ("Carol", "")


def test_the_migration_copies_the_names_of_existing_rows(history):
    verified, plan = history.verified, history.plan
    Realisasi.objects.update(dicatat_oleh_nama="", diverifikasi_oleh_nama="")
    Final.objects.update(difinalkan_oleh_nama="")
    RenstraVersi.objects.update(ditetapkan_oleh_nama="")
    for module in (
        "kinerja.migrations.0005_actor_names",
        "lkjip.migrations.0003_actor_names",
        "renstra.migrations.0004_actor_names",
    ):
        importlib.import_module(module).copy_names(apps, None)
    verified.refresh_from_db()
    assert (verified.dicatat_oleh_nama, verified.diverifikasi_oleh_nama) == ("Dr. Alice Permata", "Bob Santoso, S.E.")
    assert Final.objects.get().difinalkan_oleh_nama == "Dr. Alice Permata"
    assert RenstraVersi.objects.get(pk=plan.pk).ditetapkan_oleh_nama == "Dave"
