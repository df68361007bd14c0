"""Issue 16, journey 2: a draft PK reads its parties live (a signer the admin fixes counts at once) and
freezes them when signed; a draft can be deleted (asked first, audited, refused to other roles and for a
signed PK); *Susun PK* opens an existing draft and proposes a year the Renstra in force covers."""

import re

import pytest
from django.urls import reverse

from kinerja import services
from kinerja.forms import SusunPKForm
from kinerja.models import PerjanjianKinerja, PKIndikator
from renstra import services as renstra_services
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import AuditEntry

MISSING_SIGNER = "Nama kepala daerah (pihak kedua) belum diisi di Profil pemda."


@pytest.fixture
def draft(world, plan):
    """Drafted while the pemda's profile has no kepala daerah name: the second party is missing."""
    assert not world.pemda.kepala_daerah_nama
    return services.susun_dari_renstra(world.kepala_a, 2024)


def ajukan_button(html: str) -> str:
    found = re.search(r"<button[^>]*>Ajukan untuk ditandatangani</button>", html)
    assert found, "no Ajukan button on the page"
    return found.group(0)


def test_a_signer_fixed_by_the_admin_counts_at_once_and_the_pk_is_submitted(client, world, draft, monkeypatch):
    client.force_login(world.alice)
    html = client.get(draft.get_absolute_url()).content.decode()
    assert MISSING_SIGNER in html and "disabled" in ajukan_button(html)
    world.pemda.kepala_daerah_nama = "H. ABDUL, S.Sos"  # the admin fills the pemda's profile
    world.pemda.save()
    html = client.get(draft.get_absolute_url()).content.decode()
    assert MISSING_SIGNER not in html and "disabled" not in ajukan_button(html)
    assert "H. ABDUL, S.Sos" in html
    assert PerjanjianKinerja.objects.get(pk=draft.pk).kedua_nama == ""  # reading the page wrote nothing
    client.post(reverse("kinerja:pk_ajukan", args=[draft.pk]))
    draft.refresh_from_db()
    assert (draft.status, draft.kedua_nama) == ("diajukan", "H. ABDUL, S.Sos")
    # Signed: the parties are frozen; a later change of the profile does not touch the signed PK.
    monkeypatch.setattr(services.exporters, "pk_pdf", lambda pk, **kw: b"%PDF-1.4 test")
    client.force_login(world.erin)
    client.post(reverse("kinerja:pk_tandatangani", args=[draft.pk]))
    world.pemda.kepala_daerah_nama = "Bupati Baru"
    world.pemda.save()
    html = client.get(draft.get_absolute_url()).content.decode()
    assert "H. ABDUL, S.Sos" in html and "Bupati Baru" not in html


def test_susun_again_opens_the_existing_draft(client, world, draft):
    client.force_login(world.alice)
    url = reverse("kinerja:pk_create", args=[world.opd_a.pk])
    response = client.post(url, {"jabatan": world.kepala_a.pk, "tahun": 2024}, follow=True)
    assert response.redirect_chain[-1][0] == draft.get_absolute_url()
    assert "PK ini sudah ada sebagai draf" in response.content.decode()
    assert PerjanjianKinerja.objects.filter(jabatan=world.kepala_a, tahun=2024).count() == 1


def test_delete_a_draft_after_asking_then_susun_again(client, world, draft):
    client.force_login(world.alice)
    url = reverse("kinerja:pk_delete", args=[draft.pk])
    assert f'href="{url}"' in client.get(draft.get_absolute_url()).content.decode()
    asked = client.get(url).content.decode()
    assert "Ya, hapus draf" in asked and "1 indikator kinerja" in asked
    assert PerjanjianKinerja.objects.filter(pk=draft.pk).exists()
    response = client.post(url, follow=True)
    assert "Draf PK dihapus." in response.content.decode()
    assert not PerjanjianKinerja.objects.filter(pk=draft.pk).exists()
    assert not PKIndikator.objects.filter(pk_doc_id=draft.pk).exists()
    entry = AuditEntry.objects.get(content_type__model="perjanjiankinerja", object_pk=str(draft.pk), action=2)
    assert entry.actor == world.alice
    again = services.susun_dari_renstra(world.kepala_a, 2024)
    assert again.status == "draft"


@pytest.mark.parametrize("user", ["bob", "erin"])
def test_roles_that_cannot_edit_cannot_delete(client, world, draft, user):
    client.force_login(getattr(world, user))
    url = reverse("kinerja:pk_delete", args=[draft.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert PerjanjianKinerja.objects.filter(pk=draft.pk).exists()
    assert 'hapus/"' not in client.get(draft.get_absolute_url()).content.decode()


def test_a_signed_or_submitted_pk_cannot_be_deleted(client, world, draft, monkeypatch):
    world.pemda.kepala_daerah_nama = "H. ABDUL, S.Sos"
    world.pemda.save()
    services.ajukan(draft, actor=world.alice)
    client.force_login(world.alice)
    url = reverse("kinerja:pk_delete", args=[draft.pk])
    response = client.get(url)
    assert response.status_code == 409 and "kembalikan dulu ke draf" in response.content.decode()
    monkeypatch.setattr(services.exporters, "pk_pdf", lambda pk, **kw: b"%PDF-1.4 test")
    services.tandatangani(draft, actor=None)
    assert "sudah ditandatangani" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "tidak dapat dihapus" in response.content.decode()
    assert PerjanjianKinerja.objects.get(pk=draft.pk).is_signed


def test_susun_pk_proposes_a_year_the_renstra_in_force_covers(world, plan):
    # OPD A's plan covers 2021-2026 and today is 1 December 2026 in the tests.
    form = SusunPKForm(opd=world.opd_a)
    assert form.fields["tahun"].initial == 2026
    assert [y for y, _label in form.fields["tahun"].choices] == [2026, 2025, 2024, 2023, 2022, 2021]
    # OPD B's plan ended in 2024: its last year is proposed, and no year without a plan is offered.
    versi = generate_plan(make_versi(world.opd_b, make_periode(world.pemda, 2019, 2024)))
    renstra_services.tetapkan(versi, berlaku_mulai=2019, actor=None)
    form = SusunPKForm(opd=world.opd_b)
    assert form.fields["tahun"].initial == 2024
    assert max(y for y, _label in form.fields["tahun"].choices) == 2024


def test_susun_pk_page_preselects_that_year(client, world, plan):
    client.force_login(world.alice)
    html = client.get(reverse("kinerja:pk_create", args=[world.opd_a.pk])).content.decode()
    assert re.search(r'<option value="2026"\s+selected>', html)
